import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../core/errors.js';
import { readActivitiesXlsx } from './read-xlsx.js';

/** Worker body: reads the workbook it was given and posts the result, or the AppError that refused it. */
const { bytes } = workerData as { bytes: Uint8Array };
try {
  parentPort!.postMessage({ ok: true, result: await readActivitiesXlsx(bytes) });
} catch (e) {
  if (!isAppError(e)) throw e;
  parentPort!.postMessage({ ok: false, error: { code: e.code, message: e.message, details: e.details } });
}
