/**
 * A User Timing mark for bench/ to read (`berth:<what>:<moment>`), replacing any earlier one of the
 * same name: a list refetched all day leaves one mark, not one per refetch. Costs nothing when
 * nobody reads the marks.
 */
export function markTime(name: string, detail?: unknown): void {
  performance.clearMarks(name);
  performance.mark(name, detail === undefined ? undefined : { detail });
}
