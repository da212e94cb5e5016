/** The one error type of the application; mapped to HTTP status in server/ and exit codes in cli/. */
export type AppErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'locked'
  | 'precondition_failed'
  | 'too_large'
  | 'rate_limited'
  | 'database'
  | 'usage'
  | 'internal';

export interface InputProblem {
  /** File name (or "-") the problem was found in. */
  file: string;
  /** Where in the file: "$.activities[3].women" for JSON, "row 12" for CSV. */
  where: string;
  field: string | null;
  message: { es: string; en: string };
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: { problems?: InputProblem[]; [key: string]: unknown };

  constructor(code: AppErrorCode, message: string, details: AppError['details'] = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
