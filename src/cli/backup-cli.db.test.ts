import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/test-db.js';
import { runCli } from './main.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), write: (t) => out.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each(testEngines())('nap1325 backup and restore (%s)', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'nap1325-backup-cli-'));
  let source: TestDatabase;
  let target: TestDatabase;
  const file = join(dir, engine === 'sqlite' ? 'copy.sqlite' : 'copy.dump');
  const targetUrl = () => (engine === 'sqlite' ? join(dir, 'restored.sqlite') : target.url);

  beforeAll(async () => {
    source = await createTestDatabase(engine, { migrate: false });
    target = await createTestDatabase(engine, { migrate: false });
    await target.close();
    expect((await cli('--db', source.url, 'init')).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await source.dispose();
    await target.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up (path, size, counts, audit head, SHA-256, manifest) and restores, verified; exit codes', async () => {
    const backup = await cli('--lang', 'en', '--db', source.url, 'backup', '--out', file);
    expect(backup.code).toBe(0);
    const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as {
      sha256: string;
      bytes: number;
      counts: Record<string, number>;
      audit: { seq: number };
    };
    expect(backup.out).toContain(`Backup written: ${file} (${manifest.bytes} bytes)`);
    expect(backup.out).toContain(`SHA-256: ${manifest.sha256}`);
    expect(backup.out).toContain(`activity ${manifest.counts.activity}, `);
    expect(manifest.counts.activity).toBeGreaterThan(150);
    expect(backup.out).toContain(`Audit trail: head ${manifest.audit.seq} `);
    expect(backup.err).toMatch(/Keep the audit key .*nap1325-audit\.key too/);

    const again = await cli('--db', source.url, 'backup', '--out', file);
    expect(again.code).toBe(2);
    expect(again.err).toContain('ya existe: elija otro nombre o use --force');

    const restore = await cli('--lang', 'en', '--db', targetUrl(), 'restore', file);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('Restored and verified');
    expect(restore.out).toContain(`Audit trail verified with its key: ${manifest.audit.seq} entries`);

    const occupied = await cli('--db', targetUrl(), 'restore', file);
    expect(occupied.code).toBe(2);
    expect(occupied.err).toContain('no está vacía');
  }, 120_000);

  it('refuses a damaged backup with exit 3 and a missing one with exit 4', async () => {
    const damaged = join(dir, 'damaged');
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1]! ^= 0xff;
    writeFileSync(damaged, bytes);
    writeFileSync(`${damaged}.manifest.json`, readFileSync(`${file}.manifest.json`));
    const other = engine === 'sqlite' ? join(dir, 'other.sqlite') : targetUrl();
    const r = await cli('--lang', 'en', '--db', other, 'restore', damaged);
    expect(r.code).toBe(3);
    expect(r.err).toContain('is not the file its manifest describes');
    const missing = await cli('--lang', 'en', '--db', other, 'restore', join(dir, 'nothing'));
    expect(missing.code).toBe(4);
  });
});
