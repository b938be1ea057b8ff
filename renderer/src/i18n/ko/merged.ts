import type { Catalog } from '../en';

export const merged: Catalog['merged'] = {
  button: '로그 합쳐 보기',
  title_one: '컨테이너 {{count}}개의 로그',
  title_other: '컨테이너 {{count}}개의 로그',
  output: '합친 로그 출력',
  linesNotShown_one: '{{count, number}}줄은 표시하지 않았습니다. 전체는 각 컨테이너의 로그를 다운로드해 보세요',
  linesNotShown_other: '{{count, number}}줄은 표시하지 않았습니다. 전체는 각 컨테이너의 로그를 다운로드해 보세요',
};
