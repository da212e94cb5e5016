import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SubmissionAction } from '../../../../core/model/access.js';
import { ApiError } from '../../../api/client.js';
import { SelectField } from '../../../components/forms/inputs.js';
import { StateBadge } from '../../../components/ui/state-badge.js';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../../components/ui/status.js';
import { useLang } from '../../../components/ui/use-lang.js';
import {
  getBoard,
  type BoardRow,
  type SubmissionStatus,
} from '../../../features/reporting/submissions/submission-api.js';
import { availableActions, missingCourses } from '../../../features/reporting/submissions/submission-model.js';
import { choosePeriod, usePeriods } from '../../../features/data/plan/use-plan.js';
import { formatNumber } from '../../../i18n/index.js';
import { formatShortDate } from '../../../components/ui/format.js';
import { useMe } from '../shell/use-me.js';
import { DeadlinePanel } from './deadline-panel.js';
import { ReviewAction } from './review-action.js';
import { BulkAction } from './bulk-action.js';
import { usePageTitle } from '../../../components/ui/use-page-title.js';

/** The coordinator's board: every ministry × period with state, deadline, findings and data per course of action. */
export function ReviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const periods = usePeriods();
  const period = choosePeriod(periods.data, search.get('period'));
  const [rows, setRows] = useState<BoardRow[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const [acting, setActing] = useState<{ row: BoardRow; action: SubmissionAction | 'deadline' } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<'approve' | 'return' | null>(null);
  usePageTitle(period === null ? t('app.review.title') : t('app.review.titleYear', { year: period }));

  useEffect(() => {
    if (period === null) return;
    let live = true;
    setError(null);
    getBoard(period, lang)
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
    return () => {
      live = false;
    };
  }, [period, lang, tick]);

  const finish = (message: string, status: SubmissionStatus) => {
    setActing(null);
    setDone(message);
    // The new state shows at once; the refresh brings findings, dates and overdue flags up to date.
    setRows((rs) =>
      (rs ?? []).map((r) =>
        r.institution === status.institution && r.period === status.period
          ? { ...r, state: status.state, started: true, deadline: status.deadline ?? periodDeadline(r) }
          : r,
      ),
    );
    setTick((n) => n + 1);
  };
  const periodDeadline = (r: BoardRow) => periods.data?.find((p) => p.year === r.period)?.deadline ?? null;

  if (periods.error) return <ErrorNotice error={periods.error} onRetry={periods.reload} />;
  const nf = (n: number) => formatNumber(n, lang);
  const selectable = (rows ?? []).filter(
    (r) => r.state === 'submitted' && availableActions(me.role, r.state).includes('approve'),
  );
  const chosen = selectable.filter((r) => selected.has(r.institution));
  const toggle = (code: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  const courses = rows?.[0]?.coursesOfAction.map((c) => c.code) ?? [];
  return (
    <>
      <h1>{period === null ? t('app.review.title') : t('app.review.titleYear', { year: period })}</h1>
      <div className="toolbar">
        <SelectField
          id="r-period"
          label={t('app.common.period')}
          value={period === null ? '' : String(period)}
          onChange={(v) => {
            setActing(null);
            setSearch({ period: v }, { replace: true });
          }}
          options={(periods.data ?? []).map((p) => ({ value: String(p.year), label: String(p.year) }))}
        />
      </div>
      {done && <SuccessNotice>{done}</SuccessNotice>}
      {error && <ErrorNotice error={error} onRetry={() => setTick((n) => n + 1)} />}
      {!error && rows === null && <Loading />}
      {rows?.length === 0 && (
        <EmptyState>
          <p>{t('app.review.empty')}</p>
        </EmptyState>
      )}
      {rows && rows.length > 0 && (
        <>
          {selectable.length > 0 && (
            <div className="toolbar bulk-bar" role="group" aria-label={t('app.bulk.label')}>
              <span>{t('app.bulk.selected', { count: chosen.length })}</span>
              <button
                type="button"
                className="primary small"
                disabled={chosen.length === 0}
                onClick={() => {
                  setActing(null);
                  setBulk('approve');
                }}
              >
                {t('app.bulk.approve', { count: chosen.length })}
              </button>
              <button
                type="button"
                className="secondary small"
                disabled={chosen.length === 0}
                onClick={() => {
                  setActing(null);
                  setBulk('return');
                }}
              >
                {t('app.bulk.return', { count: chosen.length })}
              </button>
            </div>
          )}
          {bulk && chosen.length > 0 && (
            <BulkAction
              key={bulk}
              action={bulk}
              rows={chosen}
              onCancel={() => setBulk(null)}
              onDone={(message) => {
                setBulk(null);
                setSelected(new Set());
                setDone(message);
                setTick((n) => n + 1);
              }}
            />
          )}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('app.review.boardLabel')}>
            <table className="data board">
              <caption>{t('app.review.boardLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">{t('app.bulk.select')}</span>
                  </th>
                  <th scope="col">{t('app.common.institution')}</th>
                  <th scope="col">{t('app.common.reviewState')}</th>
                  <th scope="col">{t('app.common.deadline')}</th>
                  <th scope="col" className="num">
                    {t('app.common.records')}
                  </th>
                  <th scope="col" className="num">
                    {t('app.review.errors')}
                  </th>
                  <th scope="col" className="num">
                    {t('app.review.warnings')}
                  </th>
                  <th scope="col">{t('app.review.missing')}</th>
                  <th scope="col">{t('app.common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const missing = missingCourses(r);
                  return (
                    <tr key={`${r.institution}-${r.period}`} className={r.overdue ? 'overdue-row' : undefined}>
                      <td>
                        {selectable.includes(r) && (
                          <input
                            type="checkbox"
                            aria-label={t('app.bulk.selectOne', { name: `${r.acronym} ${r.period}` })}
                            checked={selected.has(r.institution)}
                            onChange={(e) => toggle(r.institution, e.target.checked)}
                          />
                        )}
                      </td>
                      <th scope="row">
                        <abbr title={r.name[lang]}>{r.acronym}</abbr>
                        <div className="muted small">{r.name[lang]}</div>
                      </th>
                      <td>
                        <StateBadge state={r.state} />
                        {!r.started && <div className="muted small">{t('app.review.notStarted')}</div>}
                      </td>
                      <td>
                        {r.deadline ? formatShortDate(r.deadline, lang) : t('app.common.noDeadline')}
                        {r.overdue && <span className="badge overdue">{t('app.common.overdue')}</span>}
                      </td>
                      <td className="num">
                        <Link
                          to={`/${lang}/app/activities?period=${r.period}&institution=${encodeURIComponent(r.institution)}`}
                        >
                          {nf(r.records)}
                        </Link>
                      </td>
                      <td className="num">{nf(r.findings.error)}</td>
                      <td className="num">{nf(r.findings.warning)}</td>
                      <td>{missing.length === 0 ? '—' : missing.join(', ')}</td>
                      <td className="actions">
                        {availableActions(me.role, r.state).map((a) => (
                          <button
                            key={a}
                            type="button"
                            className={a === 'approve' ? 'primary small' : 'secondary small'}
                            aria-label={t(`app.review.title_${a}`, { name: `${r.acronym} ${r.period}` })}
                            onClick={() => {
                              setDone(null);
                              setBulk(null);
                              setActing({ row: r, action: a });
                            }}
                          >
                            {t(`app.review.action_${a}`)}
                          </button>
                        ))}
                        <button
                          type="button"
                          className="secondary small"
                          aria-label={t('app.review.deadlineTitle', { name: `${r.acronym} ${r.period}` })}
                          onClick={() => {
                            setDone(null);
                            setActing({ row: r, action: 'deadline' });
                          }}
                        >
                          {t('app.review.action_deadline')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          {acting && acting.action === 'deadline' && (
            <DeadlinePanel
              key={`${acting.row.institution}-deadline`}
              row={acting.row}
              onCancel={() => setActing(null)}
              onDone={finish}
            />
          )}
          {acting && acting.action !== 'deadline' && (
            <ReviewAction
              key={`${acting.row.institution}-${acting.action}`}
              row={acting.row}
              action={acting.action}
              onCancel={() => setActing(null)}
              onDone={finish}
            />
          )}

          <h2>{t('app.review.presenceTitle')}</h2>
          <p className="hint">{t('app.review.presenceHint')}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('app.review.presenceTitle')}>
            <table className="data presence">
              <caption className="sr-only">{t('app.review.presenceTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('app.common.institution')}</th>
                  {courses.map((c) => (
                    <th key={c} scope="col" className="num">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.institution}-${r.period}`}>
                    <th scope="row">{r.acronym}</th>
                    {r.coursesOfAction.map((c) => {
                      const cls = c.records > 0 ? 'has-data' : c.responsible ? 'missing' : 'not-responsible';
                      const label =
                        c.records > 0
                          ? t('app.review.cellRecords', { count: c.records })
                          : c.responsible
                            ? t('app.review.cellMissing')
                            : t('app.review.cellNotResponsible');
                      return (
                        <td key={c.code} className={`num ${cls}`} title={label}>
                          <span aria-hidden="true">{c.records > 0 ? nf(c.records) : c.responsible ? '✗' : '·'}</span>
                          <span className="sr-only">{label}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
