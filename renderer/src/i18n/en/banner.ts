export const banner = {
  linkLost: {
    noAnswer: 'Nothing answers at the engine’s socket ({{code}}).',
    timeout: 'The engine did not answer in time.',
    closed: 'The engine closed the connection.',
  },
  engineDown: 'The container engine is not answering.',
  retrying: 'Berth keeps trying and reconnects by itself (next try in {{seconds}} s).',
  retryingSoon: 'Berth keeps trying and reconnects by itself.',
  hostDown: 'Lost the link to Berth’s host. Reconnecting…',
  actionsDisabled: 'Actions are turned off until the engine is back.',
} as const;
