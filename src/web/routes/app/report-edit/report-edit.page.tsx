import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  NarrativeOutlineDto,
  NarrativePreviewDto,
  StoredBlockDto,
} from '../../../../server/routes/report/narrative.schemas.js';
import type { PlanFile } from '../../../../core/schemas/plan.schema.js';
import { ACTIVITY_KINDS } from '../../../../core/model/kinds.js';
import { api, ApiError } from '../../../api/client.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { buildFigureExpression, nextFigureName, type FigureChoice } from './figure-expression.js';

type Lang = 'es' | 'en';
const LANGS: readonly Lang[] = ['es', 'en'];
const MEASURES = ['total', 'women', 'men', 'notRecorded', 'quantity', 'count'] as const;

interface Draft {
  id: string;
  version: number;
  text: Record<Lang, string>;
  figures: Record<string, string>;
}

const blankDraft = (section: string, n: number): Draft => ({
  id: `${section.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${Date.now().toString(36)}${n}`,
  version: 0,
  text: { es: '', en: '' },
  figures: {},
});
const fromBlock = (b: StoredBlockDto): Draft => ({
  id: b.id,
  version: b.version,
  text: { ...b.text },
  figures: { ...b.figures },
});

/** The coordinator's narrative editor of one period's report (issue 9 §2). */
export function ReportEditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const period = Number(useParams().period);
  const [outline, setOutline] = useState<NarrativeOutlineDto | null>(null);
  const [plan, setPlan] = useState<PlanFile | null>(null);
  const [section, setSection] = useState('front');
  const [draft, setDraft] = useState<Draft>(blankDraft('front', 0));
  const [preview, setPreview] = useState<NarrativePreviewDto | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; problems?: string[] } | null>(null);
  const [choice, setChoice] = useState<FigureChoice>({
    measure: 'total',
    institution: '',
    kind: '',
    coa: '',
    place: '',
  });
  const [candidate, setCandidate] = useState<NarrativePreviewDto['figures'][string] | null>(null);
  const focused = useRef<Lang>('es');
  const areas = { es: useRef<HTMLTextAreaElement>(null), en: useRef<HTMLTextAreaElement>(null) };

  const load = useCallback(
    () => api<NarrativeOutlineDto>(`/api/reports/${period}/narrative`, { lang }).then(setOutline),
    [period, lang],
  );
  useEffect(() => {
    void load();
    void api<PlanFile>('/api/plan').then(setPlan);
  }, [load]);

  const current = outline?.sections.find((s) => s.section === section);
  const blocks = outline?.blocks.filter((b) => b.section === section) ?? [];

  const choose = (s: string) => {
    setSection(s);
    const first = outline?.blocks.find((b) => b.section === s);
    setDraft(first ? fromBlock(first) : blankDraft(s, 0));
    setCandidate(null);
    setMessage(null);
  };

  // The preview follows the text, a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => {
      void api<NarrativePreviewDto>(`/api/reports/${period}/narrative/preview`, {
        method: 'POST',
        body: { text: draft.text, figures: draft.figures },
        lang,
      })
        .then(setPreview)
        .catch(() => setPreview(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [draft.text, draft.figures, period, lang]);

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

  const insertAt = (target: Lang, name: string) => {
    const area = areas[target].current;
    const text = draft.text[target];
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    const next = `${text.slice(0, start)}{${name}}${text.slice(end)}`;
    setDraft((d) => ({ ...d, text: { ...d.text, [target]: next } }));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + name.length + 2, start + name.length + 2);
    });
  };

  const insertFigure = () => {
    const existing = Object.entries(draft.figures).find(([, e]) => e === expression)?.[0];
    const name = existing ?? nextFigureName(draft.figures);
    setDraft((d) => ({ ...d, figures: { ...d.figures, [name]: expression } }));
    insertAt(focused.current, name);
  };

  const save = () => {
    setMessage(null);
    api<StoredBlockDto>(`/api/reports/${period}/narrative/${draft.id}`, {
      method: 'PUT',
      body: {
        section,
        order: blocks.find((b) => b.id === draft.id)?.order ?? blocks.length,
        text: draft.text,
        figures: draft.figures,
        version: draft.version,
      },
      lang,
    })
      .then((saved) => {
        setDraft(fromBlock(saved));
        setMessage({ ok: true, text: t('narrativeEditor.saved', { version: saved.version }) });
        void load();
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError)
          setMessage({
            ok: false,
            text: err.message,
            problems: (err.problems as { field: string | null; message: Record<Lang, string> }[]).map(
              (p) => `${p.field ?? ''}: ${p.message[lang]}`,
            ),
          });
        else setMessage({ ok: false, text: t('errorGeneric') });
      });
  };

  if (!outline) return <p>{t('loading')}</p>;
  const coas = outline.sections.filter((s) => s.level === 'coa');
  const states = plan?.places.filter((p) => p.kind === 'state') ?? [];

  return (
    <>
      <h1>{t('narrativeEditor.title', { period })}</h1>
      <p>{t('narrativeEditor.intro')}</p>
      <p>
        <Link to={`/${lang}/app/report`}>{t('narrativeEditor.back')}</Link>
      </p>
      <div className="narrative-editor">
        <nav aria-label={t('narrativeEditor.outline')} className="narrative-outline">
          <h2>{t('narrativeEditor.outline')}</h2>
          <ul>
            {outline.sections.map((s) => (
              <li key={s.section} className={`level-${s.level}`}>
                <button
                  type="button"
                  aria-current={s.section === section ? 'true' : undefined}
                  onClick={() => choose(s.section)}
                >
                  {s.level === 'coa' || s.level === 'goal' || s.level === 'pillar' ? `${s.section.split(':')[1]} ` : ''}
                  {s.title[lang].length > 90 ? `${s.title[lang].slice(0, 88).trimEnd()}…` : s.title[lang]}
                  {outline.blocks.some((b) => b.section === s.section) ? ' ✎' : ''}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className="narrative-section" aria-labelledby="section-title">
          <h2 id="section-title">{current?.title[lang]}</h2>
          {current && current.activities.length > 0 && (
            <details>
              <summary>{t('narrativeEditor.activities', { count: current.activities.length })}</summary>
              <ul>
                {current.activities.map((a) => (
                  <li key={a.id}>
                    <Link to={`/${lang}/app/activities/${a.id}`}>{a.title[lang]}</Link> ({a.institution})
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p>{t('narrativeEditor.generatedNote')}</p>
          <label>
            {t('narrativeEditor.block')}{' '}
            <select
              value={draft.id}
              onChange={(e) => {
                const b = blocks.find((x) => x.id === e.target.value);
                setDraft(b ? fromBlock(b) : blankDraft(section, blocks.length));
              }}
            >
              {blocks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.id} (v{b.version})
                </option>
              ))}
              {draft.version === 0 && <option value={draft.id}>{t('narrativeEditor.newBlock')}</option>}
            </select>
          </label>{' '}
          <button type="button" onClick={() => setDraft(blankDraft(section, blocks.length))}>
            {t('narrativeEditor.addBlock')}
          </button>
          <div className="narrative-langs">
            {LANGS.map((l) => (
              <div key={l}>
                <label htmlFor={`narrative-${l}`}>{t(`narrativeEditor.text.${l}`)}</label>
                <textarea
                  id={`narrative-${l}`}
                  ref={areas[l]}
                  rows={8}
                  value={draft.text[l]}
                  onFocus={() => (focused.current = l)}
                  onChange={(e) => {
                    setMessage(null);
                    setDraft((d) => ({ ...d, text: { ...d.text, [l]: e.target.value } }));
                  }}
                />
                {preview && preview.text[l].typedNumbers.length > 0 && (
                  <span className="warning" role="note">
                    {t('narrativeEditor.typedNumbers', { numbers: preview.text[l].typedNumbers.join(', ') })}
                  </span>
                )}
              </div>
            ))}
          </div>
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
            <label>
              {t('narrativeEditor.picker.institution')}
              <select
                value={choice.institution}
                onChange={(e) => setChoice({ ...choice, institution: e.target.value })}
              >
                <option value="">{t('narrativeEditor.picker.any')}</option>
                {plan?.institutions.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.acronym}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('narrativeEditor.picker.kind')}
              <select value={choice.kind} onChange={(e) => setChoice({ ...choice, kind: e.target.value })}>
                <option value="">{t('narrativeEditor.picker.any')}</option>
                {ACTIVITY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`public.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('narrativeEditor.picker.coa')}
              <select value={choice.coa} onChange={(e) => setChoice({ ...choice, coa: e.target.value })}>
                <option value="">{t('narrativeEditor.picker.any')}</option>
                {coas.map((c) => (
                  <option key={c.section} value={c.section.slice(4)}>
                    {c.section.slice(4)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('narrativeEditor.picker.place')}
              <select value={choice.place} onChange={(e) => setChoice({ ...choice, place: e.target.value })}>
                <option value="">{t('narrativeEditor.picker.any')}</option>
                {states.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name[lang]}
                  </option>
                ))}
              </select>
            </label>
            <p>
              <code>{expression}</code>
            </p>
            <p role="status" data-testid="figure-value">
              {candidate?.error
                ? candidate.error[lang]
                : candidate?.text
                  ? t('narrativeEditor.picker.value', { value: candidate.text[lang], count: candidate.recordCount })
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
            <button type="button" onClick={insertFigure} disabled={!candidate || candidate.error !== null}>
              {t('narrativeEditor.picker.insert')}
            </button>
          </fieldset>
          {Object.keys(draft.figures).length > 0 && (
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
                        <button key={l} type="button" onClick={() => insertAt(l, name)}>
                          {t(`narrativeEditor.insertIn.${l}`)}
                        </button>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('narrativeEditor.preview')}</h3>
          <div className="narrative-langs" data-testid="preview">
            {LANGS.map((l) => (
              <article key={l} lang={l} className="panel report-preview">
                <h4>{t(`narrativeEditor.text.${l}`)}</h4>
                {preview?.text[l].missing ? (
                  <p className="error">{t('narrativeEditor.missing')}</p>
                ) : (
                  <p>
                    {preview?.text[l].parts.map((p, i) =>
                      p.kind === 'text' ? (
                        <span key={i}>{p.text}</span>
                      ) : p.kind === 'figure' ? (
                        <strong key={i} title={draft.figures[p.name]}>
                          {p.text}
                        </strong>
                      ) : (
                        <mark key={i}>{t('narrativeEditor.unknownFigure', { name: p.name })}</mark>
                      ),
                    )}
                  </p>
                )}
              </article>
            ))}
          </div>
          <p>
            <button className="primary" type="button" onClick={save}>
              {t('narrativeEditor.save')}
            </button>{' '}
            <a href={`/api/reports/${period}/draft?lang=${lang}&format=html`} target="_blank" rel="noreferrer">
              {t('narrativeEditor.draft')}
            </a>
          </p>
          {message && (
            <div className={message.ok ? undefined : 'error'} role={message.ok ? 'status' : 'alert'}>
              <p>{message.text}</p>
              {message.problems && (
                <ul>
                  {message.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>
      </div>
    </>
  );
}
