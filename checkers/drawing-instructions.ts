/**
 * The paper's questions must need a visual interaction without telling the solver to make it.
 * These patterns catch imperative construction instructions ("Draw the altitude...", "first connect
 * A and C", "by drawing a line") while leaving descriptive uses ("the marked point", "the plot shows") alone.
 */
const STRONG = /\b(draw|sketch|construct|drawing|sketching|constructing)\b/i;
const IMPERATIVE = /(^|[.!?:;]\s*|\b(?:first|then|please|you should|you must|you need to|try to|by)\s+)(connect|connecting|extend|extending|drop|dropping|bisect|shade|shading|highlight|rotate|flip|crop|zoom in on|mark|add|plot|reflect)\b/i;

export function drawingInstruction(question: string): string | undefined {
  const m = STRONG.exec(question) ?? IMPERATIVE.exec(question);
  return m ? m[0].trim() : undefined;
}
