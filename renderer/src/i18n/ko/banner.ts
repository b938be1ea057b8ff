import type { Catalog } from '../en';

export const banner: Catalog['banner'] = {
  linkLost: {
    noAnswer: '엔진 소켓에서 응답이 없습니다({{code}}).',
    timeout: '엔진이 제때 응답하지 않았습니다.',
    closed: '엔진이 연결을 닫았습니다.',
  },
  engineDown: '컨테이너 엔진이 응답하지 않습니다.',
  retrying: 'Berth가 계속 시도하며 자동으로 다시 연결합니다 ({{seconds}}초 후 재시도).',
  retryingSoon: 'Berth가 계속 시도하며 자동으로 다시 연결합니다.',
  hostDown: 'Berth 호스트와의 연결이 끊겼습니다. 다시 연결하는 중…',
  actionsDisabled: '엔진이 돌아올 때까지 작업을 할 수 없습니다.',
};
