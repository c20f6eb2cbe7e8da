import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FlywheelError } from '../errors.js';
import { freePort, portOpen } from './free-port.js';
import { pidAlive, pidCommand } from './process.js';

export const REDIS_DIR = 'redis';
const OWNER_FILE = 'owner.json';
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;
const WATCH_MS = 500;
const MAX_RESTARTS = 5;

interface OwnerInfo {
  ownerPid: number;
  redisPid: number;
  port: number;
}

export interface EmbeddedRedis {
  url: string;
  port: number;
  /** The current server process (it changes when a dead server is restarted). */
  pid: number;
  /** True when this process started (or adopted) the server and will stop it. */
  owned: boolean;
  /** How many times the server died and was restarted on the same port with its data. */
  restarts: number;
  stop(): Promise<void>;
  /**
   * Last-resort stop for process 'exit' handlers, where no promise can be awaited: the server is
   * stopped, or handed over when other processes still use it.
   */
  stopSync(): void;
}

function readOwner(dir: string): OwnerInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as OwnerInfo;
  } catch {
    return undefined;
  }
}

function writeOwner(dir: string, info: OwnerInfo): void {
  const file = path.join(dir, OWNER_FILE);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(info));
  fs.renameSync(`${file}.tmp`, file);
}

/** A server whose owner has exited (or handed it over): the next process to look adopts it. */
function orphaned(info: OwnerInfo): boolean {
  return info.ownerPid === 0 || !pidAlive(info.ownerPid);
}

function isOurRedis(info: OwnerInfo): boolean {
  return pidAlive(info.redisPid) && (pidCommand(info.redisPid) ?? '').includes('redis-server');
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!pidAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return !pidAlive(pid);
}

async function stopPid(pid: number): Promise<void> {
  if (!pidAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) process.kill(pid, 'SIGKILL');
}

function launch(serverPath: string, dir: string, port: number): Promise<ChildProcess> {
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--save', '',
    '--daemonize', 'no',
    '--protected-mode', 'yes',
    '--maxmemory-policy', 'noeviction',
    '--logfile', '',
  ];
  return new Promise((resolve, reject) => {
    // Own process group: a Ctrl-C in the terminal reaches the CLI, which drains and then stops redis itself.
    const child = spawn(serverPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not become ready within ${START_TIMEOUT_MS} ms:\n${output.slice(-800)}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        child.stderr?.removeAllListeners('data');
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}:\n${output.slice(-800)}`));
    });
  });
}

/**
 * Starts a redis-server on a free loopback port with its append-only data under `<outputDir>/redis`,
 * or joins the one another flywheel process of the same output folder is running. A server left by a
 * crashed process is adopted, so nothing it had queued is lost.
 */
export async function startEmbeddedRedis(opts: { outputDir: string; serverPath: string }): Promise<EmbeddedRedis> {
  const dir = path.join(opts.outputDir, REDIS_DIR);
  fs.mkdirSync(dir, { recursive: true });

  const existing = readOwner(dir);
  if (existing && isOurRedis(existing) && (await portOpen(existing.port))) {
    const owned = existing.ownerPid === process.pid || orphaned(existing);
    if (owned) writeOwner(dir, { ...existing, ownerPid: process.pid });
    return handle(dir, existing.port, existing.redisPid, owned, opts.serverPath, undefined);
  }

  let lastErr: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      const child = await launch(opts.serverPath, dir, port);
      writeOwner(dir, { ownerPid: process.pid, redisPid: child.pid!, port });
      return handle(dir, port, child.pid!, true, opts.serverPath, child);
    } catch (err) {
      lastErr = err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') break;
      if (!/Address already in use/i.test(String((err as Error).message))) break;
    }
  }
  const notFound = (lastErr as NodeJS.ErrnoException)?.code === 'ENOENT';
  throw new FlywheelError(
    notFound ? `redis-server was not found (looked for "${opts.serverPath}")` : `could not start the embedded redis-server: ${(lastErr as Error).message}`,
    {
      where: notFound ? 'PATH / setting redis.serverPath' : dir,
      fix: 'run `npm run setup` (installs redis-server), or `apt-get install redis-server`, or set REDIS_URL=redis://host:port to use a running server',
      cause: lastErr,
    },
  );
}

const USERS_DIR = 'users';

/** Every process using the embedded server leaves its pid here while it does. */
function addUser(dir: string): void {
  fs.mkdirSync(path.join(dir, USERS_DIR), { recursive: true });
  fs.writeFileSync(path.join(dir, USERS_DIR, String(process.pid)), '');
}

function removeUser(dir: string): void {
  fs.rmSync(path.join(dir, USERS_DIR, String(process.pid)), { force: true });
}

/** Live processes other than this one that still use the server. */
function otherUsers(dir: string): number[] {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(dir, USERS_DIR));
  } catch {
    return [];
  }
  return names.map(Number).filter((pid) => Number.isInteger(pid) && pid !== process.pid && pidAlive(pid));
}

/**
 * The handle of a server this process uses. The owner supervises it: if the server dies (OOM killer, a
 * stray kill), it is restarted on the same port from its append-only file, so clients reconnect to the
 * same URL and queued work survives. An owner that stops while other flywheel processes are still
 * connected (a dashboard, a worker) leaves the server running and hands it over: one of them adopts it.
 */
function handle(dir: string, port: number, pid: number, owned: boolean, serverPath: string, spawned: ChildProcess | undefined): EmbeddedRedis {
  let stopped = false;
  let child = spawned;
  // A server handed over to another process must not keep this one alive through its pipes.
  const detach = () => {
    child?.stdout?.destroy();
    child?.stderr?.destroy();
    child?.unref();
    child = undefined;
  };
  let restarting: Promise<void> | undefined;
  const r: EmbeddedRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid,
    owned,
    restarts: 0,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(watch);
      removeUser(dir);
      if (!r.owned) adoptIfOrphaned();
      if (!r.owned) return;
      await restarting;
      if (otherUsers(dir).length > 0) {
        handOver();
        return;
      }
      await stopPid(r.pid);
      const info = readOwner(dir);
      if (info && info.redisPid === r.pid) fs.rmSync(path.join(dir, OWNER_FILE), { force: true });
    },
    stopSync() {
      removeUser(dir);
      if (!r.owned) return;
      if (otherUsers(dir).length > 0) return handOver();
      try {
        process.kill(r.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
  /** Leaves the server running for the processes still using it; the first of them to look adopts it. */
  const handOver = () => {
    writeOwner(dir, { ownerPid: 0, redisPid: r.pid, port });
    r.owned = false;
    detach();
  };
  const restart = async () => {
    for (let attempt = 0; attempt < 3 && !stopped; attempt++) {
      try {
        detach();
        child = await launch(serverPath, dir, port);
        r.pid = child.pid!;
        r.restarts++;
        writeOwner(dir, { ownerPid: process.pid, redisPid: r.pid, port });
        process.stderr.write(`embedded redis on port ${port} died and was restarted (pid ${r.pid})\n`);
        return;
      } catch (err) {
        process.stderr.write(`embedded redis on port ${port} could not be restarted: ${(err as Error).message}\n`);
      }
    }
  };
  addUser(dir);
  const adoptIfOrphaned = () => {
    const info = readOwner(dir);
    if (!info || info.port !== port || info.ownerPid === process.pid || !orphaned(info)) return;
    writeOwner(dir, { ...info, ownerPid: process.pid });
    r.pid = info.redisPid;
    r.owned = true;
  };
  const watch = setInterval(() => {
    if (stopped || restarting) return;
    if (!r.owned) return adoptIfOrphaned();
    if (readOwner(dir)?.ownerPid !== process.pid) {
      r.owned = false;
      detach();
      return;
    }
    if (pidAlive(r.pid) || r.restarts >= MAX_RESTARTS) return;
    restarting = restart().finally(() => (restarting = undefined));
  }, WATCH_MS);
  watch.unref();
  return r;
}
