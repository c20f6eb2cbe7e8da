/**
 * Orderly shutdown for CLI commands: cleanups run in reverse order of registration on normal exit,
 * on an error, and on the first Ctrl-C / SIGTERM. A second signal exits at once.
 */
type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
const lastResort: (() => void)[] = [];
let shuttingDown = false;
let signalHandlers: ((reason: string) => void)[] = [];

export function onCleanup(fn: Cleanup, syncFallback?: () => void): void {
  cleanups.push(fn);
  if (syncFallback) lastResort.push(syncFallback);
}

/** Called on the first Ctrl-C before cleanups run, so a long command can drain instead of dying. */
export function onSignal(fn: (reason: string) => void): void {
  signalHandlers.push(fn);
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      process.stderr.write(`warning: cleanup failed: ${(err as Error).message}\n`);
    }
  }
}

export function installSignalHandlers(): void {
  const handle = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      process.stderr.write(`\n${signal} again: exiting immediately\n`);
      for (const f of lastResort) f();
      process.exit(130);
    }
    shuttingDown = true;
    const handlers = signalHandlers;
    signalHandlers = [];
    if (handlers.length) {
      process.stderr.write(`\n${signal}: finishing work in progress (press Ctrl-C again to stop at once)\n`);
      for (const h of handlers) h(signal);
      return;
    }
    void runCleanups().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  process.on('exit', () => {
    for (const f of lastResort) f();
  });
}
