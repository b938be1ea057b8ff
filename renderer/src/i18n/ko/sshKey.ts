import type { Catalog } from '../en';

export const sshKey: Catalog['sshKey'] = {
  title: 'SSH 키 잠금 풀기',
  body: '{{user}}@{{host, josa(이/가)}} Berth가 내밀 수 있는 키를 하나도 받아들이지 않았습니다. 다음 키는 암호 문구로 잠겨 있습니다.',
  file: '키 파일',
  passphrase: '암호 문구',
  unlock: '잠금 풀고 연결',
  unlocking: '잠금 푸는 중…',
  kept: 'Berth는 잠금을 푼 키를 ssh-agent처럼 종료할 때까지 메모리에만 둡니다. 암호 문구 자체는 어디에도 남기거나 저장하지 않습니다.',
  failed: '키의 잠금을 풀지 못했습니다',
  cli: 'docker CLI에서는',
};
