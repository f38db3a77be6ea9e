import { readlinkSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the CPU priority of the calling thread, and of that thread only, by `nice` levels of
 * niceness (at most 19), so that when the cores are full the kernel runs the process's other
 * threads first. The postback thread uses it: partners' timing-out postbacks end, reconnect and
 * time out again in bursts, and at the same priority those bursts took the cores from the
 * owner's claims and sends (docs/design-measurements.md, "The postback thread's priority").
 *
 * Linux only, where a thread is a task with an id of its own (`/proc/thread-self`) and
 * setpriority(2) on that id changes that thread alone. Elsewhere the same call would change the
 * whole process, so nothing is done. libuv's pool threads, shared by the whole process, are
 * created by the first thread that needs one and inherit its priority: the pool is started
 * first, so that they keep the normal one.
 *
 * Resolves to whether the priority was lowered.
 *
 * @example
 * void lowerThreadPriority(data.nice ?? 0);
 */
export async function lowerThreadPriority(nice: number): Promise<boolean> {
  if (nice <= 0 || process.platform !== 'linux') return false;
  let tid: number;
  try {
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return false;
  }
  if (!Number.isSafeInteger(tid) || tid <= 0) return false;
  // Any request to the pool starts it (all its threads at once).
  await stat('/').catch(() => undefined);
  try {
    setPriority(tid, Math.min(19, getPriority(tid) + nice));
    return true;
  } catch {
    // Not permitted here (a sandbox without setpriority): the thread keeps its priority.
    return false;
  }
}
