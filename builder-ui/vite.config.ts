/** Vite config of the builder UI: root builder-ui/, output builder-ui/dist/ (precompressed), /api proxied to a local server in dev. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    // @rjsf/core's markdown parser, which no form here uses, renders plain text instead (see the module).
    alias: [{ find: /^markdown-to-jsx\/react$/, replacement: fileURLToPath(new URL('./src/markdown-as-text.ts', import.meta.url)) }],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // An assessor's first load is the entry and the vendor chunk: sign-in, home, the assessment form,
    // result and print, ≤ 150 kB gzip (test/server/static-delivery.test.ts). The rubric editor, version
    // comparison and supplements are chunks of their own, loaded when opened (React.lazy).
    chunkSizeWarningLimit: 450,
    // Every browser the build targets (vite's baseline-widely-available) preloads modules natively.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // npm packages in one chunk: it keeps its hash (and browsers their cached copy) across
        // deploys that change only the app, and rolldown no longer splits odd shared chunks off the entry.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
