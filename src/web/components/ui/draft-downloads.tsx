import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import { useLang } from './use-lang.js';
import { Table } from './data-table.js';

const FORMATS = ['html', 'pdf', 'docx'] as const;
const LANGS = ['es', 'en'] as const;

export type DraftFormat = (typeof FORMATS)[number];

/**
 * A draft to download: one row per language, one link per format (HTML opens in the browser, PDF and
 * DOCX download). `href` gives each file's address; the link reads "<download> (PDF, es)".
 */
export function DraftDownloads({
  languageLabel,
  downloadLabel,
  href,
  testId,
}: {
  languageLabel: string;
  downloadLabel: string;
  href: (format: DraftFormat, lang: (typeof LANGS)[number]) => string;
  testId?: string;
}) {
  return (
    <Table testId={testId} columns={[{ label: languageLabel }, ...FORMATS.map((f) => ({ label: f.toUpperCase() }))]}>
      {LANGS.map((l) => (
        <tr key={l}>
          <th scope="row">{l === 'es' ? 'Español' : 'English'}</th>
          {FORMATS.map((f) => (
            <td key={f}>
              <a href={href(f, l)} download={f !== 'html' ? '' : undefined}>
                {downloadLabel} ({f.toUpperCase()}, {l})
              </a>
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

/** The outcome of publishing: said as a status when it worked, as an alert when it did not. */
export interface PublishMessage {
  ok: boolean;
  text: string;
}

/**
 * Publishing a draft: an optional note, the button, and what came of it. The form POSTs `{ note }` (or
 * `{}`) to `path`; `published` words the answer, a refusal shows the server's message.
 */
export function PublishForm<T>({
  path,
  published,
  help,
  noteLabel,
  buttonLabel,
  busyLabel,
}: {
  path: string;
  published: (answer: T) => PublishMessage;
  help?: ReactNode;
  noteLabel: string;
  buttonLabel: string;
  busyLabel: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PublishMessage | null>(null);
  const publish = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const note = (new FormData(e.currentTarget).get('note') as string | null)?.trim() ?? '';
    setBusy(true);
    setMessage(null);
    api<T>(path, { method: 'POST', body: note ? { note } : {}, lang })
      .then((answer) => setMessage(published(answer)))
      .catch((err: unknown) =>
        setMessage({ ok: false, text: err instanceof ApiError ? err.message : t('errorGeneric') }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="stack" onSubmit={publish}>
      {help}
      <label>
        {noteLabel}
        <textarea name="note" rows={2} maxLength={2000} />
      </label>
      <button className="primary" type="submit" disabled={busy}>
        {busy ? busyLabel : buttonLabel}
      </button>
      {message && (
        <p className={message.ok ? undefined : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
