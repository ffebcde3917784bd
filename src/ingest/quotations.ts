import { countBefore, trimRange, type Range } from '../text/index.js';

/**
 * Stage 1 of finding statements: every quotation in the article, whatever marks the paper uses — “…”,
 * straight "…", doubled apostrophes ''…'' and ``…'', guillemets, and single marks ‘…’ or '…' where a paragraph
 * has no double marks. A quotation left open at a paragraph's end runs to that end, and when the next paragraph
 * opens with a mark the quoted speech goes on there (the printers' rule for quotes of several paragraphs).
 */
export interface Quotation {
  /** Opening mark to closing mark, marks included (to the paragraph end when unclosed). */
  outer: Range;
  /** The quoted words, without the marks, trimmed. */
  inner: Range;
  closed: boolean;
  /** Index of its paragraph in the layout's paragraphs. */
  paragraph: number;
  /** An utterance of its own (opens a paragraph, or after a stop, colon, comma or dash), not a phrase inside a clause. */
  standalone: boolean;
  /** Unclosed at the paragraph end, and the next paragraph opens with a quotation: the speech continues there. */
  continues: boolean;
}

interface Mark {
  at: number;
  length: number;
  role: 'open' | 'close' | 'either';
}

const LETTER = /[\p{L}\p{N}]/u;
const FORMAT = /\p{Cf}/u;

/**
 * A curly double mark set the wrong way round (“Not now,“ she said. · ”Not now,” she said.) still opens before a word
 * and closes after one: a mark between a word or stop and a space closes, one between a space and a word opens.
 */
function curlyRole(text: string, range: Range, i: number): Mark['role'] {
  // Invisible format characters (a direction mark pasted from a post) are no word before the mark.
  let b = i - 1;
  while (b >= range.start && FORMAT.test(text[b] ?? '')) b--;
  const before = b >= range.start ? (text[b] ?? ' ') : ' ';
  const after = i + 1 < range.end ? (text[i + 1] ?? ' ') : ' ';
  if (/\s/.test(before) && LETTER.test(after)) return 'open';
  if ((LETTER.test(before) || /[.,!?;:]/.test(before)) && /\s/.test(after)) return 'close';
  return text[i] === '“' ? 'open' : 'close';
}

/** Double quotation marks of one paragraph, in order. */
function doubleMarks(text: string, range: Range): Mark[] {
  const marks: Mark[] = [];
  for (let i = range.start; i < range.end; i++) {
    const ch = text[i];
    if (ch === '“' || ch === '”') marks.push({ at: i, length: 1, role: curlyRole(text, range, i) });
    else if (ch === '„' || ch === '«') marks.push({ at: i, length: 1, role: 'open' });
    else if (ch === '»') marks.push({ at: i, length: 1, role: 'close' });
    else if (ch === '"') marks.push({ at: i, length: 1, role: 'either' });
    else if (ch === '`' && text[i + 1] === '`') {
      marks.push({ at: i, length: 2, role: 'open' });
      i++;
    } else if (ch === "'" && text[i + 1] === "'") {
      // ''' is a nested single mark closing with the double one: the double mark is the last two.
      const triple = text[i + 2] === "'";
      marks.push({ at: triple ? i + 1 : i, length: 2, role: 'either' });
      i += triple ? 2 : 1;
    }
  }
  return marks;
}

/**
 * Single marks used as the outer quotation marks (‘…’ or '…'): an opening mark before a word, at the paragraph
 * start or after a space or bracket; a closing one after a word or a stop and not before a letter (an apostrophe
 * inside a word, "don’t", is neither).
 */
function singleMarks(text: string, range: Range): Mark[] {
  const marks: Mark[] = [];
  for (let i = range.start; i < range.end; i++) {
    const ch = text[i];
    if (ch !== '‘' && ch !== '’' && ch !== "'") continue;
    const before = i > range.start ? (text[i - 1] ?? ' ') : ' ';
    const after = text[i + 1] ?? ' ';
    const opens = /[\s([—–-]/.test(before) && LETTER.test(after) && ch !== '’';
    const closes = (LETTER.test(before) || /[.,!?;:]/.test(before)) && !LETTER.test(after) && ch !== '‘';
    if (opens) marks.push({ at: i, length: 1, role: 'open' });
    else if (closes) marks.push({ at: i, length: 1, role: 'close' });
  }
  return marks;
}

/** Pairs marks into quotations; an unpaired opening mark runs to the paragraph end. */
function pair(text: string, range: Range, marks: readonly Mark[], singles: boolean): { open: Mark; close: Mark | null }[] {
  const pairs: { open: Mark; close: Mark | null }[] = [];
  let open: Mark | null = null;
  for (const mark of marks) {
    if (open === null) {
      // A closing mark with nothing open is a stray (or an apostrophe), except "either" which opens.
      if (mark.role !== 'close') open = mark;
      continue;
    }
    if (mark.role === 'open' && !singles) {
      // “ … “ … : the first quotation was never closed; the new one starts here.
      pairs.push({ open, close: null });
      open = mark;
      continue;
    }
    if (mark.role === 'open') continue;
    pairs.push({ open, close: mark });
    open = null;
  }
  if (open) pairs.push({ open, close: null });
  // A single mark pair must enclose words, not one apostrophe-ended word and the next ("the voters’ choice").
  return singles ? pairs.filter((p) => p.close !== null && /\s/.test(text.slice(p.open.at, p.close.at))) : pairs;
}

/** Every quotation of the article's paragraphs, in text order. */
export function findQuotations(text: string, paragraphs: readonly Range[]): Quotation[] {
  const all: Quotation[] = [];
  paragraphs.forEach((range, index) => {
    const doubles = doubleMarks(text, range);
    const singles = doubles.length === 0;
    const pairs = pair(text, range, singles ? singleMarks(text, range) : doubles, singles);
    for (const { open, close } of pairs) {
      // Not where the speech goes on in the next paragraph (its words may hold ", they said" of their own).
      const following = paragraphs[index + 1];
      const goesOn = following !== undefined && /^["“”'‘«]/.test(text[following.start] ?? '');
      const attribution = close || goesOn ? -1 : unmarkedClose(text, open.at + open.length, range.end);
      const innerEnd = close ? close.at : attribution >= 0 ? attribution : range.end;
      const inner = trimRange(text, { start: open.at + open.length, end: innerEnd });
      if (inner.end <= inner.start) continue;
      const outer = { start: open.at, end: close ? close.at + close.length : attribution >= 0 ? attribution + 1 : range.end };
      all.push({ outer, inner, closed: close !== null || attribution >= 0, paragraph: index, standalone: isStandalone(text, range, open.at), continues: false });
    }
  });
  // An unclosed quotation whose next paragraph opens with a mark goes on there.
  for (const q of all) {
    if (q.closed) continue;
    const next = paragraphs[q.paragraph + 1];
    if (next && all.some((n) => n.paragraph === q.paragraph + 1 && n.outer.start === next.start)) q.continues = true;
  }
  return all;
}

/** ", said Tamsin Arkwell", ", she said": an attribution right after a comma. */
const ATTRIBUTION_AFTER_COMMA = /,\s+(?:(?:said|says|added|wrote|tweeted)\s+\p{Lu}|(?:he|she|they)\s+(?:said|says|added|wrote)\b)/u;

/**
 * "“The pier was safe, said Tamsin Arkwell.": a quotation left unclosed whose words run into an attribution after a
 * comma has lost its closing mark there; the index of that comma (where the quotation ends), or -1.
 */
function unmarkedClose(text: string, from: number, end: number): number {
  const m = ATTRIBUTION_AFTER_COMMA.exec(text.slice(from, end));
  return m ? from + m.index : -1;
}

/** A quotation opening the paragraph or a sentence, or after a colon, comma, dash or bracket, is said on its own. */
function isStandalone(text: string, range: Range, open: number): boolean {
  let before = open - 1;
  while (before >= range.start && /[\s\p{Cf}]/u.test(text[before] ?? '')) before--;
  return before < range.start || /[.!?:,;—–([”"'’-]/.test(text[before] ?? '');
}

/**
 * The quotations that may enclose `index`: the last one opening before it (at or before it with `atOrBefore`), then
 * the quotations left open earlier in its paragraph, which run to the paragraph's end over it. Closed quotations
 * never overlap, so no other one can; found by binary search, so a text of thousands of quotations stays linear.
 */
export function* quotationsAround(quotations: readonly Quotation[], index: number, atOrBefore = false): Generator<Quotation> {
  const lo = countBefore(quotations, (q) => q.outer.start < index || (atOrBefore && q.outer.start === index));
  const open = openBefore(quotations);
  for (let i = lo - 1; i >= 0; i = open[i] ?? -1) {
    const q = quotations[i];
    if (q) yield q;
  }
}

/** The quotation whose marks enclose `index` (after the opening mark, before the end), if any. */
export function quotationAt(quotations: readonly Quotation[], index: number): Quotation | null {
  for (const q of quotationsAround(quotations, index)) if (index < q.outer.end) return q;
  return null;
}

/** Words ending at `end` end with a closed quotation (“The plans are “deeply unwise,””): their speaker is quoting. */
export function endsWithQuotation(quotations: readonly Quotation[], end: number): boolean {
  const q = quotationAt(quotations, end - 1);
  return q !== null && q.closed && end >= q.inner.end;
}

const openBeforeCache = new WeakMap<readonly Quotation[], number[]>();

/** For each quotation, the index of the last one before it in its paragraph left open (-1 when none). */
function openBefore(quotations: readonly Quotation[]): number[] {
  let out = openBeforeCache.get(quotations);
  if (out) return out;
  out = [];
  let last = -1;
  quotations.forEach((q, i) => {
    if (last >= 0 && quotations[last]?.paragraph !== q.paragraph) last = -1;
    (out as number[]).push(last);
    if (!q.closed) last = i;
  });
  openBeforeCache.set(quotations, out);
  return out;
}

/** The quoted words as a statement: a comma or semicolon before the closing mark is dropped, a final stop kept. */
export function quotedWords(text: string, q: Quotation): Range {
  const { start } = q.inner;
  let { end } = q.inner;
  while (end > start && /[,;:\s—–-]/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
