import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../../src/offline/blueprints/index.js';
import { OfflineAuthor } from '../../src/offline/author.js';
import { applyFlaw, pickFlaw, type Flaw } from '../../src/offline/flaws.js';
import { repairOffline } from '../../src/offline/repairer.js';
import { expandOffline } from '../../src/offline/expander.js';
import { matchBlueprints } from '../../src/offline/match.js';
import { createRng } from '../../src/offline/rng.js';
import { robustnessDraft } from '../../src/pipeline/robustness.js';
import { judgeQaOffline } from '../../checkers/offline/qa-correctness.js';
import { drawingInstruction } from '../../checkers/drawing-instructions.js';
import { answerText } from '../../checkers/answer-match.js';
import { pathKey } from '../../src/store/knowledge.js';
import type { PlanItem } from '../../src/pipeline/payloads.js';
import type { Draft } from '../../src/schemas/draft.js';

const clean = new OfflineAuthor(BLUEPRINTS, 0);
const first = BLUEPRINTS[0]!;
const expandable = BLUEPRINTS.filter((b) => b.expansions.length > 0);

function knowledgeItem(path: string[]): PlanItem {
  return { mode: 'knowledge', points: [{ id: 'k', path }] };
}

describe('offline author', () => {
  it('answers a knowledge point with easy, medium and hard problems from a blueprint that exercises it, deterministically', () => {
    for (const b of BLUEPRINTS) {
      const item = knowledgeItem(b.knowledge[0]!);
      const drafts = clean.generate(item, 3, 11);
      expect(drafts.map((d) => d.difficulty)).toEqual(['easy', 'medium', 'hard']);
      expect(clean.generate(item, 3, 11)).toEqual(drafts);
      for (const d of drafts) {
        expect(d.knowledge.map(pathKey), b.id).toContain(pathKey(b.knowledge[0]!));
        expect(judgeQaOffline(d).score).toBe(10);
      }
    }
  });

  it('answers a tool combination with blueprints that use those tools', () => {
    const tool = first.tools[0]!;
    const drafts = clean.generate({ mode: 'tool', tools: [{ id: 't', name: tool, description: '' }] }, 3, 5);
    for (const d of drafts) expect(d.tools).toContain(tool);
  });

  it('matches a point nobody exercises by its domain and does not credit it', () => {
    const item = knowledgeItem([first.domain, 'Unheard-of area', 'Something new']);
    const [m] = matchBlueprints(BLUEPRINTS, item, createRng(1));
    expect(m!.blueprint.domain).toBe(first.domain);
    expect(m!.exercised).toEqual([]);
    const d = clean.generate(item, 1, 3)[0]!;
    expect(d.knowledge.map(pathKey)).not.toContain(pathKey(item.mode === 'knowledge' ? item.points[0]!.path : []));
  });

  it('gives the configured share of drafts a defect, deterministically', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `s/${i}`);
    const flawed = keys.filter((k) => pickFlaw(k, 0.2) !== undefined).length / keys.length;
    expect(flawed).toBeGreaterThan(0.17);
    expect(flawed).toBeLessThan(0.23);
    expect(keys.map((k) => pickFlaw(k, 0.2))).toEqual(keys.map((k) => pickFlaw(k, 0.2)));
    const kinds = new Set(keys.map((k) => pickFlaw(k, 1)));
    expect([...kinds].sort()).toEqual(['code-error', 'drawing-instruction', 'inert-interaction', 'wrong-answer']);
  });
});

describe('defects and their repair', () => {
  const draft = clean.generate(knowledgeItem(first.knowledge[0]!), 1, 21)[0]!;
  const flawed = (f: Flaw): Draft => applyFlaw(draft, f);

  it('a drawing instruction is caught by the rules and removed by the repairer', () => {
    const d = flawed('drawing-instruction');
    expect(drawingInstruction(d.question)).toBeDefined();
    const fixed = repairOffline(d)!;
    expect(drawingInstruction(fixed.question)).toBeUndefined();
    expect(fixed.question).toBe(draft.question);
  });

  it('a wrong answer fails the Q/A judge and the repairer recomputes it', () => {
    const d = flawed('wrong-answer');
    expect(answerText(d)).not.toBe(answerText(draft));
    expect(judgeQaOffline(d).score).toBeLessThan(7);
    expect(judgeQaOffline(d).reasons[0]).toMatch(/independently recomputed/);
    expect(judgeQaOffline(repairOffline(d)!).score).toBe(10);
  });

  it('broken figure code is replaced by the blueprint code when the author fixes it', () => {
    const d = flawed('code-error');
    expect(d.figureCode).not.toBe(draft.figureCode);
    const fixed = clean.fixCode(d, { stage: 'figure', index: 0, type: 'runtime', message: 'vt.x is not a function' })!;
    expect(fixed.figureCode).toBe(draft.figureCode);
  });

  it('an inert interaction draws nothing', () => {
    expect(flawed('inert-interaction').interactions.at(-1)!.code).toBe('vt.export({});');
  });

  it('a draft without a blueprint loses only its drawing instructions, and an unfixable one is left alone', () => {
    const { blueprint: _b, ...llmDraft } = draft;
    expect(repairOffline({ ...llmDraft, question: `Draw the altitude. ${draft.question}` })!.question).toBe(draft.question);
    expect(repairOffline(llmDraft)).toBeNull();
  });
});

describe('offline expansion and robustness copies', () => {
  it('expands by one interaction with the figure and earlier code unchanged, harder, up to three steps', () => {
    expect(expandable.length).toBeGreaterThanOrEqual(BLUEPRINTS.length / 2);
    for (const b of expandable) {
      let d = clean.generate(knowledgeItem(b.knowledge[0]!), 1, 4)[0]!;
      let steps = 0;
      for (let next = expandOffline(d, b.expansions[0]!, 9); next; next = expandOffline(d, b.expansions[0]!, 9)) {
        expect(next.figureCode).toBe(d.figureCode);
        expect(next.interactions.slice(0, -1).map((i) => i.code)).toEqual(d.interactions.map((i) => i.code));
        expect(next.interactions.length).toBe(d.interactions.length + 1);
        expect(b.expansions).toContain(next.expansion);
        expect(judgeQaOffline(next).score).toBe(10);
        d = next;
        steps++;
      }
      expect(steps, b.id).toBeGreaterThan(0);
      expect(d.interactions.length).toBeLessThanOrEqual(3);
    }
  });

  it('a robustness copy pre-transforms the figure and undoes it first, keeping question and answer', () => {
    const d = clean.generate(knowledgeItem(first.knowledge[0]!), 1, 8)[0]!;
    const r = robustnessDraft(d, 'rotate90')!;
    expect(r.figureCode.endsWith('vt.rotate(90);')).toBe(true);
    expect(r.interactions[0]!.code).toBe('vt.rotate(270);');
    expect(r.interactions.slice(1)).toEqual(d.interactions);
    expect([r.question, r.answer]).toEqual([d.question, d.answer]);
    expect(r.tools).toContain('rotate image');
    const full = { ...d, interactions: [d.interactions[0]!, d.interactions[0]!, d.interactions[0]!] };
    expect(robustnessDraft(full, 'flipH')).toBeNull();
  });
});
