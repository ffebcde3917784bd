import type { Doc, Token } from './document.js';
import { isComma, lower } from './phrases.js';

/**
 * Where what was said ends before ", but" when the clause "but" opens is the writer's, not the speaker's:
 *   "said the plan was sound, but she did not vote for it" — "he"/"she" then a verb that is no modal: the narration
 *   goes on about the speaker (a reported clause goes on with a modal: "…, but she would vote for it");
 *   "praised the old pier, but few people use it" — what was said has no verb of its own (only an object), so the
 *   clause "but" opens cannot be joined to it: it is joined to the sentence's own clause.
 * Inside a quotation nothing ends. Returns the last token of what was said (`last` when nothing ends it).
 */
export function contrastEnd(doc: Doc, first: number, last: number): number {
  for (let k = first + 1; k <= last; k++) {
    const but = doc.tokens[k];
    if (!but || but.quote || lower(but) !== 'but' || !commaBefore(doc, k)) continue;
    const subject = doc.tokens[k + 1];
    if (!subject || subject.quote) continue;
    if (['he', 'she'].includes(lower(subject)) && !MODALS.has(lower(doc.tokens[k + 2]))) return k - 1;
    if (SUBJECT_POS.has(subject.pos) && !hasFiniteVerb(doc, first, k - 1) && hasFiniteVerb(doc, k + 2, Math.min(last, k + 8))) return k - 1;
  }
  return last;
}

const MODALS = new Set(['would', 'could', 'should', 'might', 'will', 'can', 'may', 'must', "'d", 'shall']);
const SUBJECT_POS = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'ADJ', 'NUM']);

/** A comma right before `k`, or a quotation closing on a comma (`“…,” but`). */
function commaBefore(doc: Doc, k: number): boolean {
  const before = doc.tokens[k - 1];
  if (isComma(before) && !before?.quote) return true;
  return before?.quote !== null && before?.quote !== undefined && /,\s*["”’']+$/.test(doc.text.slice(before.quote.outer.start, before.end));
}

/** A finite verb among tokens first..last: an auxiliary, or a verb that is no -ing form and not after "to". */
function hasFiniteVerb(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t: Token | undefined = doc.tokens[k];
    if (!t || lower(doc.tokens[k - 1]) === 'to') continue;
    if (t.pos === 'AUX' && !['being', 'been', 'having', 'be'].includes(lower(t))) return true;
    if (t.pos === 'VERB' && !/ing$/.test(lower(t))) return true;
  }
  return false;
}
