import type { Article, Person } from '../data/schema.js';
import type { Answer, AnswerItem, QuestionIntent } from './answer-types.js';
import type { AnswerType, Ranked, Reply, Scope, Understood } from './answers/answer-type.js';
import { found, notFound } from './answers/common.js';
import { didYouMean, unknownPerson } from './answers/identity.js';
import { answerTypeOf } from './answers/registry.js';
import { statement } from './answers/statement.js';
import { articleDate, time } from './answers/time.js';
import { buildEvidence, type EvidenceUnit } from './evidence.js';
import { emptyObjectList, objectList } from './empty-list.js';
import { buildKnowledge, narrationItem, quoteItem, type Knowledge, type PersonEntry, type TopicEntry } from './knowledge.js';
import { PersonMatcher } from './person-matcher.js';
import { be, clip, describe, joinNames, paragraphList, speakerLine, speakerName, surname, unique } from './phrasing.js';
import { readQuestion } from './question.js';
import { EvidenceIndex, scoredUnit, type ScoredUnit } from './ranking.js';
import { substance } from './substance.js';
import { stem } from '../text/stem.js';
import { foldedWords as words } from '../text/words.js';
import { understand } from './understand.js';

/** A question's word pairs found in the same order in the evidence count this much next to its words. */
const PROXIMITY_WEIGHT = 0.5;
/** BM25 relevance breaks ties between units that cover the question alike. */
const RELEVANCE_WEIGHT = 0.05;
/** Evidence by someone other than the speaker asked about, when the question is not for a statement ("when did X arrive"). */
const OTHER_SPEAKER = 0.35;
/** A quote that relays the asked speaker ("the governor said …", told by an aide), or narration reporting them. */
const RELAYED = 0.8;
const REPORTED_IN_NARRATION = 0.5;
/** Units scoring under this share of the best are left out: better evidence exists. */
const RELEVANCE_RATIO = 0.6;
const MAX_ITEMS = 8;
/**
 * Declining is decided on the best evidence: it must cover this weighted share of what the
 * question asks about (rarer words weigh more) …
 */
const FOUND_COVERAGE = 0.5;
/** … or say a good part of it in the question's own word order (a half-remembered quote) … */
const PHRASE_PROXIMITY = 0.4;
const PHRASE_COVERAGE = 0.3;
/** … or stand out: cover this much and score at least MARGIN times the next unit. */
const MARGIN_COVERAGE = 0.4;
/** … less when a named speaker's statements are asked for, only theirs competing: one rare word of the two asked about. */
const SPEAKER_MARGIN_COVERAGE = 0.34;
const MARGIN = 2;

export interface SpeakerSummary {
  person: Person;
  quoteCount: number;
  topics: string[];
}

export interface TopicSummary {
  id: string;
  label: string;
  speakers: Person[];
  quoteCount: number;
}

/** An answer with how well its best evidence answers (0-1), so several articles' answers can be compared. */
export interface ScopedAnswer extends Answer {
  readonly confidence: number;
}

/**
 * Answers questions over a small, fixed set of articles (usually one): every answer is the best
 * evidence in them, ranked. The question's kind shapes the ranking and the wording.
 */
export class ScopedEngine implements Scope {
  readonly knowledge: Knowledge;
  readonly units: readonly EvidenceUnit[];
  readonly index: EvidenceIndex;
  readonly people: PersonMatcher;
  private speakerList: PersonEntry[] | undefined;

  constructor(articles: Article[]) {
    this.knowledge = buildKnowledge(articles);
    this.units = buildEvidence(this.knowledge);
    this.people = new PersonMatcher(this.knowledge.people.values());
    const topicList = [...this.knowledge.topics.values()];
    const topics = new Map(topicList.map((t) => [t.id, [...new Set([t.topic.label, ...t.topic.keywords].flatMap((k) => words(k)).map(stem))]] as const));
    // Keyword phrases of two words or more, as stems with their little words: "who to negotiate with", "phone call".
    const phrases = new Map(topicList.map((t) => [t.id, t.topic.keywords.map((k) => words(k).map(stem)).filter((w) => w.length >= 2).map((w) => w.join(' '))] as const));
    this.index = new EvidenceIndex(this.units, topics, phrases);
  }

  answer(question: string): ScopedAnswer {
    const text = readQuestion(question);
    const type = answerTypeOf(text, this);
    const understood = understand(text, type, this);
    const reply = type.direct ? type.direct(understood, this) : this.fromEvidence(understood);
    return { question, intent: type.name, found: reply.found, summary: reply.summary, items: dedupe(reply.items), suggestions: reply.suggestions, confidence: reply.confidence };
  }

  private fromEvidence(q: Understood): Reply {
    const constraint = q.speaker;
    if (constraint?.status === 'unknown') return unknownPerson(this, q.subject);
    if (constraint?.status === 'unsure') return didYouMean(this, q.subject, constraint.candidates);
    const speakers = constraint?.status === 'resolved' ? objectList(constraint.people) : NO_SPEAKERS;
    if (q.type === statement && speakers.length > 0 && speakers.every((p) => p.quotes.length === 0) && !this.reportedInNarration(speakers)) return this.notQuoted(speakers);
    if (q.content.length === 0 && speakers.length === 0) {
      if (q.type === time) return articleDate(this);
      return notFound(this, `Ask about a person or a subject of the article, for example “${this.suggestions()[0] ?? 'who is quoted?'}”.`);
    }
    const all = this.rank(q, speakers);
    let ranked = this.cut(q, all);
    if (q.type.quotesFirst && ranked.some((r) => !r.unit.entry)) {
      // A person is asked for: quotes answer it when one does; the article's narration only otherwise.
      const quotes = this.cut(q, all.filter((r) => r.unit.entry));
      if (this.answers(q, quotes)) ranked = quotes;
    }
    if (!this.answers(q, ranked)) return this.decline(q, speakers);
    return q.type.word(q, ranked, this);
  }

  /** Every unit scored for the whole question, best first, cut to those nearly as good as the best. */
  /** Every unit that matches, scored for the whole question, best first. */
  rank(q: Understood, speakers: readonly PersonEntry[]): Ranked[] {
    const type: AnswerType = q.type;
    const forStatement = type === statement;
    const scored: ScoredUnit[] | Ranked[] =
      q.content.length === 0
        ? // No subject: the speaker's whole statements before fragments (see substance).
          this.units.filter((u) => speakerMatch(u, speakers) >= RELAYED).map((unit) => scoredUnit(unit, substance(unit), 0, 0))
        : this.index.score(q.content, q.sequence, forStatement && speakers.length > 0 ? (u) => speakerMatch(u, speakers) > 0 : undefined);
    const ranked = scored as Ranked[];
    // Read once, not per unit: the answer types are objects of many shapes, so each read is a slow lookup.
    const fitOf = type.fit;
    const narrationWeight = type.narrationWeight ?? 0.8;
    for (const r of ranked) {
      const base = r.coverage + PROXIMITY_WEIGHT * r.proximity + (RELEVANCE_WEIGHT * r.relevance) / (1 + r.relevance);
      const fit = fitOf ? fitOf(r.unit, q, this) : 1;
      const narration = r.unit.entry ? 1 : narrationWeight;
      const bySpeaker = speakerFactor(r.unit, speakers, forStatement);
      r.score = base * fit * narration * bySpeaker;
      r.bySpeaker = bySpeaker >= 1;
    }
    if (q.content.length === 0) ranked.sort((a, b) => b.score - a.score || a.unit.article.id.localeCompare(b.unit.article.id) || a.unit.start - b.unit.start);
    else ranked.sort((a, b) => b.score - a.score || b.relevance - a.relevance || a.unit.index - b.unit.index);
    return ranked;
  }

  /** The ranked units nearly as good as the best (the kind of answer says how near), without narration a kept quote already holds. */
  private cut(q: Understood, ranked: readonly Ranked[]): Ranked[] {
    const best = ranked[0]?.score ?? 0;
    const ratio = q.type.relevanceRatio?.(q) ?? RELEVANCE_RATIO;
    const kept = ranked.filter((r) => r.score > 0 && r.score >= best * ratio);
    // A narration sentence that holds a kept quote says nothing more than the quote, which names its speaker.
    const quotes = kept.filter((r) => r.unit.entry);
    return kept.filter((r) => r.unit.entry || !quotes.some((k) => k.unit.article === r.unit.article && k.unit.start < r.unit.end && r.unit.start < k.unit.end)).slice(0, MAX_ITEMS);
  }

  /** The calibrated decision: does the best evidence answer the question? */
  private answers(q: Understood, ranked: readonly Ranked[]): boolean {
    const best = ranked[0];
    if (!best) return false;
    if (q.content.length === 0) return true;
    if (best.coverage >= FOUND_COVERAGE) return true;
    if (best.proximity >= PHRASE_PROXIMITY && best.coverage >= PHRASE_COVERAGE) return true;
    const next = ranked.find((r) => r.unit !== best.unit)?.score ?? 0;
    const margin = q.type === statement && q.speaker?.status === 'resolved' ? SPEAKER_MARGIN_COVERAGE : MARGIN_COVERAGE;
    return best.coverage >= margin && best.score >= MARGIN * next;
  }

  private decline(q: Understood, speakers: readonly PersonEntry[]): Reply {
    // The asker's own words, in their case: what the article does not cover is not put in the article's terms.
    const topic = clip(q.topic || q.content.map((c) => c.word).join(' '));
    if (q.type === statement && speakers.length > 0) {
      const quoted = speakers.filter((p) => p.quotes.length > 0);
      const names = joinNames(quoted.map((p) => speakerName(p.person)), 'or');
      const topics = unique(quoted.flatMap((p) => p.quotes.flatMap((x) => x.quote.topics))).map((id) => this.topicLabel(id));
      const on = topics.length > 0 ? ` ${names} ${quoted.length > 1 ? 'are' : be(names)} quoted on: ${topics.slice(0, 6).join('; ')}.` : '';
      return notFound(this, `The article quotes ${names}, but not about ${topic || 'that'}.${on}`, quoted.map((p) => `what did ${surname(p)} say?`));
    }
    const what: Partial<Record<QuestionIntent, string>> = {
      when: 'when that happened',
      where: 'where',
      why: 'why',
      'how-much': 'how much or how many',
      'who-said': 'who said that',
    };
    return notFound(this, `The article doesn't say ${what[q.type.name] ?? `anything about ${topic || 'that'}`}.`);
  }

  private reportedInNarration(people: readonly PersonEntry[]): boolean {
    return this.units.some((u) => !u.entry && people.some((p) => u.mentions.reported.has(p)));
  }

  private notQuoted(people: readonly PersonEntry[]): Reply {
    const person = people[0] as PersonEntry;
    const paragraphs = paragraphList(person.mentions.map((m) => m.paragraph));
    const summary = person.mentions.length ? `The article doesn't quote ${describe(person)}; they are mentioned in ${paragraphs}.` : `The article doesn't quote ${describe(person)}.`;
    const items = this.units.filter((u) => !u.entry && u.mentions.people.has(person)).map((u) => narrationItem(u.article, u.paragraph, u.start, u.end));
    return notFound(this, summary, [], items);
  }

  // ── what the scope offers the answer types ────────────────────────────────

  topicLabel(id: string): string {
    return this.knowledge.topics.get(id)?.topic.label ?? id;
  }

  speakerEntries(): PersonEntry[] {
    this.speakerList ??= [...this.knowledge.people.values()].filter((p) => p.quotes.length > 0).sort((a, b) => b.quotes.length - a.quotes.length || firstOffset(a) - firstOffset(b));
    return this.speakerList;
  }

  /** What the articles can answer, built from their own topics and speakers. */
  suggestions(): string[] {
    const topics = [...this.knowledge.topics.values()].filter((t) => t.quotes.length > 0).sort((a, b) => b.quotes.length - a.quotes.length);
    const fromTopics = topics.slice(0, 2).map((t) => `who spoke about ${(t.topic.keywords[0] ?? t.topic.label).toLowerCase()}?`);
    const fromPeople = this.speakerEntries().slice(0, 3).map((p) => `what did ${surname(p)} say?`);
    return [...fromTopics, ...fromPeople, 'what is the article about?'];
  }

  // ── lists for commands ────────────────────────────────────────────────────

  quotesBy(speakerId: string, topicId?: string): Answer {
    const person = this.knowledge.people.get(speakerId);
    const question = `quotes by ${speakerId}${topicId ? ` on ${topicId}` : ''}`;
    const base = { question, intent: 'what-did-say' as QuestionIntent };
    const reply = (r: Reply): Answer => ({ ...base, found: r.found, summary: r.summary, items: r.items, suggestions: r.suggestions });
    if (!person) return reply(notFound(this, `No speaker “${speakerId}” in the knowledge base.`));
    if (person.quotes.length === 0) return reply(this.notQuoted([person]));
    const quotes = person.quotes.filter((q) => !topicId || q.quote.topics.includes(topicId));
    if (quotes.length === 0) return reply(notFound(this, `${describe(person)} ${be(person.person.name)} not quoted on ${this.topicLabel(topicId ?? '')}.`, [`what did ${surname(person)} say?`]));
    const on = topicId ? ` on ${this.topicLabel(topicId)}` : '';
    return reply(found(`${speakerLine(person, (id) => this.topicLabel(id))}${on ? ` Showing the quotes${on}.` : ''}`, quotes.map(quoteItem), 1));
  }

  speakers(): SpeakerSummary[] {
    return this.speakerEntries().map((p) => ({ person: p.person, quoteCount: p.quotes.length, topics: unique(p.quotes.flatMap((q) => q.quote.topics)) }));
  }

  topics(): TopicSummary[] {
    return [...this.knowledge.topics.values()]
      .filter((t: TopicEntry) => t.quotes.length > 0)
      .sort((a, b) => b.quotes.length - a.quotes.length)
      .map((t) => ({ id: t.id, label: t.topic.label, speakers: unique(t.quotes.map((q) => q.speaker.person)), quoteCount: t.quotes.length }));
  }
}

/** No speaker asked for: an empty list of the kind lists of people have (`rank` and `speakerMatch` see both). */
const NO_SPEAKERS: readonly PersonEntry[] = emptyObjectList();

/** How surely a unit is the asked speaker's: their own quote, a quote relaying them, narration reporting them. */
function speakerMatch(unit: EvidenceUnit, speakers: readonly PersonEntry[]): number {
  const entry = unit.entry;
  if (entry) {
    if (speakers.includes(entry.speaker)) return 1;
    if (entry.reportedBy && speakers.includes(entry.reportedBy)) return RELAYED;
    if (speakers.some((p) => unit.mentions.reported.has(p))) return RELAYED;
    return 0;
  }
  return speakers.some((p) => unit.mentions.reported.has(p)) ? REPORTED_IN_NARRATION : 0;
}

/** What the speaker asked about makes of a unit's score: only their evidence for a statement, other speakers' at a discount otherwise. */
function speakerFactor(unit: EvidenceUnit, speakers: readonly PersonEntry[], forStatement: boolean): number {
  if (speakers.length === 0) return 1;
  const own = speakerMatch(unit, speakers);
  return forStatement ? own : Math.max(own, OTHER_SPEAKER);
}

function firstOffset(person: PersonEntry): number {
  return person.quotes[0]?.quote.start ?? Number.MAX_SAFE_INTEGER;
}

/** The same span cited twice is shown once. */
function dedupe(items: readonly AnswerItem[]): AnswerItem[] {
  if (items.length <= 1) return items.slice();
  // A few items (at most MAX_ITEMS but for lists): the kept ones are compared directly, no key strings.
  const kept: AnswerItem[] = [];
  for (const item of items) {
    if (kept.some((k) => sameSpan(k, item) || sameWordsAgain(k, item))) continue;
    kept.push(item);
  }
  return kept;
}

/** The same span of the same article, cited for the same speaker (or for none). */
function sameSpan(a: AnswerItem, b: AnswerItem): boolean {
  return a.start === b.start && a.end === b.end && a.article.id === b.article.id && (a.speaker?.id ?? '') === (b.speaker?.id ?? '');
}

/** A later quote of the same speaker that lies inside an earlier one, or holds it whole, says its words again. */
function sameWordsAgain(earlier: AnswerItem, later: AnswerItem): boolean {
  if (!earlier.speaker || earlier.speaker.id !== later.speaker?.id || earlier.article.id !== later.article.id) return false;
  return (earlier.start <= later.start && later.end <= earlier.end) || (later.start <= earlier.start && earlier.end <= later.end);
}
