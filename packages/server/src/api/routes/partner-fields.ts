import { z } from 'zod';

/**
 * Field schemas shared by the partner-program routes (partners, customers, transactions).
 */

/** An id or key that appears in a URL path: no whitespace, `/`, `?`, `#` or `\`. */
export const identifier = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^\s/\\?#]+$/, 'must not contain whitespace, "/", "\\", "?" or "#"');

/** A referral key, used in links as `?aff=<key>`. */
export const referralKey = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');

/** An email address (stored lower-cased). */
export const email = z.email().max(254);

/** A first name or surname; `null` clears it on update. */
export const personName = z.string().trim().max(200).nullable();

/** Tags as strings on input (`["vip"]`); shown as `[{value}]`. */
export const tagList = z.array(z.string().trim().min(1).max(100)).max(50);

/** A partner named by id, referral key or email (the first given wins). */
export const partnerRef = z
  .object({ id: identifier.optional(), key: referralKey.optional(), email: email.optional() })
  .refine((r) => r.id !== undefined || r.key !== undefined || r.email !== undefined, {
    message: 'give the partner id, key or email',
  });

/** Path parameters of resources addressed by id (partners, rewards). */
export const idParams = z.object({ id: z.string().min(1).max(255) });

/** Path parameters of resources addressed by key (customers, transactions). */
export const keyParams = z.object({ key: z.string().min(1).max(255) });
