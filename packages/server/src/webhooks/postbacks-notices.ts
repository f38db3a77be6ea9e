import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { formatTimestamp } from '../util/time.js';

/**
 * Notices to a partner about its postbacks (migration 0018, `postback_notices`): when the
 * endpoint lifecycle disables a postback (410 Gone, failing too long), the partner is told in
 * the portal (`GET /portal/api/notices`), and by e-mail when SMTP is configured. The owner gets
 * no `webhook.disabled` event for a partner's postback.
 */

/** `postback_notices`, typed here (the table is this file's). */
interface PostbackNoticesTable {
  id: string;
  program_id: string;
  partner_id: string;
  postback_id: string;
  postback_url: string;
  type: string;
  message: string;
  created_at: number;
}

function noticesDb(db: Kysely<Database>) {
  return db.withTables<{ postback_notices: PostbackNoticesTable }>();
}

/** A notice as the portal shows it. */
export interface PostbackNotice {
  id: string;
  type: 'postback.disabled';
  postback_id: string;
  url: string;
  message: string;
  created_at: string;
}

/** Most notices the portal lists (the newest). */
const LIST_LIMIT = 100;

/** Records that Hookline disabled a partner's postback, and why. */
export async function recordPostbackNotice(
  db: Kysely<Database>,
  input: {
    readonly programId: string;
    readonly partnerId: string;
    readonly postbackId: string;
    readonly url: string;
    readonly message: string;
    readonly now: number;
  },
): Promise<void> {
  await noticesDb(db)
    .insertInto('postback_notices')
    .values({
      id: newId('pbn', input.now),
      program_id: input.programId,
      partner_id: input.partnerId,
      postback_id: input.postbackId,
      postback_url: input.url,
      type: 'postback.disabled',
      message: input.message,
      created_at: input.now,
    })
    .execute();
}

/** A partner's notices, newest first (at most 100). */
export async function listPostbackNotices(
  db: Kysely<Database>,
  programId: string,
  partnerId: string,
): Promise<PostbackNotice[]> {
  const rows = await noticesDb(db)
    .selectFrom('postback_notices')
    .selectAll()
    .where('program_id', '=', programId)
    .where('partner_id', '=', partnerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: 'postback.disabled' as const,
    postback_id: r.postback_id,
    url: r.postback_url,
    message: r.message,
    created_at: formatTimestamp(Number(r.created_at)),
  }));
}
