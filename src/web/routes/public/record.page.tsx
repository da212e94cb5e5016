import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table.js';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatDate, formatNumber } from '../../i18n/index.js';
import type { PublicRecord } from '../../../server/routes/portal/public.schemas.js';
import { Loaded } from './public-ui.js';
import { usePlaceCatalogue } from '../../features/data/places/load-places.js';
import { placeLabel } from '../../features/data/places/places.js';

const n = (v: number | null, lang: 'es' | 'en') => (v === null ? '—' : formatNumber(v, lang, 2));

/** One published record: what it was, who did it, where and when, and its counts by sex. */
export function RecordPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const record = useResource<PublicRecord>(`/api/public/records/${encodeURIComponent(id)}`, lang);
  const places = usePlaceCatalogue();
  return (
    <div className="public-page">
      <Loaded resource={record}>
        {(r) => (
          <>
            <p className="muted">
              {t('public.record.kicker', { period: r.period })} · {t(`public.kinds.${r.kind}`)} ·{' '}
              <abbr title={r.institution.name[lang]}>{r.institution.acronym}</abbr>
            </p>
            <h1>{r.title[lang]}</h1>
            {r.summary && <p className="lead">{r.summary[lang]}</p>}
            {r.parent && (
              <p>
                {t('public.record.partOf')}{' '}
                <Link to={`/${lang}/records/${encodeURIComponent(r.parent.id)}`}>{r.parent.title[lang]}</Link>
              </p>
            )}
            <dl className="facts">
              <div>
                <dt>{t('public.record.institution')}</dt>
                <dd>{r.institution.name[lang]}</dd>
              </div>
              <div>
                <dt>{t('public.record.coas')}</dt>
                <dd>{r.coursesOfAction.map((c) => c.code).join(', ') || '—'}</dd>
              </div>
              <div>
                <dt>{t('public.record.dates')}</dt>
                <dd>
                  {r.dates.length === 0
                    ? '—'
                    : r.dates
                        .map((d) =>
                          d.start === d.end
                            ? formatDate(d.start, lang)
                            : `${formatDate(d.start, lang)} – ${formatDate(d.end, lang)}`,
                        )
                        .join('; ')}
                </dd>
              </div>
              <div>
                <dt>{t('public.record.places')}</dt>
                <dd>
                  {r.places
                    .map((p) => (/^MX-\d{5}$/.test(p.code) && places ? placeLabel(p.code, places, lang) : p.name[lang]))
                    .join('; ') || '—'}
                </dd>
              </div>
              {r.attributes.ugpsCategory && (
                <div>
                  <dt>{t('public.ugps.category')}</dt>
                  <dd>{t(`public.ugps.${r.attributes.ugpsCategory}`)}</dd>
                </div>
              )}
              {r.attributes.mission && (
                <div>
                  <dt>{t('public.record.mission')}</dt>
                  <dd>{r.attributes.mission}</dd>
                </div>
              )}
            </dl>
            <h2>{t('public.record.counts')}</h2>
            <table className="data compact" data-testid="record-counts">
              <tbody>
                {(
                  [
                    ['public.figures.women', r.women],
                    ['public.record.men', r.men],
                    ['public.record.notRecorded', r.notRecorded],
                    ['public.total', r.total],
                  ] as const
                ).map(([label, value]) => (
                  <tr key={label}>
                    <th scope="row">{t(label)}</th>
                    <td className="num">{n(value, lang)}</td>
                  </tr>
                ))}
                {r.quantity !== null && (
                  <tr>
                    <th scope="row">{t('public.record.quantity')}</th>
                    <td className="num">
                      {n(r.quantity, lang)} {r.unit ?? ''}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            {r.children.length > 0 && (
              <>
                <h2>{t('public.record.children', { count: r.children.length })}</h2>
                <DataTable
                  label={t('public.record.children', { count: r.children.length })}
                  caption={false}
                  columns={[
                    { label: t('public.record.title') },
                    { label: t('public.figures.women'), num: true },
                    { label: t('public.record.men'), num: true },
                    { label: t('public.total'), num: true },
                  ]}
                >
                  {r.children.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/${lang}/records/${encodeURIComponent(c.id)}`}>{c.title[lang]}</Link>
                      </th>
                      <td className="num">{n(c.women, lang)}</td>
                      <td className="num">{n(c.men, lang)}</td>
                      <td className="num">{n(c.total, lang)}</td>
                    </tr>
                  ))}
                </DataTable>
              </>
            )}
            {r.evidence.length > 0 && (
              <>
                <h2>{t('public.record.evidence')}</h2>
                <ul>
                  {r.evidence.map((u) => (
                    <li key={u}>
                      <a href={u} rel="noopener noreferrer nofollow" target="_blank">
                        {u}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
