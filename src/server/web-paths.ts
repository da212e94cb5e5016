/**
 * The pages of the web application (src/web/main.tsx and its route lists), so that an unknown
 * address answers HTTP 404 (with the application, which shows its "page not found") instead of 200.
 * A new page needs its pattern here; web-paths.test.ts lists what must stay known.
 */
const PAGES = [
  '',
  'sign-in',
  'forgot-password',
  'reset-password',
  'app(/[^?#]*)?',
  'plan',
  'indicators',
  'indicators/[^/]+',
  'explorer',
  'map',
  'reports',
  'data',
  'status',
  'records/[^/]+',
  'incidence(/[^?#]*)?',
];

const KNOWN = new RegExp(`^/(es|en)(/(${PAGES.join('|')}))?/?$`);

/** Whether a path (without query) is a page of the web application. */
export function isWebPage(path: string): boolean {
  return path === '/' || KNOWN.test(path);
}
