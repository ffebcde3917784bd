/**
 * Button custom ids carry everything their handler needs (no server-side session), so a button
 * still works after a restart or on another instance. Discord allows 100 characters.
 */

/** What produced an answer, so a button can produce the same answer again. */
export type AnswerView =
  | { kind: 'ask'; question: string; article?: string }
  | { kind: 'quotes'; speaker: string; topic: string | undefined; article?: string };

export type ButtonAction =
  | { action: 'page'; page: number; view: AnswerView }
  | { action: 'post'; page: number; view: AnswerView }
  | { action: 'context'; article: string; start: number; end: number; slot: number };

const MAX = 100;
/** An ask view whose question did not fit carries none; the handler reads it from the message's footer. */
const QUESTION_IN_MESSAGE = '';

/** The id for a button, or undefined when what it must carry cannot fit (the button is then left out). */
export function encodeCustomId(action: ButtonAction): string | undefined {
  if (action.action === 'context') return fits(`ctx:${action.slot}:${action.start}:${action.end}:${action.article}`);
  const prefix = `${action.action === 'page' ? 'pg' : 'post'}:${action.page}:`;
  const view = action.view;
  if (view.kind === 'quotes') return fits(`${prefix}q:${view.speaker}:${view.topic ?? ''}${view.article !== undefined ? `:${view.article}` : ''}`);
  // A long question travels in the message footer instead; cutting it would answer a different question.
  if (view.article !== undefined) return fits(`${prefix}A:${view.article}:${view.question}`) ?? fits(`${prefix}A:${view.article}:${QUESTION_IN_MESSAGE}`);
  return fits(`${prefix}a:${view.question}`) ?? `${prefix}a:${QUESTION_IN_MESSAGE}`;
}

function fits(id: string): string | undefined {
  return id.length <= MAX ? id : undefined;
}

/** Parses a custom id; undefined for ids this version did not make. */
export function decodeCustomId(id: string): ButtonAction | undefined {
  const context = /^ctx:(\d+):(\d+):(\d+):([a-z0-9-]+)$/.exec(id);
  if (context) {
    const [, slot, start, end, article] = context;
    return { action: 'context', slot: Number(slot), start: Number(start), end: Number(end), article: article ?? '' };
  }
  const paged = /^(pg|post):(-?\d+):(a|A|q):([\s\S]*)$/.exec(id);
  if (!paged) return undefined;
  const [, kind, page, viewKind, rest = ''] = paged;
  const action = kind === 'pg' ? 'page' : 'post';
  if (viewKind === 'a') return { action, page: Number(page), view: { kind: 'ask', question: rest } };
  if (viewKind === 'A') {
    const [article = '', ...question] = rest.split(':');
    return { action, page: Number(page), view: { kind: 'ask', question: question.join(':'), article } };
  }
  const [speaker = '', topic = '', article] = rest.split(':');
  const view: AnswerView = { kind: 'quotes', speaker, topic: topic || undefined };
  return { action, page: Number(page), view: article ? { ...view, article } : view };
}

/** True when the question must be read back from the message the button sits on. */
export function questionIsInMessage(view: AnswerView): boolean {
  return view.kind === 'ask' && view.question === QUESTION_IN_MESSAGE;
}
