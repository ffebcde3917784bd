import type { ArticleData } from '../data/schema.js';
import { countBefore, mergeRanges, slug, type Range } from '../text/index.js';
import { findDates } from './dates.js';
import { readDocument, type Doc } from './document.js';
import { PERSON_NOUNS, TITLE_WORDS } from './lexicon.js';
import { joinTokens, nameRuns } from './names.js';
import { Registry, type Entity } from './registry.js';
import { completeLoneSurnames } from './fullnames.js';
import { findPostQuotes } from './posts.js';
import { buildPeople, buildQuotes, type Attributed } from './speakers.js';
import { narrativePronouns, narrativeRoles, notePronoun, noteRole, noteSpeaker, registerMentions, resolveSource, type SourceContext } from './sources.js';
import { sentenceStatements, type Statement } from './statements.js';
import { assignTopics } from './topics.js';
import { joinTurns } from './turns.js';
import { nestedStatements } from './nested.js';

/*
 * Ingestion is a pipeline of small stages over the article read once (document.ts: layout, quotations,
 * sentences, tagged tokens):
 *  1. quotations of every style (quotations.ts);
 *  2. cues: verbs of speech, "according to", labels, dashes (cues.ts);
 *  3. statements: each cue's source phrase and content (statements.ts and its forms in statements/, phrases.ts);
 *  4. turns: quoted speech with no attribution of its own continues a speaker's turn (turns.ts);
 *  5. sources: the speaker behind each source phrase, by name, coreference or description (sources.ts, names.ts, registry.ts);
 *  6. records: quotes and people (speakers.ts), topics and dates.
 * Anything it cannot attribute is left out of the data and listed in `unattributed`.
 */

export interface ExtractOptions {
  id?: string;
  source?: string;
}

/** Speech the extractor saw but could not give a speaker. */
export interface Unattributed {
  paragraph: number;
  sentence: string;
  /** The source as written, when there is one ("they", "the crowd"). */
  source?: string;
}

export interface Extraction {
  article: ArticleData;
  unattributed: Unattributed[];
  /** For each quote, how it was found ("say/after": the words after "said"), for diagnostics. */
  origins: string[];
}

/** The article's data, derived from its plain text alone (pure; see `extractWithReport` for diagnostics). */
export function extractArticle(text: string, options: ExtractOptions = {}): ArticleData {
  return extractWithReport(text, options).article;
}

export function extractWithReport(text: string, options: ExtractOptions = {}): Extraction {
  const doc = readDocument(text);
  const { title, standfirst, paragraphs } = doc.layout;
  if (!title) throw new Error('the text is empty: line 1 must be the title');
  if (paragraphs.length === 0) throw new Error('the text has no body: put paragraphs after the title (and standfirst)');
  const registry = new Registry();
  const found = doc.sentences.flatMap((sentence) => sentenceStatements(doc, sentence));
  registerMentions(doc, registry, speakingNames(doc, found));
  const { statements, orphans } = joinTurns(doc, found);
  const speakers = attribute(doc, registry, statements);
  completeLoneSurnames(doc, registry);
  const nested = nestedStatements(doc, statements.filter((s) => speakers.has(s)));
  const relayed = new Map<Statement, Entity>();
  for (const n of nested) {
    const outer = speakers.get(n.outer);
    if (!outer || !n.statement.source) continue;
    const ctx: SourceContext = { doc: n.doc, registry, at: sourceAt(n.doc, n.statement), paragraph: n.outer.paragraph, sentence: n.outer.sentence.index, exclude: outer };
    const speaker = resolveSource(ctx, n.statement.source);
    // Only someone other than the quoting speaker, and a person or body the article names.
    if (!speaker || speaker === outer || !speaker.named) continue;
    speakers.set(n.statement, speaker);
    relayed.set(n.statement, outer);
  }
  const articleSource = findSource(doc);
  // A wire report credits its agency in its first paragraph; "according to" that agency is then the article's own voice.
  const wireSource = findSource(doc, doc.layout.paragraphs[0]?.end ?? 0);
  const within = (inner: Statement, outer: Statement): boolean =>
    inner !== outer && inner.parts.every((p) => outer.parts.some((o) => o.start <= p.start && p.end <= o.end));
  // What an outlet relays is someone's statement when that statement's attribution opens the outlet's content ("According
  // to the Post, Tamsin Arkwell said …"); one said inside a clause of its own ("…, officials asked what would happen if
  // she said …") leaves the content the outlet's.
  const opens = (inner: Statement, outer: Statement): boolean => {
    const at = inner.source ? (doc.tokens[inner.source.head.first]?.start ?? 0) : (inner.parts[0]?.start ?? 0);
    return /^[\s,]*(?:\S+\s+){0,3}$/u.test(text.slice(outer.parts[0]?.start ?? 0, Math.max(at, outer.parts[0]?.start ?? 0)));
  };
  const outers = new Set([...nested.filter((n) => relayed.has(n.statement)).map((n) => n.outer), ...statements.filter((o) => statements.some((i) => speakers.has(i) && within(i, o) && opens(i, o)))]);
  const attributed: Attributed[] = [];
  const unattributed: Unattributed[] = orphans.map((s) => ({ paragraph: s.paragraph + 1, sentence: text.slice(s.sentence.start, s.sentence.end) }));
  const all = [...statements, ...relayed.keys()].sort((a, b) => (a.parts[0]?.start ?? 0) - (b.parts[0]?.start ?? 0));
  for (const s of all) {
    const speaker = speakers.get(s);
    if (!speaker) {
      const source = s.source ? joinTokens(doc.tokens, s.source.head.first, s.source.head.last) : undefined;
      unattributed.push({ paragraph: s.paragraph + 1, sentence: text.slice(s.sentence.start, s.sentence.end), ...(source ? { source } : {}) });
      continue;
    }
    // "According to the Post, the mayor lost": the outlet said it, unless it is the article's wire source, or what it
    // relays is someone else's statement (kept as that statement, reported by the outlet).
    if (speaker.media && s.cue.kind === 'according' && (speaker.name === wireSource || outers.has(s))) continue;
    const reportedBy = relayed.get(s);
    const parts = inOneParagraph(doc, s.parts);
    if (parts.length === 0) continue;
    attributed.push({ speaker, kind: s.direct ? 'direct' : 'reported', parts, paragraph: paragraphOf(doc, parts[0]?.start ?? 0) + 1, origin: `${s.cue.lemma}/${s.form}`, ...(reportedBy ? { reportedBy } : {}) });
  }
  // An embedded post is its signer's words, unless a statement already covers them.
  for (const post of findPostQuotes(doc, registry)) {
    if (attributed.some((a) => a.parts.some((r) => r.start < post.content.end && post.content.start < r.end))) continue;
    attributed.push({ speaker: post.speaker, kind: 'direct', parts: [post.content], paragraph: post.paragraph + 1, origin: 'post/signed' });
  }
  attributed.sort((a, b) => (a.parts[0]?.start ?? 0) - (b.parts[0]?.start ?? 0));
  const unique = dedupe(attributed);
  const { topics, perQuote } = assignTopics(
    paragraphs.map((p) => text.slice(p.start, p.end)).join('\n'),
    unique.map((s) => text.slice(s.parts[0]?.start ?? 0, s.parts.at(-1)?.end ?? 0)),
  );
  const sentencesOf = (i: number) => doc.paragraphSentences[i] ?? [];
  const dates = findDates(text, paragraphs, sentencesOf);
  const firstSentence = doc.sentences[0] ?? paragraphs[0];
  const id = options.id ?? slug(title).split('-').slice(0, 8).join('-');
  const article: ArticleData = {
    format: 1,
    id,
    textFile: `${id}.txt`,
    title,
    standfirst,
    source: articleSource ?? options.source ?? 'unknown',
    date: dates[0]?.text ?? null,
    summary: standfirst ?? (firstSentence ? text.slice(firstSentence.start, firstSentence.end) : title),
    paragraphs: paragraphs.map((p, i) => ({ number: i + 1, start: p.start, end: p.end })),
    people: buildPeople(unique),
    quotes: buildQuotes(text, unique, perQuote),
    topics,
    dates,
  };
  return {
    article,
    unattributed: unattributed.filter((u, i, all) => all.findIndex((v) => v.sentence === u.sentence) === i),
    origins: unique.map((s) => s.origin ?? ''),
  };
}

/** The speaker of every statement, in text order, so each resolution sees the speakers before it. */
function attribute(doc: Doc, registry: Registry, statements: readonly Statement[]): Map<Statement, Entity> {
  const speakers = new Map<Statement, Entity>();
  const ordered = [...statements].sort((a, b) => sourceAt(doc, a) - sourceAt(doc, b));
  // The narrative's own "he"/"she" subjects, resolved in text order among the sources, carry a chain of pronouns on.
  const sources = new Set(statements.flatMap((s) => (s.source ? [s.source.head.first] : [])));
  // … and so do its subjects named by a role ("the admiral chuckled").
  const pronouns = [...narrativePronouns(doc, sources), ...narrativeRoles(doc, sources)].sort((a, b) => a.start - b.start);
  const inside = withinStatements(statements);
  let next = 0;
  for (const s of ordered) {
    const at = sourceAt(doc, s);
    for (let t = pronouns[next]; t && t.start < at; t = pronouns[++next]) {
      const ctx: SourceContext = { doc, registry, at: t.start, paragraph: t.paragraph, sentence: t.sentence };
      if (t.pos === 'PRON') notePronoun(ctx, t.text.toLowerCase());
      else noteRole(ctx, t.text.toLowerCase());
    }
    const ctx: SourceContext = { doc, registry, at, paragraph: s.paragraph, sentence: s.sentence.index, content: s.parts };
    const speaker = s.source ? resolveSource(ctx, s.source) : s.inherits ? (speakers.get(s.inherits) ?? null) : null;
    if (!speaker) continue;
    speakers.set(s, speaker);
    // Someone named in what another says ("X said Varnholm continued to …") or opening an adverbial clause ("when Y
    // asked") is no speaker a later "he said" continues; a pronoun there ("…, and she asked") goes on with its chain.
    if (!s.source || doc.tokens[s.source.head.first]?.pos === 'PRON' || (!inside(at) && !adverbial(doc, s.source.head.first))) noteSpeaker(ctx, speaker);
  }
  return speakers;
}

const ADVERBIAL = new Set(['when', 'as', 'after', 'before', 'while', 'because', 'since', 'until', 'once']);

/** "… when Varnholm asked whether …": a source opening an adverbial clause, whose sentence is about someone else. */
function adverbial(doc: Doc, first: number): boolean {
  const before = doc.tokens[first - 1];
  return before !== undefined && before.sentence === doc.tokens[first]?.sentence && ADVERBIAL.has(before.text.toLowerCase()) && first - 1 > (doc.sentences[before.sentence]?.first ?? 0);
}

/** Whether a character offset lies inside what some statement says (its parts), by one sorted sweep of them all. */
function withinStatements(statements: readonly Statement[]): (at: number) => boolean {
  const parts = statements.flatMap((s) => s.parts).sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const p of parts) reach.push(Math.max(reach.at(-1) ?? -1, p.end));
  return (at) => {
    const n = countBefore(parts, (p) => p.start <= at);
    return n > 0 && (reach[n - 1] ?? -1) > at;
  };
}

/** Lone names that head a statement's source somewhere ("Arkwell said"): people, wherever else the text names them. */
function speakingNames(doc: Doc, statements: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  for (const s of statements) {
    if (!s.source) continue;
    for (const run of nameRuns(doc, s.source.head.first, s.source.head.last)) {
      const word = run.words[0] ?? '';
      // "Democratic said" is a word of a title, not a name.
      if (run.kind === 'person' && run.words.length === 1 && !TITLE_WORDS.has(word.toLowerCase()) && !PERSON_NOUNS.has(word.toLowerCase())) names.add(word);
    }
  }
  return names;
}

/** Where a statement's source stands; an inherited one comes after the statement it inherits from. */
function sourceAt(doc: Doc, s: Statement): number {
  if (!s.source) return Math.max(s.parts[0]?.start ?? 0, s.inherits ? sourceAt(doc, s.inherits) + 1 : 0);
  return doc.tokens[s.source.head.first]?.start ?? s.parts[0]?.start ?? 0;
}

/**
 * A statement's pieces as the data holds them: in text order, none inside or across another, all in the paragraph of
 * the first (a quotation joined to a turn twice, or a cue read across a paragraph break, must not break the data).
 */
function inOneParagraph(doc: Doc, parts: readonly Range[]): Range[] {
  const first = Math.min(...parts.map((p) => p.start));
  const paragraph = paragraphOf(doc, first);
  return mergeRanges(parts.filter((p) => paragraphOf(doc, p.start) === paragraph && paragraphOf(doc, Math.max(p.start, p.end - 1)) === paragraph));
}

/** The index of the paragraph holding character `at` (the last one starting at or before it). */
function paragraphOf(doc: Doc, at: number): number {
  return Math.max(0, countBefore(doc.layout.paragraphs, (p) => p.start <= at) - 1);
}

/** One quote per span and speaker. */
function dedupe(statements: Attributed[]): Attributed[] {
  const seen = new Set<string>();
  return statements.filter((s) => {
    const key = `${s.parts[0]?.start}-${s.parts.at(-1)?.end}-${s.speaker.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "According to the Daily Ledger", "…, the Ledger reported": the first news organisation the text credits. */
function findSource(doc: Doc, before = Infinity): string | null {
  for (const sentence of doc.sentences) {
    if (sentence.start >= before) break;
    for (const run of nameRuns(doc, sentence.first, sentence.last)) {
      if (run.kind !== 'organisation' || run.possessive) continue;
      const before = doc.text.slice(Math.max(0, (doc.tokens[run.first]?.start ?? 0) - 20), doc.tokens[run.first]?.start ?? 0);
      const after = doc.text.slice(doc.tokens[run.last]?.end ?? 0, (doc.tokens[run.last]?.end ?? 0) + 10);
      const media = run.media || /^\p{Lu}{2,}$/u.test(run.name);
      if ((media && /according to\s+(?:the\s+)?$/i.test(before)) || /^\s+reported\b/.test(after)) return run.name;
    }
  }
  return null;
}
