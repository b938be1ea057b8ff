export const remove = {
  title_one: 'Remove {{count}} container?',
  title_other: 'Remove {{count}} containers?',
  body: 'These containers and their writable layers (files changed inside them) are deleted for good:',
  running_one: '{{count}} of them is running: it will be stopped and removed.',
  running_other: '{{count}} of them are running: they will be stopped and removed.',
  anonymousVolumes_one: 'Also remove {{count}} anonymous volume these containers made',
  anonymousVolumes_other: 'Also remove {{count}} anonymous volumes these containers made',
  namedVolumesKept: 'Named volumes are kept.',
  submit: 'Remove',
} as const;
