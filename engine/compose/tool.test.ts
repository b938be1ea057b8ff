import { describe, expect, it } from 'vitest';
import { composeInstallCommand, parseComposeVersion } from './tool.js';

describe('parseComposeVersion', () => {
  it('reads v2 (plugin and standalone) and v1 version lines', () => {
    expect(parseComposeVersion('Docker Compose version v2.24.5\n')).toBe('2.24.5');
    expect(parseComposeVersion('Docker Compose version 2.20.2+ds1-0ubuntu1~22.04.1\n')).toBe('2.20.2+ds1-0ubuntu1~22.04.1');
    // What Debian 12's docker-compose 1.29.2 prints for `docker-compose version`.
    expect(parseComposeVersion('docker-compose version 1.29.2, build unknown\ndocker-py version: 5.0.3\nCPython version: 3.11.2\n')).toBe('1.29.2');
  });

  it('finds nothing in docker’s answer when the plugin is missing', () => {
    expect(parseComposeVersion("docker: unknown command: docker compose\n\nRun 'docker --help' for more information\n")).toBeUndefined();
    expect(parseComposeVersion("docker: 'compose' is not a docker command.\nSee 'docker --help'\n")).toBeUndefined();
    expect(parseComposeVersion('')).toBeUndefined();
  });
});

describe('composeInstallCommand', () => {
  it('names the package of the distribution', () => {
    expect(composeInstallCommand('ID=debian\nVERSION_ID="12"\n')).toBe('sudo apt-get install -y docker-compose');
    expect(composeInstallCommand('ID=ubuntu\nID_LIKE=debian\n')).toBe('sudo apt-get install -y docker-compose-v2');
    expect(composeInstallCommand('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('sudo apt-get install -y docker-compose-v2');
    expect(composeInstallCommand('ID="fedora"\n')).toBe('sudo dnf install -y docker-compose');
    expect(composeInstallCommand('ID=arch\n')).toBe('sudo pacman -S docker-compose');
    expect(composeInstallCommand('ID=alpine\n')).toBe('sudo apk add docker-cli-compose');
    expect(composeInstallCommand('ID=plan9\n')).toMatch(/docs\.docker\.com\/compose\/install/);
  });
});
