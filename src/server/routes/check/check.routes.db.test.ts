import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, workflowAppFixture } from '../../../../test/api-helpers.js';
import { testEngines } from '../../../../test/test-db.js';
import { SEED_DIR } from '../../../config/paths.js';
import type { LintDocumentDto } from './check.schemas.js';

const multipart = (name: string, content: Buffer | string, field = 'file') => {
  const boundary = '----nap1325test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
};

describe.each(testEngines())('POST /api/check/document (%s)', (engine) => {
  const w = workflowAppFixture(engine);

  it('checks an uploaded document and answers its findings with its text, in the caller’s language', async () => {
    const text = readFileSync(join(SEED_DIR, 'source', 'nap1325-second-report-2022.en.txt'));
    const r = await call(w.app, w.sessions.coordinator, {
      method: 'POST',
      url: '/api/check/document?year=2022&lang=en',
      ...multipart('report-2022.txt', text),
    });
    expect(r.statusCode).toBe(200);
    const body = r.json<LintDocumentDto>();
    expect(body.file).toBe('report-2022.txt');
    expect(body.year).toBe(2022);
    expect(body.lines.length).toBe(text.toString().split('\n').length);
    expect(body.summary).toEqual({ error: 6, warning: 9, info: 8 });
    expect(body.findings.find((f) => f.check === 'parts-total')).toMatchObject({
      line: 253,
      stated: 2106,
      computed: 2107,
    });
  });

  it('refuses a file it cannot read, by name, and a body without the file; editors may check too', async () => {
    const odt = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/check/document?lang=en',
      ...multipart('x.odt', 'x'),
    });
    expect(odt.statusCode).toBe(400);
    expect(odt.body).toContain('x.odt: unsupported file type');
    const wrongField = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/check/document',
      ...multipart('a.txt', 'x', 'other'),
    });
    expect(wrongField.statusCode).toBe(400);
    const big = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/check/document',
      ...multipart('big.txt', Buffer.alloc(10 * 1024 * 1024 + 10, 0x61)),
    });
    expect(big.statusCode).toBe(413);
  });
});
