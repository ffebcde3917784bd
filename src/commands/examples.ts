import { lowerFirst, type AnswerEngine } from '../engine/index.js';

const EXAMPLES = 3;

/**
 * Questions to try, built from the knowledge base itself (its most quoted topic and speakers) and
 * kept only when the engine answers them: every example shown works.
 */
export function exampleQuestions(engine: AnswerEngine): string[] {
  let examples = remembered.get(engine);
  if (!examples) {
    examples = workingExamples(engine);
    remembered.set(engine, examples);
  }
  return examples;
}

/** Worked out once per knowledge base: the help is shown often and its examples never change. */
const remembered = new WeakMap<AnswerEngine, string[]>();

function workingExamples(engine: AnswerEngine): string[] {
  // Labels and names read inside a question as the articles write them ("readiness to negotiate on Ukraine", "the Russian authorities").
  const text = engine.articles.map((a) => a.text).join('\n');
  const topics = engine.topics().map((t) => `who spoke about ${lowerFirst(t.label.replace(/\s*\(.*\)$/, ''), text)}?`);
  const people = engine.speakers().flatMap(({ person }) => {
    if (person.named === false) return [];
    if (person.kind === 'organisation') return [`what did ${lowerFirst(person.name, text)} say?`];
    const surname = person.name.split(' ').pop() ?? person.name;
    return [`what did ${surname} say?`, `who is ${surname}?`];
  });
  // Alternate kinds, so the three show three ways to ask.
  const candidates = [topics[0], people[0], people[3], ...topics.slice(1), ...people.slice(1)].filter((q): q is string => q !== undefined);
  const works = [...new Set(candidates)].filter((q) => engine.answer(q).found);
  return works.slice(0, EXAMPLES);
}
