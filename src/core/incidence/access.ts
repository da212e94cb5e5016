import { ministryOf, type Actor } from '../model/access.js';

/** The institution that makes the monthly reports (its units too: SESNSP, National Guard …). */
export const INCIDENCE_INSTITUTION = 'SSPC';

/**
 * Who works with the incidence data and the monthly reports before they are published: the
 * coordination, and the people of the SSPC and its units. Everyone else sees published months only.
 */
export function mayUseIncidence(actor: Actor, parents: ReadonlyMap<string, string | null>): boolean {
  if (actor === null) return false;
  if (actor.role === 'admin' || actor.role === 'coordinator') return true;
  return actor.institution !== null && ministryOf(actor.institution, parents) === INCIDENCE_INSTITUTION;
}
