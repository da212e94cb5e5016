import { useTranslation } from 'react-i18next';
import type { StoredBlockDto } from '../../../../server/routes/report/narrative.schemas.js';
import type { Draft } from './draft.js';

/**
 * The section's blocks in print order: each says its role, opens for editing, and moves up or down
 * (buttons, so the keyboard reaches them); a new, unsaved block is listed last.
 */
export function BlockList(props: {
  blocks: readonly StoredBlockDto[];
  draft: Draft;
  busy: boolean;
  onOpen: (block: StoredBlockDto) => void;
  onMove: (id: string, step: -1 | 1) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const { blocks, draft } = props;
  const role = (b: Pick<StoredBlockDto, 'role' | 'activities'>) =>
    b.role === 'replaces'
      ? t('narrativeEditor.role.replacesCount', { count: b.activities?.length ?? 0 })
      : t('narrativeEditor.role.introduces');
  return (
    <div className="narrative-blocks">
      <h3>{t('narrativeEditor.blocks')}</h3>
      <ol>
        {blocks.map((b, i) => (
          <li key={b.id} aria-current={b.id === draft.id ? 'true' : undefined}>
            <button type="button" className="block-open" onClick={() => props.onOpen(b)}>
              {t('narrativeEditor.blockName', { id: b.id, version: b.version })}
            </button>{' '}
            <span className="badge">{role(b)}</span>{' '}
            <button
              type="button"
              disabled={props.busy || i === 0}
              aria-label={t('narrativeEditor.moveUp', { id: b.id })}
              data-move={`${b.id}:-1`}
              onClick={() => props.onMove(b.id, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={props.busy || i === blocks.length - 1}
              aria-label={t('narrativeEditor.moveDown', { id: b.id })}
              data-move={`${b.id}:1`}
              onClick={() => props.onMove(b.id, 1)}
            >
              ↓
            </button>
          </li>
        ))}
        {draft.version === 0 && (
          <li aria-current="true">
            {t('narrativeEditor.newBlock')} <span className="badge">{role(draft)}</span>
          </li>
        )}
      </ol>
      <button type="button" onClick={props.onAdd}>
        {t('narrativeEditor.addBlock')}
      </button>
    </div>
  );
}
