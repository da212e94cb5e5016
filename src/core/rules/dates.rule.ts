import { finding, type CheckInput, type Finding } from './types.js';

/** Activities dated (partly) outside the reporting year. */
export function checkDates(input: CheckInput): Finding[] {
  const year = input.period.period.year;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const findings: Finding[] = [];
  for (const a of input.period.activities) {
    const outside = a.dates.filter((d) => d.start < first || d.end > last);
    if (outside.length === 0) continue;
    const ranges = outside.map((d) => (d.start === d.end ? d.start : `${d.start}/${d.end}`)).join(', ');
    findings.push(
      finding({
        rule: 'date-outside-period',
        severity: 'warning',
        period: year,
        section: sectionOf(input, a.id),
        ref: a.id,
        quote: a.title.en,
        order: a.order,
        recordIds: [a.id],
        message: {
          es: `«${a.title.es}» tiene fecha fuera del periodo ${year} (${ranges}).`,
          en: `"${a.title.en}" is dated outside the ${year} period (${ranges}).`,
        },
      }),
    );
  }
  return findings;
}

/** The section of the narrative nearest before a record, else its first course of action. */
export function sectionOf(input: CheckInput, activityId: string): string | null {
  const a = input.period.activities.find((x) => x.id === activityId);
  if (!a) return null;
  const before = input.period.narratives.filter((n) => n.order <= a.order).sort((x, y) => y.order - x.order)[0];
  if (before) return before.section;
  const coa = a.coursesOfAction[0];
  return coa ? `coa:${coa}` : null;
}
