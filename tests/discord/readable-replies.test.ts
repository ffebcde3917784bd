import { describe, expect, it } from 'vitest';
import { ComponentType } from 'discord.js';
import { loadKnowledgeBase } from '../../src/data/load.js';
import { decodeCustomId } from '../../src/discord/custom-ids.js';
import { renderAnswer, VERBATIM_NOTE, type ReplyMessage } from '../../src/discord/render.js';
import { createAnswerEngine, type Answer, type AnswerItem, type ArticleRef } from '../../src/engine/index.js';
import { balanceQuotationMarks } from '../../src/text/quotation-marks.js';

/** Replies people want to read (issue 13): each test reads the rendered payload of a real question. */

const { articles } = loadKnowledgeBase();
const engine = createAnswerEngine(articles);
const article = articles[0];
if (!article) throw new Error('no bundled article');

function ask(question: string): { answer: Answer; message: ReplyMessage; text: string } {
  const answer = engine.answer(question);
  const message = renderAnswer(answer, { page: 0, view: { kind: 'ask', question }, ephemeral: true });
  return { answer, message, text: message.embeds[0]?.description ?? '' };
}

function headline(text: string): string {
  return text.split('\n')[0] ?? '';
}

function blockQuotes(text: string): string[] {
  return text.split('\n\n').flatMap((block) => {
    const lines = block.split('\n').filter((l) => l.startsWith('> '));
    return lines.length > 0 ? [lines.map((l) => l.slice(2)).join('\n')] : [];
  });
}

function citationLines(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('— '));
}

function buttonLabels(message: ReplyMessage): string[] {
  return message.components.flatMap((row) => row.components.flatMap((c) => (c.type === ComponentType.Button && 'label' in c ? [c.label ?? ''] : [])));
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('2. GIVEN a question in the asker’s own words THEN the headline names what the article matched, not the raw words', () => {
  it('WHEN asked "who spoke about venues" THEN the headline names the topic by its label, without the typed word in quotation marks', () => {
    const line = headline(ask('who spoke about venues').text);
    expect(line).toBe('**Alexei Polishchuk spoke about where talks could be held (venues and hosts).**');
  });

  it('WHEN asked "is there any talk about china" THEN the headline names the topic the evidence is filed under', () => {
    const line = headline(ask('is there any talk about china').text);
    expect(line).toContain('the Trump–Xi phone call');
    expect(line).not.toMatch(/[“”]/);
    expect(line).not.toContain('china');
  });

  it('WHEN the question is about a person THEN the headline names them by their canonical name', () => {
    expect(headline(ask('What did Putin say about Zelensky?').text)).toBe('**What Vladimir Putin said about Volodymyr Zelensky: 1 quote.**');
  });

  it('WHEN a description fits two people THEN the headline names both without repeating the words typed', () => {
    const line = headline(ask('WHAT DID THE PRESS SECRETARY SAY').text);
    expect(line).toMatch(/^\*\*That could mean Dmitry Peskov .* or Caroline Leavitt /);
    expect(line).not.toContain('PRESS SECRETARY');
  });

  it('WHEN the article does not name the person THEN the reply restates the name as typed, in its case, escaped', () => {
    expect(headline(ask('who is Merkel').text)).toMatch(/^\*\*The article doesn't mention Merkel\./);
    expect(headline(ask('who is Angela_Merkel?').text)).toMatch(/^\*\*The article doesn't mention Angela\\_Merkel\./);
    expect(headline(ask('who is Merkel').text)).not.toMatch(/[“”]/);
  });

  it('WHEN a topic is not covered THEN the reply restates it as typed, not lower-cased in quotation marks', () => {
    const line = headline(ask('what did Putin say about the Eiffel Tower').text);
    expect(line).toContain('not about Eiffel Tower');
    expect(line).not.toMatch(/[“”]/);
  });
});

describe('1. GIVEN answers that cite people THEN every citation is one short line and each role is given once', () => {
  it('WHEN three of Polishchuk’s quotes answer THEN his role appears once, with his first citation, and nowhere in the headline', () => {
    const { text } = ask('who spoke about venues');
    expect(count(text, 'Head of the Department for CIS countries')).toBe(1);
    const citations = citationLines(text);
    expect(citations).toHaveLength(3);
    expect(citations[0]).toMatch(/^— \*\*Alexei Polishchuk\*\*, Head of the Department for CIS countries of the Russian Foreign Ministry · ¶3 · reported$/);
    expect(citations[1]).toBe('— **Alexei Polishchuk** · ¶2 · direct quote');
    expect(citations[2]).toBe('— **Alexei Polishchuk** · ¶1 · reported');
  });

  it('WHEN a headline names several speakers THEN it names them without roles', () => {
    const line = headline(ask('who is quoted').text);
    expect(line).toContain('Alexei Polishchuk');
    expect(line).not.toContain('Head of the Department');
    expect(line).not.toContain('(');
  });

  it('WHEN the reply quotes one article THEN its title and source are shown once, in the header, and no citation names them', () => {
    const { message, text } = ask('who spoke about venues');
    expect(message.embeds[0]?.author?.name).toBe(`${article.source}, ${article.date} · ${article.title}`);
    expect(text).not.toContain(article.title);
    for (const citation of citationLines(text)) expect(citation).not.toContain(article.source);
    expect(message.embeds[0]?.footer?.text).not.toContain(article.title);
  });

  it('WHEN the quotes come from several articles THEN each citation names its article and no header names one', () => {
    const second: ArticleRef = { id: 'second', title: 'A second report', source: 'Other Wire', date: null };
    const [first] = engine.answer('who spoke about venues').items;
    if (!first) throw new Error('no item');
    const answer: Answer = { question: 'q', intent: 'who-said', found: true, summary: 'Two articles.', items: [first, { ...first, article: second }], suggestions: [] };
    const message = renderAnswer(answer, { page: 0, view: { kind: 'ask', question: 'q' }, ephemeral: true });
    const citations = citationLines(message.embeds[0]?.description ?? '');
    expect(citations[0]).toContain(`${article.source}: *${article.title.slice(0, 59)}`);
    expect(citations[1]).toContain('Other Wire: *A second report*');
    expect(message.embeds[0]?.author).toBeUndefined();
  });
});

describe('3. GIVEN evidence that repeats itself THEN each piece of text is shown once', () => {
  it('WHEN a quote lies inside another speaker’s quote THEN it is merged into the outer one, whose citation names both', () => {
    const { answer, text } = ask('is there any talk about china');
    const nested = answer.items.find((i) => i.speaker?.name === 'Donald Trump');
    expect(nested).toBeDefined();
    expect(blockQuotes(text).filter((q) => q.includes(nested?.quote ?? '∅'))).toHaveLength(1);
    expect(citationLines(text).some((c) => /^— \*\*Caroline Leavitt\*\*.*, reporting \*\*Donald Trump\*\*/.test(c))).toBe(true);
  });

  it('WHEN the same sentence comes as a quote and as article text THEN it is shown once, as the quote', () => {
    const [quote] = engine.answer('who spoke about venues').items;
    if (!quote) throw new Error('no item');
    const narration: AnswerItem = { ...quote, kind: 'narration', speaker: null, reportedBy: null, quoteId: null };
    const answer: Answer = { question: 'q', intent: 'passage-search', found: true, summary: 'Once.', items: [narration, quote], suggestions: [] };
    const text = renderAnswer(answer, { page: 0, view: { kind: 'ask', question: 'q' }, ephemeral: true }).embeds[0]?.description ?? '';
    expect(blockQuotes(text)).toHaveLength(1);
    expect(citationLines(text)).toHaveLength(1);
  });

  it('WHEN asked "who is Peskov" THEN his introduction is part of the identity, not a quoted item', () => {
    const { answer, text } = ask('who is Peskov');
    const introduction = answer.items.find((i) => i.introduction);
    expect(introduction).toBeDefined();
    expect(blockQuotes(text).some((q) => q.includes(introduction?.quote ?? '∅'))).toBe(false);
    expect(text.split('\n')[1]).toBe(`*Introduced in ¶${introduction?.paragraph}.*`);
  });

  it('WHEN several pieces of evidence stand in one paragraph THEN there is one "Show in context" button for it', () => {
    for (const question of ['is there any talk about china', 'who is Peskov', 'what did everyone say about negotiations', 'who is quoted']) {
      const labels = buttonLabels(ask(question).message).filter((l) => l.startsWith('Show in context'));
      expect(new Set(labels).size, question).toBe(labels.length);
    }
  });
});

describe('4. GIVEN a quoted span that starts or ends inside a quotation THEN the reader sees balanced quotation marks', () => {
  it('WHEN the best-known answer opens a quotation it does not close THEN the rendered quote closes it, and the stored span stays verbatim', () => {
    const { answer, text } = ask('who spoke about venues');
    const item = answer.items[0];
    expect(item?.quote).toBe(article.text.slice(item?.start, item?.end));
    expect(count(item?.quote ?? '', '“')).not.toBe(count(item?.quote ?? '', '”'));
    for (const quote of blockQuotes(text)) expect(count(quote, '“'), quote).toBe(count(quote, '”'));
  });

  it.each([
    ['grateful to “our partners for help', 'grateful to “our partners for help”'],
    ['our partners for help,” he said', '“our partners for help,” he said'],
    ['“A,” she said, “B.”', '“A,” she said, “B.”'],
    ['no marks at all', 'no marks at all'],
    ['he said "we agree', 'he said "we agree"'],
    ['we agree," he said', '"we agree," he said'],
  ])('balanceQuotationMarks(%j) = %j', (span, shown) => {
    expect(balanceQuotationMarks(span)).toBe(shown);
  });
});

describe('5. GIVEN replies with and without quotes THEN only those with quotes claim to quote verbatim', () => {
  it('WHEN the article does not answer THEN the footer says nothing about verbatim quotes', () => {
    const { message } = ask('who is Merkel');
    expect(message.embeds[0]?.footer?.text ?? '').not.toContain(VERBATIM_NOTE);
  });

  it('WHEN quotes are shown THEN the footer says they are verbatim article text', () => {
    expect(ask('who spoke about venues').message.embeds[0]?.footer?.text).toContain(VERBATIM_NOTE);
  });
});

describe('9. GIVEN a reply that suggests questions THEN each suggestion is a button that asks it', () => {
  it('WHEN the person is unknown THEN every suggestion is an "ask" button carrying the question', () => {
    const { answer, message } = ask('who is Merkel');
    const asks = message.components.flatMap((row) =>
      row.components.flatMap((c) => (c.type === ComponentType.Button && 'custom_id' in c ? [decodeCustomId(c.custom_id)] : [])),
    );
    expect(asks.filter((a) => a?.action === 'ask').map((a) => (a?.action === 'ask' ? a.question : ''))).toEqual(answer.suggestions.slice(0, 5));
  });
});
