import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, Menu, Notification, type BrowserWindow } from 'electron';
import { createIPCHandler } from 'trpc-electron/main';
import { CommandLog } from '../engine/contract/command-log.js';
import { contractRouter } from '../engine/contract/router.js';
import { EngineManager } from '../engine/engine-manager.js';
import { berthPaths } from '../engine/hosts/paths.js';
import { flushLog, levelFromEnv, logFor, openLog } from '../engine/shared/log.js';
import { appMenuTemplate } from './app-menu.js';
import { handleDesktopCalls } from './desktop-bridge.js';
import { hardenSessions, hardenWebContents, isAppPage } from './security.js';
import { trayLanguage } from './tray-menu.js';
import { createTray } from './tray.js';
import { createMainWindow } from './window.js';

/**
 * The desktop shell: thin on purpose. It finds or starts the engine through the same engine code the
 * web host uses, opens one window on the same renderer build, and carries the contract over IPC.
 */
// out/main/main.cjs → ../preload/preload.cjs and ../../dist/renderer/index.html (one renderer build for both shells).
const preload = join(__dirname, '../preload/preload.cjs');
const page = join(__dirname, '../../dist/renderer/index.html');
const pageUrl = pathToFileURL(page).href;
const trayIcon = join(__dirname, '../../assets/tray.png');
// Where a tray is dependable (macOS, Windows) closing the window keeps Berth and its engine running
// in the tray; on Linux desktops without a tray area that would strand it, so closing quits there.
const keepRunningInTray = process.platform === 'darwin' || process.platform === 'win32';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | undefined;
  let engine: EngineManager | undefined;
  let quitting = false;

  /** Brings the window back, wherever it went: minimised, or hidden in the tray. */
  const open = () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  // Launching Berth again, or clicking its Dock icon on macOS, opens the window kept in the tray.
  app.on('second-instance', open);
  app.on('activate', open);

  hardenWebContents(pageUrl, { packaged: app.isPackaged });

  app.whenReady().then(async () => {
    hardenSessions(pageUrl);
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged, platform: process.platform, language: trayLanguage(app.getLocale()) })));
    engine = await EngineManager.start(process.env.BERTH_ENGINE ? { engineUrl: process.env.BERTH_ENGINE } : {});
    const running = engine;
    // One log for every window of this app: what Berth did on the engine this session.
    const commandLog = new CommandLog();
    const logDir = berthPaths().logDir;
    openLog({ dir: logDir, level: levelFromEnv() ?? 'info' }).then(
      () => logFor('desktop').info('window opening', { version: app.getVersion(), electron: process.versions.electron, engine: running.endpoint.url }),
      (e: Error) => console.error(`Berth could not open its log in ${logDir} (${e.message}); it goes on without one.`),
    );
    window = createMainWindow({ preload, page });
    createIPCHandler({
      router: contractRouter,
      windows: [window],
      createContext: async ({ event }) => {
        // Only Berth's own page may reach the engine; anything else gets nothing.
        if (!event.senderFrame || !isAppPage(event.senderFrame.url, pageUrl)) {
          throw new Error('Refused: this request did not come from Berth’s own window.');
        }
        return { engine: running.api, engines: running.engines, commandLog };
      },
    });
    handleDesktopCalls(window, running.api, (url) => isAppPage(url, pageUrl));
    const shown = window;
    const tray = createTray({
      icon: trayIcon,
      engine: running,
      locale: app.getLocale(),
      open,
      quit: () => app.quit(),
      // A start or stop from the tray that fails says why where the person is looking.
      failed: (title, message) => new Notification({ title, body: message }).show(),
    });
    app.once('will-quit', tray.dispose);
    shown.on('close', (event) => {
      if (keepRunningInTray && !quitting) {
        event.preventDefault();
        shown.hide();
      }
    });
  });

  app.on('window-all-closed', () => {
    if (!keepRunningInTray) app.quit();
  });

  // Stop Berth's own engine gracefully (its containers' data stays) before the process goes.
  app.on('before-quit', (event) => {
    if (quitting || !engine) return;
    event.preventDefault();
    quitting = true;
    void engine
      .close()
      .then(flushLog)
      .finally(() => app.quit());
  });
}
