import type { Catalog } from '../en';

export const nav: Catalog['nav'] = {
  label: '메뉴',
  containers: '컨테이너',
  images: '이미지',
  volumes: '볼륨',
  networks: '네트워크',
  swarm: '스웜',
  engine: '엔진',
};
