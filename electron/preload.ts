// Sandboxed preloads must be CommonJS (electron.vite.config.ts emits this file as .cjs). It exposes
// exactly two things through contextBridge: trpc-electron's channel to the contract, and the
// desktop-only calls (bytes between the engine and a file picked in the system dialog), each a
// single fixed channel whose input main checks again.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeElectronTRPC } from 'trpc-electron/main';
import { desktopChannels, type DesktopBridge } from '../engine/contract/desktop.js';

const bridge: DesktopBridge = {
  saveLogs: (id) => ipcRenderer.invoke(desktopChannels.saveLogs, id),
  saveFile: (input) => ipcRenderer.invoke(desktopChannels.saveFile, input),
  uploadFiles: (input) => ipcRenderer.invoke(desktopChannels.uploadFiles, input),
  exportVolume: (input) => ipcRenderer.invoke(desktopChannels.exportVolume, input),
  importVolume: (input) => ipcRenderer.invoke(desktopChannels.importVolume, input),
  saveImages: (input) => ipcRenderer.invoke(desktopChannels.saveImages, input),
  exportContainer: (input) => ipcRenderer.invoke(desktopChannels.exportContainer, input),
  loadImages: (input) => ipcRenderer.invoke(desktopChannels.loadImages, input),
  importImage: (input) => ipcRenderer.invoke(desktopChannels.importImage, input),
};

process.once('loaded', () => {
  exposeElectronTRPC();
  contextBridge.exposeInMainWorld('berthDesktop', bridge);
});
