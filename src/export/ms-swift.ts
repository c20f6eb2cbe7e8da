import { IMAGE_TAG, answerTurn, trajectoryImages } from './cot.js';
import { RUN_CODE_TOOL, SFT_SYSTEM_PROMPT } from './system-prompt.js';
import { CODE_LANGUAGE, type ToolResult, type Trajectory } from './trajectory.js';

export interface SwiftMessage {
  role: 'system' | 'user' | 'assistant' | 'tool_call' | 'tool_response';
  content: string;
}

export interface SwiftRow {
  id: string;
  sample_id: string;
  trajectory: Trajectory['variant'];
  tools: string;
  messages: SwiftMessage[];
  images: string[];
}

function response(result: ToolResult): string {
  if ('image' in result) return JSON.stringify({ status: 'success', image: IMAGE_TAG });
  return JSON.stringify({ status: 'error', error_type: result.error.type, error: result.error.message });
}

/**
 * ms-swift's agent layout: each think is an assistant message followed by a `tool_call` of the single
 * `run_code` tool (JSON, as ms-swift requires), and the sandbox answers with a `tool_response` whose
 * JSON carries the `<image>` tag (or the error). ms-swift joins the assistant and tool_call messages with
 * its agent template and keeps tool responses out of the loss.
 */
export function swiftRow(t: Trajectory): SwiftRow {
  const messages: SwiftMessage[] = [
    { role: 'system', content: SFT_SYSTEM_PROMPT },
    { role: 'user', content: `${IMAGE_TAG}${t.question}` },
  ];
  for (const s of t.steps) {
    messages.push(
      { role: 'assistant', content: `<think>\n${s.think}\n</think>` },
      { role: 'tool_call', content: JSON.stringify({ name: RUN_CODE_TOOL.function.name, arguments: { language: CODE_LANGUAGE, code: s.code } }) },
      { role: 'tool_response', content: response(s.result) },
    );
  }
  messages.push({ role: 'assistant', content: answerTurn(t) });
  return { id: t.id, sample_id: t.sampleId, trajectory: t.variant, tools: JSON.stringify([RUN_CODE_TOOL]), messages, images: trajectoryImages(t) };
}
