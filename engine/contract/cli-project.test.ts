import { describe, expect, it } from 'vitest';
import { projectCommand, projectLogsCommand, projectRemoveCommand } from './cli.js';

describe('projectCommand', () => {
  it('is docker compose -p NAME VERB (v2 by default), or docker-compose for v1', () => {
    expect(projectCommand('shop', 'stop')).toBe('docker compose -p shop stop');
    expect(projectCommand('shop', 'start')).toBe('docker compose -p shop start');
    expect(projectCommand('shop', 'restart')).toBe('docker compose -p shop restart');
    expect(projectCommand('shop', 'pause')).toBe('docker compose -p shop pause');
    expect(projectCommand('shop', 'unpause')).toBe('docker compose -p shop unpause');
    expect(projectLogsCommand('shop', 200)).toBe('docker compose -p shop logs -f --tail 200');
    expect(projectLogsCommand('shop', 200, ['web', 'worker'])).toBe('docker compose -p shop logs -f --tail 200 web worker');
    expect(projectCommand('shop', 'stop', 'v1')).toBe('docker-compose -p shop stop');
  });

  it('quotes a project name a shell would read differently', () => {
    expect(projectCommand('my shop', 'stop')).toBe("docker compose -p 'my shop' stop");
  });
});

describe('projectRemoveCommand', () => {
  it('says rm -s -f for containers, down with networks, down -v with volumes too', () => {
    expect(projectRemoveCommand('shop', { volumes: [], networks: [] })).toBe('docker compose -p shop rm -s -f');
    expect(projectRemoveCommand('shop', { volumes: [], networks: ['shop_default'] })).toBe('docker compose -p shop down');
    expect(projectRemoveCommand('shop', { volumes: ['shop_data'], networks: ['shop_default'] })).toBe('docker compose -p shop down -v');
    expect(projectRemoveCommand('shop', { volumes: ['shop_data'], networks: [] })).toBe('docker compose -p shop rm -s -f && docker volume rm shop_data');
    expect(projectRemoveCommand('shop', { volumes: [], networks: [] }, 'v1')).toBe('docker-compose -p shop rm -s -f');
  });
});
