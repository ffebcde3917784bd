import { z } from 'zod';
import { BUNDLED_ARTICLES_DIR } from './data/load.js';

/** A configuration problem, phrased as what to set and how. Never contains a secret's value. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const articlesDir = z.string().trim().min(1).optional();

/** What the command-line tools need: only where the articles are. */
export interface CliConfig {
  articlesDir: string;
}

export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): Readonly<CliConfig> {
  const parsed = articlesDir.safeParse(env.ARTICLES_DIR || undefined);
  if (!parsed.success) throw new ConfigError('ARTICLES_DIR', 'must be a directory path, or unset for the bundled articles');
  return Object.freeze({ articlesDir: parsed.data ?? BUNDLED_ARTICLES_DIR });
}
