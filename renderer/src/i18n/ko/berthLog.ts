import type { Catalog } from '../en';

export const berthLog: Catalog['berthLog'] = {
  title: 'Berth 로그',
  intro: 'Berth가 직접 남긴 기록입니다. 처리한 오류와 고른 엔진 등이 담깁니다. 비밀번호, 토큰, 환경 변수 값은 기록하지 않습니다.',
  show: '마지막 줄 보기',
  hide: '로그 숨기기',
  refresh: '새로 고침',
  folder: '로그 폴더: {{folder}}',
  noLog: '이번 실행에서는 Berth가 로그를 쓰지 않고 있습니다.',
  empty: '아직 기록된 내용이 없습니다.',
  linesLabel: 'Berth 로그의 마지막 줄',
  copy: '진단 정보 복사',
  copyHint: '버그 보고에 쓸 버전, 엔진 정보, 로그 마지막 200줄을 복사합니다.',
  copied: '진단 정보를 클립보드에 복사했습니다.',
  copyFailed: '클립보드에 복사하지 못했습니다. 아래 내용을 직접 복사해 주세요.',
  reportLabel: '진단 보고서',
};
