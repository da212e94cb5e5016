/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { ROLES, SUBMISSION_ACTIONS, SUBMISSION_STATES } from '../../../core/model/access.js';
import { ACTIVITY_KINDS, MODALITIES, NETWORK_ACTIONS, UGPS_CATEGORIES } from '../../../core/model/kinds.js';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';

/** The sources of the signed-in application and the home page, as text. */
const sources = {
  ...import.meta.glob<string>('../../routes/app/**/*.tsx', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>('../../components/{ui,forms}/*.tsx', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>('../../routes/home.page.tsx', { query: '?raw', import: 'default', eager: true }),
};

type Tree = { readonly [k: string]: string | Tree };

function lookup(tree: Tree, key: string): string | Tree | undefined {
  return key
    .split('.')
    .reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
}

/** A key exists as a text, or as the plural forms i18next picks by count. */
function has(tree: Tree, key: string): boolean {
  if (typeof lookup(tree, key) === 'string') return true;
  return typeof lookup(tree, `${key}_one`) === 'string' && typeof lookup(tree, `${key}_other`) === 'string';
}

function staticKeys(): string[] {
  const keys = new Set<string>();
  for (const text of Object.values(sources))
    for (const m of text.matchAll(/\bt\(\s*'(app\.[A-Za-z0-9_.]+)'/g)) keys.add(m[1]!);
  return [...keys].sort();
}

const dynamicKeys = [
  ...ACTIVITY_KINDS.map((k) => `app.kinds.${k}`),
  ...SUBMISSION_STATES.map((s) => `app.state.${s}`),
  ...SUBMISSION_STATES.map((s) => `app.submission.explain_${s}`),
  ...ROLES.map((r) => `app.roles.${r}`),
  ...UGPS_CATEGORIES.map((c) => `app.ugps.${c}`),
  ...NETWORK_ACTIONS.map((c) => `app.networkActions.${c}`),
  ...MODALITIES.map((m) => `app.modalities.${m}`),
  ...SUBMISSION_ACTIONS.map((a) => `app.submission.event_${a}`),
  'app.submission.event_comment',
  ...['title', 'explain', 'done', 'do', 'action'].flatMap((p) =>
    SUBMISSION_ACTIONS.filter((a) => a !== 'submit').map((a) => `app.review.${p}_${a}`),
  ),
  'app.activity.locked_submitted',
  'app.activity.locked_approved',
  ...['new', 'changed', 'unchanged', 'invalid'].map((s) => `app.sheet.status_${s}`),
];

describe('texts of the application', () => {
  it('finds the keys the pages use (the scan works)', () => {
    expect(staticKeys().length).toBeGreaterThan(200);
  });

  it.each([
    ['es', es as unknown as Tree],
    ['en', en as unknown as Tree],
  ])('every key the pages use exists in %s', (_lang, tree) => {
    const missing = [...staticKeys(), ...dynamicKeys].filter((k) => !has(tree, k));
    expect(missing).toEqual([]);
  });

  it('Spanish and English say different things (nothing left untranslated by copy)', () => {
    const same = staticKeys().filter((k) => {
      const a = lookup(es, k);
      const b = lookup(en, k);
      return typeof a === 'string' && a === b && /[a-z]{4}/i.test(a.replace(/\{\{\w+\}\}/g, ''));
    });
    expect(same).toEqual(['app.common.total']);
  });
});
