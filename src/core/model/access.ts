/**
 * Who may do what (QUALITY A1–A4). Pure: the services call these with the actor and the state of
 * the data, and the authorization-matrix test calls them too.
 */
export const ROLES = ['admin', 'coordinator', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const SUBMISSION_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const SUBMISSION_ACTIONS = ['submit', 'return', 'approve', 'reopen'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

/** The signed-in person, or null for the anonymous public. */
export type Actor = { userId: string; role: Role; institution: string | null } | null;

/** Transitions of a submission (institution × period): from which states, to which, by which roles. */
export const TRANSITIONS: Record<
  SubmissionAction,
  { from: readonly SubmissionState[]; to: SubmissionState; roles: readonly Role[] }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['editor'] },
  return: { from: ['submitted'], to: 'returned', roles: ['coordinator', 'admin'] },
  approve: { from: ['submitted'], to: 'approved', roles: ['coordinator', 'admin'] },
  reopen: { from: ['approved'], to: 'draft', roles: ['coordinator', 'admin'] },
};

/** The top-level institution (ministry) that answers for an institution's data: submissions are per ministry. */
export function ministryOf(code: string, parents: ReadonlyMap<string, string | null>): string {
  let cur = code;
  const seen = new Set<string>();
  for (;;) {
    const parent = parents.get(cur) ?? null;
    if (parent === null || seen.has(parent)) return cur;
    seen.add(cur);
    cur = parent;
  }
}

/** Whether `code` is the actor's institution or one of its units. */
export function inScope(actor: Actor, code: string, parents: ReadonlyMap<string, string | null>): boolean {
  if (actor === null) return false;
  if (actor.role === 'admin' || actor.role === 'coordinator') return true;
  if (actor.institution === null) return false;
  let cur: string | null = code;
  const seen = new Set<string>();
  while (cur !== null && !seen.has(cur)) {
    if (cur === actor.institution) return true;
    seen.add(cur);
    cur = parents.get(cur) ?? null;
  }
  return false;
}

/** Reading an institution's records of a period: its own people always, everyone once published. */
export function canRead(
  actor: Actor,
  code: string,
  parents: ReadonlyMap<string, string | null>,
  published: boolean,
): boolean {
  return published || inScope(actor, code, parents);
}

/** Recording or changing records: an editor of the institution, while its submission is open (A4). */
export function canEdit(
  actor: Actor,
  code: string,
  parents: ReadonlyMap<string, string | null>,
  state: SubmissionState,
): 'ok' | 'forbidden' | 'locked' {
  if (actor === null || actor.role !== 'editor' || !inScope(actor, code, parents)) return 'forbidden';
  return state === 'draft' || state === 'returned' ? 'ok' : 'locked';
}

/** A workflow action on a submission. */
export function canTransition(
  actor: Actor,
  action: SubmissionAction,
  ministry: string,
  parents: ReadonlyMap<string, string | null>,
  state: SubmissionState,
): 'ok' | 'forbidden' | 'conflict' {
  const t = TRANSITIONS[action];
  if (actor === null || !t.roles.includes(actor.role)) return 'forbidden';
  if (actor.role === 'editor' && !inScope(actor, ministry, parents)) return 'forbidden';
  return t.from.includes(state) ? 'ok' : 'conflict';
}

/** Roles an actor may grant (A3): an admin any; nobody else manages accounts. */
export function canGrant(actor: Actor, role: Role): boolean {
  return actor !== null && actor.role === 'admin' && (ROLES as readonly string[]).includes(role);
}

/**
 * Records created through the application take ids in their ministry's name space ("semar-…"), so that
 * whether another institution's id exists is never revealed by a create (A1): an id outside one's
 * own space is refused with the same answer whether it exists or not.
 */
export function inIdSpace(institution: string, id: string): boolean {
  return id.startsWith(`${institution.toLowerCase()}-`);
}

/** The one answer for an id a new record cannot take (outside the caller's space, or someone else's). */
export function unavailableIdMessage(institution: string, id: string): { es: string; en: string } {
  const prefix = `${institution.toLowerCase()}-`;
  return {
    es: `el identificador «${id}» no se puede usar para un registro nuevo: los de ${institution} empiezan por «${prefix}» y no deben estar en uso; elija otro o deje que se genere`,
    en: `the id "${id}" cannot be used for a new record: ${institution}'s start with "${prefix}" and must not be in use; choose another or let it be generated`,
  };
}

/** The one answer for a parent that does not exist, is not visible, or is another institution's. */
export function unknownParentMessage(parent: string): { es: string; en: string } {
  return { es: `actividad madre desconocida «${parent}»`, en: `unknown parent activity "${parent}"` };
}
