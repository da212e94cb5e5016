import { crc32, deflateRawSync } from 'node:zlib';
import { Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../xlsx/hostile-zips.fixture.js';
import { readDocument } from './read-document.js';

const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });

describe('readDocument', () => {
  it('reads a Word document in order: headings marked, line breaks kept, tables as cells, pages counted', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: 'GOAL 1', heading: HeadingLevel.HEADING_1 }),
              new Paragraph({ children: [new TextRun('623'), new TextRun({ text: 'NETWORKS', break: 1 })] }),
              new Table({
                rows: [
                  new TableRow({ children: [cell('Women'), cell('Men')] }),
                  new TableRow({ children: [cell('1 & 2'), cell('3')] }),
                ],
              }),
              new Paragraph({ children: [new PageBreak(), new TextRun('Second page <p>')] }),
            ],
          },
        ],
      }),
    );
    const doc = await readDocument('draft.docx', bytes);
    expect(doc.lines.filter((l) => l.text !== '')).toEqual([
      { text: 'GOAL 1', page: 1, line: 1, heading: true },
      { text: '623', page: 1, line: 2 },
      { text: 'NETWORKS', page: 1, line: 2 },
      { text: 'Women\tMen', page: 1, line: 3 },
      { text: '1 & 2\t3', page: 1, line: 4 },
      { text: 'Second page <p>', page: 2, line: 5 },
    ]);
  });

  it('reads Markdown: headings, tables and list markers', async () => {
    const doc = await readDocument('a.md', Buffer.from('# Title\n\n| Women | Men |\n|---|---|\n| 1 | 2 |\n\n* item\n'));
    expect(doc.lines.map((l) => [l.text, l.heading ?? false])).toEqual([
      ['Title', true],
      ['', false],
      ['Women\tMen', false],
      ['', false],
      ['1\t2', false],
      ['', false],
      ['- item', false],
      ['', false],
    ]);
  });

  it('refuses by name: a zip bomb that lies about its size, an entity bomb, a damaged file, a wrong type', async () => {
    const huge = Buffer.alloc(30 * 1024 * 1024, 0x61);
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      {
        name: 'word/document.xml',
        data: Buffer.alloc(0),
        raw: { bytes: deflateRawSync(huge), size: 1000, crc: crc32(huge) },
      },
    ]);
    await expect(readDocument('bomb.docx', bomb)).rejects.toThrow(
      'bomb.docx: the unpacked document is too large (possible zip bomb)',
    );
    const entities = buildZip([
      {
        name: 'word/document.xml',
        data: Buffer.from('<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document><w:body/></w:document>'),
      },
    ]);
    await expect(readDocument('e.docx', entities)).rejects.toThrow('declares XML entities');
    await expect(readDocument('d.docx', Buffer.from('PK\u0003\u0004 broken'))).rejects.toThrow(
      'not a readable Word document',
    );
    await expect(readDocument('x.odt', Buffer.from('x'))).rejects.toThrow('unsupported file type');
    await expect(readDocument('big.txt', Buffer.alloc(10 * 1024 * 1024 + 1))).rejects.toThrow('the maximum is');
  });
});
