import { describe, expect, it } from 'vitest';
import { ruleCheck } from '../../checkers/rules.js';
import { decide } from '../../checkers/decide.js';
import { drawingInstruction } from '../../checkers/drawing-instructions.js';
import type { Draft } from '../../src/schemas/draft.js';
import type { RenderOutput, StepStats } from '../../src/pipeline/payloads.js';
import type { Verdict } from '../../src/schemas/verdict.js';

const H = 'a'.repeat(64);
const stat = (over: Partial<StepStats> = {}): StepStats => ({ inkFraction: 0.05, inkBBox: { x: 50, y: 50, w: 400, h: 400 }, width: 512, height: 512, ...over });

function draft(over: Partial<Draft> = {}): Draft {
  return {
    knowledge: [['Plane Geometry', 'Triangles']],
    tools: ['construct perpendicular line'],
    difficulty: 'easy',
    problemType: 'multiple-choice',
    width: 512,
    height: 512,
    figureCode: 'vt.point(1,1)',
    question: 'In triangle ABC, what is the length of the altitude from C?',
    choices: ['3', '4', '5', '6'],
    answer: 'B',
    solution: 'The altitude from C meets AB at D; CD = 4.',
    interactions: [{ description: 'altitude from C to AB', code: 'vt.perpendicular(state.C, state.A, state.B)' }],
    ...over,
  };
}

function render(steps: Partial<StepStats>[] = [{ changedFraction: 0.01, changedBBox: { x: 100, y: 100, w: 50, h: 200 } }], over: Partial<RenderOutput> = {}): RenderOutput {
  return { original: H, steps: steps.map(() => H), stats: [stat(), ...steps.map((s) => stat(s))], consoleErrors: [], elements: [], state: {}, ms: 5, ...over };
}

const v = (checker: Verdict['checker'], pass: boolean): Verdict => ({ checker, score: pass ? 9 : 3, pass, reasons: [] });

describe('rule checks', () => {
  it('pass a sound sample', () => {
    expect(ruleCheck(draft(), render()).verdict).toEqual({ checker: 'rules', score: 10, pass: true, reasons: [] });
  });

  it('fail a blank figure, an interaction that changes nothing, and one that repaints everything', () => {
    const r = ruleCheck(draft(), render([{ changedFraction: 0 }], { stats: [stat({ inkFraction: 0 }), stat({ changedFraction: 0 })] }));
    expect(r.verdict.pass).toBe(false);
    expect(r.verdict.reasons.join('\n')).toMatch(/figure is blank[\s\S]*changed no visible pixels/);
    expect(r.qaOnly).toBe(false);
    expect(ruleCheck(draft(), render([{ changedFraction: 0.97 }])).verdict.reasons[0]).toMatch(/changed 97% of the image/);
  });

  it('allow whole-image operations to change everything', () => {
    const d = draft({ interactions: [{ description: 'rotate back', code: 'vt.rotate(270)' }] });
    expect(ruleCheck(d, render([{ changedFraction: 0.97 }])).verdict.pass).toBe(true);
  });

  it('flag question/answer problems as repairable (qaOnly)', () => {
    const r = ruleCheck(draft({ question: 'Draw the altitude from C. How long is it?', answer: 'E' }), render());
    expect(r.verdict.pass).toBe(false);
    expect(r.qaOnly).toBe(true);
    expect(r.verdict.reasons).toEqual(['answer "E" is not among the choices', 'question tells the solver to draw ("Draw")']);
  });

  it('detect drawing instructions but not descriptive wording', () => {
    expect(drawingInstruction('First connect A and C. What is angle B?')).toBe('First connect');
    expect(drawingInstruction('By drawing a parallel line through C, find x.')).toBe('drawing');
    expect(drawingInstruction('The marked point P lies on the plot of f. What is f(2)?')).toBeUndefined();
    expect(drawingInstruction('What is the measure of the marked angle?')).toBeUndefined();
  });
});

describe('calibration decision', () => {
  const ok = ruleCheck(draft(), render());
  it('accepts only when every checker passes', () => {
    expect(decide(ok, [v('qa-correctness', true), v('image-validity', true), v('interaction-consistency', true)])).toBe('accept');
  });
  it('repairs when both image checks pass but Q/A fails', () => {
    expect(decide(ok, [v('qa-correctness', false), v('image-validity', true), v('interaction-consistency', true)])).toBe('repair');
    const qaRule = ruleCheck(draft({ question: 'Sketch the altitude. How long is it?' }), render());
    expect(decide(qaRule, [v('image-validity', true), v('interaction-consistency', true)])).toBe('repair');
  });
  it('rejects when an image check fails', () => {
    expect(decide(ok, [v('qa-correctness', false), v('image-validity', false), v('interaction-consistency', true)])).toBe('reject');
    expect(decide(ok, [v('qa-correctness', true), v('image-validity', true), v('interaction-consistency', false)])).toBe('reject');
  });
});
