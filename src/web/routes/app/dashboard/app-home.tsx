import { ActivitiesPage } from '../activities/activities.page.js';
import { useMe } from '../shell/use-me.js';
import { DashboardPage } from './dashboard.page.js';

/** /app: the coordination lands on its dashboard; institutions on their activities. */
export function AppHome() {
  const me = useMe();
  return me.role === 'coordinator' || me.role === 'admin' ? <DashboardPage /> : <ActivitiesPage />;
}
