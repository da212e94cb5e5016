import {
  compileExpression,
  evaluateExpression,
  filterMentionsPeriod,
  type AggregateNode,
  type Expr,
  type FigureSource,
} from '../expressions/index.js';
import type { Claim } from '../schemas/period.schema.js';
import { agrees } from './compare.js';
import { datedOutsidePeriod, leaveOut } from './period-records.js';

/** Separators inside a typed-value key: records, then the record id, then the field. */
const SEP = '\u0001';
const ID_END = '\u0002';
import type { CheckInput } from './types.js';

export type Support = 'derived' | 'transcribed' | 'unsupported';

/**
 * What backs each claim of a period:
 * - **derived**: its value is computed from two or more typed values (an aggregate over several
 *   records, a total of women and men, a share), or it restates a figure also stated in another place
 *   of the document, so the check compares two statements;
 * - **transcribed**: it reads back one typed value, stated once: nothing to compare it with, so it can
 *   only fail if the data entry differs from the sentence it was typed from — never "verified";
 * - **unsupported**: nothing in the data produces it.
 * `ref` is the claim's id.
 */
export interface ClaimSupport {
  derived: number;
  transcribed: number;
  unsupported: number;
  claims: { ref: string; support: Support }[];
}

/** Classifies every claim of the period by what backs it (pure; evaluates through the figure source). */
export async function classifyClaims(input: CheckInput): Promise<ClaimSupport> {
  const analysed = await analyseClaims(input);
  const claims = analysed.map((a) => ({ ref: a.claim.id, support: a.support }));
  const count = (s: Support) => claims.filter((c) => c.support === s).length;
  return { derived: count('derived'), transcribed: count('transcribed'), unsupported: count('unsupported'), claims };
}

export interface AnalysedClaim {
  claim: Claim;
  support: Support;
  /** Derived and its value agrees with the stated number (and relation): verified. */
  verified: boolean;
}

/** Each claim with what backs it and, for derived claims, whether it is verified. */
export async function analyseClaims(input: CheckInput): Promise<AnalysedClaim[]> {
  const year = input.period.period.year;
  const formulas = new Map(input.plan.indicators.map((i) => [i.code, i.formula]));
  const hasValue = new Set(input.period.indicatorValues.filter((v) => v.value !== null).map((v) => v.indicator));
  const ofPeriod = leaveOut(
    input.source,
    datedOutsidePeriod(input).map((a) => a.id),
  );
  const linked = new Set((input.period.links ?? []).flatMap((l) => l.records));
  const backing = new Map<Claim, { text: string; source: FigureSource; atoms: string[] } | null>();
  for (const claim of input.period.claims) {
    // An indicator box with a value is checked against the plan's formula, over the period: that backs it.
    const planFormula = claim.location === 'indicator' && claim.ref !== null && hasValue.has(claim.ref);
    const text = planFormula ? (formulas.get(claim.ref!) ?? null) : claim.expr;
    const source = planFormula ? ofPeriod : input.source;
    const atoms = text === null ? null : await typedValues(text, input, source, year);
    backing.set(claim, text === null || atoms === null || atoms.length === 0 ? null : { text, source, atoms });
  }
  // Claims that rest on the same typed values, stated in different places, are compared with each other.
  const places = new Map<string, Set<string>>();
  for (const [claim, b] of backing)
    if (b) {
      const key = b.atoms.join(SEP);
      places.set(key, (places.get(key) ?? new Set()).add(placeOf(claim)));
    }
  const out: AnalysedClaim[] = [];
  for (const [claim, b] of backing) {
    if (!b) {
      out.push({ claim, support: 'unsupported', verified: false });
      continue;
    }
    const aggregate = b.atoms.length > 1 || (places.get(b.atoms.join(SEP))?.size ?? 0) > 1;
    // One typed value of a record that another place reports too: derived, verified only if both agree.
    const [id, field] = b.atoms[0]!.split(ID_END) as [string, string];
    const viaLink = !aggregate && linked.has(id);
    const derived = aggregate || viaLink;
    const value =
      derived && (!viaLink || (await linkAgrees(input, id, field, year)))
        ? await evaluateText(b.text, input, b.source, year)
        : null;
    out.push({
      claim,
      support: derived ? 'derived' : 'transcribed',
      verified:
        value !== null &&
        agrees(
          claim.location === 'indicator' ? (indicatorValue(input, claim) ?? claim.stated) : claim.stated,
          value,
          claim.relation,
        ),
    });
  }
  return out;
}

/** Whether every record linked with `id` holds the same value of `field` (a count: the same records). */
async function linkAgrees(input: CheckInput, id: string, field: string, year: number): Promise<boolean> {
  const link = (input.period.links ?? []).find((l) => l.records.includes(id));
  if (!link || field === '#') return true;
  const values = new Set<number | null>();
  for (const r of link.records)
    values.add(await evaluateText(`sum(${field} where within = ${JSON.stringify(r)})`, input, input.source, year));
  return values.size === 1;
}

function indicatorValue(input: CheckInput, claim: Claim): number | null {
  return input.period.indicatorValues.find((v) => v.indicator === claim.ref)?.value ?? null;
}

async function evaluateText(
  text: string,
  input: CheckInput,
  source: FigureSource,
  year: number,
): Promise<number | null> {
  const compiled = compileExpression(text, input.catalog);
  return compiled.ok
    ? (await evaluateExpression(compiled.ast, source, { period: year, provenance: 'none' })).value
    : null;
}

/** Where a claim is stated: its quote, whitespace and bold markers aside. */
function placeOf(claim: Claim): string {
  return claim.quote.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The typed values an expression's value rests on, as sorted keys (record id and field): a sum of women
 * over three records rests on three values, `total` on each record's women, men and not-recorded
 * counts, a count on each record it counts, `items` and `distinct` on each item or value they count.
 * Null when the expression does not compile or gives no value.
 */
async function typedValues(
  text: string,
  input: CheckInput,
  source: FigureSource,
  year: number,
): Promise<string[] | null> {
  const compiled = compileExpression(text, input.catalog);
  if (!compiled.ok) return null;
  const atoms = new Set<string>();
  for (const node of aggregatesOf(compiled.ast)) {
    const period = node.filter === null || !filterMentionsPeriod(node.filter) ? year : null;
    const found = await atomsOfAggregate(node, source, period);
    if (found === null) return null;
    for (const a of found) atoms.add(a);
  }
  return [...atoms].sort();
}

async function atomsOfAggregate(
  node: AggregateNode,
  source: FigureSource,
  period: number | null,
): Promise<string[] | null> {
  if (node.fn === 'sum') {
    const fields = node.field.name === 'total' ? ['women', 'men', 'notRecorded'] : [node.field.name];
    const atoms: string[] = [];
    for (const name of fields) {
      const r = await source.aggregate({ node: { ...node, field: { ...node.field, name } }, period });
      if (r.value !== null) atoms.push(...r.recordIds.map((id) => `${id}${ID_END}${name}`));
    }
    return atoms.length > 0 ? atoms : null;
  }
  const r = await source.aggregate({ node, period });
  if (r.value === null) return null;
  if (node.fn === 'count') return r.recordIds.map((id) => `${id}${ID_END}#`);
  // items and distinct: one typed value per item or value counted.
  const key = `${node.fn}(${r.recordIds.join(',')})`;
  return Array.from({ length: r.value }, (_, k) => `${key}${ID_END}${k}`);
}

function aggregatesOf(e: Expr): AggregateNode[] {
  switch (e.kind) {
    case 'number':
      return [];
    case 'neg':
    case 'round':
      return aggregatesOf(e.operand);
    case 'binary':
    case 'pair':
      return [...aggregatesOf(e.left), ...aggregatesOf(e.right)];
    case 'aggregate':
      return [e];
  }
}
