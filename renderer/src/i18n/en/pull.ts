export const pull = {
  title: 'Pull an image',
  reference: 'Image',
  normalized: 'Pulls {{name}}',
  submit: 'Pull',
  cancel: 'Cancel pull',
  total: '{{current}} of {{total}}',
  totalLabel: 'Total progress',
  layers: 'Layers',
  done: 'Pulled {{image}}.',
  cancelled: 'The pull was cancelled.',
  failed: 'The pull failed',
  loginTo: 'Log in to {{registry}}…',
} as const;
