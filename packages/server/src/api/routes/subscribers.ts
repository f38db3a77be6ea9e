import { z } from 'zod';
import {
  createSubscriber,
  deleteSubscriber,
  findSubscriber,
  getSubscriber,
  listSubscribers,
  presentSubscriber,
  rewardSubscriber,
  updateSubscriber,
} from '../../domain/subscribers.js';
import type { SubscriberRef } from '../../domain/subscribers.js';
import { invalidField } from '../../domain/errors.js';
import { loadSettings } from '../../domain/program-settings.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { email, identifier, referralKey } from './partner-fields.js';
import { statusOnly } from './common-schemas.js';
import { subscriberPage, subscriberResponse } from './subscribers-schemas.js';

const fields = {
  name: z.string().trim().max(200).nullable().optional(),
  key: referralKey.optional(),
  tos: z.boolean().nullable().optional(),
  marketing_consent: z.boolean().nullable().optional(),
  // Partnero shows statuses capitalised ("Active") and takes them lower-case; both are read.
  status: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['active', 'rejected', 'suspended']))
    .optional(),
  approved: z.boolean().optional(),
};
const ref = z
  .object({ id: identifier.optional(), email: email.optional() })
  .refine((r) => r.id !== undefined || r.email !== undefined, {
    message: 'give the subscriber id or email',
  });

// Partnero's legacy docs type `referral` as object[]; a one-element array is read as the object.
const referral = z.union([
  ref,
  z
    .array(ref)
    .length(1)
    .transform((list) => list[0]),
]);
const createBody = z.object({
  ...fields,
  email,
  id: identifier.optional(),
  referral: referral.optional(),
});
const updateFields = z.object({ ...fields, email: email.optional() });
const updateBody = z.union([z.object({ update: updateFields }), updateFields]);
// The PHP SDK updates with `PUT /subscribers` and names the subscriber in the body.
const bodyUpdate = z.object({
  id: identifier.optional(),
  email: email.optional(),
  update: updateFields,
});
const idParams = z.object({ id: z.string().min(1).max(255) });
// The PHP SDK's find sends `?id=` besides the path; it is the same subscriber.
const showQuery = z.object({
  id: z.string().max(255).optional(),
  email: z.string().max(254).optional(),
});
const sort = z.enum(['asc', 'desc']).optional().describe('By creation; default asc');
const listQuery = pageQuery.extend({
  sort,
  refer_status: z.enum(['referred', 'non_referred']).optional(),
  // The PHP SDK's `find(null, $email)` sends `GET /subscribers/` with `{"email"}`: a filter,
  // as on the partners list.
  email: z.string().max(254).optional(),
});
const searchQuery = pageQuery.extend({
  sort,
  id: z.string().max(255).optional(),
  email: z.string().max(254).optional(),
  key: z.string().max(64).optional(),
});
const rewardBody = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  fulfillment_type: z.string().trim().max(50).nullable().optional(),
  fulfillment_value: z.string().trim().max(500).nullable().optional(),
});

function refOf(input: { id?: string | undefined; email?: string | undefined }): SubscriberRef {
  if (input.id === undefined && input.email === undefined) {
    throw invalidField('id', 'Give the subscriber id or email.');
  }
  return input.id !== undefined ? { id: input.id } : { email: input.email };
}

/**
 * `{id}` in a path is the subscriber's id or, as the PHP SDK's `find(null, $email)` fills it,
 * its email: ids never contain "@", so the two cannot be confused.
 */
function pathRef(given: string): { id: string } | { email: string } {
  return given.includes('@') ? { email: given } : { id: given };
}

/** Newsletter subscribers: `/v1/subscribers[/{id}]`, `:search`, `reward`. */
export function registerSubscriberRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['subscribers'];
  const one = { 200: subscriberResponse };

  app.get(
    '/subscribers',
    {
      schema: {
        tags,
        summary: 'List subscribers, oldest first',
        querystring: listQuery,
        response: { 200: subscriberPage },
      },
    },
    async (request) => {
      const { limit, page, sort: order, refer_status, email: byEmail } = request.query;
      const rows = await listSubscribers(
        db,
        principalOf(request).programId,
        { refer_status, email: byEmail },
        { limit, offset: offsetOf({ limit, page }), sort: order },
      );
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.get(
    '/subscribers::search',
    {
      schema: {
        tags,
        summary: 'Search subscribers by id, email or key',
        querystring: searchQuery,
        response: { 200: subscriberPage },
      },
    },
    async (request) => {
      const { limit, page, sort: order, id, email: byEmail, key } = request.query;
      const { programId } = principalOf(request);
      if (id !== undefined) {
        const found = await findSubscriber(db, programId, { id });
        const { website_url } = await loadSettings(db, programId);
        const rows = found && page === 1 ? [presentSubscriber(found, website_url)] : [];
        return paginate(request, deps.config.publicUrl, { limit, page }, rows);
      }
      const rows = await listSubscribers(
        db,
        programId,
        { email: byEmail, key },
        { limit, offset: offsetOf({ limit, page }), sort: order },
      );
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/subscribers',
    {
      schema: {
        tags,
        summary: 'Create a subscriber (subscriber.created)',
        body: createBody,
        response: { 201: subscriberResponse },
      },
    },
    async (request, reply) => {
      const subscriber = await createSubscriber(deps, principalOf(request).programId, request.body);
      return reply.code(201).send(ok(subscriber));
    },
  );

  app.get(
    '/subscribers/:id',
    {
      schema: {
        tags,
        summary: 'Show a subscriber',
        params: idParams,
        querystring: showQuery,
        response: one,
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      // `{id}` is the subscriber's id or, as the PHP SDK's `find(null, $email)` fills it, its
      // email (ids never contain "@").
      const row = await getSubscriber(db, programId, pathRef(request.params.id));
      return ok(presentSubscriber(row, (await loadSettings(db, programId)).website_url));
    },
  );

  app.put(
    '/subscribers/:id',
    {
      schema: {
        tags,
        summary: 'Update a subscriber (subscriber.updated)',
        params: idParams,
        body: updateBody,
        response: one,
      },
    },
    async (request) => {
      const update = 'update' in request.body ? request.body.update : request.body;
      return ok(
        await updateSubscriber(
          deps,
          principalOf(request).programId,
          pathRef(request.params.id),
          update,
        ),
      );
    },
  );

  app.put(
    '/subscribers',
    {
      schema: {
        tags,
        summary: 'Update the subscriber named by id or email in the body (subscriber.updated)',
        body: bodyUpdate,
        response: one,
      },
    },
    async (request) =>
      ok(
        await updateSubscriber(
          deps,
          principalOf(request).programId,
          refOf(request.body),
          request.body.update,
        ),
      ),
  );

  app.delete(
    '/subscribers/:id',
    {
      schema: {
        tags,
        summary: 'Delete a subscriber (subscriber.deleted)',
        params: idParams,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      await deleteSubscriber(deps, principalOf(request).programId, pathRef(request.params.id));
      return { status: 1 as const };
    },
  );

  app.delete(
    '/subscribers',
    {
      schema: {
        tags,
        summary: 'Delete the subscriber named by ?id= or ?email= (subscriber.deleted)',
        querystring: showQuery,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      await deleteSubscriber(deps, principalOf(request).programId, refOf(request.query));
      return { status: 1 as const };
    },
  );

  app.post(
    '/subscribers/:id/reward',
    {
      schema: {
        tags,
        summary: 'Give a subscriber a reward (subscriber.rewarded)',
        params: idParams,
        body: rewardBody,
        response: one,
      },
    },
    async (request) =>
      ok(
        await rewardSubscriber(
          deps,
          principalOf(request).programId,
          pathRef(request.params.id),
          request.body,
        ),
      ),
  );
}
