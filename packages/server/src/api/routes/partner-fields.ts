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

/**
 * An id that may arrive as a number: Partnero's PHP SDK types partner ids as `int`, so
 * `{"partner": {"id": 12}}` means the id "12".
 */
export const flexibleId = z.union([identifier, z.number().int().nonnegative().transform(String)]);

/**
 * `undefined` for `null`: Partnero (Laravel) treats an optional field sent as `null` (or `""`,
 * which the API turns into `null` first) as not sent, on create and when naming a resource.
 */
export function absentIfNull<T extends z.ZodType>(schema: T) {
  return schema
    .nullable()
    .optional()
    .transform((v) => (v === null ? undefined : v) as Exclude<z.output<T>, null> | undefined);
}

/**
 * A partner named by id, referral key or email (the first given wins). Other fields the
 * clients send along (the PHP SDK sends its whole partner model) are ignored.
 */
export const partnerRef = z
  .object({
    id: absentIfNull(flexibleId),
    key: absentIfNull(referralKey),
    email: absentIfNull(email),
  })
  .refine((r) => r.id !== undefined || r.key !== undefined || r.email !== undefined, {
    message: 'give the partner id, key or email',
  });

/** A customer named by key, id or email (the first given wins). */
export const customerNamedBy = z.object({
  key: absentIfNull(identifier),
  id: absentIfNull(identifier),
  email: absentIfNull(email),
});

/** `sort` of the lists: creation order, `asc` (oldest first) or `desc` (newest first). */
export const sortParam = z.enum(['asc', 'desc']).optional();

/** Path parameters of resources addressed by id (partners, rewards). */
export const idParams = z.object({ id: z.string().min(1).max(255) });

/** Path parameters of resources addressed by key (transactions, referral links). */
export const keyParams = z.object({ key: z.string().min(1).max(255) });

/** Path parameters of a customer: its key, id or email. */
export const customerParams = z.object({ customer: z.string().min(1).max(255) });
