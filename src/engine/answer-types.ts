import type { Person } from '../data/schema.js';

/** What kind of question the engine understood; decides how the answer is built. */
export type QuestionIntent =
  | 'who-said'
  | 'what-did-say'
  | 'who-is'
  | 'list-speakers'
  | 'list-topics'
  | 'when'
  | 'where'
  | 'why'
  | 'how-much'
  | 'article-about'
  | 'article-source'
  | 'passage-search'
  | 'empty';

/** The article an answer item comes from, as a reply cites it. */
export interface ArticleRef {
  id: string;
  title: string;
  source: string;
  date: string | null;
}

/** One cited piece of article text: a quote or a narration sentence. */
export interface AnswerItem {
  /** direct and reported are statements of a speaker; narration is the article's own voice. */
  readonly kind: 'direct' | 'reported' | 'narration';
  /** Verbatim article text at `start`-`end`. */
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  readonly speaker: Person | null;
  /** Who relayed a second-hand statement (an aide: "the governor said …"). */
  readonly reportedBy: Person | null;
  readonly quoteId: string | null;
  readonly topics: readonly string[];
  readonly article: ArticleRef;
  /**
   * When the attribution interrupts the statement (“A,” she said, “B.”): the speaker's own words, in
   * order, each verbatim article text at its offsets and inside `start`–`end`. `quote` is the whole
   * stretch, attribution included, so it stays one verbatim span; a renderer may show these instead.
   */
  readonly parts?: readonly QuotePart[];
  /** Narration that introduces a speaker (their name with their role): a reply shows it as who they are, not as a quote. */
  readonly introduction?: true;
}

/** A piece of a quote that is the speaker's own words. */
export interface QuotePart {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Read-only: answers are remembered and shared between everyone who asks the same question. */
export interface Answer {
  readonly question: string;
  readonly intent: QuestionIntent;
  /** False when the knowledge base does not answer the question. */
  readonly found: boolean;
  /** The one-line answer a reader sees first. */
  readonly summary: string;
  /** Best first. */
  readonly items: readonly AnswerItem[];
  /** What the knowledge base does cover, offered when `found` is false. */
  readonly suggestions: readonly string[];
}
