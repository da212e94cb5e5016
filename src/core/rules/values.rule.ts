import { compileExpression, type Expr } from '../expressions/index.js';
import { formatNumber } from './compare.js';
import { finding, type CheckInput, type Finding } from './types.js';

/** A share (possibly rounded): a part of a whole, so 0–100. Growth may well exceed 100 or be negative. */
function isShare(e: Expr): boolean {
  if (e.kind === 'round') return isShare(e.operand);
  return e.kind === 'pair' && e.fn === 'share';
}

/** Values impossible for what they are: a percentage outside 0–100, a deployment or network without its figures. */
export function checkValues(input: CheckInput): Finding[] {
  const year = input.period.period.year;
  const findings: Finding[] = [];
  for (const c of input.period.claims) {
    if (c.expr === null) continue;
    const compiled = compileExpression(c.expr, input.catalog);
    if (!compiled.ok || !isShare(compiled.ast)) continue;
    if (c.stated >= 0 && c.stated <= 100) continue;
    findings.push(
      finding({
        rule: 'impossible-value',
        severity: 'error',
        period: year,
        section: c.section,
        ref: c.ref ?? c.id,
        stated: c.stated,
        quote: c.quote,
        message: {
          es: `Un porcentaje de ${formatNumber(c.stated, 'es')} es imposible para una proporción (0–100).`,
          en: `A percentage of ${formatNumber(c.stated, 'en')} is impossible for a share (0–100).`,
        },
      }),
    );
  }
  const children = new Set(input.period.activities.map((a) => a.parent).filter((p): p is string => p !== null));
  for (const a of input.period.activities) {
    if (children.has(a.id)) continue;
    const noPeople = a.women === null && a.men === null && a.notRecorded === null;
    const problem =
      a.kind === 'deployment' && noPeople
        ? { es: 'un despliegue sin personal registrado', en: 'a deployment with no personnel recorded' }
        : a.kind === 'network' && a.attributes.networkAction !== undefined && a.quantity === null
          ? {
              es: 'una red creada o fortalecida sin número de redes',
              en: 'a network created or strengthened with no number of networks',
            }
          : null;
    if (!problem) continue;
    findings.push(
      finding({
        rule: 'impossible-value',
        severity: 'warning',
        period: year,
        ref: a.id,
        quote: a.title.en,
        order: a.order,
        recordIds: [a.id],
        message: { es: `«${a.title.es}» es ${problem.es}.`, en: `"${a.title.en}" is ${problem.en}.` },
      }),
    );
  }
  return findings;
}
