import type { ConnectionState, NativeEngineState, VmEngineState } from '../engine/contract/types.js';

/** What the tray shows: the engine in use, and Berth's own engine (dockerd on Linux, else the VM). */
export interface TrayState {
  connection: ConnectionState;
  engineUrl: string;
  own: { kind: 'native'; state: NativeEngineState } | { kind: 'vm'; state: VmEngineState } | undefined;
}

export type TrayAction = 'open' | 'start-own' | 'stop-own' | 'quit';

export interface TrayItem {
  label: string;
  enabled: boolean;
  action?: TrayAction;
}

// The main process has no i18next; the tray's few words follow the system language.
const labels = {
  en: {
    connection: { connecting: 'Connecting…', connected: 'Connected', disconnected: 'Not answering' },
    engine: 'Engine',
    own: { native: 'Berth’s own engine', vm: 'Berth’s virtual machine' },
    state: { unavailable: 'not available', stopped: 'stopped', starting: 'starting…', running: 'running', stopping: 'stopping…', restarting: 'restarting…', failed: 'failed' },
    start: 'Start', stop: 'Stop', open: 'Open Berth', quit: 'Quit Berth',
    startFailed: 'Berth’s engine did not start', stopFailed: 'Berth’s engine did not stop',
  },
  ko: {
    connection: { connecting: '연결 중…', connected: '연결됨', disconnected: '응답 없음' },
    engine: '엔진',
    own: { native: 'Berth 자체 엔진', vm: 'Berth 가상 머신' },
    state: { unavailable: '사용할 수 없음', stopped: '중지됨', starting: '시작 중…', running: '실행 중', stopping: '중지 중…', restarting: '재시작 중…', failed: '실패' },
    start: '시작', stop: '중지', open: 'Berth 열기', quit: 'Berth 종료',
    startFailed: 'Berth 엔진을 시작하지 못했습니다', stopFailed: 'Berth 엔진을 중지하지 못했습니다',
  },
} as const;

export function trayLanguage(locale: string): keyof typeof labels {
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The tray menu as data, so what it offers in each state is tested without Electron. */
export function trayMenuModel(state: TrayState, language: keyof typeof labels): TrayItem[] {
  const l = labels[language];
  const items: TrayItem[] = [{ label: `${l.engine}: ${l.connection[state.connection]} — ${state.engineUrl}`, enabled: false }];
  if (state.own && state.own.state !== 'unavailable') {
    const ownState = state.own.state;
    items.push({ label: `${l.own[state.own.kind]}: ${l.state[ownState]}`, enabled: false });
    const idle = ownState === 'stopped' || ownState === 'failed';
    items.push({ label: l.start, enabled: idle, action: 'start-own' });
    items.push({ label: l.stop, enabled: !idle && ownState !== 'stopping', action: 'stop-own' });
  }
  items.push({ label: l.open, enabled: true, action: 'open' }, { label: l.quit, enabled: true, action: 'quit' });
  return items;
}

/** The title of the notification that says a start or stop from the tray failed. */
export function trayFailureTitle(action: TrayAction, language: keyof typeof labels): string {
  return action === 'start-own' ? labels[language].startFailed : labels[language].stopFailed;
}

/**
 * The notice to show when Berth's own engine has just ended failed — a start (the person's, the
 * tray's, or an automatic restart) that failed, or restarts given up — else undefined. Fires on the
 * change into "failed" only, so one failure is one notice.
 */
export function failureNotice(
  previous: NativeEngineState | VmEngineState | undefined,
  next: { state: NativeEngineState | VmEngineState; error?: { message: string } },
  language: keyof typeof labels,
): { title: string; body: string } | undefined {
  if (next.state !== 'failed' || previous === 'failed') return undefined;
  return { title: labels[language].startFailed, body: next.error?.message ?? '' };
}

/** A one-line tooltip for the tray icon. */
export function trayTooltip(state: TrayState, language: keyof typeof labels): string {
  return `Berth — ${labels[language].connection[state.connection]}`;
}
