import { WEAK_SPEECH_LEMMAS, type Range } from '../../text/index.js';
import type { Cue } from '../cues.js';
import { tokenStartingAt, type Doc } from '../document.js';
import { lower } from '../phrases.js';
import { COMMITMENTS } from './verb-complement.js';
import { TOPIC_SPEECH } from './amounts-and-topics.js';

/**
 * Verbs that often mean something else ("agreed", "pledged $5 million") report speech only when what follows is
 * introduced.
 */

/**
 * Verbs that often mean something else ("continued", "agreed", "pledged $5 million") report speech only when
 * "that" or a quotation follows them.
 */
export function weakVerbHolds(doc: Doc, cue: Cue, content: Range): boolean {
  if (!WEAK_SPEECH_LEMMAS.has(cue.lemma)) return true;
  if (COMMITMENTS.has(cue.lemma) && /^(?:not\s+)?to\s/.test(doc.text.slice(content.start, content.start + 7))) return true;
  if (COMMITMENTS.has(cue.lemma) && modalClauseAt(doc, content)) return true;
  const before = doc.text.slice(Math.max(0, content.start - 8), content.start);
  if (TOPIC_SPEECH.has(cue.lemma) && /\b(?:about|of)\s+$/.test(before)) return true;
  return /\bthat\s*$|[:,]\s*$/.test(before) || /^["“'‘`]/.test(doc.text.slice(content.start - 1, content.start + 1).trim());
}

const MODALS = new Set(['will', 'would', 'shall', 'should', 'could', 'can', 'must', 'may', 'might']);

/** "vowed the bridge would open": a noun phrase, then a modal, opens the content (a clause without "that"); no verb, comma or quote before. */
function modalClauseAt(doc: Doc, content: Range): boolean {
  const start = tokenStartingAt(doc, content.start);
  if (!start) return false;
  const first = start.i;
  for (let k = first; k < first + 7; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.end > content.end) return false;
    if (k > first && t.pos === 'AUX' && MODALS.has(lower(t))) return true;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT' || t.pos === 'ADP' || t.pos === 'SCONJ') return false;
  }
  return false;
}
