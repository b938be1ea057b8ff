/** ssh:// engines: why a link was refused, the first-use prompt and the changed-key refusal. */
export const ssh = {
  linkLost: {
    sshHostKeyUnknown: 'Berth has not connected to {{host}} before and does not know its host key yet.',
    sshHostKeyChanged: 'The host key of {{host}} changed. Berth refused to connect.',
    sshHostKeyRevoked: 'The host key of {{host}} is marked as revoked. Berth refused to connect.',
    sshAuthFailed: '{{user}}@{{host}} refused every key Berth offered (ssh-agent, ~/.ssh/id_ed25519, id_ecdsa, id_rsa).',
    sshKeyLocked: '{{user}}@{{host}} refused every key Berth could offer; {{key}} is locked with a passphrase.',
  },
  firstUse: {
    title: 'Is this the right host?',
    body: 'Berth has never connected to {{host}}. It offered this {{keyType}} key:',
    check: 'Compare it with the key on that machine (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub, run there). Trust it only if they are the same.',
    trust: 'Trust and connect',
    trusting: 'Connecting…',
    failed: 'Could not trust this key',
  },
  changed: {
    title: 'The host key changed',
    body: '{{host}} now offers a different {{keyType}} key than the one recorded in {{file}}, line {{line}}. Someone may be intercepting the connection (a man-in-the-middle attack), or the host was reinstalled. Berth will not connect.',
    offered: 'Offered now',
    known: 'Recorded',
    fix: 'Only if you know the host was reinstalled: remove the old line with ssh-keygen -R "{{host}}" -f {{file}}, then check the new key on the host itself.',
  },
  revoked: {
    title: 'The host key is revoked',
    body: '{{host}} offered a {{keyType}} key that {{file}}, line {{line}}, marks as revoked. Berth will not connect.',
  },
  fingerprint: 'Fingerprint',
} as const;
