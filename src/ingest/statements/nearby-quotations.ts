import type { Range } from '../../text/index.js';
import { DASHES, type Cue } from '../cues.js';
import { tokenStartingAt, type Doc, type Sentence } from '../document.js';
import { isComma, lower } from '../phrases.js';
import { quotedWords, type Quotation } from '../quotations.js';
import type { SourcePhrase, Statement } from './statement.js';

/**
 * Quotations outside an attribution's own clause that are what was said: opening its sentence, after a dash, the
 * sentence before or after; and the colon that awaits the next paragraph's.
 */

/** The standalone quotation that opens the sentence and closes right before `clauseStart` (a comma may follow it), or null. */
export function openingQuotation(doc: Doc, sentence: Sentence, clauseStart: number): Quotation | null {
  let k = clauseStart - 1;
  if (isComma(doc.tokens[k]) && !doc.tokens[k]?.quote) k--;
  const q = doc.tokens[k]?.quote;
  const first = doc.tokens[sentence.first];
  if (!q || !q.standalone || doc.tokens[k]?.end !== q.outer.end || !first || first.quote !== q) return null;
  return q;
}

/** The standalone quotation closing right before `clauseStart` whose opening mark follows a dash, or null. */
export function dashedQuotationBefore(doc: Doc, clauseStart: number, floor: number): Quotation | null {
  let k = clauseStart - 1;
  if (isComma(doc.tokens[k]) && !doc.tokens[k]?.quote) k--;
  const q = doc.tokens[k]?.quote;
  if (!q || !q.standalone || doc.tokens[k]?.end !== q.outer.end) return null;
  let open = k;
  while (open - 1 >= floor && doc.tokens[open - 1]?.quote === q) open--;
  const before = doc.tokens[open - 1];
  return open - 1 >= floor && before && (DASHES.has(before.text) || before.text === '-') ? q : null;
}

/** The last verb of the sentence outside quotations (a colon after it introduces what follows). */
export function lastCueBefore(doc: Doc, sentence: Sentence): number {
  for (let k = sentence.last; k >= sentence.first; k--) if (doc.tokens[k]?.pos === 'VERB' && !doc.tokens[k]?.quote) return k;
  return -1;
}

/** Between a verb and a colon, only an object or an adjunct ("called them on it:", "said in a statement:"), no clause. */
export function noClauseAfter(doc: Doc, first: number, last: number): boolean {
  if (last - first > 8) return false;
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || lower(t) === 'that') return false;
  }
  return true;
}

export function endsWithColon(doc: Doc, sentence: Sentence): boolean {
  const paragraph = doc.layout.paragraphs[sentence.paragraph];
  return doc.tokens[sentence.last]?.text === ':' && paragraph !== undefined && sentence.end >= paragraph.end;
}

/** "S put it this way:" closing a paragraph: a statement whose words the next paragraph's quotation gives (turns.ts fills them). */
export function awaitingQuote(cue: Cue, source: SourcePhrase, sentence: Sentence): Statement {
  return { cue, source, inherits: null, parts: [], direct: true, paragraph: sentence.paragraph, sentence, form: 'colon', awaitsQuote: true };
}

/** The quotations of the sentence before, in the same paragraph, when that sentence is nothing else. */
export function previousQuoteOnly(doc: Doc, sentence: Sentence): Range[] | null {
  return quoteOnlySentence(doc, sentence.index - 1, sentence.paragraph);
}

/** Nouns that name a message without saying it ("tweeted a warning", "issued a statement"). */
const MESSAGE_NOUNS = new Set(['warning', 'statement', 'message', 'reminder', 'response', 'reply', 'note', 'plea', 'challenge', 'prediction', 'retort']);

/** The range is "a warning" or "a stern reminder" and nothing else of the sentence follows but its stop. */
export function onlySpeechNoun(doc: Doc, range: Range, sentence: Sentence): boolean {
  const first = tokenStartingAt(doc, range.start);
  if (!first) return false;
  let last = first.i;
  while (doc.tokens[last + 1] && (doc.tokens[last + 1]?.end ?? Infinity) <= range.end) last++;
  if (doc.tokens[last]?.pos === 'PUNCT' && !doc.tokens[last]?.quote && last > first.i) last--;
  const words = doc.tokens.slice(first.i, last + 1);
  const noun = words.at(-1);
  const closes = last === sentence.last || (last + 1 === sentence.last && doc.tokens[sentence.last]?.pos === 'PUNCT' && !doc.tokens[sentence.last]?.quote);
  return closes && words.length <= 3 && noun !== undefined && !noun.quote && MESSAGE_NOUNS.has(lower(noun)) && ['a', 'an', 'this', 'the'].includes(lower(words[0]));
}

/** The quotations of sentence `index`, when it is in `paragraph` and nothing else. */
export function quoteOnlySentence(doc: Doc, index: number, paragraph: number): Range[] | null {
  const before = doc.sentences[index];
  if (!before || before.paragraph !== paragraph) return null;
  const quotes = new Set<Quotation>();
  for (let k = before.first; k <= before.last; k++) {
    const t = doc.tokens[k];
    if (t?.quote?.standalone) quotes.add(t.quote);
    else if (t && t.pos !== 'PUNCT') return null;
  }
  return quotes.size > 0 ? [...quotes].map((q) => quotedWords(doc.text, q)) : null;
}
