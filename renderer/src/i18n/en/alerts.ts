/** Crash alerts: desktop notifications and the mark in the containers list. */
export const alerts = {
  title: {
    exited: '{{name}} stopped unexpectedly',
    oomKilled: '{{name}} ran out of memory',
    restartLoop: '{{name}} keeps crashing',
    unhealthy: '{{name}} is unhealthy',
  },
  body: {
    exited: 'It exited with code {{code}} without anyone stopping it. Open it to read its last logs.',
    oomKilled: 'The kernel killed it for using more memory than it may (exit code {{code}}). Open it to read its last logs.',
    restartLoop: 'It died {{count}} times within a minute and its restart policy keeps starting it again (last exit code {{code}}).',
    unhealthy: 'Its healthcheck fails. Open it to see the last checks and its logs.',
    restarted: 'It exited with code {{code}}; its restart policy started it again.',
  },
  mark: 'Crash alert: {{title}}',
  mute: 'Mute crash alerts',
  unmute: 'Unmute crash alerts',
} as const;
