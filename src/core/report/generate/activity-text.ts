/**
 * Generated text for one activity of the period, one template family per kind, in Spanish and English,
 * worded like the 2022 report ("La SEMAR impartió … a 120 personas (45 mujeres y 75 hombres)").
 * Every number in it is a figure: an expression over the records evaluated by the caller's FigureBook,
 * so it carries its source note. Values the records do not hold are not mentioned, never invented.
 */
import type { Lang } from '../../model/kinds.js';
import { ugpsTarget } from '../../model/ugps-targets.js';
import type { Activity } from '../../schemas/period.schema.js';
import type { Figure, Inline } from '../document.js';
import { formatRanges, joinList, modalityText, spanishArticle, ugpsCategoryName, unitWord } from './words.js';

/** What the templates need from the report: figures, names and the record tree. */
export interface GenerateContext {
  lang: Lang;
  year: number;
  figure: (expression: string) => Promise<Figure>;
  /** Acronym and name of an institution in the language (null when unknown). */
  institution: (code: string) => { acronym: string; name: string } | null;
  /** Name of a place (state, municipality, country) in the language. */
  placeName: (code: string) => string;
  /** All descendants of a record (children, grandchildren …) in the period. */
  descendants: (id: string) => readonly Activity[];
}

/** Places named one by one up to this many; beyond, their number is given. */
const MAX_NAMED_PLACES = 5;

/** Inline parts with adjacent texts merged. */
export class Parts {
  readonly list: Inline[] = [];
  t(text: string): this {
    if (text === '') return this;
    const last = this.list[this.list.length - 1];
    if (last?.kind === 'text') last.text += text;
    else this.list.push({ kind: 'text', text });
    return this;
  }
  f(figure: Figure): this {
    this.list.push({ kind: 'figure', figure });
    return this;
  }
  add(other: Parts): this {
    for (const p of other.list) {
      if (p.kind === 'text') this.t(p.text);
      else this.list.push(p);
    }
    return this;
  }
}

const q = (id: string) => JSON.stringify(id);

/** Which count fields the record or its descendants hold. */
function held(
  a: Activity,
  ctx: GenerateContext,
): { women: boolean; men: boolean; notRecorded: boolean; quantity: boolean } {
  const all = [a, ...ctx.descendants(a.id)];
  return {
    women: all.some((r) => r.women !== null),
    men: all.some((r) => r.men !== null),
    notRecorded: all.some((r) => r.notRecorded !== null),
    quantity: all.some((r) => r.quantity !== null),
  };
}

/**
 * "120 personas (45 mujeres y 75 hombres)", "63 mujeres", "1,471 people (894 women, 577 men and 3 whose
 * sex was not recorded)"; null when the records hold no count of people.
 */
export async function peoplePhrase(
  a: Activity,
  ctx: GenerateContext,
  noun: 'people' | 'personnel' = 'people',
): Promise<Parts | null> {
  const h = held(a, ctx);
  const { lang } = ctx;
  const es = lang === 'es';
  if (!h.women && !h.men && !h.notRecorded) return null;
  const w = h.women ? await ctx.figure(`sum(women where within = ${q(a.id)})`) : null;
  if (w && !h.men && !h.notRecorded) return new Parts().f(w).t(` ${unitWord('women', w.value, lang)}`);
  const total = await ctx.figure(`sum(total where within = ${q(a.id)})`);
  const unrecorded = es ? ' sin registro de sexo' : ' whose sex was not recorded';
  // Only people whose sex was not recorded: said once, not as a breakdown.
  if (!h.women && !h.men) return new Parts().f(total).t(` ${unitWord(noun, total.value, lang)}${unrecorded}`);
  const p = new Parts().f(total).t(` ${unitWord(noun, total.value, lang)} (`);
  const inner: Parts[] = [];
  if (w) inner.push(new Parts().f(w).t(` ${unitWord('women', w.value, lang)}`));
  if (h.men) {
    const m = await ctx.figure(`sum(men where within = ${q(a.id)})`);
    inner.push(new Parts().f(m).t(` ${unitWord('men', m.value, lang)}`));
  }
  if (h.notRecorded) {
    const n = await ctx.figure(`sum(notRecorded where within = ${q(a.id)})`);
    inner.push(new Parts().f(n).t(unrecorded));
  }
  inner.forEach((part, i) => {
    if (i > 0) p.t(i === inner.length - 1 ? (es ? ' y ' : ' and ') : ', ');
    p.add(part);
  });
  if (!w) p.t(es ? '; mujeres: sin registro' : '; women: not recorded');
  return p.t(')');
}

/** "5,000 uniformes" — the record's quantity with its unit; null when none is held. */
export async function quantityPhrase(a: Activity, ctx: GenerateContext): Promise<Parts | null> {
  if (!held(a, ctx).quantity) return null;
  const unit = a.unit ?? ctx.descendants(a.id).find((d) => d.unit !== null)?.unit ?? null;
  const f = await ctx.figure(`sum(quantity where within = ${q(a.id)})`);
  return new Parts().f(f).t(unit ? ` ${unitWord(unit, f.value, ctx.lang)}` : '');
}

/** Named counts of the record: "en 194 municipios", "12 horas". */
async function measuresPhrase(a: Activity, ctx: GenerateContext): Promise<Parts | null> {
  const names = [...new Set([a, ...ctx.descendants(a.id)].flatMap((r) => Object.keys(r.measures)))].sort();
  if (names.length === 0) return null;
  const p = new Parts();
  for (const [i, name] of names.entries()) {
    const f = await ctx.figure(`sum(measure.${name} where within = ${q(a.id)})`);
    if (i > 0) p.t(i === names.length - 1 ? (ctx.lang === 'es' ? ' y ' : ' and ') : ', ');
    p.f(f).t(` ${unitWord(name, f.value, ctx.lang)}`);
  }
  return p;
}

/** "en Veracruz y Sonora" / "in 7 federal entities"; null without places. */
async function placesPhrase(a: Activity, ctx: GenerateContext): Promise<Parts | null> {
  const es = ctx.lang === 'es';
  const own = a.places;
  const below = ctx.descendants(a.id).flatMap((d) => d.places);
  const all = [...new Set([...own, ...below])];
  if (all.length === 0) return null;
  if (all.length <= MAX_NAMED_PLACES)
    return new Parts().t(`${es ? 'en' : 'in'} ${joinList(all.map(ctx.placeName), ctx.lang)}`);
  const states = await ctx.figure(`distinct(state where within = ${q(a.id)})`);
  // Places outside the plan's states (countries): counted as places.
  const f = states.value ? states : await ctx.figure(`distinct(place where within = ${q(a.id)})`);
  const word = states.value ? 'entities' : 'places';
  return new Parts()
    .t(es ? 'en ' : 'in ')
    .f(f)
    .t(` ${unitWord(word, f.value, ctx.lang)}`);
}

/** Editions: the record's children when it has any; "en 3 ediciones". */
async function editionsPhrase(a: Activity, ctx: GenerateContext): Promise<Parts | null> {
  const children = ctx.descendants(a.id).filter((d) => d.parent === a.id);
  if (children.length < 2 || children.some((c) => c.places.length > 0 && c.dates.length === 0)) return null;
  const f = await ctx.figure(`count(where parent = ${q(a.id)})`);
  return new Parts()
    .t(ctx.lang === 'es' ? 'en ' : 'in ')
    .f(f)
    .t(` ${unitWord('editions', f.value, ctx.lang)}`);
}

function datesOf(a: Activity, ctx: GenerateContext): string | null {
  const ranges = a.dates.length > 0 ? a.dates : ctx.descendants(a.id).flatMap((d) => d.dates);
  if (ranges.length === 0) return null;
  if (ranges.length > 4) {
    const start = ranges.map((r) => r.start).sort()[0]!;
    const end = ranges
      .map((r) => r.end)
      .sort()
      .at(-1)!;
    return formatRanges([{ start, end }], ctx.lang);
  }
  return formatRanges(ranges, ctx.lang);
}

/** "La Secretaría de Marina (SEMAR)" / "The Secretariat of the Navy (SEMAR)" — or the acronym alone. */
function subject(a: Activity, ctx: GenerateContext): string {
  const inst = ctx.institution(a.institution);
  if (!inst) return a.institution;
  if (ctx.lang === 'es') return `${spanishArticle(inst.name) === 'la' ? 'La' : 'El'} ${inst.acronym}`;
  return inst.acronym;
}

/** Joins optional clauses with commas: "[verb] [clause], [clause]". */
function clauses(parts: (Parts | string | null)[]): Parts {
  const p = new Parts();
  let first = true;
  for (const c of parts) {
    if (c === null || c === '') continue;
    if (!first) p.t(', ');
    first = false;
    if (typeof c === 'string') p.t(c);
    else p.add(c);
  }
  return p;
}

const VERBS: Record<Activity['kind'], [string, string]> = {
  training: ['impartió esta capacitación', 'delivered this training'],
  event: ['realizó este evento', 'held this event'],
  deployment: ['desplegó', 'deployed'],
  network: ['', ''],
  engagement: ['participó', 'took part'],
  infrastructure: ['concluyó esta obra', 'completed this work'],
  material: ['entregó', 'delivered'],
  publication: ['publicó este documento', 'published this document'],
  other: ['llevó a cabo esta acción', 'carried out this action'],
};

/** The generated sentence(s) for one activity, in the context's language. */
export async function describeActivity(a: Activity, ctx: GenerateContext): Promise<Inline[]> {
  const es = ctx.lang === 'es';
  const who = subject(a, ctx);
  const [verbEs, verbEn] = VERBS[a.kind];
  const verb = es ? verbEs : verbEn;
  const dates = datesOf(a, ctx);
  const places = await placesPhrase(a, ctx);
  const people = await peoplePhrase(a, ctx, a.kind === 'deployment' ? 'personnel' : 'people');
  const quantity = await quantityPhrase(a, ctx);
  const measures = await measuresPhrase(a, ctx);
  const p = new Parts();
  /** Counts said in one closing parenthesis: "(3 talleres; 26 municipios)". */
  const extra: Parts[] = [];
  switch (a.kind) {
    case 'training':
    case 'event': {
      const editions = await editionsPhrase(a, ctx);
      const mode = modalityText(a.attributes.modality, ctx.lang);
      const how = clauses([mode, editions, dates, places]);
      p.t(`${who} ${verb}`).add(lead(how));
      const comma = how.list.length > 0 ? ',' : '';
      if (people)
        p.t(
          a.kind === 'training'
            ? es
              ? `${comma} dirigida a `
              : `${comma} for `
            : es
              ? `${comma} con la participación de `
              : `${comma} with `,
        ).add(people);
      if (quantity) extra.unshift(quantity);
      break;
    }
    case 'deployment': {
      p.t(`${who} ${verb} `);
      p.add(people ?? quantity ?? new Parts().t(es ? 'personal' : 'personnel'));
      if (a.attributes.mission) p.t(es ? ` en la misión ${a.attributes.mission}` : ` to ${a.attributes.mission}`);
      p.add(lead(clauses([dates, places])));
      if (a.attributes.ugpsCategory)
        p.t(
          es
            ? `, en la categoría de ${ugpsCategoryName(a.attributes.ugpsCategory, 'es')}`
            : `, in the category of ${ugpsCategoryName(a.attributes.ugpsCategory, 'en')}`,
        );
      const h = held(a, ctx);
      if (h.women && (h.men || h.notRecorded)) {
        const share = await ctx.figure(
          `share(sum(women where within = ${q(a.id)}), sum(total where within = ${q(a.id)}))`,
        );
        p.t(es ? '; las mujeres fueron el ' : '; women were ')
          .f(share)
          .t(es ? '% del personal desplegado' : '% of the personnel deployed');
        const target = a.attributes.ugpsCategory ? ugpsTarget(a.attributes.ugpsCategory, ctx.year) : null;
        if (target)
          p.t(
            es
              ? `, frente a la meta de paridad de género de las Naciones Unidas de ${target.value}% para esa categoría en ${ctx.year}`
              : `, against the United Nations gender-parity target of ${target.value}% for that category in ${ctx.year}`,
          );
      }
      break;
    }
    case 'network': {
      const action = a.attributes.networkAction;
      const v =
        action === 'strengthened'
          ? es
            ? 'fortaleció'
            : 'strengthened'
          : action === 'created'
            ? es
              ? 'creó'
              : 'created'
            : es
              ? 'impulsó'
              : 'promoted';
      p.t(`${who} ${v} `).add(quantity ?? new Parts().t(es ? 'esta red' : 'this network'));
      if (a.attributes.fund)
        p.t(es ? ` con recursos del ${a.attributes.fund}` : ` with resources from ${a.attributes.fund}`);
      p.add(lead(clauses([dates, places])));
      if (people) p.t(es ? ', con la participación de ' : ', with the participation of ').add(people);
      break;
    }
    case 'engagement': {
      p.t(`${who} ${verb}`);
      const forum = a.attributes.forum;
      if (forum) p.t(es ? ` en el foro «${forum}»` : ` in ${/^the\s/i.test(forum) ? '' : 'the '}${forum}`);
      if (a.attributes.role)
        p.t(es ? ` con el papel de ${roleName(a.attributes.role, 'es')}` : ` as ${roleName(a.attributes.role, 'en')}`);
      p.add(lead(clauses([dates, places])));
      if (people) p.t(es ? ', con una delegación de ' : ', with a delegation of ').add(people);
      if (quantity) p.t(es ? '; resultado: ' : '; result: ').add(quantity);
      break;
    }
    case 'material': {
      p.t(`${who} ${verb} `).add(quantity ?? new Parts().t(es ? 'estos bienes' : 'these goods'));
      p.add(lead(clauses([dates, places])));
      if (people) p.t(es ? ', en beneficio de ' : ', for ').add(people);
      break;
    }
    case 'infrastructure':
    case 'publication':
    case 'other': {
      p.t(`${who} ${verb}`).add(lead(clauses([dates, places])));
      if (quantity) p.t(es ? ', con ' : ', with ').add(quantity);
      if (people)
        p.t(
          a.kind === 'infrastructure'
            ? es
              ? ', en beneficio de '
              : ', benefiting '
            : es
              ? ', con la participación de '
              : ', reaching ',
        ).add(people);
      break;
    }
  }
  if (measures) extra.push(measures);
  extra.forEach((x, i) => p.t(i === 0 ? ' (' : '; ').add(x));
  if (extra.length > 0) p.t(')');
  p.t('.');
  if (a.items.length > 0 && a.items.length <= 12)
    p.t(es ? ' Contenidos: ' : ' Contents: ')
      .t(
        joinList(
          a.items.map((i) => i[ctx.lang].trim().replace(/[.;,]+$/, '')),
          ctx.lang,
        ),
      )
      .t('.');
  return p.list;
}

const ROLES: Record<string, [string, string]> = {
  participant: ['participante', 'participant'],
  'co-chair': ['copresidencia', 'co-chair'],
  chair: ['presidencia', 'chair'],
  speaker: ['oradora u orador', 'speaker'],
  presenter: ['ponente', 'presenter'],
  panelist: ['panelista', 'panelist'],
  moderator: ['moderación', 'moderator'],
  member: ['miembro', 'member'],
  'co-sponsor': ['copatrocinio', 'co-sponsor'],
  host: ['sede', 'host'],
};

/** A role in a forum, in the language (unknown roles as recorded). */
function roleName(role: string, lang: Lang): string {
  const r = ROLES[role.toLowerCase()];
  return r ? r[lang === 'es' ? 0 : 1] : role;
}

/** A clause list led by a space when it is not empty. */
function lead(c: Parts): Parts {
  return c.list.length === 0 ? c : new Parts().t(' ').add(c);
}
