import type { Answer, QuestionIntent } from '../answer-types.js';
import type { EvidenceUnit } from '../evidence.js';
import type { Knowledge, PersonEntry } from '../knowledge.js';
import type { PersonMatcher } from '../person-matcher.js';
import type { QuestionText } from '../question.js';
import type { ContentTerm, EvidenceIndex, ScoredUnit } from '../ranking.js';

/** What an answer type may read of the articles it answers from. */
export interface Scope {
  readonly knowledge: Knowledge;
  readonly units: readonly EvidenceUnit[];
  readonly index: EvidenceIndex;
  readonly people: PersonMatcher;
  topicLabel(id: string): string;
  /** Everyone quoted, most quoted first. */
  speakerEntries(): PersonEntry[];
  /** Questions this scope can answer, built from its own speakers and topics. */
  suggestions(): string[];
}

/** Who the question's speaker slot names ("what did [the governor's aide] say"). */
export type SpeakerConstraint =
  | { status: 'resolved'; people: PersonEntry[]; ambiguous: boolean; byRole: boolean }
  /** A description that only half fits: ask rather than guess. */
  | { status: 'unsure'; candidates: PersonEntry[] }
  /** Nobody in the article by that name or description. */
  | { status: 'unknown' };

/** A question read in one scope: everything the answer types weigh. */
export interface Understood {
  readonly text: QuestionText;
  readonly type: AnswerType;
  /** Null when the question names no speaker. */
  readonly speaker: SpeakerConstraint | null;
  /** The speaker slot as typed ("the governor's aide"), for wording. */
  readonly subject: string;
  /** People the question talks about (not as speakers). */
  readonly about: readonly PersonEntry[];
  /** What it is about: the content terms, people talked about among them. */
  readonly content: readonly ContentTerm[];
  /** Its words in order (stems), for proximity. */
  readonly sequence: readonly string[];
  /** What it is about, as typed ("about the new levy" → "the new levy"), for wording. */
  readonly topic: string;
}

/** A unit with the score the whole question gives it. */
export interface Ranked extends ScoredUnit {
  score: number;
  /** The unit's speaker is the one the question asks for. */
  bySpeaker: boolean;
}

export type Reply = Pick<Answer, 'found' | 'summary' | 'items' | 'suggestions'> & {
  /** How well the best evidence answers (0-1): lets several articles' answers be compared. */
  confidence: number;
};

/**
 * One kind of answer: how a question shows it wants it, how evidence fits it, and how the answer
 * is worded. Adding a kind of question is one module like this and one line in the registry.
 */
export interface AnswerType {
  readonly name: QuestionIntent;
  /** How strongly the question asks for this kind of answer (0-1); the strongest kind wins. Without a scope, from the words alone. */
  detect(question: QuestionText, scope?: Scope): number;
  /** Words that only say which kind of answer is wanted ("date" in "what date"): not what it is about. */
  readonly cueWords?: ReadonlySet<string>;
  /** Overview questions are answered from the data directly, without ranking evidence. */
  direct?(question: Understood, scope: Scope): Reply;
  /** How well a unit fits this kind of answer (multiplies its score; default 1): a "when" prefers a date. */
  fit?(unit: EvidenceUnit, question: Understood, scope: Scope): number;
  /** The leading wh-word also counts as a (weak) content word: evidence that itself says "where …" speaks to where. */
  readonly whWeight?: number;
  /** What narration (the article's own voice) weighs next to a quote for this kind of answer; default 0.8. */
  readonly narrationWeight?: number;
  /** Evidence scoring under this share of the best is left out (default 0.6): a question for one statement wants it alone. */
  relevanceRatio?(question: Understood): number;
  /** The answer is a person: when a quote answers, narration is left out (it names no speaker). */
  readonly quotesFirst?: boolean;
  /** The answer from the ranked evidence (best first; never empty). */
  word(question: Understood, ranked: readonly Ranked[], scope: Scope): Reply;
}
