import { DASHES } from './cues.js';
import type { Doc } from './document.js';
import { lower } from './phrases.js';

/**
 * Where reported words end before a tail that is the writer's, set off at the end of the sentence by a lone
 * dash: "pledged to take the fight to the floor -- even as the mayor closed in on the votes" tells what happened
 * meanwhile ("as", "even as", "just as", "while", then a subject and a verb). A second dash makes it an aside
 * inside what was said, which goes on. Inside a quotation nothing ends. Returns the last token of what was said.
 */
export function writerTailEnd(doc: Doc, first: number, last: number): number {
  for (let k = first + 1; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) continue;
    const dash = dashLength(doc, k);
    if (dash > 0 && !laterDash(doc, k + dash, last) && meanwhileClause(doc, k + dash, last)) return k - 1;
  }
  return last;
}

const MEANWHILE = new Set(['as', 'while']);
const SUBJECT_POS = new Set(['PRON', 'PROPN', 'DET', 'NOUN', 'ADJ']);

/** Tokens in a dash at `k`: 1 for "—", "–", 2 for "--" (two hyphens), 0 when none. */
function dashLength(doc: Doc, k: number): number {
  const t = doc.tokens[k]?.text ?? '';
  if (DASHES.has(t)) return 1;
  return t === '-' && doc.tokens[k + 1]?.text === '-' && !doc.tokens[k + 1]?.quote ? 2 : 0;
}

function laterDash(doc: Doc, from: number, last: number): boolean {
  for (let k = from; k <= last; k++) if (dashLength(doc, k) > 0) return true;
  return false;
}

/** "as …", "even as …", "just as …", "while …", then a subject and a finite verb within ten words. */
function meanwhileClause(doc: Doc, from: number, last: number): boolean {
  let k = from;
  if (['even', 'just'].includes(lower(doc.tokens[k])) && lower(doc.tokens[k + 1]) === 'as') k++;
  const opener = doc.tokens[k];
  if (!opener || opener.quote || !MEANWHILE.has(lower(opener))) return false;
  const subject = doc.tokens[k + 1];
  if (!subject || subject.quote || !SUBJECT_POS.has(subject.pos)) return false;
  return hasFiniteVerb(doc, k + 2, Math.min(last, k + 10));
}

/** A finite verb among tokens first..last: an auxiliary, or a verb that is no -ing form and not after "to". */
function hasFiniteVerb(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || lower(doc.tokens[k - 1]) === 'to') continue;
    if (t.pos === 'AUX' && !['being', 'been', 'having', 'be'].includes(lower(t))) return true;
    if (t.pos === 'VERB' && !/ing$/.test(lower(t))) return true;
  }
  return false;
}
