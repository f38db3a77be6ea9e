import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';

/** `portal_settings`: the owner's portal controls, one row per program (absent = defaults). */
export interface PortalSettingsTable {
  program_id: string;
  enabled: number;
  customer_pii: string;
  password_sign_in: number;
  updated_at: number;
}

/** `portal_sign_in_links`: one-time sign-in tokens (SHA-256 only). */
export interface PortalSignInLinksTable {
  id: string;
  program_id: string;
  partner_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** `portal_sessions`: partner sessions (SHA-256 of the cookie token). */
export interface PortalSessionsTable {
  id: string;
  program_id: string;
  partner_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

/** `portal_payout_details`: the payout method and details a partner keeps. */
export interface PortalPayoutDetailsTable {
  program_id: string;
  partner_id: string;
  gateway: string | null;
  /** JSON object of strings. */
  payout_settings: string;
  updated_at: number;
}

/** `portal_passwords`: scrypt hashes of partners' portal passwords. */
export interface PortalPasswordsTable {
  program_id: string;
  partner_id: string;
  password_hash: string;
  updated_at: number;
}

/** The portal's tables (migration `0016_partner_portal`), kept out of the shared schema file. */
// A type alias, not an interface: `withTables` needs an index-signature-compatible record.
export type PortalTables = {
  portal_settings: PortalSettingsTable;
  portal_sign_in_links: PortalSignInLinksTable;
  portal_sessions: PortalSessionsTable;
  portal_payout_details: PortalPayoutDetailsTable;
  portal_passwords: PortalPasswordsTable;
};

/** The database with the portal's tables. */
export type PortalDatabase = Database & PortalTables;

/** Types a connection (or transaction) with the portal's tables; no run-time cost. */
export function portalDb(db: Kysely<Database>): Kysely<PortalDatabase> {
  return db.withTables<PortalTables>();
}
