import type { Config } from '../config/config.js';
import type { DeliveryFeedMap } from '../deliveries/index.js';
import type { AttemptResponse, OutgoingAttempt } from './destination.js';

/** What the service hands a dispatcher thread at start. */
export interface DispatcherThreadData {
  readonly config: Config;
}

/** Messages from the service to its dispatcher thread. */
export type ToDispatcherThread =
  | { readonly type: 'wake' }
  | { readonly type: 'stop' }
  | {
      readonly type: 'listener-result';
      readonly id: number;
      readonly response?: AttemptResponse;
      readonly error?: { readonly message: string; readonly code?: string };
    };

/** Messages from a dispatcher thread to the service. */
export type FromDispatcherThread =
  | { readonly type: 'started'; readonly workerId: string }
  | {
      readonly type: 'event';
      readonly name: keyof DeliveryFeedMap;
      readonly args: DeliveryFeedMap[keyof DeliveryFeedMap];
    }
  | { readonly type: 'in-flight'; readonly count: number }
  | { readonly type: 'listener'; readonly id: number; readonly attempt: OutgoingAttempt }
  | { readonly type: 'listener-abort'; readonly id: number }
  | { readonly type: 'stopped'; readonly released: number }
  | { readonly type: 'failed'; readonly message: string };

/** Every event the dispatcher emits, forwarded from the thread to the service's emitter. */
export const FORWARDED_EVENTS: readonly (keyof DeliveryFeedMap)[] = [
  'delivery:attempt:succeeded',
  'delivery:attempt:failed',
  'delivery:succeeded',
  'delivery:failed',
  'delivery:cancelled',
  'dispatcher:claimed',
  'dispatcher:started',
  'dispatcher:stopped',
  'dispatcher:error',
];
