import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FlywheelError } from '../errors.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROMPTS_DIR = path.join(ROOT, 'prompts');
const VISUAL_TOOLS_DOC = path.join(ROOT, 'docs', 'visual-tools.md');

export const PROMPT_NAMES = ['author', 'checker', 'repairer', 'expander', 'normaliser', 'json-repair'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

const FrontMatter = z
  .object({
    version: z.string().regex(/^[0-9A-Za-z.-]+$/, 'letters, digits, dots and dashes only'),
    description: z.string().min(1),
    /** Ceiling on a rendered request (system + user, images excluded), estimated at 4 characters per token. */
    maxPromptTokens: z.coerce.number().int().positive(),
  })
  .strict();

/** Values every template may use without the caller passing them. */
function builtins(): Record<string, string> {
  return { visualTools: fs.readFileSync(VISUAL_TOOLS_DOC, 'utf8').trim() };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const SECTION = /^=== ([a-z][a-z-]*) ===$/;

export interface Prompt {
  name: PromptName;
  version: string;
  /** `<name>@<version>`: stored with every sample and part of every cache key. */
  id: string;
  maxPromptTokens: number;
  sections: readonly string[];
  /** Placeholders used by one section. */
  placeholders(section: string): string[];
  /** Fills a section; refuses a missing value and a value the section does not use (a misspelt name). */
  render(section: string, vars: Record<string, string>): string;
}

/**
 * Parses a prompt file: front matter (`key: value` lines between `---`), then sections, each opened by a
 * line `=== name ===`, holding text with `{{placeholders}}`.
 */
export function parsePrompt(name: PromptName, text: string, file: string, shared: Record<string, string>): Prompt {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!fm) throw new FlywheelError('the prompt file has no front matter', { where: file, fix: 'start it with ---, version: ..., description: ..., maxPromptTokens: ..., ---' });
  const fields = Object.fromEntries(
    fm[1]!
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
      }),
  );
  const meta = FrontMatter.safeParse(fields);
  if (!meta.success) throw new FlywheelError(`invalid prompt front matter: ${z.prettifyError(meta.error)}`, { where: file });
  const sections = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current) sections.set(current, lines.join('\n').trim());
  };
  for (const line of text.slice(fm[0].length).split('\n')) {
    const m = SECTION.exec(line);
    if (m) {
      flush();
      if (sections.has(m[1]!)) throw new FlywheelError(`section "${m[1]}" appears twice`, { where: file });
      current = m[1]!;
      lines = [];
    } else if (current) {
      lines.push(line);
    }
  }
  flush();
  if (sections.size === 0) throw new FlywheelError('the prompt file has no sections', { where: file, fix: 'add a line "=== system ===" and the text under it' });

  const body = (section: string): string => {
    const t = sections.get(section);
    if (t === undefined) throw new FlywheelError(`the prompt has no section "${section}"`, { where: file });
    return t;
  };
  const placeholders = (section: string) => [...new Set([...body(section).matchAll(PLACEHOLDER)].map((m) => m[1]!))];
  const { version, maxPromptTokens } = meta.data;
  return {
    name,
    version,
    id: `${name}@${version}`,
    maxPromptTokens,
    sections: [...sections.keys()],
    placeholders,
    render(section, vars) {
      const used = placeholders(section);
      const missing = used.filter((p) => vars[p] === undefined && shared[p] === undefined);
      if (missing.length) throw new Error(`prompt ${name}/${section}: no value for ${missing.map((p) => `{{${p}}}`).join(', ')}`);
      const unused = Object.keys(vars).filter((k) => !used.includes(k));
      if (unused.length) throw new Error(`prompt ${name}/${section} has no placeholder for ${unused.join(', ')}`);
      // One pass, so text inside values (code with braces) is never taken for a placeholder.
      return body(section).replace(PLACEHOLDER, (_m, p: string) => vars[p] ?? shared[p]!);
    },
  };
}

const loaded = new Map<PromptName, Prompt>();

/** The prompt of a role, read once per process from prompts/<name>.md. */
export function loadPrompt(name: PromptName): Prompt {
  let p = loaded.get(name);
  if (!p) {
    const file = path.join(PROMPTS_DIR, `${name}.md`);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new FlywheelError(`cannot read the prompt file: ${(err as Error).message}`, { where: file });
    }
    p = parsePrompt(name, text, file, builtins());
    loaded.set(name, p);
  }
  return p;
}
