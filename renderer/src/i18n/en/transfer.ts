export const transfer = {
  soFar: '{{bytes}} so far',
  ofTotal: '{{bytes}} of {{total}} ({{percent}}%)',
} as const;
