import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useSession } from '../api/session.js';
import { isLang, type Lang } from '../i18n/index.js';
import { NoticeBell } from './ui/notice-bell.js';
import { useTitleFromHeading } from './ui/use-page-title.js';
import { INCIDENCE_TEXTS } from '../features/incidence/incidence-texts.js';

/** The page frame: skip link, header with navigation, language switch and session, main, footer. */
export function Layout() {
  const { t } = useTranslation();
  const params = useParams();
  const lang: Lang = isLang(params.lang) ? params.lang : 'es';
  const location = useLocation();
  const navigate = useNavigate();
  const { me, signOut } = useSession();
  useTitleFromHeading();
  const other: Lang = lang === 'es' ? 'en' : 'es';
  const switchPath = location.pathname.replace(/^\/(es|en)(?=\/|$)/, `/${other}`) + location.search;
  const link = (to: string, label: string) => (
    <li>
      <NavLink to={`/${lang}${to}`} end={to === '/'}>
        {label}
      </NavLink>
    </li>
  );
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top">
        <div className="bar">
          <Link className="brand" to={`/${lang}/`}>
            {t('appName')} · {t('planName')}
          </Link>
          <nav aria-label={t('planName')}>
            <ul>
              {link('/', t('nav.home'))}
              {link('/plan', t('nav.plan'))}
              {link('/indicators', t('nav.indicators'))}
              {link('/explorer', t('nav.explorer'))}
              {link('/map', t('nav.map'))}
              {link('/reports', t('nav.reports'))}
              {link('/data', t('nav.data'))}
              {link('/incidence', INCIDENCE_TEXTS[lang].nav)}
              {link('/status', t('nav.status'))}
              {me && link('/app/activities', t('nav.activities'))}
              {me && (me.role === 'coordinator' || me.role === 'admin') && link('/app/review', t('nav.review'))}
              {me?.role === 'admin' && link('/app/users', t('nav.users'))}
            </ul>
          </nav>
          <Link to={switchPath} lang={other} hrefLang={other} aria-label={`${t('language')}: ${t('switchTo')}`}>
            {t('switchTo')}
          </Link>
          {me && <NoticeBell />}
          {me ? (
            <button type="button" onClick={() => void signOut().then(() => navigate(`/${lang}/`))}>
              {t('signOutOf', { name: me.name })}
            </button>
          ) : (
            <Link to={`/${lang}/sign-in`}>{t('signIn')}</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="bottom">nap1325 · {t('planName')}</footer>
    </>
  );
}
