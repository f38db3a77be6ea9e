/** Items queued for one write, each answered when the write holding it is done. */
export interface GroupCommit<T, R> {
  /** Queues an item; resolves with its result once the batch holding it is written. */
  add(item: T): Promise<R>;
  /** Resolves when everything queued so far is written. */
  flush(): Promise<void>;
}

/**
 * Group commit: the items queued during one event-loop turn are written together by `write`,
 * one batch at a time; items that arrive during a write form the next batch, and a batch that
 * reaches `maxBatch` is written at once. `write` answers each item in order (or nothing, for
 * writes with no per-item result); if it throws, every item of the batch is rejected. Used by
 * the dispatcher's attempt results (deliveries/record.ts) and its failure records
 * (dispatch/failure-record-writer.ts).
 *
 * @example
 * const writer = createGroupCommit((rows: Row[]) => insertRows(db, rows));
 * await writer.add(row);
 */
export function createGroupCommit<T, R = void>(
  write: (items: readonly T[]) => Promise<readonly R[] | undefined>,
  maxBatch = Number.POSITIVE_INFINITY,
): GroupCommit<T, R> {
  let queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;
  let running: Promise<void> | undefined;

  const schedule = () => {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void run();
    });
  };

  async function run(): Promise<void> {
    if (running || queue.length === 0) return;
    const batch = queue;
    queue = [];
    running = (async () => {
      try {
        const results = await write(batch.map((b) => b.item));
        for (const [i, b] of batch.entries()) b.resolve(results?.[i] as R);
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    })();
    await running;
    running = undefined;
    // Items that arrived during the write form the next batch.
    if (queue.length > 0) schedule();
  }

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= maxBatch && !running) void run();
        else schedule();
      });
    },
    async flush() {
      while (running || queue.length > 0) {
        if (running) await running;
        else await run();
      }
    },
  };
}
