import type { StoredBlockDto } from '../../../../server/routes/report/narrative.schemas.js';

/** The block being edited in the narrative editor: its texts, figures, role and the activities it replaces. */
export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['es', 'en'];
export type Role = StoredBlockDto['role'];

export interface Draft {
  id: string;
  version: number;
  order: number | null;
  role: Role;
  activities: string[];
  text: Record<Lang, string>;
  figures: Record<string, string>;
}

export const blankDraft = (section: string, n: number): Draft => ({
  id: `${section.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${Date.now().toString(36)}${n}`,
  version: 0,
  order: null,
  role: 'introduces',
  activities: [],
  text: { es: '', en: '' },
  figures: {},
});

export const fromBlock = (b: StoredBlockDto): Draft => ({
  id: b.id,
  version: b.version,
  order: b.order,
  role: b.role,
  activities: [...(b.activities ?? [])],
  text: { ...b.text },
  figures: { ...b.figures },
});

/** The save request of a draft: a new block goes after the section's last one; an introduction replaces nothing. */
export function saveBody(draft: Draft, section: string, sectionBlocks: readonly Pick<StoredBlockDto, 'order'>[]) {
  const last = sectionBlocks.reduce((m, b) => Math.max(m, b.order), -1);
  return {
    section,
    order: draft.order ?? last + 1,
    role: draft.role,
    activities: draft.role === 'replaces' ? draft.activities : [],
    text: draft.text,
    figures: draft.figures,
    version: draft.version,
  };
}

/** The ids of a section's blocks after moving one of them up (-1) or down (+1); null when it cannot move. */
export function moved(ids: readonly string[], id: string, step: -1 | 1): string[] | null {
  const i = ids.indexOf(id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= ids.length) return null;
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/**
 * Whether the report prints an activity's generated text: not when the draft replaces it, nor when
 * another stored block or a table names it (the draft's own stored version is superseded by the draft).
 */
export function replacedBy(
  activity: { id: string; coveredBy: readonly { kind: string; id: string }[] },
  draft: Pick<Draft, 'id' | 'role' | 'activities'>,
): string | null {
  if (draft.role === 'replaces' && draft.activities.includes(activity.id)) return draft.id;
  return activity.coveredBy.find((c) => c.id !== draft.id || c.kind !== 'block')?.id ?? null;
}
