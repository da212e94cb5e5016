import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import type { Me } from '../../../api/session.js';
import { RequireSession } from '../../../components/ui/require-session.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { INCIDENCE_TEXTS, showsIncidence } from '../../../features/incidence/incidence-texts.js';

/** Frame of the signed-in application: who you are, the pages your role uses, then the page. */
export function AppShell() {
  return <RequireSession>{(me) => <Shell me={me} />}</RequireSession>;
}

function Shell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = useLang();
  const coordinator = me.role === 'coordinator' || me.role === 'admin';
  const link = (to: string, label: string) => (
    <li>
      <NavLink to={`/${lang}/app${to === '' ? '' : `/${to}`}`} end={to === 'activities' || to === ''}>
        {label}
      </NavLink>
    </li>
  );
  return (
    <div className="app-area">
      <nav className="app-nav" aria-label={t('app.nav.label')}>
        <p className="who">
          {t('app.nav.signedInAs', {
            name: me.name || me.email,
            role: t(`app.roles.${me.role}`),
          })}
          {me.institution && <span className="badge inst">{me.institution}</span>}
        </p>
        <ul>
          {coordinator && link('', t('app.nav.dashboard'))}
          {link('activities', t('app.nav.activities'))}
          {me.role === 'editor' && link('activities/new', t('app.nav.newActivity'))}
          {me.role === 'editor' && link('submission', t('app.nav.submission'))}
          {me.role === 'editor' && link('spreadsheet', t('app.nav.spreadsheet'))}
          {coordinator && link('review', t('app.nav.review'))}
          {coordinator && link('report', t('app.nav.report'))}
          {coordinator && link('periods', t('app.nav.periods'))}
          {showsIncidence(me) && link('incidence', INCIDENCE_TEXTS[lang].nav)}
          {(me.role === 'editor' || me.role === 'coordinator') && link('check', t('app.nav.check'))}
          {link('plan', t('app.nav.plan'))}
          {me.role === 'admin' && link('users', t('app.nav.users'))}
        </ul>
      </nav>
      <Outlet context={me} />
    </div>
  );
}
