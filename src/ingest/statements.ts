import type { Range } from '../text/index.js';
import { findCues, type Cue } from './cues.js';
import type { Doc, Sentence } from './document.js';
import { isComma, lower } from './phrases.js';
import type { SourcePhrase, Statement, StatementForm } from './statements/statement.js';
import { passiveAside } from './statements/passive-aside.js';
import { contentLimit } from './statements/content-limit.js';
import { sourceOf } from './statements/source-phrase.js';
import { openingParticipleEnd, openingParticipleSubject } from './statements/participle-subjects.js';
import { colonStatement, dashStatement, labelStatement } from './statements/punctuation-forms.js';
import { speechNounStatement } from './statements/speech-noun-form.js';
import { participleStatement } from './statements/participle-form.js';
import { elidedStatement } from './statements/elided-form.js';
import { according } from './statements/according-to.js';
import { speakerLedStatement } from './statements/speaker-led.js';
import { isQuotePart, trimContent } from './statements/content-trim.js';

/**
 * Stage 3: for each cue, who is credited (the source phrase, as written) and what they said (the content, one or
 * more pieces of the sentence). The forms, with S the source and C the content:
 *   S said (that) C · S told someone (that) C · S called it C      — content after the verb
 *   C, S said. · “C,” said S, a role. · C, S said, C (continued)     — content around the attribution
 *   S said: “C” · S said, “C”                                      — a quotation after the verb
 *   According to S, C · C, according to S
 *   …, adding that C · NAME: C · “C” — S
 * The speaker behind S (a name, "he", "the senator", "officials") is resolved later (sources.ts).
 */

export type { SourcePhrase, Statement, StatementForm } from './statements/statement.js';
export { sourceOf } from './statements/source-phrase.js';

/** Statements of one sentence, in cue order. */
export function sentenceStatements(doc: Doc, sentence: Sentence): Statement[] {
  // "S said that according to its count, C": an "according to" opening a verb's that-clause is part of what S said.
  const cues = findCues(doc, sentence).filter((cue, n, all) => cue.kind !== 'according' || lower(doc.tokens[cue.first - 1]) !== 'that' || !all.some((v, m) => m < n && v.kind === 'verb'));
  const out: Statement[] = [];
  // Each cue's attribution clause, so that a content stops where the next attribution begins.
  const plans = cues.map((cue) => ({ cue, source: cue.kind === 'verb' ? sourceOf(doc, cue) : null }));
  // "C1, first reported by S, C2": the aside credits the whole clause around it; its predicate's verb is no cue.
  let predicate = -1;
  plans.forEach(({ cue, source }, n) => {
    if (cue.first === predicate) return;
    const aside = cue.kind === 'verb' ? passiveAside(doc, cue, sentence) : null;
    if (aside) {
      predicate = aside.predicate;
      const parts = aside.parts.map((p) => trimContent(doc, p));
      out.push({ cue, source: aside.source, inherits: null, parts, direct: false, paragraph: sentence.paragraph, sentence, form: 'according' });
      return;
    }
    // A speech noun's owner ("Arkwell's claim that …, saying …") is no subject a later verb goes on with.
    const previous = out.findLast((s) => s.cue.kind !== 'noun') ?? null;
    const opening = cue.kind === 'participle' && !previous ? openingParticipleSubject(doc, cue, plans.slice(n + 1), sentence) : null;
    const limit = opening ? openingParticipleEnd(doc, opening) : contentLimit(doc, source, plans.slice(n + 1), sentence, cue.last);
    // "… while S proposed X and said C": the subject of the verb before "and", even when that verb said nothing itself.
    // Its subject must open a clause of the sentence, not sit inside one ("whether S could …", "X's proposed …").
    const earlier = plans.slice(0, n).findLast((p) => p.cue.kind === 'verb' && p.source !== null && !p.source.inverted)?.source ?? null;
    const opener = earlier ? doc.tokens[(earlier.listStart ?? earlier.head.first) - 1] : undefined;
    const opensClause = earlier !== null && (opener === undefined || opener.i < sentence.first || isComma(opener) || ['while', 'whereas'].includes(lower(opener)));
    const statement = buildStatement(doc, cue, source ?? opening, previous, limit, sentence, opensClause ? earlier : null);
    if (statement) out.push(statement);
  });
  return out;
}

/** The statement a cue makes, read by the form its kind calls for. */
function buildStatement(doc: Doc, cue: Cue, source: SourcePhrase | null, previous: Statement | null, limit: number, sentence: Sentence, earlier: SourcePhrase | null): Statement | null {
  const make = (parts: Range[], src: SourcePhrase | null, inherits: Statement | null, form: StatementForm): Statement | null => {
    const clean = parts.map((p) => trimContent(doc, p)).filter((p) => p.end > p.start && /[\p{L}\p{N}]/u.test(doc.text.slice(p.start, p.end)));
    if (clean.length === 0) return null;
    const direct = clean.every((p) => isQuotePart(doc, p));
    return { cue, source: src, inherits, parts: clean, direct, paragraph: sentence.paragraph, sentence, form };
  };
  if (cue.kind === 'according') return according(doc, cue, sentence, make);
  if (cue.kind === 'noun') return speechNounStatement(doc, cue, limit, sentence, make);
  if (cue.kind === 'label') return labelStatement(doc, cue, sentence, make);
  if (cue.kind === 'colon') return colonStatement(doc, cue, sentence, earlier, make);
  if (cue.kind === 'dash') return dashStatement(doc, cue, sentence, make);
  if (cue.kind === 'participle') return participleStatement(doc, cue, source, previous, limit, sentence, make);
  if (!source) return elidedStatement(doc, cue, previous, limit, sentence, earlier, make);
  return speakerLedStatement(doc, cue, source, previous, limit, sentence, make);
}
