import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DockerRegistries } from '../docker/registries.js';
import { testEngineClient } from '../testing/test-engine.js';
import { flushLog, logFor, openLog, readLogTail } from './log.js';

/**
 * Issue 17: a caught engine error lands in Berth's log file, and no secret does. A login with a wrong
 * password to the test's basic-auth registry (scripts/test-registry.sh --auth) is refused by the real
 * engine; the refusal must be in the file with the registry's name, the password nowhere.
 */
const dir = mkdtempSync(join(tmpdir(), 'berth-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { docker } = testEngineClient();
const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_AUTH_PORT || 5056}`;

function fileText(): string {
  return readdirSync(dir)
    .filter((name) => /^berth\.\d+\.log$/.test(name))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

describe("Berth's log", () => {
  it('records a refused registry login without its password, and hides secret fields and pairs', async () => {
    await openLog({ dir, level: 'debug' });
    const password = `wrong-${process.pid}-Pa55word`;
    await expect(new DockerRegistries(docker).login({ server: registry, username: 'berth', password })).rejects.toMatchObject({ reason: 'registryLoginRefused' });

    const log = logFor('test');
    log.info('creating a container', { env: ['DB_PASSWORD=env-value-1234'], auth: 'dXNlcjpwYXNz', nested: { token: 'tok-5678-abcd' } });
    log.info('unlocking an SSH key', { key: '/home/me/.ssh/id_ed25519', passphrase: 'pp-field-4321', input: { passphrase: 'pp-nested-8765' } });
    log.caught('reading a file', new Error('the server said password=pw-in-text-99 and token: tk-in-text-77, passphrase=pp-in-text-55'));
    await flushLog();

    const text = fileText();
    expect(text).toContain('registry login refused');
    expect(text).toContain(registry);
    expect(text).toContain('reading a file');
    for (const secret of [password, 'env-value-1234', 'dXNlcjpwYXNz', 'tok-5678-abcd', 'pw-in-text-99', 'tk-in-text-77', 'pp-field-4321', 'pp-nested-8765', 'pp-in-text-55']) expect(text).not.toContain(secret);
    // The Engine view's tail reads the same lines, newest last.
    const tail = await readLogTail(2);
    expect(tail).toHaveLength(2);
    expect(JSON.parse(tail[1]!)).toMatchObject({ level: 'debug', area: 'test', msg: 'reading a file' });
  });
});
