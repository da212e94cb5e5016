import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { readZip } from '../../../test/zip.js';
import { buildZip } from './hostile-zips.fixture.js';
import { readActivitiesXlsx } from './read-xlsx.js';
import { readActivitiesXlsxIsolated } from './read-xlsx-isolated.js';
import { XLSX_LIMITS } from './safe-zip.js';
import { emptyTemplate } from './workbook-edit.fixture.js';

/** The template with one sheet replaced by `rows` rows of `cells` inline-string cells of random text. */
async function withRows(rows: number, cells: number): Promise<Buffer> {
  const parts = readZip(await emptyTemplate());
  const cols = Array.from({ length: cells }, (_, i) =>
    String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26)),
  );
  const noise = randomBytes(rows * cells * 4).toString('hex');
  const xml: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>'];
  for (let r = 1; r <= rows; r += 1) {
    xml.push(`<row r="${r}">`);
    for (let c = 0; c < cells; c += 1) {
      const at = ((r - 1) * cells + c) * 8;
      xml.push(`<c r="${cols[c]}${r}" t="inlineStr"><is><t>${noise.slice(at, at + 8)}</t></is></c>`);
    }
    xml.push('</row>');
  }
  xml.push('</sheetData></worksheet>');
  parts.set('xl/worksheets/sheet1.xml', Buffer.from(xml.join('')));
  return buildZip([...parts].map(([name, data]) => ({ name, data })));
}

/**
 * Runs `fn` and measures the longest stretch during which this thread's event loop was busy (running
 * JavaScript, not waiting for I/O or timers): what a parse on this thread would block. Counted from
 * the event-loop utilisation between timer ticks, so that time the operating system gives to other
 * jobs on a shared machine (the loop waiting for the CPU, not working) is not mistaken for blocking.
 */
async function loopBusyOnce<T>(
  fn: () => Promise<T>,
): Promise<{ outcome: T | Error; maxMs: number; elapsedMs: number }> {
  let prev = performance.eventLoopUtilization();
  let maxMs = 0;
  const tick = setInterval(() => {
    const now = performance.eventLoopUtilization();
    maxMs = Math.max(maxMs, performance.eventLoopUtilization(now, prev).active);
    prev = now;
  }, 5);
  const start = performance.now();
  let outcome: T | Error;
  try {
    outcome = await fn();
  } catch (e) {
    outcome = e as Error;
  }
  const elapsedMs = performance.now() - start;
  clearInterval(tick);
  maxMs = Math.max(maxMs, performance.eventLoopUtilization(performance.eventLoopUtilization(), prev).active);
  return { outcome, maxMs, elapsedMs };
}

/**
 * A collection of the garbage left by building a fixture also keeps the loop busy for a moment; a run
 * over the limit is repeated once (a parse on this thread blocks it for seconds every time).
 */
async function loopBusy<T>(
  fn: () => Promise<T>,
  limitMs = 100,
): Promise<{ outcome: T | Error; maxMs: number; elapsedMs: number }> {
  const first = await loopBusyOnce(fn);
  return first.maxMs < limitMs ? first : loopBusyOnce(fn);
}

describe('reading a workbook in a worker thread (QUALITY C6)', () => {
  it('reads the template as the in-process reader does', async () => {
    const bytes = await emptyTemplate();
    expect(await readActivitiesXlsxIsolated(bytes)).toEqual(await readActivitiesXlsx(bytes));
  });

  it('a sheet of 410,848 rows within the zip limits is refused by its row count, without blocking the event loop', async () => {
    const bytes = await withRows(410_848, 1);
    expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
    const { outcome, maxMs, elapsedMs } = await loopBusy(() => readActivitiesXlsxIsolated(bytes));
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).details.en).toMatch(
      new RegExp(`sheet "xl/worksheets/sheet1.xml" has more than ${XLSX_LIMITS.maxRowsPerSheet} rows`),
    );
    expect(elapsedMs).toBeLessThan(10_000);
    expect(maxMs).toBeLessThan(100);
  });

  it('too many cells over the workbook are refused before the spreadsheet library builds them', async () => {
    const bytes = await withRows(12_000, 60);
    const { outcome, maxMs } = await loopBusy(() => readActivitiesXlsxIsolated(bytes));
    expect((outcome as AppError).details?.en).toMatch(`above ${XLSX_LIMITS.maxCells} cells`);
    expect(maxMs).toBeLessThan(100);
  });

  it('a heavy workbook within the limits is read in the worker while the event loop stays free', async () => {
    const bytes = await withRows(5_000, 50);
    const { outcome, maxMs } = await loopBusy(() => readActivitiesXlsxIsolated(bytes));
    expect(outcome).not.toBeInstanceOf(Error);
    expect(maxMs).toBeLessThan(100);
  });

  it('a workbook that needs more memory than the worker may use is refused, and the server goes on', async () => {
    const bytes = await withRows(4_000, 20);
    await expect(readActivitiesXlsxIsolated(bytes, { heapMb: 12 })).rejects.toThrow(/needs more than 12 MB/);
    // The same workbook within the normal limit is read.
    expect((await readActivitiesXlsxIsolated(bytes)).rows).toBeDefined();
  });
});
