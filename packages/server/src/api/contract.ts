// Program types, leads, payouts, subscribers, refer-a-friend balances (issue 12, part B).
export type { Lead } from './routes/leads-schemas.js';
export type { PayoutRequest } from './routes/payout-requests-schemas.js';
export type { Subscriber } from './routes/subscribers-schemas.js';
export type { CustomerBalanceEntry } from './routes/customer-balance-schemas.js';
export type { Reward } from './routes/rewards-schemas.js';
export type { ProgramEvents, ProgramType } from './routes/program-events-schemas.js';
