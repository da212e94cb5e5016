import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanFile } from '../../core/schemas/plan.schema.js';
import { useSession } from '../api/session.js';
import { useLang } from '../components/ui/use-lang.js';
import { useResource } from '../components/ui/use-resource.js';
import { formatNumber } from '../i18n/index.js';

/** The landing page: what nap1325 is, where to read the plan, reports and indicators, and how to sign in. */
export function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useSession();
  const plan = useResource<PlanFile>('/api/plan');
  const p = plan.data;
  const card = (to: string, title: string, text: string) => (
    <li className="card">
      <h3>
        <Link to={`/${lang}${to}`}>{title}</Link>
      </h3>
      <p>{text}</p>
    </li>
  );
  return (
    <>
      <section className="hero">
        <h1>{p ? p.title[lang] : t('planName')}</h1>
        <p className="lead">{t('app.home.lead')}</p>
        <p>{t('app.home.how')}</p>
        {p && (
          <p className="plan-facts" aria-label={t('app.home.factsLabel')}>
            {t('app.home.facts', {
              pillars: formatNumber(p.pillars.length, lang),
              goals: formatNumber(p.goals.length, lang),
              courses: formatNumber(p.coursesOfAction.length, lang),
              indicators: formatNumber(p.indicators.length, lang),
              institutions: formatNumber(p.institutions.filter((i) => i.parent === null).length, lang),
            })}
          </p>
        )}
      </section>
      <h2>{t('app.home.publicTitle')}</h2>
      <ul className="cards">
        {card('/plan', t('nav.plan'), t('app.home.planText'))}
        {card('/reports', t('nav.reports'), t('app.home.reportsText'))}
        {card('/indicators', t('nav.indicators'), t('app.home.indicatorsText'))}
        {card('/explorer', t('nav.explorer'), t('app.home.explorerText'))}
        {card('/map', t('nav.map'), t('app.home.mapText'))}
        {card('/data', t('nav.data'), t('app.home.dataText'))}
        {card('/status', t('nav.status'), t('app.home.statusText'))}
      </ul>
      <h2>{t('app.home.workTitle')}</h2>
      {me ? (
        <ul className="cards">
          {card('/app/activities', t('app.nav.activities'), t('app.home.activitiesText'))}
          {me.role === 'editor' && card('/app/submission', t('app.nav.submission'), t('app.home.submissionText'))}
          {me.role === 'editor' && card('/app/spreadsheet', t('app.nav.spreadsheet'), t('app.home.spreadsheetText'))}
          {(me.role === 'coordinator' || me.role === 'admin') &&
            card('/app/review', t('app.nav.review'), t('app.home.reviewText'))}
          {card('/app/plan', t('app.nav.plan'), t('app.home.appPlanText'))}
          {me.role === 'admin' && card('/app/users', t('app.nav.users'), t('app.home.usersText'))}
        </ul>
      ) : (
        <div className="panel">
          <p>{t('app.home.signInText')}</p>
          <p>
            <Link className="button primary" to={`/${lang}/sign-in`}>
              {t('signIn')}
            </Link>
          </p>
        </div>
      )}
    </>
  );
}
