import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIMessage } from 'discord.js';
import type * as CommandsModule from '../../src/commands/index.js';
import type { SlashCommand } from '../../src/commands/command.js';
import { autocomplete, button, slashCommand } from '../fake-discord/index.js';
import { descriptionOf, engineWith, flagsOf, realEngine, startBot, unanswered, type BotUnderTest } from './helpers.js';

/** Lets a test hold a slow command's work open until it says so: no sleeps, the test decides when. */
const gate = vi.hoisted(() => {
  let open: (outcome: 'answer' | 'fail') => void = () => undefined;
  let opened = new Promise<'answer' | 'fail'>((resolve) => (open = resolve));
  return {
    wait: () => opened,
    open: (outcome: 'answer' | 'fail') => open(outcome),
    reset: () => {
      opened = new Promise((resolve) => (open = resolve));
    },
  };
});

/** A test-only slow command beside the real ones (every real handler is synchronous). Production code is untouched. */
vi.mock('../../src/commands/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof CommandsModule>();
  const { renderAnswer } = await import('../../src/discord/render.js');
  const slow = {
    data: { name: 'slow', description: 'test only: answers when the test opens the gate' },
    isPrivate: () => true,
    async execute(_interaction, { engine }) {
      if ((await gate.wait()) === 'fail') throw new Error('the slow work failed');
      return renderAnswer(engine.answer('who spoke about venues'), { page: 0, view: { kind: 'ask', question: 'who spoke about venues' }, ephemeral: true });
    },
  } satisfies SlashCommand;
  return { ...original, commands: [...original.commands, slow] };
});

let failing = false;
const fail = () => {
  throw new Error('handler exploded');
};
const engine = engineWith({
  answer: (question, options) => (failing ? fail() : realEngine.answer(question, options)),
  quotesBy: (...args) => (failing ? fail() : realEngine.quotesBy(...args)),
  suggestSpeakers: (typed, limit) => (failing ? fail() : realEngine.suggestSpeakers(typed, limit)),
});

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBot({ engine, deferAfterMs: 100 });
});
afterAll(async () => {
  failing = false;
  await t?.close();
});

function expectApology(data: unknown, reference: string): void {
  expect(descriptionOf(data)).toMatch(/^Sorry, something went wrong/);
  expect(descriptionOf(data)).toContain(reference);
}

function expectErrorLogged(reference: string): void {
  expect(t.logs.parsed().some((l) => l['level'] === 50 && JSON.stringify(l).includes(reference))).toBe(true);
}

async function withFailingEngine<T>(work: () => Promise<T>): Promise<T> {
  failing = true;
  try {
    return await work();
  } finally {
    failing = false;
  }
}

describe('GIVEN a slow handler', () => {
  it('WHEN it has not answered after deferAfterMs THEN the reply is deferred (private) well before 3 s and the answer edited in', async () => {
    gate.reset();
    const handle = t.fake.sendInteraction(slashCommand('slow'));
    const deferral = await handle.waitForCallback();
    expect(deferral.callbackType).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(flagsOf(deferral.body && (deferral.body as { data?: unknown }).data)).toBe(MessageFlags.Ephemeral);
    gate.open('answer');
    const edit = await handle.waitForEdit();
    expect(descriptionOf(edit.data)).toContain('Polishchuk');
    const line = await t.logs.waitFor((l) => l.includes('"msg":"interaction"') && l.includes(handle.id), { what: 'the interaction log line' });
    expect(JSON.parse(line)).toMatchObject({ outcome: 'deferred' });
  });

  it('WHEN it fails after the deferral THEN the apology is edited in and the error logged with the interaction id', async () => {
    gate.reset();
    const handle = t.fake.sendInteraction(slashCommand('slow'));
    await handle.waitForCallback();
    gate.open('fail');
    const edit = await handle.waitForEdit();
    expectApology(edit.data, handle.id);
    expectErrorLogged(handle.id);
  });
});

describe('GIVEN a handler that throws', () => {
  it('WHEN /ask throws THEN the user gets a private apology with a reference, and the error is logged with the interaction id', async () => {
    const handle = t.fake.sendInteraction(slashCommand('ask', { question: 'who is peskov', public: true }));
    const callback = await withFailingEngine(() => handle.waitForCallback());
    expectApology(callback.data, handle.id);
    expect(flagsOf(callback.data) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expectErrorLogged(handle.id);
  });

  it('WHEN /quotes throws THEN the same', async () => {
    const handle = t.fake.sendInteraction(slashCommand('quotes', { speaker: 'maria-zakharova' }));
    expectApology((await withFailingEngine(() => handle.waitForCallback())).data, handle.id);
    expectErrorLogged(handle.id);
  });

  it('WHEN a button handler throws THEN the user gets a private apology', async () => {
    const first = t.fake.sendInteraction(slashCommand('ask', { question: 'who is quoted in the article?' }));
    await first.waitForCallback();
    const original = first.originalMessage() as APIMessage;
    const more = (original.components ?? [])
      .flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : []))
      .find((c) => c.label === 'More ▶');
    const press = t.fake.sendInteraction(button(more?.custom_id ?? 'pg:1:x', original));
    const callback = await withFailingEngine(() => press.waitForCallback());
    expectApology(callback.data, press.id);
    expectErrorLogged(press.id);
  });

  it('WHEN autocomplete throws THEN Discord gets an empty list (not an error) and the error is logged', async () => {
    const handle = t.fake.sendInteraction(autocomplete('quotes', { speaker: 'zak' }, 'speaker'));
    const callback = await withFailingEngine(() => handle.waitForCallback());
    expect(callback.callbackType).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect((callback.data as { choices: unknown[] }).choices).toEqual([]);
    expectErrorLogged(handle.id);
  });

  it('WHEN a DM answer throws THEN the user gets a short apology reply and the error is logged with the message id', async () => {
    const since = t.fake.checkpoint();
    const sent = t.fake.sendMessage({ content: 'who is peskov', dm: true });
    const reply = await withFailingEngine(() => t.fake.waitForBotMessage({ channelId: sent.message.channel_id, since }));
    expectApology(reply.body, sent.message.id);
    expectErrorLogged(sent.message.id);
  });

  it('WHEN a mention answer throws THEN the same, replying to the message', async () => {
    const since = t.fake.checkpoint();
    const sent = t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> who is peskov`, mentions: [t.fake.botUser] });
    const reply = await withFailingEngine(() => t.fake.waitForBotMessage({ channelId: t.fake.channel.id, since, action: 'create' }));
    expectApology(reply.body, sent.message.id);
    expect((reply.body as { message_reference?: { message_id: string } }).message_reference?.message_id).toBe(sent.message.id);
  });
});

describe('GIVEN malformed payloads from the gateway', () => {
  // Payloads that break discord.js itself before our handler runs are tried on the real process (process.test.ts).
  it('WHEN an INTERACTION_CREATE or MESSAGE_CREATE lacks fields our handlers read THEN nothing escapes and the next command is answered', async () => {
    const since = t.logs.lines.length;
    t.fake.dispatch('INTERACTION_CREATE', { id: '2', type: 3, application_id: t.fake.applicationId, token: 'y', version: 1, data: {} });
    t.fake.dispatch('MESSAGE_CREATE', { id: '3', channel_id: t.fake.channel.id, content: 'hi', author: { id: '4', username: 'x' }, mentions: [] });
    await t.logs.waitFor((l) => l.includes('"interaction":"2"') && l.includes('"msg":"interaction"'), { since, what: 'the malformed button interaction being handled' });
    const next = t.fake.sendInteraction(slashCommand('ask', { question: 'what did trump say' }));
    expect(descriptionOf((await next.waitForCallback()).data)).toContain('Donald Trump');
    expect(t.logs.count((l) => l.includes('gateway event handler failed'))).toBe(0);
  });
});

describe('GIVEN everything above', () => {
  it('THEN nothing was lost: every interaction got an answer, a notice or an apology', () => {
    const { sent, unanswered: missing } = unanswered(t.fake);
    expect(sent).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
