import { ApplicationCommandOptionType } from 'discord.js';
import type { AnswerEngine } from '../engine/index.js';
import { focusedOption, optionValue } from '../discord/interaction-data.js';
import { renderAnswer, renderChoices, renderNotice } from '../discord/render.js';
import { pickArticle } from './ask.js';
import { EVERYWHERE, PUBLIC_OPTION, privateUnlessPublic, type SlashCommand } from './command.js';

export const quotesCommand = {
  data: {
    name: 'quotes',
    description: 'Everything one speaker said, optionally on one topic',
    options: [
      { type: ApplicationCommandOptionType.String, name: 'speaker', description: 'Who (start typing a name or a role)', required: true, autocomplete: true, max_length: 100 },
      { type: ApplicationCommandOptionType.String, name: 'topic', description: 'Only quotes on this topic', autocomplete: true, max_length: 100 },
      PUBLIC_OPTION,
      { type: ApplicationCommandOptionType.String, name: 'article', description: 'Only quotes from this article', autocomplete: true, max_length: 100 },
    ],
    ...EVERYWHERE,
  },
  isPrivate: privateUnlessPublic,
  asksEngine: true,
  execute(interaction, { engine }) {
    const typedSpeaker = String(optionValue(interaction, 'speaker') ?? '');
    const speaker = pickSpeaker(engine, typedSpeaker);
    const typedTopic = optionValue(interaction, 'topic');
    const topic =
      typedTopic === undefined ? undefined : engine.hasTopic(String(typedTopic)) ? String(typedTopic) : engine.suggestTopics(String(typedTopic), 1)[0]?.value;
    if (!speaker) return renderNotice(`No speaker matches “${typedSpeaker}”. Try /speakers for the list.`);
    if (typedTopic !== undefined && !topic) return renderNotice(`No topic matches “${String(typedTopic)}”. Try /topics for the list.`);
    const article = pickArticle(engine, optionValue(interaction, 'article'));
    return renderAnswer(engine.quotesBy(speaker, topic, article), { page: 0, view: article === undefined ? { kind: 'quotes', speaker, topic } : { kind: 'quotes', speaker, topic, article }, ephemeral: this.isPrivate(interaction) });
  },
  autocomplete(interaction, { engine }) {
    const focused = focusedOption(interaction);
    if (focused?.name === 'topic') {
      // Once a speaker is chosen, only the topics they spoke on: no choice leads to "is not quoted on …".
      const speaker = pickSpeaker(engine, String(optionValue(interaction, 'speaker') ?? ''));
      const spokeOn = speaker === undefined ? undefined : new Set(engine.speakers().find((s) => s.person.id === speaker)?.topics ?? []);
      const topics = engine.suggestTopics(focused.value).filter((t) => !spokeOn || spokeOn.has(t.value));
      return renderChoices(topics);
    }
    if (focused?.name === 'article') return renderChoices(engine.suggestArticles(focused.value));
    return renderChoices(engine.suggestSpeakers(focused?.value ?? ''));
  },
} satisfies SlashCommand;

/** A speaker option: an id picked from the list, or typed text resolved the way autocomplete would; undefined when nobody matches. */
function pickSpeaker(engine: AnswerEngine, typed: string): string | undefined {
  if (typed.trim() === '') return undefined;
  return engine.hasSpeaker(typed) ? typed : engine.suggestSpeakers(typed, 1)[0]?.value;
}
