// examples/resource-types.ts (type-checked; README.md shows this file verbatim)
import type { DeliverySummary, HooklineClient, ItemOf, Webhook } from '@hookline/client';

/** The named types are the answers' own: a field the API renames breaks this at compile time. */
export function describe(webhook: Webhook, latest: DeliverySummary | undefined): string {
  const last = latest ? `, last ${latest.event}: ${latest.status}` : '';
  return `${webhook.name} -> ${webhook.url}${webhook.is_active ? '' : ' (inactive)'}${last}`;
}

/** Any list's item type, by its path, for resources without a named type. */
export type Coupon = ItemOf<'/v1/coupons'>;

export async function firstCoupon(hookline: HooklineClient): Promise<Coupon | undefined> {
  const { data, error } = await hookline.GET('/v1/coupons', { params: { query: { limit: 1 } } });
  if (error) throw new Error(error.message);
  return data.data[0];
}
