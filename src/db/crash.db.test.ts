/**
 * QUALITY I2: an import killed with SIGKILL in the middle leaves no partial write, and the SQLite file
 * passes PRAGMA integrity_check; an acknowledged import survives a kill right after it finished.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

// The script runs in this very process (`node --import tsx`), so SIGKILL reaches the importer itself.
const LOADER = ['--import', 'tsx'];
const CHILD = new URL('../../test/kill-import.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nap1325-crash-'));
const file = join(dir, 'crash.sqlite');

function counts(): { integrity: string; crash: number } {
  const db = new SQLite(file);
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const crash = (db.prepare("select count(*) as n from activity where id like 'crash-%'").get() as { n: number }).n;
    return { integrity, crash };
  } finally {
    db.close();
  }
}

/** Starts the import and kills it with SIGKILL `afterMs` after it starts writing. */
function killDuringImport(afterMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...LOADER, CHILD, file, 'import'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('importing')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', () => resolve(out));
  });
}

describe('crash safety on SQLite', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an import killed at any moment leaves either nothing or everything, and an intact file', async () => {
    const init = spawnSync(process.execPath, [...LOADER, CHILD, file, 'init'], { encoding: 'utf8' });
    expect(init.stdout).toContain('ready');
    for (const afterMs of [50, 1000, 1800, 2400, 3000, 4000, 8000, 15000]) {
      const out = await killDuringImport(afterMs);
      const { integrity, crash } = counts();
      expect(integrity).toBe('ok');
      // All or nothing: 0 if killed before the commit, 20,000 if it had committed ("done" printed or not).
      expect([0, 20_000]).toContain(crash);
      if (out.includes('done')) expect(crash).toBe(20_000);
      if (crash === 20_000) return;
    }
  }, 180_000);
});
