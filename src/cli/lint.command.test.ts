import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LintReport } from '../services/check/lint.service.js';
import { runCli } from './main.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), write: (t) => out.push(t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'nap1325-lint-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('nap1325 lint', () => {
  const wrong = write(
    'borrador.md',
    '# Informe 2022\n\nEn 2022 se capacitó a 355 personas (256 mujeres y 98 hombres).\n',
  );
  const clean = write('clean.txt', 'In 2022, INMUJERES trained 355 people (256 women and 99 men).\n');

  it('prints each finding with file, line, quote, stated vs computed and message; exit 1 on errors', async () => {
    const r = await cli('--lang', 'es', 'lint', wrong);
    expect(r.code).toBe(1);
    expect(r.out.slice(0, 4)).toEqual([
      `ERROR   parts-total  ${wrong}:3`,
      '        declarado 355 · calculado 354',
      '        «355 personas (256 mujeres y 98 hombres»',
      '        355 no es la suma de sus partes: 256 mujeres + 98 hombres = 354.',
    ]);
    expect(r.out.at(-1)).toBe('1 documento(s) (año 2022): 1 error(es), 0 aviso(s), 0 nota(s).');
    const en = await cli('--lang', 'en', 'lint', clean);
    expect(en.code).toBe(0);
    expect(en.out).toEqual(['1 document(s) (year 2022): 0 error(s), 0 warning(s), 0 note(s).']);
  });

  it('--json, a folder of documents, --year', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    write('folder/a.txt', 'On March 7, 2023, a meeting was held.\n');
    write('folder/notes.csv', 'not a document');
    const r = await cli('--json', 'lint', folder, '--year', '2022');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out.join('\n')) as LintReport;
    expect(report.files.map((f) => [f.file, f.year, f.findings.map((x) => x.check)])).toEqual([
      [join(folder, 'a.txt'), 2022, ['date-outside-year']],
    ]);
    expect(report.summary).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it('refuses what it cannot read by name: a missing path, an unsupported type, a fake PDF', async () => {
    expect((await cli('lint', join(dir, 'missing.txt'))).code).toBe(4);
    const csv = await cli('--lang', 'en', 'lint', write('x.csv', 'a,b'));
    expect(csv.code).toBe(3);
    expect(csv.err.join('\n')).toContain('unsupported file type: use .docx, .pdf, .txt or .md');
    const pdf = await cli('--lang', 'en', 'lint', write('fake.pdf', 'hello'));
    expect(pdf.code).toBe(3);
    expect(pdf.err.join('\n')).toContain('the file is not a PDF');
    expect((await cli('lint', '--year', '22', clean)).code).toBe(2);
  });
});
