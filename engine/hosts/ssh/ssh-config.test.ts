import { describe, expect, it } from 'vitest';
import { sshHostConfig } from './ssh-config.js';

// Cases written from ssh_config(5) (OpenSSH 9.2): the first value obtained for a keyword is used,
// Host takes a pattern list with wildcards and negations, IdentityFile accumulates, `=` may separate.
const config = `
# global defaults come before any Host and apply to all
User everyone-else-first

Host build build.lab
  HostName 192.0.2.10
  Port 2222
  IdentityFile ~/.ssh/build_ed25519

Host *.lab !secret.lab
  User labber
  IdentityFile=%d/.ssh/lab_key

Match host staging
  User never-used

Host staging
  HostName %h.example.com
  IdentityFile "~/.ssh/with space"

Host *
  Port 22
  User fallback
  IdentityFile none
`;

describe('ssh_config for an alias', () => {
  it.each([
    ['build', { hostName: '192.0.2.10', user: 'everyone-else-first', port: 2222, identityFiles: ['/home/me/.ssh/build_ed25519'] }],
    ['build.lab', { hostName: '192.0.2.10', user: 'everyone-else-first', port: 2222, identityFiles: ['/home/me/.ssh/build_ed25519', '/home/me/.ssh/lab_key'] }],
    ['web.lab', { user: 'everyone-else-first', port: 22, identityFiles: ['/home/me/.ssh/lab_key'] }],
    ['secret.lab', { user: 'everyone-else-first', port: 22, identityFiles: [] }],
    ['staging', { hostName: 'staging.example.com', user: 'everyone-else-first', port: 22, identityFiles: ['/home/me/.ssh/with space'] }],
    ['BUILD', { hostName: '192.0.2.10', user: 'everyone-else-first', port: 2222, identityFiles: ['/home/me/.ssh/build_ed25519'] }],
  ])('%s', (alias, expected) => {
    expect(sshHostConfig(config, alias, '/home/me')).toEqual(expected);
  });

  it('without a config, nothing but the empty key list', () => {
    expect(sshHostConfig('', 'anything', '/home/me')).toEqual({ identityFiles: [] });
  });

  it('a broken Port is ignored rather than used', () => {
    expect(sshHostConfig('Host x\n  Port 99999\nHost *\n  Port 2200\n', 'x', '/h').port).toBe(2200);
  });
});
