import type { AnswerItem } from './answer-types.js';

/** How a reply joins the pieces of one statement that its attribution interrupts: an ellipsis, as print marks words left out. */
export const PART_SEPARATOR = ' … ';

/**
 * What an item quotes, as a reader should see it: the speaker's own words, piece by piece, when the
 * attribution interrupts them (“A,” she said, who …, “B.”), else the one verbatim span. Each piece is
 * verbatim article text; only their joining (PART_SEPARATOR) is the reply's.
 */
export function quotedWords(item: AnswerItem): readonly string[] {
  return item.parts && item.parts.length > 1 ? item.parts.map((p) => p.text) : [item.quote];
}
