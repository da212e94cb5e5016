/** Dates as reports print them, in English and Spanish: "From May 23 to 27, 2022", "del 3 al 14 de octubre de 2022". */

const MONTHS_EN =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const MONTHS_ES = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const M = `(?:${MONTHS_EN}|${MONTHS_ES})`;
const D = '(?:[0-3]?\\d)(?:st|nd|rd|th|º|°)?';
const Y = '((?:19|20)\\d\\d)';

/** Date ranges: "January 17 to February 11", "May 16 to 18", "August 4-5", "15 to 16 Nov.", "del 26 al 30 de septiembre". */
const RANGES = [
  new RegExp(`\\b${M}\\s+${D}\\s*(?:to|through|until|-|–|al?)\\s*(?:${M}\\s+)?${D}\\b`, 'gi'),
  new RegExp(`\\b${D}\\s*(?:to|-|–)\\s*${D}\\s+(?:de\\s+)?${M}`, 'gi'),
  new RegExp(`\\bdel?\\s+${D}(?:\\s+de\\s+${M})?\\s+al?\\s+${D}\\s+de\\s+${M}`, 'gi'),
];

/** Spans of every date expression (so that their days and years are not taken for figures). */
const DATES = [
  ...RANGES,
  new RegExp(`\\b${M}\\s+${D}(?:,\\s*${Y})?\\b`, 'gi'),
  new RegExp(`\\b${D}\\s+(?:de\\s+)?${M}(?:\\s+(?:de\\s+|del\\s+)?${Y})?\\b`, 'gi'),
  new RegExp(`\\b${M}\\s+(?:de\\s+|del\\s+)?${Y}\\b`, 'gi'),
  new RegExp(`(?:,\\s*|\\bde\\s+)${Y}\\b`, 'gi'),
];

/** Character spans of the dates of a text. */
export function dateSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of DATES) for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The number of date ranges a sentence prints (each a span of days: an edition, a session). */
export function countRanges(text: string): number {
  const taken: [number, number][] = [];
  for (const re of RANGES)
    for (const m of text.matchAll(re)) {
      const span: [number, number] = [m.index, m.index + m[0].length];
      if (!taken.some(([s, e]) => span[0] < e && s < span[1])) taken.push(span);
    }
  return taken.length;
}

export interface DateMention {
  year: number;
  start: number;
  end: number;
  text: string;
}

/**
 * The dated events of a sentence: a full date with its year ("March 10, 2022", "17 de enero de 2022",
 * "May 18-19, 2022"), or a date opening the sentence ("In January 2023, …", "En 2022, …"). A year
 * mentioned in passing ("published in January 2021", "the 2021 annual report") is not an event.
 */
export function datedEvents(sentence: string): DateMention[] {
  const out: DateMention[] = [];
  const full = [
    new RegExp(`\\b${M}\\s+${D}(?:\\s*(?:to|-|–|and|y)\\s*(?:${M}\\s+)?${D})?,\\s*${Y}\\b`, 'gi'),
    new RegExp(`\\b${D}\\s+(?:de\\s+)?${M}\\.?,?\\s+(?:de\\s+|del\\s+)?${Y}\\b`, 'gi'),
  ];
  for (const re of full)
    for (const m of sentence.matchAll(re)) {
      const year = Number(m[1]);
      if (!out.some((o) => m.index < o.end && o.start < m.index + m[0].length))
        out.push({ year, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  const opening = new RegExp(
    `^\\s*(?:[A-Za-z][.)]\\s+)?(?:In|During|On|From|Between|En|Durante|El|Del|Entre|A partir de)\\s+(?:(?:the\\s+)?(?:${M}|${D}|and|to|de|y|a|al|del|,|\\s)+)?${Y}\\b`,
    'i',
  );
  const o = opening.exec(sentence);
  if (o && !out.some((x) => x.start < o[0].length))
    out.push({ year: Number(o[1]), start: 0, end: o[0].length, text: o[0].trim() });
  return out;
}
