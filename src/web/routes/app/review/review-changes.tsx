import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/ui/format.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { usePlaceCatalogue } from '../../../features/data/places/load-places.js';
import { placeLabel } from '../../../features/data/places/places.js';
import { describeValue } from '../../../features/reporting/submissions/change-values.js';
import { getChanges, type SubmissionChanges } from '../../../features/reporting/submissions/submission-api.js';
import { formatNumber } from '../../../i18n/index.js';
import { fieldLabel } from '../activity/field-labels.js';
import { DataTable } from '../../../components/ui/data-table.js';

/** For a resubmission: what changed since the coordination returned it — new, edited (field by field), deleted. */
export function ReviewChanges({ institution, period }: { institution: string; period: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const places = usePlaceCatalogue();
  const [changes, setChanges] = useState<SubmissionChanges | null>(null);
  useEffect(() => {
    let live = true;
    getChanges(institution, period, lang)
      .then((c) => live && setChanges(c))
      .catch(() => live && setChanges(null));
    return () => {
      live = false;
    };
  }, [institution, period, lang]);
  if (changes === null || changes.since === null) return null;
  const names = {
    place: (c: string) => placeLabel(c, places, lang),
    kind: (k: string) => t(`app.kinds.${k}`, { defaultValue: k }),
    number: (n: number) => formatNumber(n, lang, 2),
  };
  const link = (r: { id: string; title: { es: string; en: string } }) => (
    <Link to={`/${lang}/app/activities/${encodeURIComponent(r.id)}`}>{r.title[lang]}</Link>
  );
  const nothing = changes.added.length + changes.changed.length + changes.removed.length === 0;
  return (
    <section className="review-changes" aria-labelledby="changes-title">
      <h3 id="changes-title">{t('app.changes.title', { at: formatDateTime(changes.since, lang) })}</h3>
      {nothing ? (
        <p className="warn">{t('app.changes.nothing')}</p>
      ) : (
        <p>
          {t('app.changes.summary', {
            added: t('app.changes.added', { count: changes.added.length }),
            changed: t('app.changes.changed', { count: changes.changed.length }),
            removed: t('app.changes.removed', { count: changes.removed.length }),
          })}
        </p>
      )}
      {changes.added.length > 0 && (
        <>
          <h4>{t('app.changes.addedTitle')}</h4>
          <ul className="change-list change-added">
            {changes.added.map((r) => (
              <li key={r.id}>{link(r)}</li>
            ))}
          </ul>
        </>
      )}
      {changes.changed.map((r) => (
        <div key={r.id} className="change-record">
          <h4>
            {t('app.changes.editedTitle')}: {link(r)}
          </h4>
          <DataTable
            label={r.title[lang]}
            columns={[
              { label: t('app.history.field') },
              { label: t('app.history.before') },
              { label: t('app.history.after') },
            ]}
            className="diff"
          >
            {r.fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{fieldLabel(t, f.field)}</th>
                <td className="before">{describeValue(f.field, f.before, lang, names)}</td>
                <td className="after">{describeValue(f.field, f.after, lang, names)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      ))}
      {changes.removed.length > 0 && (
        <>
          <h4>{t('app.changes.removedTitle')}</h4>
          <ul className="change-list change-removed">
            {changes.removed.map((r) => (
              <li key={r.id}>{r.title[lang]}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
