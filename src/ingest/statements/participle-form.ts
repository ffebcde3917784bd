import type { Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import type { Maker, SourcePhrase, Statement } from './statement.js';
import { asideParticiple, coordinatedSubject, saidInRelativeClause, trailingClauseSubject, withSubject } from './participle-subjects.js';
import { mainSubject } from './clause-subjects.js';
import { weakVerbHolds } from './weak-verbs.js';
import { complement } from './verb-complement.js';

/** "…, saying C": a participle's words, and whose they are. */
export function participleStatement(doc: Doc, cue: Cue, source: SourcePhrase | null, previous: Statement | null, limit: number, sentence: Sentence, make: Maker): Statement | null {
  // "Tamsin Arkwell, after first saying …, left": an aside between the subject and its verb.
  const aside = asideParticiple(doc, cue, sentence);
  if (aside) {
    const inside = complement(doc, cue, aside.from, Math.min(limit, aside.end));
    return inside && weakVerbHolds(doc, cue, inside) ? make([inside], { head: aside.subject, appositions: [], inverted: false }, null, 'participle') : null;
  }
  const content = complement(doc, cue, cue.last + 1, limit);
  if (!content || !weakVerbHolds(doc, cue, content)) return null;
  // "with Tamsin Arkwell saying …": the phrase after "with" is the participle's own subject.
  const own = withSubject(doc, cue.first - 1, sentence.first);
  if (own) return make([content], { head: own, appositions: [], inverted: false }, null, 'participle');
  // ", saying …" continues the previous statement's speaker, else the subject of the clause it hangs on.
  if (previous && !saidInRelativeClause(doc, previous)) return make([content], null, previous, 'participle');
  // "Conceding that …, Tamsin Arkwell said …": an opening participle's subject is the main clause's, after it.
  if (source) return make([content], source, null, 'participle');
  const subject = coordinatedSubject(doc, sentence, cue.first) ?? trailingClauseSubject(doc, sentence, cue.first) ?? mainSubject(doc, sentence, cue.first);
  return subject ? make([content], subject, null, 'participle') : null;
}
