import type { Catalog } from '../en';

export const follow: Catalog['follow'] = {
  waiting: '엔진이 응답하지 않습니다. 다시 연결되면 이어서 받습니다',
  resumed: '엔진이 다시 시작되었습니다 — {{seconds}}초 동안 {{what}} 없음',
  ended: '스트림이 끝났고 다시 이어 받을 수 없습니다',
  logs: '로그',
  stats: '통계',
};
