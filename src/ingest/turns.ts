import type { Range } from '../text/index.js';
import type { Doc, Sentence } from './document.js';
import { endsWithQuotation, quotationsAround, quotedWords, type Quotation } from './quotations.js';
import { DASHES, type Cue } from './cues.js';
import { phraseStartingAt } from './phrases.js';
import type { SourcePhrase, Statement } from './statements.js';

/**
 * Stage 5: quoted speech without an attribution of its own continues a speaker's turn. A sentence that is only a
 * quotation joins the direct statement before it in the paragraph (“A,” she said. “B.” is one statement), or the
 * attributed one after it; a paragraph that opens with a quotation after one that ended with someone's quote (or a
 * quotation left open to run on) is that person's next turn.
 * What is left has no speaker and is reported as such.
 */
export function joinTurns(doc: Doc, statements: Statement[]): { statements: Statement[]; orphans: Statement[] } {
  const bySentence = new Map<number, Statement[]>();
  for (const s of statements) bySentence.set(s.sentence.index, [...(bySentence.get(s.sentence.index) ?? []), s]);
  const out = [...statements];
  const orphans: Statement[] = [];
  let lastDirect: Statement | null = null;
  let awaiting: Statement | null = null;
  let lastParagraph = -1;
  // A reported statement that ended the sentence before (what it said, then only its attribution).
  let lastReported: Statement | null = null;
  // The turns made of the paragraph being read, and whether it is quotation only (for a signature after it).
  let paragraphTurns: Statement[] = [];
  let quotesOnly = false;
  for (const sentence of doc.sentences) {
    if (sentence.paragraph !== lastParagraph) {
      // "“…” ¶ — Tamsin Arkwell." — a paragraph of quotation signed by a dash and a name in the next one is hers.
      const signed = quotesOnly && paragraphTurns.length > 0 && sentence.paragraph === lastParagraph + 1 ? signature(doc, sentence) : null;
      if (signed) {
        const [first, ...rest] = paragraphTurns;
        if (first) {
          first.parts = paragraphTurns.flatMap((t) => t.parts);
          first.source = signed.source;
          first.inherits = null;
          first.form = 'dash';
          first.cue = signed.cue;
          for (const t of [first, ...rest]) {
            if (orphans.includes(t)) orphans.splice(orphans.indexOf(t), 1);
            if (out.includes(t) && t !== first) out.splice(out.indexOf(t), 1);
          }
          if (!out.includes(first)) out.push(first);
          lastDirect = first;
        }
      }
      paragraphTurns = [];
      quotesOnly = true;
      // A turn carries into the next paragraph only from a paragraph that ended with the speaker's quotation.
      if (lastDirect && !endsWithItsQuote(doc, lastDirect, lastParagraph)) lastDirect = null;
      lastParagraph = sentence.paragraph;
      const opening = quoteOnly(doc, sentence);
      if (awaiting && opening) {
        // "… put it this way:" — the quotation that opens the next paragraph is what was said.
        awaiting.parts = opening.map((q) => quotedWords(doc.text, q));
        awaiting.paragraph = sentence.paragraph;
        awaiting.sentence = sentence;
        lastDirect = awaiting;
        awaiting = null;
        continue;
      }
      awaiting = null;
    }
    const own = bySentence.get(sentence.index) ?? [];
    const reportedBefore = lastReported;
    lastReported = own.length > 0 ? closingReport(doc, own, sentence) : null;
    awaiting = own.find((s) => s.awaitsQuote) ?? awaiting;
    if (own.length > 0 || !quoteOnly(doc, sentence)) quotesOnly = false;
    if (own.length > 0) {
      const direct = own.filter((s) => s.parts.length > 0 && (s.direct || containsQuotation(doc, s) || endsWithQuotation(doc.quotations, s.parts.at(-1)?.end ?? 0))).at(-1);
      lastDirect = direct ?? (own.some((s) => s.cue.kind !== 'participle') ? null : lastDirect);
      continue;
    }
    const quotes = quoteOnly(doc, sentence);
    if (!quotes) {
      // “A,” she said. “B” or words to that end. — a quotation opening the sentence still goes on with her turn.
      const opening = openingQuotations(doc, sentence);
      const more = opening?.quotes.map((q) => quotedWords(doc.text, q));
      if (more && lastDirect && lastDirect.paragraph === sentence.paragraph && !swallowsNarration(doc, lastDirect, more, statements)) lastDirect.parts.push(...more);
      continue;
    }
    const parts = quotes.map((q) => quotedWords(doc.text, q));
    const sameParagraph = lastDirect !== null && lastDirect.paragraph === sentence.paragraph;
    if (lastDirect && sameParagraph && !swallowsNarration(doc, lastDirect, parts, statements)) {
      lastDirect.parts.push(...parts);
      if (!paragraphTurns.includes(lastDirect)) quotesOnly = false;
      continue;
    }
    const next = sameParagraph ? null : laterInParagraph(doc, sentence, bySentence);
    if (next) {
      next.parts.unshift(...parts);
      quotesOnly = false;
      continue;
    }
    // "S said the pier was sound. “It will stand.”" — a quotation right after what S was reported to say is S's too.
    const after = lastDirect ?? (reportedBefore?.paragraph === sentence.paragraph ? reportedBefore : null);
    const turn: Statement = {
      cue: after?.cue ?? { kind: 'verb', first: sentence.first, last: sentence.first, lemma: '', frame: 'clause', sentence },
      source: null,
      inherits: after,
      parts,
      direct: true,
      paragraph: sentence.paragraph,
      sentence,
      form: 'turn',
    };
    paragraphTurns.push(turn);
    if (after) {
      out.push(turn);
      lastDirect = turn;
    } else orphans.push(turn);
  }
  const filled = out.filter((s) => s.parts.length > 0);
  filled.sort((a, b) => (a.parts[0]?.start ?? 0) - (b.parts[0]?.start ?? 0));
  return { statements: filled, orphans };
}

/**
 * The sentence's last statement when it is a reported one by a speech verb whose words run to the sentence's end, with
 * only its own attribution after them ("S said C." or "C, S said."); else null.
 */
function closingReport(doc: Doc, own: readonly Statement[], sentence: Sentence): Statement | null {
  const last = own.at(-1);
  const end = last?.parts.at(-1)?.end;
  if (!last || end === undefined || last.direct || last.cue.kind !== 'verb' || (!last.source && !last.inherits)) return null;
  const head = last.source?.head;
  for (let k = sentence.first; k <= sentence.last; k++) {
    const t = doc.tokens[k];
    if (!t || t.start < end || t.pos === 'PUNCT' || t.quote) continue;
    if ((k >= last.cue.first && k <= last.cue.last) || (head && k >= head.first && k <= head.last)) continue;
    return null;
  }
  return last;
}

/**
 * Whether joining `parts` to `turn` would make one quote of narration holding another statement of the speaker's, in a
 * relative clause ("“A,” said S, who also said that C. “B.”"): each quotation is then a turn of its own.
 */
function swallowsNarration(doc: Doc, turn: Statement, parts: readonly Range[], statements: readonly Statement[]): boolean {
  const from = turn.parts.at(-1)?.end;
  const to = parts[0]?.start;
  if (from === undefined || to === undefined || to <= from) return false;
  // Only a relative clause on the speaker says more of its own; an adverbial one ("when asked if …") sets the scene.
  const relative = (s: Statement): boolean => /,\s+who\s/u.test(doc.text.slice(from, doc.tokens[s.cue.first]?.start ?? from));
  return statements.some((s) => s !== turn && s.parts.some((p) => p.start >= from && p.end <= to) && relative(s));
}

/** "— Tamsin Arkwell, at a rally.": a sentence opening a paragraph with a dash and a name signs the quotation before it. */
function signature(doc: Doc, sentence: Sentence): { source: SourcePhrase; cue: Cue } | null {
  const dash = doc.tokens[sentence.first];
  if (!dash || dash.quote || !(DASHES.has(dash.text) || dash.text === '-') || !/^\p{Lu}/u.test(doc.tokens[sentence.first + 1]?.text ?? '')) return null;
  const head = phraseStartingAt(doc, sentence.first + 1, sentence.last);
  if (!head) return null;
  return {
    source: { head, appositions: [], inverted: true },
    cue: { kind: 'dash', first: sentence.first, last: sentence.first, lemma: 'dash', frame: 'clause', sentence },
  };
}

/** The quotations a sentence consists of, or null when it has narrative words of its own. */
function quoteOnly(doc: Doc, sentence: Sentence): Quotation[] | null {
  const opening = openingQuotations(doc, sentence);
  return opening && !opening.narration ? opening.quotes : null;
}

/**
 * The quotations a sentence opens with, before its first narrative word, and whether narration follows them; null
 * when it opens with narration or a quoted phrase.
 */
function openingQuotations(doc: Doc, sentence: Sentence): { quotes: Quotation[]; narration: boolean } | null {
  const quotes = new Set<Quotation>();
  let narration = false;
  for (let k = sentence.first; k <= sentence.last && !narration; k++) {
    const t = doc.tokens[k];
    if (!t) continue;
    if (t.quote) {
      if (!t.quote.standalone) return null;
      quotes.add(t.quote);
    } else if (t.pos !== 'PUNCT') narration = true;
  }
  return quotes.size > 0 ? { quotes: [...quotes], narration } : null;
}

/** The first statement later in the same paragraph whose content opens with a quotation (“A.” “B,” she said.). */
function laterInParagraph(doc: Doc, sentence: Sentence, bySentence: Map<number, Statement[]>): Statement | null {
  for (let n = sentence.index + 1; n < doc.sentences.length; n++) {
    const s = doc.sentences[n];
    if (!s || s.paragraph !== sentence.paragraph) return null;
    const own = bySentence.get(n);
    if (!own) {
      if (quoteOnly(doc, s)) continue;
      return null;
    }
    const first = own[0];
    return first && first.direct && startsWithQuote(doc, first.parts[0]) ? first : null;
  }
  return null;
}

function startsWithQuote(doc: Doc, part: Range | undefined): boolean {
  return part !== undefined && [...quotationsAround(doc.quotations, part.start, true)].some((q) => q.standalone && q.inner.start === part.start);
}

function containsQuotation(doc: Doc, s: Statement): boolean {
  return s.parts.some((p) => doc.quotations.some((q) => q.standalone && q.inner.start >= p.start && q.inner.start < p.end));
}

/** The statement's quotation ends its paragraph (only its attribution may follow). */
function endsWithItsQuote(doc: Doc, s: Statement, paragraph: number): boolean {
  const range = doc.layout.paragraphs[paragraph];
  const end = s.parts.at(-1)?.end ?? 0;
  if (!range) return false;
  const lastSentence = doc.paragraphSentences[paragraph]?.at(-1);
  return lastSentence !== undefined && end >= lastSentence.start && end <= range.end;
}
