/** The app's address is a hash route; read here by the app and by the early requests (early-requests.ts), so it imports no code. */

/** Current hash route split into its steps: #/rubrics/x/1.0.0 → ['rubrics', 'x', '1.0.0']. */
export const currentRoute = (): string[] => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);

/** The assessment a route opens (#/assessments/<id>), or null. */
export function assessmentOfRoute([screen, id, ...more]: string[]): string | null {
  return screen === 'assessments' && id && more.length === 0 ? id : null;
}
