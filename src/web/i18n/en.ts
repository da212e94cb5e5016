import type { es } from './es.js';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English texts of the web application. */
export const en: Shape<typeof es> = {
  appName: 'nap1325',
  planName: 'National Action Plan 1325',
  skipToContent: 'Skip to content',
  language: 'Language',
  switchTo: 'Español',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signOutEverywhere: 'Sign out on every device',
  email: 'E-mail',
  password: 'Password',
  loading: 'Loading…',
  errorGeneric: 'Something went wrong. Try again.',
  notFound: 'Page not found',
  nav: {
    home: 'Home',
    plan: 'Plan',
    activities: 'Activities',
    review: 'Review',
    users: 'Accounts',
    reports: 'Reports',
    indicators: 'Indicators',
    explorer: 'Explorer',
    map: 'Map',
    data: 'Open data',
    status: 'Reporting status',
  },
};
