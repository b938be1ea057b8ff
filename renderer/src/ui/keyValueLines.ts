/** "key=value" lines (labels, driver options) as a record, or the first line that is not one. */
export function parseKeyValueLines(text: string): { values: Record<string, string> } | { problem: string } {
  const values: Record<string, string> = {};
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const [index, line] of lines.entries()) {
    const eq = line.indexOf('=');
    if (eq <= 0) return { problem: `Line ${index + 1} is not key=value, e.g. team=payments.` };
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { values };
}
