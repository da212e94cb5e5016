import { compileExpression, evaluateExpression, type FigureSource, type FigureValue } from '../expressions/index.js';
import { agrees, formatNumber } from './compare.js';
import { datedOutsidePeriod, leaveOut } from './period-records.js';
import { finding, type CheckInput, type Finding } from './types.js';

/**
 * Reported indicator values against the plan's formula, evaluated over what happened in the period:
 * records dated entirely outside it are left out (an indicator of 2022 does not count a January 2023
 * event). Values no formula can produce are unverifiable. Where the plan's formula and the expression
 * the report's box was transcribed with give different values, the two methods disagree: a finding.
 */
export async function checkIndicators(input: CheckInput): Promise<Finding[]> {
  const year = input.period.period.year;
  const outside = datedOutsidePeriod(input);
  const source = leaveOut(
    input.source,
    outside.map((a) => a.id),
  );
  const findings: Finding[] = [];
  for (const v of input.period.indicatorValues) {
    const indicator = input.plan.indicators.find((i) => i.code === v.indicator);
    const claim = input.period.claims.find((c) => c.location === 'indicator' && c.ref === v.indicator);
    const base = {
      period: year,
      section: indicator ? `coa:${indicator.courseOfAction}` : null,
      ref: v.indicator,
      stated: v.value,
      quote: claim?.quote ?? v.display.en,
      order: claim ? Number(/(\d+)/.exec(claim.id)?.[1] ?? 0) * 10 : 0,
    };
    if (v.value === null) continue;
    // "15 multilateral meetings and/or forums." inside a sentence: without its final full stop.
    const shown = { es: v.display.es.replace(/[\s.]+$/, ''), en: v.display.en.replace(/[\s.]+$/, '') };
    const plan = indicator?.formula ? await evaluate(indicator.formula, input, source) : null;
    if (!plan || plan.value === null) {
      findings.push(
        finding({
          ...base,
          rule: 'indicator-unverifiable',
          severity: 'warning',
          formula: plan?.formula ?? null,
          message: plan
            ? {
                es: `El indicador ${v.indicator} reporta ${shown.es}, pero su fórmula no da valor con los registros del periodo.`,
                en: `Indicator ${v.indicator} reports ${shown.en}, but its formula gives no value with the period's records.`,
              }
            : {
                es: `El indicador ${v.indicator} reporta ${shown.es}, pero el plan no le da fórmula: el valor no se puede derivar de los registros.`,
                en: `Indicator ${v.indicator} reports ${shown.en}, but the plan gives it no formula: the value cannot be derived from the records.`,
              },
        }),
      );
      continue;
    }
    const transcribed = claim?.expr ? await evaluate(claim.expr, input, source) : null;
    if (transcribed && transcribed.value !== null && !agrees(plan.value, transcribed.value))
      findings.push(
        finding({
          ...base,
          rule: 'indicator-formula-disagrees',
          severity: 'warning',
          stated: transcribed.value,
          computed: plan.value,
          formula: plan.formula,
          recordIds: plan.recordIds,
          message: {
            es: `Para el indicador ${v.indicator}, la expresión del recuadro del informe (${transcribed.formula}) da ${formatNumber(transcribed.value, 'es')}, pero la fórmula del plan da ${formatNumber(plan.value, 'es')}: los dos métodos no cuentan lo mismo.`,
            en: `For indicator ${v.indicator}, the expression of the report's box (${transcribed.formula}) gives ${formatNumber(transcribed.value, 'en')}, but the plan's formula gives ${formatNumber(plan.value, 'en')}: the two methods do not count the same thing.`,
          },
        }),
      );
    if (agrees(v.value, plan.value)) continue;
    const all = await evaluate(indicator!.formula!, input, input.source);
    const left = outside.filter((a) => all?.recordIds.includes(a.id));
    const note = {
      es: left.length > 0 ? ` (sin ${left.map((a) => `«${a.title.es}»`).join(', ')}, fuera del periodo)` : '',
      en: left.length > 0 ? ` (leaving out ${left.map((a) => `"${a.title.en}"`).join(', ')}, outside the period)` : '',
    };
    findings.push(
      finding({
        ...base,
        rule: 'indicator-mismatch',
        severity: 'error',
        computed: plan.value,
        formula: plan.formula,
        recordIds: plan.recordIds,
        message: {
          es: `El indicador ${v.indicator} reporta ${shown.es}, pero su fórmula da ${formatNumber(plan.value, 'es')} con los registros${note.es}.`,
          en: `Indicator ${v.indicator} reports ${shown.en}, but its formula gives ${formatNumber(plan.value, 'en')} from the records${note.en}.`,
        },
      }),
    );
  }
  return findings;
}

async function evaluate(text: string, input: CheckInput, source: FigureSource): Promise<FigureValue | null> {
  const compiled = compileExpression(text, input.catalog);
  return compiled.ok ? evaluateExpression(compiled.ast, source, { period: input.period.period.year }) : null;
}
