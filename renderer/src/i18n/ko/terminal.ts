import type { Catalog } from '../en';

export const terminal: Catalog['terminal'] = {
  sessions: '터미널 세션',
  session: '터미널 {{number}}',
  closeSession: '터미널 {{number}} 닫기',
  new: '+ 새 터미널',
  none: '열린 터미널이 없습니다.',
  usingBash: '셸: bash',
  usingSh: '셸: {{shell}} (이 이미지에는 bash가 없습니다)',
  ended: '셸이 종료되었습니다 (코드 {{code}}). 계속하려면 새 터미널을 여세요.',
  endedUnknown: '셸이 끝났습니다. 컨테이너가 멈췄거나 엔진 연결이 끊겼습니다. 계속하려면 새 터미널을 여세요.',
  failed: '터미널을 열지 못했습니다',
  label: '{{name}}의 터미널',
  inputLabel: '터미널 입력',
  tooMuchOutput: '출력이 너무 많아 읽어 줄 수 없습니다. 줄을 하나씩 옮겨 가며 읽으세요.',
};
