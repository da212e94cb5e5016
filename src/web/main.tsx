import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, Outlet, RouterProvider, useParams } from 'react-router';
import { usePageTitle } from './components/ui/use-page-title.js';
import { SessionProvider } from './api/session.js';
import { Layout } from './components/layout.js';
import { i18next, isLang } from './i18n/index.js';
import { appRoutes } from './routes/app/index.js';
import { HomePage } from './routes/home.page.js';
import { publicRoutes } from './routes/public/index.js';
import { SignInPage } from './routes/sign-in/sign-in.page.js';
import { ForgotPasswordPage, ResetPasswordPage } from './routes/sign-in/password-reset.page.js';
import './styles.css';

/** Keeps i18next and <html lang> in step with the language in the URL. */
function LanguageScope() {
  const { lang } = useParams();
  useEffect(() => {
    if (isLang(lang)) {
      // Only on a real change: changeLanguage always emits, which gives a new `t` and would loop.
      if (i18next.language !== lang) void i18next.changeLanguage(lang);
      document.documentElement.lang = lang;
    }
  }, [lang]);
  if (!isLang(lang)) return <Navigate to="/es/" replace />;
  return <Outlet />;
}

/** What an unknown address shows (the server answers it with HTTP 404). */
function NotFound() {
  const { t } = useTranslation();
  const { lang = 'es' } = useParams();
  usePageTitle(t('notFound'));
  return (
    <section className="not-found">
      <h1>{t('notFound')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <Link to={`/${isLang(lang) ? lang : 'es'}/`}>{t('notFoundHome')}</Link>
      </p>
    </section>
  );
}

const router = createBrowserRouter([
  { path: '/', element: <Navigate to={navigator.language.startsWith('en') ? '/en/' : '/es/'} replace /> },
  {
    path: '/:lang',
    element: <LanguageScope />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'app', children: appRoutes },
          ...publicRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
