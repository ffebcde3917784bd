import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ComponentType, InteractionResponseType } from 'discord.js';
import type * as CommandsModule from '../../src/commands/index.js';
import { commandDefinitions } from '../../src/commands/index.js';
import { loadKnowledgeBase } from '../../src/data/load.js';
import type { SlashCommand } from '../../src/commands/command.js';
import type { ReplyMessage } from '../../src/discord/render.js';
import { problemsWith } from '../reliability/discord-limits.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/engine/index.js';
import {
  GUILD_ID,
  USER,
  autocomplete,
  buttonId,
  choicesOf,
  click,
  description,
  footer,
  message,
  messageCommand,
  ping,
  reply,
  run,
  select,
  slash,
  type OptionValues,
  type Place,
} from './interaction-kit.js';

/**
 * Two test-only commands are added to the real command list, so the deferral path can be
 * exercised: every real command answers synchronously, and a synchronous handler can never be
 * overtaken by a timer. The real commands are untouched.
 */
vi.mock('../../src/commands/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof CommandsModule>();
  const { renderAnswer } = await import('../../src/discord/render.js');
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const slow = {
    data: { name: 'slow-ask', description: 'test only: answers after 100 ms' },
    isPrivate: () => true,
    async execute(_interaction, { engine }) {
      await pause(100);
      return renderAnswer(engine.answer('who spoke about venues'), { page: 0, view: { kind: 'ask', question: 'who spoke about venues' }, ephemeral: true });
    },
  } satisfies SlashCommand;
  const slowFailing = {
    data: { name: 'slow-fail', description: 'test only: fails after 100 ms' },
    isPrivate: () => false,
    async execute() {
      await pause(100);
      throw new Error('the slow work failed');
    },
  } satisfies SlashCommand;
  return { ...original, commands: [...original.commands, slow, slowFailing] };
});

const { articles } = loadKnowledgeBase();
const engine = createAnswerEngine(articles);


// ── /ask ────────────────────────────────────────────────────────────────────

describe('/ask', () => {
  it('GIVEN a question in a server THEN the answer is private (flag 64) with the cited quotes', async () => {
    const recorded = await run(slash('ask', { question: 'who spoke about venues?' }));
    const { type, data } = reply(recorded);
    expect(type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(data.flags).toBe(64);
    expect(description(data)).toContain('Polishchuk');
    expect(description(data)).toContain('¶');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(recorded.outcome).toBe('replied');
  });

  it('GIVEN public:true in a server THEN the answer is visible to the channel', async () => {
    const { data } = reply(await run(slash('ask', { question: 'who spoke about venues?', public: true })));
    expect(data.flags).toBeUndefined();
  });

  it('GIVEN public:false in a server THEN the answer is private', async () => {
    const { data } = reply(await run(slash('ask', { question: 'who spoke about venues?', public: false })));
    expect(data.flags).toBe(64);
  });

  it('GIVEN a question in a DM THEN the answer is not ephemeral', async () => {
    const { data } = reply(await run(slash('ask', { question: 'who spoke about venues?' }, 'dm')));
    expect(data.flags).toBeUndefined();
    expect(description(data)).toContain('Polishchuk');
  });

  it('THEN every interaction leaves one info line with its id, command and outcome', async () => {
    const interaction = slash('ask', { question: 'who spoke about venues?' });
    const recorded = await run(interaction);
    const line = recorded.logs.find((l) => l['msg'] === 'interaction');
    expect(line).toMatchObject({ interaction: interaction.id, command: 'ask', guild: GUILD_ID, user: USER.id, outcome: 'replied' });
    expect(typeof line?.['ms']).toBe('number');
  });
});

describe('GIVEN the bot remembers answers (ANSWER_CACHE_SIZE)', () => {
  const remembering = createAnswerEngine(articles, { answerCacheSize: 100 });
  const asks: [string, OptionValues, Place][] = [
    ['private in a server', { question: 'who spoke about venues?' }, 'guild'],
    ['public in a server', { question: 'who spoke about venues?', public: true }, 'guild'],
    ['in a DM', { question: 'who spoke about venues?' }, 'dm'],
    ['scoped to the article', { question: 'who spoke about venues?', article: articles[0]?.id ?? '' }, 'guild'],
    ['private again', { question: 'who spoke about venues?' }, 'guild'],
    ['public again', { question: 'who spoke about venues?', public: true }, 'guild'],
  ];

  it('THEN every reply, asked for the first time or again, private or public, is the one the bot gives without remembering', async () => {
    for (const [label, values, place] of asks) {
      const expected = reply(await run(slash('ask', values, place))).data;
      const remembered = reply(await run(slash('ask', values, place), { engine: remembering })).data;
      expect(remembered, label).toEqual(expected);
    }
  });

  it('THEN a private answer never turns public (or back) because the same question was asked the other way', async () => {
    for (let round = 0; round < 2; round++) {
      expect(reply(await run(slash('ask', { question: 'what did Zakharova say?' }), { engine: remembering })).data.flags).toBe(64);
      expect(reply(await run(slash('ask', { question: 'what did Zakharova say?', public: true }), { engine: remembering })).data.flags).toBeUndefined();
    }
  });
});

// ── /quotes ─────────────────────────────────────────────────────────────────

describe('/quotes', () => {
  it('GIVEN a speaker typed but not picked ("zaharova") THEN it is resolved to Maria Zakharova', async () => {
    const { data } = reply(await run(slash('quotes', { speaker: 'zaharova' })));
    expect(description(data)).toContain('Maria Zakharova');
    const zakharova = articles[0]?.quotes.find((q) => q.speaker === 'maria-zakharova');
    expect(zakharova).toBeDefined();
    expect(description(data)).toContain((zakharova?.text ?? '').slice(0, 40));
  });

  it('GIVEN a speaker nobody matches THEN a private notice points to /speakers', async () => {
    const { data } = reply(await run(slash('quotes', { speaker: 'qxzvjw' })));
    expect(description(data)).toMatch(/No speaker matches/);
    expect(description(data)).toContain('/speakers');
    expect(data.flags).toBe(64);
  });

  it('GIVEN a speaker and a topic typed by hand THEN only quotes on that topic are shown', async () => {
    const { data } = reply(await run(slash('quotes', { speaker: 'polishchuk', topic: 'venue' })));
    expect(description(data)).toContain('Alexei Polishchuk');
    expect(description(data)).toContain('Showing the quotes on Where talks could be held');
  });

  describe('GIVEN a speaker and a topic picked from the autocomplete lists (Discord then sends their values, the ids)', () => {
    const cases = engine.topics().flatMap((topic) => {
      const speaker = topic.speakers[0];
      return speaker ? [[topic.id, speaker.id, topic.label] as const] : [];
    });
    it.each(cases)('WHEN the topic %s is picked (with %s) THEN exactly that topic is shown', async (topicId, speakerId, label) => {
      const picked = { speaker: choicesOf(await run(autocomplete('quotes', { speaker: speakerId }, 'speaker')))[0]?.value ?? '', topic: topicId };
      expect(picked.speaker).toBe(speakerId);
      expect(choicesOf(await run(autocomplete('quotes', { speaker: speakerId, topic: label }, 'topic'))).map((c) => c.value)).toContain(topicId);
      const { data } = reply(await run(slash('quotes', picked)));
      expect(description(data)).toContain(`Showing the quotes on ${label}`);
      const expected = engine.quotesBy(speakerId, topicId).items.map((item) => item.quote.slice(0, 30));
      for (const start of expected) expect(description(data)).toContain(start.replace(/@/g, '@\u200b'));
    });

    it.each(engine.speakers().map((s) => [s.person.id] as const))('WHEN the speaker %s is picked THEN exactly that speaker is shown', async (speakerId) => {
      const { data } = reply(await run(slash('quotes', { speaker: speakerId })));
      const name = engine.speakers().find((s) => s.person.id === speakerId)?.person.name ?? '';
      expect(description(data)).toContain(name);
    });
  });

  describe('autocomplete', () => {
    it('GIVEN nothing typed THEN the most-quoted speakers come first, at most 25, names at most 100 characters', async () => {
      const recorded = await run(autocomplete('quotes', { speaker: '' }, 'speaker'));
      expect(recorded.responses[0]?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      const choices = choicesOf(recorded);
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      const counts = new Map(engine.speakers().map((s) => [s.person.id, s.quoteCount]));
      const shownCounts = choices.map((c) => counts.get(c.value) ?? -1);
      expect(shownCounts).toEqual([...shownCounts].sort((a, b) => b - a));
      expect(choices[0]?.value).toBe('alexei-polishchuk');
      expect(recorded.outcome).toBe('autocomplete');
    });

    it('GIVEN "spokes" THEN Zakharova is among the first choices', async () => {
      const choices = choicesOf(await run(autocomplete('quotes', { speaker: 'spokes' }, 'speaker')));
      expect(choices.slice(0, 3).map((c) => c.value)).toContain('maria-zakharova');
    });

    it('GIVEN the topic option is focused THEN topics are suggested', async () => {
      const choices = choicesOf(await run(autocomplete('quotes', { speaker: 'maria-zakharova', topic: 'decre' }, 'topic')));
      expect(choices[0]?.value).toBe('decree-ban');
    });

    it('GIVEN a speaker is chosen THEN the topic list offers only topics they spoke on, and nothing else', async () => {
      for (const { person, topics } of engine.speakers()) {
        const offered = choicesOf(await run(autocomplete('quotes', { speaker: person.id, topic: '' }, 'topic'))).map((c) => c.value);
        expect(offered.length, person.id).toBeGreaterThan(0);
        expect(offered.filter((t) => !topics.includes(t)), person.id).toEqual([]);
      }
      // Zakharova is quoted on the decree and on negotiating, not on the Trump–Xi call: typing "call" offers nothing.
      expect(choicesOf(await run(autocomplete('quotes', { speaker: 'maria-zakharova', topic: 'call' }, 'topic')))).toEqual([]);
      expect(choicesOf(await run(autocomplete('quotes', { speaker: 'donald-trump', topic: 'call' }, 'topic'))).map((c) => c.value)).toEqual(['trump-xi-call']);
    });

    it.each([
      ['merk', []],
      ['xyz', []],
      ['pesk', ['dmitry-peskov']],
      ['zahar', ['maria-zakharova']],
    ] as const)('GIVEN "%s" typed THEN only people whose name, alias or role word starts so (or nearly) are offered: %j', async (typed, expected) => {
      const choices = choicesOf(await run(autocomplete('quotes', { speaker: typed }, 'speaker')));
      expect(choices.map((c) => c.value)).toEqual(expected);
    });

    it('GIVEN autocomplete for a command without it THEN the choices are empty', async () => {
      expect(choicesOf(await run(autocomplete('ask', { question: 'who' }, 'question')))).toEqual([]);
    });
  });
});

// ── buttons ─────────────────────────────────────────────────────────────────

describe('GIVEN an answer with more than one page', () => {
  const question = 'who spoke about negotiations';
  let first: ReplyMessage;
  beforeAll(async () => {
    first = reply(await run(slash('ask', { question }))).data;
  });

  it('WHEN More is pressed THEN the message is updated (type 7) to page 2, still private', async () => {
    const more = buttonId(first, 'More');
    const recorded = await run(click(more, message('', first)));
    const { type, data } = reply(recorded);
    expect(type).toBe(InteractionResponseType.UpdateMessage);
    expect(footer(data)).toMatch(/page 2 of \d+/);
    expect(data.flags).toBe(64);
    expect(recorded.logs.find((l) => l['msg'] === 'interaction')).toMatchObject({ customId: more, outcome: 'replied' });
  });

  it('WHEN "Show in context" is pressed THEN a private reply shows the whole paragraph with the quote in bold', async () => {
    const { data } = reply(await run(click(buttonId(first, 'Show in context'), message('', first))));
    const article = articles[0];
    const item = engine.answer(question).items[0];
    const paragraph = article?.paragraphs.find((p) => p.number === item?.paragraph);
    expect(article && item && paragraph).toBeTruthy();
    if (!article || !item || !paragraph) return;
    expect(data.flags).toBe(64);
    expect(data.embeds[0]?.title).toContain(`¶${item.paragraph}`);
    const text = description(data);
    expect(text).toContain(`**${item.quote.slice(0, 30)}`);
    expect(text.replace(/\*\*/g, '').replace(/\\(.)/g, '$1')).toBe(article.text.slice(paragraph.start, paragraph.end));
  });

  it('WHEN "Post to channel" is pressed THEN the private message keeps its answer with the button disabled, and a public follow-up carries the same page, naming who shared it without a ping', async () => {
    const recorded = await run(click(buttonId(first, 'Post to channel'), message('', first)));
    const { type, data } = reply(recorded);
    expect(type).toBe(InteractionResponseType.UpdateMessage);
    expect(description(data)).toBe(description(first));
    const posted = data.components.flatMap((row) => row.components).find((c) => 'label' in c && c.label === 'Posted to channel');
    expect(posted && 'disabled' in posted ? posted.disabled : undefined).toBe(true);
    expect(recorded.calls).toEqual([`respond:${InteractionResponseType.UpdateMessage}`, 'followUp']);
    const [post] = recorded.followUps;
    expect(post?.flags).toBeUndefined();
    expect(post && description(post)).toBe(description(first));
    expect(post?.content).toMatch(/^Shared by <@\d+>$/);
    expect(post?.allowed_mentions).toEqual({ parse: [] });
  });
});

// ── the message context menu ────────────────────────────────────────────────

describe('"Ask the article" on a message', () => {
  it('GIVEN a message that asks a question (with a mention) THEN its text is answered, privately in a server', async () => {
    const { data } = reply(await run(messageCommand(message('<@123456789012345678> who spoke about venues?'))));
    expect(description(data)).toContain('Polishchuk');
    expect(footer(data)).toContain('Asked: who spoke about venues?');
    expect(data.flags).toBe(64);
  });

  it('GIVEN the same in a DM THEN the answer is not ephemeral', async () => {
    const { data } = reply(await run(messageCommand(message('who spoke about venues?'), 'dm')));
    expect(data.flags).toBeUndefined();
  });

  it('GIVEN a message with no text THEN a notice says so', async () => {
    const { data } = reply(await run(messageCommand(message('<@123456789012345678>'))));
    expect(description(data)).toMatch(/no text/);
  });
});

// ── the other commands ──────────────────────────────────────────────────────

describe('the list commands', () => {
  it.each([
    ['speakers', 'Everyone quoted'],
    ['topics', 'Topics covered'],
    ['about', 'Russia says many countries'],
    ['help', 'Ask the article'],
  ] as const)('/%s THEN replies with "%s", privately in a server unless public is chosen, and publicly in a DM', async (name, title) => {
    const { data } = reply(await run(slash(name)));
    expect(data.embeds[0]?.title).toContain(title);
    expect(data.flags).toBe(64);
    expect(reply(await run(slash(name, { public: true }))).data.flags).toBeUndefined();
    expect(reply(await run(slash(name, {}, 'dm'))).data.flags).toBeUndefined();
  });

  it.each(['speakers', 'topics', 'about'] as const)(
    'WHEN "Post to channel" is pressed under a private /%s THEN the channel gets the same list once, naming who shared it without a ping, and the button is disabled',
    async (name) => {
      const first = reply(await run(slash(name))).data;
      expect(first.flags).toBe(64);
      const recorded = await run(click(buttonId(first, 'Post to channel'), message('', first)));
      const { type, data } = reply(recorded);
      expect(type).toBe(InteractionResponseType.UpdateMessage);
      expect(data.embeds).toEqual(first.embeds);
      const posted = data.components.flatMap((row) => row.components).find((c) => 'label' in c && c.label === 'Posted to channel');
      expect(posted && 'disabled' in posted ? posted.disabled : undefined).toBe(true);
      const [post] = recorded.followUps;
      expect(post?.flags).toBeUndefined();
      expect(post?.embeds).toEqual(first.embeds);
      expect(post?.content).toMatch(/^Shared by <@\d+>$/);
      expect(post?.allowed_mentions).toEqual({ parse: [] });
      // The public list has no Post button of its own (it is already in the channel), but keeps its menu.
      const labels = (post?.components ?? []).flatMap((row) => row.components).map((c) => ('label' in c ? c.label : c.type));
      expect(labels).not.toContain('Post to channel');
      // A public list (public:true or a DM) has no Post button either.
      const publicLabels = reply(await run(slash(name, { public: true }))).data.components.flatMap((row) => row.components).map((c) => ('label' in c ? c.label : ''));
      expect(publicLabels).not.toContain('Post to channel');
    },
  );

  it('THEN every command for members offers the same public option (an admin’s /report stays private)', () => {
    for (const definition of commandDefinitions()) {
      if ('type' in definition && definition.type === 3) continue; // a message menu has no options
      if (definition.default_member_permissions) {
        expect(('options' in definition ? (definition.options ?? []) : []).some((o) => o.name === 'public'), `/${definition.name}`).toBe(false);
        continue;
      }
      const option = ('options' in definition ? (definition.options ?? []) : []).find((o) => o.name === 'public');
      expect(option, `/${definition.name}`).toEqual({ type: 5, name: 'public', description: 'Show the answer to everyone in the channel (default: only you)' });
    }
  });
});

describe('GIVEN small talk instead of a question', () => {
  it.each(['help', 'hi', 'Hello!', '?'])('WHEN /ask question: %s THEN the short help comes back, privately, with three examples as buttons', async (question) => {
    const { data } = reply(await run(slash('ask', { question })));
    expect(data.embeds[0]?.title).toBe('Ask the article');
    expect(data.flags).toBe(64);
    const asks = data.components.flatMap((row) => row.components).filter((c) => c.type === ComponentType.Button);
    expect(asks).toHaveLength(3);
  });

  it('WHEN "Ask the article" is used on a message that says "hi @bot" THEN the short help comes back', async () => {
    const { data } = reply(await run(messageCommand(message('hi <@123456789012345678>'))));
    expect(data.embeds[0]?.title).toBe('Ask the article');
  });

  it('WHEN a real question merely starts with a greeting THEN it is answered', async () => {
    const { data } = reply(await run(slash('ask', { question: 'hi, who spoke about venues?' })));
    expect(data.embeds[0]?.title).toBeUndefined();
    expect(description(data)).toContain('Polishchuk');
  });
});

describe('the menus under /speakers and /topics', () => {
  function menuOf(data: ReplyMessage): { custom_id: string; options: { label: string; value: string }[] } {
    const menu = data.components.flatMap((row) => row.components).find((c) => c.type === ComponentType.StringSelect);
    if (!menu || menu.type !== ComponentType.StringSelect) throw new Error('no select menu');
    return menu;
  }

  it('WHEN a speaker is picked from /speakers THEN their quotes open, privately', async () => {
    const menu = menuOf(reply(await run(slash('speakers'))).data);
    expect(menu.options.map((o) => o.value)).toEqual(engine.speakers().map((s) => s.person.id));
    const picked = reply(await run(select(menu.custom_id, 'maria-zakharova', message('', reply(await run(slash('speakers'))).data)))).data;
    expect(picked.flags).toBe(64);
    expect(description(picked)).toMatch(/^\*\*Maria Zakharova is quoted once/);
  });

  it('WHEN a topic is picked from /topics THEN every quote on it opens, with its speakers', async () => {
    const topics = reply(await run(slash('topics'))).data;
    const menu = menuOf(topics);
    const topic = engine.topics().find((t) => t.id === 'venues');
    expect(menu.options.map((o) => o.label)).toContain(topic?.label);
    const picked = reply(await run(select(menu.custom_id, 'venues', message('', topics)))).data;
    expect(description(picked)).toMatch(/^\*\*3 quotes on where talks could be held \(venues and hosts\), from Alexei Polishchuk\.\*\*/);
    expect(description(picked)).toContain('> ');
  });
});

describe('/help', () => {
  it('THEN every example question it suggests has an answer in the article', async () => {
    const { data } = reply(await run(slash('help')));
    const examples = (description(data).split('**Try**\n')[1] ?? '')
      .split('\n\n')[0]
      ?.split('\n')
      .map((line) => line.replace(/^• /, '')) ?? [];
    expect(examples).toHaveLength(3);
    const unanswered = examples.filter((q) => !engine.answer(q).found);
    expect(unanswered, 'examples the engine does not answer').toEqual([]);
  });
});

describe('GIVEN something the bot cannot answer', () => {
  it('WHEN the command is unknown THEN a notice says it may have been removed', async () => {
    const recorded = await run(slash('no-such-command'));
    expect(description(reply(recorded).data)).toMatch(/do not know that command/);
    expect(recorded.outcome).toBe('unknown');
  });

  it('WHEN Discord pings THEN the bot pongs', async () => {
    const recorded = await run(ping());
    expect(recorded.responses).toEqual([{ type: InteractionResponseType.Pong }]);
    expect(recorded.outcome).toBe('pong');
  });
});

// ── failures ────────────────────────────────────────────────────────────────

/** An engine whose every question fails, as a bug deep inside it would. */
function brokenEngine(): AnswerEngine {
  return {
    articles: engine.articles,
    hasSpeaker: (id) => engine.hasSpeaker(id),
    hasTopic: (id) => engine.hasTopic(id),
    suggestArticles: (typed, limit) => engine.suggestArticles(typed, limit),
    answer: () => {
      throw new Error('engine exploded');
    },
    quotesBy: (speaker, topic) => engine.quotesBy(speaker, topic),
    speakers: () => engine.speakers(),
    topics: () => engine.topics(),
    suggestSpeakers: () => {
      throw new Error('suggestions exploded');
    },
    suggestTopics: (typed, limit) => engine.suggestTopics(typed, limit),
  };
}

describe('GIVEN a command whose work throws', () => {
  it('THEN the user gets a private apology carrying the interaction id, and an error line is logged with it', async () => {
    const interaction = slash('ask', { question: 'who spoke about venues?' }, 'dm');
    const recorded = await run(interaction, { engine: brokenEngine() });
    const { type, data } = reply(recorded);
    expect(type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(data.flags).toBe(64);
    expect(description(data)).toMatch(/^Sorry, something went wrong/);
    expect(description(data)).toContain(interaction.id);
    const errorLine = recorded.logs.find((l) => l['level'] === 50);
    expect(errorLine).toMatchObject({ interaction: interaction.id, command: 'ask' });
    expect(JSON.stringify(errorLine)).toContain('engine exploded');
    expect(recorded.outcome).toBe('error');
  });

  it('WHEN the interaction id is forged to 10,000 characters THEN the apology still fits Discord’s limits, with a short reference, and the log keeps the whole id', async () => {
    const forged = { ...slash('ask', { question: 'who spoke about venues?' }, 'dm'), id: `9${'8'.repeat(9_999)}` };
    const recorded = await run(forged, { engine: brokenEngine() });
    const { data } = reply(recorded);
    expect(problemsWith(data)).toEqual([]);
    expect(description(data)).toMatch(/^Sorry, something went wrong while answering\. It has been logged \(ref `98{30}…`\)/);
    expect(recorded.logs.find((l) => l['level'] === 50)).toMatchObject({ interaction: forged.id });
  });

  it('WHEN autocomplete throws THEN Discord still gets an (empty) list of choices', async () => {
    const recorded = await run(autocomplete('quotes', { speaker: 'zak' }, 'speaker'), { engine: brokenEngine() });
    expect(choicesOf(recorded)).toEqual([]);
    expect(recorded.logs.some((l) => l['level'] === 50)).toBe(true);
  });
});

describe('GIVEN a command slower than deferAfterMs', () => {
  it('THEN the reply is deferred (type 5, keeping the privacy) and the answer edited in', async () => {
    const recorded = await run(slash('slow-ask'), { deferAfterMs: 20 });
    expect(recorded.calls).toEqual([`respond:${InteractionResponseType.DeferredChannelMessageWithSource}`, 'edit']);
    expect(recorded.responses[0]).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: 64 } });
    const edit = recorded.edits[0];
    expect(edit?.flags).toBeUndefined();
    expect(description(edit ?? { embeds: [], components: [], allowed_mentions: { parse: [] } })).toContain('Polishchuk');
    expect(recorded.outcome).toBe('deferred');
  });

  it('THEN a quick command is not deferred', async () => {
    const recorded = await run(slash('ask', { question: 'who spoke about venues?' }), { deferAfterMs: 1000 });
    expect(recorded.calls).toEqual([`respond:${InteractionResponseType.ChannelMessageWithSource}`]);
  });

  it('WHEN the slow work then fails THEN the apology is edited in, and it and the error line both carry the interaction id', async () => {
    const interaction = slash('slow-fail');
    const recorded = await run(interaction, { deferAfterMs: 20 });
    expect(recorded.calls).toEqual([`respond:${InteractionResponseType.DeferredChannelMessageWithSource}`, 'edit']);
    expect(description(recorded.edits[0] ?? { embeds: [], components: [], allowed_mentions: { parse: [] } })).toMatch(/^Sorry, something went wrong/);
    expect(recorded.outcome).toBe('error');
    const errorLine = recorded.logs.find((l) => l['level'] === 50);
    expect(JSON.stringify(errorLine)).toContain('the slow work failed');
    expect(errorLine?.['interaction'], 'the error line names the interaction').toBe(interaction.id);
    expect(description(recorded.edits[0] ?? { embeds: [], components: [], allowed_mentions: { parse: [] } }), 'the apology reference').toContain(interaction.id);
  });
});
