// The signature schemes' rules, apart from the HMAC itself: which headers to read, what bytes are
// signed, which keys to try and how signatures are written. The Node and Web Crypto verifiers
// both build a plan here and differ only in how they compute HMAC-SHA256 and compare bytes.

import { WebhookVerificationError } from './errors.js';
import { type HeaderSource, getHeader } from './headers.js';
import {
  base64Decode,
  base64Encode,
  concatBytes,
  hexEncode,
  utf8Decode,
  utf8Encode,
} from './encoding.js';

/** The default tolerance between `webhook-timestamp` and the receiver's clock: 5 minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * A signature scheme Hookline signs with:
 * - `standard`: Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`),
 *   which signs the event id and a timestamp too, so replays can be refused.
 * - `signature`: the Partnero-compatible `Signature` header, a hex HMAC of the body alone.
 */
export type SignatureScheme = 'standard' | 'signature';

/** A raw request body: the bytes as received, or their text. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/**
 * One secret, or several during a rotation (any of them may match). A `whsec_` prefix, as
 * Standard Webhooks tools print secrets, is accepted: it is stripped before base64-decoding the
 * Standard Webhooks key, and for `Signature` both the prefixed and the bare secret are tried.
 */
export type Secret = string | readonly string[];

/** Options of `verify` and `constructEvent`. */
export interface VerifyOptions {
  /**
   * How far `webhook-timestamp` may be from the receiver's clock, in either direction.
   * Only the `standard` scheme carries a timestamp.
   *
   * @defaultValue 300 (5 minutes, as Standard Webhooks and Svix use)
   */
  toleranceSeconds?: number;
  /**
   * Accept only this scheme. By default the Standard Webhooks headers are checked when present
   * (and then they must be valid: there is no fall-back to `Signature`, which would bypass the
   * timestamp check), else `Signature`.
   *
   * @defaultValue undefined (either, preferring `standard`)
   */
  requireScheme?: SignatureScheme;
  /**
   * The current time in milliseconds, for tests.
   *
   * @defaultValue Date.now
   */
  now?: () => number;
}

/** A request that passed verification. Parse `body` with `parseEvent`. */
export type VerifiedWebhook =
  | {
      /** The verified body as text, exactly as signed. */
      body: string;
      scheme: 'standard';
      /** `webhook-id`: the event id. */
      id: string;
      /** `webhook-timestamp`: unix seconds of this attempt. */
      timestamp: number;
    }
  | {
      /** The verified body as text, exactly as signed. */
      body: string;
      scheme: 'signature';
      id?: undefined;
      timestamp?: undefined;
    };

/** What a verifier must check: HMAC-SHA256 of `message` under one of `keys` equals a candidate. */
export interface VerificationPlan {
  result: VerifiedWebhook;
  message: Uint8Array;
  keys: Uint8Array[];
  /** The received signatures, in the encoding of `encoding`. */
  candidates: string[];
  encoding: 'base64' | 'hex';
}

const WHSEC_PREFIX = 'whsec_';
const RAW_BODY_HELP =
  'Pass the raw request body (string, Buffer or Uint8Array) exactly as received: the signature ' +
  'covers those bytes, and re-serialising parsed JSON (JSON.stringify(req.body)) changes them. ' +
  'Use express.raw({ type: "application/json" }), or mount the Hookline handler before any JSON ' +
  'body parser.';

/** Reads a raw body into its bytes and text, refusing anything already parsed. */
export function readBody(rawBody: unknown): { bytes: Uint8Array; text: string } {
  if (typeof rawBody === 'string') return { bytes: utf8Encode(rawBody), text: rawBody };
  if (rawBody instanceof Uint8Array) return { bytes: rawBody, text: utf8Decode(rawBody) };
  if (rawBody instanceof ArrayBuffer) {
    const bytes = new Uint8Array(rawBody);
    return { bytes, text: utf8Decode(bytes) };
  }
  const got = rawBody === null ? 'null' : Array.isArray(rawBody) ? 'an array' : typeof rawBody;
  const what = got === 'object' ? 'an already-parsed object' : got;
  throw new WebhookVerificationError(
    'invalid_body',
    `Expected the raw body, got ${what}. ${RAW_BODY_HELP}`,
  );
}

function secretList(secret: unknown): string[] {
  const list = Array.isArray(secret) ? secret : [secret];
  const secrets = list
    .filter((s): s is string => typeof s === 'string')
    .filter((s) => s !== '' && s !== WHSEC_PREFIX);
  if (secrets.length === 0) {
    throw new WebhookVerificationError(
      'missing_secret',
      'No signing secret given: pass the webhook secret (its `signature` field), e.g. from an environment variable.',
    );
  }
  return secrets;
}

const stripPrefix = (secret: string): string =>
  secret.startsWith(WHSEC_PREFIX) ? secret.slice(WHSEC_PREFIX.length) : secret;

/** Turns secrets into Standard Webhooks keys (base64-decoded), skipping any that are not base64. */
function standardKeys(secrets: readonly string[]): Uint8Array[] {
  const keys = secrets
    .map((s) => base64Decode(stripPrefix(s)))
    .filter((k): k is Uint8Array => k !== undefined && k.length > 0);
  if (keys.length === 0) {
    throw new WebhookVerificationError(
      'missing_secret',
      'No secret is valid base64, so none can be a Standard Webhooks key. Hookline secrets are 32 letters and digits; check that the whole secret was copied.',
    );
  }
  return keys;
}

function parseTimestamp(header: string, nowMs: number, toleranceSeconds: number): number {
  if (!/^\d{1,15}$/.test(header)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      `webhook-timestamp must be unix seconds, got "${header.slice(0, 32)}"`,
    );
  }
  const timestamp = Number(header);
  const now = Math.floor(nowMs / 1000);
  if (now - timestamp > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `webhook-timestamp is ${now - timestamp}s old, more than the ${toleranceSeconds}s tolerance: a replay, or this machine's clock is ahead`,
    );
  }
  if (timestamp - now > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `webhook-timestamp is ${timestamp - now}s in the future, more than the ${toleranceSeconds}s tolerance: this machine's clock is behind`,
    );
  }
  return timestamp;
}

/** Splits `webhook-signature` into its `v1` signatures (other versions are skipped). */
function standardCandidates(header: string): string[] {
  const out: string[] = [];
  for (const entry of header.split(/\s+/)) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    // Node joins repeated headers with ", ", which leaves a trailing comma on all but the last.
    const signature = entry.slice(comma + 1).replace(/,$/, '');
    if (signature !== '') out.push(signature);
  }
  return out;
}

/**
 * Decides the scheme and builds everything the HMAC step needs, or throws the reason the request
 * cannot be verified before any HMAC is computed.
 */
export function planVerification(
  rawBody: unknown,
  headers: HeaderSource,
  secret: unknown,
  options: VerifyOptions = {},
): VerificationPlan {
  const { bytes, text } = readBody(rawBody);
  const secrets = secretList(secret);
  if (headers === null || typeof headers !== 'object') {
    throw new WebhookVerificationError('missing_signature', 'No request headers given');
  }
  const id = getHeader(headers, 'webhook-id');
  const timestampHeader = getHeader(headers, 'webhook-timestamp');
  const standardSignature = getHeader(headers, 'webhook-signature');
  const signature = getHeader(headers, 'signature');
  const standardPresent =
    id !== undefined || timestampHeader !== undefined || standardSignature !== undefined;

  const scheme: SignatureScheme =
    options.requireScheme ??
    (standardPresent || signature === undefined ? 'standard' : 'signature');

  if (scheme === 'signature') {
    if (signature === undefined) {
      throw new WebhookVerificationError('missing_signature', 'The Signature header is missing');
    }
    return {
      result: { body: text, scheme },
      message: bytes,
      // The sender keys Signature with the secret string as is. A `whsec_` prefix is a
      // Standard Webhooks spelling, so with one the bare secret is tried too.
      keys: secrets
        .flatMap((s) => (s === stripPrefix(s) ? [s] : [s, stripPrefix(s)]))
        .map(utf8Encode),
      candidates: signature
        .split(/[\s,]+/)
        .filter((s) => s !== '')
        .map((s) => s.toLowerCase()),
      encoding: 'hex',
    };
  }

  if (id === undefined || timestampHeader === undefined || standardSignature === undefined) {
    const missing = [
      id === undefined && 'webhook-id',
      timestampHeader === undefined && 'webhook-timestamp',
      standardSignature === undefined && 'webhook-signature',
    ].filter(Boolean);
    throw new WebhookVerificationError(
      'missing_signature',
      standardPresent
        ? `Incomplete Standard Webhooks headers: missing ${missing.join(', ')}`
        : options.requireScheme === 'standard'
          ? 'Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) are required and missing'
          : 'No signature headers: expected webhook-id, webhook-timestamp and webhook-signature, or Signature',
    );
  }
  const keys = standardKeys(secrets);
  const timestamp = parseTimestamp(
    timestampHeader,
    (options.now ?? Date.now)(),
    options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
  );
  const candidates = standardCandidates(standardSignature);
  if (candidates.length === 0) {
    throw new WebhookVerificationError('invalid_signature', 'webhook-signature has no v1 entry');
  }
  return {
    result: { body: text, scheme, id, timestamp },
    message: concatBytes(utf8Encode(`${id}.${timestamp}.`), bytes),
    keys,
    candidates,
    encoding: 'base64',
  };
}

/**
 * Finishes a plan with the HMACs computed for its keys: returns the verified result when a
 * candidate equals one of them, compared with `equal` (constant-time), or throws.
 */
export function completeVerification(
  plan: VerificationPlan,
  macs: readonly Uint8Array[],
  equal: (a: Uint8Array, b: Uint8Array) => boolean,
): VerifiedWebhook {
  const encode = plan.encoding === 'hex' ? hexEncode : base64Encode;
  const received = plan.candidates.map(utf8Encode);
  let matched = false;
  // Every pair is compared, without stopping at the first match, so timing reveals nothing about
  // which secret or entry matched.
  for (const mac of macs) {
    const expected = utf8Encode(encode(mac));
    for (const candidate of received) {
      if (candidate.length === expected.length && equal(candidate, expected)) matched = true;
    }
  }
  if (!matched) {
    throw new WebhookVerificationError(
      'invalid_signature',
      plan.result.scheme === 'standard'
        ? 'No webhook-signature entry matches: wrong secret, or the body was changed (re-serialised) before verification'
        : 'The Signature header does not match: wrong secret, or the body was changed (re-serialised) before verification',
    );
  }
  return plan.result;
}

/** Options of `signPayload`. */
export interface SignOptions {
  /**
   * The event id for `webhook-id`. Use the envelope's `id` so that receivers can deduplicate.
   *
   * @defaultValue a random `evt_` id
   */
  id?: string;
  /**
   * The attempt time for `webhook-timestamp`, as unix seconds or a `Date`.
   *
   * @defaultValue now
   */
  timestamp?: number | Date;
}

/**
 * The headers Hookline sends with a webhook request (lower-case names, as HTTP/2 and `fetch` use).
 */
export interface SignedHeaders {
  'content-type': 'application/json';
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  signature: string;
  [name: string]: string;
}

/** What a signer must compute: HMACs of the two messages under the listed keys. */
export interface SigningPlan {
  id: string;
  timestamp: number;
  body: Uint8Array;
  standardMessage: Uint8Array;
  standardKeys: Uint8Array[];
  /** The key of the `Signature` header: the first (newest) secret, as is (as the server does). */
  signatureKey: Uint8Array;
}

/** Builds what a signer needs; see `signPayload`. */
export function planSigning(
  rawBody: unknown,
  secret: unknown,
  options: SignOptions,
  randomId: () => string,
): SigningPlan {
  const { bytes } = readBody(rawBody);
  const secrets = secretList(secret);
  const id = options.id ?? randomId();
  const ts = options.timestamp ?? Date.now() / 1000;
  const timestamp = Math.floor(ts instanceof Date ? ts.getTime() / 1000 : ts);
  return {
    id,
    timestamp,
    body: bytes,
    standardMessage: concatBytes(utf8Encode(`${id}.${timestamp}.`), bytes),
    standardKeys: standardKeys(secrets),
    signatureKey: utf8Encode(secrets[0] as string),
  };
}

/** Writes the headers from the HMACs a signer computed for a plan. */
export function signedHeaders(
  plan: SigningPlan,
  standardMacs: readonly Uint8Array[],
  signatureMac: Uint8Array,
): SignedHeaders {
  return {
    'content-type': 'application/json',
    'webhook-id': plan.id,
    'webhook-timestamp': String(plan.timestamp),
    'webhook-signature': standardMacs.map((mac) => `v1,${base64Encode(mac)}`).join(' '),
    signature: hexEncode(signatureMac),
  };
}
