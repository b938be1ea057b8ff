import { useState } from 'react';

/** Which rows of a list are ticked: a set of keys with a toggle. */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };
  return { selected, toggle, setSelected };
}
