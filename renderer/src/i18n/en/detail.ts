export const detail = {
  back: 'Containers',
  tabs: 'Container details',
  logs: 'Logs',
  terminal: 'Terminal',
  files: 'Files',
  inspect: 'Inspect',
  stats: 'Stats',
  gone: 'Removed',
  health: {
    title: 'Last health check',
    lastProbe: 'Last health check at {{time}}: exit code {{code}}',
    noOutput: '(the check printed nothing)',
  },
} as const;
