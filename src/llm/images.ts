/** A PNG as a data URL, the form OpenAI-compatible vision models accept in `image_url`. */
export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64')}`;
}
