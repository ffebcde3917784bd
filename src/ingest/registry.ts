import { FEMALE_NAMES, MALE_NAMES } from './lexicon.js';
import { editDistance, slug } from './text.js';

export type Gender = 'm' | 'f' | null;

/** A person or organisation the article mentions; becomes a `people` entry once it speaks. */
export interface Entity {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
  role: string | null;
  organisation: string | null;
  aliases: Set<string>;
  /** How the text describes it ("the club", "the ministry"): what readers will call it too. */
  descriptions: Set<string>;
  gender: Gender;
  media: boolean;
}

interface Mention {
  at: number;
  entity: Entity;
  /** The sentence's subject (its first person, or a speaker): the likelier antecedent of "he"/"she". */
  subject: boolean;
}

/** How far back (in characters) a sentence subject still beats a later non-subject mention. */
const PRONOUN_WINDOW = 300;

const norm = (name: string): string =>
  name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]s$/, '')
    .replace(/[.,]/g, '')
    .trim();

/** Everyone the article mentions, in text order, with the lookups attribution needs. */
export class Registry {
  readonly entities: Entity[] = [];
  private readonly mentions: Mention[] = [];

  /** A name finds the person it (mis)spells, or creates one. */
  person(nameWords: readonly string[], gender: Gender = null): Entity {
    const name = nameWords.join(' ');
    const known = this.entities.find((e) => e.kind === 'person' && norm(e.name) === norm(name)) ?? (nameWords.length > 1 ? this.sameSurname(nameWords) : this.bySurname(name, false));
    const entity = known ?? this.add(name, 'person');
    if (known && norm(known.name) !== norm(name)) known.aliases.add(name);
    if (gender && !entity.gender) entity.gender = gender;
    return entity;
  }

  /** A lone surname, exact or misspelled (edit distance ≤ 2 from five letters, ≤ 1 for shorter ones). */
  bySurname(word: string, lenient: boolean, fuzzy = true): Entity | null {
    const target = norm(word);
    const people = this.entities.filter((e) => e.kind === 'person');
    const exact = people.filter((e) => surnames(e).some((s) => s === target));
    if (exact.length > 0) return exact[exact.length - 1] ?? null;
    if (!fuzzy) return null;
    // Short names are too easy to confuse ("Hale"/"Hall"), so the limit grows with length.
    const limit = target.length >= 5 ? 2 : target.length >= 4 || (lenient && target.length >= 3) ? 1 : 0;
    if (limit === 0) return null;
    let best: { entity: Entity; distance: number } | null = null;
    for (const entity of people) {
      for (const surname of surnames(entity)) {
        if (surname[0] !== target[0]) continue;
        const distance = editDistance(surname, target);
        if (distance <= limit && (!best || distance < best.distance)) best = { entity, distance };
      }
    }
    if (best) best.entity.aliases.add(word);
    return best?.entity ?? null;
  }

  /** "Alexei Polischuk" after "Alexei Polishchuk": same first name, surname within the misspelling limit. */
  private sameSurname(nameWords: readonly string[]): Entity | null {
    const first = norm(nameWords[0] ?? '');
    const last = nameWords[nameWords.length - 1] ?? '';
    const candidate = this.bySurname(last, false);
    if (candidate && norm(candidate.name.split(' ')[0] ?? '') === first) return candidate;
    return null;
  }

  organisation(name: string, media = false): Entity {
    const known = this.entities.find((e) => e.kind === 'organisation' && (norm(e.name) === norm(name) || [...e.aliases].some((a) => norm(a) === norm(name))));
    const entity = known ?? this.add(name.replace(/^the\s+/i, ''), 'organisation');
    if (media) entity.media = true;
    return entity;
  }

  /**
   * The latest organisation mentioned before `at` whose name has the word `noun` ("the ministry"), else the
   * latest one with a proper name ("the club" for "Kingsport City"); with no noun ("it"), the latest of all.
   */
  recentOrganisation(at: number, noun: string | null): Entity | null {
    const orgs = this.mentions.filter((m) => m.at < at && m.entity.kind === 'organisation' && !m.entity.media);
    // Whole words: "the port" is not "Clean Ports".
    const withNoun = noun ? orgs.filter((m) => m.entity.name.toLowerCase().split(/\s+/).includes(noun)) : [];
    // Without a match, a named body may be "the club"; a described one ("state fire service") is never "the company".
    const fallback = noun ? orgs.filter((m) => m.entity.name !== m.entity.name.toLowerCase()) : orgs;
    const found = (withNoun[withNoun.length - 1] ?? fallback[fallback.length - 1])?.entity ?? null;
    if (found && noun && withNoun.length === 0) found.descriptions.add(`the ${noun}`);
    return found;
  }

  mention(at: number, entity: Entity, subject = true): void {
    // Kept in text order by inserting in place (after mentions at the same offset), not by sorting them all again.
    let after = this.mentions.length;
    while (after > 0 && (this.mentions[after - 1]?.at ?? 0) > at) after--;
    for (let i = after - 1; i >= 0 && this.mentions[i]?.at === at; i--) {
      const same = this.mentions[i];
      if (same?.entity === entity) return void (same.subject ||= subject);
    }
    this.mentions.splice(after, 0, { at, entity, subject });
  }

  /**
   * "he"/"she": the most recent person before `at` whose known gender does not conflict, preferring
   * sentence subjects ("Anna Berg met John Smith. She said …" is Anna), in the current or previous sentence run.
   */
  pronoun(at: number, gender: Gender, exclude: Entity | null = null): Entity | null {
    const compatible = (m: Mention): boolean =>
      m.at < at && m.entity.kind === 'person' && m.entity !== exclude && !(gender && m.entity.gender && m.entity.gender !== gender);
    const candidates = this.mentions.filter(compatible);
    const latest = candidates[candidates.length - 1];
    if (!latest) return null;
    const subjects = candidates.filter((m) => m.subject);
    const subject = subjects[subjects.length - 1];
    // A subject wins only when it is close (same stretch of text); otherwise the latest mention does.
    const chosen = subject && latest.at - subject.at < PRONOUN_WINDOW ? subject : latest;
    if (gender && !chosen.entity.gender) chosen.entity.gender = gender;
    return chosen.entity;
  }

  private add(name: string, kind: Entity['kind']): Entity {
    let id = slug(name);
    for (let n = 2; this.entities.some((e) => e.id === id); n++) id = `${slug(name)}-${n}`;
    const parts = name.toLowerCase().split(' ');
    const first = parts.length > 1 ? (parts[0] ?? '') : '';
    const gender: Gender = kind !== 'person' ? null : FEMALE_NAMES.has(first) ? 'f' : MALE_NAMES.has(first) ? 'm' : null;
    const entity: Entity = { id, name, kind, role: null, organisation: null, aliases: new Set(), descriptions: new Set(), gender, media: false };
    this.entities.push(entity);
    return entity;
  }
}

function surnames(entity: Entity): string[] {
  const parts = entity.name.split(' ');
  const result = [norm(parts[parts.length - 1] ?? '')];
  for (const alias of entity.aliases) if (!alias.includes(' ')) result.push(norm(alias));
  return result;
}
