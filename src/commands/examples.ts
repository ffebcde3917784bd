import type { AnswerEngine } from '../engine/index.js';

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
  const topics = engine.topics().map((t) => `who spoke about ${t.label.replace(/\s*\(.*\)$/, '').toLowerCase()}?`);
  const people = engine.speakers().flatMap(({ person }) => {
    if (person.named === false) return [];
    const short = person.kind === 'organisation' ? person.name : (person.name.split(' ').pop() ?? person.name);
    return [`what did ${short} say?`, `who is ${short}?`];
  });
  // Alternate kinds, so the three show three ways to ask.
  const candidates = [topics[0], people[0], people[3], ...topics.slice(1), ...people.slice(1)].filter((q): q is string => q !== undefined);
  const works = [...new Set(candidates)].filter((q) => engine.answer(q).found);
  return works.slice(0, EXAMPLES);
}
