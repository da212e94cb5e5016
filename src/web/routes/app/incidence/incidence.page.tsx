import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../components/ui/format.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { useResource } from '../../../components/ui/use-resource.js';
import { Table } from '../../../components/ui/data-table.js';
import { DraftDownloads, PublishForm } from '../../../components/ui/draft-downloads.js';
import { formatDate, formatNumber } from '../../../i18n/index.js';
import { fill, INCIDENCE_TEXTS, monthLabel } from '../../../features/incidence/incidence-texts.js';
import type {
  BulletinFileView,
  IncidenceStatusView,
  PublicationView,
} from '../../../../server/routes/incidence/incidence.schemas.js';
import { useMe } from '../shell/use-me.js';

/**
 * The monthly incidence reports for the coordination and the SSPC: the stored SESNSP cuts, a month's
 * draft in every language and format, publication (coordination) and the published versions.
 */
export function IncidencePage() {
  const lang = useLang();
  const x = INCIDENCE_TEXTS[lang];
  const me = useMe();
  const coordinator = me.role === 'coordinator' || me.role === 'admin';
  const status = useResource<IncidenceStatusView>('/api/incidence/status', lang);
  const files = useResource<BulletinFileView[]>('/api/incidence/publications', lang);
  const [month, setMonth] = useState<string | null>(null);
  const months = [...(status.data?.months ?? [])].reverse();
  useEffect(() => {
    if (month === null && months[0]) setMonth(months[0]);
  }, [month, months]);

  if (status.error)
    return (
      <div className="notice notice-error" role="alert">
        <h1>{x.appTitle}</h1>
        <p>{status.error.message}</p>
      </div>
    );

  const byVersion = new Map<string, BulletinFileView[]>();
  for (const f of files.data ?? []) {
    const key = `${f.month} · ${fill(x.version, { version: f.version })}`;
    byVersion.set(key, [...(byVersion.get(key) ?? []), f]);
  }

  return (
    <>
      <h1>{x.appTitle}</h1>
      <p>{x.appIntro}</p>
      <h2>{x.dataTitle}</h2>
      {status.data && status.data.cuts.length === 0 ? (
        <p>{x.noData}</p>
      ) : (
        <Table
          testId="incidence-cuts"
          columns={[
            { label: x.kind },
            { label: x.year, num: true },
            { label: x.file },
            { label: x.cutDate },
            { label: x.lastMonth },
            { label: x.rows, num: true },
          ]}
        >
          {(status.data?.cuts ?? []).map((c) => (
            <tr key={`${c.kind}-${c.year}`}>
              <th scope="row">{x.kinds[c.kind]}</th>
              <td className="num">{c.year}</td>
              <td>
                <code>{c.fileName}</code>
              </td>
              <td>{formatDate(c.cutDate, lang)}</td>
              <td>{c.lastMonth > 0 ? monthLabel(`${c.year}-${String(c.lastMonth).padStart(2, '0')}`, lang) : '—'}</td>
              <td className="num">{formatNumber(c.rows, lang)}</td>
            </tr>
          ))}
        </Table>
      )}
      {month !== null && (
        <>
          <h2>{x.monthTitle}</h2>
          <label>
            {x.month}{' '}
            <select value={month} onChange={(e) => setMonth(e.target.value)}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {monthLabel(m, lang)}
                </option>
              ))}
            </select>
          </label>
          <p>{x.draftHelp}</p>
          <DraftDownloads
            testId="incidence-drafts"
            languageLabel={x.language}
            downloadLabel={x.download}
            href={(f, l) => `/api/incidence/reports/${month}?format=${f}&lang=${l}`}
          />
          <p>
            <a href={`/api/incidence/reports/${month}?format=json`} download="">
              {x.json}
            </a>
          </p>
          <h2>{x.publishTitle}</h2>
          {coordinator ? (
            <PublishForm<PublicationView>
              path={`/api/incidence/reports/${month}/publish`}
              published={(p) => {
                files.reload();
                status.reload();
                return {
                  ok: p.registration.action !== 'locked',
                  text: `${fill(x.published, { version: p.version, month: monthLabel(month, lang) })} ${p.registration.message[lang]}`,
                };
              }}
              help={<p>{x.publishHelp}</p>}
              noteLabel={x.note}
              buttonLabel={fill(x.publish, { month: monthLabel(month, lang) })}
              busyLabel={x.publishing}
            />
          ) : (
            <p>{x.onlyCoordination}</p>
          )}
        </>
      )}
      <h2>{x.publishedTitle}</h2>
      {byVersion.size === 0 ? (
        <p>{x.noneYet}</p>
      ) : (
        [...byVersion.entries()].map(([key, list]) => (
          <section key={key} className="panel" aria-label={key}>
            <h3>
              {monthLabel(list[0]!.month, lang)} · {fill(x.version, { version: list[0]!.version })} ·{' '}
              {formatDateTime(list[0]!.publishedAt, lang)}
            </h3>
            {list[0]!.note && <p>{list[0]!.note}</p>}
            <ul>
              {list.map((f) => (
                <li key={f.id}>
                  <a href={`/api/incidence/publications/${f.id}`} download={f.fileName}>
                    {f.fileName}
                  </a>{' '}
                  <small>SHA-256 {f.contentHash.slice(0, 16)}…</small>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
