import { Link } from 'react-router';
import { useLang } from '../../components/ui/use-lang.js';
import { useResource } from '../../components/ui/use-resource.js';
import { formatDate, formatNumber } from '../../i18n/index.js';
import { fill, INCIDENCE_TEXTS, monthLabel } from '../../features/incidence/incidence-texts.js';
import { fileOf, formatChange, formatRate } from '../../features/incidence/month-view.js';
import type { PublicIncidenceList, PublicMonthView } from '../../../server/routes/incidence/incidence.schemas.js';
import { Empty, Loaded, PublicPage } from './public-ui.js';
import './incidence.css';

/** Download links of a published month: the report in each format of the page's language, and its JSON. */
export function MonthFiles({ month }: { month: PublicMonthView }) {
  const lang = useLang();
  const links = (['pdf', 'docx', 'html', 'json'] as const)
    .map((format) => ({ format, name: fileOf(month, format, lang) }))
    .filter((l) => l.name !== null);
  return (
    <p className="download-links">
      {links.map((l) => (
        <a
          key={l.format}
          href={`/api/public/incidence/${month.month}?format=${l.format}&lang=${lang}`}
          download={l.format === 'html' ? undefined : l.name!}
        >
          {l.format.toUpperCase()}
        </a>
      ))}
    </p>
  );
}

/** The published monthly reports on violence against women, newest first, and their open data. */
export function IncidencePage() {
  const lang = useLang();
  const x = INCIDENCE_TEXTS[lang];
  const list = useResource<PublicIncidenceList>('/api/public/incidence', lang);
  return (
    <PublicPage title={x.portalTitle} lead={x.portalLead}>
      <Loaded resource={list}>
        {(data) =>
          data.months.length === 0 ? (
            <Empty title={x.portalEmpty} />
          ) : (
            <>
              <div className="incidence-months" data-testid="incidence-months">
                {data.months.map((m) => (
                  <article key={m.month} className="incidence-card">
                    <h2>
                      <Link to={`/${lang}/incidence/${m.month}`}>
                        {fill(x.openReport, { month: monthLabel(m.month, lang) })}
                      </Link>
                    </h2>
                    <dl className="facts">
                      <div>
                        <dt>{x.femicideYtd}</dt>
                        <dd>{formatNumber(m.figures.femicideWomenVictimsYearToDate, lang)}</dd>
                      </div>
                      <div>
                        <dt>{x.femicideRate}</dt>
                        <dd>{formatRate(m.figures.femicideRatePer100kWomen, lang)}</dd>
                      </div>
                      <div>
                        <dt>{x.change}</dt>
                        <dd>{formatChange(m.figures.femicideChangePercent, lang)}</dd>
                      </div>
                    </dl>
                    <p className="small">
                      {formatDate(m.publishedAt, lang)} · {fill(x.version, { version: m.version })}
                    </p>
                    <MonthFiles month={m} />
                  </article>
                ))}
              </div>
              <h2>{x.openData}</h2>
              <p>{x.openDataHelp}</p>
              <p className="download-links">
                {data.openData.map((f) => (
                  <a key={f} href={`/api/public/incidence-data/${f}`} download={f}>
                    {f}
                  </a>
                ))}
              </p>
            </>
          )
        }
      </Loaded>
    </PublicPage>
  );
}
