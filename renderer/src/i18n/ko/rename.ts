import type { Catalog } from '../en';

export const rename: Catalog['rename'] = {
  title: '컨테이너 이름 변경',
  newName: '새 이름',
  submit: '이름 변경',
  failed: '이름을 바꾸지 못했습니다',
};
