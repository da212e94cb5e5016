import { compileExpression, evaluateExpression } from '../expressions/index.js';
import type { Activity, Claim } from '../schemas/period.schema.js';
import { formatNumber } from './compare.js';
import { sectionOf } from './dates.rule.js';
import { finding, type CheckInput, type Finding } from './types.js';

const FIELDS = ['total', 'women', 'men', 'quantity'] as const;
type Field = (typeof FIELDS)[number];
const WORD: Record<Field, { es: string; en: string }> = {
  total: { es: 'personas', en: 'people' },
  women: { es: 'mujeres', en: 'women' },
  men: { es: 'hombres', en: 'men' },
  quantity: { es: 'unidades', en: 'units' },
};

interface Place {
  activity: Activity;
  values: Partial<Record<Field, number>>;
  quote: string;
}

/**
 * The same activity reported in two places (two institutions, two sections), linked in the data: its
 * figures are compared. Different counts are a warning — either they are different groups, which the
 * document does not say, or one of the figures is wrong.
 */
export async function checkLinks(input: CheckInput): Promise<Finding[]> {
  const year = input.period.period.year;
  const findings: Finding[] = [];
  for (const link of input.period.links ?? []) {
    const places: Place[] = [];
    for (const id of link.records) {
      const activity = input.period.activities.find((a) => a.id === id);
      if (!activity) continue;
      const values: Partial<Record<Field, number>> = {};
      for (const field of FIELDS) {
        const compiled = compileExpression(`sum(${field} where within = ${JSON.stringify(id)})`, input.catalog);
        if (!compiled.ok) continue;
        const v = await evaluateExpression(compiled.ast, input.source, { period: year });
        if (v.value !== null) values[field] = v.value;
      }
      places.push({ activity, values, quote: quoteOf(input.period.claims, activity) });
    }
    const [first, ...rest] = places;
    if (!first) continue;
    const differing = FIELDS.filter((f) =>
      rest.some((p) => p.values[f] !== undefined && first.values[f] !== undefined && p.values[f] !== first.values[f]),
    );
    if (differing.length === 0) continue;
    const main = differing[0]!;
    const describe = (p: Place, lang: 'es' | 'en') =>
      `${p.activity.title[lang]} (${p.activity.institution}): ` +
      differing
        .filter((f) => p.values[f] !== undefined)
        .map((f) => `${formatNumber(p.values[f]!, lang)} ${WORD[f][lang]}`)
        .join(', ');
    const other = rest.find((p) => p.values[main] !== undefined && p.values[main] !== first.values[main]) ?? rest[0]!;
    findings.push(
      finding({
        rule: 'linked-figures-differ',
        severity: 'warning',
        period: year,
        section: sectionOf(input, first.activity.id),
        ref: link.id,
        stated: first.values[main] ?? null,
        computed: other.values[main] ?? null,
        quote: places.map((p) => p.quote).join(' ≠ '),
        order: Math.min(...places.map((p) => p.activity.order)),
        recordIds: places.map((p) => p.activity.id).sort(),
        message: {
          es:
            `La misma actividad aparece en dos lugares con cifras distintas: ${places.map((p) => describe(p, 'es')).join('; ')}. ` +
            'O son grupos distintos, y el informe no lo dice, o una de las cifras está mal.',
          en:
            `The same activity is reported in two places with different figures: ${places.map((p) => describe(p, 'en')).join('; ')}. ` +
            'Either they are different groups, which the report does not say, or one of the figures is wrong.',
        },
      }),
    );
  }
  return findings;
}

/** The source's words about a record: the quote of its first claim, else its title. */
function quoteOf(claims: readonly Claim[], a: Activity): string {
  return claims.find((c) => c.ref === a.id)?.quote ?? a.title.en;
}
