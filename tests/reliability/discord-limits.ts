import type { APIEmbed } from 'discord.js';

/** Discord's documented limits, written out here rather than trusted from the module under test. */
const LIMITS = { content: 2000, embeds: 10, title: 256, description: 4096, footer: 2048, fields: 25, fieldName: 256, fieldValue: 1024, total: 6000, rows: 5, buttons: 5, customId: 100, label: 80 };

interface MessageLike {
  content?: string;
  embeds: APIEmbed[];
  components: { components?: unknown[] }[];
  allowed_mentions: unknown;
}

type Button = { label?: string; custom_id?: string };

/** Every way a message would be refused by Discord or would ping someone; empty when it is fine. */
export function problemsWith(message: MessageLike): string[] {
  const problems: string[] = [];
  if ((message.content?.length ?? 0) > LIMITS.content) problems.push('content too long');
  if (message.embeds.length > LIMITS.embeds) problems.push('too many embeds');
  let total = 0;
  for (const embed of message.embeds) {
    const fields = embed.fields ?? [];
    if ((embed.title?.length ?? 0) > LIMITS.title) problems.push('title too long');
    if ((embed.description?.length ?? 0) > LIMITS.description) problems.push(`description of ${embed.description?.length}`);
    if ((embed.footer?.text.length ?? 0) > LIMITS.footer) problems.push('footer too long');
    if (fields.length > LIMITS.fields) problems.push('too many fields');
    for (const f of fields) if (f.name.length > LIMITS.fieldName || f.value.length > LIMITS.fieldValue) problems.push('field too long');
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > LIMITS.total) problems.push(`embeds total ${total}`);
  if (message.components.length > LIMITS.rows) problems.push('too many rows');
  for (const row of message.components) {
    const buttons = (row.components ?? []) as Button[];
    if (buttons.length > LIMITS.buttons) problems.push('too many buttons');
    for (const b of buttons) {
      if ((b.custom_id?.length ?? 0) > LIMITS.customId) problems.push('custom id too long');
      if ((b.label?.length ?? 0) > LIMITS.label) problems.push('label too long');
    }
  }
  if (JSON.stringify(message.allowed_mentions) !== JSON.stringify({ parse: [] }) && JSON.stringify(message.allowed_mentions) !== JSON.stringify({ parse: [], replied_user: false })) {
    problems.push(`allowed_mentions ${JSON.stringify(message.allowed_mentions)}`);
  }
  problems.push(...liveMentions(message));
  return problems;
}

/** Text Discord would turn into a ping if allowed_mentions were ever lost: @everyone, @here, <@id>, <@&role>. */
export function liveMentions(message: MessageLike): string[] {
  const texts = [
    message.content ?? '',
    ...message.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
    ...message.components.flatMap((row) => ((row.components ?? []) as Button[]).map((b) => b.label ?? '')),
  ];
  return texts.flatMap((text) => {
    const found = /@(everyone|here)|<@[!&]?\d/.exec(text);
    return found ? [`live mention "${found[0]}" in "${text.slice(Math.max(0, found.index - 20), found.index + 20)}"`] : [];
  });
}

/** The block quotes of a description, un-escaped: each must be article text (a cut one ends with …). */
export function quotedLines(description: string): string[] {
  return description
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) =>
      line
        .slice(2)
        .replace(/\\([^A-Za-z0-9\s])/g, '$1')
        .replace(/([@<:])\u200b/g, '$1')
        .replace(/…$/, ''),
    );
}
