import type { Catalog } from '../en';

export const terminalLinks: Catalog['terminalLinks'] = {
  open: '이 주소를 새 탭에서 열까요?\n\n{{url}}\n\n컨테이너 안의 프로그램이 쓴 링크입니다. 믿을 수 있을 때만 여세요.',
  ownAddress: '컨테이너 안의 프로그램이 Berth 자신의 주소로 가는 링크를 썼습니다. Berth는 이 링크를 열지 않습니다.\n\n{{url}}',
};
