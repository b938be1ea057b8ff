import type { Catalog } from '../en';

export const app: Catalog['app'] = {
  name: 'Berth',
  language: '언어',
};
