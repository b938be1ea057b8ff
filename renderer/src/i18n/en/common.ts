export const common = {
  revealSecrets: 'Show secrets',
  hideSecrets: 'Hide secrets',
  cancel: 'Cancel',
  close: 'Close',
  copy: 'Copy',
  copied: 'Copied',
  search: 'Search',
  loading: 'Loading…',
  dockerCommand: 'Docker command',
  hint: 'Hint',
  unknownError: 'Something went wrong.',
} as const;
