import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { HooklineClient } from './client.js';
import type { paths } from './schema.js';

/**
 * Named types of the API's resources, read off the generated `paths` (the answers of the routes
 * as the server declares them), so a caller names `Webhook` instead of digging through
 * `paths['/v1/webhooks/{key}']['get']['responses'][200]`. They change when `schema.ts` is
 * regenerated; nothing here is written by hand but the choice of route per name.
 */

/** An HTTP method of the client, lower case as in `paths`. */
export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths that have `M`. */
export type PathWith<M extends Method> = ClientPathsWithMethod<HooklineClient, M>;

/** The success body of `M` on `P`, as the client returns it in `data`. */
export type Answer<M extends Method, P extends PathWith<M>> = MethodResponse<HooklineClient, M, P>;

/** The `data` of a `{data}` answer (one resource, or the items of a page). */
export type DataOf<M extends Method, P extends PathWith<M>> =
  Answer<M, P> extends {
    data: infer D;
  }
    ? D
    : never;

/** One item of a list answer `{data: [...], links, meta}`. */
export type ItemOf<P extends PathWith<'get'>> =
  DataOf<'get', P> extends readonly (infer I)[] ? I : never;

/** The JSON body `M` on `P` takes. */
export type BodyOf<M extends Method, P extends PathWith<M>> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** Hookline's error body: `{message, errors?}`, `errors` keyed by field (`events.0`). */
export type ErrorBody = {
  message: string;
  errors?: Record<string, string[]>;
};

/** A page of a list: `data`, `links` (`next` is null on the last page), `meta`. */
export type Page<P extends PathWith<'get'>> = Answer<'get', P>;

/** A webhook subscription (`GET /v1/webhooks/{key}`), with its signing secret. */
export type Webhook = DataOf<'get', '/v1/webhooks/{key}'>;
/** The 24 h health of one webhook (`GET /v1/stats/webhooks`). */
export type WebhookStats = DataOf<'get', '/v1/stats/webhooks'>[number];
/** A delivery as lists show it (`GET /v1/deliveries`). */
export type DeliverySummary = ItemOf<'/v1/deliveries'>;
/** A delivery with every attempt (`GET /v1/deliveries/{id}`). */
export type DeliveryDetail = DataOf<'get', '/v1/deliveries/{id}'>;
/** One attempt of a delivery. */
export type Attempt = DeliveryDetail['attempt_log'][number];
/** `POST /v1/deliveries/{id}/retry`: the attempt made now. */
export type RetryResult = DataOf<'post', '/v1/deliveries/{id}/retry'>;
/** `POST /v1/deliveries/retry`: how many deliveries were queued again. */
export type BulkRetryResult = DataOf<'post', '/v1/deliveries/retry'>;
/** `POST /v1/webhooks/{key}/test`: the test delivery and its one attempt. */
export type TestSendResult = DataOf<'post', '/v1/webhooks/{key}/test'>;
/** An event type of the catalog, with its sample `data`. */
export type EventType = DataOf<'get', '/v1/event-types/{name}'>;
/** A published event with its deliveries (`GET /v1/events/{id}`). */
export type PublishedEvent = DataOf<'get', '/v1/events/{id}'>;
/** Deliveries per hour and latency per webhook (`GET /v1/stats/overview`). */
export type Overview = DataOf<'get', '/v1/stats/overview'>;
/** The program and its settings (`GET /v1/program`). */
export type Program = DataOf<'get', '/v1/program'>;
/** A commission rule of the program: percent or fixed. */
export type CommissionRule = Pick<Program['commission'], 'type' | 'value'>;
/** The program's type and the event types it has (`GET /v1/program/events`). */
export type ProgramEvents = DataOf<'get', '/v1/program/events'>;
/** `affiliate`, `refer-a-friend` or `newsletter`. */
export type ProgramType = ProgramEvents['program_type'];
/** The server's settings a dashboard shows (`GET /v1/service`). */
export type ServiceInfo = DataOf<'get', '/v1/service'>;
/** A dashboard session (`GET /auth/session`). */
export type SessionInfo = Answer<'get', '/auth/session'>;
/** An API key, without the key (`GET /v1/api-keys`). */
export type ApiKey = DataOf<'get', '/v1/api-keys'>[number];
/** A new API key: the only answer that carries the key itself. */
export type CreatedApiKey = DataOf<'post', '/v1/api-keys'>;
/** A partner (`GET /v1/partners`). */
export type Partner = ItemOf<'/v1/partners'>;
/** A customer (`GET /v1/customers`). */
export type Customer = ItemOf<'/v1/customers'>;
/** A transaction (`GET /v1/transactions`). */
export type Transaction = ItemOf<'/v1/transactions'>;
/** A reward (`GET /v1/rewards`). */
export type Reward = ItemOf<'/v1/rewards'>;
/** A lead (`GET /v1/leads`). */
export type Lead = ItemOf<'/v1/leads'>;
/** A payout request (`GET /v1/payout_requests`). */
export type PayoutRequest = ItemOf<'/v1/payout_requests'>;
/** A newsletter subscriber (`GET /v1/subscribers`). */
export type Subscriber = ItemOf<'/v1/subscribers'>;
/** A listener of `hookline listen` (`POST /v1/listeners`). */
export type Listener = DataOf<'post', '/v1/listeners'>;
