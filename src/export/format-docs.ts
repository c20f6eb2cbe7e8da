import type { ExportFormat } from './options.js';

const COT = [
  '`CoT_with_code` interleaves, for each interaction step, `<think>…</think>`, `<code>` with a fenced',
  '`javascript` block, and `<sandbox_output><image></sandbox_output>` (the image the code produced), and ends',
  'with a `<think>` and `<answer>…</answer>`. The thinking is the sample\'s solution cut around the',
  'interactions: the step that best matches an interaction is its anchor; an anchor that says to make the',
  'construction ("Draw the altitude ...") ends the thinking before the code, one that reads its result ("The',
  'marks count 5 divisions ...") starts the thinking after the image, and then the interaction\'s description',
  '("Let me draw ...") ends the thinking before the code. Remaining steps conclude.',
].join(' ');

const CODE = [
  'All code is JavaScript (`code_language`) for the sandbox\'s canvas visual-tool library; figure code draws',
  'the original image, interaction code receives the previous image and draws on it. Coordinates are pixels,',
  'origin top-left.',
].join(' ');

const V_INTERACTION = `
Each line of a \`.jsonl\` file is one verified sample. V-Interaction-400K's fields:

| field | meaning |
|---|---|
| \`id\` | sample id (children of expansion/repair/robustness carry their parent's id as prefix) |
| \`question\` | the question as the solver reads it (a multiple-choice question lists its lettered choices) |
| \`image\` | the original figure, a path relative to this folder (\`images/ab/<sha256>.png\`) |
| \`original_img_code\` | the code that rendered \`image\` |
| \`edited_image\` | the **last** edited image: the one the answer is read from |
| \`tool_code\` | the **last** interaction's code (it runs on the previous step's image) |
| \`CoT_with_code\` | the reasoning with code and sandbox outputs (below) |
| \`answer\` | the answer (a choice letter for multiple choice) |

Our additions: \`code_language\`, \`edited_images[]\` and \`tool_codes[]\` (every step in order, on every row,
so single- and multi-step rows share one schema; step i's code runs on step i-1's image and step 0's on
\`image\`), \`interaction_descriptions[]\`, \`choices\` (null for fill-in-the-blank), \`problem_type\`,
\`knowledge\` (full paths, \` > \`-separated), \`tools\`, \`difficulty\`, \`kind\` (base, repaired, expanded,
robustness), \`depth\` (interaction steps added by progressive expansion, 1-3), \`parent_id\`, \`round\`,
\`scores\` (checker → 0-10).

${COT}

${CODE}
`;

const SFT_COMMON = `
One line per trajectory. The question comes with the original image; each assistant turn thinks and writes
code; the sandbox answers with the edited image; the last assistant turn concludes with \`<answer>…</answer>\`.
Every row lists its images in \`images\` in the order of the row's \`<image>\` tags (their count equals the
list's length). With \`--with-recovery\`, samples whose interaction code failed in the sandbox before it
worked also yield a \`trajectory: "recovery"\` row (id \`<sample>-recovery\`): the failing code, the sandbox's
error text, and the fixed code, in the order they happened (CodeVision-style error recovery). Failures of the
figure code are the author's, not the solver's, and are left out. Each trajectory stays in its sample's split.

${CODE}
`;

const DOCS: Record<ExportFormat, string> = {
  'v-interaction': V_INTERACTION,
  sharegpt: `${SFT_COMMON}
ShareGPT layout: \`conversations\` of \`{from, value}\` with \`human\` / \`gpt\` turns only (the sandbox's output is
a \`human\` turn holding \`<sandbox_output><image></sandbox_output>\`), a \`system\` prompt and \`images\`.
Assistant turns use the V-Interaction blocks (\`<think>\`, \`<code>\`, \`<answer>\`).
`,
  llamafactory: `${SFT_COMMON}
LLaMA-Factory's ShareGPT dialect: \`conversations\` alternate \`human\`/\`observation\` and \`gpt\` turns (the sandbox
speaks as \`observation\`, masked from the loss), \`system\` and \`images\` columns. \`dataset_info.json\` registers
every file: copy this folder under LLaMA-Factory's \`data/\` (or point \`dataset_dir\` here) and use
\`dataset: flywheel_<split>\`.
`,
  'ms-swift': `${SFT_COMMON}
ms-swift's agent layout: \`messages\` with \`system\`, \`user\` (\`<image>\` + question), then per step an \`assistant\`
message (\`<think>…</think>\`), a \`tool_call\` of the single \`run_code\` tool (JSON: \`{"name", "arguments": {"language",
"code"}}\`) and a \`tool_response\` (JSON: \`{"status": "success", "image": "<image>"}\` or \`{"status": "error",
"error_type", "error"}\`), and a final \`assistant\` message with the answer; \`tools\` declares \`run_code\`. Train
with \`swift sft --dataset <file> --agent_template hermes\` (or another agent template).
`,
  perception: `
Point-level perception questions (V-Perception style) synthesised from the elements each figure's code
registered (named points, segments, polygons, circles, angle marks). One line per question:
\`id\`, \`sample_id\`, \`image\`, \`width\`, \`height\`, \`level\`, \`type\`, \`question\`, \`answer\` (\`[x, y]\` pixel
coordinates, rounded), \`targets\` (the named elements involved). Levels:

- **surface**: where a labelled point is drawn (text is not asked about: the figure records a label's centre
  but free text's baseline anchor, so a text answer could be off by half its width);
- **semantic**: a role in the figure: the vertex of the (single) right angle, the centre of a circle, the
  highest / lowest / leftmost / rightmost vertex of a polygon (only when it is clearly the extreme one);
- **integrated**: a point that is not drawn but computed from drawn ones: midpoint of a segment, foot of
  the perpendicular from a point to a line, centroid of a triangle, crossing of two segments.

Figures with several circles or polygons are only asked about the named ones, so every question has one
answer.

Up to 8 questions per distinct figure, taken from the three levels in turn. Each figure is asked about once
(expanded and repaired children that reuse their parent's figure add none), and robustness samples are left
out (their image is rotated or flipped, so the element coordinates do not describe it).
`,
  robustness: `${V_INTERACTION}
Only samples of kind \`robustness\` (CodeVision): the input \`image\` was rotated or flipped after drawing, so the
first step's code (\`corrective_code\`) must undo it before the problem can be read. Extra fields: \`transform\`
(rotate90, rotate180, rotate270, flipH, flipV) and \`reference_image\` (the upright figure, the parent's original
image) to check a correction against.
`,
};

export function formatDoc(format: ExportFormat): string {
  return DOCS[format].trim();
}
