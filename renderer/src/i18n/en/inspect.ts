export const inspect = {
  search: 'Search keys and values',
  copy: 'Copy JSON',
  tree: 'Inspect document',
} as const;
