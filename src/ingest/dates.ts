import type { DateMention } from '../data/schema.js';
import { MONTHS } from './lexicon.js';
import type { Range } from '../text/index.js';

const MONTH = MONTHS.join('|');
/** "February 4", "May 12, 2024", "4 February 2024". */
const DATE_RE = new RegExp(`\\b(?:(?:${MONTH})\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+(?:${MONTH})(?:\\s+\\d{4})?)\\b`, 'g');

const MAX_EVENT = 200;

/** Month-day dates in the body, each with its sentence as the event line. */
export function findDates(text: string, paragraphs: readonly Range[], sentencesOf: (paragraph: number) => Range[]): DateMention[] {
  const found: DateMention[] = [];
  paragraphs.forEach((paragraph, i) => {
    const slice = text.slice(paragraph.start, paragraph.end);
    for (const match of slice.matchAll(new RegExp(DATE_RE.source, 'g'))) {
      const start = paragraph.start + (match.index ?? 0);
      const end = start + match[0].length;
      const sentence = sentencesOf(i).find((s) => s.start <= start && end <= s.end) ?? paragraph;
      let event = text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim();
      if (event.length > MAX_EVENT) event = `${event.slice(0, MAX_EVENT - 1).trimEnd()}…`;
      found.push({ text: match[0], start, end, paragraph: i + 1, event });
    }
  });
  return found;
}
