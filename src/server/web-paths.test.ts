import { describe, expect, it } from 'vitest';
import { isWebPage } from './web-paths.js';

describe('pages of the web application', () => {
  it('knows every page, in both languages', () => {
    for (const lang of ['es', 'en'])
      for (const p of [
        '',
        '/',
        '/sign-in',
        '/forgot-password',
        '/reset-password',
        '/app',
        '/app/activities',
        '/app/activities/semar-2022-1a2b',
        '/app/activities/deleted',
        '/app/review',
        '/plan',
        '/indicators/4.1.1',
        '/records/sedena-2022-cicompaz',
        '/status',
      ])
        expect(isWebPage(`/${lang}${p}`), `/${lang}${p}`).toBe(true);
    expect(isWebPage('/')).toBe(true);
  });

  it('does not know what is not a page', () => {
    for (const p of [
      '/es/nothing-here',
      '/fr/plan',
      '/es/plan/extra',
      '/es/records',
      '/favicon.ico',
      '/es/indicators/a/b',
    ])
      expect(isWebPage(p), p).toBe(false);
  });
});
