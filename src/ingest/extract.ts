import type { ArticleData, Person, Quote } from '../data/schema.js';
import { findDates } from './dates.js';
import { nameRuns, resolveRun } from './mentions.js';
import { Registry, type Entity } from './registry.js';
import { paragraphStatements, type Statement } from './speech.js';
import { cleanRole } from './subject.js';
import { FEMALE_ROLE, MALE_ROLE } from './lexicon.js';
import { assignTopics } from './topics.js';
import { layout, quoteSpans, sentences, slug, words, type QuoteSpan, type Range } from './text.js';

/*
 * Rule-based extraction, in passes over the plain text:
 *  1. layout: title, standfirst, paragraphs (text.ts);
 *  2. quotation spans and sentences per paragraph; a quote opening after a word is a phrase inside
 *     a clause, one opening a sentence / after a colon or comma is a direct quote (text.ts);
 *  3. every name mentioned, in order, so surnames, "Mr X", misspellings and he/she can refer back (mentions.ts, registry.ts);
 *  4. per sentence: direct quotes and their attribution, reported clauses after speech verbs,
 *     "According to X, …", "CLAUSE, X said", second-hand statements inside quotes (speech.ts, clauses.ts, subject.ts);
 *  5. topics, dates, source and summary.
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
}

export interface Extraction {
  article: ArticleData;
  unattributed: Unattributed[];
}

/** The article's data, derived from its plain text alone (pure; see `extractWithReport` for diagnostics). */
export function extractArticle(text: string, options: ExtractOptions = {}): ArticleData {
  return extractWithReport(text, options).article;
}

export function extractWithReport(text: string, options: ExtractOptions = {}): Extraction {
  const { title, standfirst, standfirstRange, paragraphs } = layout(text);
  const firstParagraph = paragraphs[0];
  if (!title) throw new Error('the text is empty: line 1 must be the title');
  if (!firstParagraph) throw new Error('the text has no body: put paragraphs after the title (and standfirst)');
  const spans = paragraphs.map((p) => quoteSpans(text, p));
  const sents = paragraphs.map((p, i) => sentences(text, p, spans[i] ?? []));
  const registry = new Registry();
  // The standfirst often introduces people the body then calls by surname ("Martins, 19, said …").
  const introRange: Range[] = standfirstRange ? [standfirstRange] : [];
  const introSpans = introRange.map((r) => quoteSpans(text, r));
  registerMentions(text, registry, [...introRange, ...paragraphs], [...introSpans, ...spans], [...introRange.map((r, i) => sentences(text, r, introSpans[i] ?? [])), ...sents]);

  const statements: Statement[] = [];
  let carry: Entity | null = null;
  paragraphs.forEach((range, i) => {
    const found = paragraphStatements({ text, registry, number: i + 1, range, spans: spans[i] ?? [], sentences: sents[i] ?? [], carry });
    statements.push(...found);
    const lastSpan = (spans[i] ?? []).at(-1);
    const lastDirect = found.filter((s) => s.kind === 'direct').at(-1);
    carry = lastSpan && lastSpan.close === null && lastSpan.standalone ? (lastDirect?.speaker ?? null) : null;
  });

  const attributed = dedupe(statements.filter((s) => s.speaker && !s.speaker.media));
  const unattributed = statements
    .filter((s) => !s.speaker)
    .map((s) => ({ paragraph: s.paragraph, sentence: text.slice(s.sentence.start, s.sentence.end) }))
    .filter((u, i, all) => all.findIndex((v) => v.sentence === u.sentence) === i);

  const { topics, perQuote } = assignTopics(
    paragraphs.map((p) => text.slice(p.start, p.end)).join('\n'),
    attributed.map((s) => text.slice(s.range.start, s.range.end)),
  );
  const quotes = buildQuotes(text, attributed, perQuote);
  const people = buildPeople(attributed);
  const dates = findDates(text, paragraphs, (i) => sents[i] ?? []);
  const firstSentence = sents[0]?.[0] ?? firstParagraph;
  const id = options.id ?? slug(title).split('-').slice(0, 8).join('-');
  const article: ArticleData = {
    format: 1,
    id,
    textFile: `${id}.txt`,
    title,
    standfirst,
    source: findSource(text, paragraphs) ?? options.source ?? 'unknown',
    date: dates[0]?.text ?? null,
    summary: standfirst ?? text.slice(firstSentence.start, firstSentence.end),
    paragraphs: paragraphs.map((p, i) => ({ number: i + 1, start: p.start, end: p.end })),
    people,
    quotes,
    topics,
    dates,
  };
  return { article, unattributed };
}

/** Every name the narrative mentions, in text order, so "he" and surnames can refer back to it. */
function registerMentions(text: string, registry: Registry, paragraphs: Range[], spans: QuoteSpan[][], sents: Range[][]): void {
  paragraphs.forEach((paragraph, i) => {
    const standalone = (spans[i] ?? []).filter((s) => s.standalone);
    for (const sentence of sents[i] ?? []) {
      let subjectSeen = false;
      for (const piece of narrativePieces(sentence, standalone)) {
        for (const run of nameRuns(text, piece)) {
          if (run.possessive && run.kind === 'person' && run.name.length === 1) continue;
          const entity = resolveRun(registry, run, false);
          if (!entity) continue;
          const subject = entity.kind === 'person' && !subjectSeen && !run.possessive;
          if (subject) subjectSeen = true;
          registry.mention(run.start, entity, subject);
          // A title inside the name ("Russian President Vladimir Putin") is the person's role.
          const title = cleanRole(text.slice(run.start, run.nameStart));
          if (entity.kind === 'person' && !entity.role && /\p{L}/u.test(title)) entity.role = title;
          const before = text.slice(Math.max(sentence.start, run.start - 40), run.start);
          if (entity.kind === 'person' && !entity.gender) entity.gender = FEMALE_ROLE.test(before) ? 'f' : MALE_ROLE.test(before) ? 'm' : null;
        }
      }
    }
  });
}

/** The parts of a sentence outside its standalone quotations. */
function narrativePieces(sentence: Range, standalone: QuoteSpan[]): Range[] {
  const pieces: Range[] = [];
  let start = sentence.start;
  for (const span of standalone) {
    if (span.open < sentence.start || span.open >= sentence.end) continue;
    pieces.push({ start, end: span.open });
    start = span.close === null ? sentence.end : span.close + 1;
  }
  pieces.push({ start, end: sentence.end });
  return pieces.filter((p) => p.end > p.start);
}

function dedupe(statements: Statement[]): Statement[] {
  return statements.filter(
    (s, i) => statements.findIndex((t) => t.range.start === s.range.start && t.range.end === s.range.end && t.speaker === s.speaker) === i,
  );
}

function buildQuotes(text: string, statements: Statement[], topics: string[][]): Quote[] {
  const used = new Set<string>();
  return statements.map((s, i) => {
    const speaker = s.speaker as Entity;
    const quoteText = text.slice(s.range.start, s.range.end);
    const head = speaker.kind === 'person' ? (speaker.name.split(' ').at(-1) ?? speaker.name) : speaker.name;
    const gist = words(quoteText, { start: 0, end: quoteText.length })
      .map((w) => w.text)
      .filter((w) => w.length > 3)
      .slice(0, 3)
      .join(' ');
    const base = slug(`${head} ${gist}`);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const quote: Quote = { id, speaker: speaker.id, kind: s.kind, text: quoteText, paragraph: s.paragraph, start: s.range.start, end: s.range.end, topics: topics[i] ?? [] };
    if (s.reportedBy) quote.reportedBy = s.reportedBy.id;
    return quote;
  });
}

function buildPeople(statements: Statement[]): Person[] {
  const speakers: Entity[] = [];
  for (const s of statements) {
    for (const e of [s.speaker, s.reportedBy]) if (e && !speakers.includes(e)) speakers.push(e);
  }
  return speakers.map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    role: e.role,
    organisation: e.organisation,
    // People ask by surname ("what did Zakharova say?"), so the surname is always an alias.
    aliases: [...new Set([...(e.kind === 'person' && e.name.includes(' ') ? [e.name.split(' ').at(-1) ?? ''] : []), ...e.aliases])].filter((a) => a && a !== e.name),
    roleAliases: [...(e.role ? [e.role] : []), ...e.descriptions],
  }));
}

/** "According to TASS", "…, Reuters reported": the first news organisation the text credits. */
function findSource(text: string, paragraphs: Range[]): string | null {
  for (const paragraph of paragraphs) {
    for (const run of nameRuns(text, paragraph)) {
      if (run.kind !== 'organisation' || run.possessive) continue;
      const before = text.slice(Math.max(paragraph.start, run.start - 20), run.start);
      const after = text.slice(run.end, run.end + 10);
      const media = run.media || (run.name.length === 1 && /^\p{Lu}{2,}$/u.test(run.name[0] ?? ''));
      if ((media && /according to\s+(?:the\s+)?$/i.test(before)) || /^\s+reported\b/.test(after)) return run.name.join(' ');
    }
  }
  return null;
}
