import { commandSet } from '../../src/commands/index.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIMessage,
  type APIMessageComponentInteraction,
} from 'discord.js';
import { loadKnowledgeBase } from '../../src/data/load.js';
import { handleButton } from '../../src/discord/buttons.js';
import { checkPassage, customIdForms, decodeCustomId, firstFittingForm, idRef, questionIsInMessage, type AnswerView, type ButtonAction } from '../../src/discord/custom-ids.js';
import { encodeCustomId, renderAnswer, type ReplyMessage } from '../../src/discord/render.js';
import { createAnswerEngine } from '../../src/engine/index.js';
import { message } from './interaction-kit.js';

const { articles } = loadKnowledgeBase();
const engine = createAnswerEngine(articles);
const services = { engine, articles, commands: commandSet() };

const BOT_ID = '111111111111111111';
const USER_ID = '222222222222222222';
const CHANNEL_ID = '333333333333333333';

/** The message a button sits on, as Discord sends it back in the interaction. */
function messageFrom(reply: ReplyMessage): APIMessage {
  return message(reply.content ?? '', reply);
}

/** A click on the button with `customId`, on `message`. */
function click(customId: string, message: APIMessage): APIMessageComponentInteraction {
  return {
    id: '555555555555555555',
    application_id: BOT_ID,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    channel: { id: CHANNEL_ID, type: ChannelType.DM },
    channel_id: CHANNEL_ID,
    user: { id: USER_ID, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null },
    token: 'interaction-token',
    version: 1,
    message,
    app_permissions: '0',
    locale: Locale.EnglishGB,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: USER_ID },
    context: InteractionContextType.BotDM,
    attachment_size_limit: 8_388_608,
  };
}

function buttonIds(message: ReplyMessage): Map<string, string> {
  const ids = new Map<string, string>();
  for (const row of message.components) {
    for (const component of row.components) {
      if (component.type === ComponentType.Button && 'custom_id' in component) ids.set(component.label ?? '', component.custom_id);
    }
  }
  return ids;
}

const askView: AnswerView = { kind: 'ask', question: 'who spoke about negotiations?' };
const quotesView: AnswerView = { kind: 'quotes', speaker: 'alexei-polishchuk', topic: 'venues' };
const quotesViewNoTopic: AnswerView = { kind: 'quotes', speaker: 'maria-zakharova', topic: undefined };

describe('GIVEN a button action', () => {
  it.each<[string, ButtonAction]>([
    ['a page of an asked question', { action: 'page', page: 2, view: askView }],
    ['page 0', { action: 'page', page: 0, view: askView }],
    ['the page before the first (a disabled Back)', { action: 'page', page: -1, view: askView }],
    ['a page of /quotes with a topic', { action: 'page', page: 1, view: quotesView }],
    ['a page of /quotes without a topic', { action: 'page', page: 3, view: quotesViewNoTopic }],
    ['posting an asked question', { action: 'post', page: 0, view: askView }],
    ['posting /quotes', { action: 'post', page: 4, view: quotesView }],
    ['a page of /quotes in one article', { action: 'page', page: 2, view: { kind: 'quotes', speaker: 'maria-zakharova', topic: undefined, article: 'russia-ukraine-negotiations' } }],
    ['an asked question in one article', { action: 'page', page: 1, view: { kind: 'ask', question: 'who is peskov', article: 'russia-ukraine-negotiations' } }],
    ['showing a quote in context', { action: 'context', article: 'russia-ukraine-negotiations', start: 123, end: 456, slot: 2 }],
    ['a question with colons, newlines and emoji', { action: 'page', page: 1, view: { kind: 'ask', question: 'who: said\n"this"? 🙂' } }],
  ])('WHEN %s is encoded THEN it decodes to the same action', (_name, action) => {
    const id = encodeCustomId(action) ?? '';
    expect(id.length).toBeGreaterThan(0);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(id)).toEqual(action);
  });

  it('WHEN any page, post or context action is encoded THEN the id is at most 100 characters', () => {
    const view = fc.oneof(
      fc.record({ kind: fc.constant('ask' as const), question: fc.string({ maxLength: 1000, unit: 'grapheme' }) }),
      fc.record({ kind: fc.constant('quotes' as const), speaker: fc.stringMatching(/^[a-z0-9-]{1,150}$/), topic: fc.option(fc.stringMatching(/^[a-z0-9-]{1,150}$/), { nil: undefined }) }),
    );
    const action: fc.Arbitrary<ButtonAction> = fc.oneof(
      fc.record({ action: fc.constantFrom('page' as const, 'post' as const), page: fc.integer({ min: -1, max: 10_000 }), view }),
      fc.record({
        action: fc.constant('context' as const),
        article: fc.stringMatching(/^[a-z0-9-]{1,150}$/),
        start: fc.nat(),
        end: fc.nat(),
        slot: fc.nat({ max: 4 }),
      }),
    );
    fc.assert(fc.property(action, (a) => (encodeCustomId(a) ?? '').length <= 100));
  });

  it('WHEN an asked question fits THEN the id carries it exactly', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 90 }), fc.integer({ min: -1, max: 99 }), (question, page) => {
        const action: ButtonAction = { action: 'page', page, view: { kind: 'ask', question } };
        const id = encodeCustomId(action);
        return id === undefined || JSON.stringify(decodeCustomId(id)) === JSON.stringify(action);
      }),
    );
  });

  it('WHEN the ids a button carries would make it longer than 100 characters THEN it still fits, carrying each id as its short reference', () => {
    const longSpeaker = 'maria-vladimirovna-zakharova-official-representative-of-the-foreign-ministry';
    const longTopic = 'the-decree-banning-negotiations-and-the-main-obstacles';
    const longArticle = `${'russia-says-many-countries-are-ready-to-negotiate-on-ukraine-'.repeat(2)}tass`;
    const cases: [ButtonAction, ButtonAction][] = [
      [
        { action: 'page', page: 1, view: { kind: 'quotes', speaker: longSpeaker, topic: longTopic } },
        { action: 'page', page: 1, view: { kind: 'quotes', speaker: idRef(longSpeaker), topic: idRef(longTopic) } },
      ],
      [
        { action: 'post', page: 0, view: { kind: 'quotes', speaker: `${longSpeaker}-${longSpeaker}`, topic: undefined } },
        { action: 'post', page: 0, view: { kind: 'quotes', speaker: idRef(`${longSpeaker}-${longSpeaker}`), topic: undefined } },
      ],
      [
        { action: 'context', article: longArticle, start: 10_000, end: 10_250, slot: 2 },
        { action: 'context', article: idRef(longArticle), start: 10_000, end: 10_250, slot: 2 },
      ],
      [
        { action: 'page', page: 2, view: { kind: 'ask', question: 'who spoke about venues?', article: longArticle } },
        { action: 'page', page: 2, view: { kind: 'ask', question: 'who spoke about venues?', article: idRef(longArticle) } },
      ],
    ];
    for (const [action, carried] of cases) {
      const id = encodeCustomId(action) ?? '';
      expect(id.length).toBeGreaterThan(0);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeCustomId(id)).toEqual(carried);
    }
  });

  it('THEN for every valid id, page and question (fast-check) the custom id fits in 100 characters and decodes to what it carries', () => {
    const validId = fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 20 }).map((parts) => parts.join('-'));
    const view: fc.Arbitrary<AnswerView> = fc.oneof(
      fc.record({ kind: fc.constant('ask' as const), question: fc.string({ minLength: 1, maxLength: 300 }), article: fc.option(validId, { nil: undefined }) }),
      fc.record({ kind: fc.constant('quotes' as const), speaker: validId, topic: fc.option(validId, { nil: undefined }), article: fc.option(validId, { nil: undefined }) }),
    ).map((v) => (v.article === undefined ? (({ article: _, ...rest }) => rest)(v) : v) as AnswerView);
    const action: fc.Arbitrary<ButtonAction> = fc.oneof(
      fc.record({ action: fc.constantFrom('page' as const, 'post' as const), page: fc.nat(999), view }),
      fc.record({ action: fc.constant('context' as const), article: validId, start: fc.nat(2_000_000), end: fc.nat(2_000_000), slot: fc.nat(9), check: fc.string().map(checkPassage) }),
    );
    fc.assert(
      fc.property(action, (a) => {
        const id = encodeCustomId(a);
        if (id === undefined || id.length > 100) return false;
        const decoded = decodeCustomId(id);
        if (!decoded || decoded.action !== a.action) return false;
        const carry = (value: string | undefined, by: string | undefined) => value === by || (value !== undefined && by === idRef(value));
        if (a.action === 'context') return decoded.action === 'context' && carry(a.article, decoded.article) && decoded.start === a.start && decoded.end === a.end && decoded.check === a.check;
        if ((decoded.action !== 'page' && decoded.action !== 'post') || (a.action !== 'page' && a.action !== 'post')) return false;
        if (decoded.page !== a.page || decoded.view.kind !== a.view.kind || !carry(a.view.article, decoded.view.article)) return false;
        if (a.view.kind === 'quotes' && decoded.view.kind === 'quotes') return carry(a.view.speaker, decoded.view.speaker) && carry(a.view.topic, decoded.view.topic);
        return a.view.kind === 'ask' && decoded.view.kind === 'ask' && (decoded.view.question === a.view.question || questionIsInMessage(decoded.view));
      }),
      { numRuns: 2000 },
    );
  });

  it('THEN for every action and length limit (fast-check) the first fitting form, made lazily, is the first of all its forms that fits', () => {
    const validId = fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('-'));
    const view: fc.Arbitrary<AnswerView> = fc.oneof(
      fc.record({ kind: fc.constant('ask' as const), question: fc.string({ minLength: 1, maxLength: 150 }), article: fc.option(validId, { nil: undefined }) }),
      fc.record({ kind: fc.constant('quotes' as const), speaker: validId, topic: fc.option(validId, { nil: undefined }), article: fc.option(validId, { nil: undefined }) }),
      fc.record({ kind: fc.constant('topic' as const), topic: validId, article: fc.option(validId, { nil: undefined }) }),
    ).map((v) => (v.article === undefined ? (({ article: _, ...rest }) => rest)(v) : v) as AnswerView);
    const action: fc.Arbitrary<ButtonAction> = fc.oneof(
      fc.record({ action: fc.constantFrom('page' as const, 'post' as const), page: fc.nat(999), view }),
      fc.record({ action: fc.constant('context' as const), article: validId, start: fc.nat(2_000_000), end: fc.nat(2_000_000), slot: fc.nat(9), check: fc.string().map(checkPassage) }),
      fc.record({ action: fc.constant('vote' as const), vote: fc.constantFrom('up' as const, 'down' as const), view: fc.record({ kind: fc.constant('ask' as const), question: fc.string({ maxLength: 150 }) }) }),
      fc.record({ action: fc.constant('ask' as const), question: fc.string({ maxLength: 150 }) }),
    );
    fc.assert(
      fc.property(action, fc.integer({ min: 0, max: 200 }), (a, max) => firstFittingForm(a, max) === customIdForms(a).find((id) => id.length <= max)),
      { numRuns: 3000 },
    );
  });
});

describe('GIVEN a 👍 or 👎 under an answer', () => {
  it('THEN for every question and article (fast-check) the id fits in 100 characters and decodes to the same vote on the same question, or on the question left in the message', () => {
    const validId = fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 20 }).map((parts) => parts.join('-'));
    fc.assert(
      fc.property(fc.constantFrom('up' as const, 'down' as const), fc.string({ minLength: 1, maxLength: 300 }), fc.option(validId, { nil: undefined }), (vote, question, article) => {
        const action: ButtonAction = { action: 'vote', vote, view: article === undefined ? { kind: 'ask', question } : { kind: 'ask', question, article } };
        const id = encodeCustomId(action);
        if (id === undefined || id.length > 100) return false;
        const decoded = decodeCustomId(id);
        if (decoded?.action !== 'vote' || decoded.vote !== vote) return false;
        if (article !== undefined && decoded.view.article !== article && decoded.view.article !== idRef(article)) return false;
        return decoded.view.question === question || questionIsInMessage(decoded.view);
      }),
      { numRuns: 1000 },
    );
  });

  it('THEN a found answer carries both, a declined one neither (it is logged as it is asked)', () => {
    const labels = (question: string) => renderAnswer(engine.answer(question), { page: 0, view: { kind: 'ask', question }, ephemeral: true }).components.flatMap((row) => row.components.map((c) => ('label' in c ? c.label : '')));
    expect(labels('what did Zakharova say?')).toEqual(expect.arrayContaining(['👍', '👎']));
    expect(labels('how many moons does the harbour cat own?')).not.toContain('👎');
  });
});

describe('GIVEN ids this version did not make', () => {
  it.each(['', 'hello', 'pg', 'pg:1', 'pg:x:a:question', 'pg:1:z:whatever', 'post:1', 'page:1:a:q', 'ctx:1:2:3:Not_An_Id', 'ctx:1:2:3:', 'ctx:a:b:c:article', 'PG:1:a:q', ' pg:1:a:q'])(
    'WHEN %j is decoded THEN it is undefined',
    (id) => {
      expect(decodeCustomId(id)).toBeUndefined();
    },
  );

  it('WHEN such a button is pressed THEN a private notice asks to ask again', () => {
    const reply = handleButton(click('legacy:button:v0', messageFrom(renderAnswer(engine.answer('who spoke about venues'), { page: 0, view: askView, ephemeral: true }))), services);
    expect(reply.update).toBe(false);
    expect(reply.message.flags).toBe(64);
    expect(reply.message.embeds[0]?.description).toMatch(/older version/);
  });
});

describe('GIVEN an asked question too long to fit in a custom id', () => {
  const question = 'what did everyone say about negotiations, readiness to negotiate, peace talks, dialogue and a settlement?';
  const answer = engine.answer(question);
  const first = renderAnswer(answer, { page: 0, view: { kind: 'ask', question }, ephemeral: true });
  const more = buttonIds(first).get('More ▶') ?? '';

  it('THEN the answer has more than one page (the premise of this test)', () => {
    expect(question.length).toBeGreaterThan(100);
    expect(answer.items.length).toBeGreaterThan(3);
    expect(more).not.toBe('');
  });

  it('THEN the More id leaves the question out and says so', () => {
    expect(more.length).toBeLessThanOrEqual(100);
    const decoded = decodeCustomId(more);
    expect(decoded?.action).toBe('page');
    expect(decoded && (decoded.action === 'page' || decoded.action === 'post') && questionIsInMessage(decoded.view)).toBe(true);
  });

  it('WHEN More is pressed THEN the question is read back from the footer and page 2 of the same answer replaces the message', () => {
    const reply = handleButton(click(more, messageFrom(first)), services);
    expect(reply.update).toBe(true);
    expect(reply.message).toEqual(renderAnswer(answer, { page: 1, view: { kind: 'ask', question }, ephemeral: true }));
    expect(reply.message.embeds[0]?.footer?.text).toMatch(/^Asked: what did everyone say about negotiations.* · page 2 of \d+ · quotes are verbatim article text$/);
  });

  it('WHEN Post to channel is pressed on page 2 THEN page 2 stays in place with Post disabled, and a public message with page 2 follows', () => {
    const second = renderAnswer(answer, { page: 1, view: { kind: 'ask', question }, ephemeral: true });
    const post = buttonIds(second).get('Post to channel') ?? '';
    const reply = handleButton(click(post, messageFrom(second)), services);
    expect(reply.update).toBe(true);
    expect(reply.message.embeds).toEqual(second.embeds);
    expect(buttonIds(reply.message).has('Post to channel')).toBe(false);
    expect(reply.followUp?.flags).toBeUndefined();
    expect(reply.followUp?.embeds[0]?.footer?.text).toContain('page 2 of');
  });

  it('WHEN the footer cannot be read THEN a notice asks to ask again', () => {
    const withoutFooter = messageFrom({ ...first, embeds: [{ description: 'edited away' }] });
    const reply = handleButton(click(more, withoutFooter), services);
    expect(reply.update).toBe(false);
    expect(reply.message.embeds[0]?.description).toMatch(/could not read the question/);
  });
});

describe('GIVEN a "Show in context" id for a passage of an article that changed since the answer', () => {
  const answer = engine.answer('who spoke about venues');
  const context = (check: string | undefined) => {
    const item = answer.items[0];
    const id = encodeCustomId({ action: 'context', article: item?.article.id ?? '', start: item?.start ?? 0, end: item?.end ?? 0, slot: 0, ...(check === undefined ? {} : { check }) }) ?? '';
    return handleButton(click(id, messageFrom(renderAnswer(answer, { page: 0, view: askView, ephemeral: true }))), services).message.embeds[0]?.description ?? '';
  };

  it('WHEN the passage at its offsets is still the quote THEN it is shown in context', () => {
    expect(context(checkPassage(answer.items[0]?.quote ?? ''))).toContain(answer.items[0]?.quote.slice(0, 40));
  });

  it('WHEN other words stand at its offsets now THEN a notice says the article changed, and no passage is shown', () => {
    const shown = context(checkPassage('the words quoted from the version before'));
    expect(shown).toMatch(/has changed since this answer/);
    expect(shown).not.toContain(answer.items[0]?.quote.slice(0, 40));
  });

  it('WHEN the id was made before passages carried a check THEN it is shown as before', () => {
    expect(context(undefined)).toContain(answer.items[0]?.quote.slice(0, 40));
  });
});

describe('GIVEN a "Show in context" id for an article that is gone', () => {
  it('THEN a notice says so', () => {
    const id = encodeCustomId({ action: 'context', article: 'no-such-article', start: 0, end: 10, slot: 0 }) ?? '';
    const reply = handleButton(click(id, messageFrom(renderAnswer(engine.answer('who spoke about venues'), { page: 0, view: askView, ephemeral: true }))), services);
    expect(reply.message.embeds[0]?.description).toMatch(/no longer in the knowledge base/);
  });
});
