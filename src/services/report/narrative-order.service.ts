import { AppError } from '../../core/errors.js';
import type { Actor } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { narrativeFromRow } from '../../db/repositories/narrative.repository.js';
import { asEditorBlock, requireCoordinator, requirePeriod, type EditorBlock } from './narrative.service.js';

/**
 * The order of a section's narrative blocks (issue 9 §2): the coordinator sends every block of the
 * section in the new order with the version she read; in one transaction the blocks take the section's
 * order values in that sequence (tables and callouts of the section keep theirs), each block that moves
 * gets a new version and one audit row. A stale version gets 412 and nothing is written.
 */
export async function reorderNarrativeBlocks(
  database: Database,
  actor: Actor,
  period: number,
  section: string,
  sequence: readonly { id: string; version: number }[],
  now = new Date(),
): Promise<EditorBlock[]> {
  const coordinator = requireCoordinator(actor);
  await requirePeriod(database, period);
  return database.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('narrative_block')
      .selectAll()
      .where('period_year', '=', period)
      .where('section', '=', section)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
    const known = new Set(rows.map((r) => r.id));
    const sent = sequence.map((s) => s.id);
    const missing = rows.filter((r) => !sent.includes(r.id)).map((r) => r.id);
    const unknown = sent.filter((id) => !known.has(id));
    if (missing.length > 0 || unknown.length > 0 || new Set(sent).size !== sent.length)
      throw new AppError(
        'invalid_input',
        `order of ${section}: missing ${missing.join(',')} unknown ${unknown.join(',')}`,
        {
          es: 'el orden no se guardó: envíe cada bloque de la sección una sola vez',
          en: 'the order was not saved: send every block of the section once',
          problems: [
            ...missing.map((id) => ({
              file: 'body',
              where: '$.blocks',
              field: 'blocks',
              message: {
                es: `falta el bloque ${id} de la sección ${section}`,
                en: `block ${id} of section ${section} is missing`,
              },
            })),
            ...unknown.map((id) => ({
              file: 'body',
              where: '$.blocks',
              field: 'blocks',
              message: {
                es: `el bloque ${id} no está en la sección ${section} del periodo ${period}`,
                en: `block ${id} is not in section ${section} of period ${period}`,
              },
            })),
          ],
        },
      );
    for (const s of sequence) {
      const current = rows.find((r) => r.id === s.id)!.version;
      if (current !== s.version)
        throw new AppError('precondition_failed', `stale version of ${s.id}`, {
          es: `otra persona cambió el bloque ${s.id} después de que usted lo abrió (su versión ${s.version}, la actual ${current}); recargue la página. No se guardó nada.`,
          en: `someone else changed block ${s.id} after you opened it (your version ${s.version}, current ${current}); reload the page. Nothing was saved.`,
          current,
        });
    }
    // The section's order values, in increasing order, made distinct so that the new sequence holds.
    const slots = rows.map((r) => r.sort_order).sort((a, b) => a - b);
    for (let i = 1; i < slots.length; i++) if (slots[i]! <= slots[i - 1]!) slots[i] = slots[i - 1]! + 1;
    const out: EditorBlock[] = [];
    for (const [i, s] of sequence.entries()) {
      const prior = rows.find((r) => r.id === s.id)!;
      if (prior.sort_order === slots[i]) {
        out.push(asEditorBlock(narrativeFromRow(prior)));
        continue;
      }
      const row = { ...prior, sort_order: slots[i]!, version: prior.version + 1 };
      await trx
        .updateTable('narrative_block')
        .set({ sort_order: row.sort_order, version: row.version })
        .where('id', '=', s.id)
        .where('version', '=', prior.version)
        .execute();
      const saved = narrativeFromRow(row);
      await appendAudit(
        trx,
        {
          actorId: coordinator.userId,
          institution: coordinator.institution,
          action: 'narrative.reorder',
          entity: 'narrative_block',
          entityId: s.id,
          before: narrativeFromRow(prior),
          after: saved,
        },
        now,
      );
      out.push(asEditorBlock(saved));
    }
    return out;
  });
}
