import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../core/model/access.js';
import { useSession, type Me } from '../../api/session.js';
import { Loading } from './status.js';
import { useLang } from './use-lang.js';

/** Renders the page for a signed-in person with one of the roles; otherwise says why not and where to go. */
export function RequireSession({ roles, children }: { roles?: readonly Role[]; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me)
    return (
      <div className="notice">
        <h1>{t('app.common.signInNeeded')}</h1>
        <p>
          <Link to={`/${lang}/sign-in`}>{t('signIn')}</Link>
        </p>
      </div>
    );
  if (roles && !roles.includes(me.role))
    return (
      <div className="notice notice-error" role="alert">
        <h1>{t('app.common.forbiddenTitle')}</h1>
        <p>{t('app.common.forbidden')}</p>
      </div>
    );
  return <>{children(me)}</>;
}
