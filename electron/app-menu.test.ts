import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, menuRoles } from './app-menu.js';

const devOnly = ['reload', 'forceReload', 'toggleDevTools'];

describe('appMenuTemplate', () => {
  it('offers no reload and no developer tools in a packaged Berth, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const roles = menuRoles(appMenuTemplate({ packaged: true, platform, language: 'en' }));
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
      for (const role of devOnly) expect(roles).not.toContain(role);
    }
  });

  it('keeps them for development builds, and names the menus in the system language', () => {
    expect(menuRoles(appMenuTemplate({ packaged: false, platform: 'linux', language: 'en' }))).toEqual(expect.arrayContaining(devOnly));
    expect(appMenuTemplate({ packaged: true, platform: 'linux', language: 'ko' }).map((m) => m.label)).toEqual(['파일', '편집', '보기', '창']);
  });
});

describe('electron-builder.yml', () => {
  it('flips the fuses that would let a launcher run its own code in Berth', () => {
    const config = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');
    const block = config.split(/^electronFuses:\n/m)[1]?.split(/^\S/m)[0] ?? '';
    const fuses = Object.fromEntries([...block.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']));
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
