/** `current` with `patch` applied, where a key patched to undefined is removed (so status objects stay JSON-clean). */
export function withPatch<T extends object>(current: T, patch: Partial<T>): T {
  const next = { ...current, ...patch };
  for (const key of Object.keys(patch) as (keyof T)[]) {
    if (patch[key] === undefined) delete next[key];
  }
  return next;
}
