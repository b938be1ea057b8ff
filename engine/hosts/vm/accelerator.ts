import { spawn } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { VmAccelerator } from '../../contract/types.js';
import { acceleratorArguments, acceleratorCandidates } from './qemu-command.js';
import { logFor } from '../../shared/log.js';

const log = logFor('vm');

export interface AcceleratorChoice {
  accelerator: VmAccelerator;
  /** Said when a faster one was tried and did not work. */
  note?: string;
}

const acceleratorNames: Record<VmAccelerator, string> = { kvm: 'KVM', hvf: 'Hypervisor.framework', whpx: 'Windows Hypervisor Platform', tcg: 'emulation' };

/**
 * Picks the fastest accelerator that really boots the guest's kernel. The presence of /dev/kvm (or
 * of a hypervisor API) proves nothing: on some hosts the device exists yet a stock kernel hangs
 * after the BIOS. So each candidate boots the kernel for a few seconds and must print on the
 * serial console. The answer is remembered per QEMU binary and kernel in `cacheFile`; a fall back
 * to emulation only for a day, since a probe can fail for a passing reason (a busy machine, /dev/kvm
 * permissions fixed since) and emulation is several times slower.
 */
export async function chooseAccelerator(options: {
  qemu: string;
  kernel: string;
  initrd: string;
  cacheFile: string;
  platform?: NodeJS.Platform;
  probeTimeoutMs?: number;
}): Promise<AcceleratorChoice> {
  const candidates = acceleratorCandidates(options.platform ?? process.platform);
  const key = await cacheKey(options.qemu, options.kernel);
  const cached = await readCache(options.cacheFile);
  if (cached?.key === key && (cached.choice.accelerator !== 'tcg' || Date.now() - (cached.at ?? 0) < fallbackKeptMs)) return cached.choice;
  const failures: string[] = [];
  let choice: AcceleratorChoice = { accelerator: 'tcg' };
  for (const candidate of candidates) {
    if (candidate === 'tcg') break;
    const problem = await probe(options.qemu, candidate, options.kernel, options.initrd, options.probeTimeoutMs ?? 6000);
    if (!problem) {
      choice = { accelerator: candidate };
      break;
    }
    failures.push(`${acceleratorNames[candidate]} ${problem}`);
  }
  if (choice.accelerator === 'tcg' && failures.length > 0) {
    choice.note = `${failures.join('; ')}, so the VM runs under emulation, which is several times slower.`;
  }
  await writeFile(options.cacheFile, JSON.stringify({ key, choice, at: Date.now() }));
  return choice;
}

/** Boots the kernel under one accelerator; undefined when it printed, else what went wrong. */
function probe(qemu: string, accelerator: VmAccelerator, kernel: string, initrd: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(
      qemu,
      [
        ...acceleratorArguments(accelerator), '-cpu', 'host', '-m', '256', '-nodefaults', '-no-user-config',
        '-display', 'none', '-no-reboot', '-kernel', kernel, '-initrd', initrd,
        '-append', 'console=ttyS0 panic=-1', '-serial', 'stdio',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let errors = '';
    let settled = false;
    const finish = (problem: string | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(problem);
    };
    const timer = setTimeout(() => finish(`did not boot the guest's kernel within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (/Linux version|berth: stage/.test(chunk.toString('latin1'))) finish(undefined);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', (e) => finish(`could not start (${e.message})`));
    child.on('exit', () => finish(`is not usable here (${firstLine(errors) || 'QEMU exited'})`));
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^qemu-system-\w+: /, '') ?? '';
}

async function cacheKey(qemu: string, kernel: string): Promise<string> {
  const [q, k] = await Promise.all([stat(qemu), stat(kernel)]);
  return `${qemu}:${q.size}:${q.mtimeMs}|${kernel}:${k.size}:${k.mtimeMs}`;
}

const fallbackKeptMs = 24 * 60 * 60 * 1000;

async function readCache(file: string): Promise<{ key: string; choice: AcceleratorChoice; at?: number } | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { key: string; choice: AcceleratorChoice; at?: number };
  } catch (error) {
    log.caught('reading the remembered accelerator', error);
    return undefined;
  }
}
