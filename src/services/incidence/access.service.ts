import { mayUseIncidence } from '../../core/incidence/access.js';
import type { Actor } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { forbiddenError, loadAccessScope, recordDenial } from '../accounts/access.service.js';

/** Checks that the actor may use unpublished incidence data (coordination, SSPC and its units); audits a refusal. */
export async function requireIncidenceUser(
  database: Database,
  actor: Actor,
  action: string,
): Promise<NonNullable<Actor>> {
  const scope = await loadAccessScope(database.db);
  if (actor !== null && mayUseIncidence(actor, scope.parents)) return actor;
  await recordDenial(database, actor, {
    action,
    entity: 'incidence',
    entityId: null,
    reason: 'not SSPC or coordination',
  });
  throw forbiddenError({
    es: 'los reportes mensuales de incidencia son de la coordinación y de la SSPC; los publicados están en el portal',
    en: 'the monthly incidence reports belong to the coordination and the SSPC; published ones are on the portal',
  });
}
