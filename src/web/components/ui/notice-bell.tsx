import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { listNotices, markRead, type NoticeList } from '../../features/notices/notice-api.js';
import { formatDateTime } from './format.js';
import { useLang } from './use-lang.js';

const POLL_MS = 60_000;

/** The bell in the header: unread notices (returned, approved, reopened, deadlines) and the latest of them. */
export function NoticeBell() {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const [list, setList] = useState<NoticeList | null>(null);
  const [open, setOpen] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const refresh = useCallback(() => {
    listNotices(lang)
      .then(setList)
      .catch(() => undefined);
  }, [lang]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, location.pathname]);
  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [open]);

  const unread = list?.unread ?? 0;
  const readAll = () => {
    void markRead('all', lang).then(() => refresh());
  };
  return (
    <div className="bell">
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="notice-panel"
        aria-label={t('notices.label', { count: unread })}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div id="notice-panel" className="bell-panel" ref={panelRef} role="region" aria-label={t('notices.title')}>
          <div className="bell-head">
            <strong>{t('notices.title')}</strong>
            {unread > 0 && (
              <button type="button" className="secondary small" onClick={readAll}>
                {t('notices.readAll')}
              </button>
            )}
          </div>
          {list === null || list.items.length === 0 ? (
            <p className="muted">{t('notices.none')}</p>
          ) : (
            <ul>
              {list.items.slice(0, 10).map((n) => (
                <li key={n.id} className={n.read ? 'read' : 'unread'}>
                  <Link
                    to={`/${lang}${n.link}`}
                    onClick={() => {
                      setOpen(false);
                      if (!n.read) void markRead([n.id], lang).then(() => refresh());
                    }}
                  >
                    {n.title[lang]}
                  </Link>
                  <p className="small">{n.body[lang]}</p>
                  <time className="muted small" dateTime={n.createdAt}>
                    {formatDateTime(n.createdAt, lang)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
