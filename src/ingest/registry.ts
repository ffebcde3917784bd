import { editDistance, slug } from '../text/index.js';
import type { Gender } from './names.js';

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
  gender: Gender;
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

/** Everyone the article mentions, in text order, with the look-ups attribution needs. */
export class Registry {
  readonly entities: Entity[] = [];
  readonly mentions: Mention[] = [];

  /** A person by name words (no titles): an earlier full name, a surname of one, a misspelling of one, or a new person. */
  person(nameWords: readonly string[], display: string, gender: Gender, at: number): Entity {
    const full = norm(nameWords.join(' '));
    const known =
      this.entities.find((e) => e.kind === 'person' && e.named && (norm(e.name) === full || [...e.aliases].some((a) => norm(a) === full))) ??
      (nameWords.length === 1 ? this.bySurname(nameWords[0] ?? '', gender, at, true) : this.sameSurname(nameWords, gender, at));
    const entity = known ?? this.add(display, 'person', true);
    if (known && norm(known.name) !== norm(display)) {
      // A fuller form of a name seen first as a surname becomes the canonical name.
      if (known.name.split(' ').length < display.split(' ').length && norm(display).endsWith(norm(known.name))) {
        known.aliases.add(known.name);
        known.name = display;
      } else known.aliases.add(display);
    }
    if (gender && !entity.gender) entity.gender = gender;
    return entity;
  }

  /** A lone surname: the person of that surname mentioned most recently (of the right gender), exact, else misspelt. */
  bySurname(word: string, gender: Gender, at: number, fuzzy: boolean, titled = false): Entity | null {
    const target = norm(word);
    const people = this.entities.filter((e) => e.kind === 'person' && e.named && !(gender && e.gender && e.gender !== gender));
    const exact = people.filter((e) => surnames(e).includes(target));
    if (exact.length > 0) return this.latest(exact, at);
    if (!fuzzy) return null;
    // Short names are too easy to confuse, so the limit grows with length.
    // A title ("Mr Dunmere") says a name is meant, so a short one may be misspelt too.
    const limit = target.length >= 6 ? 2 : target.length >= 4 || (titled && target.length >= 3) ? 1 : 0;
    if (limit === 0) return null;
    const close = people.filter((e) => surnames(e).some((s) => s[0] === target[0] && s.length >= 3 && editDistance(s, target, limit) <= limit));
    const found = close.length > 0 ? this.latest(close, at) : null;
    found?.aliases.add(word);
    return found;
  }

  /** "Tamsin Arkwel" after "Tamsin Arkwell": the same first name, the surname within the misspelling limit. */
  private sameSurname(nameWords: readonly string[], gender: Gender, at: number): Entity | null {
    const first = norm(nameWords[0] ?? '');
    const candidate = this.bySurname(nameWords[nameWords.length - 1] ?? '', gender, at, true);
    if (candidate && candidate.name.split(' ').length > 1 && norm(candidate.name.split(' ')[0] ?? '') === first) return candidate;
    // A first mention by surname alone ("Arkwell"), then the full name: the same person.
    if (candidate && candidate.name.split(' ').length === 1) return candidate;
    return null;
  }

  /** The one of `entities` mentioned last before `at` (else the one created last). */
  private latest(entities: Entity[], at: number): Entity | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m && m.at <= at && entities.includes(m.entity)) return m.entity;
    }
    return entities[entities.length - 1] ?? null;
  }

  organisation(name: string, media: boolean): Entity {
    // "the Arkwell news agency" is the agency called "Arkwell", and a medium.
    const bare = MEDIA_SUFFIX.exec(name);
    const target = norm(name);
    const short = bare ? norm(name.slice(0, bare.index)) : null;
    const known = this.entities.find(
      (e) => e.kind === 'organisation' && e.named && [e.name, ...e.aliases].some((a) => norm(a) === target || (short !== null && norm(a) === short)),
    );
    const entity = known ?? this.add(name.replace(/^the\s+/i, ''), 'organisation', true);
    if (bare && short) entity.aliases.add(name.slice(0, bare.index).replace(/^the\s+/i, '').trim());
    if (media || bare) entity.media = true;
    return entity;
  }

  /** A source the article describes without a name ("officials", "a senior aide"): one entity per description. */
  described(description: string, plural: boolean, gender: Gender): Entity {
    const target = norm(description);
    const known = this.entities.find((e) => !e.named && norm(e.name) === target);
    const entity = known ?? this.add(description, 'person', false);
    entity.plural = plural;
    if (gender && !entity.gender) entity.gender = gender;
    return entity;
  }

  mention(m: Mention): void {
    const existing = this.mentions.find((x) => x.at === m.at && x.entity === m.entity);
    if (existing) {
      existing.subject ||= m.subject;
      existing.speaker ||= m.speaker;
      return;
    }
    let i = this.mentions.length;
    while (i > 0 && (this.mentions[i - 1]?.at ?? 0) > m.at) i--;
    this.mentions.splice(i, 0, m);
  }

  /** Mentions before `at`, latest first. */
  *before(at: number): Generator<Mention> {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m && m.at < at) yield m;
    }
  }

  private add(name: string, kind: Entity['kind'], named: boolean): Entity {
    const base = slug(name);
    let id = base;
    for (let n = 2; this.entities.some((e) => e.id === id); n++) id = `${base}-${n}`;
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
      media: false,
      plural: false,
    };
    this.entities.push(entity);
    return entity;
  }
}

function surnames(entity: Entity): string[] {
  const parts = entity.name.split(' ').filter((p) => !/^\p{Lu}\.$/u.test(p) && !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(p));
  const result = [norm(parts[parts.length - 1] ?? '')];
  for (const alias of entity.aliases) if (!alias.includes(' ')) result.push(norm(alias));
  return result;
}
