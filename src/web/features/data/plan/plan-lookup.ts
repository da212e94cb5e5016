/** Names and relations from the plan, for labels and pickers. Pure. */
import type { PlanFile } from '../../../../core/schemas/plan.schema.js';

type Lang = 'es' | 'en';

export function parentsOf(plan: PlanFile | null): Map<string, string | null> {
  return new Map((plan?.institutions ?? []).map((i) => [i.code, i.parent]));
}

/** "SEMAR" or "GN (SSPC)": the acronym, with its ministry's for a unit. */
export function institutionShort(plan: PlanFile | null, code: string): string {
  const inst = plan?.institutions.find((i) => i.code === code);
  if (!inst) return code;
  const parent = inst.parent ? plan?.institutions.find((i) => i.code === inst.parent) : undefined;
  return parent ? `${inst.acronym} (${parent.acronym})` : inst.acronym;
}

export function institutionName(plan: PlanFile | null, code: string, lang: Lang): string {
  return plan?.institutions.find((i) => i.code === code)?.name[lang] ?? code;
}

/** The institution and its units (depth first, in plan order), each with its depth. */
export function institutionTree(plan: PlanFile | null, root: string | null): { code: string; depth: number }[] {
  const list = plan?.institutions ?? [];
  const out: { code: string; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const i of list.filter((x) => x.parent === parent)) {
      out.push({ code: i.code, depth });
      walk(i.code, depth + 1);
    }
  };
  if (root === null) walk(null, 0);
  else if (list.some((i) => i.code === root)) {
    out.push({ code: root, depth: 0 });
    walk(root, 1);
  }
  return out;
}

/** Options for an institution picker: indented units under their ministry. */
export function institutionOptions(plan: PlanFile | null, root: string | null, lang: Lang) {
  return institutionTree(plan, root).map(({ code, depth }) => ({
    value: code,
    label: `${'\u2003'.repeat(depth)}${institutionShort(plan, code)} — ${institutionName(plan, code, lang)}`,
  }));
}

/** "4.2 — Design and implement …" (shortened) for pickers. */
export function courseOptions(plan: PlanFile | null, lang: Lang, max = 90) {
  return (plan?.coursesOfAction ?? []).map((c) => {
    const text = c.text[lang];
    return { value: c.code, label: `${c.code} — ${text.length > max ? `${text.slice(0, max - 1)}…` : text}` };
  });
}
