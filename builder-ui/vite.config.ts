/** Vite config of the builder UI: root builder-ui/, output builder-ui/dist/ (precompressed), /api proxied to a local server in dev. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { inlineEarlyScript } from './early-script.ts';
import { precompress } from './precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), inlineEarlyScript(), precompress()],
  resolve: {
    // @rjsf/core's markdown parser, which no form here uses, renders plain text instead (see the module).
    alias: [
      { find: /^markdown-to-jsx\/react$/, replacement: fileURLToPath(new URL('./src/markdown-as-text.ts', import.meta.url)) },
      // @rjsf/utils' URI resolver for schema bundles, which the derived forms never are (see the module).
      { find: /^fast-uri$/, replacement: fileURLToPath(new URL('./src/uri-resolver.ts', import.meta.url)) },
      // @rjsf/utils' decimal separator, asked of Intl once per locale list instead of per render (see the module).
      { find: /^\.\/getDecimalSeparator\.js$/, replacement: fileURLToPath(new URL('./src/decimal-separator.ts', import.meta.url)) },
    ],
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
      // The engine's modules only declare (kinds, messages, tables built from calls such as
      // words(…)): imported for one function, they need not come whole. Without this, a module-level
      // call counts as a side effect and keeps every kind's lint and every message in the bundle.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]engine[\\/]/.test(id) },
      output: {
        // npm packages in one chunk: it keeps its hash (and browsers their cached copy) across
        // deploys that change only the app, and rolldown no longer splits odd shared chunks off the entry.
        // Except big.js: only the scoring kinds do decimal arithmetic, and only authoring screens
        // (editor, comparison) load the kinds; it goes with them.
        // What only authoring reads (the diff, lint, the engine's validation messages, the editor's
        // words) is one chunk too: left to itself, rolldown merges it into the chunk the entry
        // shares with the editor, and every assessor would download it.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules[\\/](?!big\.js[\\/])/ },
            // Only the matched modules: what they import from the rest stays where the rest is.
            { name: 'authoring', includeDependenciesRecursively: false, test: /engine[\\/](compare[\\/]|document[\\/](lint|validate|meta-schema|limits))|i18n[\\/]messages[\\/]editor/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
