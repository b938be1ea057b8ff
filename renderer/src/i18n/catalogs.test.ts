import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';

function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else for (const [k, v] of Object.entries(value as object)) for (const [p, s] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, s);
  return out;
}

describe('catalogs', () => {
  const english = leaves(en);
  const korean = leaves(ko);

  it('have the same keys', () => {
    expect([...korean.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty text and keep every {{placeholder}}', () => {
    for (const [key, text] of english) {
      expect(text, key).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(placeholders(korean.get(key)!), key).toEqual(placeholders(text));
    }
  });
});
