import type { Config } from '../config/config.js';
import type { Store } from '../storage/index.js';
import { DeliveryEvents } from '../deliveries/index.js';
import type { ListenerTransport } from './listener-destination.js';
import { createSender } from './sender.js';
import type { Resolver } from './guarded-connector.js';
import type { Sender } from './sender.js';

/**
 * What the API, the dispatcher and other features share about delivery in one process: the
 * sender (destinations, connection pools, SSRF guard) and the lifecycle events (which the
 * metrics, `tail` and the logs subscribe to). Passed to the app as `AppDeps.delivery`.
 */
export interface DeliveryServices {
  readonly sender: Sender;
  readonly events: DeliveryEvents;
  /** Registers the transport of `listener:` webhooks (`hookline listen`), or removes it. */
  setListenerTransport(transport: ListenerTransport | undefined): void;
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
}): DeliveryServices {
  const { config } = input;
  const events = new DeliveryEvents();
  const sender = createSender({
    timeoutMs: config.deliveryTimeoutMs,
    allowPrivateNetworks: config.allowPrivateNetworks,
    connectionsPerWebhook: config.maxInFlightPerWebhook,
    ...(config.dnsServers.length > 0 ? { dnsServers: config.dnsServers } : {}),
    ...(input.resolver ? { resolver: input.resolver } : {}),
  });
  let closing: Promise<void> | undefined;
  return {
    sender,
    events,
    setListenerTransport: (transport) => sender.setListenerTransport(transport),
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
