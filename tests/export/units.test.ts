import { describe, expect, it } from 'vitest';
import { perceptionQuestions } from '../../src/export/perception.js';
import { solutionSteps, splitReasoning } from '../../src/export/reasoning.js';
import { splitOf } from '../../src/export/splits.js';
import type { FigureElement } from '../../src/schemas/rendered.js';

const it1 = { description: 'Draw the altitude from C to AB', code: 'a()' };
const it2 = { description: 'Reflect point D across line AB', code: 'b()' };

describe('export building blocks', () => {
  it('solution steps: lines without list markers, or sentences of one paragraph (decimals kept whole)', () => {
    expect(solutionSteps('1. First.\nStep 2: Second.\n- Third.')).toEqual(['First.', 'Second.', 'Third.']);
    expect(solutionSteps('AB is 2.5 long. So CF is 1.25. Answer: B.')).toEqual(['AB is 2.5 long.', 'So CF is 1.25.', 'Answer: B.']);
  });

  it('reasoning is cut after the step that describes each interaction; the rest concludes', () => {
    const r = splitReasoning(
      ['ABC is isosceles.', 'Draw the altitude from C to AB, meeting it at F.', 'F is the midpoint of AB.', 'Reflect D across AB to get D\'.', 'So the answer is 4.'].join('\n'),
      [it1, it2],
    );
    expect(r.before).toEqual(['ABC is isosceles.\nDraw the altitude from C to AB, meeting it at F.', 'F is the midpoint of AB.\nReflect D across AB to get D\'.']);
    expect(r.after).toBe('So the answer is 4.');
  });

  it('a step that reads the construction\'s result comes after the image; the plan comes before the code', () => {
    const scale = { description: 'Connect A and B and step the scale-bar division along AB', code: 'a()' };
    const r = splitReasoning('1. The marks stepped along AB count 5 scale-bar divisions, so AB = 5 km.\n2. Answer: 5 km.', [scale]);
    expect(r.before).toEqual(['Let me connect A and B and step the scale-bar division along AB.']);
    expect(r.after).toBe('The marks stepped along AB count 5 scale-bar divisions, so AB = 5 km.\nAnswer: 5 km.');
  });

  it('an interaction no step mentions still gets its description before its code', () => {
    const r = splitReasoning('The area is 6. Hence the height is 3.', [it2]);
    expect(r.before).toHaveLength(1);
    expect(r.before[0]).toMatch(/Let me reflect point D across line AB\.$/);
    expect(`${r.before[0]}\n${r.after}`).toContain('Hence the height is 3.');
  });

  it('splits follow the ratios over many lineages and never depend on anything but the root', () => {
    const splits = [
      { name: 'train', ratio: 0.95 },
      { name: 'test', ratio: 0.05 },
    ];
    const test = Array.from({ length: 20_000 }, (_, i) => splitOf(`root-${i}`, splits)).filter((s) => s === 'test').length;
    expect(test / 20_000).toBeGreaterThan(0.04);
    expect(test / 20_000).toBeLessThan(0.06);
    expect(splitOf('root-7', splits)).toBe(splitOf('root-7', splits));
  });

  it('perception: no right-angle question when the figure has two; answers stay inside the image; capped per figure', () => {
    const pt = (name: string, x: number, y: number): FigureElement => ({ type: 'point', name, points: [{ x, y }] });
    const square: FigureElement[] = [
      pt('P', 10, 10),
      pt('Q', 110, 10),
      pt('R', 110, 110),
      pt('S', 10, 110),
      { type: 'polygon', points: [{ x: 10, y: 10 }, { x: 110, y: 10 }, { x: 110, y: 110 }, { x: 10, y: 110 }] },
      pt('Far', 1000, 1000),
    ];
    const qs = perceptionQuestions(square, { width: 128, height: 128 }, 'fig', 50);
    expect(qs.some((q) => q.type === 'right-angle-vertex')).toBe(false);
    expect(qs.every((q) => q.answer[0] >= 0 && q.answer[0] < 128 && q.answer[1] >= 0 && q.answer[1] < 128)).toBe(true);
    expect(qs.find((q) => q.question.includes('midpoint of segment PQ'))?.answer).toEqual([60, 10]);
    expect(qs.find((q) => q.question.includes('segments PR and QS') || q.question.includes('segments QS and PR'))).toBeUndefined();
    expect(perceptionQuestions(square, { width: 128, height: 128 }, 'fig')).toHaveLength(8);
    expect(perceptionQuestions(square, { width: 128, height: 128 }, 'fig')).toEqual(perceptionQuestions(square, { width: 128, height: 128 }, 'fig'));
  });

  it('perception without names: a single triangle still has its extreme vertices and centroid', () => {
    const tri: FigureElement[] = [{ type: 'polygon', points: [{ x: 20, y: 100 }, { x: 90, y: 10 }, { x: 100, y: 98 }] }];
    const qs = perceptionQuestions(tri, { width: 128, height: 128 }, 'tri', 20);
    const by = Object.fromEntries(qs.map((q) => [q.type, q.answer]));
    expect(by).toEqual({ 'highest-vertex': [90, 10], 'leftmost-vertex': [20, 100], 'rightmost-vertex': [100, 98], centroid: [70, 69] });
    expect(qs.find((q) => q.type === 'centroid')!.question).toContain('the triangle');
  });
});
