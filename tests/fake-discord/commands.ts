/**
 * Application command validation + normalization (what Discord stores and returns).
 */
import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType } from 'discord.js';
import type { APIApplicationCommand, APIApplicationCommandOption, InteractionContextType } from 'discord.js';
import { Errors, formError, getArray, getString, isObject, mergeErrors, snowflake } from './util.js';
import type { JsonObject } from './util.js';

// Discord's documented name regex for CHAT_INPUT commands and options.
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateOptions(options: unknown[], path: (string | number)[], errors: JsonObject, depth: number): void {
  if (options.length > 25) mergeErrors(errors, formError(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'));
  let seenOptional = false;
  const names = new Set<string>();
  options.forEach((opt, i) => {
    if (!isObject(opt)) {
      mergeErrors(errors, formError([...path, i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
      return;
    }
    const name = getString(opt, 'name') ?? '';
    if (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
      mergeErrors(errors, formError([...path, i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'));
    }
    if (names.has(name)) {
      mergeErrors(errors, formError([...path, i, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option name already exists'));
    }
    names.add(name);
    const description = getString(opt, 'description') ?? '';
    if (description.length < 1 || description.length > 100) {
      mergeErrors(errors, formError([...path, i, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'));
    }
    const type = opt['type'];
    if (typeof type !== 'number' || !(type in ApplicationCommandOptionType)) {
      mergeErrors(errors, formError([...path, i, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.'));
      return;
    }
    const isSub = type === ApplicationCommandOptionType.Subcommand || type === ApplicationCommandOptionType.SubcommandGroup;
    if (isSub) {
      if (depth >= 2) mergeErrors(errors, formError([...path, i, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Sub-command nesting too deep'));
      validateOptions(getArray(opt, 'options') ?? [], [...path, i, 'options'], errors, depth + 1);
      return;
    }
    if (opt['required'] === true && seenOptional) {
      mergeErrors(errors, formError([...path, i, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options'));
    }
    if (opt['required'] !== true) seenOptional = true;
    const choices = getArray(opt, 'choices') ?? [];
    if (choices.length > 25) mergeErrors(errors, formError([...path, i, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'));
    if (choices.length > 0 && opt['autocomplete'] === true) {
      mergeErrors(errors, formError([...path, i, 'autocomplete'], 'APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE', 'Autocomplete cannot be enabled for options with choices'));
    }
  });
}

/** Validates one command body; returns Discord-style errors (empty object = valid). */
export function validateCommand(body: unknown, path: (string | number)[] = []): JsonObject {
  const errors: JsonObject = {};
  if (!isObject(body)) {
    mergeErrors(errors, formError(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
    return errors;
  }
  const type = typeof body['type'] === 'number' ? body['type'] : ApplicationCommandType.ChatInput;
  const name = getString(body, 'name') ?? '';
  const description = getString(body, 'description') ?? '';
  if (type === ApplicationCommandType.ChatInput) {
    if (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
      mergeErrors(errors, formError([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'));
    }
    if (description.length < 1 || description.length > 100) {
      mergeErrors(errors, formError([...path, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'));
    }
    validateOptions(getArray(body, 'options') ?? [], [...path, 'options'], errors, 0);
  } else {
    if (name.length < 1 || name.length > 32) {
      mergeErrors(errors, formError([...path, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.'));
    }
    if (description !== '') {
      mergeErrors(errors, formError([...path, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have description'));
    }
  }
  return errors;
}

export function validateCommandList(body: unknown): void {
  if (!Array.isArray(body)) {
    throw Errors.invalidFormBody(formError([], 'BASE_TYPE_ARRAY', 'Must be an array'));
  }
  const errors: JsonObject = {};
  body.forEach((cmd, i) => mergeErrors(errors, validateCommand(cmd, [i])));
  const seen = new Set<string>();
  body.forEach((cmd, i) => {
    if (!isObject(cmd)) return;
    const key = `${String(cmd['type'] ?? 1)}:${String(cmd['name'])}`;
    if (seen.has(key)) {
      mergeErrors(errors, formError([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`));
    }
    seen.add(key);
  });
  if (body.length > 100) mergeErrors(errors, formError([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.'));
  if (Object.keys(errors).length > 0) throw Errors.invalidFormBody(errors);
}

/** Produces the stored/returned command object from a request body. */
export function normalizeCommand(
  body: JsonObject,
  applicationId: string,
  guildId: string | undefined,
  existingId?: string,
): APIApplicationCommand {
  const type = (typeof body['type'] === 'number' ? body['type'] : ApplicationCommandType.ChatInput) as ApplicationCommandType;
  const cmd: APIApplicationCommand = {
    id: existingId ?? snowflake(),
    application_id: applicationId,
    version: snowflake(),
    default_member_permissions:
      typeof body['default_member_permissions'] === 'string' ? body['default_member_permissions'] : null,
    type,
    name: getString(body, 'name') ?? '',
    name_localizations: isObject(body['name_localizations']) ? (body['name_localizations'] as APIApplicationCommand['name_localizations']) : null,
    description: getString(body, 'description') ?? '',
    description_localizations: isObject(body['description_localizations'])
      ? (body['description_localizations'] as APIApplicationCommand['description_localizations'])
      : null,
    nsfw: body['nsfw'] === true,
    integration_types: (getArray(body, 'integration_types') as ApplicationIntegrationType[] | undefined) ?? [
      ApplicationIntegrationType.GuildInstall,
    ],
    contexts: (getArray(body, 'contexts') as InteractionContextType[] | undefined) ?? null,
  };
  if (guildId) cmd.guild_id = guildId;
  else cmd.dm_permission = body['dm_permission'] !== false;
  const options = getArray(body, 'options');
  if (options && options.length > 0) cmd.options = options as APIApplicationCommandOption[];
  return cmd;
}
