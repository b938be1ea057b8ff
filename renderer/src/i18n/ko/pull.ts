import type { Catalog } from '../en';

export const pull: Catalog['pull'] = {
  title: '이미지 받기',
  reference: '이미지',
  normalized: '받을 이미지: {{name}}',
  submit: '받기',
  cancel: '받기 취소',
  total: '{{total}} 중 {{current}}',
  totalLabel: '전체 진행률',
  layers: '레이어',
  done: '다 받았습니다: {{image}}',
  cancelled: '받기를 취소했습니다.',
  failed: '이미지를 받지 못했습니다',
  loginTo: '{{registry}}에 로그인…',
};
