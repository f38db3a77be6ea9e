/**
 * Customer PII trimmed from a postback's event data (the program's default,
 * `postback_customer_pii: "trimmed"`): a partner learns that its referral signed up or bought,
 * and by which customer key, not who the person is. As Dub's partner postbacks do, the customer
 * becomes a stub. Pure, and deterministic: the same data gives the same bytes on every attempt.
 *
 * - `customer.*`: the customer keeps `id`, `key`, `partner`, `status` and its times; `email`,
 *   `name`, `surname`, `tags` and `referring_customer` are removed.
 * - `lead.*`: the lead's `name` and `email` become `null`.
 * - transactions and rewards name their customer by key only: unchanged.
 */

const CUSTOMER_STUB = ['id', 'key', 'partner', 'status', 'created_at', 'updated_at', 'deleted_at'];

/** The event's `data` JSON with customer PII trimmed (unchanged for other resources). */
export function trimCustomerPii(eventType: string, dataJson: string): string {
  const resource = eventType.split('.')[0];
  if (resource !== 'customer' && resource !== 'lead') return dataJson;
  let data: unknown;
  try {
    data = JSON.parse(dataJson);
  } catch {
    return dataJson;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return dataJson;
  const record = data as Record<string, unknown>;
  if (resource === 'customer') {
    const stub: Record<string, unknown> = {};
    for (const field of CUSTOMER_STUB) if (field in record) stub[field] = record[field];
    return JSON.stringify(stub);
  }
  return JSON.stringify({ ...record, name: null, email: null });
}
