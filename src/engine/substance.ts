import type { EvidenceUnit } from './evidence.js';

/** Content words: under SHORT a fragment, under BRIEF a phrase, from LONG a run of several statements. */
const SHORT = 4;
const BRIEF = 8;
const LONG = 50;
const FRAGMENT = 0.7;
const PHRASE = 0.9;
const RUN_ON = 0.7;

/**
 * How much a quote says as one statement, for a question that names a speaker and no subject ("what did
 * X say?"): everything X said matches it alike, so the answer leads with X's whole statements. A fragment
 * of a few words (“soft”, “a disaster”) says little alone; a run of many sentences is several statements
 * at once. Between the two, the article's order stands (its lead first).
 */
export function substance(unit: EvidenceUnit): number {
  if (unit.length < SHORT) return FRAGMENT;
  if (unit.length < BRIEF) return PHRASE;
  return unit.length >= LONG ? RUN_ON : 1;
}
