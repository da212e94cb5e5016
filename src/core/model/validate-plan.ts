import { compileExpression } from '../expressions/index.js';
import type { PlanFile } from '../schemas/plan.schema.js';
import type { PlanCatalog } from './catalog.js';
import { ProblemList } from './problems.js';

/** Referential checks of a plan file against itself and what the database already holds. */
export function validatePlan(plan: PlanFile, file: string, existing: PlanCatalog): ProblemList {
  const p = new ProblemList();
  if (existing.planId !== null && existing.planId !== plan.id) {
    p.add(
      file,
      ['id'],
      `la base de datos ya contiene el plan «${existing.planId}»; use otra base de datos para el plan «${plan.id}»`,
      `the database already holds plan "${existing.planId}"; use another database for plan "${plan.id}"`,
    );
  }
  const dupes = (list: 'institutions' | 'pillars' | 'goals' | 'coursesOfAction' | 'indicators' | 'places') => {
    const seen = new Map<string, number>();
    plan[list].forEach((item, i) => {
      const first = seen.get(item.code);
      if (first !== undefined)
        p.add(
          file,
          [list, i, 'code'],
          `código repetido «${item.code}» (ya en ${list}[${first}])`,
          `duplicate code "${item.code}" (already at ${list}[${first}])`,
        );
      else seen.set(item.code, i);
    });
  };
  (['institutions', 'pillars', 'goals', 'coursesOfAction', 'indicators', 'places'] as const).forEach(dupes);

  const institutions = new Map(existing.institutions);
  for (const inst of plan.institutions) institutions.set(inst.code, inst.parent);
  plan.institutions.forEach((inst, i) => {
    if (inst.parent !== null && !institutions.has(inst.parent))
      p.add(
        file,
        ['institutions', i, 'parent'],
        `institución desconocida «${inst.parent}»`,
        `unknown institution "${inst.parent}"`,
      );
    if (hasCycle(inst.code, institutions))
      p.add(
        file,
        ['institutions', i, 'parent'],
        `ciclo en la jerarquía de «${inst.code}»`,
        `cycle in the hierarchy of "${inst.code}"`,
      );
  });
  const pillars = new Set([...existing.pillars, ...plan.pillars.map((x) => x.code)]);
  const goals = new Map(existing.goals);
  plan.goals.forEach((g, i) => {
    goals.set(g.code, g.pillar);
    if (!pillars.has(g.pillar))
      p.add(file, ['goals', i, 'pillar'], `eje desconocido «${g.pillar}»`, `unknown pillar "${g.pillar}"`);
  });
  const coas = new Map(existing.coursesOfAction);
  plan.coursesOfAction.forEach((c, i) => {
    coas.set(c.code, c.goal);
    if (!goals.has(c.goal))
      p.add(file, ['coursesOfAction', i, 'goal'], `objetivo desconocido «${c.goal}»`, `unknown goal "${c.goal}"`);
    c.institutions.forEach((code, j) => {
      if (!institutions.has(code))
        p.add(
          file,
          ['coursesOfAction', i, 'institutions', j],
          `institución desconocida «${code}»`,
          `unknown institution "${code}"`,
        );
    });
  });
  const places = new Map(existing.places);
  for (const pl of plan.places) places.set(pl.code, pl.parent);
  plan.places.forEach((pl, i) => {
    if (pl.parent !== null && !places.has(pl.parent))
      p.add(file, ['places', i, 'parent'], `lugar desconocido «${pl.parent}»`, `unknown place "${pl.parent}"`);
  });
  const catalog = { institutions, coursesOfAction: coas, goals, pillars, places };
  plan.indicators.forEach((ind, i) => {
    if (!coas.has(ind.courseOfAction))
      p.add(
        file,
        ['indicators', i, 'courseOfAction'],
        `línea de acción desconocida «${ind.courseOfAction}»`,
        `unknown course of action "${ind.courseOfAction}"`,
      );
    if (ind.formula !== null) addExpressionProblems(p, file, ['indicators', i, 'formula'], ind.formula, catalog);
  });
  return p;
}

export function hasCycle(start: string, parents: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  let cur: string | null | undefined = start;
  while (cur !== null && cur !== undefined) {
    if (seen.has(cur)) return true;
    seen.add(cur);
    cur = parents.get(cur);
  }
  return false;
}

export function addExpressionProblems(
  p: ProblemList,
  file: string,
  path: (string | number)[],
  text: string,
  catalog: Parameters<typeof compileExpression>[1],
): void {
  const result = compileExpression(text, catalog);
  if (result.ok) return;
  for (const err of result.errors) {
    const col = err.start + 1;
    p.add(file, path, `columna ${col}: ${err.message.es}`, `column ${col}: ${err.message.en}`);
  }
}
