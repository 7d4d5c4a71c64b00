/**
 * A load's first requests, started by a script inlined at the top of index.html (the vite plugin
 * in builder-ui/early-script.ts bundles `startEarlyRequests` into it) while the app's own scripts
 * are still on their way: the sign-in check and, for an assessment opened by its address, the
 * assessment, its form and the subjects. The app then takes each answer instead of asking again
 * (`takeEarlyResponse`, in api.ts), so its first render has its data at once. The same idle time
 * loads the browser's number formatting data, which the form's number fields need (the first
 * `Intl.NumberFormat` of a page takes tens of milliseconds).
 *
 * Nothing depends on it: when the script is missing or the Content Security Policy refuses it (a
 * server started before the UI was rebuilt), the app asks as it always did.
 */
import { API_PATHS } from './api-paths.ts';
import { assessmentOfRoute, currentRoute } from './route.ts';
import { storedLanguage, storedToken } from './stored.ts';

/** Where the inline script leaves its requests for the app. */
const GLOBAL = '__rubricStudioEarly';

interface EarlyRequests {
  token: string;
  responses: Map<string, Promise<Response>>;
}

const early = (): EarlyRequests | undefined => Reflect.get(window, GLOBAL) as EarlyRequests | undefined;

/** The GET paths a page opened at the current address asks at once, signed in. */
function pagePaths(): string[] {
  const paths = [API_PATHS.me, API_PATHS.deployment];
  const assessment = assessmentOfRoute(currentRoute());
  if (assessment) paths.push(API_PATHS.assessmentForm(assessment, storedLanguage()), API_PATHS.communities, API_PATHS.assessment(assessment));
  return paths;
}

/** Run by the inline script: asks what the page will need with the stored token, and warms number formatting. */
export function startEarlyRequests(): void {
  const token = storedToken();
  if (token) {
    const headers = { accept: 'application/json', authorization: `Bearer ${token}` };
    const responses = new Map(pagePaths().map((path) => [path, fetch(path, { headers })]));
    // An answer the app never takes (signed out meanwhile) must not be reported as unhandled.
    for (const response of responses.values()) response.catch(() => undefined);
    Reflect.set(window, GLOBAL, { token, responses } satisfies EarlyRequests);
  }
  // In a task of its own, so the parser goes on meanwhile: the page is idle then, waiting for its scripts.
  setTimeout(() => {
    try {
      new Intl.NumberFormat(navigator.languages).formatToParts(1.1);
    } catch {
      // Formatting data is only warmed here; the form asks again and handles a refusal itself.
    }
  });
}

/** The early answer to GET `path` asked with `token`, once; undefined when there is none. */
export function takeEarlyResponse(path: string, token: string | null): Promise<Response> | undefined {
  const requests = early();
  if (!requests || token !== requests.token) return undefined;
  const response = requests.responses.get(path);
  requests.responses.delete(path);
  return response;
}
