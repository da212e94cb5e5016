import { useCallback, useEffect, useState } from 'react';
import type {
  GeneratedSectionDto,
  NarrativeOutlineDto,
  NarrativePreviewDto,
} from '../../../../server/routes/report/narrative.schemas.js';
import type { PlanFile } from '../../../../core/schemas/plan.schema.js';
import { api } from '../../../api/client.js';
import type { Draft, Lang } from './draft.js';

const previewUrl = (period: number) => `/api/reports/${period}/narrative/preview`;

/**
 * What the narrative editor reads: the outline with its blocks, the plan (for the figure picker), the
 * section's generated text, and the edited block's preview, which follows the text a moment after typing stops.
 */
export function useNarrativeData(period: number, lang: Lang, section: string, draft: Draft) {
  const [outline, setOutline] = useState<NarrativeOutlineDto | null>(null);
  const [plan, setPlan] = useState<PlanFile | null>(null);
  const [generated, setGenerated] = useState<GeneratedSectionDto | null>(null);
  const [preview, setPreview] = useState<NarrativePreviewDto | null>(null);
  const load = useCallback(
    () => api<NarrativeOutlineDto>(`/api/reports/${period}/narrative`, { lang }).then(setOutline),
    [period, lang],
  );
  useEffect(() => {
    void load();
    void api<PlanFile>('/api/plan').then(setPlan);
  }, [load]);

  // Once per section, and again after a save or a move (another block may now cover an activity).
  useEffect(() => {
    setGenerated(null);
    let live = true;
    void api<NarrativePreviewDto>(previewUrl(period), {
      method: 'POST',
      body: { text: { es: '', en: '' }, figures: {}, section },
      lang,
    }).then((p) => live && setGenerated(p.section));
    return () => {
      live = false;
    };
  }, [section, period, lang, outline]);

  useEffect(() => {
    const timer = setTimeout(() => {
      void api<NarrativePreviewDto>(previewUrl(period), {
        method: 'POST',
        body: { text: draft.text, figures: draft.figures },
        lang,
      })
        .then(setPreview)
        .catch(() => setPreview(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [draft.text, draft.figures, period, lang]);

  return { outline, load, plan, generated, preview };
}
