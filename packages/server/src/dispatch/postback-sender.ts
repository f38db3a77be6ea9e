import type { Sender } from './sender.js';

/**
 * The bulkhead between the owner's webhooks and partners' postbacks: postback attempts go to a
 * sender of their own (a thread, started at the first postback), every other attempt to
 * `owner`. Partners' URLs are untrusted, and 200 partners' timing-out postbacks end together:
 * their aborted sockets, the errors and the next 128 connections cost the sender's event loop
 * about 300 ms at once, in which the owner's exchanges on the same loop waited (measured: the
 * owner's p99 next to them 6× the quiet run on SQLite). On a thread of their own they take a
 * share of the cores, not the owner's event loop. A program without postbacks never starts it.
 *
 * @example
 * const sender = createPostbackSender(local, () => createThreadSender(data, undefined));
 */
export function createPostbackSender(owner: Sender, startPostbacks: () => Sender): Sender {
  let postbacks: Sender | undefined;
  return {
    send(request) {
      if (request.webhookKind !== 'postback') return owner.send(request);
      postbacks ??= startPostbacks();
      return postbacks.send(request);
    },
    setListenerTransport: (transport) => owner.setListenerTransport(transport),
    async close() {
      await Promise.all([owner.close(), postbacks?.close()]);
    },
  };
}
