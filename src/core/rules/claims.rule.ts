import { compileExpression, evaluateExpression, formatExpression, type FigureValue } from '../expressions/index.js';
import type { Claim } from '../schemas/period.schema.js';
import { agrees, formatNumber } from './compare.js';
import { finding, type CheckInput, type Finding } from './types.js';

const WHAT: Record<Claim['location'], { es: string; en: string }> = {
  text: { es: 'La cifra del texto', en: 'The figure in the text' },
  'table-cell': { es: 'La celda de la tabla', en: 'The table cell' },
  callout: { es: 'La cifra destacada', en: 'The highlighted figure' },
  indicator: { es: 'El valor del indicador', en: 'The indicator value' },
  heading: { es: 'La cifra del encabezado', en: 'The figure in the heading' },
};

interface Evaluated {
  claim: Claim;
  index: number;
  value: FigureValue | null;
}

/**
 * Every claim is evaluated: a stated number that its expression does not give is an error; a claim
 * that nothing in the data can produce is unverifiable. When the same expression is stated with
 * different numbers in two places, each wrong statement names the other.
 */
export async function checkClaims(input: CheckInput): Promise<Finding[]> {
  const year = input.period.period.year;
  const indicatorsWithValues = new Set(
    input.period.indicatorValues.filter((v) => v.value !== null).map((v) => v.indicator),
  );
  const evaluated: Evaluated[] = [];
  for (const [index, claim] of input.period.claims.entries()) {
    // An indicator box is checked once, by the indicator rule, against the plan's formula.
    if (claim.location === 'indicator' && claim.ref !== null && indicatorsWithValues.has(claim.ref)) continue;
    if (claim.expr === null) {
      evaluated.push({ claim, index, value: null });
      continue;
    }
    const compiled = compileExpression(claim.expr, input.catalog);
    evaluated.push({
      claim,
      index,
      value: compiled.ok ? await evaluateExpression(compiled.ast, input.source, { period: year }) : null,
    });
  }
  const byFormula = new Map<string, Evaluated[]>();
  for (const e of evaluated)
    if (e.value) byFormula.set(e.value.formula, [...(byFormula.get(e.value.formula) ?? []), e]);

  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const e of evaluated) {
    const { claim } = e;
    const base = {
      period: year,
      section: claim.section,
      ref: claim.ref ?? claim.id,
      cell: claim.cell,
      stated: claim.stated,
      quote: claim.quote,
      order: orderOf(input, claim),
    };
    const what = WHAT[claim.location];
    if (!e.value || e.value.value === null) {
      findings.push(
        finding({
          ...base,
          rule: 'claim-unverifiable',
          severity: 'warning',
          formula: e.value?.formula ?? null,
          message: {
            es: `${what.es} (${formatNumber(claim.stated, 'es')}) no se puede comprobar: nada en los datos la produce${e.value ? ' (la fórmula no da valor)' : ''}.`,
            en: `${what.en} (${formatNumber(claim.stated, 'en')}) cannot be verified: nothing in the data produces it${e.value ? ' (the formula gives no value)' : ''}.`,
          },
        }),
      );
      continue;
    }
    const computed = e.value.value;
    if (agrees(claim.stated, computed, claim.relation)) continue;
    // The same wrong number repeated in several places is one inconsistency, reported once.
    const key = `${e.value.formula}\u0000${claim.relation}${claim.stated}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const repeats = (byFormula.get(e.value.formula) ?? []).filter(
      (o) => o.claim.stated === claim.stated && o.claim.relation === claim.relation,
    ).length;
    const others = (byFormula.get(e.value.formula) ?? []).filter(
      (o) => o !== e && o.value?.value !== null && agrees(o.claim.stated, computed, o.claim.relation),
    );
    const rel = claim.relation === '=' ? '' : `${claim.relation} `;
    // A relation stated in words ("equally", "over"): the number is what the words mean.
    const says = mentions(claim.quote, claim.stated)
      ? { es: 'dice', en: 'says' }
      : { es: 'dice, en palabras,', en: 'says, in words,' };
    const also = others[0];
    findings.push(
      finding({
        ...base,
        rule: also ? 'stated-differently' : 'claim-mismatch',
        severity: 'error',
        computed: round(computed),
        formula: e.value.formula,
        recordIds: e.value.recordIds,
        message: {
          es:
            `${what.es} ${says.es} ${rel}${formatNumber(claim.stated, 'es')}, pero los registros dan ${formatNumber(computed, 'es')}` +
            (also
              ? `; la misma cantidad aparece como ${formatNumber(also.claim.stated, 'es')} en «${excerpt(also.claim.quote, also.claim.stated)}»`
              : '') +
            (repeats > 1 ? ` (el informe lo repite ${repeats} veces).` : '.'),
          en:
            `${what.en} ${says.en} ${rel}${formatNumber(claim.stated, 'en')}, but the records give ${formatNumber(computed, 'en')}` +
            (also
              ? `; the same quantity is stated as ${formatNumber(also.claim.stated, 'en')} in "${excerpt(also.claim.quote, also.claim.stated)}"`
              : '') +
            (repeats > 1 ? ` (the report repeats it ${repeats} times).` : '.'),
        },
      }),
    );
  }
  return findings;
}

/** Whether a quote prints the number (as 1,234, 1234 or 30.05). */
export function mentions(quote: string, n: number): boolean {
  const text = quote.replace(/\*\*/g, '');
  return [new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }).format(n), String(n)].some((f) =>
    new RegExp(`(?<![\\d.,])${f.replace(/[.,]/g, '\\$&')}(?![\\d]|[.,]\\d)`).test(text),
  );
}

/** The part of a long quote around the number it states. */
export function excerpt(quote: string, n: number): string {
  const text = quote.replace(/\s+/g, ' ').trim();
  if (text.length <= 90) return text;
  const forms = [new Intl.NumberFormat('en-US').format(n), String(n)];
  const at = Math.max(...forms.map((f) => text.indexOf(f)));
  if (at < 0) return `${text.slice(0, 87)}…`;
  const start = Math.max(0, at - 45);
  const end = Math.min(text.length, at + 45);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Document order of what the claim is about (its table, callout or record), else its id's line. */
export function orderOf(input: CheckInput, claim: Claim): number {
  const ref = claim.ref;
  if (ref !== null) {
    const p = input.period;
    const hit =
      p.tables.find((t) => t.id === ref) ??
      p.callouts.find((c) => c.id === ref) ??
      p.activities.find((a) => a.id === ref) ??
      p.narratives.find((n) => n.id === ref);
    if (hit) return hit.order;
  }
  const m = /(\d+)/.exec(claim.id);
  return m ? Number(m[1]) * 10 : 0;
}

export { formatExpression };
