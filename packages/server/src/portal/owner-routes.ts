import { z } from 'zod';
import type { Api, ResolvedDeps } from '../api/app.js';
import { principalOf } from '../api/auth.js';
import { ok } from '../api/responses.js';
import { absentIfNull, email, flexibleId, referralKey } from '../api/routes/partner-fields.js';
import { validationFailed } from '../domain/errors.js';
import { resolvePartner } from '../domain/partner-lookup.js';
import { requireProgramType } from '../domain/program-types.js';
import { maySignIn } from './guard.js';
import { SIGN_IN_URL_TTL, createPortalLink } from '../partner-access/sessions.js';
import {
  loadPortalSettings,
  portalSettingsSchema,
  portalSettingsUpdateSchema,
  updatePortalSettings,
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
        await updatePortalSettings(db, principalOf(request).programId, request.body, deps.clock()),
      ),
  );
}
