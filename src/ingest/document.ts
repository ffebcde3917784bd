import { countBefore, splitSentences, tagText, type Pos, type Range } from '../text/index.js';
import { layout, type Layout } from './layout.js';
import { findQuotations, type Quotation } from './quotations.js';

/** The article read once: layout, quotations, sentences and tagged tokens, shared by every later stage. */

export interface Token extends Range {
  /** Position in `Doc.tokens`. */
  i: number;
  text: string;
  pos: Pos;
  lemma: string;
  /** The quotation this token belongs to (its marks included), if any. */
  quote: Quotation | null;
  paragraph: number;
  sentence: number;
}

export interface Sentence extends Range {
  index: number;
  paragraph: number;
  /** Its tokens: `Doc.tokens.slice(first, last + 1)`. */
  first: number;
  last: number;
}

export interface Doc {
  text: string;
  layout: Layout;
  quotations: Quotation[];
  tokens: Token[];
  sentences: Sentence[];
  /** The sentences of each paragraph, by paragraph index. */
  paragraphSentences: Sentence[][];
}

export function readDocument(text: string): Doc {
  const shape = layout(text);
  const quotations = findQuotations(text, shape.paragraphs);
  const sentences: Sentence[] = [];
  const quoted: Range[][] = shape.paragraphs.map(() => []);
  for (const q of quotations) quoted[q.paragraph]?.push(q.outer);
  shape.paragraphs.forEach((range, paragraph) => {
    const protect = quoted[paragraph] ?? [];
    for (const r of splitSentences(text, range, protect)) sentences.push({ ...r, index: sentences.length, paragraph, first: 0, last: -1 });
  });
  const tagged = tagText(text);
  const tokens: Token[] = [];
  let s = 0;
  let qi = 0;
  for (const t of tagged.flatMap((t, k) => unglueClock(t, tagged[k - 1]))) {
    while (s < sentences.length && (sentences[s]?.end ?? 0) <= t.start) s++;
    const sentence = sentences[s];
    if (!sentence || t.start < sentence.start || t.pos === 'SPACE') continue;
    while (qi < quotations.length && (quotations[qi]?.outer.end ?? 0) <= t.start) qi++;
    const q = quotations[qi];
    // The marks belong to their quotation too: a source or a content never runs through them.
    const inside = q && t.start >= q.outer.start && t.end <= q.outer.end ? q : null;
    const token: Token = { ...t, i: tokens.length, quote: inside, paragraph: sentence.paragraph, sentence: s };
    if (sentence.last < sentence.first) sentence.first = token.i;
    sentence.last = token.i;
    tokens.push(token);
  }
  namesAsNames(tokens, sentences);
  perfectSince(tokens);
  const paragraphSentences: Sentence[][] = shape.paragraphs.map(() => []);
  for (const sentence of sentences) paragraphSentences[sentence.paragraph]?.push(sentence);
  return { text, layout: shape, quotations, tokens, sentences, paragraphSentences };
}

type Tagged = ReturnType<typeof tagText>[number];

/** "10:57PM" written against the next word ("10:57PMTamsin Arkwell:"): the clock's "AM"/"PM" and a word of its own. */
const GLUED_CLOCK = /^([AaPp]\.?[Mm]\.?)(\p{Lu}\p{Ll}+)$/u;

function unglueClock(t: Tagged, before: Tagged | undefined): Tagged[] {
  const glued = GLUED_CLOCK.exec(t.text);
  if (!glued || !before || before.end !== t.start || !/\d$/.test(before.text)) return [t];
  const cut = t.start + (glued[1]?.length ?? 0);
  const word = glued[2] ?? '';
  return [
    { ...t, text: glued[1] ?? '', end: cut, pos: 'NUM', lemma: (glued[1] ?? '').toLowerCase() },
    { ...t, text: word, start: cut, pos: 'PROPN', lemma: word.toLowerCase() },
  ];
}

/**
 * A capitalised word inside a sentence, next to a proper noun, is part of a name whatever the tagger guessed
 * ("Councillor Tamsin/VERB Arkwell", "Tamsin/ADJ Arkwell said").
 */
function namesAsNames(tokens: Token[], sentences: readonly Sentence[]): void {
  const capitalised = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}\p{Ll}/u.test(t.text) && !t.quote;
  for (const t of tokens) {
    if (t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'DET' || !capitalised(t) || sentences[t.sentence]?.first === t.i) continue;
    const before = tokens[t.i - 1];
    const after = tokens[t.i + 1];
    if ((before?.pos === 'PROPN' && capitalised(before) && before.sentence === t.sentence) || (after?.pos === 'PROPN' && capitalised(after) && after.sentence === t.sentence)) t.pos = 'PROPN';
  }
}

const PERFECT_AUXILIARIES = new Set(['has', 'have', 'had', "'s", "'ve", "'d", '’s', '’ve', '’d']);

/** "has since said", "had since left": "since" between a perfect auxiliary and its verb is an adverb, no subordinator. */
function perfectSince(tokens: Token[]): void {
  for (const t of tokens) {
    if (t.text.toLowerCase() !== 'since' || t.quote) continue;
    const before = tokens[t.i - 1];
    const after = tokens[t.i + 1];
    if (before && after && before.pos === 'AUX' && PERFECT_AUXILIARIES.has(before.text.toLowerCase()) && after.pos === 'VERB' && after.sentence === t.sentence) t.pos = 'ADV';
  }
}

/** The token that starts at character `offset`, if any (tokens are in text order). */
export function tokenStartingAt(doc: Doc, offset: number): Token | undefined {
  const t = doc.tokens[countBefore(doc.tokens, (k) => k.start < offset)];
  return t && t.start === offset ? t : undefined;
}
