import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature check of Partnero's official n8n trigger node, copied from
 * `partnero/n8n-nodes-partnero`, `nodes/PartneroTrigger/PartneroTrigger.node.ts` (MIT), with
 * n8n's request object replaced by its two inputs. A delivery that passes here passes the
 * trigger node.
 */
export function n8nAcceptsSignature(
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): boolean {
  const received = headers.signature;
  const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
  return typeof received === 'string' && safeCompare(received, expected);
}

function safeCompare(received: string, expected: string): boolean {
  const receivedBuffer = Buffer.from(received);
  const expectedBuffer = Buffer.from(expected);

  if (receivedBuffer.length !== expectedBuffer.length) {
    return false;
  }

  return timingSafeEqual(receivedBuffer, expectedBuffer);
}
