import type { Catalog } from '../en';

export const status: Catalog['status'] = {
  connected: '연결됨',
  connecting: '연결 중…',
  disconnected: '연결 끊김',
  engineLabel: '엔진',
  hostClosed: 'Berth 호스트에 연결할 수 없습니다',
};
