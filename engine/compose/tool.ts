import { execFile } from 'node:child_process';
import type { ComposeTool } from '../contract/compose-cli.js';
import { findExecutable } from '../hosts/executables.js';
import { osReleaseIds } from '../hosts/install-hint.js';

/**
 * The version in what `docker compose version` or `docker-compose version` prints:
 * "Docker Compose version v2.24.5" (v2, plugin or standalone), "docker-compose version 1.29.2, build unknown" (v1).
 * undefined when the text is neither (e.g. docker's "unknown command: docker compose").
 */
export function parseComposeVersion(output: string): string | undefined {
  return /^(?:docker-compose|Docker Compose) version v?(\d[^\s,]*)/im.exec(output)?.[1];
}

/** The command that installs Compose on this Linux distribution, read from /etc/os-release (like install-hint.ts for dockerd). */
export function composeInstallCommand(osRelease?: string): string {
  const ids = osReleaseIds(osRelease);
  // Ubuntu names itself debian-like too, and packages the v2 plugin: ask it first.
  if (ids.includes('ubuntu')) return 'sudo apt-get install -y docker-compose-v2';
  if (ids.includes('debian')) return 'sudo apt-get install -y docker-compose';
  if (ids.some((id) => id === 'fedora' || id === 'rhel' || id === 'centos')) return 'sudo dnf install -y docker-compose';
  if (ids.includes('arch')) return 'sudo pacman -S docker-compose';
  if (ids.some((id) => id === 'opensuse' || id === 'suse')) return 'sudo zypper install docker-compose';
  if (ids.includes('alpine')) return 'sudo apk add docker-cli-compose';
  return 'install Docker Compose (https://docs.docker.com/compose/install/)';
}

/** Runs a version command: its stdout+stderr, or '' when it cannot run or fails. Bounded in time and output. */
function versionOutput(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 10_000, maxBuffer: 64 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      resolve(error ? '' : `${stdout}\n${stderr}`);
    });
  });
}

/**
 * Which Compose this machine has: the v2 plugin (`docker compose version`) first, else the
 * `docker-compose` program on PATH (v1, or v2 standalone); else the command that installs one.
 */
export async function detectCompose(env: NodeJS.ProcessEnv = process.env, osRelease?: string): Promise<ComposeTool> {
  const docker = await findExecutable('docker', env);
  if (docker) {
    const version = parseComposeVersion(await versionOutput(docker, ['compose', 'version'], env));
    if (version) return { found: true, flavor: 'plugin', version, command: ['docker', 'compose'] };
  }
  const standalone = await findExecutable('docker-compose', env);
  if (standalone) {
    const version = parseComposeVersion(await versionOutput(standalone, ['version'], env));
    if (version) return { found: true, flavor: 'standalone', version, command: ['docker-compose'] };
  }
  return { found: false, installCommand: composeInstallCommand(osRelease) };
}
