import type { Config } from '../config/config.js';
import type { Store } from '../storage/index.js';
import { DeliveryFeed } from '../deliveries/index.js';
import type { Destination } from './destination.js';
import { createListenerDestination } from './listener-destination.js';
import type { ListenerTransport } from './listener-destination.js';
import { createSender } from './sender.js';
import { createThreadSender } from './sender-thread.js';
import { createPostbackSender } from './postback-sender.js';
import type { Resolver } from './guarded-connector.js';
import type { Sender } from './sender.js';

/**
 * What the API, the dispatcher and other features share about delivery in one process: the
 * sender (destinations, connection pools, SSRF guard) and the lifecycle events (which the
 * metrics, `tail` and the logs subscribe to). Passed to the app as `AppDeps.delivery`.
 */
export interface DeliveryServices {
  readonly sender: Sender;
  readonly events: DeliveryFeed;
  /** Registers the transport of `listener:` webhooks (`hookline listen`), or removes it. */
  setListenerTransport(transport: ListenerTransport | undefined): void;
  /** The listener relay of this process (a dispatcher thread hands its listener attempts here). */
  readonly listener: Destination;
  close(): Promise<void>;
}

/**
 * Creates the delivery services of a process from its configuration.
 *
 * @example
 * const services = createDeliveryServices({ config });
 */
export function createDeliveryServices(input: {
  readonly config: Config;
  /** Replaces DNS resolution of deliveries (tests). */
  readonly resolver?: Resolver;
  /** Where listener attempts go when no session is in this thread (a dispatcher thread). */
  readonly listenerTransport?: ListenerTransport;
  /** Send HTTP attempts from a thread of their own (createThreadSender). */
  readonly senderThread?: boolean;
  /** The sender thread died (default: the process crashes). */
  readonly onThreadFailure?: (error: Error) => void;
}): DeliveryServices {
  const { config } = input;
  const events = new DeliveryFeed();
  const listener = createListenerDestination(input.listenerTransport);
  const local = createSender({
    timeoutMs: config.deliveryTimeoutMs,
    allowPrivateNetworks: config.allowPrivateNetworks,
    connectionsPerWebhook: config.maxInFlightPerWebhook,
    ...(config.dnsServers.length > 0 ? { dnsServers: config.dnsServers } : {}),
    ...(input.resolver ? { resolver: input.resolver } : {}),
    listener,
  });
  const threadData = {
    timeoutMs: config.deliveryTimeoutMs,
    allowPrivateNetworks: config.allowPrivateNetworks,
    connectionsPerWebhook: config.maxInFlightPerWebhook,
    dnsServers: config.dnsServers,
  };
  const owner = input.senderThread
    ? createThreadSender(threadData, local, input.onThreadFailure)
    : local;
  // Partners' postbacks on a thread of their own, whatever the threading (postback-sender.ts),
  // at a lower CPU priority than the owner's work (thread-priority.ts).
  const sender = createPostbackSender(owner, () =>
    createThreadSender(
      { ...threadData, nice: config.postbackNice },
      undefined,
      input.onThreadFailure,
    ),
  );
  let closing: Promise<void> | undefined;
  return {
    sender,
    events,
    listener,
    setListenerTransport: (transport) => listener.setTransport(transport),
    close() {
      closing ??= sender.close();
      return closing;
    },
  };
}

const fallbacks = new WeakMap<Store, DeliveryServices>();

/**
 * The delivery services of an app: `deps.delivery` when the service wired them, else one set
 * per store created on first use (tests and tools that build the app alone). `onCreate` lets
 * the caller close a set it caused to be created.
 */
export function deliveryServicesOf(
  deps: { readonly delivery?: DeliveryServices; readonly config: Config; readonly store: Store },
  onCreate: (services: DeliveryServices) => void = () => {},
): DeliveryServices {
  if (deps.delivery) return deps.delivery;
  let services = fallbacks.get(deps.store);
  if (!services) {
    services = createDeliveryServices({ config: deps.config });
    fallbacks.set(deps.store, services);
    onCreate(services);
  }
  return services;
}
