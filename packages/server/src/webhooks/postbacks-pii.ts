/**
 * Customer PII trimmed from a postback's event data (the program's default,
 * `postback_customer_pii: "trimmed"`): a partner learns that its referral signed up or bought,
 * and by which customer key, not who the person is. As Dub's partner postbacks do, the customer
 * becomes a stub. Pure, and deterministic: the same data gives the same bytes on every attempt.
 *
 * - `customer.*`: the customer keeps `id`, `key`, `partner`, `status` and its times; `email`,
 *   `name`, `surname`, `tags` and `referring_customer` are removed.
 * - `lead.*`: the lead's `name` and `email` become `null`.
 * - `reward.*`, and the rewards of a `transaction.*`: `note` becomes `null` (a free text: a
 *   lead's reward notes the lead's e-mail, and owners write anything there). Otherwise
 *   transactions and rewards name their customer by key only.
 */

const TRIMMED = new Set(['customer', 'lead', 'reward', 'transaction']);
const CUSTOMER_STUB = ['id', 'key', 'partner', 'status', 'created_at', 'updated_at', 'deleted_at'];

/** The event's `data` JSON with customer PII trimmed (unchanged for other resources). */
export function trimCustomerPii(eventType: string, dataJson: string): string {
  const resource = eventType.split('.')[0];
  if (!TRIMMED.has(resource ?? '')) return dataJson;
  let data: unknown;
  try {
    data = JSON.parse(dataJson);
  } catch {
    return dataJson;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return dataJson;
  const record = data as Record<string, unknown>;
  if (resource === 'reward') return JSON.stringify({ ...record, note: null });
  if (resource === 'transaction') {
    if (!Array.isArray(record.rewards)) return dataJson;
    const rewards = record.rewards.map((r: unknown) =>
      typeof r === 'object' && r !== null ? { ...(r as Record<string, unknown>), note: null } : r,
    );
    return JSON.stringify({ ...record, rewards });
  }
  if (resource === 'customer') {
    const stub: Record<string, unknown> = {};
    for (const field of CUSTOMER_STUB) if (field in record) stub[field] = record[field];
    return JSON.stringify(stub);
  }
  return JSON.stringify({ ...record, name: null, email: null });
}
