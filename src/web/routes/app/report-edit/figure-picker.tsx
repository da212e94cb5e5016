import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NarrativePreviewDto } from '../../../../server/routes/report/narrative.schemas.js';
import type { PlanFile } from '../../../../core/schemas/plan.schema.js';
import { ACTIVITY_KINDS } from '../../../../core/model/kinds.js';
import { api } from '../../../api/client.js';
import { buildFigureExpression, type FigureChoice } from './figure-expression.js';
import type { Lang } from './draft.js';

const MEASURES = ['total', 'women', 'men', 'notRecorded', 'quantity', 'count'] as const;

/** Picks a figure (measure, institution, kind, course of action, place), shows its current value and records, and inserts it. */
export function FigurePicker(props: {
  period: number;
  lang: Lang;
  plan: PlanFile | null;
  coas: readonly string[];
  onInsert: (expression: string) => void;
}) {
  const { t } = useTranslation();
  const { period, lang, plan } = props;
  const [choice, setChoice] = useState<FigureChoice>({
    measure: 'total',
    institution: '',
    kind: '',
    coa: '',
    place: '',
  });
  const [candidate, setCandidate] = useState<NarrativePreviewDto['figures'][string] | null>(null);
  const expression = buildFigureExpression(choice);
  useEffect(() => {
    setCandidate(null);
    const timer = setTimeout(() => {
      void api<NarrativePreviewDto>(`/api/reports/${period}/narrative/preview`, {
        method: 'POST',
        body: { text: { es: '', en: '' }, figures: { candidate: expression } },
        lang,
      }).then((p) => setCandidate(p.figures.candidate ?? null));
    }, 200);
    return () => clearTimeout(timer);
  }, [expression, period, lang]);

  const select = (key: Exclude<keyof FigureChoice, 'measure'>, label: string, options: [string, string][]) => (
    <label>
      {label}
      <select value={choice[key]} onChange={(e) => setChoice({ ...choice, [key]: e.target.value })}>
        <option value="">{t('narrativeEditor.picker.any')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const states = plan?.places.filter((p) => p.kind === 'state') ?? [];
  return (
    <fieldset className="figure-picker">
      <legend>{t('narrativeEditor.picker.title')}</legend>
      <label>
        {t('narrativeEditor.picker.measure')}
        <select
          value={choice.measure}
          onChange={(e) => setChoice({ ...choice, measure: e.target.value as FigureChoice['measure'] })}
        >
          {MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`narrativeEditor.picker.measures.${m}`)}
            </option>
          ))}
        </select>
      </label>
      {select(
        'institution',
        t('narrativeEditor.picker.institution'),
        (plan?.institutions ?? []).map((i) => [i.code, i.acronym]),
      )}
      {select(
        'kind',
        t('narrativeEditor.picker.kind'),
        ACTIVITY_KINDS.map((k) => [k, t(`public.kinds.${k}`)]),
      )}
      {select(
        'coa',
        t('narrativeEditor.picker.coa'),
        props.coas.map((c) => [c, c]),
      )}
      {select(
        'place',
        t('narrativeEditor.picker.place'),
        states.map((p) => [p.code, p.name[lang]]),
      )}
      <p>
        <code>{expression}</code>
      </p>
      <p role="status" data-testid="figure-value">
        {candidate?.error
          ? candidate.error[lang]
          : candidate?.text
            ? t('narrativeEditor.picker.currentValue', { value: candidate.text[lang], count: candidate.recordCount })
            : '…'}
      </p>
      {candidate && candidate.recordIds.length > 0 && (
        <details>
          <summary>{t('narrativeEditor.picker.records')}</summary>
          <ul>
            {candidate.recordIds.map((id) => (
              <li key={id}>
                <Link to={`/${lang}/app/activities/${id}`}>{id}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
      <button
        type="button"
        onClick={() => props.onInsert(expression)}
        disabled={!candidate || candidate.error !== null}
      >
        {t('narrativeEditor.picker.insert')}
      </button>
    </fieldset>
  );
}
