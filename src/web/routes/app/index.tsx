import type { RouteObject } from 'react-router';

/** Pages of the signed-in application, under /:lang/app/. */
export const appRoutes: RouteObject[] = [];
