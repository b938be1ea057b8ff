// Sandboxed preloads must be CommonJS (electron.vite.config.ts emits this file as .cjs). It exposes
// exactly one thing: trpc-electron's message port to the contract, through contextBridge.
import { exposeElectronTRPC } from 'trpc-electron/main';

process.once('loaded', () => exposeElectronTRPC());
