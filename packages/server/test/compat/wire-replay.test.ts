import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { expectShape, tickingClock } from './replay.js';
import type { Answer } from './replay.js';

/**
 * Replays, byte for byte over real HTTP on loopback, what Partnero's clients really sent through a
 * logging reverse proxy while they ran unmodified against Hookline (recordings/*.jsonl, one request
 * a line: method, path with its query, Content-Type, raw body). Ids the server generated during the
 * recorded run are remapped to those this replay created (`REMAPS`); keys and e-mails are the
 * client's and replay as they are.
 *
 * Every line is replayed, none skipped: the count of exchanges is the count of lines. Each answer
 * must be what the client needs: the status it treats as success (2xx; PHP's HttpErrorHelper
 * throws on anything else, Python's `response.ok`), a Content-Type of exactly `application/json`
 * (PHP's HttpLayer::buildResponse decodes only that), Partnero's envelope and the shape its
 * callers read, and the round trips named in `CHECKS` (a lookup returns exactly that resource, a
 * delete removes it, a filter filters).
 */

interface Line {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly content_type: string | null;
  readonly body: string;
}

/** Which program a span of lines ran against: the SDKs' flows each need their program type. */
interface Span {
  readonly from: number;
  readonly to: number;
  readonly type: 'affiliate' | 'refer-a-friend' | 'newsletter';
}

/** A recorded server-generated value, and where this replay's own comes from. */
interface Remap {
  readonly recorded: string;
  /** The line (1-based) whose answer's `data` holds the value. */
  readonly line: number;
  readonly field: string;
  /** How the value is spelled in place of `recorded` (default: as is). */
  readonly as?: (value: string) => string;
}

/** What one answer must also satisfy, with the replay's state to look further. */
type Check = (answer: Answer, replay: Replay) => Promise<void> | void;

interface Recording {
  readonly file: string;
  readonly spans: readonly Span[];
  readonly remaps: readonly Remap[];
  /** Statuses other than a 2xx, each a decided difference documented in the wire README. */
  readonly decided?: Readonly<Record<number, number>>;
  readonly checks: Readonly<Record<number, Check>>;
}

interface Replay {
  /** Answers' `data` by line. */
  readonly data: Map<number, Answer>;
  /** A GET as the PHP SDK would send it (JSON body), against the line's program. */
  get(line: number, path: string, body?: unknown): Promise<{ status: number; body: Answer }>;
}

const ids = (answer: Answer): string[] => (answer.data as { id: string }[]).map((d) => d.id);

const PHP: Recording = {
  file: 'partnero-php-sdk.jsonl',
  spans: [
    { from: 1, to: 48, type: 'affiliate' },
    { from: 49, to: 63, type: 'refer-a-friend' },
    { from: 64, to: 75, type: 'newsletter' },
    { from: 76, to: 88, type: 'refer-a-friend' },
  ],
  remaps: [
    // `find($id)` on Ann: the SDK put the id it read in the path and in `key`.
    { recorded: 'prt_01m96ax60xpx0qc2a8sp7q6q6b', line: 3, field: 'id' },
    { recorded: 'TICa8GfZjnKz', line: 41, field: 'key' },
    { recorded: 'sub_01m96ax9138x3w5yyjncpv5d21', line: 64, field: 'id' },
    // The SDK sends back the subscriber it read, its referral key and share link included.
    { recorded: 'ihhhwtmbaf', line: 64, field: 'key' },
  ],
  decided: {
    // `"rewarded": true` asks Partnero to mark rewards paid on creation; Hookline refuses it.
    26: 422,
  },
  checks: {
    5: (a) => expect(a.meta.per_page).toBe(10),
    6: (a) => expect(a.data.key).toBe('ann-tpn06w'),
    7: (a, r) => expect(a.data.id).toBe(r.data.get(3).id),
    // find(null, $email): exactly Ann, not every partner.
    8: (a, r) => expect(ids(a)).toEqual([r.data.get(3).id]),
    9: (a) => expect(a.data).toMatchObject({ name: 'Ann B', surname: 'Lee' }),
    13: (a) => expect(a.data.key).toBe('old-tpn06w'),
    15: async (_a, r) =>
      expect((await r.get(15, '/v1/partner', { key: 'old-tpn06w' })).status).toBe(404),
    18: (a) => {
      expect(a.meta.per_page).toBe(10);
      expect((a.data as { key: string }[]).map((c) => c.key).sort()).toEqual([
        'cust-tpn06w',
        'cust2-tpn06w',
      ]);
    },
    19: (a) => expect(a.data).toEqual([]),
    32: (a) => expect(a.data.key).toBe('oldc-tpn06w'),
    34: async (_a, r) =>
      expect((await r.get(34, '/v1/customer', { key: 'oldc-tpn06w' })).status).toBe(404),
    42: (a) => expect(a.meta.per_page).toBe(50),
    47: async (_a, r) => {
      const left = await r.get(47, '/v1/partners', { key: 'bob-tpn06w' });
      expect(left.body.data).toEqual([]);
    },
    48: async (_a, r) => {
      const left = await r.get(48, '/v1/partners', { email: 'ann-tpn06w@example.com' });
      expect(left.body.data).toEqual([]);
    },
    51: (a) => {
      expect(a.meta.per_page).toBe(50);
      // The client-given id is stored as the key; the resource's `id` stays Hookline's `cus_…`
      // (docs/partner-program.md, refer-a-friend identity).
      expect((a.data as { key: string }[]).map((c) => c.key)).toEqual(['refd-tpn06w']);
    },
    55: (a) => expect(a.data.length).toBe(1),
    69: (a) => {
      expect(a.meta.per_page).toBe(10);
      expect((a.data as { email: string }[]).map((s) => s.email).sort()).toEqual([
        'rd-tpn06w@example.com',
        'rd2-tpn06w@example.com',
      ]);
    },
    70: (a, r) => expect(a.data.id).toBe(r.data.get(64).id),
    71: (a, r) => expect(a.data.id).toBe(r.data.get(64).id),
    74: async (_a, r) => {
      const left = await r.get(74, '/v1/subscribers:search', { email: 'rd2-tpn06w@example.com' });
      expect(left.body.data).toEqual([]);
    },
    82: (a) => expect(a.data.length).toBe(1),
  },
};

/**
 * partnero/partnero-php (commit 1a3397b) run again on 2026-12-06 against this branch, unmodified,
 * with Debian's php-cli and Guzzle (php-http's plugin client and discovery, which Debian does not
 * package, stood in for by minimal equivalents): every public method of every endpoint class, the
 * deprecated `Partner` class built directly (`Partnero::partner()` returns `Partners`). Each
 * program type has its own program, as in the first recording.
 */
const PHP_2026_12: Recording = {
  file: 'partnero-php-sdk-2026-12.jsonl',
  spans: [
    { from: 1, to: 48, type: 'affiliate' },
    { from: 49, to: 63, type: 'refer-a-friend' },
    { from: 64, to: 74, type: 'newsletter' },
  ],
  remaps: [
    { recorded: 'prt_01m96jvvvxpmvzdfy8h8n8nk4v', line: 3, field: 'id' },
    { recorded: '7gusv38iTR7i', line: 41, field: 'key' },
    { recorded: 'sub_01m96jvw9094dxy8abq2ktrq3f', line: 64, field: 'id' },
    { recorded: 'a55rhse7o8', line: 64, field: 'key' },
  ],
  checks: {
    5: (a) => expect(a.meta.per_page).toBe(10),
    6: (a) => expect(a.data.key).toBe('ann-r1206'),
    7: (a, r) => expect(a.data.id).toBe(r.data.get(3).id),
    8: (a, r) => expect(ids(a)).toEqual([r.data.get(3).id]),
    9: (a) => expect(a.data).toMatchObject({ name: 'Ann B', surname: 'Lee' }),
    13: (a) => expect(a.data.key).toBe('old-r1206'),
    14: (a) => expect(a.data.key).toBe('old-r1206'),
    16: async (_a, r) =>
      expect((await r.get(16, '/v1/partner', { key: 'old-r1206' })).status).toBe(404),
    19: (a) =>
      expect((a.data as { key: string }[]).map((c) => c.key).sort()).toEqual([
        'cust-r1206',
        'cust2-r1206',
      ]),
    20: (a) => expect(a.data).toEqual([]),
    32: (a) => expect(a.data.key).toBe('oldc-r1206'),
    34: async (_a, r) =>
      expect((await r.get(34, '/v1/customer', { key: 'oldc-r1206' })).status).toBe(404),
    42: (a) => expect(a.meta.per_page).toBe(50),
    47: async (_a, r) =>
      expect((await r.get(47, '/v1/partners', { key: 'bob-r1206' })).body.data).toEqual([]),
    48: async (_a, r) =>
      expect(
        (await r.get(48, '/v1/partners', { email: 'ann-r1206@example.com' })).body.data,
      ).toEqual([]),
    55: (a) => expect(a.data.length).toBe(1),
    68: (a) =>
      expect((a.data as { email: string }[]).map((x) => x.email).sort()).toEqual([
        'rd-r1206@example.com',
        'rd2-r1206@example.com',
      ]),
    69: (a, r) => expect(a.data.id).toBe(r.data.get(64).id),
    // find(null, $email): the list filtered to exactly that subscriber.
    70: (a, r) =>
      expect((a.data as { id: string }[]).map((x) => x.id)).toEqual([r.data.get(64).id]),
    73: async (_a, r) =>
      expect(
        (await r.get(73, '/v1/subscribers:search', { email: 'rd2-r1206@example.com' })).body.data,
      ).toEqual([]),
  },
};

/**
 * partnero/n8n-nodes-partnero (commit 4518a19), built from its source with TypeScript against
 * n8n-workflow 2.41.0 and run by n8n-core 2.41.1's RoutingNode (the engine n8n runs declarative
 * nodes with) in a real Workflow and ExecuteContext, `baseURL` swapped: every operation of every
 * resource, then the refer-a-friend attributions in a refer-a-friend program. Lead ids are per
 * program numbers, so a fresh program gives the recorded ones again.
 */
const N8N_NODE: Recording = {
  file: 'n8n-node.jsonl',
  spans: [
    { from: 1, to: 47, type: 'affiliate' },
    { from: 48, to: 52, type: 'refer-a-friend' },
  ],
  remaps: [
    { recorded: 'prt_01m96ke4pfadfqmcmw54dhzzr4', line: 2, field: 'id' },
    { recorded: 'prt_01m96ke4rc965bdkcrph72pdhb', line: 3, field: 'id' },
    { recorded: 'cus_01m96kef4pr1mhjs6e6yhqcjpc', line: 48, field: 'id' },
  ],
  decided: {
    // "Nobody" as the partner of a customer in an affiliate program: the node says it is refused.
    19: 422,
  },
  checks: {
    4: (a, r) => expect(a.data.id).toBe(r.data.get(2).id),
    5: (a, r) => expect(a.data.id).toBe(r.data.get(2).id),
    6: (a, r) => expect(a.data.id).toBe(r.data.get(2).id),
    7: (a, r) => expect(ids(a)).toEqual([r.data.get(2).id, r.data.get(3).id]),
    9: (a, r) => expect(ids(a)).toEqual([r.data.get(2).id]),
    10: (a, r) => expect(ids(a)).toEqual([r.data.get(3).id]),
    11: (a) => expect(a.data).toMatchObject({ name: 'Ann B', tags: [{ value: 'vip' }] }),
    // Get Sign In URL: a one-time portal link (docs/partner-portal.md).
    16: (a) => {
      expect(a.data.url).toMatch(/\/portal\/sign-in\?token=/);
      expect(typeof a.data.expires_at).toBe('string');
    },
    20: (a) => expect(a.data.key).toBe('cus-n8n1'),
    21: (a) => expect(a.data.key).toBe('cus-n8n1'),
    22: (a) => expect(a.data.map((c: { key: string }) => c.key)).toEqual(['cus-n8n1']),
    23: (a) => expect(a.data.map((c: { key: string }) => c.key)).toEqual(['cus2-n8n1']),
    31: (a) => expect(a.data.map((t: { key: string }) => t.key)).toEqual(['tx2-n8n1']),
  },
};

const PYTHON: Recording = {
  file: 'partnero-python-sdk.jsonl',
  spans: [{ from: 1, to: 29, type: 'affiliate' }],
  remaps: [
    { recorded: 'prt_01m96aywhb45t2mjdzyrh57nbe', line: 2, field: 'id' },
    { recorded: 'g92FxOz2E7ez', line: 18, field: 'key' },
    // Recorded before coupons existed: a placeholder coupon and coupon_id 1.
    { recorded: '00000000-0000-0000-0000-000000000000', line: 26, field: 'uuid_code' },
    { recorded: '"coupon_id": 1', line: 26, field: 'id', as: (v) => `"coupon_id": ${v}` },
  ],
  checks: {
    4: (a, r) => expect(ids(a)).toEqual([r.data.get(2).id]),
    5: (a, r) => expect(ids(a)).toEqual([r.data.get(3).id]),
    6: (a, r) => expect(ids(a)).toEqual([r.data.get(2).id]),
    10: (a) => expect(a.data.map((c: { key: string }) => c.key)).toEqual(['pc-6b15adf0']),
    11: (a) => expect(a.data.map((c: { key: string }) => c.key)).toEqual(['pc-6b15adf0']),
    27: (a, r) => expect(a.data.uuid_code).toBe(r.data.get(26).uuid_code),
  },
};

/** A recording's lines, from the copies committed beside this test. */
function linesOf(file: string): Line[] {
  return readFileSync(new URL(`./recordings/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);
}

/** The Partnero resource a path answers with, for the shape check. */
function shapeOf(path: string): string | undefined {
  const p = path.split('?')[0] ?? '';
  if (/^\/v1\/partners?(\/[^/:]+)?\/?$/.test(p) || p === '/v1/partners:search') return 'partner';
  if (/^\/v1\/customers?(\/[^/:]+)?$/.test(p) || p === '/v1/customers:search') return 'customer';
  if (/^\/v1\/transactions$/.test(p) || /^\/v1\/customers\/[^/]+\/transactions$/.test(p)) {
    return 'transaction';
  }
  return undefined;
}

/**
 * One HTTP request as the client sent it. `node:http` rather than `fetch`, which refuses a body
 * on a GET, the very thing the PHP SDK sends.
 */
function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; type: string | null; text: string }> {
  return new Promise((resolve, reject) => {
    // Node sends a GET's or DELETE's body without framing unless told its length; Guzzle sends it.
    const framed =
      body === '' ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = httpRequest(url, { method, headers: framed }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'] ?? null,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === '' ? undefined : body);
  });
}

/** What went wrong with one line, or nothing. */
interface Outcome {
  readonly line: number;
  readonly request: string;
  readonly status: number;
  readonly answer: string;
  readonly failure?: string;
}

async function replay(
  base: (type: Span['type']) => { url: string; key: string },
  recording: Recording,
): Promise<Outcome[]> {
  const lines = linesOf(recording.file);
  const data = new Map<number, Answer>();
  const spanOf = (n: number): Span => {
    const span = recording.spans.find((s) => n >= s.from && n <= s.to);
    if (!span) throw new Error(`${recording.file}:${n} is in no span`);
    return span;
  };
  const call = async (n: number, method: string, path: string, ct: string | null, body: string) => {
    const target = base(spanOf(n).type);
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${target.key}`,
    };
    if (ct !== null) headers['content-type'] = ct;
    return send(`${target.url}${path}`, method, headers, body);
  };
  const state: Replay = {
    data,
    async get(n, path, body) {
      const res = await call(n, 'GET', path, 'application/json', JSON.stringify(body ?? []));
      return { status: res.status, body: JSON.parse(res.text) };
    },
  };
  const outcomes: Outcome[] = [];
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    let { path, body } = line;
    for (const remap of recording.remaps) {
      const value = data.get(remap.line)?.[remap.field];
      if (value === undefined) continue;
      const to = remap.as ? remap.as(String(value)) : String(value);
      path = path.replaceAll(remap.recorded, to);
      body = body.replaceAll(remap.recorded, to);
    }
    const res = await call(n, line.method, path, line.content_type, body);
    const request = `${line.method} ${path} ${body}`;
    let failure: string | undefined;
    try {
      const expected = recording.decided?.[n];
      if (expected !== undefined) expect(res.status).toBe(expected);
      else expect(res.status, 'a 2xx').toBeGreaterThanOrEqual(200);
      if (expected === undefined) expect(res.status, 'a 2xx').toBeLessThan(300);
      expect(res.type, 'Content-Type').toBe('application/json');
      const answer: Answer = JSON.parse(res.text);
      if (expected === undefined) {
        expect(answer.status, 'Partnero envelope').toBe(1);
        const shape = line.method === 'DELETE' ? undefined : shapeOf(path);
        if (shape && answer.data !== undefined) {
          if (Array.isArray(answer.data)) {
            for (const [k, item] of (answer.data as Answer[]).entries()) {
              expectShape(item, shape, `data[${k}]`);
            }
            expect(answer.links, 'paginated').toHaveProperty('next');
          } else {
            expectShape(answer.data, shape);
          }
        }
        if (answer.data !== undefined) data.set(n, answer.data);
        await recording.checks[n]?.(answer, state);
      }
    } catch (error) {
      failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    outcomes.push({
      line: n,
      request: request.slice(0, 200),
      status: res.status,
      answer: res.text.slice(0, 300),
      ...(failure === undefined ? {} : { failure }),
    });
  }
  return outcomes;
}

describe.each(engines)("Partnero's clients' recorded traffic, replayed on %s", (engine) => {
  let ctx: TestContext;
  let url: string;
  const keys = new Map<Span['type'], string>();

  beforeAll(async () => {
    ctx = await createTestContext(engine, tickingClock());
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => ctx.close());

  /** A fresh program of each type per recording: each run started from an empty program. */
  async function programs(): Promise<(type: Span['type']) => { url: string; key: string }> {
    keys.clear();
    for (const type of ['affiliate', 'refer-a-friend', 'newsletter'] as const) {
      const { apiKey } = await ctx.otherProgram();
      const res = await ctx.request(
        'PUT',
        '/v1/program',
        { program_type: type, website_url: 'https://acme.test' },
        { authorization: `Bearer ${apiKey}` },
      );
      expect(res.statusCode, res.body).toBe(200);
      keys.set(type, apiKey);
    }
    return (type) => ({ url, key: keys.get(type) as string });
  }

  for (const recording of [PHP, PHP_2026_12, N8N_NODE, PYTHON]) {
    it(`${recording.file}: every line replayed, every line answered as the client needs`, async () => {
      const outcomes = await replay(await programs(), recording);
      expect(outcomes.length).toBe(linesOf(recording.file).length);
      const failing = outcomes.filter((o) => o.failure !== undefined);
      expect(
        failing.map((o) => `${recording.file}:${o.line}`),
        failing
          .map((o) => `${o.line} ${o.request} → ${o.status} ${o.answer} (${o.failure})`)
          .join('\n'),
      ).toEqual([]);
    });
  }
});
