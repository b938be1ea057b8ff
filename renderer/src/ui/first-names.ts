/**
 * The first `max` of a list of names for a table cell, and how many are left out. A volume or
 * network a few hundred containers use would otherwise list every name in its row: seen 689 px
 * tall for 300 names (and unbounded with more), squeezing the other columns.
 */
export function firstNames<T>(names: readonly T[], max: number): { shown: readonly T[]; more: number } {
  // "and 1 more" takes as much room as the one name it hides: show that name instead.
  if (names.length <= max + 1) return { shown: names, more: 0 };
  return { shown: names.slice(0, max), more: names.length - max };
}
