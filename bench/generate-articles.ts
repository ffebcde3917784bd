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
  { id: 'budget', label: 'The budget', keywords: ['budget', 'spending', 'deficit', 'taxes'], clauses: ['the budget deficit will narrow next year', 'spending on schools must not be cut', 'taxes will not rise before the election'] },
  { id: 'strike', label: 'The strike', keywords: ['strike', 'walkout', 'union', 'wages'], clauses: ['the strike will continue until wages are raised', 'the union has rejected the latest offer', 'services will resume on Monday'] },
  { id: 'flooding', label: 'Flooding', keywords: ['flood', 'flooding', 'river', 'rain'], clauses: ['the river could burst its banks overnight', 'more rain is expected in the north', 'residents near the river should prepare to leave'] },
  { id: 'outbreak', label: 'The outbreak', keywords: ['outbreak', 'cases', 'vaccine', 'hospital'], clauses: ['the number of cases has doubled in a week', 'vaccine supplies are sufficient for now', 'hospitals are coping with the extra patients'] },
  { id: 'rates', label: 'Interest rates', keywords: ['interest rates', 'inflation', 'rates', 'prices'], clauses: ['interest rates will stay high until inflation falls', 'prices are rising more slowly than feared', 'a cut in rates is not on the table'] },
  { id: 'port', label: 'The port expansion', keywords: ['port', 'ships', 'expansion', 'cargo'], clauses: ['the port expansion will create two thousand jobs', 'cargo volumes have never been higher', 'the ships will be diverted during the works'] },
  { id: 'election', label: 'The election', keywords: ['election', 'vote', 'polls', 'campaign'], clauses: ['the election will be held in the spring', 'the polls show a close race', 'the campaign has focused on housing'] },
  { id: 'water', label: 'Water supply', keywords: ['water', 'drought', 'reservoir', 'pipes'], clauses: ['the reservoir is at its lowest level in a decade', 'old pipes lose a third of the water', 'a hosepipe ban may follow'] },
];
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
  const title = `${people[0]?.last} says ${topics[0]?.clauses[0]}`;
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
    const clause = pick(topic.clauses);
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
