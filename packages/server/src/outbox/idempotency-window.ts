/** How long an `Idempotency-Key` replays its first answer (24 h, as Stripe's). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
