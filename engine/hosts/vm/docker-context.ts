import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const vmContextName = 'berth-vm';

function contextDir(name: string, env: NodeJS.ProcessEnv): string {
  const configDir = env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker');
  return join(configDir, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
}

/**
 * A docker CLI context for the VM's forwarded socket, so `docker --context berth-vm ps` (or
 * `docker context use berth-vm`) reaches the same engine Berth shows. It does not change the
 * person's current context.
 */
export async function writeDockerContext(socketPath: string, env: NodeJS.ProcessEnv = process.env, name = vmContextName): Promise<void> {
  const dir = contextDir(name, env);
  await mkdir(dir, { recursive: true });
  const meta = {
    Name: name,
    Metadata: { Description: 'Berth’s virtual machine engine' },
    Endpoints: { docker: { Host: `unix://${socketPath}`, SkipTLSVerify: false } },
  };
  await writeFile(join(dir, 'meta.json'), JSON.stringify(meta));
}

export async function removeDockerContext(env: NodeJS.ProcessEnv = process.env, name = vmContextName): Promise<void> {
  await rm(contextDir(name, env), { recursive: true, force: true });
}
