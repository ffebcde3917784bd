/** Text primitives for ingestion: layout, quotation spans, sentences. All offsets are absolute UTF-16 indices. */

export interface Range {
  start: number;
  end: number;
}

export interface Layout {
  title: string;
  standfirst: string | null;
  standfirstRange: Range | null;
  paragraphs: Range[];
}

/**
 * Line 1 is the title. Line 2 is a standfirst only when a blank line follows it (the usual
 * "headline / dek / blank / body" shape); otherwise line 2 is already the first body paragraph.
 * Every other non-blank line is one body paragraph.
 */
export function layout(text: string): Layout {
  const lines: Range[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  const trimmed = lines.map((line) => trimRange(text, line));
  const isBlank = (i: number): boolean => {
    const line = trimmed[i];
    return line === undefined || line.end <= line.start;
  };
  const first = trimmed[0];
  const title = first ? text.slice(first.start, first.end) : '';
  let bodyFrom = 1;
  let standfirstRange: Range | null = null;
  const second = trimmed[1];
  if (second && !isBlank(1) && lines.length > 2 && isBlank(2)) {
    standfirstRange = second;
    bodyFrom = 3;
  }
  const paragraphs = trimmed.slice(bodyFrom).filter((line) => line.end > line.start);
  const standfirst = standfirstRange ? text.slice(standfirstRange.start, standfirstRange.end) : null;
  return { title, standfirst, standfirstRange, paragraphs };
}

export function trimRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or null when the quotation runs to the paragraph end unclosed. */
  close: number | null;
  /** The quoted words (inside the marks). */
  inner: Range;
  /** Stands as its own utterance (after a sentence end, colon or comma), not a phrase inside a clause. */
  standalone: boolean;
}

const OPENERS = new Set(['“', '"']);

/** Double quotation marks in one paragraph: curly pairs, straight marks alternate; an unclosed mark runs to the end. */
export function quoteSpans(text: string, paragraph: Range): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: number | null = null;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i];
    if (open === null) {
      if (ch !== undefined && OPENERS.has(ch)) open = i;
    } else if (ch === '”' || (ch === '"' && text[open] === '"') || (ch === '"' && text[open] === '“')) {
      spans.push(makeSpan(text, open, i, paragraph));
      open = null;
    }
  }
  if (open !== null) spans.push(makeSpan(text, open, null, paragraph));
  return spans;
}

function makeSpan(text: string, open: number, close: number | null, paragraph: Range): QuoteSpan {
  const inner = trimRange(text, { start: open + 1, end: close ?? paragraph.end });
  let before = open - 1;
  while (before >= paragraph.start && text[before] === ' ') before--;
  // A quote opening after a word ("were “watching closely”") is a phrase inside someone's clause.
  const standalone = before < paragraph.start || /[.!?:,;—–”"]/.test(text[before] ?? '');
  return { open, close, inner, standalone };
}

/** The quoted words as a direct quote: a trailing comma before the closing mark is dropped, a final stop kept. */
export function directQuoteRange(text: string, span: QuoteSpan): Range {
  const { start } = span.inner;
  let { end } = span.inner;
  while (end > start && /[,;\s]/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

const ABBREVIATIONS = new Set(['mr', 'ms', 'mrs', 'dr', 'st', 'inc', 'jr', 'sr', 'prof', 'gen', 'capt', 'co', 'corp', 'ltd', 'vs', 'no', 'sen', 'rep', 'gov', 'lt', 'col', 'mt']);

export function isInside(spans: readonly QuoteSpan[], index: number): boolean {
  return spans.some((span) => index > span.open && index < (span.close ?? Infinity));
}

/** Sentences of a paragraph; never splits inside a quotation, so a multi-sentence quote stays whole. */
export function sentences(text: string, paragraph: Range, spans: readonly QuoteSpan[]): Range[] {
  const result: Range[] = [];
  let start = paragraph.start;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    const closingHere = spans.find((span) => span.close === j);
    if (isInside(spans, i) && !closingHere) continue;
    if (closingHere) j++;
    if (j < paragraph.end && text[j] !== ' ') continue;
    while (j < paragraph.end && text[j] === ' ') j++;
    if (j < paragraph.end && !/[\p{Lu}\d“"‘]/u.test(text[j] ?? '')) continue;
    if (ch === '.' && isAbbreviation(text, i)) continue;
    const end = closingHere ? i + 2 : i + 1;
    result.push(trimRange(text, { start, end }));
    start = j;
    i = j - 1;
  }
  if (start < paragraph.end) result.push(trimRange(text, { start, end: paragraph.end }));
  return result.filter((range) => range.end > range.start);
}

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && /[\p{L}.]/u.test(text[k - 1] ?? '')) k--;
  const word = text.slice(k, dot);
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // Initials ("J.") and dotted abbreviations ("a.m", "U.S").
  return /^\p{Lu}$/u.test(word) || word.includes('.');
}

/** Lower-case words joined by hyphens, as the schema's ids want. */
export function slug(value: string): string {
  const s = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

/** Levenshtein distance, for misspelled surnames ("Polischuk" for "Polishchuk"). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Words with offsets; a trailing stop is kept only on abbreviations ("Inc.", "Mr.", "a.m."). */
export function words(text: string, range: Range): Word[] {
  const result: Word[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
  const slice = text.slice(range.start, range.end);
  for (const match of slice.matchAll(re)) {
    let value = match[0];
    while (value.endsWith('.') && !keepsStop(value)) value = value.slice(0, -1);
    while (value.endsWith('-')) value = value.slice(0, -1);
    const start = range.start + (match.index ?? 0);
    result.push({ text: value, start, end: start + value.length });
  }
  return result;
}

function keepsStop(value: string): boolean {
  const bare = value.slice(0, -1);
  return ABBREVIATIONS.has(bare.toLowerCase()) || bare.includes('.');
}
