import { AppError, type InputProblem } from '../../core/errors.js';
import { compileExpression, describeExprError, evaluateExpression } from '../../core/expressions/index.js';
import { formatFigure } from '../../core/report/figures.js';
import type { Actor } from '../../core/model/access.js';
import type { Lang } from '../../core/model/kinds.js';
import { narrativeBlockSchema, type NarrativeBlock } from '../../core/schemas/period.schema.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import {
  narrativeFromRow,
  narrativeToRow,
  readNarratives,
  type StoredNarrativeBlock,
} from '../../db/repositories/narrative.repository.js';
import { listPeriods } from '../../db/repositories/period.repository.js';
import { openFigures, type Figures } from '../check/figure-context.js';
import { generatedSection, type GeneratedSection } from './narrative-section.service.js';

/**
 * The coordinator's narrative editor (issue 9 §2): the outline of a period's report, its narrative
 * blocks (Spanish and English), versioned saves (a stale version gets 412) that are audited, and a
 * preview whose figures are computed in the database.
 */

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
const LANGS: readonly Lang[] = ['es', 'en'];

export interface OutlineActivity {
  id: string;
  institution: string;
  title: { es: string; en: string };
}

export interface OutlineSection {
  /** "front", "back", "pillar:1", "goal:1.1", "coa:1.1.1" */
  section: string;
  level: 'front' | 'back' | 'pillar' | 'goal' | 'coa';
  title: { es: string; en: string };
  /** Root activities of the period linked to the course of action (coa sections only). */
  activities: OutlineActivity[];
}

/**
 * What a block does in its section: "introduces" (printed before the generated text; it names no
 * activity) or "replaces" (printed instead of the generated text of the activities it names). It is
 * not stored: a block that names activities replaces them.
 */
export type BlockRole = 'introduces' | 'replaces';

export interface EditorBlock extends StoredNarrativeBlock {
  role: BlockRole;
}

export const roleOf = (b: Pick<NarrativeBlock, 'activities'>): BlockRole =>
  b.activities && b.activities.length > 0 ? 'replaces' : 'introduces';
export const asEditorBlock = (b: StoredNarrativeBlock): EditorBlock => ({ ...b, role: roleOf(b) });

export interface NarrativeOutline {
  period: number;
  sections: OutlineSection[];
  blocks: EditorBlock[];
}

export interface NarrativeInput {
  section: string;
  order?: number;
  label?: string | null;
  text: { es: string; en: string };
  figures: Record<string, string>;
  activities?: string[];
  /** Checked against `activities` when given: "replaces" needs at least one, "introduces" none. */
  role?: BlockRole;
}

export type PreviewPart =
  | { kind: 'text'; text: string }
  | { kind: 'figure'; name: string; text: string; value: number | null }
  | { kind: 'unknown'; name: string };

export interface FigurePreview {
  expr: string;
  formula: string | null;
  value: number | null;
  text: { es: string; en: string } | null;
  recordCount: number;
  recordIds: string[];
  error: { es: string; en: string } | null;
}

export interface NarrativePreview {
  figures: Record<string, FigurePreview>;
  text: Record<Lang, { missing: boolean; parts: PreviewPart[]; typedNumbers: string[] }>;
  /** The generated text of the section named in the request, activity by activity (null when none was named). */
  section: GeneratedSection | null;
}

export function requireCoordinator(actor: Actor): NonNullable<Actor> {
  if (!actor) throw new AppError('unauthenticated', 'sign in first', { es: 'inicie sesión', en: 'sign in first' });
  if (actor.role !== 'coordinator')
    throw new AppError('forbidden', 'only the coordination writes the narrative', {
      es: 'solo la coordinación escribe la narrativa del informe',
      en: "only the coordination writes the report's narrative",
    });
  return actor;
}

export async function requirePeriod(database: Database, period: number): Promise<void> {
  const known = await listPeriods(database.db);
  if (!known.includes(period))
    throw new AppError('not_found', `period ${period} is not in the database`, {
      es: `el periodo ${period} no está en la base de datos (periodos: ${known.join(', ') || 'ninguno'})`,
      en: `period ${period} is not in the database (periods: ${known.join(', ') || 'none'})`,
    });
}

/** The report's sections in the plan's order, with the blocks already written and the activities of each course of action. */
export async function readNarrativeOutline(
  database: Database,
  actor: Actor,
  period: number,
): Promise<NarrativeOutline> {
  requireCoordinator(actor);
  await requirePeriod(database, period);
  const figures = await openFigures(database);
  const { plan } = figures;
  const activities = (await figures.activitiesOf(period)).filter((a) => !a.parent);
  const sections: OutlineSection[] = [
    { section: 'front', level: 'front', title: { es: 'Introducción', en: 'Introduction' }, activities: [] },
  ];
  const byNumber = <T extends { number: number }>(a: T, b: T) => a.number - b.number;
  for (const p of [...plan.pillars].sort(byNumber)) {
    sections.push({ section: `pillar:${p.code}`, level: 'pillar', title: p.title, activities: [] });
    for (const g of plan.goals.filter((x) => x.pillar === p.code).sort(byNumber)) {
      sections.push({ section: `goal:${g.code}`, level: 'goal', title: g.text, activities: [] });
      for (const c of plan.coursesOfAction.filter((x) => x.goal === g.code).sort(byNumber))
        sections.push({
          section: `coa:${c.code}`,
          level: 'coa',
          title: c.text,
          activities: activities
            .filter((a) => a.coursesOfAction.includes(c.code))
            .map((a) => ({ id: a.id, institution: a.institution, title: a.title })),
        });
    }
  }
  sections.push({ section: 'back', level: 'back', title: { es: 'Cierre', en: 'Closing' }, activities: [] });
  return { period, sections, blocks: (await readNarratives(database.db, period)).map(asEditorBlock) };
}

/** Numbers typed into the text outside any {figure}: they are not linked to records. */
export function typedNumbers(text: string): string[] {
  return [...text.replace(PLACEHOLDER, ' ').matchAll(/\d[\d.,]*/g)].map((m) => m[0].replace(/[.,]$/, ''));
}

function problem(field: string, es: string, en: string): InputProblem {
  return { file: 'body', where: `$.${field}`, field, message: { es, en } };
}

/** Every problem of a block: missing language, figure references without a figure, expressions that do not compile. */
function validateInput(input: NarrativeInput, figures: Figures): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const lang of LANGS) {
    const other = lang === 'es' ? 'inglés' : 'Spanish';
    if (input.text[lang].trim() === '')
      problems.push(
        problem(
          `text.${lang}`,
          `falta el texto en ${lang === 'es' ? 'español' : 'inglés'}: escríbalo (nunca se copia del ${other === 'inglés' ? 'inglés' : 'español'})`,
          `the ${lang === 'es' ? 'Spanish' : 'English'} text is missing: write it (it is never copied from the ${lang === 'es' ? 'English' : 'Spanish'})`,
        ),
      );
    for (const m of input.text[lang].matchAll(PLACEHOLDER))
      if (input.figures[m[1]!] === undefined)
        problems.push(
          problem(
            `text.${lang}`,
            `{${m[1]}} no es ninguna cifra del bloque: insértela con el selector de cifras`,
            `{${m[1]}} is not one of the block's figures: insert it with the figure picker`,
          ),
        );
  }
  for (const [name, expr] of Object.entries(input.figures)) {
    const compiled = compileExpression(expr, figures.catalog);
    if (!compiled.ok) {
      const e = compiled.errors[0]!;
      problems.push(problem(`figures.${name}`, describeExprError(e, 'es'), describeExprError(e, 'en')));
    }
  }
  return problems;
}

/**
 * The activities a block replaces: each one newly named must be a root activity of the period linked
 * to the block's course of action (one the block already named stays accepted while it is in the
 * period); the role, when sent, must agree with the list.
 */
async function activityProblems(
  database: Database,
  figures: Figures,
  period: number,
  id: string,
  input: NarrativeInput,
): Promise<InputProblem[]> {
  const problems: InputProblem[] = [];
  const ids = input.activities ?? [];
  if (input.role === 'replaces' && ids.length === 0)
    problems.push(
      problem(
        'activities',
        'un bloque que sustituye debe marcar al menos una actividad cuyo texto generado sustituye',
        'a block that replaces must check at least one activity whose generated text it replaces',
      ),
    );
  if (input.role === 'introduces' && ids.length > 0)
    problems.push(
      problem(
        'activities',
        'un bloque que introduce no sustituye ninguna actividad: desmárquelas o elija «sustituye»',
        'a block that introduces replaces no activity: uncheck them or choose “replaces”',
      ),
    );
  if (ids.length === 0) return problems;
  const activities = await figures.activitiesOf(period);
  const inPeriod = new Set(activities.map((a) => a.id));
  const coa = input.section.startsWith('coa:') ? input.section.slice(4) : null;
  const allowed = new Set(
    activities.filter((a) => !a.parent && coa !== null && a.coursesOfAction.includes(coa)).map((a) => a.id),
  );
  const prior = await database.db
    .selectFrom('narrative_block')
    .select('activities')
    .where('id', '=', id)
    .where('period_year', '=', period)
    .executeTakeFirst();
  const before = new Set(prior ? (JSON.parse(prior.activities) as string[]) : []);
  ids.forEach((a, i) => {
    if (!inPeriod.has(a))
      problems.push(
        problem(
          `activities.${i}`,
          `la actividad ${a} no está en el periodo ${period}`,
          `activity ${a} is not in period ${period}`,
        ),
      );
    else if (!allowed.has(a) && !before.has(a))
      problems.push(
        problem(
          `activities.${i}`,
          coa === null
            ? `la actividad ${a} no puede sustituirse en esta sección: solo las líneas de acción presentan actividades`
            : `la actividad ${a} no es una actividad principal de la línea de acción ${coa} en el periodo ${period}`,
          coa === null
            ? `activity ${a} cannot be replaced in this section: only courses of action present activities`
            : `activity ${a} is not a main activity of course of action ${coa} in period ${period}`,
        ),
      );
  });
  return problems;
}

/** Evaluates every figure of a block in the database and splits each language's text into parts. */
export async function previewNarrative(
  database: Database,
  actor: Actor,
  period: number,
  input: Pick<NarrativeInput, 'text' | 'figures'> & { section?: string },
): Promise<NarrativePreview> {
  requireCoordinator(actor);
  await requirePeriod(database, period);
  const figures = await openFigures(database);
  const out: Record<string, FigurePreview> = {};
  for (const [name, expr] of Object.entries(input.figures)) {
    const compiled = compileExpression(expr, figures.catalog);
    if (!compiled.ok) {
      const e = compiled.errors[0]!;
      out[name] = {
        expr,
        formula: null,
        value: null,
        text: null,
        recordCount: 0,
        recordIds: [],
        error: { es: describeExprError(e, 'es'), en: describeExprError(e, 'en') },
      };
      continue;
    }
    const v = await evaluateExpression(compiled.ast, figures.source, { period, provenance: 'bounded', limit: 20 });
    out[name] = {
      expr,
      formula: v.formula,
      value: v.value,
      text: { es: formatFigure(v.value, v.type, 'es'), en: formatFigure(v.value, v.type, 'en') },
      recordCount: v.recordCount ?? v.recordIds.length,
      recordIds: v.recordIds,
      error: null,
    };
  }
  const text = {} as NarrativePreview['text'];
  for (const lang of LANGS) {
    const source = input.text[lang];
    const parts: PreviewPart[] = [];
    let last = 0;
    for (const m of source.matchAll(PLACEHOLDER)) {
      if (m.index > last) parts.push({ kind: 'text', text: source.slice(last, m.index) });
      const f = out[m[1]!];
      parts.push(
        f?.text
          ? { kind: 'figure', name: m[1]!, text: f.text[lang], value: f.value }
          : { kind: 'unknown', name: m[1]! },
      );
      last = m.index + m[0].length;
    }
    if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
    text[lang] = { missing: source.trim() === '', parts, typedNumbers: typedNumbers(source) };
  }
  const section = input.section ? await generatedSection(database, figures, period, input.section) : null;
  return { figures: out, text, section };
}

/**
 * Creates (version 0) or replaces a block; `version` is the one the editor read: a stale one gets 412
 * and nothing is written. Every change writes one audit row with the block before and after.
 */
export async function saveNarrativeBlock(
  database: Database,
  actor: Actor,
  period: number,
  id: string,
  input: NarrativeInput,
  version: number,
  now = new Date(),
): Promise<EditorBlock> {
  const coordinator = requireCoordinator(actor);
  await requirePeriod(database, period);
  const figures = await openFigures(database);
  const problems = [
    ...validateInput(input, figures),
    ...(await activityProblems(database, figures, period, id, input)),
  ];
  if (input.section.startsWith('coa:') && !figures.catalog.coursesOfAction.has(input.section.slice(4)))
    problems.push(problem('section', 'no hay tal línea de acción en el plan', 'the plan has no such course of action'));
  if (problems.length > 0)
    throw new AppError('invalid_input', `narrative block ${id}: ${problems.map((p) => p.field).join(', ')}`, {
      es: 'el bloque no se guardó: corrija los campos señalados',
      en: 'the block was not saved: correct the fields shown',
      problems,
    });
  const parsed = narrativeBlockSchema.safeParse({
    id,
    section: input.section,
    order: input.order ?? 0,
    label: input.label ?? null,
    text: input.text,
    figures: input.figures,
    ...(input.activities && input.activities.length > 0 ? { activities: input.activities } : {}),
  });
  if (!parsed.success)
    throw new AppError('invalid_input', `narrative block ${id} is not valid`, {
      es: 'el bloque no se guardó: corrija los campos señalados',
      en: 'the block was not saved: correct the fields shown',
      problems: parsed.error.issues.map((i) => {
        const field = i.path.map(String).join('.') || 'block';
        return problem(field, i.message, i.message);
      }),
    });
  const block: NarrativeBlock = parsed.data;
  return database.db.transaction().execute(async (trx) => {
    const prior = await trx.selectFrom('narrative_block').selectAll().where('id', '=', id).executeTakeFirst();
    if (prior && prior.period_year !== period)
      throw new AppError('conflict', `${id} belongs to period ${prior.period_year}`, {
        es: `el identificador ${id} ya lo usa un bloque del periodo ${prior.period_year}`,
        en: `the id ${id} is already used by a block of period ${prior.period_year}`,
      });
    const current = prior?.version ?? 0;
    if (current !== version)
      throw new AppError('precondition_failed', `stale version ${version}`, {
        es: `otra persona cambió este bloque después de que usted lo abrió (su versión ${version}, la actual ${current}); recárguelo y vuelva a aplicar sus cambios. No se guardó nada.`,
        en: `someone else changed this block after you opened it (your version ${version}, current ${current}); reload it and apply your changes again. Nothing was saved.`,
        current,
      });
    const row = narrativeToRow(period, block, current + 1);
    if (prior) {
      const r = await trx
        .updateTable('narrative_block')
        .set(row)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw new AppError('precondition_failed', `stale version ${version}`, {
          es: 'otra persona cambió este bloque al mismo tiempo; recárguelo. No se guardó nada.',
          en: 'someone else changed this block at the same time; reload it. Nothing was saved.',
        });
    } else await trx.insertInto('narrative_block').values(row).execute();
    const saved = narrativeFromRow(row);
    await appendAudit(
      trx,
      {
        actorId: coordinator.userId,
        institution: coordinator.institution,
        action: prior ? 'narrative.update' : 'narrative.create',
        entity: 'narrative_block',
        entityId: id,
        before: prior ? narrativeFromRow(prior) : null,
        after: saved,
      },
      now,
    );
    return asEditorBlock(saved);
  });
}
