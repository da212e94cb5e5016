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
