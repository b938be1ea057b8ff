import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { NativeEngineState, VmEngineState } from '../engine/contract/types.js';
import type { EngineManager } from '../engine/engine-manager.js';
import { failureNotice, trayFailureTitle, trayLanguage, trayMenuModel, trayTooltip, type TrayAction, type TrayState } from './tray-menu.js';

/**
 * Berth in the system tray: whether the engine answers, Berth's own engine (dockerd on Linux, the
 * VM elsewhere) with start and stop, open the window, quit. Rebuilt whenever any of them changes.
 */
export function createTray(options: {
  icon: string;
  engine: EngineManager;
  locale: string;
  open: () => void;
  quit: () => void;
  failed: (title: string, message: string) => void;
}): { tray: Tray; dispose: () => void } {
  const { engine } = options;
  const language = trayLanguage(options.locale);
  const tray = new Tray(nativeImage.createFromPath(options.icon));
  const own = () => (engine.endpoint.source === 'berth-vm' || !engine.native ? ('vm' as const) : ('native' as const));

  const state = (): TrayState => {
    const kind = own();
    return {
      connection: engine.status.state,
      engineUrl: engine.endpoint.url,
      own: kind === 'native' && engine.native ? { kind, state: engine.native.status.state } : { kind: 'vm', state: engine.vm.status.state },
    };
  };
  const act = (action: TrayAction) => {
    const kind = own();
    if (action === 'open') options.open();
    else if (action === 'quit') options.quit();
    else {
      const work = action === 'start-own' ? (kind === 'native' ? engine.native!.start() : engine.vm.start()) : kind === 'native' ? engine.native!.stop() : engine.vm.stop();
      work.catch((e: unknown) => options.failed(trayFailureTitle(action, language), e instanceof Error ? e.message : String(e)));
    }
  };
  const render = () => {
    const current = state();
    const template: MenuItemConstructorOptions[] = trayMenuModel(current, language).flatMap((item) => [
      // What can be done to Berth itself stands apart from the engine's lines.
      ...(item.action === 'open' ? [{ type: 'separator' as const }] : []),
      { label: item.label, enabled: item.enabled, ...(item.action ? { click: () => act(item.action!) } : {}) },
    ]);
    tray.setContextMenu(Menu.buildFromTemplate(template));
    tray.setToolTip(trayTooltip(current, language));
  };

  // Whenever a start of Berth's own engine ends failed (asked here, in the window, or an automatic
  // restart), say so: start() answers with a failed status rather than throwing.
  const noticeOnFailure = <S extends { state: NativeEngineState | VmEngineState; error?: { message: string } }>(initial: S) => {
    let previous = initial.state;
    return (status: S) => {
      const notice = failureNotice(previous, status, language);
      previous = status.state;
      if (notice) options.failed(notice.title, notice.body);
    };
  };
  const vmFailed = noticeOnFailure(engine.vm.status);
  const nativeFailed = engine.native ? noticeOnFailure(engine.native.status) : undefined;
  const unsubscribe = [
    engine.statusChanges.add(render),
    engine.vm.statusChanges.add((status) => {
      render();
      vmFailed(status);
    }),
    ...(engine.native
      ? [
          engine.native.statusChanges.add((status) => {
            render();
            nativeFailed!(status);
          }),
        ]
      : []),
  ];
  tray.on('click', options.open);
  render();
  return {
    tray,
    dispose: () => {
      unsubscribe.forEach((stop) => stop());
      tray.destroy();
    },
  };
}
