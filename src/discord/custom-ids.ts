import { createHash } from 'node:crypto';

/**
 * Button custom ids carry everything their handler needs (no server-side session), so a button
 * still works after a restart or on another instance. Discord allows 100 characters (render.ts
 * holds the limit): when the ids a button carries (article, speaker, topic) would not fit, each travels as a short reference
 * (`~` and 8 characters of its hash) that the handler looks up among the known ids.
 */

/** What produced an answer, so a button can produce the same answer again. */
export type AnswerView =
  | { kind: 'ask'; question: string; article?: string }
  | { kind: 'quotes'; speaker: string; topic: string | undefined; article?: string }
  /** Everyone's quotes on one topic (picked from /topics). */
  | { kind: 'topic'; topic: string; article?: string };

export type ButtonAction =
  | { action: 'page'; page: number; view: AnswerView }
  | { action: 'post'; page: number; view: AnswerView }
  /** `check` is the passage's checkPassage(): an article changed since the answer no longer matches it. */
  | { action: 'context'; article: string; start: number; end: number; slot: number; check?: string }
  /** A suggested question, asked when pressed. */
  | { action: 'ask'; question: string }
  /** A select menu under /speakers or /topics: the picked value opens that speaker's or topic's quotes. */
  | { action: 'pick'; what: 'speaker' | 'topic' }
  /** "Post to channel" under a private list (/speakers, /topics, /about): posts the list as it is now. */
  | { action: 'share'; list: ListKind }
  /** 👍 / 👎 under an answer: the question and scope identify the answer, so a vote needs no stored message. */
  | { action: 'vote'; vote: 'up' | 'down'; view: AskView };

export type AskView = Extract<AnswerView, { kind: 'ask' }>;

/** The lists a command shows whole (no question, no paging). */
export type ListKind = 'speakers' | 'topics' | 'articles';
const LIST_KINDS: readonly ListKind[] = ['speakers', 'topics', 'articles'];

/** An ask view whose question did not fit carries none; the handler reads it from the message's footer. */
const QUESTION_IN_MESSAGE = '';
/** An id, or a reference to one (ids are lower-case words and hyphens; `~` never starts one). */
const ID = '(?:[a-z0-9-]+|~[A-Za-z0-9_-]{8})';

/**
 * Hashes already computed: every answer's buttons hash the same few ids and cited passages again. Bounded
 * (emptied when full), so any number of distinct inputs costs at most this many entries.
 */
const MAX_REMEMBERED_HASHES = 4096;
const idRefs = new Map<string, string>();
const passageChecks = new Map<string, string>();

function remembered(cache: Map<string, string>, key: string, compute: (key: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_REMEMBERED_HASHES) cache.clear();
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

/** The short reference an id travels as when it would not fit. */
export function idRef(id: string): string {
  return remembered(idRefs, id, (key) => `~${createHash('sha256').update(key).digest('base64url').slice(0, 8)}`);
}

/** A short fingerprint of a cited passage, carried by its "Show in context" button. */
export function checkPassage(text: string): string {
  return remembered(passageChecks, text, (key) => createHash('sha256').update(key).digest('base64url').slice(0, 6));
}

/** True for a reference made by idRef, which the handler must look up. */
export function isIdRef(value: string): boolean {
  return value.startsWith('~');
}

/**
 * Every way a button can carry the action, best first: its ids as they are, then as references; a
 * question that would not fit is left in the message (cutting it would answer a different
 * question). render.ts, which owns Discord's limits, takes the first that fits.
 */
export function customIdForms(action: ButtonAction): string[] {
  return [...new Set([...forms(action, asIs), ...forms(action, idRef)])];
}

/**
 * The first of customIdForms(action) that fits in `maxLength`, or undefined: the forms with references
 * (hashes) are made only when none with the ids as they are fits, as for almost every button.
 */
export function firstFittingForm(action: ButtonAction, maxLength: number): string | undefined {
  // The best form alone first: it fits for almost every button, and then no list of the others is made.
  const best = bestForm(action);
  if (best.length <= maxLength) return best;
  for (const id of forms(action, asIs)) if (id.length <= maxLength) return id;
  for (const id of forms(action, idRef)) if (id.length <= maxLength) return id;
  return undefined;
}

const asIs = (id: string): string => id;

/** The first of forms(action, asIs), made alone: ids as they are, an ask view's question carried. */
function bestForm(action: ButtonAction): string {
  if (action.action === 'vote') return askViewForm(`v${action.vote === 'up' ? '+' : '-'}:`, action.view, asIs, action.view.question);
  if ((action.action === 'page' || action.action === 'post') && action.view.kind === 'ask') return askViewForm(`${action.action === 'page' ? 'pg' : 'post'}:${action.page}:`, action.view, asIs, action.view.question);
  if (action.action === 'context') return contextForm(action, asIs);
  return forms(action, asIs)[0] ?? '';
}

function forms(action: ButtonAction, ref: (id: string) => string): string[] {
  if (action.action === 'ask') return [`ask:${action.question}`];
  if (action.action === 'pick') return [`pick:${action.what}`];
  if (action.action === 'share') return [`share:${action.list}`];
  if (action.action === 'vote') return askViewForms(`v${action.vote === 'up' ? '+' : '-'}:`, action.view, ref);
  if (action.action === 'context') return [contextForm(action, ref)];
  const prefix = `${action.action === 'page' ? 'pg' : 'post'}:${action.page}:`;
  const view = action.view;
  if (view.kind === 'topic') return [`${prefix}t:${ref(view.topic)}${view.article !== undefined ? `:${ref(view.article)}` : ''}`];
  if (view.kind === 'quotes') return [`${prefix}q:${ref(view.speaker)}:${view.topic === undefined ? '' : ref(view.topic)}${view.article !== undefined ? `:${ref(view.article)}` : ''}`];
  return askViewForms(prefix, view, ref);
}

/** A "Show in context" button's id: its slot, the passage, the article (or its reference) and the passage's check. */
function contextForm(action: Extract<ButtonAction, { action: 'context' }>, ref: (id: string) => string): string {
  return `ctx:${action.slot}:${action.start}:${action.end}:${ref(action.article)}${action.check === undefined ? '' : `:${action.check}`}`;
}

/** An ask view after its prefix: the question, then with the question left in the message (see questionIsInMessage). */
function askViewForms(prefix: string, view: AskView, ref: (id: string) => string): string[] {
  return [askViewForm(prefix, view, ref, view.question), askViewForm(prefix, view, ref, QUESTION_IN_MESSAGE)];
}

/** One form of an ask view: its prefix, its article (if any), and the question carried (or none). */
function askViewForm(prefix: string, view: AskView, ref: (id: string) => string, question: string): string {
  return view.article !== undefined ? `${prefix}A:${ref(view.article)}:${question}` : `${prefix}a:${question}`;
}

function decodeAskView(viewKind: string, rest: string): AskView {
  if (viewKind === 'a') return { kind: 'ask', question: rest };
  const [article = '', ...question] = rest.split(':');
  return { kind: 'ask', question: question.join(':'), article };
}

/** Parses a custom id; undefined for ids this version did not make. Ids may come back as references (see idRef). */
export function decodeCustomId(id: string): ButtonAction | undefined {
  // Ids made before passages carried a check have none; they are still honoured.
  const context = new RegExp(`^ctx:(\\d+):(\\d+):(\\d+):(${ID})(?::([A-Za-z0-9_-]{6}))?$`).exec(id);
  if (context) {
    const [, slot, start, end, article, check] = context;
    const action = { action: 'context', slot: Number(slot), start: Number(start), end: Number(end), article: article ?? '' } as const;
    return check === undefined ? action : { ...action, check };
  }
  const asked = /^ask:([\s\S]+)$/.exec(id);
  if (asked) return { action: 'ask', question: asked[1] ?? '' };
  const shared = /^share:([a-z]+)$/.exec(id);
  const list = LIST_KINDS.find((kind) => kind === shared?.[1]);
  if (list) return { action: 'share', list };
  const picked = /^pick:(speaker|topic)$/.exec(id);
  if (picked) return { action: 'pick', what: picked[1] === 'topic' ? 'topic' : 'speaker' };
  const voted = /^v([+-]):(a|A):([\s\S]*)$/.exec(id);
  if (voted) return { action: 'vote', vote: voted[1] === '+' ? 'up' : 'down', view: decodeAskView(voted[2] ?? 'a', voted[3] ?? '') };
  const paged = /^(pg|post):(-?\d+):(a|A|q|t):([\s\S]*)$/.exec(id);
  if (!paged) return undefined;
  const [, kind, page, viewKind, rest = ''] = paged;
  const action = kind === 'pg' ? 'page' : 'post';
  if (viewKind === 'a' || viewKind === 'A') return { action, page: Number(page), view: decodeAskView(viewKind, rest) };
  if (viewKind === 't') {
    const [topic = '', article] = rest.split(':');
    return { action, page: Number(page), view: article ? { kind: 'topic', topic, article } : { kind: 'topic', topic } };
  }
  const [speaker = '', topic = '', article] = rest.split(':');
  const view: AnswerView = { kind: 'quotes', speaker, topic: topic || undefined };
  return { action, page: Number(page), view: article ? { ...view, article } : view };
}

/** True when the question must be read back from the message the button sits on. */
export function questionIsInMessage(view: AnswerView): boolean {
  return view.kind === 'ask' && view.question === QUESTION_IN_MESSAGE;
}
