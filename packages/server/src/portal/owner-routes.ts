import { z } from 'zod';
import type { Api, ProgramChangeStep, ResolvedDeps } from '../api/app.js';
import { principalOf } from '../api/auth.js';
import { ok } from '../api/responses.js';
import { absentIfNull, email, flexibleId, referralKey } from '../api/routes/partner-fields.js';
import { validationFailed } from '../domain/errors.js';
import { findPartner, resolvePartner } from '../domain/partner-lookup.js';
import { requireProgramType } from '../domain/program-types.js';
import { notFound } from '../api/errors.js';
import {
  cancelPostbacksOf,
  registerOwnerPostbackList,
  registerPostbackRoutes,
} from '../postbacks/index.js';
import { maySignIn } from './guard.js';
import { SIGN_IN_URL_TTL, createPortalLink } from '../partner-access/sessions.js';
import {
  POSTBACK_SETTING_FIELDS,
  loadPortalSettings,
  postbackPolicyOf,
  postbackSettingsUpdateSchema,
  portalSettingsSchema,
  portalSettingsUpdateSchema,
  updatePortalSettings,
  writePortalSettings,
} from './settings.js';

const signInUrlBody = z
  .object({
    key: absentIfNull(referralKey),
    email: absentIfNull(email),
    id: absentIfNull(flexibleId),
    expires_in: z.coerce
      .number()
      .int()
      .min(SIGN_IN_URL_TTL.min)
      .max(SIGN_IN_URL_TTL.max)
      .nullable()
      .optional()
      .describe(
        `Seconds, ${SIGN_IN_URL_TTL.min}–${SIGN_IN_URL_TTL.max}; default ${SIGN_IN_URL_TTL.default}`,
      ),
  })
  .refine((b) => b.key !== undefined || b.email !== undefined || b.id !== undefined, {
    message: 'give the partner key, email or id',
    path: ['key'],
  });

const signInUrlResponse = z.object({
  data: z.object({
    url: z.string().describe('One-time URL: signs the partner in to the portal once.'),
    expires_at: z.string(),
  }),
  status: z.literal(1),
});

const settingsResponse = z.object({ data: portalSettingsSchema, status: z.literal(1) });

/** The postback policy given to `PUT /v1/program`, kept between its validation and handler. */
const programPostbackFields = new WeakMap<object, z.infer<typeof postbackSettingsUpdateSchema>>();

/**
 * `PUT /v1/program` and `PUT /v1/settings` accept the postback policy's fields
 * (`postbacks_enabled`, `postback_events`, `postback_customer_pii`,
 * `max_postbacks_per_partner`, `postback_allow_http`), as the issue asks, while the program's
 * own route (domain/program-settings.ts) knows nothing of them: they are read from the raw body
 * before validation (a 422 names a bad one), and written by {@link writeProgramPostbackFields},
 * a step the program's route runs inside its own transaction, so a program change the handler
 * refuses (a program type its webhooks forbid) writes none of them either.
 * `GET|PUT /v1/program/portal` shows and changes the same settings.
 */
function registerProgramPostbackSettings(app: Api): void {
  const isProgramPut = (request: { method: string; routeOptions: { url?: string | undefined } }) =>
    request.method === 'PUT' &&
    (request.routeOptions.url === '/v1/program' || request.routeOptions.url === '/v1/settings');
  app.addHook('preValidation', async (request) => {
    if (!isProgramPut(request) || typeof request.body !== 'object' || request.body === null) return;
    const raw = request.body as Record<string, unknown>;
    const wrapped =
      typeof raw.settings === 'object' && raw.settings !== null
        ? (raw.settings as Record<string, unknown>)
        : {};
    const picked: Record<string, unknown> = {};
    for (const field of POSTBACK_SETTING_FIELDS) {
      if (raw[field] !== undefined) picked[field] = raw[field];
      if (wrapped[field] !== undefined) picked[field] = wrapped[field];
    }
    if (Object.keys(picked).length === 0) return;
    const parsed = postbackSettingsUpdateSchema.safeParse(picked);
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        errors[path] = [...(errors[path] ?? []), issue.message];
      }
      throw validationFailed(errors);
    }
    programPostbackFields.set(request, parsed.data);
  });
}

/** The program change step of the postback policy fields (see AppDeps.programChangeSteps). */
export const writeProgramPostbackFields: ProgramChangeStep = async (
  request,
  trx,
  programId,
  now,
) => {
  const fields = programPostbackFields.get(request);
  if (fields) await writePortalSettings(trx, programId, fields, now, cancelPostbacksOf);
};

/**
 * The owner's side of the portal, inside `/v1` (API key or dashboard session):
 * `POST /v1/partners:sign-in-url` (Partnero's) and `GET|PUT /v1/program/portal`.
 */
export function registerPortalOwnerRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;

  // `::` is a literal colon in the router (Partnero's `partners:sign-in-url`).
  app.post(
    '/partners::sign-in-url',
    {
      schema: {
        tags: ['partner portal'],
        summary: 'Create a one-time URL that signs a partner in to the partner portal',
        body: signInUrlBody,
        response: { 200: signInUrlResponse },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const body = request.body;
      await requireProgramType(db, programId, ['affiliate'], 'Partner portals');
      const settings = await loadPortalSettings(db, programId);
      if (!settings.enabled) {
        throw validationFailed({
          portal: ['The partner portal is off; turn it on with PUT /v1/program/portal.'],
        });
      }
      const ref =
        body.id !== undefined
          ? { id: body.id }
          : body.key !== undefined
            ? { key: body.key }
            : { email: body.email };
      const partner = await resolvePartner(db, programId, ref);
      const field = body.id !== undefined ? 'id' : body.key !== undefined ? 'key' : 'email';
      if (!partner) throw validationFailed({ [field]: ['No partner matches it in this program.'] });
      if (!maySignIn(partner.status)) {
        throw validationFailed({
          [field]: [
            `The partner is ${partner.status}; only active or pending partners can sign in.`,
          ],
        });
      }
      const ttl = (body.expires_in ?? SIGN_IN_URL_TTL.default) * 1000;
      const { token, expiresAt } = await createPortalLink(
        db,
        { programId, partnerId: partner.id },
        deps.clock(),
        ttl,
      );
      return ok({
        url: `${deps.config.publicUrl}/portal/sign-in?token=${token}`,
        expires_at: new Date(expiresAt).toISOString(),
      });
    },
  );

  app.get(
    '/program/portal',
    {
      schema: {
        tags: ['partner portal'],
        summary: 'The partner portal settings',
        response: { 200: settingsResponse },
      },
    },
    async (request) => ok(await loadPortalSettings(db, principalOf(request).programId)),
  );

  app.put(
    '/program/portal',
    {
      schema: {
        tags: ['partner portal'],
        summary: 'Change the partner portal settings (off ends every partner session at once)',
        body: portalSettingsUpdateSchema,
        response: { 200: settingsResponse },
      },
    },
    async (request) =>
      ok(
        await updatePortalSettings(
          db,
          principalOf(request).programId,
          request.body,
          deps.clock(),
          cancelPostbacksOf,
        ),
      ),
  );

  // `PUT /v1/program` (and `/v1/settings`) accept the postback policy too (issue 22).
  registerProgramPostbackSettings(app);

  // Partners' postbacks, the owner's side: `{id}` is the partner's id, or its referral key.
  registerPostbackRoutes(app, deps, {
    base: '/partners/:id/postbacks',
    owner: true,
    tags: ['postbacks'],
    baseParams: z.object({ id: z.string().max(200) }),
    ownerOf: async (request) => {
      const { programId } = principalOf(request);
      const { id } = request.params as { id: string };
      const partner =
        (await findPartner(db, programId, id)) ??
        (await resolvePartner(db, programId, { key: id }));
      if (!partner) throw notFound('Partner');
      return { programId, partner: { id: partner.id, key: partner.key } };
    },
    policyOf: (programId) => postbackPolicyOf(db, programId),
  });
  registerOwnerPostbackList(app, deps, (request) => principalOf(request).programId);
}
