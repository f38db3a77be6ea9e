/**
 * Lanes of the delivery queue (`deliveries.lane`, fixed at enqueue). The claim looks for each
 * lane's due rows separately (indexes leading with `lane`, migration 0019) and caps how many
 * deliveries of the postback lane one claim may take, so the dispatcher can keep a reserved
 * share of its in-flight capacity for the owner's lane (`HOOKLINE_POSTBACK_SHARE`).
 */

/** The program owner's webhooks and listeners. */
export const OWNER_LANE = 0;
/** Partners' postbacks: untrusted endpoints, many and often slow. */
export const POSTBACK_LANE = 1;
/** Every lane, in claim priority order. SQL that must cover all lanes lists these. */
export const LANES = [OWNER_LANE, POSTBACK_LANE] as const;

/**
 * Most deliveries of the postback lane one dispatcher may hold in flight: `sharePercent` of its
 * capacity, at least one (a share of 0 is refused by the config), and at most all of it less
 * one, so the owner's lane always keeps a slot even at 100 %.
 */
export function postbackInFlightCap(maxInFlight: number, sharePercent: number): number {
  const cap = Math.floor((maxInFlight * sharePercent) / 100);
  return Math.max(1, Math.min(cap, maxInFlight - 1));
}
