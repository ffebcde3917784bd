import { STOPWORDS } from '../text/stopwords.js';
import type { AnswerType, Scope, SpeakerConstraint, Understood } from './answers/answer-type.js';
import type { PersonEntry } from './knowledge.js';
import { ABOUT_WORDS, ARTICLE_WORDS, EVENT_VERBS, FILLER, HONORIFICS, INDEFINITES, SPEECH_WORDS, TITLE_ABBREVIATIONS, TITLE_WORDS, WH_WORDS } from './lexicon.js';
import { headPosition, roleRoot, type PersonMatch } from './person-matcher.js';
import { isFrameWord, type QuestionText, type QuestionWord } from './question.js';
import { emptyObjectList, objectList } from './empty-list.js';
import type { ContentTerm } from './ranking.js';
import { foldedWords as words } from '../text/words.js';
import { asTyped } from './phrasing.js';

/** Words that stand for "someone" rather than name a speaker ("what did they say", "did anyone say"). */
const NOBODY_IN_PARTICULAR = new Set(['they', 'them', 'he', 'she', 'people', 'anyone', 'anybody', 'someone', 'somebody', 'everyone', 'everybody', 'officials', 'official', 'others', 'one', 'you', 'we', 'i']);
/** A description that explains this share of its words names someone; less, and we ask. */
const ROLE_COVERAGE = 0.75;
/** Content words in chatter before the question proper weigh this much. */
const PREAMBLE_WEIGHT = 0.5;
/** A wh-word inside the question ("who talked about *where* …") is a hint, not a subject. */
const EMBEDDED_WH_WEIGHT = 0.5;

/** Reads a question in one scope: its speaker, the people it talks about, and its content terms. */
export function understand(text: QuestionText, type: AnswerType, scope: Scope): Understood {
  const slotWords = text.slot.map((i) => text.words[i] as QuestionWord);
  const resolved = resolveSpeaker(slotWords, scope);
  // A slot guessed from word order alone that names nobody is just what the question is about.
  const ignored = text.softSlot && resolved?.status !== 'resolved';
  const speaker = ignored ? null : resolved;
  const inSlot = ignored || text.slot.length === 0 ? NO_POSITIONS : new Set(text.slot);
  // People talked about: names outside the speaker slot ("what did Okoye say about [Ferreira]").
  const rest = text.words.filter((w) => !inSlot.has(w.at) && (!isFrameWord(w, text) || embeddedWh(w, text)));
  const about: PersonEntry[] = [];
  const coveredByName = new Set<number>();
  if (rest.length > 0) {
    const resolution = scope.people.resolve(rest.map((w) => w.word));
    for (const match of resolution.matches) {
      if (match.byRole || match.score < 2) continue; // a full surname or name, not a given name or a role word
      if (anyIn(match.covered, coveredByName)) continue;
      about.push(match.person);
      for (const i of match.covered) coveredByName.add(i);
    }
  }
  // Positions in the question of the words naming people talked about (most questions name none).
  const aboutPositions = coveredByName.size === 0 ? NO_POSITIONS : new Set([...coveredByName].map((i) => rest[i]?.at ?? -1));
  const content: ContentTerm[] = [];
  const seen = new Set<string>();
  // Read once, not per word: the answer types are objects of many shapes, so each read is a slow lookup.
  const cueWords = type.cueWords;
  const whoSaid = type.name === 'who-said';
  for (const word of rest) {
    if (aboutPositions.has(word.at)) continue;
    if (cueWords?.has(word.word) && !word.quoted) continue;
    if (HONORIFICS.has(word.word) || FILLER.has(word.word) || NOBODY_IN_PARTICULAR.has(word.word) || INDEFINITES.has(word.word)) continue;
    if (ARTICLE_WORDS.has(word.word) && !word.quoted) continue;
    if (EVENT_VERBS.has(word.word) && !whoSaid && !word.quoted) continue;
    const inside = embeddedWh(word, text);
    if (STOPWORDS.has(word.word) && !inside) continue;
    if (seen.has(word.stem)) continue;
    seen.add(word.stem);
    const weight = inside ? EMBEDDED_WH_WEIGHT : word.preamble ? PREAMBLE_WEIGHT : 1;
    // Asides before the question proper, and wh-words inside it, count when the evidence has them and are not missed when not.
    content.push(contentTerm(word.stem, word.word, weight, inside || word.preamble));
  }
  const lead = text.words[text.coreAt];
  if (type.whWeight && lead && text.wh && !seen.has(lead.stem)) content.push(contentTerm(lead.stem, lead.word, type.whWeight, true));
  for (const person of about) content.push(contentTerm(`person:${person.id}`, person.person.name, 1, undefined, person));
  const sequence = text.words.filter((w) => !inSlot.has(w.at) && !FILLER.has(w.word) && w.at > Math.max(text.coreAt, text.speechAt)).map((w) => w.stem);
  for (const topic of scope.index.topicsNamedBy(sequence)) content.push(contentTerm(`topic:${topic}`, topic, 1, true, undefined, topic));
  return {
    text,
    type,
    speaker,
    subject: ignored ? '' : asTyped(text.text, slotWords),
    about,
    content,
    sequence,
    topic: topicPhrase(text, inSlot),
  };
}

/** No positions: shared by the questions with no speaker slot or no people talked about. */
const NO_POSITIONS: ReadonlySet<number> = new Set();

/** Some position of `positions` is in `taken`. */
function anyIn(positions: ReadonlySet<number>, taken: ReadonlySet<number>): boolean {
  for (const i of positions) if (taken.has(i)) return true;
  return false;
}

/** Every content term has the same fields (unset ones undefined), so ranking reads them from objects of one shape. */
function contentTerm(stem: string, word: string, weight: number, bonus: boolean | undefined, person?: PersonEntry, topic?: string): ContentTerm {
  return { stem, word, weight, bonus, person, topic };
}

/** A wh-word inside the question ("who talked about *where* …"), after its opening one. */
function embeddedWh(word: QuestionWord, text: QuestionText): boolean {
  return WH_WORDS.has(word.word) && word.at > text.coreAt;
}

/** The words after "about" (or the content words), as typed: what the answer says it is about. */
function topicPhrase(text: QuestionText, inSlot: ReadonlySet<number>): string {
  const aboutAt = text.words.findIndex((w) => ABOUT_WORDS.has(w.word) && w.at > text.coreAt && !inSlot.has(w.at));
  const from = aboutAt >= 0 ? aboutAt + 1 : Math.max(text.coreAt, text.speechAt) + 1;
  const phrase = text.words
    .slice(from)
    .filter((w) => !inSlot.has(w.at) && !FILLER.has(w.word));
  while (phrase.length > 0 && STOPWORDS.has(phrase[0]?.word ?? '') && !WH_WORDS.has(phrase[0]?.word ?? '')) phrase.shift();
  return asTyped(text.text, phrase);
}

/** Who a speaker slot names: by name, alias, spelling, role, organisation, or "X's <role>". */
export function resolveSpeaker(given: readonly QuestionWord[], scope: Scope): SpeakerConstraint | null {
  // One elements kind whichever list the words came in (a mapped slot, a slice, a part split on "and"): see objectList.
  const slot = objectList(given);
  // A capitalised word is a name even when it is also a function word ("what did Will say").
  const meaningful = slot.filter((w) => (!STOPWORDS.has(w.word) || (w.capital && w.at > 0)) && !HONORIFICS.has(w.word));
  if (meaningful.length === 0) return null;
  // "what did they say", "did anyone comment": nobody in particular, unless the article describes a speaker so ("officials", "critics").
  if (meaningful.every((w) => NOBODY_IN_PARTICULAR.has(w.word) || ARTICLE_WORDS.has(w.word) || SPEECH_WORDS.has(w.word)) && !describesSomeone(slot, scope)) return null;
  // The article's own source is not a speaker ("when did the agency report this"), unless the article quotes it.
  const source = scope.knowledge.sources.has(meaningful.map((w) => w.word).join(' '));
  if (source && scope.people.resolve(meaningful.map((w) => w.word)).best.length === 0) return null;
  // "the governor's aide": the possessor describes whom the head noun belongs to.
  const possessorAt = slot.findIndex((w, i) => w.possessive && i < slot.length - 1);
  if (possessorAt >= 0) {
    const owner = scope.people.resolve(slot.slice(0, possessorAt + 1).map((w) => w.word));
    const described = resolveSpeaker(slot.slice(possessorAt + 1), scope);
    if (described?.status === 'resolved' && owner.best.length > 0) {
      const related = described.people.filter((p) => owner.best.some((o) => relatedTo(p, o.person)));
      if (related.length > 0) return { status: 'resolved', people: related, ambiguous: related.length > 1, byRole: true };
    }
    if (described) return described;
  }
  // "Okoye and Ferreira": each named in turn.
  // Most slots name one speaker: no parts are made for them.
  const parts = slot.some(isConjunction) ? splitOnAnd(slot) : NO_PARTS;
  if (parts.length > 1) {
    const each = parts.map((part) => resolveSpeaker(part, scope));
    if (each.every((r) => r?.status === 'resolved')) {
      const people = [...new Set(each.flatMap((r) => (r?.status === 'resolved' ? r.people : [])))];
      return { status: 'resolved', people, ambiguous: false, byRole: each.every((r) => r?.status === 'resolved' && r.byRole) };
    }
  }
  const list = slot.map((w) => w.word);
  const resolution = scope.people.resolve(list);
  if (resolution.best.length === 0) return { status: 'unknown' };
  const byRole = resolution.best.every((m) => m.byRole);
  if (!resolution.headCovered) {
    // A name must cover the name asked for ("Ted Cruz" is not "Ted Kennedy"); a description that misses its head noun is a guess.
    return byRole ? { status: 'unsure', candidates: resolution.matches.slice(0, 3).map((m) => m.person) } : { status: 'unknown' };
  }
  if (byRole && resolution.coverage < ROLE_COVERAGE && headPosition(list) < 0) return { status: 'unsure', candidates: resolution.matches.slice(0, 3).map((m) => m.person) };
  // "Brenna Rask" is not Tilda Rask: the surname alone matched, after a given name that is none of hers.
  const named = resolution.best.filter((m) => m.byRole || !anotherGivenName(slot, m));
  if (named.length === 0) return { status: 'unsure', candidates: resolution.best.map((m) => m.person) };
  const people = named.map((m) => m.person);
  return { status: 'resolved', people, ambiguous: people.length > 1, byRole };
}

/**
 * The match is the person's surname alone, typed after a capitalised word that is none of their names, no
 * initial, and no title or word of their description ("President", "Army Capt."): another person's given name.
 */
function anotherGivenName(slot: readonly QuestionWord[], match: PersonMatch): boolean {
  if (match.covered.size !== 1) return false;
  const before = slot.find((w, i) => match.covered.has(i + 1) && w.capital && !w.possessive && w.word.length >= 2);
  if (!before || STOPWORDS.has(before.word) || HONORIFICS.has(before.word) || TITLE_WORDS.has(before.word) || TITLE_ABBREVIATIONS.has(before.word)) return false;
  const { name, aliases, role, roleAliases, organisation } = match.person.person;
  if (words(name).filter((w) => !HONORIFICS.has(w) && !STOPWORDS.has(w)).length < 2) return false;
  return !words([name, ...aliases, role ?? '', ...roleAliases, organisation ?? ''].join(' ')).includes(before.word);
}

/** The words are how the article describes one of its unnamed speakers. */
function describesSomeone(slot: readonly QuestionWord[], scope: Scope): boolean {
  const resolution = scope.people.resolve(slot.map((w) => w.word));
  return resolution.headCovered && resolution.best.some((m) => m.person.person.named === false);
}

/** A person is related to another when their descriptions name them or share words with theirs ("deputy to the harbour master"). */
function relatedTo(person: PersonEntry, owner: PersonEntry): boolean {
  const own = person.person;
  const description = [own.role ?? '', own.organisation ?? '', ...own.roleAliases].join(' ');
  const theirs = new Set(words(description).map(roleRoot));
  const ownerNames = [owner.person.name, ...owner.person.aliases].flatMap((n) => words(n)).filter((w) => !HONORIFICS.has(w) && !STOPWORDS.has(w));
  if (ownerNames.some((w) => theirs.has(roleRoot(w)))) return true;
  const ownerDescription = words([owner.person.role ?? '', ...owner.person.roleAliases].join(' ')).filter((w) => !STOPWORDS.has(w)).map(roleRoot);
  return ownerDescription.filter((w) => theirs.has(w)).length >= 2;
}

/** "and", "or", "&": a slot holding one names several speakers. */
function isConjunction(word: QuestionWord): boolean {
  return word.word === 'and' || word.word === 'or' || word.word === '&';
}

/** No parts: a slot with no conjunction is not split (of the kind lists of parts have, see emptyObjectList). */
const NO_PARTS: readonly QuestionWord[][] = emptyObjectList();

function splitOnAnd(slot: readonly QuestionWord[]): QuestionWord[][] {
  const parts: QuestionWord[][] = [[]];
  for (const word of slot) {
    if (isConjunction(word)) parts.push([]);
    else parts[parts.length - 1]?.push(word);
  }
  return parts.filter((p) => p.length > 0);
}
