import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeReportDocument } from '../../../test/report-fixture.js';
import type { Block, Figure, ReportDocument } from '../../core/report/document.js';
import { renderDocx } from './render-docx.js';
import { readZip } from '../../../test/zip.js';
import { DRAFT_WORDS } from '../draft-words.js';

/** A valid 2×2 RGB PNG. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const pixels = Buffer.from([0, 200, 30, 30, 30, 30, 200, 0, 30, 200, 30, 240, 240, 240]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every figure of the document, wherever it sits. */
function figuresOf(doc: ReportDocument): Figure[] {
  const ofBlock = (b: Block): (Figure | null)[] => {
    switch (b.kind) {
      case 'paragraph':
        return b.parts.map((p) => (p.kind === 'figure' ? p.figure : null));
      case 'table':
        return [...b.rows.flat(), ...(b.total ?? [])].map((c) => (c.kind === 'figure' ? c.figure : null));
      case 'callout':
        return [b.figure];
      case 'indicator':
        return [b.figure];
      case 'map':
        return b.data.map((d) => d.figure);
      default:
        return [];
    }
  };
  return [...doc.body.flatMap(ofBlock), ...doc.indicators.map((i) => i.figure)].filter((f) => f !== null);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** The text of a part, as Word shows it: the text of its runs, joined, entities decoded. */
const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ENTITIES[e]!))
    .join('');

async function render(lang: 'es' | 'en', images = {}) {
  const doc = makeReportDocument(lang);
  const files = readZip(await renderDocx(doc, { images }));
  const part = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const headers = [...files.keys()].filter((n) => /^word\/header\d*\.xml$/.test(n)).map(part);
  const footers = [...files.keys()].filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(part);
  return { doc, files, xml: part('word/document.xml'), headers, footers };
}

describe('renderDocx', () => {
  it.each(['es', 'en'] as const)('renders every part of the report in %s', async (lang) => {
    const { doc, files, xml, headers, footers } = await render(lang);
    const text = textOf(xml);
    expect(files.has('[Content_Types].xml')).toBe(true);
    const styles = files.get('word/styles.xml')!.toString();
    for (const id of ['Normal', 'Heading1', 'Heading2', 'Heading3', 'ReportTable', 'NoteRef', 'TOC1']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }

    // Cover, draft mark, contents field.
    expect(text).toContain(doc.planTitle);
    expect(text).toContain(doc.title);
    expect(text).toContain(doc.labels.draft);
    expect(text).toContain(DRAFT_WORDS[lang].explain(doc.period));
    expect(headers.map(textOf).join(' ')).toContain(`${doc.title} · ${DRAFT_WORDS[lang].short}`);
    for (const inst of doc.institutions) expect(text).toContain(inst.acronym + '  ' + inst.name);
    expect(xml).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(files.get('word/settings.xml')?.toString()).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);

    // Headings with their numbers, lead in italics.
    expect(text).toContain(lang === 'es' ? '1 Prevención' : '1 Prevention');
    expect(text).toContain(lang === 'es' ? '2.1 Línea de acción 1' : '2.1 Course of action 1');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
    expect(xml).toContain('<w:pStyle w:val="Lead"/>');

    // Every figure, followed by its note number linking to the note's bookmark.
    for (const f of figuresOf(doc)) {
      expect(text).toContain(`${f.text}[${f.note}]`);
      expect(xml).toContain(`w:anchor="note_${f.note}"`);
    }
    // Every note in the annex, short: its bookmark, what it counts, its value and how many records (the
    // formula and record ids are in the provenance companion, not in the document).
    const annex = xml.slice(xml.lastIndexOf(doc.labels.sourceNotes));
    expect(textOf(annex)).toContain(doc.notesIntro[0]);
    for (const note of doc.notes) {
      expect(annex).toMatch(new RegExp(`<w:bookmarkStart w:name="note_${note.n}" w:id="\\d+"/>`));
      const records = note.recordCount === 1 ? doc.labels.record : doc.labels.records.toLowerCase();
      expect(textOf(annex)).toContain(
        `[${note.n}]  ${note.description}: ${note.text} (${note.recordCount} ${records})`,
      );
      expect(textOf(annex)).not.toContain(note.formula);
    }

    // Text is text: the script tag is escaped, never markup.
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    expect(xml).not.toContain('<script>');

    // Table: header repeated, total bold, source line.
    const table = doc.body.find((b) => b.kind === 'table')!;
    for (const c of table.columns) expect(text).toContain(c.label);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:b\/>(?:(?!<w:t[ >]).)*<w:t[^>]*>Total<\/w:t>/s);
    expect(text).toContain(`${doc.labels.source}: ${table.source}`);
    expect(xml).toContain('<w:jc w:val="right"/>');

    // Callout, indicator box with its status label, map table, note on the data, annexes.
    expect(text).toContain(lang === 'es' ? 'REDES' : 'NETWORKS');
    expect(text).toContain(lang === 'es' ? 'Cumplida' : 'Met');
    expect(text).toContain(doc.labels.reported + '40%');
    expect(text).toContain(lang === 'es' ? '2,789.1' : '2,789.1');
    expect(text).toContain(doc.labels.per100k);
    expect(text).toContain(lang === 'es' ? 'los registros dan 630' : 'the records give 630');
    expect(xml).toContain('<w:pStyle w:val="DataNote"/>');
    for (const label of [doc.labels.indicatorsAnnex, doc.labels.methodology, doc.labels.checker]) {
      expect(text).toContain(label);
    }
    expect(text).toContain(lang === 'es' ? 'Sin datos' : 'No data');

    // Running header and "Page N of M" footer.
    expect(headers.map(textOf).join('')).toContain(doc.title);
    const footer = footers.join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(footers.map(textOf).join('')).toContain(lang === 'es' ? 'Página  de ' : 'Page  of ');
    // No map image unless one is given.
    expect([...files.keys()].some((n) => n.startsWith('word/media/'))).toBe(false);
  });

  it('embeds the map image when one is given', async () => {
    const { files, xml } = await render('en', { 'map-6.1': { png: tinyPng(), width: 1200, height: 800 } });
    const media = [...files.keys()].filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(files.get(media[0]!)!.subarray(1, 4).toString()).toBe('PNG');
    expect(xml).toContain('<pic:pic');
    expect(files.get('[Content_Types].xml')!.toString()).toContain('image/png');
  });

  it('leaves out the draft mark once the report is published', async () => {
    const doc = { ...makeReportDocument('en'), status: 'published' as const };
    const files = readZip(await renderDocx(doc, {}));
    const xml = files.get('word/document.xml')!.toString();
    expect(textOf(xml)).not.toContain('DRAFT');
  });

  it('drops characters XML cannot hold and leaves page numbers to Word unless asked to estimate them', async () => {
    const base = makeReportDocument('en');
    const doc: ReportDocument = {
      ...base,
      body: [{ kind: 'paragraph', id: 'p', label: null, parts: [{ kind: 'text', text: 'a\u0001b\u000Bc' }] }],
    };
    const files = readZip(await renderDocx(doc));
    const xml = files.get('word/document.xml')!.toString();
    expect(textOf(xml)).toContain('abc');
    expect(xml.includes('\u0001') || xml.includes('\u000B')).toBe(false);
    // Word updates the fields (contents, page count) when it opens the file.
    expect(files.get('word/settings.xml')!.toString()).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
    // The contents still list every heading, linked to it.
    expect(xml).toMatch(/TOC \\h \\o/);
    const estimated = readZip(await renderDocx(doc, { estimatePages: true }))
      .get('word/document.xml')!
      .toString();
    expect(estimated).toMatch(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>\d+</);
    expect(xml).not.toMatch(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t/);
  });
});
