/**
 * What the build puts in place of markdown-to-jsx/react (builder-ui/vite.config.ts aliases it):
 * the text, shown as written. @rjsf/core imports that parser for three things this UI never
 * uses: markdown in descriptions and help (only with ui:enableMarkdownInDescription/InHelp, which
 * no form here sets; test/server/static-delivery.test.ts checks), its own messages for a schema it
 * cannot render, and the file widget (no rubric input is a file). The parser was ~31 kB of the
 * assessor's JavaScript gzip, a fifth of it.
 */
import type { ReactNode } from 'react';

/** markdown-to-jsx's component, rendering its text without parsing it. */
export function Markdown({ children }: { children?: ReactNode }): ReactNode {
  return children ?? null;
}
