import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../core/model/access.js';
import { useMe } from './use-me.js';

/** Shows the page only to the roles it is for; others get a clear refusal (the API refuses too). */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (roles.includes(me.role)) return <>{children}</>;
  return (
    <div className="notice notice-error" role="alert">
      <h1>{t('app.common.forbiddenTitle')}</h1>
      <p>{t('app.common.forbidden')}</p>
    </div>
  );
}
