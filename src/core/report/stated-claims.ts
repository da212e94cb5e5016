/**
 * Numbers a narrative block's source states that nothing in the records verifies ("implemented in 31
 * federal entities" where the records name 28): claims on the block without an expression. Such a number
 * stays as the source states it, with the records' figure beside it and its note.
 */
import type { Lang } from '../model/kinds.js';
import type { Claim, NarrativeBlock } from '../schemas/period.schema.js';
import type { Figure, Inline } from './document.js';

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
const clean = (s: string) => s.replace(/\*\*/g, '').replace(/\s+/g, ' ');

/**
 * Which placeholder of the block each such claim states, found by the claim's quote: the block's English
 * text around the placeholder, with the stated number in its place, occurs in the quote. Placeholder → claim.
 */
export function unverifiedStatements(n: NarrativeBlock, claims: readonly Claim[]): Map<string, Claim> {
  const out = new Map<string, Claim>();
  const own = claims.filter((c) => c.ref === n.id && c.expr === null && c.relation === '=');
  if (own.length === 0) return out;
  const text = n.text.en;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const key = m[1] ?? '';
    const start = m.index;
    const end = start + m[0].length;
    // Up to three words on each side, never across another placeholder.
    const before = (/(?:\S+\s+){0,3}$/.exec(text.slice(0, start).split('}').pop() ?? '')?.[0] ?? '').trimStart();
    const after = /^[^{]{0,25}/.exec(text.slice(end))?.[0]?.replace(/\s+\S*$/, '') ?? '';
    for (const c of own) {
      const stated = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(c.stated);
      if (clean(c.quote).includes(clean(`${before}${stated}${after}`)) && (before.trim() || after.trim())) {
        out.set(key, c);
        break;
      }
    }
  }
  return out;
}

/** Whether a value equals a stated number at the precision the source states it (33.333… is "33.33"). */
export function sameAsStated(value: number, stated: number): boolean {
  const decimals = (String(stated).split('.')[1] ?? '').length;
  return Math.abs(value - stated) < 0.5 * 10 ** -decimals + 1e-9;
}

export const RELATION_WORDS: Record<Lang, Record<string, [string, string]>> = {
  // [after "del" (es) / plain]: "es de más del 25%", "more than 52,000".
  es: {
    '>': ['más del ', 'más de '],
    '>=': ['al menos el ', 'al menos '],
    '<': ['menos del ', 'menos de '],
    '<=': ['como máximo el ', 'como máximo '],
  },
  en: {
    '>': ['above ', 'above '],
    '>=': ['at least ', 'at least '],
    '<': ['below ', 'below '],
    '<=': ['at most ', 'at most '],
  },
};

export const formatStated = (stated: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 2 }).format(stated);

/** " (los registros dan 28; no bastan para comprobar la cifra enunciada)", the figure linking to its note. */
export function besideStated(figure: Figure, lang: Lang): Inline[] {
  return [
    { kind: 'text', text: lang === 'es' ? ' (los registros dan ' : ' (the records give ' },
    { kind: 'figure', figure, marker: true },
    {
      kind: 'text',
      text:
        lang === 'es' ? '; no bastan para comprobar la cifra enunciada)' : '; not enough to verify the stated figure)',
    },
  ];
}
