import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one build for both shells: Electron loads it from disk, the web host serves it.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
