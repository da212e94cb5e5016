import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GeneratedSectionDto } from '../../../../server/routes/report/narrative.schemas.js';
import { replacedBy, type Draft, type Lang, type Role } from './draft.js';
import { GeneratedTableView } from './generated-table.js';

type Activity = GeneratedSectionDto['activities'][number];

/**
 * The block's role and the section's generated text, activity by activity: what the report prints
 * from the records. With "replaces", each activity has a checkbox (checked: this block is printed
 * instead of its generated text).
 */
export function GeneratedActivities(props: {
  generated: GeneratedSectionDto | null;
  draft: Draft;
  lang: Lang;
  onRole: (role: Role) => void;
  onToggle: (id: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const { generated, draft } = props;
  const activities = generated?.activities ?? [];
  // Activities the block already names that the section no longer lists (imported narrative) stay visible.
  const foreign = draft.activities.filter((id) => !activities.some((a) => a.id === id));
  return (
    <section className="generated-activities" aria-labelledby="generated-title">
      <fieldset className="block-role">
        <legend>{t('narrativeEditor.role.legend')}</legend>
        {(['introduces', 'replaces'] as const).map((r) => (
          <label key={r} className="check">
            <input
              type="radio"
              name="block-role"
              value={r}
              checked={draft.role === r}
              disabled={r === 'replaces' && activities.length === 0 && foreign.length === 0}
              onChange={() => props.onRole(r)}
            />{' '}
            {t(`narrativeEditor.role.${r}Explain`)}
          </label>
        ))}
      </fieldset>
      <h3 id="generated-title">{t('narrativeEditor.generated.title', { count: activities.length })}</h3>
      {generated === null ? (
        <p>{t('loading')}</p>
      ) : activities.length === 0 ? (
        <p>{t('narrativeEditor.generated.none')}</p>
      ) : (
        <ul className="generated-list">
          {activities.map((a) => (
            <GeneratedItem key={a.id} a={a} {...props} />
          ))}
        </ul>
      )}
      {foreign.length > 0 && draft.role === 'replaces' && (
        <ul className="generated-list">
          {foreign.map((id) => (
            <li key={id}>
              <label className="check">
                <input type="checkbox" checked onChange={(e) => props.onToggle(id, e.target.checked)} /> {id}
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GeneratedItem(props: {
  a: Activity;
  draft: Draft;
  lang: Lang;
  onToggle: (id: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const { a, draft, lang } = props;
  const by = replacedBy(a, draft);
  const title = `${a.title[lang]} (${a.institution})`;
  return (
    <li className={by ? 'replaced' : undefined} data-activity={a.id}>
      {draft.role === 'replaces' ? (
        <label className="check">
          <input
            type="checkbox"
            checked={draft.activities.includes(a.id)}
            onChange={(e) => props.onToggle(a.id, e.target.checked)}
          />{' '}
          <strong>{title}</strong>
        </label>
      ) : (
        <strong>{title}</strong>
      )}{' '}
      <Link to={`/${lang}/app/activities/${a.id}`}>{t('narrativeEditor.generated.record')}</Link>
      {by && <span className="badge">{t('narrativeEditor.generated.replacedBy', { id: by })}</span>}
      {!a.approved && <span className="badge draft">{t('narrativeEditor.generated.notApproved')}</span>}
      <p className="generated-text">{a.text[lang]}</p>
      {a.table && <GeneratedTableView table={a.table[lang]} />}
    </li>
  );
}
