import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../../../core/model/access.js';
import { ActivitiesPage } from './activities/activities.page.js';
import { ActivityPage } from './activity/activity.page.js';
import { IncidencePage } from './incidence/incidence.page.js';
import { LintPage } from './lint/lint.page.js';
import { AppPlanPage } from './plan/app-plan.page.js';
import { DeletedPage } from './deleted/deleted.page.js';
import { AppHome } from './dashboard/app-home.js';
import { PeriodsPage } from './periods/periods.page.js';
import { ReportPage } from './report/report.page.js';
import { ReportEditPage } from './report-edit/report-edit.page.js';
import { ReviewPage } from './review/review.page.js';
import { AppShell } from './shell/app-shell.js';
import { RoleGate } from './shell/role-gate.js';
import { SpreadsheetPage } from './spreadsheet/spreadsheet.page.js';
import { SubmissionPage } from './submission/submission.page.js';
import { UsersPage } from './users/users.page.js';

/** A page only the given roles open; the others are told why (RoleGate). */
const only = (roles: Role[], page: ReactNode) => <RoleGate roles={roles}>{page}</RoleGate>;

/** Pages of the signed-in application, under /:lang/app/. */
export const appRoutes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <AppHome /> },
      { path: 'plan', element: <AppPlanPage /> },
      { path: 'activities', element: <ActivitiesPage /> },
      { path: 'activities/new', element: <ActivityPage /> },
      { path: 'activities/deleted', element: <DeletedPage /> },
      { path: 'activities/:id', element: <ActivityPage /> },
      { path: 'submission', element: only(['editor'], <SubmissionPage />) },
      { path: 'review', element: only(['coordinator', 'admin'], <ReviewPage />) },
      { path: 'report', element: only(['coordinator', 'admin'], <ReportPage />) },
      { path: 'report/:period/edit', element: only(['coordinator'], <ReportEditPage />) },
      // The coordination and the SSPC's people; the API refuses everyone else, and the page says so.
      { path: 'incidence', element: <IncidencePage /> },
      { path: 'periods', element: only(['coordinator', 'admin'], <PeriodsPage />) },
      { path: 'check', element: only(['editor', 'coordinator'], <LintPage />) },
      { path: 'users', element: only(['admin'], <UsersPage />) },
      { path: 'spreadsheet', element: only(['editor', 'coordinator', 'admin'], <SpreadsheetPage />) },
    ],
  },
];
