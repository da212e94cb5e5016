import { useParams } from 'react-router';
import { isLang, type Lang } from '../../i18n/index.js';

/** The language of the current URL (/:lang/…), Spanish when absent. */
export function useLang(): Lang {
  const { lang } = useParams();
  return isLang(lang) ? lang : 'es';
}
