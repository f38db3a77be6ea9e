import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commissionMinor, toMinor } from '../../src/domain/money.js';
import { approveDueRewards } from '../../src/domain/reward-approval.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call } from './helpers.js';

// Property: whatever happened to a transaction's rewards (approved or not, paid or not, its
// amount changed up or down before or after payment), a refund nets the partner's earnings on
// it back to exactly zero: the non-cancelled rewards sum to 0 minor units.
describe.each(engines)('refunds net to zero (property) on %s', (engine) => {
  let ctx: TestContext;
  let n = 0;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(ctx, 'POST', '/v1/partners', { email: 'prop@example.com', id: 'prop' }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: 'prop_c', partner: { id: 'prop' } }, 201);
  });
  afterAll(async () => ctx.close());

  const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2));
  const step = fc.oneof(
    fc.record({ kind: fc.constant('update' as const), amount: cents }),
    fc.record({ kind: fc.constant('approve' as const) }),
    fc.record({ kind: fc.constant('sweep' as const) }),
    fc.record({ kind: fc.constant('pay' as const) }),
  );

  it('holds for random rules, amounts and histories', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rule: fc.oneof(
            fc.record({
              type: fc.constant('percent' as const),
              value: fc.integer({ min: 0, max: 1_000_000 }).map((v) => v / 10_000),
            }),
            fc.record({
              type: fc.constant('fixed' as const),
              value: fc.integer({ min: 0, max: 100_000 }).map((v) => v / 100),
            }),
          ),
          review: fc.constantFrom(0, 7),
          amount: cents,
          steps: fc.array(step, { maxLength: 6 }),
        }),
        async ({ rule, review, amount, steps }) => {
          await call(
            ctx,
            'PUT',
            '/v1/program',
            { commission: rule, review_period_days: review },
            200,
          );
          const key = `t${n++}`;
          await call(
            ctx,
            'POST',
            '/v1/transactions',
            { key, amount, customer: { key: 'prop_c' } },
            201,
          );
          for (const s of steps) {
            const tx = (await call(ctx, 'GET', `/v1/transactions/${key}`, undefined, 200)).data;
            const open = tx.rewards.filter(
              (r: { status: string }) => r.status !== 'paid' && r.status !== 'cancelled',
            );
            if (s.kind === 'update')
              await call(ctx, 'PUT', `/v1/transactions/${key}`, { amount: s.amount }, 200);
            if (s.kind === 'sweep') await approveDueRewards(ctx.store, Date.now() + 8 * 86_400_000);
            for (const r of open as { id: string; status: string }[]) {
              if (s.kind === 'approve' && r.status === 'review_period') {
                await call(ctx, 'POST', `/v1/rewards/${r.id}/approve`, undefined, 200);
              }
              if (s.kind === 'pay' && r.status === 'approved') {
                await call(ctx, 'POST', `/v1/rewards/${r.id}/mark-paid`, undefined, 200);
              }
            }
          }
          // Before the refund the live rewards add up to the commission on the current amount.
          const before = (await call(ctx, 'GET', `/v1/transactions/${key}`, undefined, 200)).data;
          const live = before.rewards
            .filter((r: { status: string }) => r.status !== 'cancelled')
            .reduce(
              (sum: number, r: { amount: number }) => sum + (toMinor(r.amount, 'USD') as number),
              0,
            );
          expect(live).toBe(commissionMinor(toMinor(before.amount, 'USD') as number, 'USD', rule));

          await call(ctx, 'DELETE', `/v1/transactions/${key}`, undefined, 200);
          const rows = await ctx.store.db
            .selectFrom('rewards')
            .innerJoin('transactions', 'transactions.id', 'rewards.transaction_id')
            .select(['rewards.status', 'rewards.amount_minor'])
            .where('transactions.key', '=', key)
            .where('transactions.program_id', '=', ctx.programId)
            .execute();
          const net = rows
            .filter((r) => r.status !== 'cancelled')
            .reduce((sum, r) => sum + Number(r.amount_minor), 0);
          expect(net).toBe(0);
          expect(
            rows.every(
              (r) => r.status === 'cancelled' || r.status === 'paid' || r.status === 'approved',
            ),
          ).toBe(true);
        },
      ),
      { numRuns: engine === 'sqlite' ? 30 : 15 },
    );
  });
});
