import type { Catalog } from '../en';

export const notify: Catalog['notify'] = {
  nativeFailed: 'Berth 자체 엔진을 시작하지 못했습니다',
  nativeReady: 'Berth 자체 엔진이 실행 중입니다',
  pulled: '이미지 받기 완료',
  pullFailed: '이미지 받기 실패',
  built: '빌드 완료',
  buildFailed: '빌드 실패',
  vmReady: 'Berth 가상 머신이 실행 중입니다',
  vmFailed: 'Berth 가상 머신을 시작하지 못했습니다',
};
