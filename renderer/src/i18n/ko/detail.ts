import type { Catalog } from '../en';

export const detail: Catalog['detail'] = {
  back: '컨테이너',
  tabs: '컨테이너 상세',
  logs: '로그',
  terminal: '터미널',
  files: '파일',
  inspect: '상세 정보',
  stats: '통계',
  gone: '삭제됨',
  health: {
    title: '마지막 상태 확인',
    lastProbe: '마지막 상태 확인 {{time}}: 종료 코드 {{code}}',
    noOutput: '(확인 명령이 아무것도 출력하지 않았습니다)',
  },
};
