/**
 * What a draft report says about itself, in each language: that its figures are not published and may change, and
 * how the final copy is made (the coordinator publishes the period). Used by the HTML, PDF and DOCX renderers.
 */
import type { Lang } from '../core/model/kinds.js';

export interface DraftWords {
  /** Running header, beside the title on every page. */
  short: string;
  /** Under the DRAFT mark on the cover and in the web page's strip. */
  explain: (year: number) => string;
}

export const DRAFT_WORDS: Record<Lang, DraftWords> = {
  es: {
    short: 'BORRADOR · sin publicar',
    explain: (year) =>
      `Borrador de trabajo: contiene los datos actuales de todas las instituciones, aún sin aprobar ni publicar, ` +
      `y sus cifras pueden cambiar. No es la versión oficial. La versión final se obtiene al publicar el periodo ` +
      `${year}: en Informes, «Publicar una nueva versión», o «nap1325 publish --period ${year}».`,
  },
  en: {
    short: 'DRAFT · not published',
    explain: (year) =>
      `Working draft: it holds every institution’s current data, not yet approved or published, and its figures ` +
      `may change. It is not the official version. The final copy is made by publishing the ${year} period: in ` +
      `Reports, “Publish a new version”, or “nap1325 publish --period ${year}”.`,
  },
};
