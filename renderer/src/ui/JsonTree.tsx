import { useState } from 'react';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** True when the key path or a value under it contains the needle (already lower-case). */
function matches(value: Json, path: string, needle: string): boolean {
  if (!needle) return true;
  if (path.toLowerCase().includes(needle)) return true;
  if (value === null || typeof value !== 'object') return String(value).toLowerCase().includes(needle);
  return Object.entries(value).some(([key, child]) => matches(child, `${path}.${key}`, needle));
}

/**
 * A JSON document as a collapsible tree. Every key and value is rendered as text (React escapes it):
 * labels and env values come from images and people we do not control.
 */
export function JsonTree({ value, search, label }: { value: Json; search: string; label: string }) {
  return (
    <div className="json-tree" role="tree" aria-label={label}>
      <JsonNode name={null} value={value} path="" needle={search.trim().toLowerCase()} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, path, needle, depth }: { name: string | null; value: Json; path: string; needle: string; depth: number }) {
  const [open, setOpen] = useState(depth < 1);
  if (!matches(value, path, needle)) return null;
  const key = name === null ? null : <span className="json-tree__key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-tree__leaf" role="treeitem">
        {key}
        <span className={`json-tree__value json-tree__value--${value === null ? 'null' : typeof value}`}>
          {typeof value === 'string' ? JSON.stringify(value) : String(value)}
        </span>
      </div>
    );
  }
  const entries = Object.entries(value);
  const expanded = open || Boolean(needle);
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <div role="treeitem" aria-expanded={expanded}>
      <button type="button" className="json-tree__toggle" onClick={() => setOpen(!open)}>
        {expanded ? '▾' : '▸'} {key}
        {brackets[0]}
        {!expanded && `… ${entries.length} ${brackets[1]}`}
      </button>
      {expanded && (
        <div className="json-tree__children" role="group">
          {entries.map(([childName, child]) => (
            <JsonNode key={childName} name={childName} value={child} path={`${path}.${childName}`} needle={needle} depth={depth + 1} />
          ))}
          <span>{brackets[1]}</span>
        </div>
      )}
    </div>
  );
}
