import type { Catalog } from '../en';

export const ssh: Catalog['ssh'] = {
  linkLost: {
    sshHostKeyUnknown: 'Berth가 {{host}}에 연결한 적이 없어 호스트 키를 아직 모릅니다.',
    sshHostKeyChanged: '{{host}}의 호스트 키가 바뀌었습니다. Berth가 연결을 거부했습니다.',
    sshHostKeyRevoked: '{{host}}의 호스트 키가 폐기된 키로 표시되어 있습니다. Berth가 연결을 거부했습니다.',
    sshAuthFailed: '{{user}}@{{host, josa(이/가)}} Berth가 내민 키를 모두 거부했습니다(ssh-agent, ~/.ssh/id_ed25519, id_ecdsa, id_rsa).',
    sshKeyLocked: '{{user}}@{{host, josa(이/가)}} Berth가 내밀 수 있는 키를 모두 거부했습니다. {{key}} 키는 암호 문구로 잠겨 있습니다.',
  },
  firstUse: {
    title: '맞는 호스트인가요?',
    body: 'Berth는 {{host}}에 연결한 적이 없습니다. 이 호스트가 내민 {{keyType}} 키는 다음과 같습니다.',
    check: '그 컴퓨터에서 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub를 실행해 나온 지문과 비교하고, 같을 때만 신뢰하세요.',
    trust: '신뢰하고 연결',
    trusting: '연결하는 중…',
    failed: '이 키를 신뢰하지 못했습니다',
  },
  changed: {
    title: '호스트 키가 바뀌었습니다',
    body: '{{host, josa(이/가)}} {{file}} {{line}}번째 줄에 기록된 것과 다른 {{keyType}} 키를 내밀고 있습니다. 누군가 연결을 가로채고 있거나(중간자 공격) 호스트를 다시 설치했을 수 있습니다. Berth는 연결하지 않습니다.',
    offered: '지금 내민 키',
    known: '기록된 키',
    fix: '호스트를 다시 설치한 것이 확실할 때만 ssh-keygen -R "{{host}}" -f {{file, josa(으로/로)}} 예전 줄을 지운 뒤, 새 키를 호스트에서 직접 확인하세요.',
  },
  revoked: {
    title: '폐기된 호스트 키입니다',
    body: '{{host, josa(이/가)}} 내민 {{keyType}} 키는 {{file}} {{line}}번째 줄에서 폐기된 키로 표시되어 있습니다. Berth는 연결하지 않습니다.',
  },
  fingerprint: '지문',
};
