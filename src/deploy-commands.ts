import { REST, Routes } from 'discord.js';
import { commandDefinitions } from './commands/index.js';
import { ConfigError, loadBotConfig, loadEnvFile } from './config.js';

/** Registers the commands: to DISCORD_GUILD_ID when set (instant, for a test guild), else globally. */
async function main(): Promise<void> {
  loadEnvFile();
  const config = loadBotConfig();
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const body = commandDefinitions();
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  const registered = (await rest.put(route, { body })) as { name: string; id: string }[];
  const where = config.guildId ? `guild ${config.guildId} (available now)` : 'globally (may take up to an hour to appear)';
  process.stdout.write(`Registered ${registered.length} commands ${where}:\n`);
  for (const command of registered) process.stdout.write(`  ${command.name}  (id ${command.id})\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `Configuration error: ${error.message}` : `Could not register commands: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
