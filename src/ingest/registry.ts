import { countBefore, editDistance, slug } from '../text/index.js';
import { givenNameGender, type Gender } from './names.js';

/** A person, organisation or described group the article mentions; becomes a `people` entry once it speaks. */
export interface Entity {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
  /** False for a source the article describes without naming ("officials", "a senior aide"). */
  named: boolean;
  role: string | null;
  organisation: string | null;
  aliases: Set<string>;
  /** How the text describes it ("the senator", "the campaign"): what readers call it too. */
  descriptions: Set<string>;
  /** Lower-case role nouns known for it ("senator", "governor"), for resolving "the senator". */
  roleNouns: Set<string>;
  /** As the text shows it: a title, a role word, the pronouns used for it. */
  gender: Gender;
  /** As its first name usually is ("Tamsin" → 'f'): used only where the text says nothing. */
  nameGender: Gender;
  media: boolean;
  /** Several people ("the candidates", "Tamsin Arkwell and Eskil Varnholm"): the antecedent of "they". */
  plural: boolean;
}

export interface Mention {
  /** Character offset in the article. */
  at: number;
  paragraph: number;
  sentence: number;
  entity: Entity;
  /** Subject of its sentence, or the source of a statement: the likelier antecedent of a pronoun. */
  subject: boolean;
  /** The source of a statement: a later "he said" most often continues the same speaker. */
  speaker: boolean;
  /** The sentence's first person, where a clause's subject stands ("Arkwell, who …, held"): the antecedent of a "he" later in that sentence. */
  leads?: boolean;
  /** Written with "'s" ("Arkwell's plan"): it qualifies something else. */
  possessive?: boolean;
}

/** "news agency", "newspaper" after a name: the body is a medium. */
const MEDIA_SUFFIX = /\s+(?:news\s+agency|news\s+service|newspaper|news|wire\s+service|broadcaster)$/i;

const norm = (name: string): string =>
  name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]s$/, '')
    .replace(/[.,]/g, '')
    .trim();

/**
 * Everyone the article mentions, in text order, with the look-ups attribution needs. Every look-up goes through an
 * index (normalised name, surname, misspelling neighbourhood, mention positions per entity), so an article naming
 * thousands of different people is read in time proportional to its length; an index may hold more candidates than
 * fit (a renamed entity keeps its old keys), and each candidate is checked against the rule itself.
 */
export class Registry {
  readonly entities: Entity[] = [];
  readonly mentions: Mention[] = [];
  /** Creation order, for "the one created last". */
  private readonly order = new Map<Entity, number>();
  private readonly ids = new Set<string>();
  /** Named people and bodies by every normalised name and alias. */
  private readonly byName = new Map<string, Entity[]>();
  /** Named people by normalised surname. */
  private readonly bySurnameKey = new Map<string, Entity[]>();
  /** Named people by every form of a surname with up to two letters deleted: candidates for a misspelling. */
  private readonly byNeighbour = new Map<string, Set<Entity>>();
  private readonly describedByName = new Map<string, Entity>();
  /** Each entity's mentions, ordered by position then by registration. */
  private readonly mentionsOf = new Map<Entity, Mention[]>();
  private readonly mentionKeys = new Map<string, Mention>();
  private readonly sequence = new Map<Mention, number>();
  private readonly speakers = new Set<Entity>();

  /** A person by name words (no titles): an earlier full name, a surname of one, a misspelling of one, or a new person. */
  person(nameWords: readonly string[], display: string, gender: Gender, at: number): Entity {
    const full = norm(nameWords.join(' '));
    const known =
      this.first(this.byName.get(full), (e) => e.kind === 'person' && e.named && (norm(e.name) === full || [...e.aliases].some((a) => norm(a) === full))) ??
      (nameWords.length === 1 ? this.bySurname(nameWords[0] ?? '', gender, at, true) : this.sameSurname(nameWords, gender, at));
    const entity = known ?? this.add(display, 'person', true);
    if (known && norm(known.name) !== norm(display)) {
      // A fuller form of a name seen first as a surname becomes the canonical name.
      if (known.name.split(' ').length < display.split(' ').length && norm(display).endsWith(norm(known.name))) {
        this.addAlias(known, known.name);
        known.name = display;
        this.index(known, [display]);
      } else this.addAlias(known, display);
    }
    if (gender && !entity.gender) entity.gender = gender;
    entity.nameGender ??= givenNameGender(nameWords);
    return entity;
  }

  /** A lone surname: the person of that surname mentioned most recently (of the right gender), exact, else misspelt. */
  bySurname(word: string, gender: Gender, at: number, fuzzy: boolean, titled = false): Entity | null {
    const found = this.surnameLookup(word, gender, at, fuzzy, titled);
    if (found?.misspelt) this.addAlias(found.entity, word);
    return found?.entity ?? null;
  }

  private surnameLookup(word: string, gender: Gender, at: number, fuzzy: boolean, titled: boolean): { entity: Entity; misspelt: boolean } | null {
    const target = norm(word);
    const fits = (e: Entity): boolean => e.kind === 'person' && e.named && !(gender && genderOf(e) && genderOf(e) !== gender);
    const exact = this.inOrder(this.bySurnameKey.get(target) ?? []).filter((e) => fits(e) && surnames(e).includes(target));
    const exactly = this.salient(exact, at);
    if (exactly) return { entity: exactly, misspelt: false };
    // "Mr. Sun" after "Sun Wenli": a title before the first word of the one two-word name that starts so (family name first).
    const familyFirst = titled ? this.entities.filter((e) => fits(e) && e.name.split(' ').length === 2 && norm(e.name.split(' ')[0] ?? '') === target) : [];
    if (familyFirst.length === 1 && familyFirst[0]) return { entity: familyFirst[0], misspelt: false };
    if (!fuzzy) return null;
    // Short names are too easy to confuse, so the limit grows with length.
    // A title ("Mr Dunmere") says a name is meant, so a short one may be misspelt too.
    const limit = target.length >= 6 ? 2 : target.length >= 4 || (titled && target.length >= 3) ? 1 : 0;
    if (limit === 0) return null;
    const candidates = new Set<Entity>();
    for (const key of deletions(target, limit)) for (const e of this.byNeighbour.get(key) ?? []) candidates.add(e);
    const close = this.inOrder([...candidates]).filter(
      (e) => fits(e) && surnames(e).some((s) => s[0] === target[0] && s.length >= 3 && editDistance(s, target, limit) <= limit),
    );
    const found = this.latest(close, at);
    return found ? { entity: found, misspelt: true } : null;
  }

  /** "Tamsin Arkwel" after "Tamsin Arkwell": the same first name, the surname within the misspelling limit. */
  private sameSurname(nameWords: readonly string[], gender: Gender, at: number): Entity | null {
    const first = norm(nameWords[0] ?? '');
    const surname = nameWords[nameWords.length - 1] ?? '';
    const found = this.surnameLookup(surname, gender, at, true, false);
    const candidate = found?.entity;
    // The same first name, or a first mention by surname alone ("Arkwell") then the full name: the same person.
    // A full name is a misspelling only of a person known by that first name: "Tamsin Arkwel" after "Tamsin Arkwell",
    // but "Tamsin Arkell" after a lone "Arkwell" is someone else.
    const same = candidate !== undefined && ((candidate.name.split(' ').length === 1 && !found?.misspelt) || norm(candidate.name.split(' ')[0] ?? '') === first);
    if (!found || !same) return null;
    // A misspelt surname is an alias only once the person is known to be the same (not someone else of a like name).
    if (found.misspelt) this.addAlias(found.entity, surname);
    return found.entity;
  }

  /**
   * Of several people of one surname, the one mentioned most often up to `at` (the article's "Arkwell"), then the one
   * mentioned last: a relative named once in passing does not take over every later "Arkwell".
   */
  private salient(entities: Entity[], at: number): Entity | null {
    if (entities.length < 2) return this.latest(entities, at);
    const counts = entities.map((e) => upperBound(this.mentionsOf.get(e) ?? [], at));
    const most = Math.max(...counts);
    return this.latest(entities.filter((_, i) => counts[i] === most), at);
  }

  /** The one of `entities` (in creation order) mentioned last at or before `at` (else the one created last). */
  private latest(entities: Entity[], at: number): Entity | null {
    let best: Entity | null = null;
    let bestMention: Mention | null = null;
    for (const e of entities) {
      const list = this.mentionsOf.get(e) ?? [];
      const m = list[upperBound(list, at) - 1];
      if (m && (!bestMention || m.at > bestMention.at || (m.at === bestMention.at && this.seq(m) > this.seq(bestMention)))) {
        best = e;
        bestMention = m;
      }
    }
    return best ?? entities[entities.length - 1] ?? null;
  }

  organisation(name: string, media: boolean): Entity {
    // "the Arkwell news agency" is the agency called "Arkwell", and a medium.
    const bare = MEDIA_SUFFIX.exec(name);
    const target = norm(name);
    const short = bare ? norm(name.slice(0, bare.index)) : null;
    const fits = (e: Entity): boolean => e.kind === 'organisation' && e.named && [e.name, ...e.aliases].some((a) => norm(a) === target || (short !== null && norm(a) === short));
    const known = this.first([...(this.byName.get(target) ?? []), ...(short !== null ? (this.byName.get(short) ?? []) : [])], fits);
    const entity = known ?? this.add(name.replace(/^the\s+/i, ''), 'organisation', true);
    if (bare && short) this.addAlias(entity, name.slice(0, bare.index).replace(/^the\s+/i, '').trim());
    if (media || bare) entity.media = true;
    return entity;
  }

  /** A source the article describes without a name ("officials", "a senior aide"): one entity per description. */
  described(description: string, plural: boolean, gender: Gender): Entity {
    const target = norm(description);
    const entity = this.describedByName.get(target) ?? this.add(description, 'person', false);
    this.describedByName.set(target, entity);
    entity.plural = plural;
    if (gender && !entity.gender) entity.gender = gender;
    return entity;
  }

  mention(m: Mention): void {
    const key = `${m.at}:${this.order.get(m.entity) ?? -1}`;
    const existing = this.mentionKeys.get(key);
    if (existing) {
      existing.subject ||= m.subject;
      existing.speaker ||= m.speaker;
      if (m.speaker) this.speakers.add(m.entity);
      return;
    }
    if (m.speaker) this.speakers.add(m.entity);
    this.mentionKeys.set(key, m);
    this.sequence.set(m, this.sequence.size);
    this.mentions.splice(upperBound(this.mentions, m.at), 0, m);
    const own = this.mentionsOf.get(m.entity) ?? [];
    own.splice(upperBound(own, m.at), 0, m);
    this.mentionsOf.set(m.entity, own);
  }

  /** A person known by a lone surname takes the fuller name the text gives elsewhere ("Arkwell" → "Tamsin Arkwell"). */
  rename(entity: Entity, display: string): void {
    if (norm(entity.name) === norm(display)) return;
    this.addAlias(entity, entity.name);
    entity.name = display;
    this.index(entity, [display]);
  }

  /** Whether the entity has been the source of a statement. */
  hasSpoken(entity: Entity): boolean {
    return this.speakers.has(entity);
  }

  /** Mentions before `at`, latest first. */
  *before(at: number): Generator<Mention> {
    for (let i = lowerBound(this.mentions, at) - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m) yield m;
    }
  }

  private add(name: string, kind: Entity['kind'], named: boolean): Entity {
    const base = slug(name);
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    const entity: Entity = {
      id,
      name,
      kind,
      named,
      role: null,
      organisation: null,
      aliases: new Set(),
      descriptions: new Set(),
      roleNouns: new Set(),
      gender: null,
      nameGender: null,
      media: false,
      plural: false,
    };
    this.ids.add(id);
    this.order.set(entity, this.entities.length);
    this.entities.push(entity);
    if (named) this.index(entity, [name]);
    return entity;
  }

  private addAlias(entity: Entity, alias: string): void {
    if (entity.aliases.has(alias)) return;
    entity.aliases.add(alias);
    this.index(entity, [alias]);
  }

  /** Files a named entity under names it is now known by, and their surnames (old keys stay: every look-up re-checks). */
  private index(entity: Entity, names: readonly string[]): void {
    if (!entity.named) return;
    for (const name of names) addTo(this.byName, norm(name), entity);
    if (entity.kind !== 'person') return;
    const own = surnames(entity);
    for (const name of names) {
      const surname = name === entity.name ? own[0] : name.includes(' ') ? undefined : norm(name);
      if (!surname) continue;
      addTo(this.bySurnameKey, surname, entity);
      if (surname.length < 3) continue;
      for (const key of deletions(surname, 2)) {
        const set = this.byNeighbour.get(key) ?? new Set<Entity>();
        set.add(entity);
        this.byNeighbour.set(key, set);
      }
    }
  }

  /** The candidate created first that fits. */
  private first(candidates: Entity[] | undefined, fits: (e: Entity) => boolean): Entity | undefined {
    return this.inOrder(candidates ?? []).find(fits);
  }

  /** Distinct entities in creation order. */
  private inOrder(entities: Entity[]): Entity[] {
    return [...new Set(entities)].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  private seq(m: Mention): number {
    return this.sequence.get(m) ?? 0;
  }
}

/** The gender the text gives an entity, else the one its first name suggests, else null. */
export function genderOf(entity: Entity): Gender {
  return entity.gender ?? entity.nameGender;
}

function addTo(map: Map<string, Entity[]>, key: string, entity: Entity): void {
  const list = map.get(key);
  if (!list) map.set(key, [entity]);
  else if (!list.includes(entity)) list.push(entity);
}

/** The word with up to `max` letters deleted, itself included: two words within `max` edits share one of these. */
function deletions(word: string, max: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < max; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** The first index whose mention stands at or after `at`. */
function lowerBound(list: readonly Mention[], at: number): number {
  return countBefore(list, (m) => m.at < at);
}

/** The first index whose mention stands after `at`. */
function upperBound(list: readonly Mention[], at: number): number {
  return countBefore(list, (m) => m.at <= at);
}

function surnames(entity: Entity): string[] {
  const parts = entity.name.split(' ').filter((p) => !/^\p{Lu}\.$/u.test(p) && !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(p));
  const result = [norm(parts[parts.length - 1] ?? '')];
  for (const alias of entity.aliases) if (!alias.includes(' ')) result.push(norm(alias));
  return result;
}
