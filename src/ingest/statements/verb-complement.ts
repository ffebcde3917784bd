import type { Range } from '../../text/index.js';
import { contrastEnd } from '../contrast.js';
import { writerTailEnd } from '../writer-tails.js';
import type { Cue } from '../cues.js';
import type { Doc, Token } from '../document.js';
import { isComma, lower } from '../phrases.js';
import { tokensRange } from './token-ranges.js';
import { amountClause, disclosedAmount, DISCLOSURES, participleTailStart, TOPIC_SPEECH, topicEnd } from './amounts-and-topics.js';
import { namedAddressee, skipAddressee, skipAdjuncts } from './addressees-and-adjuncts.js';
import { finiteVerbAhead, isAdjunctTail } from './clauses.js';

/**
 * What a speech verb takes as what was said ("that C", "C", a quotation after a colon), or nothing when it only
 * attributes.
 */

/** Verbs whose infinitive is what was said: "promised to cut taxes", "threatened to leave". */
export const COMMITMENTS = new Set(['promise', 'pledge', 'vow', 'threaten', 'swear', 'offer']);

/**
 * The words after the verb, when it takes them: "that C", "C", a quotation after a colon or comma; an addressee
 * ("told reporters") or an adjunct ("in a statement", "on Tuesday") before them is skipped. Null when the verb
 * only attributes ("…, she said on Tuesday.").
 */
export function complement(doc: Doc, cue: Cue, from: number, limit: number): Range | null {
  const tokens = doc.tokens;
  let k = from;
  const at = (j: number): Token | undefined => (j <= limit ? tokens[j] : undefined);
  if (cue.frame === 'addressee') k = skipAddressee(doc, k, limit);
  // "promised Tamsin Arkwell that …", "warned them that …": a name or pronoun before "that" is the one addressed.
  else k = namedAddressee(doc, k, limit);
  const addressed = k > from;
  k = skipAdjuncts(doc, k, limit, addressed && cue.frame === 'addressee');
  // "told Tamsin Arkwell of the Ledger, that …": a stray comma before "that".
  if (isComma(at(k)) && !at(k)?.quote && lower(at(k + 1)) === 'that' && addressed) k++;
  const t = at(k);
  if (!t) return null;
  // "said and hung up", "said but left": the speaker's next act, not what was said.
  if (!t.quote && ['and', 'but', 'then'].includes(lower(t)) && ['VERB', 'AUX', 'ADV'].includes(at(k + 1)?.pos ?? '')) return null;
  // "told a man who …", "told a man passing by": more about the one addressed.
  if (addressed && !t.quote && (['who', 'whom', 'whose', 'which'].includes(lower(t)) || (t.pos === 'VERB' && /ing$/.test(lower(t))))) return null;
  if (lower(t) === 'that' && !t.quote) return tokensRange(doc, k + 1, contrastEnd(doc, k + 1, writerTailEnd(doc, k + 1, limit)));
  if ((t.text === ':' || isComma(t)) && at(k + 1)?.quote) return tokensRange(doc, k + 1, limit);
  if (t.text === ':' && at(k + 1)) return tokensRange(doc, k + 1, limit);
  // "responded, with a smile: “…”", "said, in a statement on Monday: “…”": an adjunct set off by a comma, then the quotation.
  if (isComma(t) && !t.quote) {
    const colon = colonBeforeQuote(doc, k + 1, limit);
    if (colon > k + 1 && isAdjunctTail(doc, k + 1, colon - 1)) return tokensRange(doc, colon + 1, limit);
  }
  // "said, without evidence, that …": an adjunct set off by commas, then "that".
  if (isComma(t) && !t.quote) {
    let close = k + 1;
    while (close <= Math.min(limit, k + 8) && !isComma(doc.tokens[close]) && !doc.tokens[close]?.quote) close++;
    if (isComma(doc.tokens[close]) && close > k + 1 && lower(at(close + 1)) === 'that' && !at(close + 1)?.quote && isAdjunctTail(doc, k + 1, close - 1)) return tokensRange(doc, close + 2, limit);
  }
  // "said, if elected, she would …": a conditional or time clause set off by commas opens what was said.
  if (isComma(t) && !t.quote && cue.frame === 'clause') {
    const aside = conditionalAside(doc, k + 1, limit);
    if (aside >= 0) return tokensRange(doc, k + 1, limit);
  }
  // "said in the spring, when the story broke, “…”": where and when, set off by commas, then the quotation.
  const aside = cue.frame === 'clause' ? quotationAfterAside(doc, k, limit) : -1;
  if (aside >= 0) return tokensRange(doc, aside, limit);
  if (t.pos === 'PUNCT' && !t.quote) return null;
  // "promised (not) to cut taxes": what was promised; "said to …" says where the words went.
  // Not in a relative clause ("X, who has long pledged to …" describes X's record).
  const to = lower(t) === 'not' && lower(at(k + 1)) === 'to' ? k + 1 : k;
  if (lower(at(to)) === 'to' && !t.quote && COMMITMENTS.has(cue.lemma) && at(to + 1)?.pos === 'VERB' && !inRelativeClause(doc, cue.first)) return tokensRange(doc, k, writerTailEnd(doc, k, limit));
  if (lower(t) === 'to' && cue.frame === 'clause') return null;
  // "reported earning $12 million", "disclosed between $5,000 and $15,000 in income": what a filing or an account gave.
  if (DISCLOSURES.has(cue.lemma) && disclosedAmount(doc, k, limit)) return tokensRange(doc, k, participleTailStart(doc, k, writerTailEnd(doc, k, limit)));
  // "complained about the tone of the race", "boasted of his deal": what the complaint or the boast was about.
  if (TOPIC_SPEECH.has(cue.lemma) && ['about', 'of'].includes(lower(t)) && !t.quote) return tokensRange(doc, k + 1, topicEnd(doc, k + 1, limit));
  if (t.pos === 'ADP' && !t.quote && cue.frame !== 'object' && !amountClause(doc, k, limit)) return null;
  if (t.pos === 'SCONJ' && !['whether', 'if', 'how', 'why', 'what'].includes(lower(t))) return null;
  // "said when asked …", "said as she left": an adverbial clause, not what was said.
  if (!t.quote && ['when', 'where', 'while', 'after', 'before', 'because', 'since', 'until', 'once'].includes(lower(t))) return null;
  // "said as she left" (a subject follows), not "said as many as 40 …".
  if (lower(t) === 'as' && ['PRON', 'DET', 'PROPN'].includes(doc.tokens[k + 1]?.pos ?? '') && lower(doc.tokens[k + 1]) !== 'many' && lower(doc.tokens[k + 1]) !== 'much') return null;
  // "said speaking to reporters" says how; "said having more time is a relief" has a clause whose subject is the -ing phrase.
  if (t.pos === 'VERB' && /ing$/.test(lower(t)) && cue.frame === 'clause' && !finiteVerbAhead(doc, k + 1, limit, true)) return null;
  if (limit - k < 1 && !t.quote) return null;
  return tokensRange(doc, k, contrastEnd(doc, k, writerTailEnd(doc, k, cue.frame === 'object' ? namingEnd(doc, k, limit) : limit)));
}

const CLAUSE_OPENERS = new Set(['if', 'unless', 'once', 'when', 'whenever', 'until', 'after', 'before']);

/**
 * "if elected, she would …", "once the vote is in, the council will …": a conditional or time clause at `from` closed by
 * a comma within a dozen words, then a clause with a subject and a finite verb. The index of that comma, else -1.
 */
function conditionalAside(doc: Doc, from: number, limit: number): number {
  if (!CLAUSE_OPENERS.has(lower(doc.tokens[from])) || doc.tokens[from]?.quote) return -1;
  for (let k = from + 1; k <= Math.min(limit, from + 12); k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || (t.pos === 'PUNCT' && !isComma(t))) return -1;
    if (!isComma(t)) continue;
    const subject = doc.tokens[k + 1];
    const opensClause = subject && !subject.quote && ['PRON', 'PROPN', 'DET', 'NOUN'].includes(subject.pos);
    return opensClause && finiteVerbAhead(doc, k + 2, limit) ? k : -1;
  }
  return -1;
}

/** The verb at `k` is a relative clause's ("who has pledged"). */
function inRelativeClause(doc: Doc, k: number): boolean {
  let j = k - 1;
  while (j >= 0 && ['AUX', 'ADV', 'PART'].includes(doc.tokens[j]?.pos ?? '')) j--;
  return ['who', 'which', 'that'].includes(lower(doc.tokens[j]));
}

/**
 * A standalone quotation opening right after a comma within a dozen words of the verb, with no "that", colon or
 * quotation before it: the index of its first token, else -1.
 */
function quotationAfterAside(doc: Doc, from: number, limit: number): number {
  for (let k = from; k <= Math.min(limit, from + 14); k++) {
    const t = doc.tokens[k];
    if (!t) return -1;
    if (t.quote) return t.quote.standalone && t.start === t.quote.outer.start && k > from && isComma(doc.tokens[k - 1]) ? k : -1;
    if (['that', ':'].includes(lower(t))) return -1;
  }
  return -1;
}

/** The first colon from `from` on, before any quotation, when a quotation follows it; else -1. */
function colonBeforeQuote(doc: Doc, from: number, limit: number): number {
  for (let k = from; k < limit; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) return -1;
    if (t.text === ':') return doc.tokens[k + 1]?.quote ? k : -1;
  }
  return -1;
}

/**
 * "called the plan “a disgrace” and accused her of …", "dubbed it “a farce,” linking to …": once a quoted name has
 * closed, a verb joined by "and"/"but" or a participle is the speaker's next act, not more of the name.
 */
function namingEnd(doc: Doc, from: number, limit: number): number {
  for (let k = from + 1; k <= limit; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || !doc.tokens[k - 1]?.quote) continue;
    // The comma may stand inside the closing mark (“a farce,” linking …).
    const j = isComma(t) ? k + 1 : k;
    const setOff = j > k || isComma(doc.tokens[k - 2]);
    const word = doc.tokens[j];
    const next = doc.tokens[j + 1];
    if (['and', 'but'].includes(lower(word)) && next?.pos === 'VERB' && !next.quote) return k - 1;
    if (word?.pos === 'VERB' && /ing$/.test(lower(word)) && setOff) return k - 1;
  }
  return limit;
}
