import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorCode } from '../../core/errors.js';
import type { XlsxReadResult } from './read-xlsx.js';

/**
 * Reads an uploaded workbook in a worker thread with its own heap limit and a time limit (QUALITY C6):
 * parsing never blocks the server's event loop, a workbook that needs more memory than the limit is
 * refused instead of exhausting the server, and the worker's memory is returned when it ends. At most
 * `XLSX_WORKER_LIMITS.concurrent` workbooks are read at once; the others wait their turn.
 */
export const XLSX_WORKER_LIMITS = { heapMb: 384, timeoutMs: 60_000, concurrent: 2 } as const;

let running = 0;
const waiting: (() => void)[] = [];

async function turn<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= XLSX_WORKER_LIMITS.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await fn();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

const tooBig = (es: string, en: string) =>
  new AppError('invalid_input', en, {
    es,
    en,
    problems: [{ file: 'xlsx', where: 'file', field: null, message: { es, en } }],
  });

type Answer =
  | { ok: true; result: XlsxReadResult }
  | { ok: false; error: { code: AppErrorCode; message: string; details: AppError['details'] } };

export function readActivitiesXlsxIsolated(
  bytes: Uint8Array,
  limits: { heapMb?: number; timeoutMs?: number } = {},
): Promise<XlsxReadResult> {
  const heapMb = limits.heapMb ?? XLSX_WORKER_LIMITS.heapMb;
  const timeoutMs = limits.timeoutMs ?? XLSX_WORKER_LIMITS.timeoutMs;
  return turn(
    () =>
      new Promise<XlsxReadResult>((resolve, reject) => {
        const worker = new Worker(new URL('./xlsx-worker.mjs', import.meta.url), {
          workerData: { bytes },
          resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
          stdout: false,
          stderr: false,
        });
        let settled = false;
        const settle = (fn: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          fn();
          void worker.terminate();
        };
        const timer = setTimeout(
          () =>
            settle(() =>
              reject(
                tooBig(
                  `el libro tardó más de ${timeoutMs / 1000} s en leerse; divídalo`,
                  `the workbook took longer than ${timeoutMs / 1000} s to read; split it`,
                ),
              ),
            ),
          timeoutMs,
        );
        worker.once('message', (m: Answer) =>
          settle(() =>
            m.ok ? resolve(m.result) : reject(new AppError(m.error.code, m.error.message, m.error.details)),
          ),
        );
        worker.once('error', (e: Error & { code?: string }) =>
          settle(() =>
            reject(
              e.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? tooBig(
                    `el libro necesita más de ${heapMb} MB de memoria para leerse; divídalo`,
                    `the workbook needs more than ${heapMb} MB of memory to read; split it`,
                  )
                : e,
            ),
          ),
        );
        worker.once('exit', (code) =>
          settle(() => reject(new Error(`the workbook reader stopped (exit code ${code}) without an answer`))),
        );
      }),
  );
}
