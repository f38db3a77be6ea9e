/**
 * `@hookline/client`: a typed client of the Hookline API.
 *
 * Terms, as the API uses them: an *event* is something that happened in your app (a name and
 * its `data`); a *webhook* is an endpoint subscribed to event types; a *delivery* is one event
 * sent to one webhook, made of *attempts*. Paths and bodies are typed from `openapi.json`.
 *
 * @packageDocumentation
 */
export { createClient, CSRF_HEADER } from './client.js';
export type { ClientOptions, HooklineClient, Provided } from './client.js';
export { retryingFetch, timerSleep } from './retrying-fetch.js';
export type { FetchLike, RetryOptions, Sleep } from './retrying-fetch.js';
export {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isSafeToRetry,
  RETRY_STATUSES,
  retryAfterMs,
  retryDelayMs,
} from './retry-policy.js';
export type { RetryPolicy } from './retry-policy.js';
export type { paths } from './schema.js';
export type {
  Answer,
  ApiKey,
  Attempt,
  BodyOf,
  BulkRetryResult,
  CommissionRule,
  CreatedApiKey,
  Customer,
  DataOf,
  DeliveryDetail,
  DeliverySummary,
  ErrorBody,
  EventType,
  ItemOf,
  Lead,
  Listener,
  Method,
  Overview,
  Page,
  Partner,
  PathWith,
  PayoutRequest,
  Program,
  ProgramEvents,
  ProgramType,
  PublishedEvent,
  Reward,
  RetryResult,
  ServiceInfo,
  SessionInfo,
  Subscriber,
  TestSendResult,
  Transaction,
  Webhook,
  WebhookStats,
} from './resources.js';
