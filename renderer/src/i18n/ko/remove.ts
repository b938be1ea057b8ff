import type { Catalog } from '../en';

export const remove: Catalog['remove'] = {
  title_one: '컨테이너 {{count}}개를 삭제할까요?',
  title_other: '컨테이너 {{count}}개를 삭제할까요?',
  body: '다음 컨테이너와 쓰기 가능 레이어(컨테이너 안에서 바뀐 파일)가 영구히 삭제됩니다:',
  running_one: '그중 {{count}}개가 실행 중입니다. 중지한 뒤 삭제합니다.',
  running_other: '그중 {{count}}개가 실행 중입니다. 중지한 뒤 삭제합니다.',
  anonymousVolumes_one: '이 컨테이너들이 만든 익명 볼륨 {{count}}개도 삭제',
  anonymousVolumes_other: '이 컨테이너들이 만든 익명 볼륨 {{count}}개도 삭제',
  namedVolumesKept: '이름 있는 볼륨은 그대로 둡니다.',
  submit: '삭제',
};
