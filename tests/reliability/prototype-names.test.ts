import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApplicationCommandType, InteractionType } from 'discord.js';
import { BUNDLED_ARTICLES_DIR, loadKnowledgeBase } from '../../src/data/load.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/engine/index.js';
import { autocomplete, click, description, message, messageCommand, reply, run, slash, where, type Recorded } from '../discord/interaction-kit.js';
import { writeArticle, writtenArticle } from '../support/written-article.js';

/**
 * Words that are also the names of Object.prototype's members ("constructor", "toString",
 * "__proto__" …) once reached every plain-object lookup keyed by user or article text. Each is
 * tried as typed, in other cases, full-width and with accents (all of which fold to the name),
 * alone and inside questions, as every option and autocomplete value, and inside article fields.
 */

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const accented = (text: string) => text.replace(/[a-z]/i, (c) => `${c}\u0301`);
const VARIANTS = [...new Set(NAMES.flatMap((name) => [name, name.toLowerCase(), name.toUpperCase(), fullWidth(name), accented(name)]))];

const QUESTIONS = (v: string) => [v, `who said ${v}?`, `what did ${v} say about ${v}?`, `who is ${v}`, `who spoke about ${v}`, `"${v}"`, `why ${v}`, `what is the ${v} role`];

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** An article whose text, title, summary, people, roles, aliases, topics and keywords all use the names. */
function prototypeArticle() {
  const all = NAMES.join(' ');
  return writtenArticle({
    id: 'prototype-words',
    title: 'The constructor of the toString bridge answers the valueOf question',
    standfirst: `A story that says ${all}.`,
    summary: `Every word here is a member of Object.prototype: ${all}.`,
    source: 'hasOwnProperty Wire',
    date: 'valueOf 4',
    people: [
      { id: 'anna-constructor', name: 'Anna Constructor', role: 'toString officer of the __proto__ board', organisation: 'isPrototypeOf Council', aliases: ['Constructor', 'valueOf'], roleAliases: ['the hasOwnProperty keeper'] },
      { id: 'tolocalestring', name: 'toLocaleString', kind: 'organisation' },
    ],
    topics: [{ id: 'constructor', label: 'The constructor', keywords: [...NAMES] }],
    paragraphs: [
      {
        text: `“The constructor will not wait for the toString review,” Anna Constructor, the toString officer, said of the ${all}.`,
        quotes: [{ speaker: 'anna-constructor', words: 'The constructor will not wait for the toString review', topics: ['constructor'] }],
      },
      {
        text: `toLocaleString said that the __proto__ rule and the valueOf count stay as they are.`,
        quotes: [{ speaker: 'tolocalestring', words: 'the __proto__ rule and the valueOf count stay as they are', kind: 'reported', topics: ['constructor'] }],
      },
    ],
  });
}

/** A knowledge base directory with the bundled article and the prototype-words one, loaded as the bot loads it. */
function knowledgeBaseWithPrototypeWords() {
  const dir = mkdtempSync(join(tmpdir(), 'proto-kb-'));
  dirs.push(dir);
  writeArticle(dir, prototypeArticle());
  for (const file of ['russia-ukraine-negotiations.json', 'russia-ukraine-negotiations.txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, file), join(dir, file));
  // Keys that would pollute a prototype if copied naively; the schema must ignore them.
  writeFileSync(join(dir, 'extra-keys.json'), '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
  return loadKnowledgeBase(dir);
}

/** Every engine entry point with `v` as user text; none may throw. */
function exercise(engine: AnswerEngine, v: string): void {
  for (const question of QUESTIONS(v)) {
    const answer = engine.answer(question);
    expect(answer.summary, question).toBeTypeOf('string');
    expect(engine.answer(question, { articleId: v }).found).toBe(false);
  }
  expect(engine.hasSpeaker(v)).toBe(engine.speakers().some((s) => s.person.id === v));
  expect(engine.hasTopic(v)).toBe(engine.topics().some((t) => t.id === v));
  expect(() => [engine.quotesBy(v), engine.quotesBy(v, v), engine.quotesBy(v, v, v), engine.speakers(v), engine.topics(v)]).not.toThrow();
  for (const suggest of [engine.suggestSpeakers, engine.suggestTopics, engine.suggestArticles]) expect(Array.isArray(suggest.call(engine, v))).toBe(true);
}

describe('GIVEN words that name members of Object.prototype', () => {
  it(`WHEN each of ${VARIANTS.length} spellings is asked alone and inside questions, and used as a speaker, topic and article THEN the engine answers and never throws`, () => {
    const engine = createAnswerEngine(loadKnowledgeBase().articles);
    for (const v of VARIANTS) exercise(engine, v);
    expect(engine.answer('who is peskov').found).toBe(true);
  });

  it('WHEN an article uses them in its text, title, summary, source, people, roles, aliases, topics and keywords THEN it loads, and every question about it is answered', () => {
    const { articles, errors } = knowledgeBaseWithPrototypeWords();
    expect(articles.map((a) => a.id).sort()).toEqual(['prototype-words', 'russia-ukraine-negotiations']);
    expect(errors.map((e) => e.file.split('/').pop())).toEqual(['extra-keys.json']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const engine = createAnswerEngine(articles);
    const alone = createAnswerEngine(articles.filter((a) => a.id === 'prototype-words'));
    for (const v of VARIANTS) {
      exercise(engine, v);
      exercise(alone, v);
    }
    // The article is really answered from, not merely survived.
    expect(engine.answer('what did Anna Constructor say?').items.map((i) => i.quote)).toContain('The constructor will not wait for the toString review');
    expect(alone.suggestSpeakers('constr').map((c) => c.value)).toContain('anna-constructor');
    expect(engine.quotesBy('tolocalestring').items.map((i) => i.quote)).toEqual(['the __proto__ rule and the valueOf count stay as they are']);
  });

  it('WHEN they are sent as every command option, autocomplete value, button id and context-menu target THEN every interaction is answered without an apology', async () => {
    const { articles } = knowledgeBaseWithPrototypeWords();
    const engine = createAnswerEngine(articles);
    const deps = { engine, articles };
    const answered = (recorded: Recorded) => {
      expect(recorded.outcome).not.toBe('error');
      for (const response of recorded.responses) expect(JSON.stringify(response)).not.toMatch(/something went wrong/);
    };
    for (const v of VARIANTS) {
      answered(await run(slash('ask', { question: v }), deps));
      answered(await run(slash('ask', { question: `what did ${v} say?`, article: v }), deps));
      answered(await run(slash('quotes', { speaker: v, topic: v, article: v }), deps));
      for (const [command, focused] of [['ask', 'article'], ['quotes', 'speaker'], ['quotes', 'topic'], ['quotes', 'article']] as const) {
        answered(await run(autocomplete(command, command === 'ask' ? { question: v, article: v } : { speaker: v, topic: v, article: v }, focused), deps));
      }
      const on = message('');
      for (const id of [`pg:1:a:${v}`, `pg:0:A:${v}:${v}`, `post:0:q:${v}:${v}:${v}`, `ctx:0:1:5:${v}`, v]) answered(await run(click(id, on), deps));
      const target = message(`who said ${v}?`);
      answered(await run(messageCommand(target), deps));
      const missing = messageCommand(target);
      answered(await run({ ...missing, data: { ...missing.data, target_id: v } }, deps));
      answered(await run({ ...where('guild'), type: InteractionType.ApplicationCommand, data: { id: '1', name: v, type: ApplicationCommandType.ChatInput } }, deps));
    }
    const last = await run(slash('ask', { question: 'what did Anna Constructor say?' }), deps);
    expect(description(reply(last).data)).toContain('toString review');
  });
});
