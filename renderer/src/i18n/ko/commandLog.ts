import type { Catalog } from '../en';

export const commandLog: Catalog['commandLog'] = {
  open: '명령 기록',
  title: '명령 기록',
  intro: '이번 세션에서 Berth가 엔진에 한 모든 일을 같은 뜻의 docker 명령으로 보여 줍니다. 최신 항목이 위에 있고, 비밀 값은 가려집니다.',
  empty: '아직 기록이 없습니다. 컨테이너를 시작·중지·실행하거나 이미지를 받거나 지우면 여기에 나타납니다.',
  time: '시각',
  command: '명령',
  result: '결과',
  ok: '완료',
  failed: '실패: {{error}}',
  cancelled: '취소됨',
  copyScript: '스크립트로 복사',
  copied: '복사됨',
  close: '닫기',
  scriptHeader: 'Berth 명령 기록, {{date}}. 실패한 명령은 주석으로 남겼습니다.',
  scriptFailed: '실패: {{error}}',
};
