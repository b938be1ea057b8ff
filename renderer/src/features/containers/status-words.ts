import type { TFunction } from 'i18next';

/**
 * docker's Status column text (`docker ps`), read back into its parts so it can be said in the
 * person's language. The engine builds it in moby `container/state.go` (State.String) from
 * go-units `HumanDuration`: "Up 3 minutes", "Up About an hour (healthy)", "Up 2 days (Paused)",
 * "Exited (137) 5 seconds ago", "Restarting (1) Less than a second ago", "Created", "Dead",
 * "Removal In Progress". Anything else gives undefined, and the engine's text is shown as it came.
 */
export type DockerStatus =
  | { kind: 'up'; duration: Duration; health?: 'healthy' | 'unhealthy' | 'starting'; paused?: true }
  | { kind: 'exited' | 'restarting'; code: number; duration: Duration }
  | { kind: 'created' | 'dead' | 'removing' };

/** go-units HumanDuration's words: a count of a unit, or one of its three fixed phrases. */
export type Duration =
  | { unit: 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'; count: number }
  | { phrase: 'lessThanSecond' | 'aboutMinute' | 'aboutHour' };

const phrases: Record<string, Duration> = {
  'Less than a second': { phrase: 'lessThanSecond' },
  'About a minute': { phrase: 'aboutMinute' },
  'About an hour': { phrase: 'aboutHour' },
};

function parseDuration(text: string): Duration | undefined {
  if (phrases[text]) return phrases[text];
  const match = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(text);
  return match ? { unit: match[2] as 'second', count: Number(match[1]) } : undefined;
}

export function parseDockerStatus(text: string): DockerStatus | undefined {
  if (text === 'Created') return { kind: 'created' };
  if (text === 'Dead') return { kind: 'dead' };
  if (text === 'Removal In Progress') return { kind: 'removing' };
  const up = /^Up (.+?)(?: \((Paused|healthy|unhealthy|health: starting)\))?$/.exec(text);
  if (up) {
    const duration = parseDuration(up[1]!);
    if (!duration) return undefined;
    const note = up[2];
    if (note === 'Paused') return { kind: 'up', duration, paused: true };
    if (note) return { kind: 'up', duration, health: note === 'health: starting' ? 'starting' : (note as 'healthy' | 'unhealthy') };
    return { kind: 'up', duration };
  }
  const ended = /^(Exited|Restarting) \((-?\d+)\) (.+) ago$/.exec(text);
  if (ended) {
    const duration = parseDuration(ended[3]!);
    if (!duration) return undefined;
    return { kind: ended[1] === 'Exited' ? 'exited' : 'restarting', code: Number(ended[2]), duration };
  }
  return undefined;
}

/** The Status text in the person's language (English gives docker's own words back). */
export function statusWords(t: TFunction, text: string): string {
  const status = parseDockerStatus(text);
  if (!status) return text;
  if (!('duration' in status)) return t(`containers.statusText.${status.kind}`);
  const duration = 'phrase' in status.duration ? t(`containers.statusText.duration.${status.duration.phrase}`) : t(`containers.statusText.duration.${status.duration.unit}`, { count: status.duration.count });
  if (status.kind === 'up') {
    if (status.paused) return t('containers.statusText.upPaused', { duration });
    if (status.health) return t('containers.statusText.upHealth', { duration, health: t(`containers.statusText.health.${status.health}`) });
    return t('containers.statusText.up', { duration });
  }
  return t(`containers.statusText.${status.kind}`, { duration, code: status.code });
}
