import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findWrites, secondWriters } from './writers.js';
import type { TableWrite } from './writers.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(HERE, '../../src');
const FIXTURE = resolve(HERE, 'fixtures/second-writer');

/**
 * One writer per table (issue 19): the folder that owns a table is the only one that writes it;
 * everyone else calls the owner's named transitions. Migrations are excluded (they build the
 * tables). The retention job writes `deliveries` and `attempts` only through the owner's
 * exported `purgeDeliveriesOfEvents`, so it is no exception here.
 */
const OWNERS = {
  deliveries: 'deliveries',
  attempts: 'deliveries',
  webhooks: 'webhooks',
  programs: 'programs',
} as const;

/** `table file how`, for comparing what the scan found with what must be there. */
const keyOf = (w: TableWrite) => `${w.table} ${w.file} ${w.how}`;

describe('one writer per table', () => {
  const writes = findWrites(SRC);

  it('finds no write to deliveries, attempts, webhooks or programs outside its owner', () => {
    expect(secondWriters(writes, OWNERS)).toEqual([]);
  });

  it('sees the writers it must see (an empty or blind scan cannot pass)', () => {
    const found = new Set(writes.map(keyOf));
    // One builder write and, where the code has them, raw SQL writes of each owned table.
    for (const known of [
      'deliveries deliveries/cancel.ts updateTable',
      'deliveries deliveries/enqueue.ts sql',
      'deliveries deliveries/record.ts sql',
      'deliveries deliveries/claim.ts sql',
      'attempts deliveries/record.ts sql',
      'deliveries deliveries/claim-sqlite.ts sql',
      'attempts deliveries/purge.ts deleteFrom',
      'webhooks webhooks/webhook-store.ts insertInto',
      'webhooks webhooks/deactivate.ts updateTable',
      'webhooks webhooks/rotation.ts updateTable',
      'webhooks webhooks/listener-webhooks.ts updateTable',
      'webhooks webhooks/update.ts deleteFrom',
      'programs programs/programs.ts insertInto',
      'programs programs/settings.ts updateTable',
    ]) {
      expect(found, known).toContain(known);
    }
    // Writes to tables nobody owns here are seen too (the scan is not limited to four names).
    expect(writes.some((w) => w.table === 'api_keys')).toBe(true);
    expect(writes.some((w) => w.table === 'sessions' && w.folder === 'retention')).toBe(true);
  });

  it('the retention job reaches deliveries and attempts only through the owner', () => {
    const retention = writes.filter((w) => w.folder === 'retention').map((w) => w.table);
    expect(retention).not.toContain('deliveries');
    expect(retention).not.toContain('attempts');
    const purge = readFileSync(resolve(SRC, 'retention/purge-expired.ts'), 'utf8');
    expect(purge).toContain("import { purgeDeliveriesOfEvents } from '../deliveries/index.js'");
  });

  it('fails on a planted second writer (builder, raw SQL in a template and in a plain string), and not on a migration', () => {
    const planted = findWrites(FIXTURE, '.ts.fixture');
    expect(secondWriters(planted, OWNERS)).toEqual([
      'webhooks written by api/routes/hooks.ts.fixture:4 (updateTable); owner: webhooks/',
      'deliveries written by dispatch/sweep.ts.fixture:4 (sql); owner: deliveries/',
      'attempts written by outbox/hot.ts.fixture:3 (sql); owner: deliveries/',
    ]);
    // The owners' own writes, both forms, were seen and allowed.
    expect(planted.map(keyOf).sort()).toEqual([
      'attempts outbox/hot.ts.fixture sql',
      'deliveries deliveries/cancel.ts.fixture sql',
      'deliveries deliveries/cancel.ts.fixture updateTable',
      'deliveries dispatch/sweep.ts.fixture sql',
      'programs programs/programs.ts.fixture insertInto',
      'webhooks api/routes/hooks.ts.fixture updateTable',
      'webhooks webhooks/store.ts.fixture updateTable',
    ]);
  });
});
