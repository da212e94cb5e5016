import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.js';
import type { Resource } from '../../components/ui/use-resource.js';
import { formatNumber, type Lang } from '../../i18n/index.js';
import type { IndicatorStatusName } from '../../../server/routes/portal/public.schemas.js';

/** Status of an indicator as a badge with its word (never colour alone). */
export function StatusBadge({ status }: { status: IndicatorStatusName }) {
  const { t } = useTranslation();
  return <span className={`badge ${status}`}>{t(`public.status.${status}`)}</span>;
}

/** Loading, error (with retry) or the page. */
export function Loaded<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (resource.error) return <PublicError error={resource.error} onRetry={resource.reload} />;
  if (resource.loading || resource.data === null)
    return (
      <p className="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  return <>{children(resource.data)}</>;
}

export function PublicError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="public-notice public-error" role="alert">
      <p>{error.status === 0 ? t('errorGeneric') : error.message}</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('public.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="public-notice public-empty">
      <p className="public-empty-title">{title}</p>
      {children}
    </div>
  );
}

/** A value in its unit: percent with "%", counts without decimals, other numbers with up to 2. */
export function formatValue(value: number | null, unit: string | null, lang: Lang): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${formatNumber(value, lang, 2)}%`;
  return formatNumber(value, lang, unit === 'count' ? 0 : 2);
}

/** "≥ 15%" for a target. */
export function formatTarget(
  target: { comparator: string; value: number; year: number | null } | null,
  unit: string,
  lang: Lang,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  if (!target) return t('public.noTarget');
  const sign = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }[target.comparator] ?? target.comparator;
  const v = `${sign} ${formatValue(target.value, unit, lang)}`;
  return target.year ? t('public.targetBy', { target: v, year: target.year }) : v;
}

/** A year-over-year statement that shows its base: "+12.5 % from 40 in 2022". */
export function ChangeText({
  change,
  unit,
  lang,
}: {
  change: { basePeriod: number; base: number; delta: number; percent: number | null } | null;
  unit: string | null;
  lang: Lang;
}) {
  const { t } = useTranslation();
  if (!change) return <span className="muted">{t('public.noPrevious')}</span>;
  const base = formatValue(change.base, unit, lang);
  const direction = change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'same';
  const amount =
    unit === 'percent'
      ? t('public.points', { n: formatNumber(Math.abs(change.delta), lang, 2) })
      : change.percent === null
        ? formatValue(Math.abs(change.delta), unit, lang)
        : `${formatNumber(Math.abs(change.percent), lang, 1)}%`;
  return (
    <span className={`change change-${direction}`}>
      {t(`public.change.${direction}`, { amount, base, year: change.basePeriod })}
    </span>
  );
}

/** A rate with one decimal always shown: 1.0, 24.2. */
export function formatRate(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A page of the portal: its heading and lead paragraph, then the content. */
export function PublicPage({ title, lead, children }: { title: ReactNode; lead: ReactNode; children: ReactNode }) {
  return (
    <div className="public-page">
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      {children}
    </div>
  );
}
