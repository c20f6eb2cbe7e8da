/** The system message of the SFT formats: what the trained model may do and how its turns are laid out. */
export const SFT_SYSTEM_PROMPT = [
  'You solve visual problems by reasoning and, when it helps, by editing the image with code.',
  'Think inside <think>...</think>. To edit the image, write JavaScript inside <code>...</code> (a fenced',
  'javascript block): it runs in a sandbox with a canvas visual-tool library (points, segments, circles,',
  'labels, constructions such as perpendicular feet, midpoints and bisectors, and image operations such',
  'as rotate, flip, crop and zoom) and receives the previous image. The sandbox replies with the edited',
  'image in <sandbox_output>...</sandbox_output>, or with the error text if the code failed, in which case',
  'fix the code and run it again. End with the final answer inside <answer>...</answer>.',
].join(' ');

/** The single code tool of the ms-swift agent layout (CodeVision: code as the universal tool). */
export const RUN_CODE_TOOL = {
  type: 'function',
  function: {
    name: 'run_code',
    description: 'Run JavaScript with the canvas visual-tool library on the current image and return the edited image or the error.',
    parameters: {
      type: 'object',
      properties: {
        language: { type: 'string', enum: ['javascript'] },
        code: { type: 'string', description: 'the code to run on the current image' },
      },
      required: ['code'],
    },
  },
} as const;
