/**
 * Generates news-like articles in the knowledge-base format for scale benchmarks: varied
 * speakers, roles, topics and quotes (direct and reported), built from the shapes of real
 * articles, with every offset computed as the text is written so the loader verifies them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleData } from '../src/data/schema.js';

const FIRST = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lucia', 'Marek', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Stefan', 'Tamar', 'Umar', 'Vera', 'Wim', 'Yara', 'Zoltan'];
const LAST = ['Abramova', 'Becker', 'Castillo', 'Dorn', 'Eriksen', 'Fontaine', 'Gallo', 'Hartmann', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quint', 'Rossi', 'Sato', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zimmer'];
const ROLES = ['spokeswoman for the Ministry of Transport', 'head of the regional health authority', 'chief economist at the central bank', 'chairman of the port authority', 'mayor of the city', 'press secretary of the prime minister', 'director of the weather service', 'leader of the opposition party', 'chief executive of the water company', 'union representative for the bus drivers'];
const TOPICS: { id: string; label: string; keywords: string[]; clauses: string[] }[] = [
  { id: 'budget', label: 'The budget', keywords: ['budget', 'spending', 'deficit', 'taxes'], clauses: ['the budget deficit in {city} will narrow by {n} percent next year', 'spending on schools in {city} must not be cut by {n} million', 'taxes will not rise before the {city} election in {month}'] },
  { id: 'strike', label: 'The strike', keywords: ['strike', 'walkout', 'union', 'wages'], clauses: ['the strike in {city} will continue until wages rise by {n} percent', 'the union rejected the offer of {n} percent for {city} workers', 'services in {city} will resume on {day}'] },
  { id: 'flooding', label: 'Flooding', keywords: ['flood', 'flooding', 'river', 'rain'], clauses: ['the river at {city} could rise {n} centimetres overnight', 'up to {n} millimetres of rain is expected around {city}', '{n} homes near {city} should prepare to leave'] },
  { id: 'outbreak', label: 'The outbreak', keywords: ['outbreak', 'cases', 'vaccine', 'hospital'], clauses: ['cases in {city} rose to {n} this week', 'the {city} clinics hold {n} thousand vaccine doses', 'hospitals in {city} admitted {n} extra patients'] },
  { id: 'rates', label: 'Interest rates', keywords: ['interest rates', 'inflation', 'rates', 'prices'], clauses: ['interest rates will stay at {n} percent until inflation falls', 'prices in {city} rose {n} percent in {month}', 'a cut in rates before {month} is not on the table'] },
  { id: 'port', label: 'The port expansion', keywords: ['port', 'ships', 'expansion', 'cargo'], clauses: ['the {city} port expansion will create {n} jobs', 'cargo through {city} reached {n} thousand containers', '{n} ships will be diverted from {city} during the works'] },
  { id: 'election', label: 'The election', keywords: ['election', 'vote', 'polls', 'campaign'], clauses: ['the {city} election will be held in {month}', 'the polls in {city} show a gap of {n} points', 'the campaign in {city} has focused on {n} new homes'] },
  { id: 'water', label: 'Water supply', keywords: ['water', 'drought', 'reservoir', 'pipes'], clauses: ['the {city} reservoir is at {n} percent of capacity', 'old pipes in {city} lose {n} percent of the water', 'a hosepipe ban in {city} may follow in {month}'] },
];
const CITIES = ['Aldmoor', 'Brenholt', 'Caravel', 'Dunmere', 'Eastwick', 'Falkirk', 'Glenrow', 'Harwell', 'Ivybridge', 'Jarrow', 'Kelso', 'Linfield', 'Marston', 'Northam', 'Oakham', 'Penrith', 'Queensbury', 'Redcar', 'Selby', 'Thirsk', 'Ulverston', 'Ventnor', 'Wigton', 'Yarm'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const SOURCES = ['Reuters', 'AP', 'TASS', 'AFP', 'BBC', 'DPA'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A small deterministic generator, so every run benchmarks the same articles. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface GeneratedArticle {
  data: ArticleData;
  text: string;
}

export function generateArticle(n: number): GeneratedArticle {
  const rand = random(n + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const id = `generated-${n}`;
  const topics = [...TOPICS].sort(() => rand() - 0.5).slice(0, 2 + Math.floor(rand() * 3));
  const speakerCount = 3 + Math.floor(rand() * 4);
  const people = Array.from({ length: speakerCount }, (_, i) => {
    const first = FIRST[(n * 7 + i * 3) % FIRST.length] as string;
    const last = `${LAST[(n * 5 + i * 11) % LAST.length]}${n % 97 === 0 ? '' : String.fromCharCode(97 + ((n + i) % 26))}`;
    return { first, last, name: `${first} ${last}`, id: `${first}-${last}`.toLowerCase(), role: pick(ROLES) };
  });
  const source = pick(SOURCES);
  const date = `${pick(MONTHS)} ${1 + Math.floor(rand() * 28)}`;
  const title = `${people[0]?.last} says ${topics[0]?.label.toLowerCase()} in ${pick(CITIES)} is ${pick(['on track', 'at risk', 'under review', 'a priority'])}`;
  const standfirst = `Officials disagree over ${topics.map((t) => t.label.toLowerCase()).join(' and ')}.`;

  let text = `${title}\n${standfirst}\n\n`;
  const paragraphs: ArticleData['paragraphs'] = [];
  const quotes: ArticleData['quotes'] = [];
  const introduced = new Map<string, { start: number; end: number }>();
  const dates: ArticleData['dates'] = [];
  const paragraphCount = 6 + Math.floor(rand() * 5);
  for (let p = 1; p <= paragraphCount; p++) {
    const start = text.length;
    const speaker = people[(p - 1) % people.length] as (typeof people)[number];
    const topic = pick(topics);
    // Each article's statements carry its own places and figures: articles share shapes, not sentences.
    const clause = pick(topic.clauses)
      .replace('{city}', pick(CITIES))
      .replace('{n}', String(2 + Math.floor(rand() * 97)))
      .replace('{month}', pick(MONTHS))
      .replace('{day}', pick(DAYS));
    let line = p === 1 ? `According to ${source} on ${date}, ` : '';
    const firstMention = !introduced.has(speaker.id);
    const who = firstMention ? `${speaker.name}, ${speaker.role},` : speaker.last;
    const whoStart = start + line.length;
    if (rand() < 0.5) {
      line += `${who} said that `;
      const quoteStart = start + line.length;
      line += `${clause}.`;
      quotes.push({ id: `q${p}`, speaker: speaker.id, kind: 'reported', text: clause, paragraph: p, start: quoteStart, end: quoteStart + clause.length, topics: [topic.id] });
    } else {
      const sentence = `${clause.charAt(0).toUpperCase()}${clause.slice(1)}, and we will say more about ${topic.keywords[0]} soon.`;
      line += `“${sentence}” ${who} told reporters.`;
      const quoteStart = start + line.indexOf('“') + 1;
      quotes.push({ id: `q${p}`, speaker: speaker.id, kind: 'direct', text: sentence, paragraph: p, start: quoteStart, end: quoteStart + sentence.length, topics: [topic.id] });
    }
    if (firstMention) {
      const at = text.length + line.indexOf(who, whoStart - start);
      introduced.set(speaker.id, { start: at, end: at + who.length - 1 });
    }
    if (p === 1) {
      const at = start + line.indexOf(date);
      dates.push({ text: date, start: at, end: at + date.length, paragraph: 1, event: `${source} reported what ${speaker.name} said` });
    }
    text += `${line}\n`;
    paragraphs.push({ number: p, start, end: start + line.length });
  }
  text = text.slice(0, -1);
  const data: ArticleData = {
    format: 1,
    id,
    textFile: `${id}.txt`,
    title,
    standfirst,
    source,
    date,
    summary: standfirst,
    paragraphs,
    people: people.map((person) => ({
      id: person.id,
      name: person.name,
      kind: 'person' as const,
      role: person.role,
      organisation: null,
      aliases: [person.last],
      roleAliases: [],
      ...(introduced.has(person.id) ? { introduction: introduced.get(person.id) } : {}),
    })),
    quotes,
    topics: topics.map(({ id: topicId, label, keywords }) => ({ id: topicId, label, keywords })),
    dates,
  };
  return { data, text };
}

/** Writes `count` generated articles into `dir` (which must exist or is created). */
export function writeGeneratedArticles(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) {
    const { data, text } = generateArticle(n);
    writeFileSync(join(dir, data.textFile), text);
    writeFileSync(join(dir, `${data.id}.json`), JSON.stringify(data));
  }
}
