import { z } from 'zod';
import {
  convertLead,
  deleteLead,
  getLead,
  listLeads,
  presentLead,
  rejectLead,
  submitLead,
} from '../../domain/leads.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { leadPage, leadResponse } from './leads-schemas.js';
import { email, partnerRef, personName } from './partner-fields.js';
import { amountField } from './program-type-fields.js';
import { statusOnly } from './common-schemas.js';

/** A lead id: Partnero's are numbers, and its clients send them as numbers or in paths. */
const leadId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const idParams = z.object({ id: leadId });

const listQuery = pageQuery.extend({
  sort: z.enum(['asc', 'desc']).optional().describe('By id; default desc (newest first)'),
  status: z.enum(['pending', 'converted', 'rejected']).optional(),
  partner: z.string().max(255).optional().describe('Partner id'),
});

const createBody = z.object({ partner: partnerRef, email, name: personName.optional() });
const convertBody = z.object({
  id: leadId,
  commission_transaction_amount: amountField,
  amount_units: z.string().trim().min(3).max(3).optional(),
});
const rejectBody = z.object({ id: leadId });

/** Leads (affiliate programs): `/v1/leads[/{id}]`, `/v1/leads/convert`, `/v1/leads/reject`. */
export function registerLeadRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['leads'];

  app.get(
    '/leads',
    {
      schema: {
        tags,
        summary: 'List leads',
        querystring: listQuery,
        response: { 200: leadPage },
      },
    },
    async (request) => {
      const { limit, page, sort, ...filters } = request.query;
      const rows = await listLeads(db, principalOf(request).programId, filters, {
        limit,
        offset: offsetOf({ limit, page }),
        sort,
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/leads',
    {
      schema: {
        tags,
        summary: 'Submit a lead for a partner (lead.submitted)',
        body: createBody,
        response: { 201: leadResponse },
      },
    },
    async (request, reply) => {
      const lead = await submitLead(deps, principalOf(request).programId, request.body);
      return reply.code(201).send(ok(lead));
    },
  );

  app.post(
    '/leads/convert',
    {
      schema: {
        tags,
        summary: 'Convert a pending lead; its partner earns commission (lead.converted)',
        body: convertBody,
        response: { 200: leadResponse },
      },
    },
    async (request) => ok(await convertLead(deps, principalOf(request).programId, request.body)),
  );

  app.post(
    '/leads/reject',
    {
      schema: {
        tags,
        summary: 'Reject a pending lead (lead.rejected)',
        body: rejectBody,
        response: { 200: leadResponse },
      },
    },
    async (request) => ok(await rejectLead(deps, principalOf(request).programId, request.body.id)),
  );

  app.get(
    '/leads/:id',
    { schema: { tags, summary: 'Show a lead', params: idParams, response: { 200: leadResponse } } },
    async (request) =>
      ok(presentLead(await getLead(db, principalOf(request).programId, request.params.id))),
  );

  app.delete(
    '/leads/:id',
    {
      schema: {
        tags,
        summary: 'Delete a lead for good (no event)',
        params: idParams,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      await deleteLead(db, principalOf(request).programId, request.params.id);
      return { status: 1 as const };
    },
  );
}
