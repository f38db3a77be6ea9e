import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseHttpUrl } from '../../src/cli/api-client.js';
import { EXIT } from '../../src/cli/cli-error.js';
import { parseEventsFlag, reconnectDelay } from '../../src/cli/commands/listen.js';
import { readServerSentEvents } from '../../src/cli/sse-reader.js';
import { loadCliEnv } from '../../src/config/config.js';

async function collect(chunks: string[]) {
  const out = [];
  for await (const e of readServerSentEvents(Readable.from(chunks.map((c) => Buffer.from(c)))))
    out.push(e);
  return out;
}

describe('CLI building blocks', () => {
  it('parses server-sent events split across chunks, CRLF, comments and multi-line data', async () => {
    const events = await collect([
      ': ping\n\nevent: ready\nda',
      'ta: {"id":1}\n\n',
      'event: delivery\r\ndata: line1\r\ndata: line2\r\nid: 7\r\n\r\n',
      'data: no event name\n\n',
    ]);
    expect(events).toEqual([
      { event: 'ready', data: '{"id":1}', id: undefined },
      { event: 'delivery', data: 'line1\nline2', id: '7' },
      { event: 'message', data: 'no event name', id: '7' },
    ]);
  });

  it('validates --events and --forward-to as usage errors', () => {
    expect(parseEventsFlag(undefined)).toEqual(['*']);
    expect(parseEventsFlag('partner.created, reward.paid')).toEqual([
      'partner.created',
      'reward.paid',
    ]);
    expect(() => parseEventsFlag('partner.nope')).toThrow(
      expect.objectContaining({ exitCode: EXIT.usage }),
    );
    expect(parseHttpUrl('http://localhost:3000/hooks', '--forward-to').port).toBe('3000');
    expect(() => parseHttpUrl('localhost:3000', '--forward-to')).toThrow(/--forward-to/);
  });

  it('backs off reconnects from 1 s to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(reconnectDelay)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('reads the client settings from the environment given', () => {
    expect(loadCliEnv({ HOOKLINE_API_URL: ' http://h:1 ', HOOKLINE_API_KEY: '' })).toEqual({
      apiUrl: 'http://h:1',
      apiKey: undefined,
      noColor: false,
    });
  });
});
