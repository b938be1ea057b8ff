export const rename = {
  title: 'Rename container',
  newName: 'New name',
  submit: 'Rename',
  failed: 'Could not rename',
} as const;
