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
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="currentColor" className="bell-icon">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
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
