import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GeneratedSectionDto,
  NarrativePreviewDto,
  StoredBlockDto,
} from '../../../../server/routes/report/narrative.schemas.js';
import { api } from '../../../api/client.js';
import { LANGS, replacedBy, type Draft, type Lang } from './draft.js';
import { GeneratedTableView } from './generated-table.js';

type Parts = NarrativePreviewDto['text'][Lang];

/** The other saved blocks of the section, previewed once (their figures computed from the records). */
export function useBlockPreviews(period: number, lang: Lang, blocks: readonly StoredBlockDto[]) {
  const [previews, setPreviews] = useState<Record<string, NarrativePreviewDto>>({});
  const key = blocks.map((b) => `${b.id}@${b.version}`).join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(
      blocks.map((b) =>
        api<NarrativePreviewDto>(`/api/reports/${period}/narrative/preview`, {
          method: 'POST',
          body: { text: b.text, figures: b.figures },
          lang,
        }).then((p) => [b.id, p] as const),
      ),
    ).then((all) => live && setPreviews(Object.fromEntries(all)));
    return () => {
      live = false;
    };
    // `key` names the blocks and their versions: they are previewed again only when one changes.
  }, [key, period, lang]);
  return previews;
}

function PartsView({ parts, figures }: { parts: Parts | undefined; figures: Record<string, string> }) {
  const { t } = useTranslation();
  if (!parts) return <p>…</p>;
  if (parts.missing) return <p className="error">{t('narrativeEditor.missing')}</p>;
  return (
    <p>
      {parts.parts.map((p, i) =>
        p.kind === 'text' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'figure' ? (
          <strong key={i} title={figures[p.name]}>
            {p.text}
          </strong>
        ) : (
          <mark key={i}>{t('narrativeEditor.unknownFigure', { name: p.name })}</mark>
        ),
      )}
    </p>
  );
}

/**
 * The section as it will print, in each language: its blocks in order (the one being edited as typed),
 * then the generated text of every activity no block replaces.
 */
export function SectionPreview(props: {
  blocks: readonly StoredBlockDto[];
  draft: Draft;
  preview: NarrativePreviewDto | null;
  others: Record<string, NarrativePreviewDto>;
  generated: GeneratedSectionDto | null;
}) {
  const { t } = useTranslation();
  const { draft, generated } = props;
  const order = props.blocks.some((b) => b.id === draft.id) ? props.blocks : [...props.blocks, { id: draft.id }];
  const printed = (generated?.activities ?? []).filter((a) => replacedBy(a, draft) === null);
  return (
    <>
      <h3>{t('narrativeEditor.preview')}</h3>
      <div className="narrative-langs" data-testid="preview">
        {LANGS.map((l) => (
          <article key={l} lang={l} className="panel report-preview">
            <h4>{t(`narrativeEditor.text.${l}`)}</h4>
            {order.map((b) => (
              <div key={b.id} data-block={b.id} className={b.id === draft.id ? 'current' : undefined}>
                {b.id === draft.id ? (
                  <PartsView parts={props.preview?.text[l]} figures={draft.figures} />
                ) : (
                  <PartsView parts={props.others[b.id]?.text[l]} figures={{}} />
                )}
              </div>
            ))}
            <div data-testid={`generated-${l}`} className="preview-generated">
              {printed.map((a) => (
                <div key={a.id} data-activity={a.id}>
                  <p>{a.text[l]}</p>
                  {a.table && <GeneratedTableView table={a.table[l]} />}
                </div>
              ))}
            </div>
          </article>
        ))}
      </div>
    </>
  );
}
