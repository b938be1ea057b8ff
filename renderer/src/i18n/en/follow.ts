export const follow = {
  waiting: 'the engine is not answering; this resumes when it is back',
  resumed: 'the engine restarted — no {{what}} for {{seconds}} s',
  ended: 'the stream ended and could not be resumed',
  logs: 'logs',
  stats: 'stats',
} as const;
