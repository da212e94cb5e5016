import { useTranslation } from 'react-i18next';
import type { NarrativeOutlineDto } from '../../../../server/routes/report/narrative.schemas.js';
import type { Lang } from './draft.js';

/** The report's sections (pillar → goal → course of action); a pencil marks a section that has blocks. */
export function OutlineNav(props: {
  outline: NarrativeOutlineDto;
  section: string;
  lang: Lang;
  onChoose: (section: string) => void;
}) {
  const { t } = useTranslation();
  const { outline, section, lang } = props;
  return (
    <nav aria-label={t('narrativeEditor.outline')} className="narrative-outline">
      <h2>{t('narrativeEditor.outline')}</h2>
      <ul>
        {outline.sections.map((s) => (
          <li key={s.section} className={`level-${s.level}`}>
            <button
              type="button"
              aria-current={s.section === section ? 'true' : undefined}
              onClick={() => props.onChoose(s.section)}
            >
              {s.level === 'coa' || s.level === 'goal' || s.level === 'pillar' ? `${s.section.split(':')[1]} ` : ''}
              {s.title[lang].length > 90 ? `${s.title[lang].slice(0, 88).trimEnd()}…` : s.title[lang]}
              {outline.blocks.some((b) => b.section === s.section) ? ' ✎' : ''}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
