/**
 * One spelling per path, before routing: percent-encoded unreserved characters decoded
 * (RFC 3986 §6.2.2.2), empty and "." segments dropped, ".." segments resolved. With the router's
 * case-insensitive matching and trailing-slash tolerance (server/app.ts), every spelling of a
 * route reaches that route, and so its access rule. Encoded "/" ("%2F") and reserved characters
 * stay encoded: they are data, not structure.
 */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** The canonical form of a request URL (path and query); the query is left as it is. */
export function canonicalUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q);
  const decoded = path.replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : encoded.toUpperCase();
  });
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = decoded.endsWith('/') && segments.length > 0 ? '/' : '';
  return `/${segments.join('/')}${trailing}${query}`;
}
