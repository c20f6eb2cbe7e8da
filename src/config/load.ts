import fs from 'node:fs';
import path from 'node:path';
import { FlywheelError } from '../errors.js';
import { Config } from './schema.js';
import { coerceString, resolvePath, schemaAt } from './coerce.js';

export const DEFAULT_CONFIG_FILE = 'flywheel.config.json';

/** Well-known environment variables and the setting each one feeds. */
const ENV_ALIASES: Record<string, string[]> = {
  REDIS_URL: ['redis', 'url'],
  OPENAI_BASE_URL: ['llm', 'defaults', 'baseURL'],
  OPENAI_API_KEY: ['llm', 'defaults', 'apiKey'],
  PUPPETEER_EXECUTABLE_PATH: ['render', 'chromiumPath'],
  FLYWHEEL_OUTPUT: ['outputDir'],
};
/** FLYWHEEL_* variables that are not settings. */
const ENV_RESERVED = new Set(['FLYWHEEL_CONFIG']);

export interface ConfigSources {
  /** Config file; defaults to $FLYWHEEL_CONFIG or ./flywheel.config.json when that exists. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Settings from command-line flags, keyed by dotted path (`pipeline.perRound`); strings are coerced. */
  flags?: Record<string, unknown>;
  cwd?: string;
}

export interface LoadedConfig {
  config: Config;
  /** For each setting that did not come from a default: where it came from. */
  origins: Map<string, string>;
  file: string | undefined;
}

type Tree = Record<string, unknown>;

function setPath(tree: Tree, p: string[], value: unknown): void {
  let cur = tree;
  for (const seg of p.slice(0, -1)) {
    const next = cur[seg];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) cur[seg] = {};
    cur = cur[seg] as Tree;
  }
  cur[p[p.length - 1]!] = value;
}

function recordOrigins(value: unknown, prefix: string[], origin: string, origins: Map<string, string>): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) recordOrigins(v, [...prefix, k], origin, origins);
  } else {
    origins.set(prefix.join('.'), origin);
  }
}

function merge(target: Tree, src: Tree): void {
  for (const [k, v] of Object.entries(src)) {
    const cur = target[k];
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof cur === 'object' && cur !== null && !Array.isArray(cur)) {
      merge(cur as Tree, v as Tree);
    } else {
      target[k] = v;
    }
  }
}

function readFileLayer(file: string): Tree {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new FlywheelError(`cannot read the config file: ${(err as Error).message}`, {
      where: file,
      fix: 'check the path given with --config or FLYWHEEL_CONFIG',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new FlywheelError(`the config file is not valid JSON: ${(err as Error).message}`, { where: file, fix: 'fix the JSON syntax' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new FlywheelError('the config file must hold a JSON object', { where: file });
  }
  return parsed as Tree;
}

function envLayer(env: NodeJS.ProcessEnv, origins: Map<string, string>): Tree {
  const tree: Tree = {};
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined || raw === '') continue;
    let p = ENV_ALIASES[name];
    if (!p && name.startsWith('FLYWHEEL_') && !ENV_RESERVED.has(name)) {
      p = resolvePath(Config, name.slice('FLYWHEEL_'.length).split('__'));
      if (!p) {
        throw new FlywheelError(`unknown setting in environment variable ${name}`, {
          where: `environment variable ${name}`,
          fix: 'name settings as FLYWHEEL_<SECTION>__<KEY>, e.g. FLYWHEEL_PIPELINE__PER_ROUND=8, or unset the variable',
        });
      }
    }
    if (!p) continue;
    setPath(tree, p, coerceString(schemaAt(Config, p), raw));
    origins.set(p.join('.'), `environment variable ${name}`);
  }
  return tree;
}

function flagLayer(flags: Record<string, unknown>, origins: Map<string, string>): Tree {
  const tree: Tree = {};
  for (const [dotted, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    const p = resolvePath(Config, dotted.split('.'));
    if (!p) {
      throw new FlywheelError(`unknown setting "${dotted}"`, {
        where: `flag --set ${dotted}=...`,
        fix: 'run `flywheel config` to list the settings and their names',
      });
    }
    setPath(tree, p, typeof value === 'string' ? coerceString(schemaAt(Config, p), value) : value);
    origins.set(p.join('.'), `flag (${dotted})`);
  }
  return tree;
}

/** Loads settings from file, environment and flags (flags win over environment, environment over file). */
export function loadConfig(sources: ConfigSources = {}): LoadedConfig {
  const env = sources.env ?? process.env;
  const cwd = sources.cwd ?? process.cwd();
  const origins = new Map<string, string>();
  const explicit = sources.file ?? env.FLYWHEEL_CONFIG;
  const candidate = path.resolve(cwd, explicit ?? DEFAULT_CONFIG_FILE);
  const file = explicit || fs.existsSync(candidate) ? candidate : undefined;

  const raw: Tree = {};
  if (file) {
    const layer = readFileLayer(file);
    recordOrigins(layer, [], path.relative(cwd, file) || file, origins);
    merge(raw, layer);
  }
  merge(raw, envLayer(env, origins));
  merge(raw, flagLayer(sources.flags ?? {}, origins));

  const result = Config.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const from = origins.get(key) ?? [...origins.entries()].find(([k]) => key.startsWith(`${k}.`) || k.startsWith(`${key}.`))?.[1];
      return `${key || '(top level)'}: ${issue.message}${from ? ` (set by ${from})` : ''}`;
    });
    throw new FlywheelError(`invalid configuration:\n  - ${problems.join('\n  - ')}`, {
      where: file ?? 'environment and flags',
      fix: 'correct the values listed above; `flywheel config` prints the effective settings',
    });
  }
  const config = result.data;
  config.outputDir = path.resolve(cwd, config.outputDir);
  return { config, origins, file };
}
