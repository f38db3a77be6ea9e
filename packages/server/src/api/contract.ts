/**
 * The API's contract as types: every resource and answer shape, inferred from the zod response
 * schemas that the routes declare (and that `/openapi.json` publishes). The dashboard and the
 * CLI import these types (`import type { ... } from '@hookline/server/contract'`) instead of
 * keeping copies. Type-only: nothing here runs, and the schema files it re-exports import
 * nothing but zod, so the browser build can read them.
 *
 * One `export type {...} from` statement per schema file, so that adding a resource adds one.
 */
export type { ApiKey, CreatedApiKey } from './routes/api-key-schemas.js';
export type { Data, ErrorBody, Page } from './routes/common-schemas.js';
export type { Customer, CustomerPage } from './routes/customers-schemas.js';
export type { Overview, SessionInfo, WebhookStats } from './routes/dashboard-schemas.js';
export type {
  Attempt,
  BulkRetryResult,
  DeliveryDetail,
  DeliverySummary,
  RetryResult,
  TestSendResult,
} from './routes/delivery-schemas.js';
export type { Event, EventSummary } from './routes/publish-schemas.js';
export type { EventTypeEntry } from './routes/event-type-schemas.js';
export type { Readiness } from './routes/health-schemas.js';
export type { Listener } from './routes/listener-schemas.js';
export type { ServiceInfo } from './routes/service-schemas.js';
export type { Partner, PartnerPage } from './routes/partners-schemas.js';
export type { Program } from './routes/program-schemas.js';
export type { ReferralLink, ReferralLinkPage } from './routes/referral-links-schemas.js';
export type { Transaction, TransactionPage } from './routes/transactions-schemas.js';
export type { Webhook } from './routes/webhook-schemas.js';
export type { Lead } from './routes/leads-schemas.js';
export type { PayoutRequest } from './routes/payout-requests-schemas.js';
export type { Subscriber } from './routes/subscribers-schemas.js';
export type { CustomerBalanceEntry } from './routes/customer-balance-schemas.js';
export type { Reward } from './routes/rewards-schemas.js';
export type { ProgramEvents, ProgramType } from './routes/program-events-schemas.js';
