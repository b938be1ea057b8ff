import type { Catalog } from '../en';

export const foreignLabels: Catalog['foreignLabels'] = {
  notComposeProject:
    'Compose는 프로젝트 이름을 “{{name}}”{{name, particle(으로/로)}} 짓지 않습니다. 이 레이블은 다른 무언가가 붙인 것이라 프로젝트 동작을 꺼 두었습니다. 컨테이너를 골라서 다루세요.',
};
