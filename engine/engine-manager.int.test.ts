import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineManager } from './engine-manager.js';
import { fixtureImage, requireDockerHost } from './testing/engine-env.js';

const run = promisify(execFile);
const testEngine = requireDockerHost();
const base = await mkdtemp(join(tmpdir(), 'berth-native-'));
const dirs = { dataDir: join(base, 'data'), runtimeDir: join(base, 'run') };
// Its own bridge, so this never shares one with another Berth engine on the machine.
const native = { bridge: { name: 'berth-int0', cidr: '172.31.249.1/24' } };
const managers: EngineManager[] = [];

async function start(engineUrl?: string) {
  const manager = await EngineManager.start({ ...dirs, native, ...(engineUrl ? { engineUrl } : {}) });
  managers.push(manager);
  return manager;
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  for (const m of managers) await m.close().catch(() => undefined);
  await managers[0]?.native?.reset();
  await rm(base, { recursive: true, force: true });
});

describe("Berth's own engine", () => {
  it('starts on request, keeps its data when Berth quits, and leaves no dockerd behind', async () => {
    const first = await start(testEngine);
    const choices = await first.engines.list();
    const own = choices.find((c) => c.endpoint.source === 'berth')!;
    expect(own.answering).toBe(false);

    await first.engines.use(own.endpoint.id);
    await first.waitUntilConnected(10_000);
    const status = first.native!.status;
    expect(status).toMatchObject({ state: 'running', mode: 'rootful' });
    expect(status.readyInMs).toBeLessThan(2000);
    const host = ['-H', status.url];
    await run('bash', ['scripts/fixtures.sh'], { env: { ...process.env, DOCKER_HOST: status.url } });
    await run('docker', [...host, 'create', '--name', 'kept', fixtureImage]);
    expect((await first.api.containers.list()).map((c) => c.name)).toContain('kept');

    const pid = status.pid!;
    await first.close();
    expect(alive(pid)).toBe(false);

    // Next start remembers the choice, and the container is still there.
    const second = await start();
    expect(second.endpoint.source).toBe('berth');
    await second.waitUntilConnected(10_000);
    expect((await second.api.containers.list()).map((c) => c.name)).toContain('kept');
    expect(JSON.parse(await readFile(join(dirs.dataDir, 'settings.json'), 'utf8'))).toEqual({ engine: 'berth' });
  });

  it('restarts its dockerd after a SIGKILL and the containers survive', async () => {
    const manager = managers.at(-1)!;
    const before = manager.native!.status;
    process.kill(before.pid!, 'SIGKILL');
    await expect.poll(() => manager.native!.status.restarts, { timeout: 5_000 }).toBe(before.restarts + 1);
    await expect.poll(() => manager.native!.status.state, { timeout: 20_000 }).toBe('running');
    await manager.waitUntilConnected(10_000);
    expect((await manager.api.containers.list()).map((c) => c.name)).toContain('kept');
  });

  it('reset wipes only its own folders', async () => {
    const manager = managers.at(-1)!;
    await manager.native!.reset();
    expect(existsSync(join(dirs.dataDir, 'engine'))).toBe(false);
    expect(existsSync(join(dirs.dataDir, 'settings.json'))).toBe(true);
    // The engine the tests run on is untouched.
    const { stdout } = await run('docker', ['-H', testEngine, 'image', 'inspect', '--format', '{{.Id}}', fixtureImage]);
    expect(stdout.trim()).toMatch(/^sha256:/);
  });
});
