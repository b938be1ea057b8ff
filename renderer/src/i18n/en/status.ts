export const status = {
  connected: 'Connected',
  connecting: 'Connecting…',
  disconnected: 'Disconnected',
  engineLabel: 'Engine',
  hostClosed: 'Berth’s host is not reachable',
} as const;
