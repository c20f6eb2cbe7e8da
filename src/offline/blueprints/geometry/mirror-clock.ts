import { defineBlueprint } from '../../blueprint.js';
import { px } from '../../format.js';
import { answerBlock, solutionText, type AnswerStyle } from './lib/answer.js';
import { lines } from './lib/code.js';
import { type Vec, heading, polar, vec } from './lib/vec.js';

type Params = AnswerStyle & {
  hour: number;
  minute: number;
  mirror: 'horizontal' | 'vertical';
  /** Minutes to add before answering (0: the time shown). */
  later: number;
};

const CENTRE = vec(256, 246);
const RADIUS = 170;
const toPx = (p: Vec): Vec => vec(CENTRE.x + p.x, CENTRE.y - p.y);

/** Clockwise angle from 12 o'clock (degrees) as a direction in y-up coordinates. */
const dial = (clockwise: number) => 90 - clockwise;

function format(totalMinutes: number): string {
  const t = ((totalMinutes % 720) + 720) % 720;
  const h = Math.floor(t / 60);
  return `${h === 0 ? 12 : h}:${String(t % 60).padStart(2, '0')}`;
}

/** Mirror a y-up point as the whole image is flipped. */
function mirrorPoint(p: Vec, how: Params['mirror']): Vec {
  return how === 'horizontal' ? vec(-p.x, p.y) : vec(p.x, -p.y);
}

/** The time a dial shows, read from its hand tips. */
function readDial(hourTip: Vec, minuteTip: Vec): number {
  const clockwise = (v: Vec) => (((90 - heading(vec(0, 0), v)) % 360) + 360) % 360;
  const minute = Math.round(clockwise(minuteTip) / 6) % 60;
  const hour = Math.floor((clockwise(hourTip) + 0.5) / 30) % 12;
  return 60 * hour + minute;
}

export const mirrorClock = defineBlueprint<Params>({
  id: 'mirror-clock',
  title: 'A clock seen in a mirror or in water, read after flipping the image back',
  domain: 'Transformations and Symmetry',
  knowledge: [
    ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images'],
    ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Reflection in a line'],
  ],
  related: [
    ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images', 'Clock seen in a vertical mirror'],
    ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images', 'Clock reflected in water'],
    ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images', 'Elapsed time from a mirrored clock'],
  ],
  tools: ['flip image', 'mark point'],
  newTools: ['undo image flip'],
  expansions: [],

  params(rng, difficulty) {
    const step = difficulty === 'easy' ? 15 : 5;
    return {
      hour: rng.int(1, 12),
      minute: step * rng.int(0, 60 / step - 1),
      mirror: difficulty === 'easy' ? 'horizontal' : rng.pick(['horizontal', 'vertical']),
      later: difficulty === 'hard' ? 5 * rng.int(4, 20) : 0,
      mc: difficulty !== 'hard' || rng.chance(0.5),
      choiceSeed: rng.int(0, 1e9),
    };
  },

  build(p) {
    const minuteAngle = 6 * p.minute;
    const hourAngle = 30 * (p.hour % 12) + p.minute / 2;
    const hourTip = polar(vec(0, 0), dial(hourAngle), 0.45 * RADIUS);
    const minuteTip = polar(vec(0, 0), dial(minuteAngle), 0.64 * RADIUS);
    const [H, M] = [toPx(hourTip), toPx(minuteTip)];
    const figureCode = lines(
      `const O = { x: ${CENTRE.x}, y: ${CENTRE.y} }, r = ${RADIUS};`,
      'vt.circle(O, r, { width: 4 });',
      'for (let k = 1; k <= 12; k++) {',
      '  const a = (k * 30 * Math.PI) / 180;',
      '  vt.segment({ x: O.x + 0.9 * r * Math.sin(a), y: O.y - 0.9 * r * Math.cos(a) }, { x: O.x + r * Math.sin(a), y: O.y - r * Math.cos(a) }, { width: 3 });',
      "  vt.text(O.x + 0.76 * r * Math.sin(a), O.y - 0.76 * r * Math.cos(a) + 9, String(k), { align: 'center', size: 26 });",
      '}',
      `const H = { x: ${px(H.x)}, y: ${px(H.y)} }, M = { x: ${px(M.x)}, y: ${px(M.y)} };`,
      'vt.segment(O, H, { width: 8 });',
      'vt.segment(O, M, { width: 4 });',
      "vt.point(O.x, O.y, 'O');",
      "vt.text(O.x, O.y + r + 44, 'STATION CLOCK', { align: 'center', size: 22 });",
      'vt.export({ O, H, M });',
      `vt.flip('${p.mirror}');`,
    );
    const flip = {
      description: `Flip the image ${p.mirror === 'horizontal' ? 'horizontally' : 'vertically'} back so the clock reads normally, then mark the hand tips`,
      code: lines(
        '// undo the reflection, then mark where the hands point',
        `vt.flip('${p.mirror}');`,
        'const { H, M } = state;',
        "vt.circle(H, 9, { color: '#d62728', width: 3 });",
        "vt.circle(M, 9, { color: '#1f77b4', width: 3 });",
      ),
    };
    // What the picture shows, flipped back again, is what the clock really shows.
    const shown = [mirrorPoint(hourTip, p.mirror), mirrorPoint(minuteTip, p.mirror)] as const;
    const restored = readDial(mirrorPoint(shown[0], p.mirror), mirrorPoint(shown[1], p.mirror));
    const naive = readDial(shown[0], shown[1]);
    const where = p.mirror === 'horizontal' ? 'in a mirror' : 'reflected in still water';
    const question =
      p.later === 0
        ? `The picture shows a station clock as seen ${where}. What time does the clock actually show?`
        : `The picture shows a station clock as seen ${where}. What time will the clock actually show ${p.later} minutes later?`;
    const result = restored + p.later;
    const steps = [
      `The numbers on the dial are mirror-written, so the picture is ${p.mirror === 'horizontal' ? 'flipped left to right' : 'flipped upside down'}. Flipping the image back ${p.mirror === 'horizontal' ? 'horizontally' : 'vertically'} restores the real clock.`,
      `On the restored clock the short (hour) hand ${p.minute === 0 ? 'points at' : 'has just passed'} ${format(restored).split(':')[0]} and the long (minute) hand gives ${p.minute} minutes: the clock shows ${format(restored)}.`,
      ...(p.later > 0 ? [`${p.later} minutes later it shows ${format(result)}.`] : []),
    ];
    const correct = format(result);
    const wrong = [format(naive + p.later), format(result + 60), format(result - 60), format(result + 30), format(720 - result), format(result + 5)];
    const block = answerBlock(p, correct, wrong);
    const leaf = p.later > 0 ? 'Elapsed time from a mirrored clock' : p.mirror === 'horizontal' ? 'Clock seen in a vertical mirror' : 'Clock reflected in water';
    return {
      knowledge: [
        ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images'],
        ['Transformations and Symmetry', 'Isometries', 'Reflections', 'Reflection in a line'],
        ['Transformations and Symmetry', 'Symmetry', 'Image Orientation', 'Mirror-flipped images', leaf],
      ],
      tools: ['flip image', 'mark point', 'undo image flip'],
      figureCode,
      question,
      ...block,
      solution: solutionText(steps, block, correct),
      interactions: [flip],
    };
  },

  solve(p) {
    return format(60 * (p.hour % 12) + p.minute + p.later);
  },
});
