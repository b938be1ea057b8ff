import { describe, expect, it } from 'vitest';
import { BerthError } from '../contract/errors.js';
import { composeEnv, runCompose } from './run.js';

// The runner is program-agnostic: `sh` stands in for Compose here (the real one runs in projects.int.test.ts).
const env = composeEnv('unix:///tmp/none.sock');

async function collect(argv: string[], signal?: AbortSignal): Promise<{ text: string; error?: unknown }> {
  let text = '';
  try {
    for await (const chunk of runCompose(argv, { env, ...(signal ? { signal } : {}), killGraceMs: 500 })) text += chunk;
    return { text };
  } catch (error) {
    return { text, error };
  }
}

describe('runCompose', () => {
  it('streams stdout and stderr (where Compose writes progress), without terminal escapes', async () => {
    const { text, error } = await collect(['sh', '-c', 'echo out; echo "\u001b[32mCreating web ... done\u001b[0m" >&2']);
    expect(error).toBeUndefined();
    expect(text).toContain('out\n');
    expect(text).toContain('Creating web ... done\n');
  });

  it('a failing exit is composeFailed quoting the last lines Compose printed', async () => {
    const { error } = await collect(['sh', '-c', 'for i in $(seq 1 40); do echo "line $i" >&2; done; exit 3']);
    expect(error).toBeInstanceOf(BerthError);
    expect(error).toMatchObject({ reason: 'composeFailed', params: { code: 3 } });
    const quoted = (error as BerthError).engineText!;
    expect(quoted.split('\n')).toHaveLength(20);
    expect(quoted.endsWith('line 40')).toBe(true);
  });

  it('a program that is not there is composeMissing, with the install command', async () => {
    const { error } = await collect(['berth-no-such-compose', 'up']);
    expect(error).toMatchObject({ reason: 'composeMissing', params: { program: 'berth-no-such-compose' } });
  });

  it('runs Compose with the engine’s address in DOCKER_HOST and without DOCKER_CONTEXT', async () => {
    const withContext = composeEnv('unix:///run/berth/docker.sock', { PATH: process.env.PATH, DOCKER_CONTEXT: 'other', DOCKER_CONFIG: '/cfg' });
    let text = '';
    for await (const chunk of runCompose(['sh', '-c', 'echo "$DOCKER_HOST|${DOCKER_CONTEXT-unset}|$DOCKER_CONFIG"'], { env: withContext })) text += chunk;
    expect(text.trim()).toBe('unix:///run/berth/docker.sock|unset|/cfg');
  });

  it("never hands Berth's own variables (the web host's login token) to Compose, which would fill ${VAR} in a compose file from them", () => {
    const env = composeEnv('unix:///run/berth/docker.sock', { PATH: '/bin', BERTH_TOKEN: 'x'.repeat(40), BERTH_PORT: '7370', ELECTRON_RUN_AS_NODE: '1', HOME: '/home/me' });
    expect(env).toEqual({ PATH: '/bin', HOME: '/home/me', DOCKER_HOST: 'unix:///run/berth/docker.sock' });
  });

  it('cancelling stops the program and ends the stream', async () => {
    const cancel = new AbortController();
    const started = Date.now();
    let text = '';
    // Cancel once the program has said it runs (its next step would be a 30 s sleep).
    for await (const chunk of runCompose(['sh', '-c', 'echo started; exec sleep 30'], { env, signal: cancel.signal, killGraceMs: 500 })) {
      text += chunk;
      cancel.abort();
    }
    expect(text).toBe('started\n');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
