import type { RouteObject } from 'react-router';
import './public.css';

/** Public pages (no sign-in), under /:lang/. Each page is its own chunk (the charts load with the page). */
export const publicRoutes: RouteObject[] = [
  { path: 'plan', lazy: async () => ({ Component: (await import('./plan.page.js')).PlanPage }) },
  { path: 'indicators', lazy: async () => ({ Component: (await import('./indicators.page.js')).IndicatorsPage }) },
  {
    path: 'indicators/:code',
    lazy: async () => ({ Component: (await import('./indicator.page.js')).IndicatorPage }),
  },
  { path: 'explorer', lazy: async () => ({ Component: (await import('./explorer.page.js')).ExplorerPage }) },
  { path: 'map', lazy: async () => ({ Component: (await import('./map.page.js')).MapPage }) },
  { path: 'reports', lazy: async () => ({ Component: (await import('./reports.page.js')).ReportsPage }) },
  { path: 'data', lazy: async () => ({ Component: (await import('./data.page.js')).DataPage }) },
  { path: 'status', lazy: async () => ({ Component: (await import('./status.page.js')).StatusPage }) },
  { path: 'records/:id', lazy: async () => ({ Component: (await import('./record.page.js')).RecordPage }) },
  { path: 'incidence', lazy: async () => ({ Component: (await import('./incidence.page.js')).IncidencePage }) },
  {
    path: 'incidence/:month',
    lazy: async () => ({ Component: (await import('./incidence-month.page.js')).IncidenceMonthPage }),
  },
];
