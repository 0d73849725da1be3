import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The dev server injects inline scripts and styles (React refresh, HMR) that the strict CSP
 * meta tag forbids; built files keep it, and both transports also send the CSP as a header.
 */
const relaxCspInDev: Plugin = {
  name: 'briefmark:relax-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
};

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          importWorker: resolve('src/main/import/worker/importWorker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload must be one CommonJS file with nothing external.
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), relaxCspInDev],
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
