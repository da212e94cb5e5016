import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, OPEN_YEAR, type PersonKey, workflowAppFixture } from '../../../../test/api-helpers.js';
import { startSmtpListener, type SmtpListener } from '../../../../test/smtp-listener.js';
import { testEngines } from '../../../../test/test-db.js';
import { createMailer } from '../../../services/notices/mailer.js';
import { sendDeadlineNotices } from '../../../services/notices/workflow-notices.js';
import type { NoticeList } from './notices.schemas.js';

/** Notices in the application (the bell) and by e-mail, through a real SMTP listener. */
describe.each(testEngines())('notices (%s)', (engine) => {
  let smtp: SmtpListener;
  const PUBLIC = 'https://nap1325.example.gob.mx';
  beforeAll(async () => {
    smtp = await startSmtpListener();
  });
  afterAll(() => smtp.close());
  const w = workflowAppFixture(engine, () => ({
    notices: { mailer: createMailer(smtp.url, 'avisos@nap1325.example.gob.mx'), publicUrl: PUBLIC },
  }));

  const bell = async (who: PersonKey) =>
    (await call(w.app, w.sessions[who], { method: 'GET', url: '/api/notices' })).json<NoticeList>();

  it('a return reaches the institution in the app and by e-mail, with the comment and a link', async () => {
    expect((await bell('semarEditor')).unread).toBe(0);
    const submit = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: `/api/submissions/SEMAR/${OPEN_YEAR}/submit`,
      payload: {},
    });
    expect(submit.statusCode).toBe(200);
    // The coordination hears of the submission.
    expect((await bell('coordinator')).items[0]!.title.es).toBe(`SEMAR envió su información de ${OPEN_YEAR}`);
    const ret = await call(w.app, w.sessions.coordinator, {
      method: 'POST',
      url: `/api/submissions/SEMAR/${OPEN_YEAR}/return`,
      payload: {
        comment: 'Falta el número de hombres.',
        recordComments: [{ activityId: 'semar-2023-hidden', comment: 'Indique los hombres' }],
      },
    });
    expect(ret.statusCode).toBe(200);
    for (const who of ['semarEditor', 'semarViewer'] as const) {
      const list = await bell(who);
      expect(list.unread, who).toBe(1);
      expect(list.items[0]).toMatchObject({
        kind: 'returned',
        title: { es: `Devuelto: envío de SEMAR ${OPEN_YEAR}`, en: `Returned: SEMAR ${OPEN_YEAR} submission` },
        link: `/app/submission?period=${OPEN_YEAR}`,
        read: false,
      });
      expect(list.items[0]!.body.es).toContain('«Falta el número de hombres.»');
      expect(list.items[0]!.body.es).toContain('comentó 1 registro');
    }
    // SEDENA hears nothing of SEMAR's submission.
    expect((await bell('sedenaEditor')).items).toEqual([]);

    const mail = await smtp.waitFor((m) => m.to.includes('semar-editor@test.example'));
    expect(mail.from).toBe('avisos@nap1325.example.gob.mx');
    expect(mail.subject).toBe(
      `nap1325: Devuelto: envío de SEMAR ${OPEN_YEAR} / Returned: SEMAR ${OPEN_YEAR} submission`,
    );
    expect(mail.text).toContain('«Falta el número de hombres.»');
    expect(mail.text).toContain(`${PUBLIC}/es/app/submission?period=${OPEN_YEAR}`);
    expect(mail.text).toContain(`${PUBLIC}/en/app/submission?period=${OPEN_YEAR}`);
    await smtp.waitFor((m) => m.to.includes('semar-viewer@test.example'));
    expect(smtp.messages.some((m) => m.to.includes('sedena-editor@test.example'))).toBe(false);
  });

  it('marks read only the reader’s own notices', async () => {
    const mine = await bell('semarEditor');
    const other = await bell('semarViewer');
    const r = await call(w.app, w.sessions.semarEditor, {
      method: 'POST',
      url: '/api/notices/read',
      payload: { ids: [mine.items[0]!.id, other.items[0]!.id] },
    });
    expect(r.json()).toEqual({ unread: 0 });
    expect((await bell('semarViewer')).unread).toBe(1);
  });

  it('reminds of a deadline 7 days and 1 day before and once passed, each once', async () => {
    await w.database.db.updateTable('period').set({ deadline: '2031-03-31' }).where('year', '=', OPEN_YEAR).execute();
    const settings = { mailer: null, publicUrl: PUBLIC };
    const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
    expect((await sendDeadlineNotices(w.database, settings, at('2031-03-01'))).created).toBe(0);
    // SEMAR is returned (open), SEDENA a draft: each ministry's editors are reminded; viewers are not.
    expect((await sendDeadlineNotices(w.database, settings, at('2031-03-25'))).created).toBe(2);
    expect((await sendDeadlineNotices(w.database, settings, at('2031-03-26'))).created).toBe(0);
    expect((await sendDeadlineNotices(w.database, settings, at('2031-03-30'))).created).toBe(2);
    expect((await sendDeadlineNotices(w.database, settings, at('2031-04-02'))).created).toBe(2);
    expect((await sendDeadlineNotices(w.database, settings, at('2031-04-09'))).created).toBe(0);
    const kinds = (await bell('sedenaEditor')).items.map((i) => i.kind);
    expect(kinds).toEqual(['deadline-passed', 'deadline-1', 'deadline-7']);
    expect((await bell('sedenaEditor')).items[2]!.body.es).toContain('31 de marzo de 2031');
    expect((await bell('semarViewer')).items.map((i) => i.kind)).toEqual(['returned']);
  });
});
