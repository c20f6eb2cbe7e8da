import type { LlmClient, UserContent } from '../../../llm/client.js';
import { pngDataUrl } from '../../../llm/images.js';
import type { RoleEndpoint } from '../../../llm/settings.js';

/** What every LLM-backed role needs: the shared client and its own endpoint. */
export interface RoleContext {
  client: LlmClient;
  endpoint: RoleEndpoint;
}

export type { UserContent };

/** A user turn: the text, then the images as PNG data URLs (only for endpoints marked as vision models). */
export function userContent(text: string, pngs: readonly Uint8Array[]): UserContent {
  if (pngs.length === 0) return text;
  return [{ type: 'text', text }, ...pngs.map((png) => ({ type: 'image_url' as const, image_url: { url: pngDataUrl(png) } }))];
}
