import type { Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import { isComma, lower, phraseEndingAt } from '../phrases.js';
import type { SourcePhrase } from './statement.js';
import { nextCommaBefore } from './token-ranges.js';
import { isDash, nextDashBefore } from './dashes.js';
import { sourceOf } from './source-phrase.js';
import { ADVERBIAL_SUBORDINATORS } from './clauses.js';

/**
 * The subject that a participle or a verb without one of its own goes on with: the main clause's, or an adverbial
 * clause's.
 */

/**
 * An elided verb joined to the verb of an adverbial clause ("the crowd cheered when Tamsin Arkwell spotted a sign
 * and asked …") shares that clause's subject, not the main clause's.
 */
export function joinedSubject(doc: Doc, sentence: Sentence, and: number): SourcePhrase | null {
  for (let k = and - 1; k >= sentence.first; k--) {
    const t = doc.tokens[k];
    if (!t || t.quote || isComma(t)) return null;
    if (t.pos !== 'VERB' || /ing$/.test(lower(t)) || lower(doc.tokens[k - 1]) === 'to') continue;
    const fake: Cue = { kind: 'verb', first: k, last: k, lemma: t.lemma, frame: 'clause', sentence };
    const source = sourceOf(doc, fake);
    return source && !source.inverted && ADVERBIAL_SUBORDINATORS.has(lower(doc.tokens[source.head.first - 1])) ? source : null;
  }
  return null;
}

const RELATIVE_OPENERS = new Set(['who', 'whose', 'whom', 'which']);

/**
 * The subject of the clause a participle hangs on ("Tamsin Arkwell released a statement saying …"): the source phrase
 * of the first finite verb of the sentence, after any opening adverbial ("In response, …").
 */
export function mainSubject(doc: Doc, sentence: Sentence, before: number): SourcePhrase | null {
  let from = sentence.first;
  // Opening adverbials one after another ("At a rally, while his rivals called for more, …").
  for (let guard = 0; guard < 3; guard++) {
    const opener = doc.tokens[from];
    // "Asked on Monday, …", "Speaking to reporters, …": an opening participle's clause is no subject either.
    const participle = opener?.pos === 'VERB' && /(?:ed|ing)$/.test(lower(opener));
    if (!opener || !(opener.pos === 'ADP' || opener.pos === 'SCONJ' || opener.pos === 'ADV' || participle)) break;
    // "Then she left, saying …": an adverb with no comma of its own modifies the clause it opens; only it is skipped.
    const subordinator = ADVERBIAL_SUBORDINATORS.has(lower(opener));
    if (opener.pos === 'ADV' && from === sentence.first && !subordinator && !isComma(doc.tokens[from + 1])) {
      from++;
      continue;
    }
    const comma = nextCommaBefore(doc, from, before);
    if (comma < 0) break;
    from = comma + 1;
  }
  for (let k = from; k < before; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) continue;
    // A relative clause or a dashed aside ("Tamsin Arkwell -- whose firm built it -- has …") has its own verbs.
    if (RELATIVE_OPENERS.has(lower(t)) && k > from) {
      const end = nextCommaBefore(doc, k, before, true);
      if (end < 0) {
        // "Tamsin Arkwell, who backed the plan and said …": the verb is the relative clause's own; its subject is
        // the phrase "who" stands for.
        const antecedent = phraseEndingAt(doc, isComma(doc.tokens[k - 1]) ? k - 2 : k - 1, from);
        return antecedent ? { head: antecedent, appositions: [], inverted: false } : null;
      }
      k = end;
      continue;
    }
    if (isDash(doc, k)) {
      const end = nextDashBefore(doc, k + (doc.tokens[k + 1]?.text === '-' ? 2 : 1), before);
      if (end >= 0) k = end + (doc.tokens[end + 1]?.text === '-' ? 1 : 0);
      continue;
    }
    // "to sell" is an infinitive, no clause's verb.
    if (lower(doc.tokens[k - 1]) === 'to' && doc.tokens[k - 1]?.pos === 'PART') continue;
    // "Tamsin Arkwell rips the plan": a present-tense verb after a name, tagged as a plural noun.
    const misTagged = t.pos === 'NOUN' && /s$/.test(lower(t)) && doc.tokens[k - 1]?.pos === 'PROPN' && doc.tokens[k + 1]?.pos === 'DET';
    if (((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(lower(t))) || misTagged) {
      const fake: Cue = { kind: 'verb', first: k, last: k, lemma: t.lemma, frame: 'clause', sentence };
      const source = sourceOf(doc, fake);
      return source && !source.inverted ? source : null;
    }
  }
  return null;
}
