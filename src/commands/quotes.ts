import { ApplicationCommandOptionType } from 'discord.js';
import { EVERYWHERE, focusedOption, inServer, optionValue, type SlashCommand } from '../discord/command.js';
import { renderAnswer, renderChoices, renderNotice } from '../discord/render.js';
import { pickArticle } from './ask.js';

export const quotesCommand = {
  data: {
    name: 'quotes',
    description: 'Everything one speaker said, optionally on one topic',
    options: [
      { type: ApplicationCommandOptionType.String, name: 'speaker', description: 'Who (start typing a name or a role)', required: true, autocomplete: true, max_length: 100 },
      { type: ApplicationCommandOptionType.String, name: 'topic', description: 'Only quotes on this topic', autocomplete: true, max_length: 100 },
      { type: ApplicationCommandOptionType.Boolean, name: 'public', description: 'Show the answer to everyone in the channel (default: only you)' },
      { type: ApplicationCommandOptionType.String, name: 'article', description: 'Only quotes from this article', autocomplete: true, max_length: 100 },
    ],
    ...EVERYWHERE,
  },
  isPrivate: (interaction) => inServer(interaction) && optionValue(interaction, 'public') !== true,
  execute(interaction, { engine }) {
    // A value picked from the list is an id; text typed without picking is resolved the way autocomplete would.
    const typedSpeaker = String(optionValue(interaction, 'speaker') ?? '');
    const speaker = engine.hasSpeaker(typedSpeaker) ? typedSpeaker : engine.suggestSpeakers(typedSpeaker, 1)[0]?.value;
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
    if (focused?.name === 'topic') return renderChoices(engine.suggestTopics(focused.value));
    if (focused?.name === 'article') return renderChoices(engine.suggestArticles(focused.value));
    return renderChoices(engine.suggestSpeakers(focused?.value ?? ''));
  },
} satisfies SlashCommand;
