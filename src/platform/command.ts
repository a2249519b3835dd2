import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { SecretBox } from './crypto/secret-box.ts';

export interface CommandContext {
  db: Db;
  config: Config;
  secrets: SecretBox;
  flags: Record<string, string | boolean | undefined>;
}

export interface CommandResult {
  json: Record<string, unknown>;
  human: string;
  /** Non-zero when the command found a problem (its output says which). */
  exitCode?: number;
}

/** A CLI command that works on an open, migrated database. */
export interface Command {
  /** Positional words that select it, e.g. ['merchant', 'create']. */
  path: string[];
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean' }>;
  run(context: CommandContext): Promise<CommandResult>;
}

export function requireFlag(flags: CommandContext['flags'], name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required`);
  return value;
}
