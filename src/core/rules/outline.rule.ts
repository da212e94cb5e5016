import type { OutlineEntry } from '../schemas/period.schema.js';
import { finding, type CheckInput, type Finding } from './types.js';

const LEVEL = {
  pillar: { es: 'eje', en: 'pillar' },
  goal: { es: 'objetivo', en: 'goal' },
  coa: { es: 'línea de acción', en: 'course of action' },
  table: { es: 'tabla', en: 'table' },
} as const;

/**
 * The source document's headings against the plan: misnumbered, duplicated and missing or misplaced
 * headings. Runs only for periods transcribed from a document (with an outline).
 */
export function checkOutline(input: CheckInput): Finding[] {
  const { outline } = input.period;
  if (outline.length === 0) return [];
  const year = input.period.period.year;
  const findings: Finding[] = [];
  const numberOf = (o: OutlineEntry): number | undefined => {
    if (o.ref === null) return undefined;
    if (o.level === 'pillar') return input.plan.pillars.find((p) => p.code === o.ref)?.number;
    if (o.level === 'goal') return input.plan.goals.find((g) => g.code === o.ref)?.number;
    if (o.level === 'coa') return input.plan.coursesOfAction.find((c) => c.code === o.ref)?.number;
    return undefined;
  };
  const base = (o: OutlineEntry) => ({
    period: year,
    section: o.ref !== null && o.level !== 'table' ? `${o.level}:${o.ref}` : null,
    ref: o.ref,
    quote: o.printed,
    order: o.order,
  });

  for (const o of outline) {
    const n = numberOf(o);
    if (n === undefined || o.printedNumber === null || o.printedNumber === n) continue;
    findings.push(
      finding({
        ...base(o),
        rule: 'heading-misnumbered',
        severity: 'warning',
        stated: o.printedNumber,
        computed: n,
        message: {
          es: `El encabezado «${o.printed}» lleva el número ${o.printedNumber}, pero introduce la ${LEVEL[o.level].es} ${o.ref} (número ${n}).`,
          en: `The heading "${o.printed}" is numbered ${o.printedNumber}, but it introduces ${LEVEL[o.level].en} ${o.ref} (number ${n}).`,
        },
      }),
    );
  }

  const seen = new Map<string, OutlineEntry>();
  for (const o of outline) {
    const key =
      o.level === 'table' ? `table:${o.printed.trim().toLowerCase()}` : o.ref === null ? null : `${o.level}:${o.ref}`;
    if (key === null) continue;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, o);
      continue;
    }
    const table =
      o.level === 'table'
        ? (input.period.tables.find((t) => t.order === o.order) ??
          input.period.tables.filter((t) => t.title.en === o.printed).at(-1))
        : undefined;
    findings.push(
      finding({
        ...base(o),
        ...(table ? { section: table.section, ref: table.id } : {}),
        rule: 'heading-duplicate',
        severity: 'warning',
        message:
          o.level === 'table'
            ? {
                es: `Dos tablas llevan el mismo título «${o.printed}»: el título de la segunda no describe su contenido.`,
                en: `Two tables carry the same title "${o.printed}": the second title does not describe its content.`,
              }
            : {
                es: `La ${LEVEL[o.level].es} ${o.ref} tiene dos encabezados.`,
                en: `${LEVEL[o.level].en} ${o.ref} has two headings.`,
              },
      }),
    );
  }

  // Content of a course of action must come after its heading (and after its goal's heading).
  const headingOf = (level: 'goal' | 'coa', code: string) => outline.find((o) => o.level === level && o.ref === code);
  for (const coa of input.plan.coursesOfAction) {
    const items = [
      ...input.period.activities
        .filter((a) => a.parent === null && a.coursesOfAction[0] === coa.code)
        .map((a) => ({ order: a.order, id: a.id })),
      ...input.period.narratives
        .filter((n) => n.section === `coa:${coa.code}`)
        .map((n) => ({ order: n.order, id: n.id })),
    ];
    if (items.length === 0) continue;
    const heading = headingOf('coa', coa.code);
    const goalHeading = headingOf('goal', coa.goal);
    const early = items.filter(
      (i) =>
        (heading === undefined || i.order < heading.order) &&
        (goalHeading === undefined || i.order > goalHeading.order),
    );
    if (early.length === 0) continue;
    findings.push(
      finding({
        rule: 'heading-missing',
        severity: 'warning',
        period: year,
        section: `goal:${coa.goal}`,
        ref: coa.code,
        quote: heading?.printed ?? null,
        order: Math.min(...early.map((i) => i.order)),
        recordIds: early.map((i) => i.id).sort(),
        message: heading
          ? {
              es: `${early.length} elemento(s) de la línea de acción ${coa.code} aparecen antes de su encabezado «${heading.printed}»: falta un encabezado o está fuera de lugar.`,
              en: `${early.length} item(s) of course of action ${coa.code} come before its heading "${heading.printed}": a heading is missing or misplaced.`,
            }
          : {
              es: `La línea de acción ${coa.code} tiene ${early.length} elemento(s) pero ningún encabezado.`,
              en: `Course of action ${coa.code} has ${early.length} item(s) but no heading.`,
            },
      }),
    );
  }
  return findings;
}
