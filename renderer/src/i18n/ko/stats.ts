import type { Catalog } from '../en';

export const stats: Catalog['stats'] = {
  cpu: 'CPU',
  memory: '메모리',
  network: '네트워크',
  block: '디스크 I/O',
  rxTx: '받음 {{rx}}, 보냄 {{tx}} (초당 {{rate}})',
  readWrite: '읽음 {{read}}, 씀 {{write}}',
  waiting: '첫 측정값을 기다리는 중…',
  chart: '최근 1분간 {{what}}',
};
