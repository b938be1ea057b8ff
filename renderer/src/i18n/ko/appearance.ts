import type { Catalog } from '../en';

export const appearance: Catalog['appearance'] = {
  theme: '테마',
  themes: {
    system: '시스템 설정 따르기',
    light: '밝게',
    dark: '어둡게',
    'high-contrast': '고대비',
  },
};
