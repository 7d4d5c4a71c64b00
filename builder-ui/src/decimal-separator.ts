/**
 * @rjsf/utils' getDecimalSeparator, once per locale list. The library's own asks Intl for a fresh
 * NumberFormat on every call, and its NumberField calls it on every render: on the Appendix C form
 * that was a fifth of the time to interactive, and again on each keystroke. The answer depends only
 * on the locales, so it is kept. Same contract: the given locales, else the browser's, else '.'.
 */
const separators = new Map<string, string>();

export default function getDecimalSeparator(languages?: string | string[]): string {
  const locales = languages || (typeof navigator !== 'undefined' ? navigator.languages : undefined);
  if (!locales) return '.';
  const key = typeof locales === 'string' ? locales : locales.join(',');
  let separator = separators.get(key);
  if (separator === undefined) {
    try {
      separator = new Intl.NumberFormat(locales).formatToParts(1.1).find((part) => part.type === 'decimal')?.value || '.';
    } catch {
      separator = '.';
    }
    separators.set(key, separator);
  }
  return separator;
}
