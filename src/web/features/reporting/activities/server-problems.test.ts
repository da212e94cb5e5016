import { describe, expect, it } from 'vitest';
import { problemsToErrors } from './server-problems.js';

describe('server problems next to fields', () => {
  it('places each problem on its field and joins several on one field', () => {
    const errors = problemsToErrors([
      { file: 'body', where: '$.women', field: 'women', message: { es: 'a', en: 'A' } },
      { file: '-', where: '$.coursesOfAction[0]', field: 'coursesOfAction', message: { es: 'b', en: 'B' } },
      { file: '-', where: '$.coursesOfAction[1]', field: 'coursesOfAction', message: { es: 'c', en: 'C' } },
      { file: 'body', where: '$.title.en', field: 'en', message: { es: 'd', en: 'D' } },
      { file: 'body', where: '$.version', field: 'version', message: { es: 'e', en: 'E' } },
      { file: 'headers', where: 'If-Match', field: 'version', message: { es: 'f', en: 'F' } },
      'garbage',
      { where: '$.men' },
    ]);
    expect(errors).toEqual({
      women: { es: 'a', en: 'A' },
      coursesOfAction: { es: 'b; c', en: 'B; C' },
      titleEn: { es: 'd', en: 'D' },
      version: { es: 'e; f', en: 'E; F' },
    });
  });
});
