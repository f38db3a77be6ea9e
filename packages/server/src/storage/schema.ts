import type { Generated } from 'kysely';

/**
 * The tables, declared once for both engines. Portable choices, so one query serves both:
 * times are epoch milliseconds in `bigint` columns (SQLite has no timestamptz), booleans are
 * 0/1 integers, JSON is text we parse ourselves, ids are time-ordered text (see util/ids.ts).
 */
export interface Database {
  programs: ProgramsTable;
  api_keys: ApiKeysTable;
  webhooks: WebhooksTable;
  events: EventsTable;
  idempotency_keys: IdempotencyKeysTable;
  deliveries: DeliveriesTable;
  attempts: AttemptsTable;
  partners: PartnersTable;
  customers: CustomersTable;
  transactions: TransactionsTable;
  rewards: RewardsTable;
  referral_links: ReferralLinksTable;
  sessions: SessionsTable;
  sign_in_links: SignInLinksTable;
  leads: LeadsTable;
  payout_requests: PayoutRequestsTable;
  subscribers: SubscribersTable;
  customer_balance_entries: CustomerBalanceEntriesTable;
  program_counters: ProgramCountersTable;
  coupons: CouponsTable;
  promotion_codes: PromotionCodesTable;
  customer_referral_links: CustomerReferralLinksTable;
  customer_invitations: CustomerInvitationsTable;
}

export interface ProgramsTable {
  id: string;
  name: string;
  /** JSON: program settings (website, currency, commission rule, review period...). */
  settings: string;
  created_at: number;
  updated_at: number;
}

export interface ApiKeysTable {
  id: string;
  program_id: string;
  name: string;
  /** First characters of the key, to tell keys apart in listings without revealing them. */
  prefix: string;
  /** SHA-256 hex of the whole key. Keys are high-entropy, so a fast hash is enough. */
  key_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface WebhooksTable {
  id: string;
  program_id: string;
  key: string;
  name: string;
  url: string;
  is_active: number;
  /** The current signing secret (the API's `signature`). */
  secret: string;
  /** JSON array of `{secret, expires_at}`: rotated-out secrets that still sign. */
  previous_secrets: string;
  /** JSON array of event type names, or `["*"]`. */
  events: string;
  /** `endpoint` (a user's URL), `listener` (a `hookline listen` session) or `postback` (a partner's). */
  kind: Generated<string>;
  created_at: number;
  updated_at: number;
  /** Epoch ms of the first failed attempt since the last success; null while healthy. */
  failing_since: Generated<number | null>;
  /** Deliveries that failed for good in a row (reset by any success). */
  consecutive_failures: Generated<number>;
  /** Why Hookline disabled the webhook (null when it never did, or a user changed it since). */
  disabled_reason: Generated<string | null>;
  /** Epoch ms Hookline disabled the webhook. */
  disabled_at: Generated<number | null>;
  /** A receiver's `Retry-After`: no attempt to this webhook before this epoch ms. */
  paused_until: Generated<number | null>;
  /** 1: receives the program's operational events (`webhook.disabled`, ...). */
  operational: Generated<number>;
  /**
   * Listeners: the API key whose session registered or last opened it; revoking that key stops
   * the listener. Null for endpoints; `sign-in-link` (no key) for a dashboard session opened
   * through a one-time link.
   */
  api_key_id: Generated<string | null>;
  /** Postbacks (kind `postback`): the owning partner's id; null for the owner's webhooks. */
  partner_id: Generated<string | null>;
  /** Postbacks: `webhook` (the signed envelope) or `url` (a URL template with macros). */
  postback_format: Generated<string | null>;
  /** Postbacks of the `url` format: `GET` or `POST` (a form body). */
  method: Generated<string | null>;
}

export interface EventsTable {
  id: string;
  program_id: string;
  type: string;
  /** JSON of the event's `data`. */
  data: string;
  /** `api` (POST /v1/events), `resource` (a partner-program change) or `test`. */
  source: string;
  created_at: number;
}

export interface IdempotencyKeysTable {
  program_id: string;
  key: string;
  /** SHA-256 of the request body, to refuse the same key with a different request. */
  request_hash: string;
  status_code: number;
  /** JSON of the response body that the first request got. */
  response: string;
  created_at: number;
}

export interface DeliveriesTable {
  id: string;
  program_id: string;
  event_id: string;
  event_type: string;
  webhook_id: string;
  webhook_key: string;
  /** The URL and key the envelope names, fixed at enqueue (the body is rebuilt from them). */
  url: string;
  status: string;
  attempts: number;
  /** When the next scheduled attempt is due; null when the delivery is final. */
  next_attempt_at: number | null;
  /** Lease: a claimed delivery is not claimed again before this time. */
  locked_until: number | null;
  locked_by: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: number | null;
  /** Why a delivery was cancelled (webhook deactivated or deleted). */
  cancel_reason: string | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  /** Attempts answered 429/503 with `Retry-After` that did not use the retry budget. */
  throttled_attempts: Generated<number>;
  /** `0`: the owner's webhooks and listeners; `1`: a partner's postbacks (migration 0017). */
  lane: Generated<number>;
}

export interface AttemptsTable {
  id: string;
  delivery_id: string;
  program_id: string;
  webhook_id: string;
  number: number;
  trigger: string;
  started_at: number;
  duration_ms: number;
  /** JSON object of the request headers as sent (signatures, never the secret). */
  request_headers: string;
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
  succeeded: number;
  error_class: string | null;
  error_message: string | null;
}

export interface PartnersTable {
  id: string;
  program_id: string;
  key: string;
  email: string;
  name: string | null;
  surname: string | null;
  /** `pending`, `active`, `rejected` or `archived` (deletion sets `deleted_at` only). */
  status: string;
  /** 1 once approved (or admitted without review); stays 1 while archived. */
  approved: number;
  /** The status an archived partner returns to on revoke-archive. */
  status_before_archive: string | null;
  /** JSON array of tag strings. */
  tags: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface CustomersTable {
  id: string;
  program_id: string;
  key: string;
  partner_id: string | null;
  email: string | null;
  name: string | null;
  surname: string | null;
  status: string;
  tags: string;
  /** Set while archived (migration 0007). */
  archived_at: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  /** Refer-a-friend: the referring customer's row id and key (0008_program_types). */
  referring_customer_id: string | null;
  referring_customer_key: string | null;
}

export interface TransactionsTable {
  id: string;
  program_id: string;
  key: string;
  action: string;
  /** Integer minor units (cents); money is never a float in storage. */
  amount_minor: number;
  amount_units: string;
  partner_id: string | null;
  customer_id: string;
  credit: number;
  is_currency: number;
  product_id: string | null;
  product_type: string | null;
  /** Amount before discounts, minor units, as the client sent it (migration 0007). */
  gross_amount_minor: number | null;
  /** Discount given on the sale, minor units (migration 0007). */
  discount_amount_minor: number | null;
  discount_code: string | null;
  /** Set while archived (with `deleted_at`); revoke-archive clears both (migration 0007). */
  archived_at: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** A partner's additional referral links; its main link is its own key (migration 0007). */
export interface ReferralLinksTable {
  id: string;
  program_id: string;
  partner_id: string;
  /** The link's referral key (`?aff=<key>`), unique per program among links and partner keys. */
  key: string;
  created_at: number;
  updated_at: number;
}

export interface RewardsTable {
  id: string;
  program_id: string;
  /** Null for manual bonuses and converted leads (0008_program_types). */
  transaction_id: string | null;
  partner_id: string;
  customer_id: string | null;
  action: string;
  status: string;
  /** Integer minor units; negative for a refund adjustment. */
  amount_minor: number;
  amount_units: string;
  is_currency: number;
  credit: number;
  product_id: string | null;
  product_type: string | null;
  /** While its transaction is archived: the status it returns to (migration 0007). */
  status_before_archive: string | null;
  /** When a reward in `review_period` becomes due for automatic approval. */
  review_ends_at: number | null;
  created_at: number;
  updated_at: number;
  approved_at: number | null;
  paid_at: number | null;
  deleted_at: number | null;
  /** Why a manual reward was given. */
  note: string | null;
  /**
   * The payout request holding this reward (open or paid), by its per-program `number` (the
   * id the API shows; rows older than migration 0012 hold the old id, which is that number).
   */
  payout_request_id: number | null;
}

export interface SessionsTable {
  /** SHA-256 hex of the session token held in the cookie. */
  id: string;
  program_id: string;
  api_key_id: string | null;
  /** CSRF token bound to this session. */
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

/** One-time dashboard sign-in links (migration 0003_dashboard). */
export interface SignInLinksTable {
  /** SHA-256 hex of the link's token. */
  id: string;
  program_id: string;
  created_at: number;
  expires_at: number;
  /** Set when the link is used; a link works once. */
  used_at: number | null;
}

/** Leads submitted by partners (affiliate programs; 0008_program_types). */
export interface LeadsTable {
  /** Installation-wide row id; internal since migration 0012 (the API shows `number`). */
  id: Generated<number>;
  program_id: string;
  /** The id the API shows: per program (rows older than 0012 keep their old id here). */
  number: number;
  partner_id: string;
  name: string | null;
  email: string;
  /** `pending`, `converted` or `rejected`. */
  status: string;
  /** The converted amount, in minor units of `amount_units`. */
  amount_minor: number | null;
  amount_units: string | null;
  reward_id: string | null;
  created_at: number;
  updated_at: number;
  converted_at: number | null;
  rejected_at: number | null;
}

/** Payout requests: a partner's approved rewards in one currency, paid together. */
export interface PayoutRequestsTable {
  /** Installation-wide row id; internal since migration 0012 (the API shows `number`). */
  id: Generated<number>;
  program_id: string;
  /** The id the API shows: per program (rows older than 0012 keep their old id here). */
  number: number;
  partner_id: string;
  /** `requested`, `approved`, `finished` (paid) or `rejected`. */
  status: string;
  amount_minor: number;
  amount_units: string;
  gateway: string | null;
  /** JSON object of the payout details given (PayPal email, wallet...). */
  payout_settings: string;
  created_at: number;
  updated_at: number;
  approved_at: number | null;
  paid_at: number | null;
  rejected_at: number | null;
}

/** Newsletter referral program subscribers. Deleting one removes the row. */
export interface SubscribersTable {
  id: string;
  program_id: string;
  key: string;
  email: string;
  name: string | null;
  tos: number | null;
  marketing_consent: number | null;
  /** `active`, `rejected` or `suspended`. */
  status: string;
  approved: number;
  referring_subscriber_id: string | null;
  /** JSON array of the rewards received. */
  rewards: string;
  created_at: number;
  updated_at: number;
}

/** Credits and referral rewards of refer-a-friend customers; the balance is their sum. */
export interface CustomerBalanceEntriesTable {
  id: string;
  program_id: string;
  customer_id: string;
  /** `credit` or `reward`. */
  type: string;
  amount_minor: number;
  amount_units: string;
  is_currency: number;
  note: string | null;
  referred_customer_id: string | null;
  created_at: number;
}

/** Per-program sequences (`leads`, `payout_requests`): the last number handed out. */
export interface ProgramCountersTable {
  program_id: string;
  name: string;
  value: number;
}

/** Partnero's coupons: a discount rule; customers redeem it through promotion codes. */
export interface CouponsTable {
  id: string;
  program_id: string;
  /** Partnero's numeric `id`, per program. */
  number: number;
  uuid_code: string;
  name: string;
  active: number;
  /** `percent` or `static`. */
  discount_type: string;
  discount_amount: number;
  /** `once`, `hours`, `days`, `months`, `years` or `lifetime`. */
  duration_type: string;
  duration_value: number | null;
  redemption_date_status: number;
  /** `YYYY-MM-DD`. */
  redemption_date_value: string | null;
  redemption_times_status: number;
  redemption_times_value: number | null;
  /** JSON object. */
  metadata: string;
  created_at: number;
  updated_at: number;
}

/** A code customers enter for a coupon, optionally a partner's (then it attributes sales). */
export interface PromotionCodesTable {
  id: string;
  program_id: string;
  coupon_id: string;
  code: string;
  /** `code` lower-cased: the unique, case-insensitive match. */
  code_key: string;
  partner_id: string | null;
  customer_id: string | null;
  active: number;
  first_time_order: number;
  minimum_order_status: number;
  minimum_order_value: number | null;
  expiration_date_status: number;
  /** `YYYY-MM-DD`. */
  expiration_date_value: string | null;
  redemption_times_status: number;
  redemption_times_value: number | null;
  /** JSON object. */
  metadata: string;
  created_at: number;
  updated_at: number;
}

/** A refer-a-friend customer's additional referral link (0015_customer_referrals). */
export interface CustomerReferralLinksTable {
  id: string;
  program_id: string;
  customer_id: string;
  key: string;
  created_at: number;
  updated_at: number;
}

/** An invitation of `POST /v1/customers:invite` (0015_customer_referrals). */
export interface CustomerInvitationsTable {
  id: string;
  program_id: string;
  email: string;
  name: string | null;
  customer_id: string | null;
  /** JSON object of strings. */
  personalization: string;
  /** `recorded` (no SMTP configured), `sent` or `failed`. */
  status: string;
  error: string | null;
  created_at: number;
  sent_at: number | null;
}
