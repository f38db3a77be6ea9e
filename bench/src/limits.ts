/**
 * What limits each target when it is missed: one line per target id, from the profiles and
 * measurements named in bench/README.md ("Findings"). The report prints it under a MISS, so
 * that no miss goes unexplained (issue 21). Update a line when a new profile moves the limit.
 */
export const LIMITS: Readonly<Record<string, string>> = {
  'e2e-vs-bullmq':
    "end to end publishes over HTTP, validates, commits the outbox, sends and logs every attempt on the 2 cores the receivers and publishers also use; BullMQ's peer drains a pre-filled queue and logs nothing. At the maximum rate serve's main thread (API, claims, results, SQLite) is the bound: a V8 profile of it on the 21:27 machine puts 59% of its busy time in SQLite statements (of that: results 18%, claims 18%, the publish's inserts 13%, the claims' and results' begin/commit 22%, and 27% behind an await, where the profile cannot name the caller: the publisher's transactions and their commits), and `commit` leads SQLite's time (~35% by statement: a one-event commit writes ~50 WAL pages, one per webhook in each index that leads with webhook_id). A faster CPU speeds up the ceiling's and BullMQ's HTTP more than that thread (docs/design-measurements.md, \"Statement journals in memory\", \"Prepared statements on PostgreSQL\").",
  'vs-bullmq':
    'the drain worker is CPU-bound on one core: V8 profile 28% better-sqlite3 statement execution (attempt rows, deliveries and their indexes written to the WAL), 14% undici, 7.6% writev, 7.6% GC; what is above the ceiling is the durable attempt log BullMQ does not keep.',
  'e2e-postgres':
    'CPU, not round trips: the 2 cores run saturated and the PostgreSQL server takes a large share of them, work SQLite does in-process. perf, postgres-2 at the maximum rate with statements prepared: postgres processes 37% of all samples, Node 52%; inside the server, index inserts 34% (the lease and the result change indexed columns, so each rewrites every index entry of the delivery), scans 22%, commit 8%, planning 2% (23% with parsing before statements ran prepared, which took about 22% off its CPU per delivery). A second worker adds a process to the same cores: +14% end to end (docs/design-measurements.md, "Prepared statements on PostgreSQL").',
  'publish-p99':
    'with 16 closed-loop publishers a publish waits for its turn on the API event loop: latency ≈ publishers ÷ publish rate (Little), so p99 ≤ 15 ms needs over 1,000 publishes/s on a core shared with the claims and result writes (synchronous SQLite) of the dispatcher, the receivers and the publishers themselves.',
  'latency-1k':
    "publish → receipt includes the group commit's wait for the next event-loop turn, the claim and a result flush on the same loop; its p99 follows the machine's other load (11–22 ms over short runs on a shared machine, 12–14 ms in the fixed-rate fairness phases of the same environment); a phase with one stall of a few hundred milliseconds (see its max and its publish p99) misses by far.",
  'cpu-per-delivery':
    "per delivery the dispatcher does the ceiling's work (sign, send) plus the claim and the result; SQLite's share is led by `commit` (the WAL pages a commit dirtied: ~50 for a one-event publish, one per webhook in each index that leads with webhook_id) and the inserts of deliveries and attempts; end to end adds the publish (HTTP, validation, outbox) and, with the sender thread (serve's default), the messages between the threads (batched per event-loop turn).",
  'fairness-timeout-sqlite-1':
    'the faulty endpoint\'s 16 attempts time out together every 5 s and their results and restarts reach serve\'s main thread (API, claims, results) at once; at a fixed 1,000 deliveries/s against an all-healthy phase of the same environment it measured 0.67× (docs/design-measurements.md, "Fairness at a fixed rate"), so a miss is that burst on a busier machine.',
  'fairness-500-sqlite-1':
    'the failing endpoint\'s retries add claims and result writes on serve\'s main thread, shared with the API; 1.04× at a fixed 1,000 deliveries/s on a quiet machine (docs/design-measurements.md, "Fairness at a fixed rate").',
  'fairness-timeout-postgres-2':
    'timed-out attempts hold their lease for the 5 s deadline; with two workers each claim also counts the other worker’s leases per webhook (one more round trip), which delays the healthy endpoints’ claims.',
  'fairness-500-postgres-2':
    'the failing endpoint’s retries cost claims and result round trips shared with the healthy endpoints (2 workers, sequential claims).',
  'postbacks-sqlite-1':
    "every 5 s the postbacks' timed-out attempts end together and their results and failure records land on serve's main thread at once; their restarts are paced (HOOKLINE_POSTBACK_START_RATE, median owner p99 49 → 31 ms in alternating runs), and the quiet phase's own p99 spreads 15-54 ms between runs of the same workload, so the ratio swings with it (docs/design-measurements.md, \"Pacing postback starts\").",
  'postbacks-postgres-2':
    "the 2 cores run 80-90% busy before any postback (PostgreSQL's backends, two workers, serve, the receivers and the publisher); every 5 s the postbacks started 5 s earlier time out, and closing 128 sockets per worker, their errors and 128 new connections (~2 ms of CPU per timed-out attempt in each worker's postback thread, per-thread /proc sampling) plus the partners' receiver fill the cores for about a second, in which both workers' claims and result batches take 120-180 ms instead of 2-15 ms (no statement over 40 ms and no lock wait in PostgreSQL's log: they wait for the cores). The postback thread's lower priority (HOOKLINE_POSTBACK_NICE) cut the median owner p99 beside the postbacks from 106 to 75 ms; batched failure records, pacing and the result batch's plan were measured before (docs/design-measurements.md, \"The postback thread's priority\").",
  'scale-sqlite-1':
    "peak RSS of the worker is V8's old generation grown to a multiple of the live heap between full collections; what reaches it is led by per-attempt objects that live for an HTTP round trip (deadline AbortController 18%, undici request and response headers ~35%, the destination's URL) in a sampling heap profile; the worker no longer builds the API app (live heap 45 → 27 MB).",
  'scale-postgres-2':
    "peak RSS of the largest worker: V8's old generation between full collections (per-attempt objects that live for an HTTP round trip), as on SQLite.",
};
