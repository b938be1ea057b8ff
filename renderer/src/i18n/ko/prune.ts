import type { Catalog } from '../en';

export const prune: Catalog['prune'] = {
  title: '이미지 정리',
  which: '정리할 이미지',
  dangling: '댕글링 이미지만 (태그 없음, 사용 안 함. 다이제스트로만 받은 이미지도 포함)',
  unused: '어떤 컨테이너도 쓰지 않는 모든 이미지',
  willDelete_one: '이미지 {{count}}개를 삭제하고 최대 {{size, josa(을/를)}} 확보합니다:',
  willDelete_other: '이미지 {{count}}개를 삭제하고 최대 {{size, josa(을/를)}} 확보합니다:',
  nothing: '정리할 것이 없습니다.',
  list: '삭제할 이미지',
  submit_one: '이미지 {{count}}개 삭제',
  submit_other: '이미지 {{count}}개 삭제',
  deleted_one: '이미지 {{count}}개를 삭제했습니다.',
  deleted_other: '이미지 {{count}}개를 삭제했습니다.',
};
