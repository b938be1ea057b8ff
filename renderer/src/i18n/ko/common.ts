import type { Catalog } from '../en';

export const common: Catalog['common'] = {
  revealSecrets: '비밀 값 보기',
  hideSecrets: '비밀 값 숨기기',
  cancel: '취소',
  usersUnknown: '어떤 컨테이너가 사용 중인지 아직 알 수 없습니다(컨테이너 목록을 불러오지 못했습니다). 그래도 엔진은 컨테이너가 사용 중인 것은 삭제하지 않습니다.',
  usersUnknownShort: '알 수 없음: 컨테이너 목록을 불러오지 못했습니다',
  close: '닫기',
  copy: '복사',
  copied: '복사됨',
  search: '검색',
  loading: '불러오는 중…',
  dockerCommand: 'Docker 명령어',
  hint: '도움말',
  unknownError: '문제가 발생했습니다.',
};
