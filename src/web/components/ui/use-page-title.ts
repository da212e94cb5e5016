import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser tab says which page this is: "Actividades 2022 · nap1325". */
export function usePageTitle(title: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('appName')}` : `${t('appName')} — ${t('planName')}`;
  }, [title, t]);
}
