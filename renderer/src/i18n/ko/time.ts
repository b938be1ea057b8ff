import type { Catalog } from '../en';

export const time: Catalog['time'] = {
  justNow: '방금',
};
