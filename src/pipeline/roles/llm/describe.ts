import { choiceLetters, type Draft } from '../../../schemas/draft.js';
import type { Verdict } from '../../../schemas/verdict.js';

/** How drafts and verdicts are written into prompts. */

export function problemText(d: Pick<Draft, 'question' | 'problemType' | 'choices' | 'answer' | 'solution'>): string {
  const lines = [`Question (${d.problemType}): ${d.question}`];
  if (d.choices?.length) {
    const letters = choiceLetters(d.choices.length);
    lines.push('Choices:', ...d.choices.map((c, i) => `  ${letters[i]}. ${c}`));
  }
  lines.push(`Stated answer: ${d.answer}`, `Solution:\n${d.solution}`);
  return lines.join('\n');
}

export function codeBlock(code: string): string {
  return `\`\`\`js\n${code}\n\`\`\``;
}

/** Code with 1-based line numbers, so a sandbox error's line can be found. */
export function numberedCode(code: string): string {
  const lines = code.split('\n');
  const w = String(lines.length).length;
  return codeBlock(lines.map((l, i) => `${String(i + 1).padStart(w)} | ${l}`).join('\n'));
}

export function interactionsText(d: Pick<Draft, 'interactions'>): string {
  return d.interactions.map((it, i) => `Interaction ${i + 1}: ${it.description}\n${codeBlock(it.code)}`).join('\n\n');
}

export function verdictsText(verdicts: readonly Verdict[]): string {
  return verdicts.map((v) => `- ${v.checker}: ${v.score}/10 (${v.pass ? 'passed' : 'failed'}): ${v.reasons.join('; ') || 'no reasons given'}`).join('\n');
}

export function pathText(path: readonly string[]): string {
  return path.join(' > ');
}
