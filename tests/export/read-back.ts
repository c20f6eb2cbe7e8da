import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * An independent reader for exported datasets: plain JSON parsing, its own CoT grammar and its own SQL,
 * sharing no code with src/export, so the export's mistakes cannot be mirrored here.
 */

export function readRows<T = Record<string, unknown>>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Every `*.jsonl` of an export folder, keyed by split name. */
export function readSplits<T = Record<string, unknown>>(dir: string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) out[f.replace(/\.jsonl$/, '')] = readRows<T>(path.join(dir, f));
  return out;
}

/** Asserts an exported image path is relative, inside the export, and a file whose name is its content's sha256. */
export function checkImage(dir: string, rel: string): string {
  if (path.isAbsolute(rel) || !rel.startsWith('images/')) throw new Error(`image path not relative to images/: ${rel}`);
  const bytes = fs.readFileSync(path.join(dir, rel));
  const hash = crypto.createHash('sha256').update(bytes).digest('hex');
  if (!rel.endsWith(`${hash}.png`)) throw new Error(`image ${rel} does not hold the bytes its name says`);
  if (bytes.subarray(1, 4).toString() !== 'PNG') throw new Error(`image ${rel} is not a PNG`);
  return hash;
}

export function countTags(text: string): number {
  return text.split('<image>').length - 1;
}

export interface ParsedCot {
  thinks: string[];
  codes: string[];
  outputs: string[];
  answer: string;
}

/**
 * Parses CoT_with_code with a strict grammar: (think code sandbox_output)* think answer, nothing
 * outside the blocks but newlines, code fenced as javascript. Throws on anything else.
 */
export function parseCot(cot: string): ParsedCot {
  const re = /<think>\n([\s\S]*?)\n<\/think>\n(?:<code>\n```javascript\n([\s\S]*?)\n```\n<\/code>\n<sandbox_output>([\s\S]*?)<\/sandbox_output>\n|<answer>([\s\S]*?)<\/answer>$)/y;
  const out: ParsedCot = { thinks: [], codes: [], outputs: [], answer: '' };
  let done = false;
  while (!done) {
    const m = re.exec(cot);
    if (!m) throw new Error(`malformed CoT_with_code at offset ${re.lastIndex}: ${JSON.stringify(cot.slice(re.lastIndex, re.lastIndex + 80))}`);
    out.thinks.push(m[1]!);
    if (m[4] !== undefined) {
      out.answer = m[4];
      done = true;
    } else {
      out.codes.push(m[2]!);
      out.outputs.push(m[3]!);
    }
  }
  if (re.lastIndex !== cot.length) throw new Error('text after </answer>');
  for (const t of out.thinks) if (/<\/?(think|code|answer|sandbox_output)>/.test(t)) throw new Error(`nested tag in think: ${t}`);
  return out;
}

/** Read-only SQL on the store, for the numbers an export must reproduce. */
export function storeQuery<T>(storeDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(storeDir, 'flywheel.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Parses the markdown table of the card whose first header cell is `title` into key → count. */
export function cardTable(readme: string, title: string): Record<string, number> {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${title} |`));
  if (start < 0) throw new Error(`no "${title}" table in the card`);
  const out: Record<string, number> = {};
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    const cells = l.split('|').map((c) => c.trim());
    out[cells[1]!] = Number(cells[2]);
  }
  return out;
}
