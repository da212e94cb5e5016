import { compileExpression, evaluateExpression } from '../expressions/index.js';
import { agrees, formatNumber } from './compare.js';
import { finding, type CheckInput, type Finding } from './types.js';

/** Reported indicator values against the plan's formula; values no formula can produce are unverifiable. */
export async function checkIndicators(input: CheckInput): Promise<Finding[]> {
  const year = input.period.period.year;
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
    const compiled = indicator?.formula ? compileExpression(indicator.formula, input.catalog) : null;
    if (!compiled?.ok) {
      findings.push(
        finding({
          ...base,
          rule: 'indicator-unverifiable',
          severity: 'warning',
          message: {
            es: `El indicador ${v.indicator} reporta ${v.display.es}, pero el plan no le da fórmula: el valor no se puede derivar de los registros.`,
            en: `Indicator ${v.indicator} reports ${v.display.en}, but the plan gives it no formula: the value cannot be derived from the records.`,
          },
        }),
      );
      continue;
    }
    const result = await evaluateExpression(compiled.ast, input.source, { period: year });
    if (result.value === null) {
      findings.push(
        finding({
          ...base,
          rule: 'indicator-unverifiable',
          severity: 'warning',
          formula: result.formula,
          message: {
            es: `El indicador ${v.indicator} reporta ${v.display.es}, pero su fórmula no da valor con los registros del periodo.`,
            en: `Indicator ${v.indicator} reports ${v.display.en}, but its formula gives no value with the period's records.`,
          },
        }),
      );
      continue;
    }
    if (agrees(v.value, result.value)) continue;
    findings.push(
      finding({
        ...base,
        rule: 'indicator-mismatch',
        severity: 'error',
        computed: result.value,
        formula: result.formula,
        recordIds: result.recordIds,
        message: {
          es: `El indicador ${v.indicator} reporta ${v.display.es}, pero su fórmula da ${formatNumber(result.value, 'es')} con los registros.`,
          en: `Indicator ${v.indicator} reports ${v.display.en}, but its formula gives ${formatNumber(result.value, 'en')} from the records.`,
        },
      }),
    );
  }
  return findings;
}
