import type { RouteObject } from 'react-router';

/** Public pages (no sign-in), under /:lang/. */
export const publicRoutes: RouteObject[] = [];
