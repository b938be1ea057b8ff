import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';

// Main and preload only: the renderer is built once by vite.config.ts into dist/renderer, the same
// build the web host serves. The preload is CommonJS because sandboxed preloads cannot be ESM.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      lib: { entry: resolve('electron/main.ts'), formats: ['cjs'] },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: ['trpc-electron'] })],
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('electron/preload.ts'), formats: ['cjs'] },
    },
  },
});
