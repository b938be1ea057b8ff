import type { Catalog } from '../en';

export const app: Catalog['app'] = {
  name: 'Berth',
  language: '언어',
  viewFailed: '이 화면을 표시하지 못했습니다.',
  viewFailedHint: '창을 새로 고쳐 다시 시도하세요. 컨테이너에는 영향이 없습니다.',
  reload: '새로 고침',
};
