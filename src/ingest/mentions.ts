import { CALENDAR_WORDS, FEMALE_HONORIFICS, MALE_HONORIFICS, MEDIA_WORDS, ORG_WORDS, PLACE_PREFIXES, PROPER_ORG_WORDS, RUN_STOPWORDS, TITLES } from './lexicon.js';
import type { Entity, Gender, Registry } from './registry.js';
import { words, type Range, type Word } from './text.js';

/** A name-like run of capitalised words, classified. */
export interface NameRun {
  start: number;
  end: number;
  kind: 'person' | 'organisation';
  /** The name words: a person's without titles, an organisation's without a leading article. */
  name: string[];
  /** The name's first word offset (after titles), for roles written before the name. */
  nameStart: number;
  gender: Gender;
  /** Only a title or honorific marked it as a name ("Mr Ek"): a lone surname to look up. */
  honorific: boolean;
  possessive: boolean;
  media: boolean;
}

const CONNECTORS = new Set(['of', 'for', 'de', 'van', 'von', 'al', 'bin', 'du', 'da', 'la', 'le']);
const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const POSSESSIVE = /['’]s$/;
/** A common noun right before a name makes it an organisation: "the group Clean Air Westbrook", "airline SkyBridge". */
const ORG_BEFORE = new Set(['group', 'company', 'firm', 'club', 'team', 'charity', 'organisation', 'organization', 'campaign', 'vendor', 'band', 'party', 'agency', 'newspaper', 'broadcaster', 'airline', 'carrier', 'retailer', 'lender', 'maker', 'insurer', 'operator', 'supermarket', 'chain', 'startup', 'giant', 'manufacturer', 'bank', 'website', 'platform', 'union', 'council', 'regulator', 'watchdog', 'body', 'institute', 'ministry', 'department', 'authority']);

/** Capitalised runs in `range`: "Russian President Vladimir Putin", "Ministry of Health", "Mr Weis". */
export function nameRuns(text: string, range: Range): NameRun[] {
  const ws = words(text, range);
  const runs: NameRun[] = [];
  let i = 0;
  while (i < ws.length) {
    const w = ws[i];
    if (!w || !isCap(w.text)) {
      i++;
      continue;
    }
    const run: Word[] = [w];
    let j = i + 1;
    while (j < ws.length && !POSSESSIVE.test(ws[j - 1]?.text ?? '')) {
      const next = ws[j];
      const prev = ws[j - 1];
      if (!next || !prev || text.slice(prev.end, next.start) !== ' ') break;
      if (isCap(next.text)) run.push(next);
      else if (CONNECTORS.has(next.text) && isCap(ws[j + 1]?.text ?? '') && text.slice(next.end, ws[j + 1]?.start ?? 0) === ' ') run.push(next);
      else if (next.text === 'and' && joinsOrganisation(ws, j + 1, run)) run.push(next);
      else break;
      j++;
    }
    // Only a lower-case noun directly before the name counts ("airline SkyBridge", not "Ministry, Maria Zakharova").
    const before = ws[i - 1];
    const adjacent = before && /^\p{Ll}+$/u.test(before.text) && text.slice(before.end, w.start) === ' ';
    const classified = classify(run, adjacent ? before.text : '');
    if (classified) runs.push(classified);
    i = j;
  }
  return runs;
}

/** "Maritime and Coastguard Agency" is one name; "Tomas Ek and Ruth Adler" are two. */
function joinsOrganisation(ws: Word[], from: number, run: Word[]): boolean {
  if (run.some((w) => ORG_WORDS.has(w.text.toLowerCase()))) return false;
  for (let k = from; k < ws.length && isCap(ws[k]?.text ?? '') && (k === from || (ws[k]?.start ?? 0) - (ws[k - 1]?.end ?? 0) === 1); k++) {
    if (ORG_WORDS.has((ws[k]?.text ?? '').toLowerCase())) return true;
  }
  return false;
}

function classify(run: Word[], wordBefore: string): NameRun | null {
  let k = 0;
  while (k < run.length && RUN_STOPWORDS.has((run[k]?.text ?? '').toLowerCase())) k++;
  const core = run.slice(k);
  const first = core[0];
  const last = core[core.length - 1];
  if (!first || !last) return null;
  const possessive = POSSESSIVE.test(last.text);
  const bare = core.map((w) => w.text.replace(POSSESSIVE, ''));
  const lower = bare.map((w) => w.toLowerCase());
  const base = { start: first.start, end: last.end, possessive, gender: null, honorific: false };
  const media = lower.some((w) => MEDIA_WORDS.has(w));
  const acronym = bare.length === 1 && /^\p{Lu}{2,}$/u.test(bare[0] ?? '');
  // A lone "Council" or "Ministry" (often just a capitalised sentence start) names nothing in particular.
  if (lower.length === 1 && ORG_WORDS.has(lower[0] ?? '') && !PROPER_ORG_WORDS.has(lower[0] ?? '')) return null;
  if (lower.some((w) => ORG_WORDS.has(w)) || ORG_BEFORE.has(wordBefore) || acronym) {
    return { ...base, kind: 'organisation', name: bare, nameStart: first.start, media };
  }
  let t = -1;
  lower.forEach((w, idx) => {
    if (TITLES.has(w)) t = idx;
  });
  // An acronym before the name is a title or an organisation ("US President", "Opposition MP").
  bare.forEach((w, idx) => {
    if (idx > t && idx < bare.length - 1 && /^\p{Lu}{2,}$/u.test(w)) t = idx;
  });
  const nameWords = bare.slice(t + 1);
  const nameStart = core[t + 1]?.start ?? first.start;
  if (nameWords.length === 0 || nameWords.length > 4) return null;
  const nameLower = nameWords.map((w) => w.toLowerCase());
  if (nameLower.some((w) => CALENDAR_WORDS.has(w) || RUN_STOPWORDS.has(w)) || nameWords.some((w) => /\d/.test(w) || /^\p{Lu}{2,}$/u.test(w))) return null;
  if (nameWords.length > 1 && PLACE_PREFIXES.has(nameLower[0] ?? '')) return null;
  const honorific = t >= 0;
  let gender: Gender = null;
  for (const w of lower.slice(0, t + 1)) {
    if (MALE_HONORIFICS.has(w)) gender = 'm';
    if (FEMALE_HONORIFICS.has(w)) gender = 'f';
  }
  return { ...base, kind: 'person', name: nameWords, nameStart, gender, honorific: honorific && nameWords.length === 1, media: false };
}

/**
 * The entity a run names, registering it: organisations and full names always; a lone capitalised
 * word only when it is a known surname (or, where `fuzzy`, a misspelling of one), or `create` says the
 * context makes it a name.
 */
export function resolveRun(registry: Registry, run: NameRun, create: boolean, fuzzy = create): Entity | null {
  if (run.kind === 'organisation') return registry.organisation(run.name.join(' '), run.media);
  if (run.name.length === 1) {
    const word = run.name[0] ?? '';
    // A misspelling is only trusted where a name is expected (a speaker, "Mr X"); "African" is not "Africa".
    const known = registry.bySurname(word, run.honorific, fuzzy || run.honorific);
    if (known) {
      if (run.gender && !known.gender) known.gender = run.gender;
      return known;
    }
    return create || run.honorific ? registry.person([word], run.gender) : null;
  }
  return registry.person(run.name, run.gender);
}
