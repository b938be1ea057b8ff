import { describe, expect, it } from 'vitest';
import { failureNotice, trayLanguage, trayMenuModel } from './tray-menu.js';

describe('trayMenuModel', () => {
  it('offers Start for a stopped engine of Berth’s and says which one it is', () => {
    const items = trayMenuModel({ connection: 'disconnected', engineUrl: 'unix:///run/berth/vm/docker.sock', own: { kind: 'vm', state: 'stopped' } }, 'en');
    expect(items.map((i) => i.label)).toEqual([
      'Engine: Not answering — unix:///run/berth/vm/docker.sock',
      'Berth’s virtual machine: stopped',
      'Start',
      'Stop',
      'Open Berth',
      'Quit Berth',
    ]);
    expect(items.find((i) => i.action === 'start-own')?.enabled).toBe(true);
    expect(items.find((i) => i.action === 'stop-own')?.enabled).toBe(false);
  });

  it('offers Stop while it runs or boots, and neither while it stops', () => {
    const running = trayMenuModel({ connection: 'connected', engineUrl: 'x', own: { kind: 'native', state: 'running' } }, 'en');
    expect(running.find((i) => i.action === 'stop-own')?.enabled).toBe(true);
    expect(running.find((i) => i.action === 'start-own')?.enabled).toBe(false);
    const stopping = trayMenuModel({ connection: 'connected', engineUrl: 'x', own: { kind: 'vm', state: 'stopping' } }, 'en');
    expect(stopping.filter((i) => i.action?.endsWith('-own')).every((i) => !i.enabled)).toBe(true);
  });

  it('leaves out an engine of Berth’s that cannot run here, and speaks Korean to Korean systems', () => {
    const items = trayMenuModel({ connection: 'connected', engineUrl: 'x', own: { kind: 'vm', state: 'unavailable' } }, trayLanguage('ko-KR'));
    expect(items.map((i) => i.label)).toEqual(['엔진: 연결됨 — x', 'Berth 열기', 'Berth 종료']);
  });
});

describe('failureNotice', () => {
  it('speaks once when a start of Berth’s own engine ends failed, in the system language', () => {
    const failed = { state: 'failed' as const, error: { message: 'Berth stopped restarting it.' } };
    expect(failureNotice('starting', failed, 'en')).toEqual({ title: 'Berth’s engine did not start', body: 'Berth stopped restarting it.' });
    expect(failureNotice('restarting', failed, 'ko')).toEqual({ title: 'Berth 엔진을 시작하지 못했습니다', body: 'Berth stopped restarting it.' });
    expect(failureNotice('failed', failed, 'en')).toBeUndefined();
    expect(failureNotice('starting', { state: 'running' }, 'en')).toBeUndefined();
  });
});
