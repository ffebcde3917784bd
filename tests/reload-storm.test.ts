import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord.js';
import { openKnowledgeBase, type OpenKnowledgeBase } from '../src/bootstrap.js';
import { ingestFile } from '../src/cli/ingest-article.js';
import { BUNDLED_ARTICLES_DIR, DEFAULT_ARTICLE_MAX_BYTES } from '../src/data/load.js';
import { checkPassage } from '../src/discord/custom-ids.js';
import { startGatewayBot, type GatewayBot } from '../src/discord/gateway-bot.js';
import { createInteractionsServer } from '../src/http/interactions-server.js';
import { ed25519PublicKey } from '../src/http/signature.js';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { autocomplete, button, slashCommand, startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { LogCapture, noThrottle, unanswered } from './reliability/helpers.js';
import { TRAM_ID, TRAM_QUESTION, TRAM_SPEAKER, TRAM_V1, TRAM_V2 } from './support/reload-articles.js';
import { buttons, citations, quotedPassages, textOf, viaGateway, viaHttp, type Reply, type Surface } from './support/surfaces.js';
import { commandSet } from '../src/commands/index.js';
import { isShownArticleText } from './support/shown-quote.js';

/**
 * Questions keep arriving through the gateway bot and the HTTP endpoint while an article is added,
 * changed and removed again and again. No reply may be an error, and none may be mixed.
 *
 * "Mixed", precisely: every interaction is logged with the generation of the knowledge base it
 * was answered from (`knowledge` on its "interaction" line). Its reply is whole when everything in
 * it is true of that one generation: each cited passage is that generation's text of the cited
 * article at the cited offsets, an article or speaker is shown or suggested exactly when that
 * generation has it, and a "Show in context" button shows that generation's passage or says it is
 * gone. The generation must also be one that was current while the interaction was in flight.
 */

const work = mkdtempSync(join(tmpdir(), 'reload-storm-'));
const articlesDir = join(work, 'articles');
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
const logs = new LogCapture();
const generations = new Map<number, KnowledgeBase>();

let opened: OpenKnowledgeBase;
let fake: FakeDiscord;
let bot: GatewayBot;
let server: Server;
let surfaces: Surface[] = [];

beforeAll(async () => {
  mkdirSync(articlesDir);
  for (const ext of ['json', 'txt']) copyFileSync(join(BUNDLED_ARTICLES_DIR, `russia-ukraine-negotiations.${ext}`), join(articlesDir, `russia-ukraine-negotiations.${ext}`));
  const logger = await logs.productionLogger([]);
  // The answer cache is on, as in production: a remembered answer must never outlive its generation.
  opened = await openKnowledgeBase(articlesDir, logger, { debounceMs: 50, rescanMs: 0, answerCacheSize: 1000 });
  const { knowledge, reloader } = opened;
  generations.set(1, knowledge.current());
  knowledge.onSwap((kb) => generations.set(kb.generation, kb));
  reloader.start();
  fake = await startFakeDiscord();
  bot = await startGatewayBot({ knowledge, commands: commandSet(), token: fake.token, apiUrl: fake.apiUrl, logger, buildIdentifyThrottler: noThrottle });
  server = createInteractionsServer({ knowledge, commands: commandSet(), publicKey: ed25519PublicKey(publicKeyHex), logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  surfaces = [viaGateway(fake), viaHttp(() => port, privateKey)];
}, 30_000);

afterAll(async () => {
  await opened?.reloader.stop();
  await bot?.stop();
  await new Promise((resolve) => server?.close(resolve));
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Asked {
  surface: string;
  kind: Kind;
  reply: Reply;
  /** The generation current when it was sent, and when its reply came back. */
  before: number;
  after: number;
  /** For a "Show in context" press: the reply whose button was pressed. */
  pressed?: Reply;
}

const KINDS = ['ask', 'ask-other', 'speakers', 'autocomplete', 'context'] as const;
type Kind = (typeof KINDS)[number];
const asked: Asked[] = [];
let churning = true;
let onAsked: (() => void) | undefined;

/** One user asking over and over, each kind of question in turn, until the churn ends. */
async function storm(surface: Surface, offset: number): Promise<void> {
  for (let i = offset; churning; i++) {
    const kind = KINDS[i % KINDS.length] as Kind;
    const withContext = asked.filter((a) => a.surface === surface.name && buttons(a.reply).some((b) => b.customId.startsWith('ctx:')));
    const pressed = kind === 'context' ? withContext[i % Math.max(1, withContext.length)]?.reply : undefined;
    if (kind === 'context' && !pressed) continue;
    const before = opened.knowledge.current().generation;
    const reply = await surface.send(
      kind === 'ask'
        ? slashCommand('ask', { question: TRAM_QUESTION })
        : kind === 'ask-other'
          ? slashCommand('ask', { question: 'who spoke about venues?' })
          : kind === 'speakers'
            ? slashCommand('speakers')
            : kind === 'autocomplete'
              ? autocomplete('ask', { question: 'fares', article: 'velmora tram' }, 'article')
              : button(buttons(pressed as Reply).find((b) => b.customId.startsWith('ctx:'))?.customId ?? '', (pressed as Reply).message),
    );
    asked.push({ surface: surface.name, kind, reply, before, after: opened.knowledge.current().generation, ...(pressed ? { pressed } : {}) });
    onAsked?.();
  }
}

/** Resolves once `count` more replies have come back. */
function moreReplies(count: number): Promise<void> {
  const target = asked.length + count;
  return new Promise((resolve) => {
    onAsked = () => {
      if (asked.length >= target) resolve();
    };
  });
}

/** Makes a change to the directory and waits until it is swapped in, then until questions were answered from it. */
async function change(work: () => unknown): Promise<void> {
  const generation = opened.knowledge.current().generation;
  const swapped = new Promise<void>((resolve) => {
    const off = opened.knowledge.onSwap((kb) => {
      if (kb.generation > generation) {
        off();
        resolve();
      }
    });
  });
  await work();
  await swapped;
  await moreReplies(2 * KINDS.length);
}

const ingest = async (version: { text: string }, force: boolean) => {
  const file = join(work, `${TRAM_ID}.txt`);
  writeFileSync(file, version.text);
  await ingestFile(file, TRAM_ID, { dir: articlesDir, maxBytes: DEFAULT_ARTICLE_MAX_BYTES, force, dryRun: false });
};

/** The generation each interaction was answered from, by its id, as logged. */
function loggedGenerations(): Map<string, number> {
  return new Map(logs.parsed().flatMap((l) => (l['msg'] === 'interaction' ? [[String(l['interaction']), Number(l['knowledge'])] as const] : [])));
}

/** Everything in a reply that must be true of the generation it was answered from; returns what is not. */
function problemsWith(entry: Asked, knowledge: KnowledgeBase): string[] {
  const { reply, kind } = entry;
  const problems: string[] = [];
  const tram = knowledge.articles.find((a) => a.id === TRAM_ID);
  const text = textOf(reply);
  if (/something went wrong/.test(text)) problems.push('an error reply');
  const passages = quotedPassages(reply);
  citations(reply).forEach((cited, i) => {
    const article = knowledge.articles.find((a) => a.id === cited.article);
    const passage = passages[i] ?? '';
    if (!article) problems.push(`cites ${cited.article}, not in this generation`);
    // The reply may add a quotation mark to balance one the span cuts through (issue 13); the words are the span's.
    else if (!isShownArticleText(passage, [article.text.slice(cited.start, cited.end)])) problems.push(`quotes “${passage}”, not this generation's text of ${cited.article} at ${cited.start}-${cited.end}`);
  });
  const citesTram = citations(reply).some((c) => c.article === TRAM_ID);
  if (kind === 'ask' && citesTram !== (tram !== undefined)) problems.push(`the tram article is ${tram ? 'in' : 'not in'} this generation, but the answer ${citesTram ? 'cites' : 'does not cite'} it`);
  if (kind === 'ask-other' && !text.includes('Polishchuk')) problems.push('the bundled article did not answer');
  if (kind === 'speakers' && text.includes(TRAM_SPEAKER) !== (tram !== undefined)) problems.push(`/speakers ${tram ? 'misses' : 'lists'} ${TRAM_SPEAKER}`);
  if (kind === 'autocomplete' && (reply.data.choices ?? []).some((c) => c.value === TRAM_ID) !== (tram !== undefined)) problems.push(`autocomplete ${tram ? 'misses' : 'offers'} the tram article`);
  if (kind === 'context') {
    const cited = citations(entry.pressed as Reply)[0];
    const article = knowledge.articles.find((a) => a.id === cited?.article);
    const custom = buttons(entry.pressed as Reply).find((b) => b.customId.startsWith('ctx:'))?.customId ?? '';
    const expected = !article
      ? 'no longer in the knowledge base'
      : custom.endsWith(`:${checkPassage(article.text.slice(cited?.start ?? 0, cited?.end ?? 0))}`)
        ? `¶`
        : 'has changed since this answer';
    if (!text.includes(expected)) problems.push(`context press: expected “${expected}”`);
  }
  return problems;
}

describe('GIVEN questions arriving through both surfaces while an article is added, changed and removed, three times over', () => {
  it('THEN every question gets a reply, none is an error, and each is answered entirely from one generation current while it was in flight', async () => {
    const storms = surfaces.flatMap((surface) => [storm(surface, 0), storm(surface, 2)]);
    await moreReplies(KINDS.length);
    for (let round = 0; round < 3; round++) {
      await change(() => ingest(TRAM_V1, false));
      await change(() => ingest(TRAM_V2, true));
      await change(() => {
        rmSync(join(articlesDir, `${TRAM_ID}.json`));
        rmSync(join(articlesDir, `${TRAM_ID}.txt`));
      });
    }
    churning = false;
    await Promise.all(storms);

    expect(generations.size).toBe(10);
    // Each handler logs its line once its reply is sent: the last ones may still be on their way.
    await Promise.all(asked.map((a) => logs.waitFor((l) => l.includes('"msg":"interaction"') && l.includes(`"interaction":"${a.reply.id}"`), { what: `the log line of ${a.reply.id}` })));
    const answeredFrom = loggedGenerations();
    const wrong = asked.flatMap((entry) => {
      const generation = answeredFrom.get(entry.reply.id);
      const knowledge = generation === undefined ? undefined : generations.get(generation);
      if (!knowledge || generation === undefined) return [`${entry.surface} ${entry.kind}: no generation logged`];
      if (generation < entry.before || generation > entry.after) return [`${entry.surface} ${entry.kind}: generation ${generation} was not current while it was asked (${entry.before}-${entry.after})`];
      const validType = entry.kind === 'autocomplete' ? InteractionResponseType.ApplicationCommandAutocompleteResult : InteractionResponseType.ChannelMessageWithSource;
      if (entry.reply.type !== validType) return [`${entry.surface} ${entry.kind}: response type ${entry.reply.type}`];
      return problemsWith(entry, knowledge).map((p) => `${entry.surface} ${entry.kind} (generation ${generation}): ${p}`);
    });
    expect(wrong).toEqual([]);
    if (process.env.RELIABILITY_STATS) process.stdout.write(`[stats] ${asked.length} replies over ${generations.size} generations\n`);
    // Questions were answered from every generation, through both surfaces, and all kinds were asked.
    expect(new Set(asked.map((a) => answeredFrom.get(a.reply.id))).size).toBe(10);
    expect(new Set(asked.map((a) => a.surface)).size).toBe(2);
    expect(new Set(asked.map((a) => a.kind))).toEqual(new Set(KINDS));
    expect(unanswered(fake).unanswered).toEqual([]);
    expect(logs.count((l) => l.includes('"level":50'))).toBe(0);
  });
});
