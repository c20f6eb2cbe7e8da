import cliProgress from 'cli-progress';
import { STAGES } from '../pipeline/stages.js';
import type { RoundProgress } from '../pipeline/controller.js';

export interface ProgressDisplay {
  update(p: RoundProgress): void;
  stop(): void;
}

function rateAndEta(done: number, total: number, elapsedMs: number): { rate: string; eta: string } {
  const perSec = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const left = Math.max(0, total - done);
  return { rate: perSec.toFixed(1), eta: perSec > 0 ? `${Math.ceil(left / perSec)}s` : '?' };
}

/**
 * Live per-stage progress of a running round: bars on a terminal, a status line every few seconds
 * otherwise (logs, CI).
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (!stream.isTTY) {
    let lastPrint = 0;
    return {
      update(p) {
        if (Date.now() - lastPrint < 5000 && p.open > 0) return;
        lastPrint = Date.now();
        const parts = STAGES.map((st) => `${st} ${p.stages[st]?.done ?? 0}/${p.stages[st]?.added ?? 0}`);
        stream.write(`round ${p.round}: ${parts.join(', ')}; ${p.open} open, ${(p.elapsedMs / 1000).toFixed(0)}s\n`);
      },
      stop() {},
    };
  }
  const multi = new cliProgress.MultiBar(
    { stream, format: ' {stage} |{bar}| {value}/{total}  {rate}/s  ETA {eta}', hideCursor: true, clearOnComplete: false, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map(STAGES.map((st) => [st, multi.create(0, 0, { stage: st.padEnd(8), rate: '0.0', eta: '?' })]));
  return {
    update(p) {
      for (const st of STAGES) {
        const sp = p.stages[st] ?? { added: 0, done: 0 };
        bars.get(st)!.setTotal(sp.added);
        bars.get(st)!.update(sp.done, { stage: st.padEnd(8), ...rateAndEta(sp.done, sp.added, p.elapsedMs) });
      }
    },
    stop: () => multi.stop(),
  };
}
