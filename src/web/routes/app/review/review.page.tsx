import { useState } from 'react';
import { Link } from 'react-router';
import type { SubmissionAction } from '../../../../core/model/access.js';
import { DataTable } from '../../../components/ui/data-table.js';
import { StateBadge } from '../../../components/ui/state-badge.js';
import { ErrorNotice, ListState, SuccessNotice } from '../../../components/ui/status.js';
import { useLoaded } from '../../../components/ui/use-loaded.js';
import {
  getBoard,
  type BoardRow,
  type SubmissionStatus,
} from '../../../features/reporting/submissions/submission-api.js';
import { availableActions, missingCourses } from '../../../features/reporting/submissions/submission-model.js';
import { formatNumber } from '../../../i18n/index.js';
import { PeriodSelect, usePeriodPage } from '../shell/period-param.js';
import { DeadlinePanel } from './deadline-panel.js';
import { ReviewAction } from './review-action.js';
import { BulkAction } from './bulk-action.js';
import { boardColumns, Deadline } from './board-parts.js';

/** The coordinator's board: every ministry × period with state, deadline, findings and data per course of action. */
export function ReviewPage() {
  const { t, lang, me, title, periods, period, choose } = usePeriodPage('app.review.title', 'app.review.titleYear');
  const board = useLoaded(period === null ? null : () => getBoard(period, lang), [period, lang]);
  const rows = board.data;
  const [acting, setActing] = useState<{ row: BoardRow; action: SubmissionAction | 'deadline' } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<'approve' | 'return' | null>(null);

  const finish = (message: string, status: SubmissionStatus) => {
    setActing(null);
    setDone(message);
    // The new state shows at once; the refresh brings findings, dates and overdue flags up to date.
    board.setData((rs) =>
      (rs ?? []).map((r) =>
        r.institution === status.institution && r.period === status.period
          ? { ...r, state: status.state, started: true, deadline: status.deadline ?? periodDeadline(r) }
          : r,
      ),
    );
    board.reload();
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
      <h1>{title}</h1>
      <div className="toolbar">
        <PeriodSelect
          id="r-period"
          periods={periods.data}
          period={period}
          onChange={(v) => {
            setActing(null);
            choose(v);
          }}
        />
      </div>
      {done && <SuccessNotice>{done}</SuccessNotice>}
      <ListState list={board} empty={<p>{t('app.review.empty')}</p>}>
        {(rows) => (
          <>
            {selectable.length > 0 && (
              <div className="toolbar bulk-bar" role="group" aria-label={t('app.bulk.label')}>
                <span>{t('app.bulk.selected', { count: chosen.length })}</span>
                {(['approve', 'return'] as const).map((a) => (
                  <button
                    key={a}
                    type="button"
                    className={a === 'approve' ? 'primary small' : 'secondary small'}
                    disabled={chosen.length === 0}
                    onClick={() => {
                      setActing(null);
                      setBulk(a);
                    }}
                  >
                    {t(`app.bulk.${a}`, { count: chosen.length })}
                  </button>
                ))}
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
                  board.reload();
                }}
              />
            )}
            <DataTable
              label={t('app.review.boardLabel')}
              className="board"
              showCaption
              columns={[
                { label: <span className="sr-only">{t('app.bulk.select')}</span> },
                ...boardColumns(t),
                { label: t('app.review.missing') },
                { label: t('app.common.actions') },
              ]}
            >
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
                      <Deadline row={r} />
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
            </DataTable>

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
            <DataTable
              label={t('app.review.presenceTitle')}
              className="presence"
              columns={[{ label: t('app.common.institution') }, ...courses.map((c) => ({ label: c, num: true }))]}
            >
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
            </DataTable>
          </>
        )}
      </ListState>
    </>
  );
}
