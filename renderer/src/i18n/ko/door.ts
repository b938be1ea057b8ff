import type { Catalog } from '../en';

export const door: Catalog['door'] = {
  title: 'Berth를 열려면 새 주소가 필요합니다',
  tokenUsed: '이 주소로 이미 Berth를 한 번 열었습니다. 주소 하나로는 Berth를 한 번만 열 수 있습니다. Berth를 다시 시작하거나 새 주소를 요청하세요(Berth가 실행 중인 터미널에서 Enter 키를 누르거나 “npm run web:address”를 실행하면 됩니다).',
  tokenUnknown: '이 Berth가 발급한 주소가 아닙니다(Berth가 다시 시작되기 전의 주소일 수 있습니다). Berth가 출력한 주소를 열거나, Berth를 다시 시작하거나, 새 주소를 요청하세요(Berth가 실행 중인 터미널에서 Enter 키를 누르거나 “npm run web:address”를 실행하면 됩니다).',
  noLogin: 'Berth가 시작할 때 출력한 주소를 여세요. 그 주소에 일회용 키가 들어 있습니다. 이미 사용한 주소라면 Berth를 다시 시작하거나 새 주소를 요청하세요(Berth가 실행 중인 터미널에서 Enter 키를 누르거나 “npm run web:address”를 실행하면 됩니다).',
  sessionUnknown: 'Berth가 다시 시작되어 이 페이지의 세션이 끝났습니다. Berth가 새로 출력한 주소를 열거나 새 주소를 요청하세요(Berth가 실행 중인 터미널에서 Enter 키를 누르거나 “npm run web:address”를 실행하면 됩니다).',
  downloadRefused: '다운로드를 시작하지 못했습니다: {{reason}}',
};
