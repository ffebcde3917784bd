import type { Doc, Token } from './document.js';
import { DOCUMENT_NOUNS, GROUP_NOUNS, ORG_NOUNS, ORG_WORDS, PERSON_NOUNS, TITLE_NOUNS, TITLE_WORDS } from './lexicon.js';
import { genderOfDescription, joinTokens, nameRuns, type Gender, type NameRun } from './names.js';
import { TIME_WORDS, type Span } from './phrases.js';
import { genderOf, type Entity, type Mention, type Registry } from './registry.js';
import type { SourcePhrase } from './statements.js';

/**
 * Stage 4: who a source phrase is. A name is the person or body it names ("the economist Tamsin Arkwell, a former
 * adviser" → Tamsin Arkwell, role "economist, a former adviser"); "he"/"she" the person the text last made the subject
 * of its speech or its sentences, of the right gender, nearest first (same paragraph, then the one before); "the
 * senator" the person last given that role; "the campaign" the body of that kind last named; "officials",
 * "a senior aide" a described speaker with no name.
 */

const lower = (t: Token | undefined): string => (t?.text ?? '').toLowerCase();
const PP_STARTS = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'in', 'on']);
const DEFINITE = new Set(['the', 'this', 'that']);
const QUANTIFIERS = new Set(['most', 'many', 'some', 'all', 'none', 'several', 'both', 'each', 'few', 'one', 'two', 'three', 'four', 'five', 'half', 'majority', 'minority', 'dozens', 'hundreds', 'thousands', 'any', 'either', 'neither', 'more', 'lots']);

export interface SourceContext {
  doc: Doc;
  registry: Registry;
  /** Character offset of the source (for "before" look-ups). */
  at: number;
  paragraph: number;
  sentence: number;
  /** Never this entity (a quoting speaker is not the "he" of the words they quote). */
  exclude?: Entity;
  /** What the statement says: a name there is spoken of ("Arkwell is wrong, she said"), not the one speaking. */
  content?: readonly { start: number; end: number }[];
}

/** Prepositions before a place name ("in Port Ostby", "from Brenwick"): a run after them is not registered as a person. */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'across', 'outside', 'inside', 'throughout', 'around']);

/**
 * Registers every name of the narrative (outside quotations) as a mention, so pronouns and surnames can refer back,
 * then learns each person's gender from the pronouns the text uses for them.
 */
export function registerMentions(doc: Doc, registry: Registry, speaking: ReadonlySet<string> = new Set()): void {
  const people = new Map<number, Set<Entity>>();
  /** Per sentence, the token where its first person is named: a pronoun before it speaks of someone earlier. */
  const firstNamed = new Map<number, number>();
  const leaders = new Set<Entity>();
  for (const sentence of doc.sentences) {
    let subjectSeen = false;
    for (const run of nameRuns(doc, sentence.first, sentence.last)) {
      if (run.kind === 'person' && run.title === '' && PLACE_PREPOSITIONS.has(lower(doc.tokens[run.first - 1]))) continue;
      // "the Brenwick governor", "an Arkwell supporter": the capitalised words qualify the role noun after them; nobody is named.
      if (run.kind === 'person' && qualifiesRole(doc.tokens[run.last + 1])) continue;
      // "a Brenwick Rowers lodge", "the Ostby Harriers mascot": after "a", or between "the" and a common noun, capitalised
      // words nobody was called before qualify a thing; nobody is named.
      if (run.kind === 'person' && run.title === '' && (INDEFINITE.has(lower(doc.tokens[run.first - 1])) || (lower(doc.tokens[run.first - 1]) === 'the' && qualifiesThing(doc.tokens[run.last + 1]))) && !registry.bySurname(run.words.at(-1) ?? '', null, doc.tokens[run.first]?.start ?? 0, false)) continue;
      // A lone surname is a person once known, or when it speaks somewhere in the article ("Arkwell said"), or when it
      // names a person noun set off before it ("his wife, Tamsin,").
      const apposed = apposedPersonNoun(doc, run);
      const entity = entityOfRun(registry, run, doc.tokens[run.first]?.start ?? 0, run.kind === 'person' && run.words.length === 1 && (speaking.has(run.words[0] ?? '') || apposed !== null));
      if (entity && apposed && entity.kind === 'person' && !entity.gender) entity.gender = genderOfDescription(apposed);
      if (!entity) continue;
      const subject = !subjectSeen && !run.possessive && entity.kind === 'person';
      if (subject) subjectSeen = true;
      const leads = subject && leadsClause(doc, run);
      if (leads) leaders.add(entity);
      registry.mention({ at: doc.tokens[run.first]?.start ?? 0, paragraph: sentence.paragraph, sentence: sentence.index, entity, subject, speaker: false, possessive: run.possessive, leads });
      noteTitle(entity, run);
      if (entity.kind === 'person') {
        people.set(sentence.index, (people.get(sentence.index) ?? new Set()).add(entity));
        if (!firstNamed.has(sentence.index)) firstNamed.set(sentence.index, run.first);
      }
    }
  }
  learnGenders(doc, people, firstNamed, leaders);
}

/** Conjunctions that open what someone said or asked ("that Arkwell lost"), not a clause of the narrative. */
const REPORTING = new Set(['that', 'whether', 'if']);

/** Whether the token at `i` may open a clause of the narrative: after nothing, a comma or a conjunction (not a reporting one). */
function opensClause(doc: Doc, i: number): boolean {
  const before = doc.tokens[i - 1];
  return !before || before.sentence !== doc.tokens[i]?.sentence || before.text === ',' || before.pos === 'CCONJ' || (before.pos === 'SCONJ' && !REPORTING.has(lower(before)));
}

/**
 * A name standing where a clause's subject stands: after nothing, a comma or a conjunction, and before a verb or a
 * comma-set description ("Arkwell, who …, held", "When Arkwell arrived"); not the object of a preposition or verb.
 */
function leadsClause(doc: Doc, run: NameRun): boolean {
  const after = doc.tokens[run.last + 1];
  if (!opensClause(doc, run.first) || after === undefined || after.quote) return false;
  if (after.pos === 'VERB' || after.pos === 'AUX' || after.text === ',') return true;
  // "Arkwell himself was …", "Arkwell politely declined": a word that leans on the verb right after it.
  const verb = doc.tokens[run.last + 2];
  return (REFLEXIVES.has(lower(after)) || (after.pos === 'ADV' && /ly$/.test(lower(after)))) && verb !== undefined && !verb.quote && (verb.pos === 'VERB' || verb.pos === 'AUX');
}

const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself']);

/** "his wife, Tamsin,", "the campaign's manager, Arkwell,": the person noun a lone name is set off after, or null. */
function apposedPersonNoun(doc: Doc, run: NameRun): string | null {
  const comma = doc.tokens[run.first - 1];
  const noun = doc.tokens[run.first - 2];
  const after = doc.tokens[run.last + 1];
  if (comma?.text !== ',' || !noun || noun.quote || !/^\p{Ll}/u.test(noun.text) || !PERSON_NOUNS.has(lower(noun))) return null;
  return after && (after.text === ',' || after.text === '.') ? lower(noun) : null;
}

const INDEFINITE = new Set(['a', 'an']);

/** A lower-case common noun right after a name run: the run is its modifier. */
const qualifiesThing = (next: Token | undefined): boolean => next !== undefined && !next.quote && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text);

/** A lower-case noun for a person right after a name run: the run is its modifier. */
const qualifiesRole = (next: Token | undefined): boolean => next !== undefined && !next.quote && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text) && PERSON_NOUNS.has(lower(next));

/** "her warning": the one who warned is who "she" would be. */
const OWNER_TO_SUBJECT: ReadonlyMap<string, string> = new Map([['his', 'he'], ['her', 'she'], ['their', 'they'], ['its', 'it']]);
const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);

/**
 * A sentence that names one person and after the name says "he"/"his" (or "she"/"her"), in the narrative, or whose next
 * sentence opens so while naming nobody new, votes for that person's gender. A gender the votes agree on is kept.
 * Against the gender a first name suggests, only an opening pronoun of the next sentence counts, and only unopposed:
 * a "his" in the same sentence is as often someone else's. A next sentence with pronouns of both genders votes for nobody.
 * For a person with a given name who leads a clause somewhere, the next sentence opens after its quotation ("“…,” he said").
 */
function learnGenders(doc: Doc, people: Map<number, Set<Entity>>, firstNamed: ReadonlyMap<number, number>, leaders: ReadonlySet<Entity>): void {
  const votes = new Map<Entity, { m: number; f: number; openingM: number; openingF: number }>();
  const vote = (e: Entity, g: 'm' | 'f', opening: boolean): void => {
    const v = votes.get(e) ?? { m: 0, f: 0, openingM: 0, openingF: 0 };
    v[g]++;
    if (opening) v[g === 'm' ? 'openingM' : 'openingF']++;
    votes.set(e, v);
  };
  for (const sentence of doc.sentences) {
    const named = people.get(sentence.index);
    if (!named || named.size !== 1) continue;
    const [entity] = [...named];
    if (!entity) continue;
    const next = doc.sentences[sentence.index + 1];
    // "Sources close to her campaign say she backs Arkwell's plan": a pronoun before the name is someone else's.
    const ranges: [number, number][] = [[firstNamed.get(sentence.index) ?? sentence.first, sentence.last]];
    // The next sentence, in this paragraph or opening the next one.
    if (next && next.paragraph <= sentence.paragraph + 1 && !people.has(next.index) && !bothGenders(doc, next.first, next.last)) ranges.push([next.first, entity.nameGender && leaders.has(entity) ? narrativeOpening(doc, next.first, next.last) : Math.min(next.last, next.first + 3)]);
    ranges.forEach(([a, b], n) => {
      for (let k = a; k <= b; k++) {
        const t = doc.tokens[k];
        if (!t || t.quote) continue;
        if (MALE_PRONOUNS.has(lower(t))) vote(entity, 'm', n === 1);
        if (FEMALE_PRONOUNS.has(lower(t))) vote(entity, 'f', n === 1);
      }
    });
  }
  for (const [entity, v] of votes) {
    if (entity.gender) continue;
    if (entity.nameGender === 'm' && v.openingF > 0 && v.m === 0) entity.gender = 'f';
    else if (entity.nameGender === 'f' && v.openingM > 0 && v.f === 0) entity.gender = 'm';
    else if (entity.nameGender) continue;
    else if (v.m > 0 && v.m >= 2 * v.f) entity.gender = 'm';
    else if (v.f > 0 && v.f >= 2 * v.m) entity.gender = 'f';
  }
}

/** The last of the first four tokens outside quotations from `first`: where a sentence's narrative opens ("“…,” she said"). */
function narrativeOpening(doc: Doc, first: number, last: number): number {
  let seen = 0;
  for (let k = first; k <= last; k++) if (!doc.tokens[k]?.quote && ++seen === 4) return k;
  return last;
}

/** "She did get the emails, he said": a sentence with pronouns of both genders speaks of two people; its opening one may be either. */
function bothGenders(doc: Doc, first: number, last: number): boolean {
  let m = false;
  let f = false;
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) continue;
    m ||= MALE_PRONOUNS.has(lower(t));
    f ||= FEMALE_PRONOUNS.has(lower(t));
  }
  return m && f;
}

/** The entity a name run names: a full name always, a lone surname only when known (or `create`). */
export function entityOfRun(registry: Registry, run: NameRun, at: number, create: boolean): Entity | null {
  if (run.kind === 'organisation') return registry.organisation(run.name, run.media);
  if (run.words.length === 1) {
    const known = registry.bySurname(run.words[0] ?? '', run.gender, at, create || run.title !== '', run.title !== '');
    if (known) {
      if (run.gender && !known.gender) known.gender = run.gender;
      return known;
    }
    if (!create && run.title === '') return null;
  }
  return registry.person(run.words, run.name, run.gender, at);
}

/** "Sen. Tamsin Arkwell" is a senator: "the senator" may later refer to her. */
function noteTitle(entity: Entity, run: NameRun): void {
  if (!run.title || entity.kind !== 'person') return;
  for (const word of run.title.toLowerCase().split(/[\s.]+/)) {
    if (!word) continue;
    entity.roleNouns.add(TITLE_NOUNS.get(word) ?? word);
  }
  if (!entity.role && /\p{L}{3}/u.test(run.title) && !/^(?:mr|mrs|ms|miss|dr)\.?$/i.test(run.title)) entity.role = run.title;
}

/** The entity a source phrase stands for, or null when it cannot be told. */
export function resolveSource(ctx: SourceContext, given: SourcePhrase): Entity | null {
  const { doc } = ctx;
  const phrase = withoutFrontedTime(doc, given);
  const head = phrase.head;
  const first = doc.tokens[head.first];
  if (!first) return null;
  if (head.first === head.last && first.pos === 'PRON') return pronoun(ctx, phrase.possessor ? (OWNER_TO_SUBJECT.get(lower(first)) ?? '') : lower(first));
  let core = headCore(doc, head);
  // "Tamsin Arkwell herself said": the reflexive only stresses who.
  if (core.last > core.first && /(?:self|selves)$/.test(lower(doc.tokens[core.last]))) core = { first: core.first, last: core.last - 1 };
  const holder = nameAfterTitleComplement(doc, head, core);
  if (holder) {
    const entity = entityOfRun(ctx.registry, holder, ctx.at, true);
    if (entity) {
      learnRole(doc, entity, phrase, holder);
      return entity;
    }
  }
  const runs = nameRuns(doc, core.first, core.last);
  // "Tamsin Arkwell and Eskil Varnholm said": the first of two people named together speaks first.
  const coordinated = runs.length >= 2 && runs.every((r) => r.kind === 'person' && !r.possessive) && /\band\b/.test(joinTokens(doc.tokens, runs[0]?.last ?? 0, runs[1]?.first ?? 0));
  const last = coordinated ? { ...(runs[0] as NameRun), last: core.last } : runs.at(-1);
  const description = describe(doc, phrase);
  // "a harsh response from Tamsin Arkwell, who said …": an act cannot speak; the person whose act it is does.
  const actor = actorAfter(doc, core, head);
  if (actor) {
    const entity = entityOfRun(ctx.registry, actor, ctx.at, true);
    if (entity) return entity;
  }
  // "Tamsin Arkwell, 24, from Brenwick, who said …": a place after "from" is where the speaker is from, not who.
  const placed = last && last.first === core.first && last.last === core.last && placeAfterPreposition(doc, last, ctx) ? subjectOfSentence(ctx) : null;
  if (placed) return placed;
  // Only an apposition that is a name, or a name and where the person is from ("…, Eskil Varnholm of Brenwick, said"),
  // names the subject then.
  const isName = (a: Span): boolean =>
    nameRuns(doc, a.first, a.last).some((r) => r.first === a.first && r.kind === 'person' && (r.last === a.last || ['of', 'from', 'at'].includes(lower(doc.tokens[r.last + 1]))));
  const bare = { ...phrase, appositions: phrase.appositions.filter(isName) };
  if (bare.appositions.length > 0 && nameIsObject(doc, head, last)) {
    const apposed = apposedName(ctx, bare, core);
    if (apposed) return apposed;
  }
  if (last && last.last === core.last && (!last.possessive || phrase.possessor)) {
    const entity = entityOfRun(ctx.registry, last, ctx.at, true);
    if (entity) {
      learnRole(doc, entity, phrase, last);
      return entity;
    }
  }
  // "his lawyer, Tamsin Arkwell," names the speaker in the apposition.
  const apposed = apposedName(ctx, phrase, core);
  if (apposed) return apposed;
  return describedSource(ctx, core, description, runs);
}

/**
 * "Harbour Radio Vice President for news and sport Tamsin Arkwell said": a title whose lower-case complement runs up to a
 * person's name at the end of the phrase is that person's title; the name, not the title, speaks.
 */
function nameAfterTitleComplement(doc: Doc, head: Span, core: Span): NameRun | null {
  if (core.last >= head.last || !TITLE_WORDS.has(lower(doc.tokens[core.last]).replace(/\.$/, ''))) return null;
  const run = nameRuns(doc, core.last + 1, head.last).at(-1);
  // A full name after a complement with a common noun of its own: not "Governor of Brenwick", not "Ambassador to Ostby".
  // A name right after a preposition is its object ("attorney general of the state of Ostby"), not the title's holder.
  if (!run || run.kind !== 'person' || run.last !== head.last || run.possessive || run.words.length < 2 || run.first - core.last > 7) return null;
  if (doc.tokens[run.first - 1]?.pos === 'ADP') return null;
  let noun = false;
  for (let k = core.last + 1; k < run.first; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || /^\p{Lu}/u.test(t.text) || !['ADP', 'NOUN', 'ADJ', 'CCONJ', 'DET'].includes(t.pos)) return null;
    noun ||= t.pos === 'NOUN';
  }
  return noun ? run : null;
}

/**
 * "Saturday at the party congress Sen. Tamsin Arkwell said": a time adverbial opening the sentence with no comma runs
 * into the subject; the person named at the end of the phrase, after a noun, is the subject.
 */
function withoutFrontedTime(doc: Doc, phrase: SourcePhrase): SourcePhrase {
  const head = phrase.head;
  if (!TIME_WORDS.has(lower(doc.tokens[head.first])) || head.last - head.first < 3) return phrase;
  let end = head.last;
  for (let k = head.first; k <= head.last; k++) if (doc.tokens[k]?.text === '(') {
    end = k - 1;
    break;
  }
  const run = nameRuns(doc, head.first + 1, end).at(-1);
  const before = doc.tokens[(run?.first ?? 0) - 1];
  if (!run || run.kind !== 'person' || run.last !== end || run.possessive || (run.words.length < 2 && run.title === '')) return phrase;
  if (!before || before.pos !== 'NOUN' || !/^\p{Ll}/u.test(before.text)) return phrase;
  return { ...phrase, head: { first: run.first, last: head.last } };
}

/** The person or body an apposition of the source names ("his lawyer, Tamsin Arkwell,"), or null. */
function apposedName(ctx: SourceContext, phrase: SourcePhrase, core: Span): Entity | null {
  const { doc } = ctx;
  for (const apposition of phrase.appositions) {
    // The name opens the apposition or closes it ("retired accountant Tamsin Arkwell").
    const named = nameRuns(doc, apposition.first, apposition.last).find(
      (r) => !r.possessive && (r.kind === 'organisation' ? r.first === apposition.first : (r.first === apposition.first || r.last === apposition.last) && (r.words.length >= 2 || r.last === apposition.last)),
    );
    if (named) {
      const entity = entityOfRun(ctx.registry, named, ctx.at, true);
      if (entity) {
        if (!entity.role) entity.role = cleanRole(joinTokens(doc.tokens, core.first, core.last));
        return entity;
      }
    }
  }
  return null;
}

/**
 * A name in the head that is no subject: the object of a preposition before it ("Alarmed by the unrest in Brenwick,
 * Tamsin Arkwell, the mayor, said") or of a participle in it ("One pastor backing Tamsin Arkwell, Eskil Varnholm, said").
 */
function nameIsObject(doc: Doc, head: Span, run: NameRun | undefined): boolean {
  const before = doc.tokens[head.first - 1];
  if (before && before.pos === 'ADP' && /^\p{Ll}/u.test(before.text)) return true;
  const verb = run && run.first > head.first ? doc.tokens[run.first - 1] : undefined;
  return verb !== undefined && verb.pos === 'VERB' && /(?:ing|ed)$/.test(lower(verb));
}

/** Nouns that can stand for a speaker themselves: people, bodies, documents, groups. */
const SPEAKING_NOUNS = [PERSON_NOUNS, ORG_NOUNS, ORG_WORDS, DOCUMENT_NOUNS, GROUP_NOUNS, TITLE_WORDS];

/**
 * "a damning reaction from Tamsin Arkwell", "the endorsement of former Sen. Tamsin Arkwell": a head noun that is an act,
 * not a person, body or document, followed by "of"/"from"/"by" and a person's name closing the phrase: that person.
 */
function actorAfter(doc: Doc, core: Span, head: Span): NameRun | null {
  const noun = doc.tokens[core.last];
  const preposition = doc.tokens[core.last + 1];
  if (!noun || noun.pos !== 'NOUN' || !/^\p{Ll}/u.test(noun.text) || !preposition || !['of', 'from', 'by'].includes(lower(preposition))) return null;
  if (SPEAKING_NOUNS.some((words) => words.has(lower(noun)) || words.has(noun.lemma)) || SPEAKS_FOR.has(noun.lemma)) return null;
  if (nameRuns(doc, core.first, core.last).length > 0) return null;
  for (let k = core.last + 2; k <= head.last; k++) if (['VERB', 'AUX'].includes(doc.tokens[k]?.pos ?? '') || doc.tokens[k]?.quote || doc.tokens[k]?.text === ',') return null;
  const run = nameRuns(doc, core.last + 2, head.last).at(-1);
  return run && run.kind === 'person' && run.last === head.last && !run.possessive ? run : null;
}

/** A lone capitalised word set off after "from" (", from Brenwick,") that nobody has been called: a place. */
function placeAfterPreposition(doc: Doc, run: NameRun, ctx: SourceContext): boolean {
  return run.kind === 'person' && run.title === '' && run.words.length === 1 && lower(doc.tokens[run.first - 1]) === 'from' && doc.tokens[run.first - 2]?.text === ',' && ctx.registry.bySurname(run.words[0] ?? '', null, ctx.at, false) === null;
}

/** The first named person mentioned in the source's sentence before it: who the sentence is about. */
function subjectOfSentence(ctx: SourceContext): Entity | null {
  let found: Entity | null = null;
  for (const m of ctx.registry.before(ctx.at)) {
    if (m.sentence !== ctx.sentence) break;
    if (m.entity.kind === 'person' && m.entity.named && !m.possessive) found = m.entity;
  }
  return found;
}

/**
 * The head phrase up to its head noun: no trailing prepositional phrase, bracket or modifier
 * ("Tamsin Arkwell of Brenwick" → "Tamsin Arkwell", "Rep. Tamsin Arkwell (D-Ky.)" → "Rep. Tamsin Arkwell", "officials involved" → "officials").
 */
function headCore(doc: Doc, head: Span): Span {
  // "most of the candidates", "one of the organisers", "30 percent of voters": the people counted.
  const quantifier = doc.tokens[head.first];
  if (quantifier && QUANTIFIERS.has(lower(quantifier)) && lower(doc.tokens[head.first + 1]) === 'of' && head.last > head.first + 1) {
    return headCore(doc, { first: head.first + 2, last: head.last });
  }
  let last = head.last;
  for (let k = head.first + 1; k <= head.last; k++) {
    const t = doc.tokens[k];
    // "Ministry of Transport" keeps its "of": a name on both sides.
    // "Secretary of State Tamsin Arkwell" keeps it too: titles on both sides, and no name before them ("Tamsin King of Brenwick").
    // "White House Chief of Staff Tamsin Arkwell": a title word on both sides of "of" is one title, whatever comes before.
    const titleBefore =
      TITLE_WORDS.has(lower(doc.tokens[k - 1])) &&
      (doc.tokens.slice(head.first, k).every((w) => !/^\p{Lu}/u.test(w.text) || TITLE_WORDS.has(lower(w).replace(/\.$/, ''))) || TITLE_WORDS.has(lower(doc.tokens[k + 1])));
    // "Speaker of the House Tamsin Arkwell": a title's body may take its article.
    const bodyAt = lower(doc.tokens[k + 1]) === 'the' && titleBefore ? k + 2 : k + 1;
    // "The Lantern Makers of Ostby": capitalised words after "the" up to "of" are a body's name, which keeps its "of".
    const theName = lower(doc.tokens[head.first]) === 'the' && lower(t) === 'of' && k > head.first + 1 && doc.tokens.slice(head.first + 1, k).every((w) => /^\p{Lu}/u.test(w.text));
    const inName = (ORG_WORDS.has(lower(doc.tokens[k - 1])) || titleBefore || theName) && /^\p{Lu}/u.test(doc.tokens[k - 1]?.text ?? '') && /^\p{Lu}/u.test(doc.tokens[bodyAt]?.text ?? '') && ['of', 'for', 'on'].includes(lower(t));
    if ((t?.pos === 'ADP' && PP_STARTS.has(lower(t)) && !inName) || t?.text === '(') {
      last = k - 1;
      break;
    }
  }
  // Back to the head noun; a word tagged as an adjective after a determiner is the noun ("the advisory").
  const nounLike = (k: number): boolean => ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(doc.tokens[k]?.pos ?? '') || /^\p{Lu}/u.test(doc.tokens[k]?.text ?? '') || (k === last && doc.tokens[k - 1]?.pos === 'DET');
  while (last > head.first && !nounLike(last)) last--;
  return { first: head.first, last };
}

/** A phrase as people would say it: no leading article, no trailing comma. */
function describe(doc: Doc, phrase: SourcePhrase): string {
  return cleanRole(joinTokens(doc.tokens, phrase.head.first, phrase.head.last));
}

const LEADING_ARTICLE = /^(?:the|a|an|one|some|several|many|two|three|four|other|another|its|his|her|their|our)\s+/i;

/** A role as people would say it: no article, no honorific. */
export function cleanRole(raw: string): string {
  return raw
    .replace(/^(?:mr|ms|mrs|dr)\.?\s+/i, '')
    .replace(LEADING_ARTICLE, '')
    .replace(/\s+/g, ' ')
    .replace(/[,\s]+$/, '')
    .trim();
}

/** The role from an apposition ("a former adviser to the campaign") or the words before the name ("economist"). */
function learnRole(doc: Doc, entity: Entity, phrase: SourcePhrase, run: NameRun): void {
  const before = run.first > phrase.head.first ? joinTokens(doc.tokens, phrase.head.first, run.first - 1) : '';
  const apposition = phrase.appositions.find((a) => !['who', 'which', 'whose'].includes(lower(doc.tokens[a.first])) && doc.tokens[a.first]?.pos !== 'ADP' && !(a.first === a.last && doc.tokens[a.first]?.pos === 'NUM'));
  const raw = apposition ? joinTokens(doc.tokens, apposition.first, apposition.last) : [before, run.title].filter(Boolean).join(' ');
  const role = cleanRole(raw);
  if (role && /\p{L}{3}/u.test(role) && (!entity.role || entity.role.length < role.length) && role.split(' ').length <= 16) entity.role = role;
  const gender = genderOfDescription(`${before} ${run.title} ${role}`);
  if (gender && !entity.gender && entity.kind === 'person') entity.gender = gender;
  for (const word of role.toLowerCase().split(/\s+/)) if (PERSON_NOUNS.has(word)) entity.roleNouns.add(word);
}

/** "he", "she", "they", "it", "we", "I": the entity the text last spoke of that fits. */
function pronoun(ctx: SourceContext, word: string): Entity | null {
  if (word === 'he' || word === 'she') return person(ctx, word === 'he' ? 'm' : 'f');
  // Outside quotations, "I" and "we" are the article's own writer (an opinion piece, a letter).
  if (word === 'i') return ctx.registry.described('the author', false, null);
  if (word === 'we') return plural(ctx) ?? ctx.registry.described('the authors', true, null);
  if (word === 'they') return plural(ctx) ?? pluralPhraseBefore(ctx);
  if (word === 'it') return sameSentenceSpeaker(ctx) ?? organisationBefore(ctx, null);
  return null;
}

/** "Lindgrid said it had asked …": "it" in what a body says is that body (when nothing marks it as a person). */
function sameSentenceSpeaker(ctx: SourceContext): Entity | null {
  for (const m of ctx.registry.before(ctx.at)) {
    if (m.sentence !== ctx.sentence) return null;
    const e = m.entity;
    if (m.speaker && (e.kind === 'organisation' || (!genderOf(e) && e.named && !e.name.includes(' ')))) return e;
  }
  return null;
}

/**
 * "Executives who know him say they …": with no group or body mentioned before, "they" is the plural noun
 * phrase that is the subject of this or the previous sentence.
 */
function pluralPhraseBefore(ctx: SourceContext): Entity | null {
  const { doc } = ctx;
  const sentence = doc.sentences[ctx.sentence];
  const previous = doc.sentences[ctx.sentence - 1];
  const from = previous && previous.paragraph === ctx.paragraph ? previous.first : (sentence?.first ?? 0);
  let found: Span | null = null;
  for (let k = from; k < doc.tokens.length && (doc.tokens[k]?.start ?? Infinity) < ctx.at; k++) {
    const t = doc.tokens[k];
    const next = doc.tokens[k + 1];
    if (!t || t.quote || (t.pos !== 'NOUN' && t.pos !== 'PROPN') || isSpanOfTime(t)) continue;
    const plural = lower(t) !== t.lemma && /s$/.test(lower(t));
    if (plural && next && (next.pos === 'VERB' || next.pos === 'AUX' || ['who', ','].includes(lower(next)))) {
      found = { first: phraseStart(doc, k, from), last: k };
      break;
    }
  }
  return found ? ctx.registry.described(cleanRole(joinTokens(doc.tokens, found.first, found.last)), true, null) : null;
}

/** "the past three weeks", "in recent days": a stretch of time, which says nothing. */
const SPANS_OF_TIME = new Set([...TIME_WORDS, 'day', 'hour', 'minute', 'decade', 'century', 'season', 'quarter', 'term']);
const isSpanOfTime = (t: Token): boolean => SPANS_OF_TIME.has(t.lemma) || SPANS_OF_TIME.has(lower(t).replace(/s$/, ''));

function phraseStart(doc: Doc, k: number, floor: number): number {
  let first = k;
  while (first - 1 >= floor && ['ADJ', 'NOUN', 'PROPN', 'DET', 'NUM'].includes(doc.tokens[first - 1]?.pos ?? '') && !doc.tokens[first - 1]?.quote) first--;
  return first;
}

/**
 * The antecedent of "he"/"she": nearest first within this paragraph, then the one before, then anywhere earlier —
 * within each, a speaker before a sentence subject before any mention; gender must not conflict.
 */
function person(ctx: SourceContext, gender: Gender): Entity | null {
  const compatible = (e: Entity): boolean => e.kind === 'person' && !e.plural && e !== ctx.exclude && !(gender && genderOf(e) && genderOf(e) !== gender);
  // A named person the text shows to be one (a gender, a title or role, words of their own) first: a capitalised run
  // with none of these is as often a place or a thing ("Port Ostby", "Arkwell Tower"). Then any named one; a described
  // one ("a spokesman") only when nobody named fits.
  const evident = (e: Entity): boolean => genderOf(e) !== null || e.roleNouns.size > 0 || e.role !== null || ctx.registry.hasSpoken(e);
  return (
    nearest(ctx, (e) => compatible(e) && e.named && evident(e), gender) ??
    nearest(ctx, (e) => compatible(e) && e.named, gender) ??
    nearest(ctx, (e) => compatible(e) && !e.named, gender)
  );
}

function nearest(ctx: SourceContext, fits: (e: Entity) => boolean, gender: Gender): Entity | null {
  const tiers: ((paragraph: number) => boolean)[] = [(p) => p === ctx.paragraph, (p) => p === ctx.paragraph - 1, (p) => p < ctx.paragraph - 1];
  for (const inTier of tiers) {
    let leading: Entity | null = null;
    let leadingSentence = -1;
    let subject: Entity | null = null;
    let any: Entity | null = null;
    for (const m of ctx.registry.before(ctx.at)) {
      if (!inTier(m.paragraph) || !fits(m.entity) || spokenOf(ctx, m)) continue;
      // "Arkwell suggested it might offend. Tullen himself was delighted. “…,” he said.": the one leading the sentence
      // just before, in this paragraph, takes the pronoun from an earlier speaker.
      if (m.speaker) return adopt(leading && m.paragraph === ctx.paragraph && leadingSentence === ctx.sentence - 1 ? leading : m.entity, gender);
      if (m.leads && m.sentence === ctx.sentence) return adopt(m.entity, gender);
      if (m.leads && !leading) {
        leading = m.entity;
        leadingSentence = m.sentence;
      }
      if (m.subject && !subject) subject = m.entity;
      if (!any) any = m.entity;
    }
    const chosen = leading ?? subject ?? any;
    if (chosen) return adopt(chosen, gender);
  }
  return null;
}

/**
 * A name inside what the statement says, past its first word and not leading a clause there ("Choosing between
 * Arkwell and the council is a false choice, she said"): someone spoken of. One leading the words ("Arkwell, who …,
 * fits the bill, he said") may still be the speaker's own subject.
 */
function spokenOf(ctx: SourceContext, m: Mention): boolean {
  if (m.leads) return false;
  const part = ctx.content?.find((p) => p.start <= m.at && m.at < p.end);
  return part !== undefined && !/^[\s\p{P}]*(?:\S+\s+)?$/u.test(ctx.doc.text.slice(part.start, m.at));
}

function adopt(entity: Entity, gender: Gender): Entity {
  if (gender && !entity.gender) entity.gender = gender;
  return entity;
}

/** "they": the last group, body or pair of people the text spoke of. */
function plural(ctx: SourceContext): Entity | null {
  for (const m of ctx.registry.before(ctx.at)) {
    if (m.paragraph < ctx.paragraph - 1) break;
    if ((m.entity.plural || m.entity.kind === 'organisation') && !(m.sentence === ctx.sentence && placeMention(ctx.doc, m))) return m.entity;
  }
  return null;
}

/** "In the Ostby Republic, they write …": a name after a preposition of place, in the pronoun's sentence, is where, not who. */
function placeMention(doc: Doc, m: Mention): boolean {
  return /(?:^|[\s,])(?:in|at|from|across|throughout) +(?:the +)?$/i.test(doc.text.slice(Math.max(0, m.at - 16), m.at));
}

/** The body last named before, whose name has `noun` ("the campaign" → "Arkwell campaign"), or any when `noun` is null. */
function organisationBefore(ctx: SourceContext, noun: string | null): Entity | null {
  for (const m of ctx.registry.before(ctx.at)) {
    if (m.entity.kind !== 'organisation' || m.entity.media || !m.entity.named) continue;
    if (!noun || m.entity.name.toLowerCase().split(/\s+/).includes(noun)) return m.entity;
  }
  return null;
}

/** A source with no name of its own: a role that refers back, a body by description, or a described speaker. */
function describedSource(ctx: SourceContext, core: Span, description: string, runs: NameRun[]): Entity | null {
  const { doc, registry } = ctx;
  const headToken = doc.tokens[core.last];
  if (!headToken) return null;
  const noun = headToken.lemma;
  // "early results of a survey conducted by Lindhaven Research", "a count by the Brenwick Post": its maker speaks.
  if (DOCUMENT_NOUNS.has(noun) || DOCUMENT_NOUNS.has(lower(headToken))) {
    const maker = makerAfter(ctx, core.last + 1);
    if (maker) return maker;
  }
  const publisher = publisherBefore(ctx, core);
  if (publisher) return publisher;
  // "a spokesman for the Arkwell campaign", "a statement from the regulator Lindhaven", "analysts at Varnholm Bank":
  // the body that speaks through them.
  if (SPEAKS_FOR.has(noun) || DOCUMENT_NOUNS.has(noun) || GROUP_NOUNS.has(lower(headToken))) {
    const issuer = issuerAfter(ctx, core.last + 1);
    if (issuer) return issuer;
  }
  const firstWord = lower(doc.tokens[core.first]);
  const text = joinTokens(doc.tokens, core.first, core.last);
  if (!description) return null;
  // "Democrats say …": a capitalised group.
  if (headToken.pos === 'PROPN' && GROUP_NOUNS.has(lower(headToken)) && runs.length <= 1) return registry.described(cleanRole(text), true, null);
  if (DEFINITE.has(firstWord) && PERSON_NOUNS.has(noun) && !/s$/.test(lower(headToken))) {
    const referent = byRole(ctx, noun);
    if (referent) {
      referent.descriptions.add(text.toLowerCase());
      return referent;
    }
  }
  const bare = core.last === core.first + 1;
  // "The ministry's advice is clear. “…,” the advisory says": a document speaks for the body whose it was said to be.
  if (DEFINITE.has(firstWord) && bare && DOCUMENT_NOUNS.has(noun)) {
    const issuer = documentIssuer(ctx, core.first);
    if (issuer) return issuer;
  }
  if (DEFINITE.has(firstWord) && bare && !PERSON_NOUNS.has(noun)) {
    // "the port" is a body the article named with that word ("Lindhaven port authority").
    const referent = organisationBefore(ctx, noun);
    if (referent) {
      referent.descriptions.add(text.toLowerCase());
      return referent;
    }
  }
  if (DEFINITE.has(firstWord) && !bare && runs.length === 0) {
    // "the national grid operator": the body the article names so ("Lindgrid, the national grid operator,").
    const named = namedByDescription(ctx, core);
    if (named) return named;
  }
  if (ORG_NOUNS.has(noun) || ORG_WORDS.has(noun)) {
    // "the Arkwell campaign", "the State Department": a named body; "the campaign": the last one of that kind.
    const named = runs.filter((r) => !r.possessive);
    if (named.length > 0 || runs.some((r) => r.possessive)) return registry.organisation(cleanRole(text), false);
    if (DEFINITE.has(firstWord)) {
      // "the ministry" is the ministry last named; a bare "the company" with none so called, the body last named.
      const referent = organisationBefore(ctx, noun) ?? qualifiedBefore(ctx, core) ?? (bare && !DOCUMENT_NOUNS.has(noun) ? organisationBefore(ctx, null) : null);
      if (referent) {
        referent.descriptions.add(text.toLowerCase());
        return referent;
      }
    }
    // "the state fire service": a public body its description names; a bare "the company" names none.
    if (DEFINITE.has(firstWord) && !bare && !DOCUMENT_NOUNS.has(noun)) return registry.organisation(cleanRole(text), false);
    return registry.described(cleanRole(text), false, null);
  }
  // "Arkwell's campaign manager said …" where the article names "Arkwell's campaign manager, Eskil Varnholm," elsewhere.
  const holder = PERSON_NOUNS.has(noun) ? namedElsewhereAs(ctx, core) : null;
  if (holder) return holder;
  const plural = GROUP_NOUNS.has(lower(headToken)) || (lower(headToken) !== noun && /s$/.test(lower(headToken)) && headToken.pos === 'NOUN');
  // Any other common noun ("the crowd", "a narrator", "the ad") is a described source.
  if (headToken.pos === 'NOUN' || headToken.pos === 'NUM' || PERSON_NOUNS.has(noun) || DOCUMENT_NOUNS.has(noun)) return registry.described(cleanRole(text), plural, genderOfDescription(text));
  return null;
}

/** Per document: owned role phrases ("arkwell 's campaign manager") the text sets a full name after, with that name. */
const rolesNamed = new WeakMap<Doc, Map<string, NameRun>>();
const OWNED_ROLE_WORDS = 6;

function roleNames(doc: Doc): Map<string, NameRun> {
  let found = rolesNamed.get(doc);
  if (found) return found;
  found = new Map();
  doc.tokens.forEach((comma, c) => {
    if (comma.text !== ',' || comma.quote || !PERSON_NOUNS.has(doc.tokens[c - 1]?.lemma ?? '')) return;
    const sentence = doc.sentences[comma.sentence];
    const run = sentence ? nameRuns(doc, c + 1, Math.min(sentence.last, c + 5)).at(0) : undefined;
    if (!run || run.first !== c + 1 || run.kind !== 'person' || run.words.length < 2 || !/^[,.]$/.test(doc.tokens[run.last + 1]?.text ?? '')) return;
    for (let first = c - 2; first >= Math.max(0, c - OWNED_ROLE_WORDS); first--) {
      const words = doc.tokens.slice(first, c);
      if (words.some((t) => t.quote || t.sentence !== comma.sentence || t.text === ',')) break;
      const key = words.map((t) => plainApostrophes(lower(t))).join(' ');
      if (!found.has(key)) found.set(key, run);
    }
  });
  rolesNamed.set(doc, found);
  return found;
}

const plainApostrophes = (word: string): string => word.replace(/’/g, "'");

/**
 * "Arkwell's campaign manager said …": a role someone owns ("'s") that the article gives a full name elsewhere
 * ("Arkwell's campaign manager, Eskil Varnholm,") is that person.
 */
function namedElsewhereAs(ctx: SourceContext, core: Span): Entity | null {
  const { doc } = ctx;
  const words = doc.tokens.slice(core.first, core.last + 1);
  if (words.length < 3 || !words.some((t) => t.pos === 'PART' && /^['’]s$/.test(t.text))) return null;
  const run = roleNames(doc).get(words.map((t) => plainApostrophes(lower(t))).join(' '));
  return run ? entityOfRun(ctx.registry, run, doc.tokens[run.first]?.start ?? ctx.at, true) : null;
}

/**
 * "the editorial board" after "the Brenwick Post editorial board", "the campaign" after "the Arkwell campaign": the words
 * of the description written earlier right after a name, which they belong to (the nearest such place before).
 */
function qualifiedBefore(ctx: SourceContext, core: Span): Entity | null {
  const { doc } = ctx;
  const words = doc.tokens.slice(core.first + 1, core.last + 1).map((t) => lower(t));
  if (words.length === 0) return null;
  for (let k = core.first - words.length; k > 0; k--) {
    if (!words.every((w, j) => lower(doc.tokens[k + j]) === w) || doc.tokens[k]?.quote) continue;
    const sentence = doc.sentences[doc.tokens[k]?.sentence ?? -1];
    const run = sentence ? nameRuns(doc, sentence.first, k - 1).at(-1) : undefined;
    if (run && run.last === k - 1 && !run.possessive) return ctx.registry.organisation(`${run.name} ${words.join(' ')}`, false);
  }
  return null;
}

/** The body named by a possessive ("the ministry's advice") earlier in the same paragraph as a document that speaks. */
function documentIssuer(ctx: SourceContext, before: number): Entity | null {
  const { doc } = ctx;
  for (let k = before - 1; k >= 0 && doc.tokens[k]?.paragraph === ctx.paragraph; k--) {
    const t = doc.tokens[k];
    if (t?.pos === 'PART' && /^['’]s?$/.test(t.text) && ORG_NOUNS.has(doc.tokens[k - 1]?.lemma ?? '')) return organisationBefore(ctx, doc.tokens[k - 1]?.lemma ?? '');
  }
  return null;
}

/**
 * The named person or body after "by" in the words that follow a document noun, within its clause: "of a survey
 * conducted by Lindhaven Research", "by the Brenwick Post". A verb other than such a participle ends the search.
 */
function makerAfter(ctx: SourceContext, from: number): Entity | null {
  const { doc } = ctx;
  const last = doc.sentences[ctx.sentence]?.last ?? from;
  for (let k = from; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.text === ',') return null;
    if (lower(t) === 'by') return issuerAfter(ctx, k);
    const participle = t.pos === 'VERB' && /(?:ed|en)$/.test(lower(t)) && ['by', 'for'].includes(lower(doc.tokens[k + 1]));
    // "a poll conducted for Lindhaven Radio" with no maker after "by": the body it was made for.
    if (participle && lower(doc.tokens[k + 1]) === 'for' && !byLater(doc, k + 2, last)) return issuerAfter(ctx, k + 1);
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !participle) return null;
  }
  return null;
}

/** Verbs by which someone puts a document out ("released a video", "ran a piece"). */
const PUBLISHING = new Set(['release', 'publish', 'run', 'issue', 'post', 'air', 'send', 'circulate', 'distribute', 'share', 'produce', 'file', 'write', 'put']);
/** What can be put out and then "say" something: documents, and pieces of a paper or a broadcast. */
const PUBLISHED = new Set([...DOCUMENT_NOUNS, 'piece', 'story', 'clip', 'spot', 'flyer', 'pamphlet', 'brochure', 'mailer', 'op-ed']);

/**
 * "Tamsin Arkwell released a video that said …", "The Brenwick Bugle ran a piece that noted …": a document the clause's
 * subject puts out ("a"/"an", right after the verb) speaks for that subject, a name or a pronoun just before the verb.
 */
function publisherBefore(ctx: SourceContext, core: Span): Entity | null {
  const { doc } = ctx;
  const head = doc.tokens[core.last];
  if (!head || !INDEFINITE.has(lower(doc.tokens[core.first])) || !(PUBLISHED.has(head.lemma) || PUBLISHED.has(lower(head)))) return null;
  let k = core.first - 1;
  // "put out a flyer": the verb and its particle.
  if (lower(doc.tokens[k]) === 'out' && doc.tokens[k - 1]?.lemma === 'put') k--;
  const verb = doc.tokens[k];
  if (!verb || verb.quote || verb.pos !== 'VERB' || !PUBLISHING.has(verb.lemma) || (verb.lemma === 'put' && k === core.first - 1)) return null;
  let s = k - 1;
  while (doc.tokens[s]?.pos === 'ADV' && doc.tokens[s]?.sentence === verb.sentence) s--;
  const subject = doc.tokens[s];
  if (!subject || subject.quote || subject.sentence !== verb.sentence) return null;
  if (subject.pos === 'PRON') return ['he', 'she', 'they', 'it'].includes(lower(subject)) ? pronoun({ ...ctx, at: subject.start }, lower(subject)) : null;
  const sentence = doc.sentences[verb.sentence];
  const run = sentence ? nameRuns(doc, sentence.first, s).at(-1) : undefined;
  if (!run || run.last !== s || run.possessive) return null;
  return entityOfRun(ctx.registry, run, subject.start, true);
}

/** A "by" later in the clause, before a comma or a quotation. */
function byLater(doc: Doc, from: number, last: number): boolean {
  for (let k = from; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.text === ',') return false;
    if (lower(t) === 'by') return true;
  }
  return false;
}

/** Roles through which a body speaks: "a spokeswoman for the council" speaks for the council. */
const SPEAKS_FOR = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'representative', 'statement', 'release', 'letter', 'memo', 'filing']);

/** The named body in "for/from/of/by X" right after a role or document: "for the Arkwell campaign" → Arkwell campaign. */
function issuerAfter(ctx: SourceContext, at: number): Entity | null {
  const { doc } = ctx;
  const preposition = doc.tokens[at];
  if (!preposition || !['for', 'from', 'of', 'by', 'at'].includes(lower(preposition))) return null;
  let end = at + 1;
  const inPhrase = (t: Token | undefined, next: Token | undefined): boolean =>
    t !== undefined && !t.quote && (['DET', 'ADJ', 'NOUN', 'PROPN', 'PART'].includes(t.pos) || /^\p{Lu}/u.test(t.text) || (['of', 'for', 'on'].includes(lower(t)) && /^\p{Lu}/u.test(next?.text ?? '')));
  while (inPhrase(doc.tokens[end], doc.tokens[end + 1])) end++;
  const run = nameRuns(doc, at + 1, end - 1).at(-1);
  // "a spokeswoman for the council": the body of that kind last named.
  if (!run && end === at + 3 && DEFINITE.has(lower(doc.tokens[at + 1]))) return organisationBefore(ctx, doc.tokens[at + 2]?.lemma ?? '');
  if (!run || run.possessive) return null;
  const lastNoun = doc.tokens[end - 1];
  // "for the Arkwell campaign": the capitalised words and the noun after them name the body together.
  if (run.last < end - 1 && lastNoun && (ORG_NOUNS.has(lastNoun.lemma) || ORG_WORDS.has(lastNoun.lemma))) {
    return ctx.registry.organisation(cleanRole(joinTokens(doc.tokens, run.first, end - 1)), false);
  }
  return run.kind === 'organisation' ? ctx.registry.organisation(run.name, run.media) : run.last === end - 1 ? entityOfRun(ctx.registry, run, ctx.at, true) : null;
}

/**
 * The organisation set in apposition with a description anywhere in the article: "Lindgrid, the national grid
 * operator," · "the grid operator, Lindgrid," · "grid operator Lindgrid". Matched on the description's last two words.
 */
function namedByDescription(ctx: SourceContext, core: Span): Entity | null {
  const { doc, registry } = ctx;
  const words = doc.tokens.slice(core.first + 1, core.last + 1).map((t) => t.text.toLowerCase());
  const tail = words.slice(-2);
  if (tail.length < 2 && !ORG_NOUNS.has(tail[0] ?? '')) return null;
  const matches = (k: number): boolean => tail.every((w, j) => lower(doc.tokens[k + j]) === w);
  for (let k = 0; k + tail.length <= doc.tokens.length; k++) {
    if (!matches(k) || doc.tokens[k]?.quote) continue;
    const end = k + tail.length - 1;
    // "… grid operator Lindgrid" / "… grid operator, Lindgrid,"
    const afterAt = isCommaToken(doc.tokens[end + 1]) ? end + 2 : end + 1;
    const after = nameRuns(doc, afterAt, Math.min(doc.tokens.length - 1, afterAt + 5)).find((r) => r.first === afterAt);
    if (after && after.kind === 'organisation' || (after && after.words.length === 1)) return registry.organisation((after as NameRun).name, false);
    // "Lindgrid, the (country's) national grid operator"
    let start = k;
    while (start > 0 && ['ADJ', 'NOUN', 'DET', 'PART', 'PROPN'].includes(doc.tokens[start - 1]?.pos ?? '') && !isCommaToken(doc.tokens[start - 1])) start--;
    if (isCommaToken(doc.tokens[start - 1])) {
      const before = nameRuns(doc, Math.max(0, start - 6), start - 2).at(-1);
      if (before && before.last === start - 2 && !before.possessive && (before.kind === 'organisation' || before.words.length === 1)) return registry.organisation(before.name, false);
    }
  }
  return null;
}

const isCommaToken = (t: Token | undefined): boolean => t?.text === ',';

/** "the senator": the person last mentioned who is known by that role (from a title or an apposition). */
function byRole(ctx: SourceContext, noun: string): Entity | null {
  for (const m of ctx.registry.before(ctx.at)) {
    const e = m.entity;
    if (e.kind !== 'person' || !e.named) continue;
    if (e.roleNouns.has(noun) || (e.role ?? '').toLowerCase().split(/\W+/).includes(noun)) return e;
  }
  return null;
}

/**
 * "He nodded …", "…, and she left": a "he"/"she" of the narrative standing as a clause's subject (opening the sentence,
 * or after a comma or conjunction, before a verb), where the chain of pronouns may go on. Statement sources are not
 * among them: they are resolved as such.
 */
export function narrativePronouns(doc: Doc, sources: ReadonlySet<number>): Token[] {
  return doc.tokens.filter((t) => {
    if (t.quote || t.pos !== 'PRON' || !['he', 'she'].includes(lower(t)) || sources.has(t.i)) return false;
    const after = doc.tokens[t.i + 1];
    return opensClause(doc, t.i) && after !== undefined && !after.quote && ['VERB', 'AUX', 'ADV'].includes(after.pos);
  });
}

/**
 * "Asked later, the admiral chuckled.": "the" and a role noun standing as a clause's subject in the narrative, before a
 * verb; the noun tokens. Statement sources are not among them.
 */
export function narrativeRoles(doc: Doc, sources: ReadonlySet<number>): Token[] {
  return doc.tokens.filter((t) => {
    const the = doc.tokens[t.i - 1];
    const after = doc.tokens[t.i + 1];
    if (t.quote || t.pos !== 'NOUN' || !(PERSON_NOUNS.has(lower(t)) || TITLE_WORDS.has(lower(t))) || !/^\p{Ll}/u.test(t.text) || lower(the) !== 'the' || sources.has(t.i) || sources.has(t.i - 1)) return false;
    return opensClause(doc, t.i - 1) && after !== undefined && !after.quote && ['VERB', 'AUX'].includes(after.pos);
  });
}

/** Registers the named person a narrative "the admiral" stands for as the subject there, as `notePronoun` does. */
export function noteRole(ctx: SourceContext, noun: string): void {
  const entity = byRole(ctx, noun);
  if (entity) ctx.registry.mention({ at: ctx.at, paragraph: ctx.paragraph, sentence: ctx.sentence, entity, subject: true, speaker: false, leads: true });
}

/** Registers the named person a narrative "he"/"she" stands for as the subject there, so a later pronoun goes on with them. */
export function notePronoun(ctx: SourceContext, word: string): void {
  const entity = pronoun(ctx, word);
  if (entity && entity.kind === 'person' && entity.named) ctx.registry.mention({ at: ctx.at, paragraph: ctx.paragraph, sentence: ctx.sentence, entity, subject: true, speaker: false, leads: true });
}

/** Registers a statement's speaker as mentioned at its source, so "he said" next can continue the turn. */
export function noteSpeaker(ctx: SourceContext, entity: Entity): void {
  ctx.registry.mention({ at: ctx.at, paragraph: ctx.paragraph, sentence: ctx.sentence, entity, subject: true, speaker: true });
}
