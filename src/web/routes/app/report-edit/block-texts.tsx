import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { NarrativePreviewDto } from '../../../../server/routes/report/narrative.schemas.js';
import { LANGS, type Draft, type Lang } from './draft.js';

/** The block's Spanish and English texts side by side; typed numbers (not linked to records) are flagged. */
export function BlockTexts(props: {
  draft: Draft;
  preview: NarrativePreviewDto | null;
  areas: Record<Lang, RefObject<HTMLTextAreaElement | null>>;
  onFocus: (lang: Lang) => void;
  onChange: (lang: Lang, text: string) => void;
}) {
  const { t } = useTranslation();
  const { draft, preview } = props;
  return (
    <div className="narrative-langs">
      {LANGS.map((l) => (
        <div key={l}>
          <label htmlFor={`narrative-${l}`}>{t(`narrativeEditor.text.${l}`)}</label>
          <textarea
            id={`narrative-${l}`}
            ref={props.areas[l]}
            rows={8}
            value={draft.text[l]}
            onFocus={() => props.onFocus(l)}
            onChange={(e) => props.onChange(l, e.target.value)}
          />
          {preview && preview.text[l].typedNumbers.length > 0 && (
            <span className="warning" role="note">
              {t('narrativeEditor.typedNumbers', { numbers: preview.text[l].typedNumbers.join(', ') })}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}

/** The block's figures: name, expression, current value, and buttons to insert each in either language. */
export function BlockFigures(props: {
  draft: Draft;
  preview: NarrativePreviewDto | null;
  lang: Lang;
  onInsert: (target: Lang, name: string) => void;
}) {
  const { t } = useTranslation();
  const { draft, preview, lang } = props;
  if (Object.keys(draft.figures).length === 0) return null;
  return (
    <table className="data">
      <caption>{t('narrativeEditor.figures')}</caption>
      <tbody>
        {Object.entries(draft.figures).map(([name, expr]) => (
          <tr key={name}>
            <th scope="row">{`{${name}}`}</th>
            <td>
              <code>{expr}</code>
            </td>
            <td>{preview?.figures[name]?.text?.[lang] ?? preview?.figures[name]?.error?.[lang] ?? ''}</td>
            <td>
              {LANGS.map((l) => (
                <button key={l} type="button" onClick={() => props.onInsert(l, name)}>
                  {t(`narrativeEditor.insertIn.${l}`)}
                </button>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
