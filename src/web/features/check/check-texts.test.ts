import { describe, expect, it } from 'vitest';
import { LINT_CHECKS } from '../../../core/lint/index.js';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';

describe('"Check a document" texts', () => {
  it('names every check and severity in Spanish and English', () => {
    for (const texts of [es, en]) {
      expect(Object.keys(texts.app.check.checks).sort()).toEqual([...LINT_CHECKS].sort());
      expect(Object.keys(texts.app.check.severity).sort()).toEqual(['error', 'info', 'warning']);
    }
    expect(es.app.check.checks['parts-total']).not.toBe(en.app.check.checks['parts-total']);
  });
});
