import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser tab says which page this is: "Actividades 2022 · nap1325". */
export function usePageTitle(title: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('appName')}` : `${t('appName')} — ${t('planName')}`;
  }, [title, t]);
}

/**
 * Every page's tab title follows its main heading ("Mapa por entidad federativa · nap1325"), also for
 * pages that do not call usePageTitle and headings that arrive with their data.
 */
export function useTitleFromHeading(): void {
  const { t } = useTranslation();
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const apply = () => {
      const h1 = main.querySelector('h1')?.textContent?.trim();
      if (h1) document.title = `${h1} · ${t('appName')}`;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [t]);
}
