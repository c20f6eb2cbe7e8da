import { IMAGE_TAG, answerTurn, codeTurn, sandboxTurn, trajectoryImages } from './cot.js';
import { SFT_SYSTEM_PROMPT } from './system-prompt.js';
import type { Trajectory } from './trajectory.js';

export interface ShareGptTurn {
  from: 'human' | 'gpt' | 'observation';
  value: string;
}

export interface ShareGptRow {
  id: string;
  sample_id: string;
  trajectory: Trajectory['variant'];
  system: string;
  conversations: ShareGptTurn[];
  images: string[];
}

/**
 * ShareGPT conversations: the question with the original image, then the assistant's think+code turns,
 * each answered by the sandbox's output, then the answer. `toolRole` is who speaks for the sandbox:
 * `human` in plain ShareGPT (every trainer reads it), `observation` in LLaMA-Factory's dialect (the
 * tool-result role it masks from the loss). Images are listed in the order of their `<image>` tags.
 */
export function shareGptRow(t: Trajectory, toolRole: 'human' | 'observation'): ShareGptRow {
  const conversations: ShareGptTurn[] = [{ from: 'human', value: `${IMAGE_TAG}\n${t.question}` }];
  for (const s of t.steps) {
    conversations.push({ from: 'gpt', value: codeTurn(s) }, { from: toolRole, value: sandboxTurn(s.result) });
  }
  conversations.push({ from: 'gpt', value: answerTurn(t) });
  return { id: t.id, sample_id: t.sampleId, trajectory: t.variant, system: SFT_SYSTEM_PROMPT, conversations, images: trajectoryImages(t) };
}

/** LLaMA-Factory's dataset_info.json entry for one exported file of ShareGPT rows with images. */
export function llamaFactoryDatasetInfo(file: string): Record<string, unknown> {
  return {
    file_name: file,
    formatting: 'sharegpt',
    columns: { messages: 'conversations', images: 'images', system: 'system' },
    tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt', observation_tag: 'observation' },
  };
}
