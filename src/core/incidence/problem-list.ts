import { AppError, type InputProblem } from '../errors.js';

/** Most problems listed per file; the rest are counted in one last line. */
export const MAX_LISTED_PROBLEMS = 200;

/** The problems of one file, capped so that a wholly wrong file gives a readable answer. */
export class ProblemList {
  private readonly items: InputProblem[] = [];
  private more = 0;

  constructor(private readonly file: string) {}

  get count(): number {
    return this.items.length + this.more;
  }

  add(where: string, field: string | null, message: { es: string; en: string }): void {
    if (this.items.length < MAX_LISTED_PROBLEMS) this.items.push({ file: this.file, where, field, message });
    else this.more += 1;
  }

  /** The problems of an AppError('invalid_input') (rethrows anything else). */
  adopt(e: unknown): InputProblem[] {
    if (e instanceof AppError && e.details.problems) {
      this.items.push(...e.details.problems);
      return this.list();
    }
    throw e;
  }

  list(): InputProblem[] {
    if (this.more === 0) return [...this.items];
    return [
      ...this.items,
      {
        file: this.file,
        where: 'file',
        field: null,
        message: {
          es: `… y ${this.more} problema(s) más del mismo archivo`,
          en: `… and ${this.more} more problem(s) in the same file`,
        },
      },
    ];
  }
}
