export const stats = {
  cpu: 'CPU',
  memory: 'Memory',
  network: 'Network',
  block: 'Disk I/O',
  rxTx: 'received {{rx}}, sent {{tx}} ({{rate}}/s)',
  readWrite: 'read {{read}}, written {{write}}',
  waiting: 'Waiting for the first reading…',
  chart: '{{what}} over the last minute',
} as const;
