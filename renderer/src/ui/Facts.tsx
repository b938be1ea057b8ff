/** Label–value pairs as a definition list; empty values are left out. Values are text. */
export function Facts({ rows }: { rows: readonly (readonly [string, string | undefined])[] }) {
  return (
    <dl className="facts">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd className="facts__pre">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
