import type { Catalog } from '../en';

export const backup: Catalog['backup'] = {
  export: '.tar.gz로 내보내기',
  exportRecipe: 'CLI로 내보내기',
  exporting: '내보내는 중…',
  exportProgress: '내보내기 진행률',
  exported: '파일 {{size, josa(을/를)}} 내보냈습니다.',
  cloneButton: '복제…',
  cloneTitle: '{{source}} 복제',
  newVolume: '새 볼륨 이름',
  clone: '복제',
  cloning: '파일을 복사하는 중…',
  cloneProgress: '복제 진행률',
  cloned: '{{size, josa(을/를)}} {{target, josa(으로/로)}} 복제했습니다.',
  importButton: '가져오기…',
  importTitle: '압축 파일에서 볼륨 가져오기',
  archive: '압축 파일 (.tar 또는 .tar.gz)',
  import: '가져오기',
  importing: '가져오는 중…',
  chooseAndImport: '압축 파일을 골라 가져오기…',
  importProgress: '가져오기 진행률',
  imported: '{{size, josa(을/를)}} {{name, josa(으로/로)}} 가져왔습니다.',
};
