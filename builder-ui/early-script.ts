/**
 * The script inlined at the top of index.html: `startEarlyRequests` (src/early-requests.ts)
 * bundled into a few hundred bytes. Inline, it runs as soon as the parser reaches it, while the
 * app's scripts are still downloading; an external file would first have to arrive itself. The
 * server allows it by its hash in the Content Security Policy (inlineScriptHashes in
 * server/plugins/builder-ui.ts), so inline scripts stay refused in general.
 * A vite plugin (builder-ui/vite.config.ts): every build, and the dev server, get it.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const SOURCE_DIR = fileURLToPath(new URL('./src/', import.meta.url));

/** The bundled script: an IIFE that starts the early requests. */
export async function earlyScript(): Promise<string> {
  const result = await build({
    stdin: { contents: "import { startEarlyRequests } from './early-requests.ts';\nstartEarlyRequests();\n", resolveDir: SOURCE_DIR, loader: 'ts', sourcefile: 'early-script.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text.trim();
}

/** Where index.html takes the script: after `<meta charset>` (which must come first), before the stylesheet (a script after a pending stylesheet waits for it). */
export const EARLY_SCRIPT_PLACE = '<!-- early requests -->';

export function inlineEarlyScript(): Plugin {
  return {
    name: 'rubric-studio-early-script',
    async transformIndexHtml(html) {
      if (!html.includes(EARLY_SCRIPT_PLACE)) throw new Error(`builder-ui/index.html lacks ${EARLY_SCRIPT_PLACE}, where the early requests' script goes (see builder-ui/early-script.ts).`);
      return html.replace(EARLY_SCRIPT_PLACE, `<script>${await earlyScript()}</script>`);
    },
  };
}
