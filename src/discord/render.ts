import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import { speakerName, type Answer, type AnswerItem, type Choice, type SpeakerSummary, type TopicSummary } from '../engine/index.js';
import type { Article } from '../data/schema.js';
import { checkPassage, encodeCustomId, type AnswerView } from './custom-ids.js';

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
}

/** One page of an answer: summary first, then each quote as a block quote with its citation; buttons below. */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions): ReplyMessage {
  const pages = Math.max(1, Math.ceil(answer.items.length / QUOTES_PER_PAGE));
  const page = Math.min(Math.max(0, options.page), pages - 1);
  const items = answer.items.slice(page * QUOTES_PER_PAGE, (page + 1) * QUOTES_PER_PAGE);

  const head = `**${truncate(escapeText(truncate(answer.summary, 1000)), MAX_SUMMARY_ESCAPED)}**`;
  const tail = !answer.found && answer.suggestions.length > 0 ? [`**You could ask:**\n${answer.suggestions.map((s) => `• ${escapeText(s)}`).join('\n')}`] : [];
  // Each quote gets an equal share of what the description has left, measured after escaping,
  // so every quote shown keeps its citation line.
  const citations = items.map((item) => truncate(citationLine(item), MAX_CITATION_ESCAPED));
  const fixed = [head, ...tail, ...citations].reduce((sum, part) => sum + part.length + 2, 0) + items.length * 4;
  const share = items.length > 0 ? Math.floor((DISCORD_LIMITS.embedDescription - fixed) / items.length) : 0;
  const blocks = items.map((item, i) => `${blockQuote(fitQuote(item.quote, Math.min(MAX_QUOTE_CHARS, share)))}\n${citations[i]}`);
  const parts = [head, ...blocks, ...tail];
  const question = options.view.kind === 'ask' ? options.view.question : '';
  const footerParts = [
    // Footers render no markdown or mentions, but the text is still neutralised: nothing echoed may ping.
    question ? `Asked: ${truncate(question.replace(/\s+/g, ' '), FOOTER_QUESTION_CHARS).replace(/@/g, '@\u200b')}` : '',
    pages > 1 ? `page ${page + 1} of ${pages}` : '',
    'quotes are verbatim article text',
  ].filter(Boolean);
  const embed: APIEmbed = {
    color: answer.found ? COLOUR_FOUND : COLOUR_NOT_FOUND,
    description: truncate(parts.join('\n\n'), DISCORD_LIMITS.embedDescription),
    footer: { text: truncate(footerParts.join(' · '), DISCORD_LIMITS.footer) },
  };

  const rows: ReplyMessage['components'] = [];
  const navigation: APIButtonComponent[] = [];
  const back = encodeCustomId({ action: 'page', page: page - 1, view: options.view });
  const more = encodeCustomId({ action: 'page', page: page + 1, view: options.view });
  const post = encodeCustomId({ action: 'post', page, view: options.view });
  if (pages > 1 && back && more) {
    navigation.push(button('◀ Back', back, page === 0));
    navigation.push(button('More ▶', more, page >= pages - 1));
  }
  if (options.ephemeral && answer.found && post) navigation.push(button('Post to channel', post, false, ButtonStyle.Primary));
  if (navigation.length > 0) rows.push({ type: ComponentType.ActionRow, components: navigation });
  const context = items.flatMap((item, i) => {
    const id = encodeCustomId({ action: 'context', article: item.article.id, start: item.start, end: item.end, slot: i, check: checkPassage(item.quote) });
    return id ? [button(`Show in context ¶${item.paragraph}`.slice(0, DISCORD_LIMITS.buttonLabel), id)] : [];
  });
  if (context.length > 0) rows.push({ type: ComponentType.ActionRow, components: context });

  return message([embed], rows, options.ephemeral);
}

/** A quote escaped and cut to `max` characters (marked … when cut). Escaping only adds characters, so the quote is cut to `max` before it is escaped. */
function fitQuote(quote: string, max: number): string {
  const escaped = escapeText(truncate(quote, max));
  return escaped.length <= max ? escaped : truncate(escaped, max);
}

function blockQuote(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function citationLine(item: AnswerItem): string {
  // Names and roles are capped so a citation never crowds its quote out of the embed.
  const who = item.speaker
    ? `**${escapeText(truncate(speakerName(item.speaker), 100))}**${item.speaker.role ? `, ${escapeText(truncate(item.speaker.role, 200))}` : ''}`
    : `*The article (${escapeText(truncate(item.article.source, 100))})*`;
  const kind = item.kind === 'narration' ? 'article text' : item.kind;
  const via = item.reportedBy ? ` · as reported by ${escapeText(speakerName(item.reportedBy))}` : '';
  const where = `¶${item.paragraph} · ${escapeText(truncate(item.article.source, 100))}${item.article.date ? `, ${escapeText(truncate(item.article.date, 60))}` : ''} · “${escapeText(truncate(item.article.title, 60))}”`;
  return `— ${who} · ${kind}${via} · ${where}`;
}

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

export function renderSpeakers(speakers: SpeakerSummary[], topicLabel: (id: string) => string): ReplyMessage {
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
    footer: { text: speakers.length > shown.length ? `and ${speakers.length - shown.length} more; use /quotes to find anyone` : 'Use /quotes speaker:<name> to read what each said' },
  };
  return message([embed], [], false);
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

export function renderTopics(topics: TopicSummary[]): ReplyMessage {
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
    footer: { text: topics.length > shown.length ? `and ${topics.length - shown.length} more` : 'Use /quotes speaker:<name> topic:<topic> to read them' },
  };
  return message([embed], [], false);
}

export function renderArticles(articles: readonly Article[], speakersOf: (article: Article) => string[]): ReplyMessage {
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
    return message([embed], [], false);
  }
  const lines = articles.map((a) => `• **${escapeText(a.title)}** — ${escapeText(a.source)}${a.date ? `, ${escapeText(a.date)}` : ''} (\`${a.id}\`)`);
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title: `${articles.length} articles`,
    description: truncate(lines.join('\n'), DISCORD_LIMITS.embedDescription),
  };
  return message([embed], [], false);
}

export function renderHelp(examples: string[]): ReplyMessage {
  const embed: APIEmbed = {
    color: COLOUR_FOUND,
    title: 'Ask the article',
    description: [
      'I answer questions about the news articles I know with **verbatim, cited quotes**: who said it, their role, the exact words, and the paragraph (¶) they stand in. I never make up a quote; if the article does not say, I tell you.',
      '',
      '**Commands**',
      '`/ask question:` any question · `/quotes speaker:` everything one person said · `/speakers` everyone quoted · `/topics` what the article covers · `/article` title, source, date, summary',
      'Right-click a message → **Apps → Ask the article** to ask with its text. You can also DM me a question, or mention me in a channel.',
      '',
      '**Try**',
      ...examples.map((e) => `• ${escapeText(e)}`),
    ].join('\n'),
  };
  return message([embed], [], true);
}

export function renderChoices(choices: Choice[]): { name: string; value: string }[] {
  return choices.slice(0, DISCORD_LIMITS.choices).map((c) => ({
    name: truncate(c.label, DISCORD_LIMITS.choiceName),
    value: c.value.slice(0, DISCORD_LIMITS.choiceValue),
  }));
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
  return { embeds: embeds.map(withinTotal), components, allowed_mentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** Drops trailing fields, then shortens the description, until the embed fits Discord's 6,000-character total. */
function withinTotal(embed: APIEmbed): APIEmbed {
  // Most embeds fit as they are: no copy then.
  if (embedCharacters([embed]) <= DISCORD_LIMITS.embedsTotal) return embed;
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
  return embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((f, field) => f + field.name.length + field.value.length, 0),
    0,
  );
}
