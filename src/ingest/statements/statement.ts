import type { Range } from '../../text/index.js';
import type { Cue } from '../cues.js';
import type { Sentence } from '../document.js';
import type { Span } from '../phrases.js';

/**
 * What stage 3 finds in a sentence: statements, each with its source phrase as written and the form it was found by.
 */

export interface SourcePhrase {
  /** The phrase that names the source ("the economist Tamsin Arkwell"), before any apposition. */
  head: Span;
  /** Descriptions set off by commas ("a former adviser to the campaign"). */
  appositions: Span[];
  /** After the verb ("…,” said Tamsin Arkwell). */
  inverted: boolean;
  /** The head owns the speech ("her warning", "Arkwell's pledge"): its possessive names the speaker. */
  possessor?: boolean;
  /** Where a list of names ending with the head begins ("Ysolde Brannock, Teodor Quillam, Marit Ossery said"). */
  listStart?: number;
}

export interface Statement {
  cue: Cue;
  /** Null when the source is the one of `inherits` (", adding that …", "… and added that …"). */
  source: SourcePhrase | null;
  inherits: Statement | null;
  /** The words said, in text order: one piece, or several around an interrupting attribution. */
  parts: Range[];
  direct: boolean;
  paragraph: number;
  sentence: Sentence;
  /** How the content was found: after the verb, around the attribution, a participle, a continued turn, … */
  form: StatementForm;
  /** Its words are in the next paragraph ("… put it this way:"): turns.ts fills `parts`. */
  awaitsQuote?: boolean;
}

export type StatementForm = 'after' | 'around' | 'participle' | 'elided' | 'quote-before' | 'according' | 'colon' | 'turn' | 'label' | 'dash' | 'noun';

/** Makes the statement of the cue being read from its content pieces (trimmed), or null when none says anything. */
export type Maker = (parts: Range[], src: SourcePhrase | null, inherits: Statement | null, form: StatementForm) => Statement | null;
