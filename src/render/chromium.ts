import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { FlywheelError } from '../errors.js';
import type { RenderSettings } from '../config/sections/render.js';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
];

export interface Chromium {
  browser: Browser;
  /** Every process of this browser (the browser and its descendants) still alive. */
  processes(): number[];
  close(): Promise<void>;
}

/** Child pids of every process, from /proc (Linux). */
function childrenMap(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = map.get(ppid) ?? [];
    list.push(Number(entry));
    map.set(ppid, list);
  }
  return map;
}

function descendants(root: number): number[] {
  const map = childrenMap();
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    for (const child of map.get(pid) ?? []) {
      out.push(child);
      stack.push(child);
    }
  }
  return out;
}

/** Processes whose command line names `marker` (our unique profile folder): they are ours even if orphaned. */
function markedProcesses(marker: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) out.push(Number(entry));
    } catch {
      continue;
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Launches one headless Chromium with a fresh profile folder, removed again by `close()`. */
export async function launchChromium(settings: RenderSettings): Promise<Chromium> {
  if (!fs.existsSync(settings.chromiumPath)) {
    throw new FlywheelError(`Chromium not found at ${settings.chromiumPath}`, {
      where: 'config render.chromiumPath (or PUPPETEER_EXECUTABLE_PATH)',
      fix: 'install it (apt-get install chromium) or point render.chromiumPath at a Chromium/Chrome binary',
    });
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flywheel-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: settings.chromiumPath,
      headless: true,
      pipe: true,
      userDataDir,
      args: [...FLAGS, `--js-flags=--max-old-space-size=${settings.maxHeapMB}`],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: settings.launchTimeoutMs,
      protocolTimeout: Math.max(30_000, settings.jobTimeoutMs * 4),
    });
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw new FlywheelError(`Chromium did not start: ${(err as Error).message}`, { where: settings.chromiumPath, cause: err });
  }
  // If the process exits without close() (process.exit, an uncaught error), still end Chromium and
  // remove the profile folder; 'exit' handlers must be synchronous.
  const onExit = () => {
    for (const pid of markedProcesses(userDataDir)) if (alive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  const root = browser.process()?.pid;
  const processes = () => [...new Set([...(root === undefined ? [] : [root, ...descendants(root)]), ...markedProcesses(userDataDir)])].filter(alive);
  let closing: Promise<void> | null = null;
  return {
    browser,
    processes,
    close: () =>
      (closing ??= (async () => {
        process.off('exit', onExit);
        const tree = processes();
        await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
        // Whatever survived the polite close (a hung renderer, a zygote) is ours: end it by pid.
        for (const pid of tree) if (alive(pid)) process.kill(pid, 'SIGKILL');
        fs.rmSync(userDataDir, { recursive: true, force: true });
      })()),
  };
}
