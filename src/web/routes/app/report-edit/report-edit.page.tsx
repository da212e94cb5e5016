import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  NarrativeOrderBody,
  NarrativeOrderDto,
  NarrativeSaveBody,
  StoredBlockDto,
} from '../../../../server/routes/report/narrative.schemas.js';
import { api } from '../../../api/client.js';
import { useLang } from '../../../components/ui/use-lang.js';
import { nextFigureName } from './figure-expression.js';
import { blankDraft, fromBlock, moved, saveBody, type Draft, type Lang } from './draft.js';
import { OutlineNav } from './outline-nav.js';
import { BlockList } from './block-list.js';
import { GeneratedActivities } from './generated-activities.js';
import { BlockFigures, BlockTexts } from './block-texts.js';
import { FigurePicker } from './figure-picker.js';
import { SectionPreview, useBlockPreviews } from './section-preview.js';
import { useNarrativeData } from './use-narrative-data.js';
import { Message, SaveMessage } from './save-message.js';

const focusMove = (id: string, step: -1 | 1) =>
  (
    document.querySelector<HTMLButtonElement>(`[data-move="${id}:${step}"]:not(:disabled)`) ??
    document.querySelector<HTMLButtonElement>(`[data-move="${id}:${-step}"]`)
  )?.focus();

/** The coordinator's narrative editor of one period's report (issue 9 §2). */
export function ReportEditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const period = Number(useParams().period);
  const [section, setSection] = useState('front');
  const [draft, setDraft] = useState<Draft>(blankDraft('front', 0));
  const { outline, load, plan, generated, preview } = useNarrativeData(period, lang, section, draft);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const focused = useRef<Lang>('es');
  // After a move, the moved block's button takes the focus back, so the keyboard can move it again.
  const refocus = useRef<{ id: string; step: -1 | 1 } | null>(null);
  useEffect(() => {
    if (busy || !refocus.current) return;
    focusMove(refocus.current.id, refocus.current.step);
    refocus.current = null;
  });
  const areas = { es: useRef<HTMLTextAreaElement>(null), en: useRef<HTMLTextAreaElement>(null) };

  const current = outline?.sections.find((s) => s.section === section);
  const blocks = outline?.blocks.filter((b) => b.section === section) ?? [];
  const others = useBlockPreviews(
    period,
    lang,
    blocks.filter((b) => b.id !== draft.id),
  );

  const edit = (change: (d: Draft) => Draft) => {
    setMessage(null);
    setDraft(change);
  };
  const choose = (s: string) => {
    setSection(s);
    const first = outline?.blocks.find((b) => b.section === s);
    setDraft(first ? fromBlock(first) : blankDraft(s, 0));
    setMessage(null);
  };

  const insertAt = (target: Lang, name: string) => {
    const area = areas[target].current;
    const text = draft.text[target];
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    const next = `${text.slice(0, start)}{${name}}${text.slice(end)}`;
    edit((d) => ({ ...d, text: { ...d.text, [target]: next } }));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + name.length + 2, start + name.length + 2);
    });
  };
  const insertFigure = (expression: string) => {
    const existing = Object.entries(draft.figures).find(([, e]) => e === expression)?.[0];
    const name = existing ?? nextFigureName(draft.figures);
    edit((d) => ({ ...d, figures: { ...d.figures, [name]: expression } }));
    insertAt(focused.current, name);
  };

  const failed = (err: unknown) => setMessage(Message.of(err, t('errorGeneric'), lang));
  const save = () => {
    setMessage(null);
    const body: NarrativeSaveBody = saveBody(draft, section, blocks);
    api<StoredBlockDto>(`/api/reports/${period}/narrative/${draft.id}`, { method: 'PUT', body, lang })
      .then((saved) => {
        setDraft(fromBlock(saved));
        setMessage({ ok: true, text: t('narrativeEditor.saved', { version: saved.version }) });
        void load();
      })
      .catch(failed);
  };
  const move = (id: string, step: -1 | 1) => {
    const ids = moved(
      blocks.map((b) => b.id),
      id,
      step,
    );
    if (!ids) return;
    const body: NarrativeOrderBody = {
      section,
      blocks: ids.map((x) => ({ id: x, version: blocks.find((b) => b.id === x)!.version })),
    };
    setBusy(true);
    api<NarrativeOrderDto>(`/api/reports/${period}/narrative/order`, { method: 'POST', body, lang })
      .then((r) => {
        const mine = r.blocks.find((b) => b.id === draft.id);
        if (mine) setDraft((d) => ({ ...d, version: mine.version, order: mine.order }));
        setMessage({ ok: true, text: t('narrativeEditor.moved') });
        return load();
      })
      .catch(failed)
      .finally(() => {
        setBusy(false);
        refocus.current = { id, step };
      });
  };

  if (!outline) return <p>{t('loading')}</p>;
  return (
    <>
      <h1>{t('narrativeEditor.title', { period })}</h1>
      <p>{t('narrativeEditor.intro')}</p>
      <p>
        <Link to={`/${lang}/app/report`}>{t('narrativeEditor.back')}</Link>
      </p>
      <div className="narrative-editor">
        <OutlineNav outline={outline} section={section} lang={lang} onChoose={choose} />
        <section className="narrative-section" aria-labelledby="section-title">
          <h2 id="section-title">{current?.title[lang]}</h2>
          <p>{t('narrativeEditor.generatedNote')}</p>
          <BlockList
            blocks={blocks}
            draft={draft}
            busy={busy}
            onOpen={(b) => edit(() => fromBlock(b))}
            onMove={move}
            onAdd={() => edit(() => blankDraft(section, blocks.length))}
          />
          <h3>{t('narrativeEditor.editing', { id: draft.id })}</h3>
          <BlockTexts
            draft={draft}
            preview={preview}
            areas={areas}
            onFocus={(l) => (focused.current = l)}
            onChange={(l, text) => edit((d) => ({ ...d, text: { ...d.text, [l]: text } }))}
          />
          <GeneratedActivities
            generated={generated}
            draft={draft}
            lang={lang}
            onRole={(role) => edit((d) => ({ ...d, role }))}
            onToggle={(id, on) =>
              edit((d) => ({ ...d, activities: on ? [...d.activities, id] : d.activities.filter((x) => x !== id) }))
            }
          />
          <FigurePicker
            period={period}
            lang={lang}
            plan={plan}
            coas={outline.sections.filter((s) => s.level === 'coa').map((s) => s.section.slice(4))}
            onInsert={insertFigure}
          />
          <BlockFigures draft={draft} preview={preview} lang={lang} onInsert={insertAt} />
          <SectionPreview blocks={blocks} draft={draft} preview={preview} others={others} generated={generated} />
          <p>
            <button className="primary" type="button" onClick={save}>
              {t('narrativeEditor.save')}
            </button>{' '}
            <a href={`/api/reports/${period}/draft?lang=${lang}&format=html`} target="_blank" rel="noreferrer">
              {t('narrativeEditor.draft')}
            </a>
          </p>
          <SaveMessage message={message} />
        </section>
      </div>
    </>
  );
}
