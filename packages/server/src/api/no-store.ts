import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * An `onSend` hook that marks an answer `Cache-Control: no-store`: API answers and sign-in
 * answers can carry secrets (a new API key, a webhook's signing secret, a session's CSRF
 * token) that no browser or intermediary cache may keep.
 */
export async function noStore<T>(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: T,
): Promise<T> {
  void reply.header('cache-control', 'no-store');
  return payload;
}
