import type { Catalog } from '../en';

export const inspect: Catalog['inspect'] = {
  search: '키와 값 검색',
  copy: 'JSON 복사',
  tree: '상세 정보 문서',
};
