import type { Lang } from '../model/kinds.js';
import type { Indicator } from '../schemas/plan.schema.js';
import type { Figure, IndicatorRow } from './document.js';
import type { FigureBook } from './figures.js';
import { indicatorStatus } from './generate/indicator-status.js';

const COMPARATOR_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

export async function indicatorRow(ind: Indicator, book: FigureBook, lang: Lang, year: number): Promise<IndicatorRow> {
  const figure: Figure | null = ind.formula ? await book.figure(ind.formula) : null;
  const suffix = ind.unit === 'percent' ? '%' : '';
  const { status, needed } = indicatorStatus(figure?.value ?? null, ind, year);
  const nf = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 2 });
  const neededText =
    needed === null
      ? ''
      : lang === 'es'
        ? `; necesario en ${year} con avance lineal: ${nf.format(needed)}${suffix}`
        : `; needed in ${year} on a linear path: ${nf.format(needed)}${suffix}`;
  const target = ind.target
    ? `${COMPARATOR_TEXT[ind.target.comparator]} ${ind.target.value}${suffix}${ind.target.year ? ` (${ind.target.year})` : ''}${neededText}`
    : null;
  return {
    code: ind.code,
    text: ind.text[lang],
    unit: ind.unit,
    figure: figure ? { ...figure, text: `${figure.text}${suffix}` } : null,
    target,
    status,
    calculation: ind.calculation?.[lang] ?? ind.formula ?? '—',
  };
}
