import type { Range } from '../../text/index.js';
import type { Cue } from '../cues.js';
import { tokenStartingAt, type Doc, type Sentence } from '../document.js';
import { isComma, lower, phraseStartingAt } from '../phrases.js';
import { quotedWords } from '../quotations.js';
import type { Maker, SourcePhrase, Statement } from './statement.js';
import { firstWordIndex } from './token-ranges.js';
import { sourceEnd, sourceStart } from './source-phrase.js';
import { aroundAttribution } from './around-attribution.js';
import { awaitingQuote, endsWithColon, lastCueBefore, noClauseAfter, onlySpeechNoun, openingQuotation, quoteOnlySentence } from './nearby-quotations.js';
import { weakVerbHolds } from './weak-verbs.js';
import { complement } from './verb-complement.js';
import { ADJUNCT_PREPOSITIONS, ADVERBIAL_SUBORDINATORS, finiteVerbAhead, isAdjunctTail } from './clauses.js';

const NEGATED_SUBJECTS = new Set(['neither', 'no', 'nobody', 'none', 'nothing', 'never']);

/** "S said (that) C": a verb with its source; its words after it, else around the attribution clause. */
export function speakerLedStatement(doc: Doc, cue: Cue, source: SourcePhrase, previous: Statement | null, limit: number, sentence: Sentence, make: Maker): Statement | null {
  // "Neither party has explained …", "No one said …": nothing was said.
  if (NEGATED_SUBJECTS.has(lower(doc.tokens[source.head.first]))) return null;
  const afterVerb = source.inverted ? sourceEnd(source) + 1 : cue.last + 1;
  // "Tamsin Arkwell responded:" ending a paragraph: the quotation opening the next one is what she said (turns.ts).
  if (!source.inverted && endsWithColon(doc, sentence) && cue.last >= lastCueBefore(doc, sentence) && noClauseAfter(doc, cue.last + 1, sentence.last - 1)) {
    return awaitingQuote(cue, source, sentence);
  }
  const found = onlyAddressed(doc, source, complement(doc, cue, afterVerb, limit), limit);
  // A weak verb's words must be introduced ("agreed that …"); else look around it, as for "she agreed."
  const after = found && weakVerbHolds(doc, cue, found) ? found : null;
  // "Tamsin Arkwell tweeted a warning. “…”": an object that is only a noun of speech closes the sentence, and the
  // quotation that makes the next sentence is what was said.
  const announced = after !== null && !source.inverted && onlySpeechNoun(doc, after, sentence) ? quoteOnlySentence(doc, sentence.index + 1, sentence.paragraph) : null;
  if (announced) return make(announced, source, null, 'colon');
  // “A,” she said, “B.” — a quotation after the attribution continues the one before it.
  const interrupted = after !== null && tokenStartingAt(doc, after.start)?.quote?.standalone === true;
  if (after && !interrupted) {
    // “C,” S said in May on the podcast “T.” · “C,” S said answering a question: a quotation opening the sentence right
    // before its attribution is what was said; the words after the verb, unless "that" or a colon brings them, say how.
    const opening = openingQuotation(doc, sentence, source.inverted ? cue.first : sourceStart(source));
    const start = tokenStartingAt(doc, after.start);
    const brought = start !== undefined && ['that', ':'].includes(lower(doc.tokens[start.i - 1]));
    if (opening && !brought) return make([quotedWords(doc.text, opening)], source, null, 'quote-before');
    return make([mainClauseBefore(doc, after, source, sentence)], source, null, 'after');
  }
  return aroundAttribution(doc, cue, source, previous, limit, sentence, after, make);
}

/**
 * “…?” Tamsin Arkwell asked the minister. · “…,” he urged them, as the crowd booed. — after a quotation, a verb's
 * object that is only a noun phrase (the one asked or urged) says to whom; the quotation is what was said.
 */
function onlyAddressed(doc: Doc, source: SourcePhrase, found: Range | null, limit: number): Range | null {
  if (!found || source.inverted) return found;
  let k = sourceStart(source) - 1;
  if (isComma(doc.tokens[k]) && !doc.tokens[k]?.quote) k--;
  const mark = doc.tokens[k];
  if (!mark?.quote?.standalone || mark.end !== mark.quote.outer.end) return found;
  const first = tokenStartingAt(doc, found.start);
  if (!first || first.quote) return found;
  const phrase = phraseStartingAt(doc, first.i, limit);
  if (!phrase) return found;
  const next = doc.tokens[phrase.last + 1];
  return phrase.last >= limit || isComma(next) || (next?.pos === 'PUNCT' && !next.quote) || onlyHowAndWhen(doc, phrase.last + 1, limit) ? null : found;
}

/** "… rhetorically during a news conference last month.": from `k` to the sentence's end, only adverbs and where or when. */
function onlyHowAndWhen(doc: Doc, k: number, limit: number): boolean {
  let j = k;
  while (j <= limit && doc.tokens[j]?.pos === 'ADV' && !doc.tokens[j]?.quote) j++;
  let last = limit;
  while (last >= j && doc.tokens[last]?.pos === 'PUNCT' && !doc.tokens[last]?.quote) last--;
  if (j > last) return j > k;
  return doc.tokens[j]?.pos === 'ADP' && ADJUNCT_PREPOSITIONS.has(lower(doc.tokens[j])) && isAdjunctTail(doc, j, last);
}

/** The adverbial subordinators, and "if": what may open a sentence before its main clause. */
const OPENING_SUBORDINATORS = new Set([...ADVERBIAL_SUBORDINATORS, 'if']);

/**
 * "As Tamsin Arkwell announced that the plan was ready, the council met": in a clause opening the sentence with "as",
 * "when", …, what was said ends at the comma before the main clause.
 */
function mainClauseBefore(doc: Doc, range: Range, source: SourcePhrase, sentence: Sentence): Range {
  const opener = doc.tokens[sourceStart(source) - 1];
  if (source.inverted || !opener || opener.i !== firstWordIndex(doc, sentence) || !OPENING_SUBORDINATORS.has(lower(opener))) return range;
  const first = tokenStartingAt(doc, range.start);
  if (!first || first.quote) return range;
  for (let k = first.i + 1; (doc.tokens[k]?.end ?? Infinity) < range.end; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || !isComma(t)) continue;
    const next = doc.tokens[k + 1];
    if (next && !next.quote && ['PRON', 'DET', 'PROPN', 'NOUN'].includes(next.pos) && finiteVerbAhead(doc, k + 2, sentence.last)) return { start: range.start, end: doc.tokens[k - 1]?.end ?? range.end };
  }
  return range;
}
