import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, embedCharacters, renderFeedbackReport } from '../../src/discord/render.js';

describe('GIVEN a /report with ten long, hostile questions in each list', () => {
  const hostile = (i: number) => `@everyone <@123456789012345678> **bold** https://example.com ${'why '.repeat(120)}${i}`;
  const report = {
    unanswered: Array.from({ length: 10 }, (_, i) => ({ question: hostile(i), articleScope: i % 2 ? 'some-article' : null, times: 10 - i })),
    downvoted: Array.from({ length: 10 }, (_, i) => ({ question: hostile(i), articleScope: null, down: 10 - i, up: i })),
  };
  const reply = renderFeedbackReport(report, 7);

  it('THEN it is private, mentions nobody, and stays within every embed limit, keeping whole lines, most frequent first', () => {
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    const embed = reply.embeds[0];
    expect(embedCharacters(reply.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
    for (const field of embed?.fields ?? []) {
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      expect(field.value.split('\n')[0]).toMatch(/^\*\*10(×|\*\* 👎)/);
      for (const line of field.value.split('\n')) expect(line).toMatch(/”( \*\(article some-article\)\*)?$/);
    }
    const text = JSON.stringify(reply);
    expect(text).not.toMatch(/@everyone|<@\d/);
    expect(text).not.toContain('https://example.com');
  });

  it('WHEN both lists are empty THEN each says so', () => {
    const empty = renderFeedbackReport({ unanswered: [], downvoted: [] }, 7);
    expect(empty.embeds[0]?.fields?.map((f) => f.value)).toEqual(['None: every question got an answer.', 'None.']);
  });
});
