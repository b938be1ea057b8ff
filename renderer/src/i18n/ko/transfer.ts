import type { Catalog } from '../en';

export const transfer: Catalog['transfer'] = {
  soFar: '지금까지 {{bytes}}',
  ofTotal: '{{total}} 중 {{bytes}} ({{percent}}%)',
};
