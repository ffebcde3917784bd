import { trimRange, type Range } from '../../text/index.js';
import type { Doc } from '../document.js';
import { quotationsAround, quotedWords, type Quotation } from '../quotations.js';

/**
 * A content piece trimmed to what was said: no spaces or stops at its ends, no marks around a whole quotation, no
 * act or remark after it.
 */

/** Trims a content piece: spaces, a trailing stop or comma outside a quotation, the marks of a whole quotation. */
export function trimContent(doc: Doc, range: Range): Range {
  const text = doc.text;
  let { start, end } = trimRange(text, range);
  // An invisible format character (a direction mark pasted from a post) before the words is none of them.
  while (start < end && /\p{Cf}/u.test(text[start] ?? '')) start++;
  const whole = wholeQuotation(doc, { start, end });
  if (whole) return quotedWords(text, whole);
  // "said X and declined to comment further": what the speaker did next, not what they said.
  const declined = DECLINED_TAIL.exec(text.slice(start, end)) ?? (PRONOUN_OPENING.test(text.slice(start, end)) ? null : COURTESY_TAIL.exec(text.slice(start, end)));
  if (declined && !doc.tokens.some((t) => t.quote && t.start >= start + declined.index && t.start < end)) end = start + declined.index;
  // "said X, echoing a memo from …": how the words relate to someone else's is the writer's remark, not more of them.
  const echo = ECHO_TAIL.exec(text.slice(start, end));
  if (echo && !doc.tokens.some((t) => t.quote && t.start >= start + echo.index && t.start < end)) end = start + echo.index;
  end = narrationAfterQuote(doc, start, end);
  // A final stop stays when it is part of a quotation (one left open to the paragraph's end included).
  const quoted = (at: number): boolean => [...quotationsAround(doc.quotations, at)].some((q) => at < (q.closed ? q.outer.end - 1 : q.outer.end));
  while (end > start && /[\s.,;:—–-]/.test(text[end - 1] ?? '') && !(text[end - 1] === '.' && quoted(end - 1))) end--;
  while (start < end && /[\s,;:—–-]/.test(text[start] ?? '')) start++;
  return { start, end };
}

/**
 * "said the manager had left and thanked him": a courtesy after a clause about someone else is the speaker's own act;
 * after "said it had erred and apologised" the clause's own subject (the speaker) still acts.
 */
const COURTESY_TAIL = /,?\s+and\s+(?:thanked|praised|wished|welcomed|congratulated)\b/;
const ECHO_TAIL = /,\s+(?:echoing|mirroring|contradicting)\s+(?:a|an|the|his|her|their|its|earlier|remarks|comments)\b/;
const PRONOUN_OPENING = /^(?:it|we|i|he|she|they)\b/i;
const DECLINED_TAIL = /,?\s+(?:and|but)\s+(?:(?:declined|refused)\s+to\s+(?:comment|elaborate|say|give|discuss|answer|respond|confirm|name|provide)|(?:did|would)\s+not\s+(?:comment|elaborate|say))\b/;

/**
 * "said he was “tired” — a rare admission", "said she felt “ready,” which surprised many", "said it was “close” but
 * did not say more": once the speaker's quoted words have closed, a dash, a "which" clause or a subjectless "but"
 * with a verb is the writer's comment or the speaker's next act, not more of what was said.
 */
const NARRATION_AFTER_QUOTE = /^[^\n“”"‘’]*?(?=\s*(?:[—–]|\s--\s)|,?\s+which\s|,?\s+(?:as|until|when|after|while)\s+(?:he|she|they|it|we|i|the|asked|his|her|their)\b|,?\s+but\s+(?:did|does|do|would|could|was|were|has|had|also|then|declined|refused|stopped)\b)/;

function narrationAfterQuote(doc: Doc, start: number, end: number): number {
  let close = -1;
  for (const q of doc.quotations) if (q.closed && q.outer.end > start && q.outer.end < end && q.outer.start >= start) close = Math.max(close, q.outer.end);
  if (close < 0) return end;
  const cut = NARRATION_AFTER_QUOTE.exec(doc.text.slice(close, end));
  return cut && close + cut[0].length < end ? close + cut[0].length : end;
}

/** The quotation a piece consists of, marks included, if it is exactly one. */
function wholeQuotation(doc: Doc, range: Range): Quotation | null {
  for (const q of doc.quotations) {
    if (q.outer.start !== range.start) continue;
    const rest = doc.text.slice(q.outer.end, range.end);
    if (/^[\s.,;:!?]*$/.test(rest)) return q;
  }
  return null;
}

export function isQuotePart(doc: Doc, range: Range): boolean {
  return [...quotationsAround(doc.quotations, range.start, true)].some((q) => q.standalone && q.inner.start <= range.start && range.end <= q.outer.end);
}
