import type { Catalog } from '../en';

export const lists: Catalog['lists'] = {
  andMore_one: '외 {{count}}개',
  andMore_other: '외 {{count}}개',
  showMore_one: '{{count}}개 더 보기',
  showMore_other: '{{count}}개 더 보기',
  showFewer: '접기',
};
