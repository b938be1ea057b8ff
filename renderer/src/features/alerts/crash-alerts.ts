import { useEffect } from 'react';
import { create } from 'zustand';
import type { CrashAlert } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { i18n } from '../../i18n';
import { openContainer } from '../../state/ui-store';
import { notifyNow } from '../../ui/notify';

const mutedKey = 'berth.mutedCrashAlerts';

interface CrashAlertState {
  /** The newest unacknowledged alert per container id: the mark in the list. */
  marks: Readonly<Record<string, CrashAlert>>;
  /** Container names whose alerts make no desktop notification (the mark stays). */
  muted: ReadonlySet<string>;
}

function initialMuted(): Set<string> {
  try {
    const saved: unknown = JSON.parse(globalThis.localStorage?.getItem(mutedKey) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((n): n is string => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}

export const useCrashAlerts = create<CrashAlertState>()(() => ({ marks: {}, muted: initialMuted() }));

/** The person has seen this container's alert (opened it): its mark goes. */
export function acknowledgeCrash(containerId: string): void {
  const { marks } = useCrashAlerts.getState();
  if (!marks[containerId]) return;
  const { [containerId]: _seen, ...rest } = marks;
  useCrashAlerts.setState({ marks: rest });
}

/** Mutes or unmutes a container's crash notifications, by name so a recreated container keeps the choice. */
export function setCrashAlertsMuted(name: string, mute: boolean): void {
  const muted = new Set(useCrashAlerts.getState().muted);
  if (mute) muted.add(name);
  else muted.delete(name);
  globalThis.localStorage?.setItem(mutedKey, JSON.stringify([...muted]));
  useCrashAlerts.setState({ muted });
}

/** The alert in the person's language: a title and a line of detail. */
export function crashAlertText(alert: CrashAlert): { title: string; body: string } {
  const params = { name: alert.name, code: alert.exitCode ?? '?', count: alert.restarts ?? 0 };
  const title = i18n.t(`alerts.title.${alert.kind}`, params);
  const body = i18n.t(alert.restarted ? 'alerts.body.restarted' : `alerts.body.${alert.kind}`, params);
  return { title, body };
}

/**
 * Follows the engine's crash alerts for the whole app: marks the container in the list and, unless
 * muted, shows a desktop notification that opens the container (its logs end where it died).
 */
export function useCrashAlertSync(): void {
  useEffect(() => {
    const subscription = berth.engine.watchAlerts.subscribe(undefined, {
      onData({ initial, alerts }) {
        const marks = initial ? {} : { ...useCrashAlerts.getState().marks };
        for (const alert of alerts) marks[alert.containerId] = alert;
        useCrashAlerts.setState({ marks });
        if (initial) return;
        for (const alert of alerts) {
          if (useCrashAlerts.getState().muted.has(alert.name)) continue;
          const { title, body } = crashAlertText(alert);
          notifyNow(title, body, `crash-${alert.containerId}`, () => openContainer(alert.containerId));
        }
      },
    });
    return () => subscription.unsubscribe();
  }, []);
}
