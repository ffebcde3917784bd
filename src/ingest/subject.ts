import { ADVERBIAL_STARTS, CONNECTIVE_SEGMENT, FEMALE_ROLE, GROUP_NOUNS, MALE_ROLE, MARKET_ROLE_NOUNS, NON_SPEAKER_HEADS, ORG_NOUNS } from './lexicon.js';
import { nameRuns, resolveRun, type NameRun } from './mentions.js';
import type { Entity, Registry } from './registry.js';
import { trimRange, words, type Range } from './text.js';

const DROPPED_SEGMENT = /^(?:who|which|whose|where|when|asked|speaking|according to|talking|writing|\d+)\b/i;
const PARTICIPLE_SEGMENT = /^\p{Ll}+ing\b/u;
const TRAILING_FILLER = /(?:\s+(?:has|had|have|will|would|also|then|again|once|later|earlier|previously|repeatedly|\p{Ll}+ly))+$/u;
const LEADING_ARTICLE = /^(?:the|a|an|its|their|his|her|our)\s+/i;

/**
 * Who a subject phrase names. "Sandra Okafor, regional secretary of the union" and "the official
 * representative of the ministry, Maria Zakharova" both give the person; without a person, an
 * organisation ("A spokesman for the Transport Workers Union"); "he"/"she" the latest compatible
 * person; "the ministry" the latest organisation of that kind. Records a role when it sees one.
 */
export function resolveSubject(text: string, registry: Registry, whole: Range, inverted = false): Entity | null {
  const range = withoutLeadingConjunction(text, whole);
  const segments = commaSegments(text, range).filter((seg) => {
    const value = text.slice(seg.start, seg.end);
    return !DROPPED_SEGMENT.test(value) && !PARTICIPLE_SEGMENT.test(value) && !CONNECTIVE_SEGMENT.test(value);
  });
  if (segments.length === 0) return null;
  const lastSegment = segments[segments.length - 1] ?? range;
  const lastText = text.slice(lastSegment.start, lastSegment.end);
  // "…, a pledge her party says": a phrase right before the verb, with no comma closing it, is the
  // subject by itself; only a comma-closed apposition lets an earlier name be the speaker.
  const nounPhrase = /^(?:a|an|the|his|her|its|their|this|that|one|some)\s/i.test(lastText);
  if (!inverted && nounPhrase && segments.length > 1 && !/,\s*$/.test(text.slice(lastSegment.start, range.end)) && nameRuns(text, lastSegment).length === 0) {
    return describedOrganisation(text, lastText.replace(TRAILING_FILLER, ''), registry, lastSegment.start);
  }
  const head = /^(?:(?:the|a|an|one|another|new)\s+)?(?:[\p{Ll}-]+\s+)?(\p{Ll}+)\b/u.exec(text.slice(segments[0]?.start ?? 0, segments[0]?.end ?? 0).toLowerCase());
  if (head?.[1] && NON_SPEAKER_HEADS.has(head[1])) return null;
  const firstValue = text.slice(segments[0]?.start ?? 0, segments[0]?.end ?? 0).replace(TRAILING_FILLER, '');
  if (segments.length === 1) {
    const pronoun = firstValue.toLowerCase();
    if (pronoun === 'he' || pronoun === 'she') return registry.pronoun(range.start, pronoun === 'he' ? 'm' : 'f');
    if (pronoun === 'it') return registry.recentOrganisation(range.start, null);
  }
  const runs = segments.flatMap((seg) => nameRuns(text, seg).map((run) => ({ run, seg })));
  // Where each segment's last organisation starts, looked up once per run (not a scan of every run: a long list of names stays linear).
  const lastOrganisation = new Map<Range, number>();
  for (const { run, seg } of runs) if (run.kind === 'organisation') lastOrganisation.set(seg, Math.max(lastOrganisation.get(seg) ?? -1, run.start));
  const people = runs.filter(({ run, seg }) => run.kind === 'person' && !run.possessive && !modifiesOrganisation(text, run, seg, lastOrganisation));
  for (let i = people.length - 1; i >= 0; i--) {
    const candidate = people[i];
    if (!candidate) continue;
    const wholeSegment = candidate.run.start === trimRange(text, candidate.seg).start && candidate.run.end >= candidate.seg.end - 1;
    // "Analysts said …": a lone capitalised plural opening the subject is a common noun, not a surname.
    const commonPlural = candidate.run.name.length === 1 && GROUP_NOUNS.has((candidate.run.name[0] ?? '').toLowerCase());
    const entity = resolveRun(registry, candidate.run, (wholeSegment && !commonPlural) || candidate.run.name.length > 1, wholeSegment);
    if (!entity) continue;
    registry.mention(candidate.run.start, entity);
    noteRole(text, registry, entity, segments, candidate.seg, candidate.run.nameStart);
    return entity;
  }
  const orgs = runs.filter(({ run }) => run.kind === 'organisation' && !run.media);
  // "The European Union's foreign policy chief" speaks for the European Union when no one is named.
  const org = orgs.filter(({ run }) => !run.possessive).at(-1) ?? orgs.at(-1);
  if (org) {
    const entity = resolveRun(registry, org.run, true);
    if (entity) registry.mention(org.run.start, entity);
    return entity;
  }
  return describedOrganisation(text, lastText.replace(TRAILING_FILLER, ''), registry, lastSegment.start);
}

const LEADING_CONJUNCTION = /^(?:but|and|yet|so|still|now)\s+/i;

/** "But she acknowledged that …": a sentence-opening conjunction links sentences; it is not part of the subject. */
function withoutLeadingConjunction(text: string, range: Range): Range {
  const match = LEADING_CONJUNCTION.exec(text.slice(range.start, range.end));
  return match ? { start: range.start + match[0].length, end: range.end } : range;
}

/**
 * "City fans' group Kingsport Supporters United": a lone capitalised word followed by a lower-case noun
 * and then an organisation's name qualifies that organisation; it is not a person who speaks.
 */
function modifiesOrganisation(text: string, run: NameRun, seg: Range, lastOrganisation: ReadonlyMap<Range, number>): boolean {
  if (run.name.length !== 1) return false;
  const laterOrg = (lastOrganisation.get(seg) ?? -1) > run.end;
  return laterOrg && /^\s+\p{Ll}/u.test(text.slice(run.end, seg.end));
}

/** "the ministry" → the latest ministry mentioned; "the regional education department" → that body. */
function describedOrganisation(text: string, fullPhrase: string, registry: Registry, at: number): Entity | null {
  // "A spokeswoman for the council" speaks for the council.
  const phrase = fullPhrase.replace(/^.*\s(?:for|of|at)\s+(?=(?:the|its)\s)/i, '');
  const ws = phrase.trim().split(/\s+/);
  const head = (ws[ws.length - 1] ?? '').toLowerCase();
  if (DOCUMENT_NOUNS.has(head) && ws.length === 2 && /^(?:the|its)$/i.test(ws[0] ?? '')) return documentIssuer(text, registry, at);
  if (!ORG_NOUNS.has(head) || ws.length > 5 || ws.slice(1).some((w) => /^(?:his|her|their|my|our|your)$/i.test(w))) return null;
  const bare = phrase.trim().replace(LEADING_ARTICLE, '');
  // A bare "the club" refers back; with nothing to refer to, it names no one.
  const entity = bare.split(/\s+/).length === 1 ? registry.recentOrganisation(at, head) : namedOrDescribed(text, bare, head, registry);
  if (entity) registry.mention(at, entity);
  return entity;
}

/** Things a body issues that are then said to speak: "…,” the advisory says. */
const DOCUMENT_NOUNS = new Set(['advisory', 'guidance', 'guidelines', 'leaflet', 'notice', 'circular', 'memo']);

/**
 * "The ministry's advice includes … “Do not …,” the advisory says": a document speaks for the body whose
 * possessive ("the ministry's") last came before it in the same paragraph; otherwise it names no one.
 */
function documentIssuer(text: string, registry: Registry, at: number): Entity | null {
  const paragraphStart = text.lastIndexOf('\n', at) + 1;
  const owners = [...text.slice(paragraphStart, at).matchAll(/\b(?:the|its)\s+(\p{Ll}+)['’]s\s/giu)];
  const noun = owners.at(-1)?.[1]?.toLowerCase();
  if (!noun || !ORG_NOUNS.has(noun)) return null;
  const entity = registry.recentOrganisation(at, noun);
  // Only a body really called so ("Dolinsk regional health ministry"), not the latest organisation of any kind.
  return entity && entity.name.toLowerCase().split(/\s+/).includes(noun) ? entity : null;
}

const NAME = String.raw`\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*)*`;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/**
 * "the national grid operator": the organisation the article names with that description
 * ("Transgrid, the national grid operator," / "the grid operator, Transgrid," / "grid operator Transgrid"),
 * else the description itself for a public body ("the state fire service"). A market role ("operator",
 * "company") with no name beside it stays unresolved: it is some named firm, and guessing a new speaker is worse.
 */
function namedOrDescribed(text: string, description: string, head: string, registry: Registry): Entity | null {
  const named = namedByDescription(text, description);
  if (named) return registry.entities.find((e) => e.name === named) ?? registry.organisation(named);
  return MARKET_ROLE_NOUNS.has(head) ? null : registry.organisation(description);
}

/** The capitalised name set in apposition with a description (its last two words suffice), or null. */
function namedByDescription(text: string, description: string): string | null {
  const desc = escapeRe(description.split(/\s+/).slice(-2).join(' '));
  const patterns = [
    // Only adjectives between: "Smith, the head of the grid operator" is a person who works there.
    new RegExp(String.raw`(?<!\p{L})(${NAME}),\s+(?:the|its)\s+(?:(?!(?:of|for|at|in|the)\s)[\p{Ll}'’-]+\s+)*${desc}\b`, 'u'),
    new RegExp(String.raw`\b${desc},\s+(${NAME}),`, 'u'),
    new RegExp(String.raw`\b${desc}\s+(${NAME})`, 'u'),
  ];
  for (const [n, pattern] of patterns.entries()) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'gu'))) {
      const name = match[1]?.replace(/^(?:The|A|An)\s+/, '');
      // "the head of the city's port authority, Dragan Kovac,": the description qualifies another noun there,
      // and a person's full name is not an organisation's.
      const before = text.slice(Math.max(0, (match.index ?? 0) - 12), match.index ?? 0);
      const qualifiesOther = n === 1 && /(?:\b(?:of|for|at|to|from|with|in|by)\s+(?:the\s+)?|['’]s\s+)$/.test(before);
      if (!name || RUN_START_WORDS.test(name) || qualifiesOther) continue;
      if (nameRuns(name, { start: 0, end: name.length }).some((r) => r.kind === 'person' && r.name.length > 1)) continue;
      return name;
    }
  }
  return null;
}

/** A capitalised sentence opener is no name ("However, the grid operator …"). */
const RUN_START_WORDS = /^(?:However|Meanwhile|But|And|In|On|At|After|Before|Earlier|Later|Separately|Also)$/;

function commaSegments(text: string, range: Range): Range[] {
  const result: Range[] = [];
  let start = range.start;
  for (let i = range.start; i <= range.end; i++) {
    if (i === range.end || text[i] === ',') {
      const seg = trimRange(text, { start, end: i });
      if (seg.end > seg.start) result.push(seg);
      start = i + 1;
    }
  }
  return result;
}

const HONORIFIC = /(?:^|\s)(?:mr|ms|mrs|miss|dr|mx|sir|dame)\.?(?=\s|$)/gi;

/** A role as people would say it: no article, no honorific, no relative clause. */
export function cleanRole(raw: string): string {
  return raw
    .replace(/\s+(?:who|which)\b.*$/, '')
    .replace(HONORIFIC, ' ')
    .replace(LEADING_ARTICLE, '')
    .replace(/^(?:the|a|an|its|their|his|her)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The role is the apposition ("…, head of X,") or the words before the name ("White House press secretary"). */
function noteRole(text: string, registry: Registry, entity: Entity, segments: Range[], own: Range, nameStart: number): void {
  const prefix = text.slice(own.start, nameStart).trim();
  const others = segments.filter((seg) => seg !== own).map((seg) => text.slice(seg.start, seg.end));
  const raw = others[0] ?? prefix;
  const role = cleanRole(raw);
  // An apposition ("Its harbour master, Captain Erik Solberg") says more than a bare title ("Captain").
  if (entity.role && role.split(' ').length <= entity.role.split(' ').length) return;
  const firstWord = (role.split(' ')[0] ?? '').toLowerCase();
  // "In a statement, X said": an adverbial, not a role.
  const clauseLike = /[“”"]|\s(?:and|but|or)$/.test(role); // 'called the move "a victory" but' is not a role
  if (!role || !/\p{L}/u.test(role) || clauseLike || ADVERBIAL_STARTS.has(firstWord) || words(role, { start: 0, end: role.length }).length > 14) return;
  entity.role = role;
  if (!entity.gender) entity.gender = FEMALE_ROLE.test(role) ? 'f' : MALE_ROLE.test(role) ? 'm' : null;
  // The last organisation is the institution ("head of the Department for CIS of the Russian Foreign Ministry").
  const orgRun = nameRuns(role, { start: 0, end: role.length })
    .filter((run) => run.kind === 'organisation' && !run.media)
    .at(-1);
  if (orgRun) entity.organisation = registry.organisation(orgRun.name.join(' ')).name;
}
