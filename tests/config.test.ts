import { describe, expect, it } from 'vitest';
import { ConfigError, loadBotConfig, loadCliConfig } from '../src/config.js';
import { BUNDLED_ARTICLES_DIR } from '../src/data/load.js';

const TOKEN = 'MTEyMzQ1Njc4OTAxMjM0NTY3OA.GabcDE.s3cr3t-v4lue_0123456789abcdefghijklmno';
const CLIENT_ID = '112345678901234567';

function env(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const base: Record<string, string | undefined> = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, ...overrides };
  return Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The ConfigError loadBotConfig throws for `vars`; fails the test if it does not throw one. */
function configError(vars: NodeJS.ProcessEnv): ConfigError {
  try {
    loadBotConfig(vars);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw new Error(`expected a ConfigError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a ConfigError, but the configuration was accepted');
}

describe('GIVEN a complete bot configuration', () => {
  it('THEN it is parsed, with defaults for everything optional, and frozen', () => {
    const config = loadBotConfig(env());
    expect(config).toEqual({
      token: TOKEN,
      clientId: CLIENT_ID,
      guildId: undefined,
      apiUrl: undefined,
      logLevel: 'info',
      articlesDir: BUNDLED_ARTICLES_DIR,
      prettyLogs: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('THEN surrounding whitespace (as .env files often have) is ignored', () => {
    const config = loadBotConfig(env({ DISCORD_TOKEN: `  ${TOKEN}  `, DISCORD_CLIENT_ID: ` ${CLIENT_ID}\t` }));
    expect(config.token).toBe(TOKEN);
    expect(config.clientId).toBe(CLIENT_ID);
  });

  it('THEN NODE_ENV=development turns on pretty logs and LOG_LEVEL is honoured', () => {
    const config = loadBotConfig(env({ NODE_ENV: 'development', LOG_LEVEL: 'debug' }));
    expect(config.prettyLogs).toBe(true);
    expect(config.logLevel).toBe('debug');
  });
});

describe('GIVEN DISCORD_TOKEN is missing', () => {
  it('THEN a ConfigError names DISCORD_TOKEN and says where to get one', () => {
    const error = configError(env({ DISCORD_TOKEN: undefined }));
    expect(error.variable).toBe('DISCORD_TOKEN');
    expect(error.message).toMatch(/^DISCORD_TOKEN: /);
    expect(error.message).toMatch(/Developer Portal/);
    expect(error.message).toMatch(/\.env/);
  });

  it('WHEN it is set but empty THEN the error says it is empty', () => {
    const error = configError(env({ DISCORD_TOKEN: '' }));
    expect(error.variable).toBe('DISCORD_TOKEN');
    expect(error.message).toMatch(/empty/);
  });
});

describe('GIVEN a malformed token', () => {
  const secretLooking = [
    'MTEyMzQ1Njc4OTAxMjM0NTY3OA-GabcDE-sup3rS3cretTokenValue0123456789',
    'MTEyMzQ1Njc4OTAxMjM0NTY3OA.GabcDE.sup3r S3cret TokenValue',
    'Bot MTEyMzQ1Njc4OTAxMjM0NTY3OA.GabcDE.sup3rS3cretTokenValue',
    'sup3rS3cretTokenValue0123456789.only-two',
  ];
  it.each(secretLooking)('WHEN the token is %j THEN the error explains the shape but never repeats the value', (token) => {
    const error = configError(env({ DISCORD_TOKEN: token }));
    expect(error.variable).toBe('DISCORD_TOKEN');
    expect(error.message).toMatch(/does not look like a bot token/);
    const shown = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)} ${String(error)}`;
    expect(shown).not.toContain(token.trim());
    expect(shown).not.toContain('sup3rS3cretTokenValue');
    expect(shown).not.toContain('S3cret');
  });

  it('WHEN another variable is wrong THEN the valid token does not appear in that error either', () => {
    const error = configError(env({ DISCORD_CLIENT_ID: 'nope' }));
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain(TOKEN);
  });
});

describe('DISCORD_CLIENT_ID', () => {
  it.each(['', 'abc', '12345', '1123456789012345678901', '11234567890123456x', '-112345678901234567'])('GIVEN %j THEN a ConfigError asks for the Application ID', (clientId) => {
    const error = configError(env({ DISCORD_CLIENT_ID: clientId }));
    expect(error.variable).toBe('DISCORD_CLIENT_ID');
    expect(error.message).toMatch(/^DISCORD_CLIENT_ID: /);
    expect(error.message).toMatch(/Discord id|Application ID/);
  });

  it('GIVEN it is missing THEN the error says where to copy it from', () => {
    const error = configError(env({ DISCORD_CLIENT_ID: undefined }));
    expect(error.variable).toBe('DISCORD_CLIENT_ID');
    expect(error.message).toMatch(/Application ID/);
  });
});

describe('DISCORD_GUILD_ID', () => {
  it('GIVEN an empty value (DISCORD_GUILD_ID= in .env) THEN it means unset', () => {
    expect(loadBotConfig(env({ DISCORD_GUILD_ID: '' })).guildId).toBeUndefined();
  });

  it('GIVEN a guild id THEN it is kept', () => {
    expect(loadBotConfig(env({ DISCORD_GUILD_ID: '998877665544332211' })).guildId).toBe('998877665544332211');
  });

  it('GIVEN something that is not an id THEN a ConfigError names DISCORD_GUILD_ID', () => {
    expect(configError(env({ DISCORD_GUILD_ID: 'my-server' })).variable).toBe('DISCORD_GUILD_ID');
  });
});

describe('DISCORD_API_URL', () => {
  it.each(['http://127.0.0.1:7777/api/v10', 'http://127.0.0.1:7777/api/v10/', 'https://discord.com/api/v9', 'http://127.0.0.1:7777/api/v10//'])(
    'GIVEN %j (with an API version) THEN it is rejected, saying to leave the version out',
    (url) => {
      const error = configError(env({ DISCORD_API_URL: url }));
      expect(error.variable).toBe('DISCORD_API_URL');
      expect(error.message).toMatch(/must not include the API version/);
    },
  );

  it.each([
    ['http://127.0.0.1:7777/api/', 'http://127.0.0.1:7777/api'],
    ['http://127.0.0.1:7777/api///', 'http://127.0.0.1:7777/api'],
    ['https://discord.com/api', 'https://discord.com/api'],
  ])('GIVEN %j THEN the trailing slash is stripped: %j', (url, expected) => {
    expect(loadBotConfig(env({ DISCORD_API_URL: url })).apiUrl).toBe(expected);
  });

  it.each(['not a url', 'ftp://127.0.0.1/api', '127.0.0.1:7777/api'])('GIVEN %j THEN it is rejected', (url) => {
    expect(configError(env({ DISCORD_API_URL: url })).variable).toBe('DISCORD_API_URL');
  });

  it('GIVEN an empty value THEN Discord itself is used', () => {
    expect(loadBotConfig(env({ DISCORD_API_URL: '' })).apiUrl).toBeUndefined();
  });
});

describe('LOG_LEVEL', () => {
  it('GIVEN an unknown level THEN the error lists the valid ones', () => {
    const error = configError(env({ LOG_LEVEL: 'verbose' }));
    expect(error.variable).toBe('LOG_LEVEL');
    expect(error.message).toMatch(/fatal, error, warn, info, debug, trace, silent/);
  });

  it('GIVEN an empty value THEN the default (info) is used', () => {
    expect(loadBotConfig(env({ LOG_LEVEL: '' })).logLevel).toBe('info');
  });
});

describe('the CLI configuration', () => {
  it('GIVEN no ARTICLES_DIR (or an empty one) THEN the bundled articles are used', () => {
    expect(loadCliConfig({}).articlesDir).toBe(BUNDLED_ARTICLES_DIR);
    expect(loadCliConfig({ ARTICLES_DIR: '' }).articlesDir).toBe(BUNDLED_ARTICLES_DIR);
  });

  it('GIVEN ARTICLES_DIR THEN it is used, without needing any Discord variable', () => {
    expect(loadCliConfig({ ARTICLES_DIR: '/srv/articles' })).toEqual({ articlesDir: '/srv/articles' });
  });

  it('GIVEN ARTICLES_DIR is only spaces THEN a ConfigError names it', () => {
    expect(() => loadCliConfig({ ARTICLES_DIR: '   ' })).toThrow(ConfigError);
    expect(() => loadCliConfig({ ARTICLES_DIR: '   ' })).toThrow(/^ARTICLES_DIR: /);
  });

  it('GIVEN the bot configuration THEN ARTICLES_DIR flows into it', () => {
    expect(loadBotConfig(env({ ARTICLES_DIR: '/srv/articles' })).articlesDir).toBe('/srv/articles');
  });
});
