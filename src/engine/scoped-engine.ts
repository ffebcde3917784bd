import type { Article, Person } from '../data/schema.js';
import type { Answer, AnswerItem, QuestionIntent } from './answer-types.js';
import { parseQuestion, type ParsedQuestion } from './intent.js';
import { MAX_QUESTION_CHARS } from './limits.js';
import {
  buildKnowledge,
  narrationItem,
  quoteItem,
  sentenceAt,
  quotesIn,
  type Knowledge,
  type PassageSentence,
  type PersonEntry,
  type QuoteEntry,
  type TopicEntry,
} from './knowledge.js';
import { PassageIndex, type PassageHit } from './passage-index.js';
import { PersonMatcher, type PersonResolution } from './person-matcher.js';
import { QuoteRanker } from './quote-ranker.js';
import { TopicMatcher } from './topic-matcher.js';
import { contentTerms, genericTerms, terms, words } from './text.js';
import { capitalise, describe, identityLine, joinNames, paragraphList, plural, speakerLine, surname, unique } from './phrasing.js';

/** Questions longer than this are cut before matching: nobody asks a 10,000-character question on purpose. */
/** A role description must explain this share of the words naming the person, or we ask instead of guessing. */
const ROLE_COVERAGE = 0.75;
/** A passage must contain more than this share of the question's meaningful terms to count as an answer. */
const PASSAGE_COVERAGE = 0.5;
/** A paraphrase ("who said X") must be explained this much by one quote to name its speaker … */
const SAID_COVERAGE = 0.6;
/** … and other quotes are shown with it only when nearly as close (this share of its score). */
const SAID_RATIO = 0.8;
/** Markers of a reason in a sentence, for "why" questions. */
const CAUSAL = /\b(?:due to|because|since|so|as a result|obstacles?|reasons?|therefore|impossib\w*|ban\w*)\b/i;
/** Words in a "where" question that ask for a place rather than name it. */
const PLACE_WORDS = 'venue location place host territory platform';
const PLACE_TERMS = terms(PLACE_WORDS);
/** A sentence that names a place: "in Lisbon", "at the venue". */
const PLACE_MARKER = /\b(?:in|at) (?:the )?\p{Lu}|\b(?:venue|location|platform|territory|host\w*)\b/u;
/** Words that ask for a reason rather than name the subject of a "why" question. */
const REASON_WORDS = new Set(['reason', 'reasons', 'cause', 'causes']);

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

/**
 * Answers questions over a small, fixed set of articles (usually one): every index is built for
 * that set. The knowledge-base engine routes each question to the scoped engines of the articles
 * it is about.
 */
export class ScopedEngine {
  private readonly people: PersonMatcher;
  private readonly topicMatcher: TopicMatcher;
  private readonly quotes: QuoteRanker;
  readonly knowledge: Knowledge;
  /** Words every part of these articles uses: never relevant on their own. */
  private readonly generic: ReadonlySet<string>;
  // Built on first use: most questions need none of them, and engines are built per article on demand.
  private placeQuoteSet: Set<QuoteEntry> | undefined;
  private sentences: PassageIndex<PassageSentence> | undefined;
  private dates: PassageIndex<DateDoc> | undefined;

  constructor(articles: Article[]) {
    const knowledge = buildKnowledge(articles);
    this.knowledge = knowledge;
    this.people = new PersonMatcher(knowledge.people.values());
    this.generic = genericTerms(articles.map((article) => ({ title: article.title, sentences: knowledge.sentences.filter((s) => s.article === article).map((s) => s.text) })));
    this.topicMatcher = new TopicMatcher(knowledge.topics.values(), this.generic);
    const quoteIndex = new PassageIndex(knowledge.quotes, (q) => q.quote.text);
    this.quotes = new QuoteRanker(quoteIndex, this.topicMatcher, knowledge.topics.values(), knowledge.quotes, this.generic);
  }

  /** Quotes that speak of a place (a venue, a host, a platform): what a "where" question wants. */
  private get placeQuotes(): Set<QuoteEntry> {
    this.placeQuoteSet ??= new Set(this.quotes.explaining(PLACE_WORDS));
    return this.placeQuoteSet;
  }

  private get sentenceIndex(): PassageIndex<PassageSentence> {
    this.sentences ??= new PassageIndex(this.knowledge.sentences, (s) => s.text);
    return this.sentences;
  }

  private get dateIndex(): PassageIndex<DateDoc> {
    const knowledge = this.knowledge;
    this.dates ??= new PassageIndex(
      knowledge.articles.flatMap((article) => article.dates.map((date) => ({ article, date }))),
      ({ article, date }) => `${date.event} ${sentenceAt(knowledge, article, date.start)?.text ?? ''}`,
    );
    return this.dates;
  }

  answer(rawQuestion: string): Answer {
    const question = rawQuestion.slice(0, MAX_QUESTION_CHARS);
    const parsed = parseQuestion(question);
    const reply = this.route(parsed);
    return { question: rawQuestion, intent: parsed.intent, ...reply, items: dedupe(reply.items) };
  }

  private route(q: ParsedQuestion): Reply {
    switch (q.intent) {
      case 'empty':
        return this.notFound('Ask a question about the article, for example “who spoke about venues?”.');
      case 'list-speakers':
        return this.listSpeakers();
      case 'list-topics':
        return this.listTopics();
      case 'article-about':
        return this.articleAbout();
      case 'article-source':
        return this.articleSource();
      case 'who-spoke-about':
        return q.about ? this.whoSpokeAbout(q.about) : this.listSpeakers();
      case 'who-said':
        return this.whoSaid(q.quoted || q.about);
      case 'what-did-say':
        return this.whatDidSay(q.subject, q.about);
      case 'who-is':
        return this.whoIs(q.subject);
      case 'when':
        return this.when(q.plain);
      case 'where':
        return this.where(q.plain);
      case 'why':
        return this.why(q.plain);
      case 'passage-search':
        return this.passageSearch(q.plain);
    }
  }

  // ── people ────────────────────────────────────────────────────────────────

  private whatDidSay(subject: string, about: string): Reply {
    const resolved = this.resolvePeople(subject);
    if (resolved.kind === 'none') {
      if (/^(?:they|them|people|anyone|anybody|someone|officials?|everyone|everybody|the officials|the article|article|it|this article)$/.test(subject)) {
        return about ? this.whoSpokeAbout(about) : this.listSpeakers();
      }
      return this.unknownPerson(subject);
    }
    if (resolved.kind === 'unsure') return this.didYouMean(subject, resolved.candidates);
    const { people, ambiguous } = resolved;
    const quoted = people.filter((p) => p.quotes.length > 0);
    if (quoted.length === 0) return this.notQuoted(people);

    const aboutTerms = contentTerms(about);
    if (aboutTerms.length === 0) {
      const items = quoted.flatMap((p) => p.quotes.map(quoteItem));
      const summary = ambiguous
        ? `“${subject}” could mean ${joinNames(quoted.map(describe), 'or')}; here is what each said.`
        : quoted.length > 1
          ? `Here is what ${joinNames(quoted.map((p) => p.person.name), 'and')} said.`
          : speakerLine(quoted[0] as PersonEntry, (id) => this.topicLabel(id));
      return { found: true, summary, items, suggestions: [] };
    }
    const relevant = this.rankQuotes(about, (entry) => quoted.includes(entry.speaker));
    if (relevant.length === 0) {
      const names = joinNames(quoted.map((p) => p.person.name), 'or');
      const onTopics = unique(quoted.flatMap((p) => p.quotes.flatMap((q) => q.quote.topics))).map((id) => this.topicLabel(id));
      const verb = quoted.length > 1 ? 'are' : 'is';
      return this.notFound(`The article quotes ${names}, but not about “${about}”. ${names} ${verb} quoted on: ${onTopics.join('; ')}.`, quoted.map((p) => `what did ${surname(p)} say?`));
    }
    const speakers = unique(relevant.map((entry) => entry.speaker));
    return {
      found: true,
      summary: `What ${joinNames(speakers.map(describe), 'and')} said about “${about}”: ${relevant.length} ${plural(relevant.length, 'quote')}.`,
      items: relevant.map(quoteItem),
      suggestions: [],
    };
  }

  private whoIs(subject: string): Reply {
    const source = this.knowledge.articles.find((a) => words(a.source).join(' ') === subject.replace(/^the /, ''));
    if (source) return this.articleSource();
    const resolved = this.resolvePeople(subject);
    if (resolved.kind === 'none') {
      // "tell me about the phone call": not a person, but maybe something the article covers.
      const about = this.passageSearch(subject);
      return about.found ? about : this.unknownPerson(subject);
    }
    if (resolved.kind === 'unsure') return this.didYouMean(subject, resolved.candidates);
    const { people, ambiguous } = resolved;
    const items = people.flatMap((p) => [...this.introductionItems(p), ...p.quotes.map(quoteItem)]);
    const summary = ambiguous
      ? `“${subject}” could be ${joinNames(people.map(describe), 'or')}.`
      : people.map((p) => identityLine(p)).join(' ');
    return { found: true, summary, items, suggestions: [] };
  }

  private listSpeakers(): Reply {
    const speakers = this.speakerEntries();
    const items = speakers.flatMap((p) => (p.quotes[0] ? [quoteItem(p.quotes[0])] : []));
    const list = speakers.map((p) => `${p.person.name}${p.person.role ? ` (${p.person.role})` : ''}: ${p.quotes.length}`).join('; ');
    return { found: speakers.length > 0, summary: `${speakers.length} ${plural(speakers.length, 'speaker')} quoted — ${list}.`, items, suggestions: [] };
  }

  private speakerEntries(): PersonEntry[] {
    return [...this.knowledge.people.values()]
      .filter((p) => p.quotes.length > 0)
      .sort((a, b) => b.quotes.length - a.quotes.length || firstOffset(a) - firstOffset(b));
  }

  // ── topics and passages ───────────────────────────────────────────────────

  private whoSpokeAbout(about: string): Reply {
    // "who talked about where the talks could be held" asks who said where: a "where" question inside.
    const embeddedWhere = /^where\b\s*(.*)$/.exec(about);
    const ranked = embeddedWhere ? this.quotesOnPlace(embeddedWhere[1] ?? '') : this.rankQuotes(about);
    if (ranked.length === 0) {
      const sentences = this.findSentences(about);
      if (sentences.length > 0) {
        return {
          found: true,
          summary: `Nobody is quoted on “${about}”; the article itself mentions it in ${paragraphList(sentences.map((s) => s.paragraph))}.`,
          items: sentences.map((s) => narrationItem(s.article, s.paragraph, s.start, s.end)),
          suggestions: [],
        };
      }
      return this.notFound(`The article doesn't say who spoke about “${about}”.`);
    }
    const speakers = unique(ranked.map((entry) => entry.speaker));
    return {
      found: true,
      summary: `${joinNames(speakers.map(describe), 'and')} spoke about “${about}”.`,
      items: ranked.map(quoteItem),
      suggestions: [],
    };
  }

  private whoSaid(phrase: string): Reply {
    if (!phrase) return this.listSpeakers();
    const wanted = words(phrase).join(' ');
    const exact = this.knowledge.quotes.filter((entry) => words(entry.quote.text).join(' ').includes(wanted));
    // The second-hand statement sits inside the relayed one; the person who actually said it comes first.
    const verbatim = exact.sort((a, b) => a.quote.text.length - b.quote.text.length);
    const phraseTerms = contentTerms(phrase);
    const ranked = verbatim.length > 0 ? verbatim : this.paraphrases(phrase);
    if (ranked.length > 0) {
      const first = ranked[0] as QuoteEntry;
      const via = first.reportedBy ? `, as reported by ${first.reportedBy.person.name}` : '';
      return { found: true, summary: `${describe(first.speaker)} said that${via}.`, items: ranked.map(quoteItem), suggestions: [] };
    }
    const sentences = this.findSentences(phrase, SAID_COVERAGE);
    if (sentences.length > 0) {
      const first = sentences[0] as PassageSentence;
      return {
        found: true,
        summary: `No one is quoted saying that; the article (${first.article.source}) states it in ¶${first.paragraph}.`,
        items: sentences.map((s) => narrationItem(s.article, s.paragraph, s.start, s.end)),
        suggestions: [],
      };
    }
    if (phraseTerms.length <= 3) return this.whoSpokeAbout(phrase);
    return this.notFound(`The article doesn't quote anyone saying “${phrase}”.`);
  }

  private listTopics(): Reply {
    const topics = this.topics();
    const items = [...this.knowledge.topics.values()].flatMap((t) => (t.quotes[0] ? [quoteItem(t.quotes[0])] : []));
    return {
      found: topics.length > 0,
      summary: `The article covers: ${topics.map((t) => `${t.label} (${t.speakers.map((p) => p.name).join(', ')})`).join('; ')}.`,
      items,
      suggestions: [],
    };
  }

  private articleAbout(): Reply {
    const items = this.knowledge.articles.flatMap((article) => {
      const first = this.knowledge.sentences.find((s) => s.article === article);
      return first ? [narrationItem(article, first.paragraph, first.start, first.end)] : [];
    });
    const summary = this.knowledge.articles.map((a) => `“${a.title}” (${a.source}${a.date ? `, ${a.date}` : ''}): ${a.summary}`).join(' ');
    return { found: items.length > 0, summary, items, suggestions: [] };
  }

  private articleSource(): Reply {
    const items: AnswerItem[] = [];
    for (const article of this.knowledge.articles) {
      const sourceWords = words(article.source).join(' ');
      for (const s of this.knowledge.sentences) {
        if (s.article === article && ` ${words(s.text).join(' ')} `.includes(` ${sourceWords} `)) items.push(narrationItem(article, s.paragraph, s.start, s.end));
      }
    }
    const summary = this.knowledge.articles
      .map((a) => `“${a.title}” is a ${a.source} report${a.date ? ` dated ${a.date} (the article gives no year)` : ''}.`)
      .join(' ');
    return { found: true, summary, items, suggestions: [] };
  }

  private when(plain: string): Reply {
    const asked = contentTerms(plain).filter((t) => !['date', 'day', 'time', 'month', 'year', 'soon', 'long'].includes(t));
    const aboutArticle = asked.every((t) => ['publish', 'writt', 'written', 'releas', 'report', 'dat'].includes(t));
    if (asked.length === 0 || aboutArticle) {
      const dated = this.knowledge.articles.filter((a) => a.date);
      if (dated.length === 0) return this.notFound('The article does not give its date.');
      return { ...this.articleSource(), summary: dated.map((a) => `“${a.title}” is dated ${a.date} (${a.source}; no year is given).`).join(' ') };
    }
    const hits = this.dateIndex.find(asked).filter((hit) => hit.coverage > PASSAGE_COVERAGE && this.meaningful(hit));
    if (hits.length === 0) return this.notFound(`The article doesn't say when that happened.`);
    const top = hits[0] as PassageHit<DateDoc>;
    const items = hits.map(({ doc: { article, date } }) => {
      const inQuote = quotesIn(this.knowledge, article, date.start, date.end)[0];
      if (inQuote) return quoteItem(inQuote);
      const sentence = sentenceAt(this.knowledge, article, date.start);
      return narrationItem(article, date.paragraph, sentence?.start ?? date.start, sentence?.end ?? date.end);
    });
    return { found: true, summary: `${capitalise(top.doc.date.text)}: ${top.doc.date.event}.`, items, suggestions: [] };
  }

  private where(plain: string): Reply {
    const asked = plain.replace(/^(?:where|in which|in what)\b\s*/, '');
    const ranked = this.quotesOnPlace(asked);
    if (ranked.length > 0) {
      const speakers = unique(ranked.map((q) => q.speaker));
      return { found: true, summary: `${joinNames(speakers.map(describe), 'and')} spoke to where: see the quotes below.`, items: ranked.map(quoteItem), suggestions: [] };
    }
    const specific = contentTerms(asked).filter((t) => !this.generic.has(t) && !PLACE_TERMS.includes(t));
    const namesPlace = (s: PassageSentence): number => (PLACE_MARKER.test(s.text) ? 2 : 1);
    const sentences = specific.length > 0 ? this.findSentences(specific.join(' '), PASSAGE_COVERAGE, namesPlace) : [];
    if (sentences.length === 0) return this.notFound(`The article doesn't say where.`);
    return { found: true, summary: `The article mentions it in ${paragraphList(sentences.map((s) => s.paragraph))}.`, items: this.sentenceItems(sentences), suggestions: [] };
  }

  /** Quotes that answer a "where" question: those on its subject that name a place, else those that say its subject in their own words. */
  private quotesOnPlace(text: string): QuoteEntry[] {
    if (contentTerms(text).length === 0) return [...this.placeQuotes];
    const relevant = this.quotes.rank(text);
    const places = relevant.filter((r) => this.placeQuotes.has(r.entry));
    // A quote that only shares a topic with the subject does not say where; the narration may.
    const answering = places.length > 0 ? places : relevant.filter((r) => r.literal);
    return answering.map((r) => r.entry);
  }

  private why(plain: string): Reply {
    const text = plain
      .replace(/^(?:why|how come)\b\s*/, '')
      .split(' ')
      .filter((w) => !REASON_WORDS.has(w))
      .join(' ');
    const asked = contentTerms(text);
    // "why did Zakharova say …" asks for Zakharova's reason: rank her quotes on the rest.
    const { speakers, rest } = this.namedSpeakers(text);
    const byThem = speakers.length > 0 ? (q: QuoteEntry) => speakers.includes(q.speaker) : undefined;
    const quotes = byThem && contentTerms(rest).length === 0 ? speakers.flatMap((p) => p.quotes) : this.rankQuotes(rest, byThem);
    if (quotes.length > 0) {
      // Statements that give a cause ("due to", "so") answer a "why" better than ones that merely share its words.
      const causal = [...quotes.filter((q) => CAUSAL.test(q.quote.text)), ...quotes.filter((q) => !CAUSAL.test(q.quote.text))].slice(0, 4);
      const first = causal[0] as QuoteEntry;
      return { found: true, summary: `${describe(first.speaker)} gives this reason (¶${first.quote.paragraph}).`, items: causal.map(quoteItem), suggestions: [] };
    }
    const hits = this.sentenceIndex
      .find(asked, { boost: (s) => (CAUSAL.test(s.text) ? 2 : 1) })
      .filter((hit) => hit.coverage > PASSAGE_COVERAGE && this.meaningful(hit))
      .slice(0, 3);
    if (hits.length === 0) return this.notFound(`The article doesn't explain why.`);
    return this.fromSentences(hits.map((h) => h.doc), 'The article gives this reason');
  }

  /** Quoted people the text names (by name, not by role), and the text without their names. */
  private namedSpeakers(text: string): { speakers: PersonEntry[]; rest: string } {
    const named = this.people.resolve(text).best.filter((m) => !m.byRole && m.person.quotes.length > 0);
    if (named.length === 0) return { speakers: [], rest: text };
    const rest = words(text).filter((_, i) => !named.some((m) => m.covered.has(i)));
    return { speakers: named.map((m) => m.person), rest: rest.join(' ') };
  }

  private passageSearch(plain: string): Reply {
    const people = this.people.resolve(plain);
    const named = people.best.filter((m) => !m.byRole);
    if (named.length > 0 && people.best.length === named.length) {
      const rest = words(plain).filter((_, i) => !named.some((m) => m.covered.has(i))).join(' ');
      return this.whatDidSay(named.map((m) => words(plain).filter((_, i) => m.covered.has(i)).join(' ')).join(' and '), rest);
    }
    const topicMatches = this.topicMatcher.match(plain);
    if (topicMatches.length > 0 && contentTerms(plain).length <= 3) return this.whoSpokeAbout(plain);
    const sentences = this.findSentences(plain);
    if (sentences.length === 0) return this.notFound(`The article doesn't say anything about that.`);
    return this.fromSentences(sentences.slice(0, 3), 'Closest passages');
  }

  /** A paraphrase names a speaker only when one quote says most of it, not when a topic merely overlaps. */
  private paraphrases(phrase: string): QuoteEntry[] {
    const close = this.quotes.rank(phrase).filter((r) => r.coverage >= SAID_COVERAGE);
    const top = close[0]?.score ?? 0;
    return close.filter((r) => r.score >= top * SAID_RATIO).map((r) => r.entry);
  }

  /** Quotes on a subject, best first: see QuoteRanker. */
  private rankQuotes(about: string, filter?: (entry: QuoteEntry) => boolean): QuoteEntry[] {
    return this.quotes.rank(about, filter).map((r) => r.entry);
  }

  private findSentences(text: string, coverage = PASSAGE_COVERAGE, boost?: (s: PassageSentence) => number): PassageSentence[] {
    return this.sentenceIndex
      .find(contentTerms(text), boost ? { boost } : {})
      .filter((hit) => hit.coverage > coverage && this.meaningful(hit))
      .slice(0, 3)
      .map((hit) => hit.doc);
  }

  /** A hit that matched only generic words ("talks", "Russia") answers nothing. */
  private meaningful(hit: PassageHit<unknown>): boolean {
    return hit.matchedTerms.some((t) => !this.generic.has(t));
  }

  /** Sentences as answer items: the quotes inside them with their speakers, else the article's narration. */
  private sentenceItems(sentences: PassageSentence[]): AnswerItem[] {
    return sentences.flatMap((s) => {
      const inside = quotesIn(this.knowledge, s.article, s.start, s.end).filter((q) => !q.reportedBy);
      return inside.length > 0 ? inside.map(quoteItem) : [narrationItem(s.article, s.paragraph, s.start, s.end)];
    });
  }

  private fromSentences(sentences: PassageSentence[], lead: string): Reply {
    const items = this.sentenceItems(sentences);
    const speakers = unique(items.flatMap((i) => (i.speaker ? [i.speaker] : [])));
    const who = speakers.length > 0 ? ` (${speakers.map((p) => p.name).join(', ')})` : '';
    return { found: true, summary: `${lead}: ${paragraphList(sentences.map((s) => s.paragraph))}${who}.`, items, suggestions: [] };
  }

  // ── resolving people ──────────────────────────────────────────────────────

  private resolvePeople(subject: string): Resolved {
    const parts = subject.split(/\s+(?:and|or|&)\s+|\s*,\s*/).filter(Boolean);
    const found: PersonEntry[] = [];
    let ambiguous = false;
    for (const part of parts) {
      const resolution = this.people.resolve(part);
      if (resolution.best.length === 0) return { kind: 'none' };
      if (isUnsure(resolution)) return { kind: 'unsure', candidates: resolution.matches.slice(0, 3).map((m) => m.person) };
      if (resolution.best.length > 1) ambiguous = true;
      for (const match of resolution.best) if (!found.includes(match.person)) found.push(match.person);
    }
    return found.length === 0 ? { kind: 'none' } : { kind: 'people', people: found, ambiguous };
  }

  private introductionItems(person: PersonEntry): AnswerItem[] {
    const intro = person.person.introduction;
    if (!intro) return [];
    const article = person.mentions.find((m) => m.start <= intro.start && intro.end <= m.end);
    return article ? [narrationItem(article.article, article.paragraph, intro.start, intro.end)] : [];
  }

  private notQuoted(people: PersonEntry[]): Reply {
    const person = people[0] as PersonEntry;
    const paragraphs = paragraphList(person.mentions.map((m) => m.paragraph));
    const summary = person.mentions.length
      ? `The article doesn't quote ${describe(person)}; they are mentioned in ${paragraphs}.`
      : `The article doesn't quote ${describe(person)}.`;
    const items = person.mentions.flatMap((m) =>
      this.knowledge.sentences
        .filter((s) => s.article === m.article && s.paragraph === m.paragraph && mentionsPerson(s.text, person))
        .map((s) => narrationItem(s.article, s.paragraph, s.start, s.end)),
    );
    return { ...this.notFound(summary), items };
  }

  private unknownPerson(subject: string): Reply {
    const quoted = this.speakerEntries().map((p) => p.person.name);
    return this.notFound(`The article doesn't mention “${subject}”. People quoted: ${quoted.join(', ')}.`);
  }

  private didYouMean(subject: string, candidates: PersonEntry[]): Reply {
    return this.notFound(
      `The article doesn't name anyone as “${subject}”. Did you mean ${joinNames(candidates.map(describe), 'or')}?`,
      candidates.map((p) => `who is ${surname(p)}?`),
    );
  }

  private notFound(summary: string, extra: string[] = []): Reply {
    return { found: false, summary, items: [], suggestions: unique([...extra, ...this.suggestions()]).slice(0, 6) };
  }

  /** What the knowledge base can answer, built from its own topics and speakers. */
  private suggestions(): string[] {
    const topics = [...this.knowledge.topics.values()].sort((a, b) => b.quotes.length - a.quotes.length);
    const fromTopics = topics.slice(0, 2).map((t) => `who spoke about ${t.topic.keywords[0] ?? t.topic.label}?`);
    const fromPeople = this.speakerEntries().slice(0, 3).map((p) => `what did ${surname(p)} say?`);
    return [...fromTopics, ...fromPeople, 'what is the article about?'];
  }

  private topicLabel(id: string): string {
    return this.knowledge.topics.get(id)?.topic.label ?? id;
  }

  // ── lists for commands ────────────────────────────────────────────────────

  quotesBy(speakerId: string, topicId?: string): Answer {
    const person = this.knowledge.people.get(speakerId);
    const question = `quotes by ${speakerId}${topicId ? ` on ${topicId}` : ''}`;
    const base = { question, intent: 'what-did-say' as QuestionIntent };
    if (!person) return { ...base, ...this.notFound(`No speaker “${speakerId}” in the knowledge base.`) };
    const quotes = person.quotes.filter((q) => !topicId || q.quote.topics.includes(topicId));
    if (person.quotes.length === 0) return { ...base, ...this.notQuoted([person]) };
    if (quotes.length === 0) {
      return { ...base, ...this.notFound(`${describe(person)} is not quoted on ${this.topicLabel(topicId ?? '')}.`, [`what did ${surname(person)} say?`]) };
    }
    const on = topicId ? ` on ${this.topicLabel(topicId)}` : '';
    return { ...base, found: true, summary: `${speakerLine(person, (id) => this.topicLabel(id))}${on ? ` Showing the quotes${on}.` : ''}`, items: quotes.map(quoteItem), suggestions: [] };
  }

  speakers(): SpeakerSummary[] {
    return this.speakerEntries().map((p) => ({
      person: p.person,
      quoteCount: p.quotes.length,
      topics: unique(p.quotes.flatMap((q) => q.quote.topics)),
    }));
  }

  topics(): TopicSummary[] {
    return [...this.knowledge.topics.values()]
      .filter((t: TopicEntry) => t.quotes.length > 0)
      .sort((a, b) => b.quotes.length - a.quotes.length)
      .map((t) => ({ id: t.id, label: t.topic.label, speakers: unique(t.quotes.map((q) => q.speaker.person)), quoteCount: t.quotes.length }));
  }
}

// ── small pure helpers ──────────────────────────────────────────────────────

interface DateDoc {
  article: Article;
  date: Article['dates'][number];
}

type Reply = Pick<Answer, 'found' | 'summary' | 'items' | 'suggestions'>;

type Resolved = { kind: 'none' } | { kind: 'unsure'; candidates: PersonEntry[] } | { kind: 'people'; people: PersonEntry[]; ambiguous: boolean };

/** A role-only match that leaves words unexplained ("the Russian foreign minister") is a guess, not an answer. */
function isUnsure(resolution: PersonResolution): boolean {
  return resolution.best.every((m) => m.byRole) && resolution.coverage < ROLE_COVERAGE;
}

function mentionsPerson(text: string, person: PersonEntry): boolean {
  const folded = ` ${words(text).join(' ')} `;
  return [person.person.name, ...person.person.aliases].some((n) => {
    const name = words(n).join(' ');
    return name.length > 2 && folded.includes(` ${name} `);
  });
}

function firstOffset(person: PersonEntry): number {
  return person.quotes[0]?.quote.start ?? Number.MAX_SAFE_INTEGER;
}

/** The same span cited twice (by topic and by text) is shown once. */
function dedupe(items: readonly AnswerItem[]): AnswerItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.article.id}:${item.start}:${item.end}:${item.speaker?.id ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
