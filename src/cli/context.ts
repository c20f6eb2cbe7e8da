import type { Command } from 'commander';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { FlywheelError } from '../errors.js';

export interface GlobalOptions {
  output?: string;
  config?: string;
  set?: string[];
  redisUrl?: string;
}

/** Parses `--set key=value` flags into dotted settings. */
export function parseSetFlags(pairs: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new FlywheelError(`malformed --set "${pair}"`, { where: 'command-line flags', fix: 'write it as --set section.key=value, e.g. --set pipeline.perRound=8' });
    }
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return out;
}

/** The effective configuration for a command: file < environment < flags. */
export function configFor(cmd: Command, extraFlags: Record<string, unknown> = {}): LoadedConfig {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const flags: Record<string, unknown> = { ...parseSetFlags(g.set), ...extraFlags };
  if (g.output !== undefined) flags.outputDir = g.output;
  if (g.redisUrl !== undefined) flags['redis.url'] = g.redisUrl;
  const sources: Parameters<typeof loadConfig>[0] = { flags };
  if (g.config !== undefined) sources.file = g.config;
  return loadConfig(sources);
}

/** Converts a numeric CLI option, rejecting anything that is not a whole number in range. */
export function intOption(name: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) {
      throw new FlywheelError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`, { where: `flag ${name}` });
    }
    return n;
  };
}
