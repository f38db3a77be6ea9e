/**
 * The webhooks module: the only writer of the `webhooks` table (endpoints and listeners). Every
 * change of a webhook is one of these named transitions:
 *
 * | transition | what | caller |
 * |---|---|---|
 * | {@link createWebhook} | ∅ → webhook (a chosen key is unique per program) | `POST /v1/webhooks` |
 * | {@link updateWebhook} | name, URL, events, on/off (off is {@link deactivateAndCancel}) | `PUT /v1/webhooks/{key}` |
 * | {@link deleteWebhook} | cancel pending deliveries, then ∅ | `DELETE /v1/webhooks/{key}` |
 * | {@link rotateSecret}, {@link finishRotation} | new secret, old one signs for a grace period; end it | rotation routes |
 * | {@link deactivateAndCancel} | active → inactive, pending deliveries → cancelled, one transaction | everything that turns a webhook off |
 * | {@link disableWebhook} | Hookline turns a failing endpoint off with a reason (+ cancel) | dispatcher (endpoint lifecycle) |
 * | {@link saveFailureRecords} | `failing_since`, `consecutive_failures` after attempts, one statement for many | dispatcher |
 * | {@link pauseWebhook} | paused until a receiver's `Retry-After` | dispatcher |
 * | {@link enableWebhook}, {@link setOperational} | re-enable (record cleared); operational flag | lifecycle routes |
 * | {@link registerListener}, {@link adoptListener}, {@link stopListener} | a device's listener: create or reactivate, owner key, stop (+ cancel) | listener routes |
 * | {@link stopListenersOfApiKey} | a revoked key's listeners off (+ cancel), in the revocation's transaction | `programs/api-keys.ts` |
 * | {@link resealSecrets} | secrets rewritten under the current encryption key | `hookline secrets reseal` |
 * | {@link createPostback}, {@link updatePostback}, {@link deletePostback}, {@link rotatePostbackSecret}, {@link cancelProgramPostbacks} | a partner's postbacks (kind `postback`, postbacks.ts) | postback routes, portal settings |
 * | {@link deletePartnerPostbacks} | a deleted partner's postbacks (+ cancel), in the deletion's transaction | `domain/partners.ts` |
 * | {@link suspendPartnerPostbacks}, {@link resumePartnerPostbacks} | an archived or rejected partner's postbacks off (+ cancel); on again when it is restored, in the transition's transaction | `domain/partners.ts` |
 * | {@link recordPostbackNotice} | a notice to the partner (its postback was disabled) | notifier |
 *
 * Cancelling deliveries is the deliveries module's `cancelForWebhook`, passed in by the caller
 * (see {@link CancelPendingDeliveries}) and run inside the transition's transaction. Routes
 * validate, call one transition and present its result; they open no transaction on `webhooks`.
 */
export { createWebhook } from './create.js';
export type { CreateWebhookResult, NewWebhook } from './create.js';
export { deactivateAndCancel } from './deactivate.js';
export type { CancelPendingDeliveries, Deactivation } from './deactivate.js';
export {
  disableWebhook,
  enableWebhook,
  pauseWebhook,
  saveFailureRecord,
  saveFailureRecords,
  setOperational,
} from './endpoint-state.js';
export type { FailureRecordChange, StoredFailureRecord } from './endpoint-state.js';
export {
  adoptListener,
  registerListener,
  stopListener,
  stopListenersOfApiKey,
} from './listener-webhooks.js';
export type { ListenerRegistration, ListenerRegistrationResult } from './listener-webhooks.js';
export { resealSecrets } from './reseal-secrets.js';
export type { ResealReport } from './reseal-secrets.js';
export {
  MAX_PREVIOUS_SECRETS,
  finishRotation,
  rotatePostbackSecret,
  rotateSecret,
  signatureSwitchesAt,
} from './rotation.js';
export {
  POSTBACK_EVENTS,
  POSTBACK_FORMATS,
  POSTBACK_METHODS,
  PARTNER_SUSPENSION_REASONS,
  cancelProgramPostbacks,
  createPostback,
  deletePartnerPostbacks,
  deletePostback,
  findPostback,
  listPostbacks,
  presentPostback,
  resumePartnerPostbacks,
  suspendPartnerPostbacks,
  updatePostback,
} from './postbacks.js';
export type {
  CreatePostbackResult,
  NewPostback,
  PartnerSuspensionReason,
  PostbackChanges,
  PostbackEvent,
  PostbackResource,
} from './postbacks.js';
export { listPostbackNotices, recordPostbackNotice } from './postbacks-notices.js';
export type { PostbackNotice } from './postbacks-notices.js';
export { deleteWebhook, updateWebhook } from './update.js';
export type { WebhookChanges } from './update.js';
export {
  activeSecrets,
  findWebhook,
  generateSecret,
  insertWebhook,
  operationalWebhooks,
  presentLifecycle,
  presentWebhook,
} from './webhook-store.js';
export type { PreviousSecret, WebhookResource, WebhookRow } from './webhook-store.js';
