/** Problems the API returns ({where, field, message: {es, en}}) as errors next to the form's fields. Pure. */
import { fieldOfPath, pathOfWhere, type DraftErrors } from './activity-draft.js';

interface Problem {
  where?: unknown;
  field?: unknown;
  message?: unknown;
}

function asMessage(m: unknown): { es: string; en: string } | null {
  if (typeof m === 'string') return { es: m, en: m };
  if (m && typeof m === 'object') {
    const o = m as Record<string, unknown>;
    if (typeof o.es === 'string' && typeof o.en === 'string') return { es: o.es, en: o.en };
  }
  return null;
}

export function problemsToErrors(problems: readonly unknown[]): DraftErrors {
  const out: DraftErrors = {};
  for (const raw of problems) {
    if (!raw || typeof raw !== 'object') continue;
    const p = raw as Problem;
    const message = asMessage(p.message);
    if (!message) continue;
    // "$.title.en" locates the field; anything else ("If-Match", "row 12") does not, the field name may.
    const path = typeof p.where === 'string' && p.where.startsWith('$') ? pathOfWhere(p.where) : [];
    let field = fieldOfPath(path);
    if (field === 'form' && typeof p.field === 'string') field = fieldOfPath([p.field]);
    const prior = out[field];
    out[field] = prior ? { es: `${prior.es}; ${message.es}`, en: `${prior.en}; ${message.en}` } : message;
  }
  return out;
}
