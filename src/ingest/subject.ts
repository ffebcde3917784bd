import { ADVERBIAL_STARTS, CONNECTIVE_SEGMENT, FEMALE_ROLE, GROUP_NOUNS, MALE_ROLE, NON_SPEAKER_HEADS, ORG_NOUNS } from './lexicon.js';
import { nameRuns, resolveRun } from './mentions.js';
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
export function resolveSubject(text: string, registry: Registry, range: Range, inverted = false): Entity | null {
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
    return describedOrganisation(lastText.replace(TRAILING_FILLER, ''), registry, lastSegment.start);
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
  const people = runs.filter(({ run }) => run.kind === 'person' && !run.possessive);
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
  return describedOrganisation(lastText.replace(TRAILING_FILLER, ''), registry, lastSegment.start);
}

/** "the ministry" → the latest ministry mentioned; "the regional education department" → that body. */
function describedOrganisation(fullPhrase: string, registry: Registry, at: number): Entity | null {
  // "A spokeswoman for the council" speaks for the council.
  const phrase = fullPhrase.replace(/^.*\s(?:for|of|at)\s+(?=(?:the|its)\s)/i, '');
  const ws = phrase.trim().split(/\s+/);
  const head = (ws[ws.length - 1] ?? '').toLowerCase();
  if (!ORG_NOUNS.has(head) || ws.length > 5 || ws.slice(1).some((w) => /^(?:his|her|their|my|our|your)$/i.test(w))) return null;
  const bare = phrase.trim().replace(LEADING_ARTICLE, '');
  // A bare "the club" refers back; with nothing to refer to, it names no one.
  const entity = bare.split(/\s+/).length === 1 ? registry.recentOrganisation(at, head) : registry.organisation(bare);
  if (entity) registry.mention(at, entity);
  return entity;
}

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
