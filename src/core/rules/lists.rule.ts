import { sectionOf } from './dates.rule.js';
import { finding, type CheckInput, type Finding } from './types.js';

interface Item {
  label: string;
  order: number;
  ref: string;
  section: string | null;
  type: 'activity' | 'narrative';
}

/** Position of a list marker in its sequence: A/a → 1, B → 2 …; 1, 2, 3 as they are; null if neither. */
function rank(label: string): number | null {
  const l = label.replace(/[.)]$/, '');
  if (/^\d{1,3}$/.test(l)) return Number(l);
  if (/^[a-zA-Z]$/.test(l)) return l.toLowerCase().charCodeAt(0) - 96;
  return null;
}

/** Printed lists: letters or numbers that skip, repeat or come out of order. */
export function checkLists(input: CheckInput): Finding[] {
  const year = input.period.period.year;
  const lists = new Map<string, Item[]>();
  const add = (list: string | null, item: Item) => {
    if (list !== null) lists.set(list, [...(lists.get(list) ?? []), item]);
  };
  for (const a of input.period.activities)
    if (a.label !== null) add(a.list, { label: a.label, order: a.order, ref: a.id, section: null, type: 'activity' });
  for (const n of input.period.narratives)
    if (n.label !== null)
      add(n.list, { label: n.label, order: n.order, ref: n.id, section: n.section, type: 'narrative' });

  const findings: Finding[] = [];
  for (const [list, all] of lists) {
    // A printed item may be both a record and its narrative: one item per label (its first position);
    // a label repeated within records or within narratives is a duplicate.
    const firstByLabel = new Map<string, Item>();
    for (const i of [...all].sort((a, b) => a.order - b.order))
      if (!firstByLabel.has(i.label)) firstByLabel.set(i.label, i);
    const items = [...firstByLabel.values()];
    const dupes = (['activity', 'narrative'] as const).flatMap((t) => {
      const labels = all.filter((i) => i.type === t).map((i) => i.label);
      return labels.filter((l, k) => labels.indexOf(l) !== k);
    });
    const ranks = items.map((i) => rank(i.label));
    if (ranks.some((r) => r === null)) continue;
    const first = items[0];
    const section = items.find((i) => i.section !== null)?.section ?? (first ? sectionOf(input, first.ref) : null);
    const printed = items.map((i) => i.label).join(', ');
    const base = { period: year, section, ref: list, quote: printed, order: items[0]?.order ?? 0 };
    for (const label of new Set(dupes))
      findings.push(
        finding({
          ...base,
          rule: 'list-duplicate',
          severity: 'warning',
          message: {
            es: `La lista repite el inciso «${label}» (${printed}).`,
            en: `The list repeats item "${label}" (${printed}).`,
          },
        }),
      );
    for (const [k, item] of items.entries()) {
      const prev = k > 0 ? ranks[k - 1]! : null;
      const r = ranks[k]!;
      if (prev !== null && r < prev)
        findings.push(
          finding({
            ...base,
            rule: 'list-disorder',
            severity: 'warning',
            order: item.order,
            message: {
              es: `La lista está fuera de orden: «${item.label}» aparece después de «${items[k - 1]!.label}» (${printed}).`,
              en: `The list is out of order: "${item.label}" comes after "${items[k - 1]!.label}" (${printed}).`,
            },
          }),
        );
    }
    const present = new Set(ranks as number[]);
    const max = Math.max(...present);
    const start = Math.min(...present) === 0 ? 0 : 1;
    const missing: string[] = [];
    const sample = items[0]!.label.replace(/[.)]$/, '');
    for (let r = start; r <= max; r++)
      if (!present.has(r))
        missing.push(
          /^\d+$/.test(sample) ? String(r) : String.fromCharCode((sample === sample.toUpperCase() ? 64 : 96) + r),
        );
    if (missing.length > 0)
      findings.push(
        finding({
          ...base,
          rule: 'list-gap',
          severity: 'warning',
          message: {
            es: `A la lista le falta el inciso ${missing.map((m) => `«${m}»`).join(', ')} (${printed}).`,
            en: `The list skips item ${missing.map((m) => `"${m}"`).join(', ')} (${printed}).`,
          },
        }),
      );
  }
  return findings;
}
