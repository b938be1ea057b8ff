import type { Catalog } from '../en';

export const common: Catalog['common'] = {
  revealSecrets: '비밀 값 보기',
  hideSecrets: '비밀 값 숨기기',
  cancel: '취소',
  close: '닫기',
  copy: '복사',
  copied: '복사됨',
  search: '검색',
  loading: '불러오는 중…',
  dockerCommand: 'Docker 명령어',
  hint: '도움말',
  unknownError: '문제가 발생했습니다.',
};
