import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (`bench/..`): children run from here so `--import tsx` resolves. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A child process the harness started and will stop. */
export interface Child {
  readonly name: string;
  readonly proc: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** The last few KB of its stderr (and stdout unless piped elsewhere), for error messages. */
  output(): string;
}

const live = new Set<Child>();
let verbose = false;
/** Echo children's output to the harness's stderr (`--verbose`). */
export function setVerbose(on: boolean): void {
  verbose = on;
}

/**
 * Starts `node --import tsx <script> ...args` from the repository root, tracked so that
 * {@link stopAll} can end it. With `ipc`, the child gets a message channel.
 */
export function spawnTs(
  name: string,
  script: string,
  args: readonly string[],
  options: { env?: Record<string, string>; ipc?: boolean; countSql?: boolean } = {},
): Child {
  // BENCH_CPU_PROF_DIR=/tmp/prof writes a V8 CPU profile of every child on exit (for finding
  // where a missed target's time goes; NODE_OPTIONS refuses --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
    : [];
  // Compiled JavaScript runs as is; TypeScript sources through tsx.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const counter = options.countSql ? ['--import', COUNT_SQL_MODULE] : [];
  const proc = spawn(process.execPath, [...profile, ...counter, ...loader, script, ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...options.env,
      ...(options.countSql ? { BENCH_SQL_COUNT_DIR: sqlCountDir() } : {}),
    },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  if (proc.pid === undefined) throw new Error(`could not start ${name}`);
  let tail = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4096);
    if (verbose) process.stderr.write(`[${name}] ${text}`);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    proc.once('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const child: Child = { name, proc, pid: proc.pid, exited, output: () => tail };
  live.add(child);
  void exited.then(() => live.delete(child));
  return child;
}

/** Whether the child is still running. */
export function isRunning(child: Child): boolean {
  return child.proc.exitCode === null && child.proc.signalCode === null;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopChild(child: Child, graceMs = 5000): Promise<void> {
  if (!isRunning(child)) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (isRunning(child)) child.proc.kill('SIGKILL');
  }, graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Stops every child still running (at the end, or when the harness is interrupted). */
export async function stopAll(graceMs = 3000, except: readonly Child[] = []): Promise<void> {
  await Promise.all([...live].filter((c) => !except.includes(c)).map((c) => stopChild(c, graceMs)));
}

/** Synchronous last resort on process exit: SIGKILL whatever is left. */
export function killAllNow(): void {
  for (const child of live) {
    if (isRunning(child)) child.proc.kill('SIGKILL');
  }
}

/** Waits for the first IPC message from `child` that satisfies `match`. */
export function nextMessage<T>(
  child: Child,
  match: (message: unknown) => message is T,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!match(message)) return;
      cleanup();
      resolve(message);
    };
    const onExit = () => {
      cleanup();
      reject(new Error(`${child.name} exited before answering: ${child.output().slice(-800)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${child.name} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.proc.off('message', onMessage);
      child.proc.off('exit', onExit);
    };
    child.proc.on('message', onMessage);
    child.proc.once('exit', onExit);
  });
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time and memory of a running process, from /proc (Linux). */
export interface ProcessSample {
  /** user + system CPU seconds since the process started. */
  readonly cpuSeconds: number;
  /** Peak resident set size (VmHWM), MiB. */
  readonly peakRssMb: number;
}

/** Reads /proc/<pid>/stat and /proc/<pid>/status; `undefined` if the process is gone. */
export function sampleProcess(pid: number): ProcessSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return {
      cpuSeconds: (utime + stime) / ticksPerSecond(),
      peakRssMb: hwm === undefined ? Number.NaN : Number(hwm) / 1024,
    };
  } catch {
    return undefined;
  }
}

/** Sums CPU and takes the highest peak RSS over several processes' samples. */
export function combineSamples(samples: readonly (ProcessSample | undefined)[]): ProcessSample {
  let cpuSeconds = 0;
  let peakRssMb = 0;
  for (const s of samples) {
    if (!s) continue;
    cpuSeconds += s.cpuSeconds;
    peakRssMb = Math.max(peakRssMb, s.peakRssMb);
  }
  return { cpuSeconds, peakRssMb };
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The preload that counts a child's SQL statements (count-sql.mjs). */
const COUNT_SQL_MODULE = new URL('./count-sql.mjs', import.meta.url).href;
let countDir: string | undefined;
function sqlCountDir(): string {
  countDir ??= mkdtempSync(join(tmpdir(), 'hookline-bench-sql-'));
  return countDir;
}
/** Deletes the statement counters' directory (end of the run). */
export function removeSqlCountDir(): void {
  if (countDir) rmSync(countDir, { recursive: true, force: true });
  countDir = undefined;
}

const lastSeq = new Map<number, number>();
/**
 * SQL statements executed so far by children started with `countSql`, summed: each is asked
 * (SIGUSR2, once it can take it) to write its count, and the answer is awaited for up to 2 s. `undefined` when one
 * does not answer (gone, or started without the counter).
 */
export async function sqlStatements(children: readonly Child[]): Promise<number | undefined> {
  if (!countDir) return undefined;
  const dir = countDir;
  let total = 0;
  for (const child of children) {
    if (!isRunning(child)) return undefined;
    const before = lastSeq.get(child.pid) ?? 0;
    // A process just started may not have installed its handler yet (its first write says it
    // has): SIGUSR2 before that would end it.
    const file = join(dir, `${child.pid}.json`);
    const startBy = Date.now() + 30_000;
    while (!existsSync(file) && Date.now() < startBy && isRunning(child)) await sleep(10);
    if (!existsSync(file)) return undefined;
    child.proc.kill('SIGUSR2');
    const deadline = Date.now() + 2000;
    let answer: { seq: number; statements: number } | undefined;
    while (Date.now() < deadline) {
      try {
        const read = JSON.parse(readFileSync(join(dir, `${child.pid}.json`), 'utf8')) as {
          seq: number;
          statements: number;
        };
        if (read.seq > before) {
          answer = read;
          break;
        }
      } catch {
        // not written yet (or half written)
      }
      await sleep(5);
    }
    if (!answer) return undefined;
    lastSeq.set(child.pid, answer.seq);
    total += answer.statements;
  }
  return total;
}
