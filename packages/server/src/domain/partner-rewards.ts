import type { RewardResource } from '../webhooks/resource-schemas.js';
import { currencyCode, positiveAmountMinor } from './amount-input.js';
import { commitChange } from './change.js';
import type { DomainDeps } from './change.js';
import { validationFailed } from './errors.js';
import { getPartner } from './partners.js';
import { loadSettings } from './program-settings.js';
import { requireProgramType } from './program-types.js';
import {
  emitRewardsCreated,
  getReward,
  initialRewardState,
  insertReward,
  presentReward,
} from './rewards.js';

/** Input of {@link grantPartnerReward} (`POST /v1/partners/{id}/reward`). */
export interface PartnerRewardInput {
  /** Major units of the program's currency (Partnero: at least 0.01). */
  readonly amount: number | string;
  /** When the reward counts from; default now. Not in the future. */
  readonly date?: number | undefined;
  /** Why the bonus was given. */
  readonly note?: string | null | undefined;
  /** Hookline addition: the currency; default the program's. */
  readonly amount_units?: string | undefined;
}

/**
 * A one-off bonus to a partner, outside the commission rules (Partnero's "Add Reward"). The
 * reward (action `bonus`, no transaction or customer) is approved at once, since a person
 * decided it, and fires `reward.created`. Only active partners earn: an archived partner
 * "stops earning".
 */
export function grantPartnerReward(
  deps: DomainDeps,
  programId: string,
  partnerId: string,
  input: PartnerRewardInput,
): Promise<RewardResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    await requireProgramType(trx, programId, ['affiliate'], 'Partner rewards');
    const partner = await getPartner(trx, programId, partnerId);
    if (partner.status !== 'active') {
      throw validationFailed({
        partner: [`The partner is ${partner.status}; only active partners can be rewarded.`],
      });
    }
    if (input.date !== undefined && input.date > now) {
      throw validationFailed({ date: ['The date must not be in the future.'] });
    }
    const settings = await loadSettings(trx, programId);
    const units = currencyCode(input.amount_units ?? settings.default_currency);
    const id = await insertReward(change, {
      transactionId: null,
      partnerId: partner.id,
      customerId: null,
      action: 'bonus',
      amountMinor: positiveAmountMinor('amount', input.amount, units),
      amountUnits: units,
      productId: null,
      productType: null,
      state: initialRewardState({ review_period_days: 0 }, now),
      note: input.note ?? null,
      createdAt: input.date,
    });
    await emitRewardsCreated(change, [id]);
    return presentReward(await getReward(trx, programId, id));
  });
}
