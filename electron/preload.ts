// Sandboxed preloads must be CommonJS (electron.vite.config.ts emits this file as .cjs). It exposes
// exactly two things through contextBridge: trpc-electron's channel to the contract, and the one
// desktop-only call (saving a log file through the system's save dialog).
import { contextBridge, ipcRenderer } from 'electron';
import { exposeElectronTRPC } from 'trpc-electron/main';

process.once('loaded', () => {
  exposeElectronTRPC();
  contextBridge.exposeInMainWorld('berthDesktop', {
    saveLogs: (id: string) => ipcRenderer.invoke('berth:save-logs', id) as Promise<{ saved: boolean; path?: string }>,
  });
});
