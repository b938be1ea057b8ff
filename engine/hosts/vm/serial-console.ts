import type { VmBootStage } from '../../contract/types.js';

/** What the guest has announced on its serial console so far (see guest/berth-init). */
export interface SerialAnnouncements {
  stage?: VmBootStage;
  /** The guest's SSH host key, "ssh-ed25519 AAAA…", announced before sshd starts. */
  hostKey?: string;
  /** A failure the guest reported about itself. */
  error?: string;
}

const guestStages: readonly VmBootStage[] = ['kernel', 'init', 'network', 'sshd', 'dockerd', 'ready'];

/**
 * Reads the serial log's "berth: …" lines. Later lines win, so a log that holds several boots
 * (the file is appended to) describes the newest one once it has started printing.
 */
export function readAnnouncements(log: string): SerialAnnouncements {
  const result: SerialAnnouncements = {};
  for (const raw of log.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const at = line.indexOf('berth: ');
    if (at < 0) continue;
    const [kind, ...rest] = line.slice(at + 'berth: '.length).trim().split(' ');
    if (kind === 'stage') {
      const stage = rest[0];
      if (stage === 'kernel') {
        // A new boot: forget what the previous one said.
        Object.assign(result, { stage: 'kernel', hostKey: undefined, error: undefined });
      } else if (guestStages.includes(stage as VmBootStage)) {
        result.stage = stage as VmBootStage;
      }
    } else if (kind === 'hostkey' && rest.length >= 2 && /^ssh-ed25519$/.test(rest[0]!) && /^[A-Za-z0-9+/=]+$/.test(rest[1]!)) {
      result.hostKey = `${rest[0]} ${rest[1]}`;
    } else if (kind === 'error') {
      result.error = rest.join(' ');
    }
  }
  return result;
}
