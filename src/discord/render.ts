import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import { PART_SEPARATOR, speakerName, type Answer, type AnswerItem, type ArticleRef, type Choice, type QuotePart, type SpeakerSummary, type TopicSummary } from '../engine/index.js';
import type { Article, Person } from '../data/schema.js';
import type { FeedbackReport } from '../store/feedback-log.js';
import { balanceQuotationMarks } from '../text/quotation-marks.js';
import { checkPassage, firstFittingForm, idRef, type AnswerView, type AskView, type ButtonAction, type ListKind } from './custom-ids.js';

/** Discord's documented message limits; every reply this module builds stays within them. */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** The body of an interaction reply or a channel message, in Discord's own JSON shape. */
export interface ReplyMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Always empty: no reply may ping anyone, whatever text it echoes. */
  allowed_mentions: { parse: [] };
  flags?: number;
}

/** A channel message that replies to a user's message (a DM or a mention) without pinging its author. */
export interface MessageReply extends Omit<ReplyMessage, 'allowed_mentions' | 'flags'> {
  allowed_mentions: { parse: []; replied_user: false };
  message_reference: { message_id: string; fail_if_not_exists: false };
}

/** A reply as a channel message answering `messageId`: channel messages cannot be ephemeral, so the flag is dropped rather than refused by Discord. */
export function renderMessageReply(reply: ReplyMessage, messageId: string): MessageReply {
  const { flags: _flags, allowed_mentions: _mentions, ...body } = reply;
  return { ...body, allowed_mentions: { parse: [], replied_user: false }, message_reference: { message_id: messageId, fail_if_not_exists: false } };
}

export const QUOTES_PER_PAGE = 3;
const COLOUR_FOUND = 0x2b6cb0;
const COLOUR_NOT_FOUND = 0x718096;
const COLOUR_ERROR = 0xc53030;
/** Longest quote shown whole; longer ones are cut (still verbatim, marked …) and "Show in context" has the rest. */
const MAX_QUOTE_CHARS = 900;
const FOOTER_QUESTION_CHARS = 300;
/** Escaping can double text full of markdown; these caps keep room for three quotes of ~600 characters. */
const MAX_SUMMARY_ESCAPED = 1200;
const MAX_CITATION_ESCAPED = 350;

export const NO_MENTIONS = { parse: [] } as { parse: [] };

/** The id for a button or menu: the first form of the action within Discord's 100 characters, or undefined when none fits (the control is then left out). */
export function encodeCustomId(action: ButtonAction): string | undefined {
  return firstFittingForm(action, DISCORD_LIMITS.customId);
}

/** Links and the `<…>` forms (mentions, channels, timestamps, emoji, commands) are broken by an invisible space, so nothing links. */
const BARE_LINK = /\b([a-z][a-z0-9+.-]*):\/\//gi;
const ANGLE_FORM = /<(?=[@#:/!&]|a:|t:|https?:)/gi;
/** escapeMarkdown escapes only the first masked link of a line: every `[` not yet escaped (an even run of backslashes before it). */
const UNESCAPED_BRACKET = /(?<!\\)((?:\\\\)*)\[/g;
/** Line starts escapeMarkdown leaves alone that Discord still renders: block quotes (`>`, `>>>`) and subtext (`-#`). */
const LINE_START_FORM = /^(\s*)(>|-#)/gm;
/** Anything any pass would change: most text has none and is returned as it is. */
const NEEDS_ESCAPING = /[\\*_~`|@<[\]]|:\/\/|^\s*(?:[>#*-]|\d+\.)/m;

/**
 * Text from a user or an article, made inert: discord.js's own `escapeMarkdown` (with headings,
 * lists and masked links), then what it leaves: every masked link, block quotes and subtext, bare
 * links, `<…>` forms, and no @everyone, role or user mention can form. Runs for every quote of
 * every reply, so callers cut text to what can be shown before escaping it.
 */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  const unlinked = text.replace(BARE_LINK, '$1:\u200b//').replace(ANGLE_FORM, '<\u200b');
  return escapeMarkdown(unlinked, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(UNESCAPED_BRACKET, '$1\\[')
    .replace(LINE_START_FORM, '$1\\$2')
    .replace(/@/g, '@\u200b');
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // never leave half a surrogate pair or a dangling escape backslash
  return `${cut.replace(/[\uD800-\uDBFF]$/, '').replace(/\\$/, '')}…`;
}

export interface RenderAnswerOptions {
  page: number;
  view: AnswerView;
  ephemeral: boolean;
  /** Already posted to the channel from this private message: its Post button is disabled. */
  posted?: boolean;
  /** The user who posted this answer to the channel, named (not pinged) above it. */
  sharedBy?: string;
}

/** What a reply shows for one piece of evidence: the item, and the speakers of items it holds whole (merged into it). */
interface ShownItem {
  item: AnswerItem;
  holds: Person[];
}

/**
 * The items a reply shows: an item whose text lies inside another's (the same sentence as a quote
 * and as article text, a quote nested in another speaker's quote) is merged into the larger one,
 * whose citation then names the nested speaker. Introductions are not shown as items.
 */
export function shownItems(items: readonly AnswerItem[]): ShownItem[] {
  const shown: ShownItem[] = [];
  for (const item of items) {
    if (item.introduction) continue;
    const outer = shown.find((s) => contains(s.item, item));
    if (outer) {
      addSpeaker(outer, item);
      continue;
    }
    const inner = shown.filter((s) => contains(item, s.item));
    const merged: ShownItem = { item, holds: [] };
    for (const s of inner) {
      addSpeaker(merged, s.item);
      for (const person of s.holds) addPerson(merged, person);
    }
    const at = inner[0] ? shown.indexOf(inner[0]) : shown.length;
    shown.splice(at, inner[0] ? 1 : 0, merged);
    for (const s of inner.slice(1)) shown.splice(shown.indexOf(s), 1);
  }
  return shown;
}

function contains(outer: AnswerItem, inner: AnswerItem): boolean {
  return outer.article.id === inner.article.id && outer.start <= inner.start && inner.end <= outer.end;
}

function addSpeaker(into: ShownItem, item: AnswerItem): void {
  if (item.speaker) addPerson(into, item.speaker);
}

function addPerson(into: ShownItem, person: Person): void {
  if (person.id !== into.item.speaker?.id && person.id !== into.item.reportedBy?.id && !into.holds.some((p) => p.id === person.id)) into.holds.push(person);
}

/**
 * One page of an answer: the headline (the engine's summary), then each piece of evidence as a block
 * quote over a one-line citation. A speaker's role is given once per reply, with their first
 * citation; the article's title and source once, in the header, unless the page cites several.
 */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions): ReplyMessage {
  const all = shownItems(answer.items);
  const pages = Math.max(1, Math.ceil(all.length / QUOTES_PER_PAGE));
  const page = Math.min(Math.max(0, options.page), pages - 1);
  const items = all.slice(page * QUOTES_PER_PAGE, (page + 1) * QUOTES_PER_PAGE);
  const introductions = page === 0 ? answer.items.filter((i) => i.introduction) : [];
  // Built without spreading arrays into arrays: a spread is compiled for the array shapes seen so far, and an
  // empty list (here often) then throws away this function's optimised code (measured: BENCHMARKS.md, 7 Dec).
  const articles = new Map<string, ArticleRef>();
  for (const shown of items) articles.set(shown.item.article.id, shown.item.article);
  for (const item of introductions) articles.set(item.article.id, item.article);
  const severalArticles = articles.size > 1;

  const summary = `**${truncate(escapeText(truncate(answer.summary, 1000)), MAX_SUMMARY_ESCAPED)}**`;
  const head = introductions.length > 0 ? `${summary}\n*Introduced in ${introductions.map((i) => `¶${i.paragraph}`).join(', ')}.*` : summary;
  const tail = !answer.found && answer.suggestions.length > 0 ? '**You could ask** (press a button below)' : undefined;
  // A role is given with the speaker's first citation, unless the headline already says it.
  const citing: Citing = { introduced: new Set<string>(), headline: answer.summary.toLowerCase() };
  const citations: string[] = [];
  for (const shown of items) citations.push(truncate(citationLine(shown, citing, severalArticles), MAX_CITATION_ESCAPED));
  // Each quote gets an equal share of what the description has left, measured after escaping,
  // so every quote shown keeps its citation line.
  let fixed = head.length + 2 + (tail === undefined ? 0 : tail.length + 2) + items.length * 6;
  for (const citation of citations) fixed += citation.length + 2;
  const share = items.length > 0 ? Math.floor((DISCORD_LIMITS.embedDescription - fixed) / items.length) : 0;
  let description = head;
  for (let i = 0; i < items.length; i++) {
    description += `\n\n${blockQuote(fitQuote((items[i] as ShownItem).item, Math.min(MAX_QUOTE_CHARS, share)))}\n${citations[i]}`;
  }
  if (tail !== undefined) description += `\n\n${tail}`;
  const footer = answerFooter(options.view.kind === 'ask' ? options.view.question : '', page, pages, items.length > 0);
  // Fields assigned in the order Discord's JSON has always had them (color, author, description, footer), without spread copies.
  const embed: APIEmbed = { color: answer.found ? COLOUR_FOUND : COLOUR_NOT_FOUND };
  if (articles.size === 1) embed.author = { name: truncate(articleLine(articles.values().next().value as ArticleRef), DISCORD_LIMITS.author) };
  embed.description = truncate(description, DISCORD_LIMITS.embedDescription);
  if (footer !== '') embed.footer = { text: truncate(footer, DISCORD_LIMITS.footer) };

  const rows: ReplyMessage['components'] = [];
  const navigation: APIButtonComponent[] = [];
  // Each id is made only when its button can be shown (most answers have one page, and public ones no Post button).
  const back = pages > 1 ? encodeCustomId({ action: 'page', page: page - 1, view: options.view }) : undefined;
  const more = back ? encodeCustomId({ action: 'page', page: page + 1, view: options.view }) : undefined;
  if (back && more) {
    navigation.push(button('◀ Back', back, page === 0));
    navigation.push(button('More ▶', more, page >= pages - 1));
  }
  const post = options.ephemeral && answer.found ? encodeCustomId({ action: 'post', page, view: options.view }) : undefined;
  if (post) navigation.push(button(options.posted ? 'Posted to channel' : 'Post to channel', post, options.posted === true, ButtonStyle.Primary));
  // A declined question is logged as it is asked; only answers ask for a vote.
  if (answer.found && options.view.kind === 'ask') addVoteButtons(navigation, options.view);
  if (navigation.length > 0) rows.push({ type: ComponentType.ActionRow, components: navigation });
  const context = contextButtons(introductions.concat(items.map((s) => s.item)), severalArticles);
  if (context.length > 0) rows.push({ type: ComponentType.ActionRow, components: context });
  const suggestions = answer.found ? [] : suggestionButtons(answer.suggestions);
  if (suggestions.length > 0) rows.push({ type: ComponentType.ActionRow, components: suggestions });

  return withSharedBy(message([embed], rows, options.ephemeral), options.sharedBy);
}

/** "Shared by @user" above a posted reply: a mention shows the name; allowed_mentions (always empty) keeps it from pinging. */
function withSharedBy(reply: ReplyMessage, sharedBy: string | undefined): ReplyMessage {
  return sharedBy && /^\d+$/.test(sharedBy) ? { ...reply, content: `Shared by <@${sharedBy}>` } : reply;
}

/** How a whole list (/speakers, /topics, /about) is shown: private ones can be posted to the channel once. */
export interface ListOptions {
  ephemeral: boolean;
  /** Already posted from this private message: its Post button is disabled. */
  posted?: boolean;
  /** The user who posted this list to the channel, named (not pinged) above it. */
  sharedBy?: string;
}

/** A list's reply: a private one carries "Post to channel" as answers do (disabled once pressed). */
function listMessage(list: ListKind, embeds: APIEmbed[], components: ReplyMessage['components'], options: ListOptions): ReplyMessage {
  const post = options.ephemeral ? encodeCustomId({ action: 'share', list }) : undefined;
  const rows = post
    ? [...components, { type: ComponentType.ActionRow as const, components: [button(options.posted ? 'Posted to channel' : 'Post to channel', post, options.posted === true, ButtonStyle.Primary)] }]
    : components;
  return withSharedBy(message(embeds, rows, options.ephemeral), options.sharedBy);
}

/** Shown under every reply that quotes the article, and only there. */
export const VERBATIM_NOTE = 'quotes are verbatim article text';

/** One "Show in context" button per paragraph shown (the first piece of evidence in it is the one marked). */
function contextButtons(items: readonly AnswerItem[], severalArticles: boolean): APIButtonComponent[] {
  const buttons: APIButtonComponent[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as AnswerItem;
    // A few items: an earlier one in the same paragraph is found by looking back, with no key strings.
    if (samePlaceBefore(items, i)) continue;
    const id = encodeCustomId({ action: 'context', article: item.article.id, start: item.start, end: item.end, slot: buttons.length, check: checkPassage(item.quote) });
    const where = severalArticles ? ` · ${item.article.source}` : '';
    if (id) buttons.push(button(truncate(`Show in context ¶${item.paragraph}${where}`, DISCORD_LIMITS.buttonLabel), id));
  }
  return buttons.slice(0, MAX_ROW_BUTTONS);
}

/** An item before the i-th is in the same paragraph of the same article. */
function samePlaceBefore(items: readonly AnswerItem[], i: number): boolean {
  const item = items[i] as AnswerItem;
  for (let j = 0; j < i; j++) {
    const earlier = items[j] as AnswerItem;
    if (earlier.paragraph === item.paragraph && earlier.article.id === item.article.id) return true;
  }
  return false;
}

/** 👍 and 👎 under an answer, both or neither (when the question does not fit, it is read back from the footer). */
function addVoteButtons(row: APIButtonComponent[], view: AskView): void {
  const up = encodeCustomId({ action: 'vote', vote: 'up', view });
  const down = encodeCustomId({ action: 'vote', vote: 'down', view });
  if (up && down) row.push(button('👍', up), button('👎', down));
}

/** The question asked, the page and the verbatim note, those that apply, joined by ` · `. */
function answerFooter(question: string, page: number, pages: number, quotes: boolean): string {
  // Footers render no markdown or mentions, but the text is still neutralised: nothing echoed may ping.
  let footer = question ? `Asked: ${noMention(truncate(oneLine(question), FOOTER_QUESTION_CHARS))}` : '';
  if (pages > 1) footer += `${footer ? ' · ' : ''}page ${page + 1} of ${pages}`;
  if (quotes) footer += `${footer ? ' · ' : ''}${VERBATIM_NOTE}`;
  return footer;
}

/** Runs of whitespace as one space; most questions have none but single spaces, and are returned as they are (no copy). */
function oneLine(text: string): string {
  return OTHER_WHITESPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}
const OTHER_WHITESPACE = /\s\s|[^\S ]/;

/** An @ followed by an invisible space, so no mention can form; most text has no @ and is returned as it is. */
function noMention(text: string): string {
  return text.includes('@') ? text.replace(/@/g, '@\u200b') : text;
}

/** Each suggested question as a button that asks it (those too long to carry are left out). */
function suggestionButtons(suggestions: readonly string[]): APIButtonComponent[] {
  return suggestions.flatMap((question) => {
    const id = encodeCustomId({ action: 'ask', question });
    return id ? [button(truncate(question, DISCORD_LIMITS.buttonLabel), id)] : [];
  }).slice(0, MAX_ROW_BUTTONS);
}

const MAX_ROW_BUTTONS = 5;

/** "TASS, February 4 · Russia says …": which article a reply quotes. */
function articleLine(article: ArticleRef): string {
  return `${article.source}${article.date ? `, ${article.date}` : ''} · ${article.title}`;
}

/** A quote escaped and cut to `max` characters (marked … when cut). Escaping only adds characters, so the quote is cut to `max` before it is escaped. */
function fitQuote(item: AnswerItem, max: number): string {
  const shown = item.parts ? fitParts(item.parts, max) : balanceQuotationMarks(truncate(item.quote, max));
  const escaped = escapeText(shown);
  return escaped.length <= max ? escaped : truncate(escaped, max);
}

/** A quote its attribution interrupts, as the speaker's words only: each piece verbatim (cut to the room left, marks completed), joined by an ellipsis. */
function fitParts(parts: readonly QuotePart[], max: number): string {
  let shown = '';
  for (const part of parts) {
    const room = max - shown.length - (shown === '' ? 0 : PART_SEPARATOR.length);
    if (room < 2) return `${shown}…`;
    const piece = balanceQuotationMarks(truncate(part.text, room));
    shown = shown === '' ? piece : `${shown}${PART_SEPARATOR}${piece}`;
    if (part.text.length > room) break;
  }
  return shown;
}

/** Every line of the text marked as quoted. */
function blockQuote(escaped: string): string {
  return `> ${escaped.includes('\n') ? escaped.replace(/\n/g, '\n> ') : escaped}`;
}

const KIND_WORDS: Record<AnswerItem['kind'], string> = { direct: 'direct quote', reported: 'reported', narration: 'article text' };

/** The speakers a reply's citations have named so far, and its headline in lower case (a role it says is not repeated). */
interface Citing {
  introduced: Set<string>;
  headline: string;
}

/** A speaker in a citation: bold name, and their role at their first mention unless the headline says it. */
function citedPerson(p: Person, citing: Citing): string {
  const name = `**${escapeText(truncate(speakerName(p), 100))}**`;
  const first = !citing.introduced.has(p.id);
  citing.introduced.add(p.id);
  return first && p.role && p.named !== false && !citing.headline.includes(p.role.toLowerCase()) ? `${name}, ${escapeText(truncate(p.role, MAX_ROLE_CHARS))}` : name;
}

/** `— **Name**, role · ¶3 · reported`: who, where and how, on one line; the role only at the speaker's first mention. */
function citationLine({ item, holds }: ShownItem, citing: Citing, severalArticles: boolean): string {
  const who = item.speaker ? citedPerson(item.speaker, citing) : '*the article*';
  let nested = '';
  for (let i = 0; i < holds.length; i++) nested += `${i === 0 ? (item.speaker ? ', reporting ' : ', quoting ') : ' and '}${citedPerson(holds[i] as Person, citing)}`;
  const via = item.reportedBy ? ` · as reported by ${citedPerson(item.reportedBy, citing)}` : '';
  const where = severalArticles ? ` · ${escapeText(truncate(item.article.source, 60))}: *${escapeText(truncate(item.article.title, 60))}*` : '';
  return `— ${who}${nested}${via} · ¶${item.paragraph} · ${KIND_WORDS[item.kind]}${where}`;
}

const MAX_ROLE_CHARS = 120;

/** The whole paragraph around a quote, with the quote in bold: what "Show in context" reveals. */
export function renderContext(article: Article, start: number, end: number): ReplyMessage {
  const paragraph = article.paragraphs.find((p) => p.start <= start && end <= p.end);
  if (!paragraph) return renderNotice('That passage is no longer in the article.');
  // No more of a long paragraph than the embed can show is escaped.
  const room = DISCORD_LIMITS.embedDescription;
  const before = escapeText(article.text.slice(Math.max(paragraph.start, start - room), start));
  const quote = escapeText(article.text.slice(start, Math.min(end, start + room)));
  const after = escapeText(article.text.slice(end, Math.min(paragraph.end, end + room)));
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title: truncate(`¶${paragraph.number} · ${article.title}`, DISCORD_LIMITS.embedTitle),
    description: truncate(`${before}**${quote}**${after}`, DISCORD_LIMITS.embedDescription),
    footer: { text: truncate(`${article.source}${article.date ? ` · ${article.date}` : ''}`, DISCORD_LIMITS.footer) },
  };
  return message([embed], [], true);
}

/** At most 25 options in a select menu (Discord's limit), each label and value at most 100 characters. */
const MENU_OPTIONS = 25;
const MENU_TEXT = 100;

/** A menu whose pick opens that speaker's or topic's quotes (values longer than Discord allows travel as references). */
function pickMenu(what: 'speaker' | 'topic', placeholder: string, options: { value: string; label: string; description?: string }[]): ReplyMessage['components'] {
  const id = encodeCustomId({ action: 'pick', what });
  if (!id || options.length === 0) return [];
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: id,
    placeholder,
    options: options.slice(0, MENU_OPTIONS).map((o) => ({
      label: truncate(o.label, MENU_TEXT),
      value: o.value.length <= MENU_TEXT ? o.value : idRef(o.value),
      ...(o.description ? { description: truncate(o.description, MENU_TEXT) } : {}),
    })),
  };
  return [{ type: ComponentType.ActionRow, components: [menu] }];
}

export function renderSpeakers(speakers: SpeakerSummary[], topicLabel: (id: string) => string, options: ListOptions): ReplyMessage {
  const title = `Everyone quoted (${speakers.length})`;
  const shown = fitFields(
    title,
    speakers.map((s) => ({
      name: truncate(speakerName(s.person), DISCORD_LIMITS.fieldName),
      value: truncate(
        `${s.person.role ? `${escapeText(s.person.role)}\n` : ''}${s.quoteCount} ${s.quoteCount === 1 ? 'quote' : 'quotes'} · ${s.topics.map((t) => escapeText(topicLabel(t))).join('; ')}`,
        DISCORD_LIMITS.fieldValue,
      ),
    })),
  );
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title,
    fields: shown,
    footer: { text: speakers.length > shown.length ? `and ${speakers.length - shown.length} more; use /quotes to find anyone` : 'Pick a speaker below to read what they said' },
  };
  const menu = pickMenu(
    'speaker',
    'Read what someone said…',
    speakers.map((s) => ({ value: s.person.id, label: speakerName(s.person), ...(s.person.role ? { description: s.person.role } : {}) })),
  );
  return listMessage('speakers', [embed], menu, options);
}

/** As many fields as Discord allows (25, and 6,000 characters with the title and a short footer), in order. */
function fitFields(title: string, fields: { name: string; value: string }[]): { name: string; value: string }[] {
  const budget = DISCORD_LIMITS.embedsTotal - title.length - 100;
  const shown: { name: string; value: string }[] = [];
  let used = 0;
  for (const field of fields.slice(0, DISCORD_LIMITS.embedFields)) {
    used += field.name.length + field.value.length;
    if (used > budget) break;
    shown.push(field);
  }
  return shown;
}

export function renderTopics(topics: TopicSummary[], options: ListOptions): ReplyMessage {
  const title = `Topics covered (${topics.length})`;
  const shown = fitFields(
    title,
    topics.map((t) => ({
      name: truncate(t.label, DISCORD_LIMITS.fieldName),
      value: truncate(`${t.quoteCount} ${t.quoteCount === 1 ? 'quote' : 'quotes'} · ${t.speakers.map((p) => escapeText(speakerName(p))).join(', ')}`, DISCORD_LIMITS.fieldValue),
    })),
  );
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title,
    fields: shown,
    footer: { text: topics.length > shown.length ? `and ${topics.length - shown.length} more` : 'Pick a topic below to read its quotes' },
  };
  const menu = pickMenu(
    'topic',
    'Read the quotes on a topic…',
    topics.map((t) => ({ value: t.id, label: t.label, description: `${t.quoteCount} ${t.quoteCount === 1 ? 'quote' : 'quotes'}` })),
  );
  return listMessage('topics', [embed], menu, options);
}

export function renderArticles(articles: readonly Article[], speakersOf: (article: Article) => string[], options: ListOptions): ReplyMessage {
  if (articles.length === 1 && articles[0]) {
    const article = articles[0];
    const embed: APIEmbed = {
      color: COLOUR_FOUND,
      title: truncate(article.title, DISCORD_LIMITS.embedTitle),
      description: truncate(
        `${article.standfirst ? `*${escapeText(article.standfirst)}*\n\n` : ''}${escapeText(article.summary)}\n\n**Speakers:** ${speakersOf(article).map(escapeText).join(', ')}`,
        DISCORD_LIMITS.embedDescription,
      ),
      fields: [
        { name: 'Source', value: escapeText(article.source), inline: true },
        { name: 'Date', value: escapeText(article.date ?? 'not stated'), inline: true },
        { name: 'Paragraphs', value: String(article.paragraphs.length), inline: true },
      ],
      footer: { text: `id: ${article.id}` },
    };
    return listMessage('articles', [embed], [], options);
  }
  const lines = articles.map((a) => `• **${escapeText(a.title)}** — ${escapeText(a.source)}${a.date ? `, ${escapeText(a.date)}` : ''} (\`${a.id}\`)`);
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title: `${articles.length} articles`,
    description: truncate(lines.join('\n'), DISCORD_LIMITS.embedDescription),
  };
  return listMessage('articles', [embed], [], options);
}

/** Speakers and quotes a preview of a new article shows; the rest is counted. */
const PREVIEW_SPEAKERS = 10;
const PREVIEW_QUOTES = 3;
const PREVIEW_QUOTE_CHARS = 400;

/** Where a server admin's preview of an article stands: waiting for Add or Cancel (with their custom ids), or added. */
export type PreviewState = { state: 'staged'; add: string; cancel: string } | { state: 'added' };

/**
 * The private preview `/article add` shows: title, source and date, speakers with roles and how
 * often each is quoted, and the first quotes verbatim; Add and Cancel while it waits.
 */
export function renderArticlePreview(article: Article, preview: PreviewState): ReplyMessage {
  const counts = new Map<string, number>();
  for (const quote of article.quotes) counts.set(quote.speaker, (counts.get(quote.speaker) ?? 0) + 1);
  const speakers = [...article.people].filter((p) => counts.has(p.id)).sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  const speakerLines = speakers.slice(0, PREVIEW_SPEAKERS).map((p) => {
    const n = counts.get(p.id) ?? 0;
    return `• **${escapeText(p.name)}**${p.role ? `, ${escapeText(p.role)}` : ''} — ${n} ${n === 1 ? 'quote' : 'quotes'}`;
  });
  if (speakers.length > PREVIEW_SPEAKERS) speakerLines.push(`…and ${speakers.length - PREVIEW_SPEAKERS} more`);
  const names = new Map(article.people.map((p) => [p.id, p.name]));
  const quoteLines = article.quotes.slice(0, PREVIEW_QUOTES).flatMap((q) => [
    `> ${escapeText(truncate(q.text, PREVIEW_QUOTE_CHARS))}`,
    `— ${escapeText(names.get(q.speaker) ?? q.speaker)}, ¶${q.paragraph}`,
  ]);
  const status = preview.state === 'staged' ? 'Press **Add** to answer this server\'s questions from it too, or **Cancel**.' : '✅ **Added.** Questions in this server are now answered from it too.';
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title: truncate(article.title, DISCORD_LIMITS.embedTitle),
    author: { name: truncate(`${article.source}${article.date ? ` · ${article.date}` : ''}`, DISCORD_LIMITS.author) },
    description: truncate(
      [status, '', `**Speakers** (${article.quotes.length} ${article.quotes.length === 1 ? 'quote' : 'quotes'})`, ...speakerLines, '', '**First quotes**', ...quoteLines].join('\n'),
      DISCORD_LIMITS.embedDescription,
    ),
    footer: { text: truncate(`id: ${article.id} · ${article.paragraphs.length} paragraphs · ${VERBATIM_NOTE}`, DISCORD_LIMITS.footer) },
  };
  const components: ReplyMessage['components'] =
    preview.state === 'staged' ? [{ type: ComponentType.ActionRow, components: [button('Add', preview.add, false, ButtonStyle.Success), button('Cancel', preview.cancel)] }] : [];
  return message([embed], components, true);
}

/** `/article list`: the articles this server added, privately. */
export function renderServerArticles(articles: readonly Article[]): ReplyMessage {
  if (articles.length === 0) return renderNotice('This server has added no articles yet. Add one with /article add and a url or a file.');
  const lines = articles.map((a) => `• **${escapeText(a.title)}** — ${escapeText(a.source)}${a.date ? `, ${escapeText(a.date)}` : ''} · ${a.quotes.length} quotes (\`${a.id}\`)`);
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title: `This server's articles (${articles.length})`,
    description: truncate(lines.join('\n'), DISCORD_LIMITS.embedDescription),
    footer: { text: 'Answered from in this server only, with the bundled articles · /article remove takes one away' },
  };
  return message([embed], [], true);
}

/** What the help says about a command: its name and description, as registered (the one definition of both). */
export interface CommandDefinition {
  name: string;
  description?: string;
  type?: number;
  /** Set for commands Discord shows only to members with these permissions (admins' tools): the help leaves them out. */
  default_member_permissions?: string | null;
}

/**
 * The short help: what to ask, examples that work (from the knowledge base), and every command,
 * listed from the command definitions themselves so the help never drifts from what is registered.
 */
export function renderHelp(definitions: readonly CommandDefinition[], examples: readonly string[], ephemeral: boolean): ReplyMessage {
  const slash = definitions.filter((d) => (d.type ?? 1) === 1 && !d.default_member_permissions).map((d) => `\`/${d.name}\` ${escapeText(d.description ?? '')}`);
  const menus = definitions.filter((d) => d.type === 3).map((d) => `Right-click a message → **Apps → ${escapeText(d.name)}** asks with its text.`);
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title: 'Ask the article',
    description: truncate(
      [
        'Ask in plain words; I answer with **verbatim quotes**, who said them and where (¶). If the article does not say, I tell you.',
        '',
        '**Try**',
        ...examples.map((e) => `• ${escapeText(e)}`),
        '',
        '**Commands** (answers are private unless you choose `public`)',
        ...slash,
        ...menus,
        'You can also DM me a question, or mention me with one.',
      ].join('\n'),
      DISCORD_LIMITS.embedDescription,
    ),
  };
  const ask = suggestionButtons(examples);
  return message([embed], ask.length > 0 ? [{ type: ComponentType.ActionRow, components: ask }] : [], ephemeral);
}

export function renderChoices(choices: Choice[]): { name: string; value: string }[] {
  return choices.slice(0, DISCORD_LIMITS.choices).map((c) => ({
    name: truncate(c.label, DISCORD_LIMITS.choiceName),
    value: c.value.slice(0, DISCORD_LIMITS.choiceValue),
  }));
}

/** Lines of a report field, as many whole ones as fit in a field value. */
function fieldLines(lines: readonly string[], empty: string): string {
  let value = '';
  for (const line of lines) {
    const next = value ? `${value}\n${line}` : line;
    if (next.length > DISCORD_LIMITS.fieldValue) break;
    value = next;
  }
  return value || empty;
}

function scopeNote(scope: string | null): string {
  return scope === null ? '' : ` *(article ${escapeText(truncate(scope, 60))})*`;
}

/** /report: the most frequent unanswered questions and the most 👎'd answers, private, echoing questions inert. */
export function renderFeedbackReport(report: FeedbackReport, days: number): ReplyMessage {
  const quoted = (question: string) => `“${escapeText(truncate(question.replace(/\s+/g, ' '), 150))}”`;
  const unanswered = report.unanswered.map((e) => `**${e.times}×** ${quoted(e.question)}${scopeNote(e.articleScope)}`);
  const downvoted = report.downvoted.map((e) => `**${e.down}** 👎 · ${e.up} 👍 ${quoted(e.question)}${scopeNote(e.articleScope)}`);
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title: `What this server asked, last ${days} days`,
    fields: [
      { name: 'Most frequent unanswered questions', value: fieldLines(unanswered, 'None: every question got an answer.') },
      { name: 'Most 👎’d answers', value: fieldLines(downvoted, 'None.') },
    ],
    footer: { text: 'No user ids are kept. Questions and votes are deleted after the retention period.' },
  };
  return message([embed], [], true);
}

/** A short private notice: rate limits, bad input, stale buttons. */
export function renderNotice(text: string): ReplyMessage {
  return message([{ color: COLOUR_NOT_FOUND, description: truncate(escapeText(text), DISCORD_LIMITS.embedDescription) }], [], true);
}

/** Interaction and message ids are snowflakes (up to 20 digits); a longer, forged one is shown cut, as the start of what the logs carry. */
const MAX_REFERENCE_CHARS = 32;

/** What a user sees when a handler failed: private, apologetic, with a reference the logs carry. */
export function renderError(reference: string): ReplyMessage {
  const shown = truncate(reference.replace(/[^\w-]/g, ''), MAX_REFERENCE_CHARS);
  return message([{ color: COLOUR_ERROR, description: `Sorry, something went wrong while answering. It has been logged (ref \`${shown}\`); please try again.` }], [], true);
}

function message(embeds: APIEmbed[], components: ReplyMessage['components'], ephemeral: boolean): ReplyMessage {
  const reply: ReplyMessage = { embeds: embeds.map(withinTotal), components, allowed_mentions: NO_MENTIONS };
  if (ephemeral) reply.flags = MessageFlags.Ephemeral;
  return reply;
}

/** Drops trailing fields, then shortens the description, until the embed fits Discord's 6,000-character total. */
function withinTotal(embed: APIEmbed): APIEmbed {
  // Most embeds fit as they are: no copy then.
  if (embedLength(embed) <= DISCORD_LIMITS.embedsTotal) return embed;
  const fitted: APIEmbed = embed.fields ? { ...embed, fields: [...embed.fields] } : { ...embed };
  while (embedCharacters([fitted]) > DISCORD_LIMITS.embedsTotal && fitted.fields && fitted.fields.length > 0) fitted.fields.pop();
  const excess = embedCharacters([fitted]) - DISCORD_LIMITS.embedsTotal;
  if (excess > 0 && fitted.description) fitted.description = truncate(fitted.description, fitted.description.length - excess);
  return fitted;
}

function button(label: string, customId: string, disabled = false, style: ButtonStyle = ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, style: style as ButtonStyle.Secondary, label, custom_id: customId, disabled };
}

/** Characters Discord counts against the 6,000 total of a message's embeds. */
export function embedCharacters(embeds: APIEmbed[]): number {
  let sum = 0;
  for (const embed of embeds) sum += embedLength(embed);
  return sum;
}

function embedLength(e: APIEmbed): number {
  let length = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  if (e.fields) for (const field of e.fields) length += field.name.length + field.value.length;
  return length;
}
