import type { Catalog } from '../en';

export const build: Catalog['build'] = {
  button: '빌드…',
  title: '이미지 빌드',
  context: '폴더 (빌드 컨텍스트)',
  absolute: '폴더는 절대 경로입니다. 예: /home/me/app',
  dockerfile: 'Dockerfile 이름',
  tag: '이미지 이름 (선택)',
  args: '빌드 인자 (KEY=value, 한 줄에 하나)',
  output: '빌드 출력',
  linesNotShown_one: '앞의 {{count, number}}줄은 표시하지 않았습니다',
  linesNotShown_other: '앞의 {{count, number}}줄은 표시하지 않았습니다',
  submit: '빌드',
  cancel: '빌드 취소',
  failed: '빌드에 실패했습니다',
  done: '{{image, josa(을/를)}} 빌드했습니다.',
};
