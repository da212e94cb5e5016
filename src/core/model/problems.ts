import type { InputProblem } from '../errors.js';
import { formatJsonPath } from '../i18n/schema-messages.js';

/** Collects input problems for one file. */
export class ProblemList {
  readonly items: InputProblem[] = [];

  add(file: string, path: readonly (string | number)[] | string, es: string, en: string): void {
    const where = typeof path === 'string' ? path : formatJsonPath(path);
    const last = typeof path === 'string' ? null : [...path].reverse().find((p) => typeof p === 'string');
    this.items.push({ file, where, field: typeof last === 'string' ? last : null, message: { es, en } });
  }

  get empty(): boolean {
    return this.items.length === 0;
  }
}
