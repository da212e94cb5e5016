import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { formatDateTime } from '../../../components/ui/format.js';
import { EmptyState, ErrorNotice, Loading } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { institutionShort } from '../../../features/data/plan/plan-lookup.js';
import { usePlan } from '../../../features/data/plan/use-plan.js';
import { listUsers, updateAccount, type UserView, type WithPassword } from '../../../features/accounts/user-api.js';
import { useMe } from '../shell/use-me.js';
import { NewAccountForm } from './new-account-form.js';
import { DataTable } from '../../../components/ui/data-table.js';

/** Accounts (admin): list, create, deactivate / reactivate, reset a password. */
export function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const plan = usePlan();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState<{ text: string; password: string | null } | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    listUsers(lang)
      .then((u) => live && setUsers(u))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
    return () => {
      live = false;
    };
  }, [lang, tick]);

  const change = async (u: UserView, patch: Parameters<typeof updateAccount>[1], done: string) => {
    setBusy(u.id);
    setRowError(null);
    setNotice(null);
    try {
      const r = await updateAccount(u.id, patch, lang);
      setNotice({ text: done, password: r.password });
      setTick((n) => n + 1);
    } catch (e: unknown) {
      setRowError(e instanceof ApiError ? e.message : t('errorGeneric'));
    } finally {
      setBusy(null);
    }
  };

  const created = (r: WithPassword) => {
    setNotice({ text: t('app.users.created', { email: r.user.email }), password: r.password });
    setTick((n) => n + 1);
  };

  return (
    <>
      <h1>{t('app.users.title')}</h1>
      {notice && (
        <div className="notice notice-ok" role="status" aria-live="polite">
          <p>{notice.text}</p>
          {notice.password && (
            <p>
              {t('app.users.passwordOnce')} <code className="secret">{notice.password}</code>
            </p>
          )}
        </div>
      )}
      {rowError && <ErrorNotice error={rowError} />}
      {error && <ErrorNotice error={error} onRetry={() => setTick((n) => n + 1)} />}
      {!error && users === null && <Loading />}
      {users?.length === 0 && (
        <EmptyState>
          <p>{t('app.users.none')}</p>
        </EmptyState>
      )}
      {users && users.length > 0 && (
        <DataTable
          label={t('app.users.listLabel')}
          columns={[
            { label: t('app.users.name') },
            { label: t('email') },
            { label: t('app.users.role') },
            { label: t('app.common.institution') },
            { label: t('app.users.status') },
            { label: t('app.common.actions') },
          ]}
        >
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'inactive'}>
              <th scope="row">{u.name}</th>
              <td>{u.email}</td>
              <td>{t(`app.roles.${u.role}`)}</td>
              <td>{u.institution ? institutionShort(plan.data, u.institution) : '—'}</td>
              <td>
                {u.active ? t('app.users.active') : t('app.users.inactive')}
                {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
                  <div className="small warn">
                    {t('app.users.lockedUntil', { at: formatDateTime(u.lockedUntil, lang) })}
                  </div>
                )}
              </td>
              <td className="actions">
                {u.id !== me.id && (
                  <button
                    type="button"
                    className="secondary small"
                    disabled={busy === u.id}
                    aria-label={`${u.active ? t('app.users.deactivate') : t('app.users.activate')}: ${u.email}`}
                    onClick={() =>
                      void change(
                        u,
                        { active: !u.active },
                        u.active
                          ? t('app.users.deactivated', { email: u.email })
                          : t('app.users.activated', { email: u.email }),
                      )
                    }
                  >
                    {u.active ? t('app.users.deactivate') : t('app.users.activate')}
                  </button>
                )}
                <button
                  type="button"
                  className="secondary small"
                  disabled={busy === u.id}
                  aria-label={`${t('app.users.resetPassword')}: ${u.email}`}
                  onClick={() =>
                    void change(u, { resetPassword: true }, t('app.users.passwordReset', { email: u.email }))
                  }
                >
                  {t('app.users.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <NewAccountForm plan={plan.data} onCreated={created} />
    </>
  );
}
