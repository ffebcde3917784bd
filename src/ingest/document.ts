import { splitSentences, tagText, type Pos, type Range } from '../text/index.js';
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
}

export function readDocument(text: string): Doc {
  const shape = layout(text);
  const quotations = findQuotations(text, shape.paragraphs);
  const sentences: Sentence[] = [];
  shape.paragraphs.forEach((range, paragraph) => {
    const protect = quotations.filter((q) => q.paragraph === paragraph).map((q) => q.outer);
    for (const r of splitSentences(text, range, protect)) sentences.push({ ...r, index: sentences.length, paragraph, first: 0, last: -1 });
  });
  const tagged = tagText(text);
  const tokens: Token[] = [];
  let s = 0;
  let qi = 0;
  for (const t of tagged) {
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
  return { text, layout: shape, quotations, tokens, sentences };
}

/** The tokens of a sentence. */
export function tokensOf(doc: Doc, sentence: Sentence): Token[] {
  return doc.tokens.slice(sentence.first, sentence.last + 1);
}
