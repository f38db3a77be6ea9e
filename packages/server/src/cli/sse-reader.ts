import { createParser } from 'eventsource-parser';

/** One server-sent event. */
export interface ServerSentEvent {
  /** The `event:` field; `message` when absent. */
  readonly event: string;
  /** The `data:` lines joined with newlines. */
  readonly data: string;
  /** The last event id the stream set (it carries over to later events, as in EventSource). */
  readonly id: string | undefined;
}

/**
 * Reads a `text/event-stream` body as events, parsed by `eventsource-parser` (the WHATWG rules:
 * `event`, multi-line `data`, `id`, `retry`; `:` comments such as heartbeats skipped; CR, LF or
 * CRLF; chunks split anywhere, inside a UTF-8 character too).
 *
 * @example
 * for await (const e of readServerSentEvents(response.body)) if (e.event === 'delivery') ...
 */
export async function* readServerSentEvents(
  body: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<ServerSentEvent> {
  const parsed: ServerSentEvent[] = [];
  let lastId: string | undefined;
  const parser = createParser({
    onEvent(message) {
      lastId = message.id ?? lastId;
      parsed.push({ event: message.event ?? 'message', data: message.data, id: lastId });
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    // Handed out as they complete, so `listen` acts on an event before the next one arrives.
    for (let next = parsed.shift(); next !== undefined; next = parsed.shift()) yield next;
  }
}
