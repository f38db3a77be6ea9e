import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Engine } from '../storage/index.js';
import type { Database } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { createApiKey } from './api-keys.js';

/** A program (tenant) as stored. */
export interface Program {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
}

/** Creates a program. Settings start empty; the partner-program module fills defaults. */
export async function createProgram(
  db: Kysely<Database>,
  options: { name: string; now?: number },
): Promise<Program> {
  const now = options.now ?? Date.now();
  const program = { id: newId('prg', now), name: options.name, createdAt: now };
  await db
    .insertInto('programs')
    .values({
      id: program.id,
      name: program.name,
      settings: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return program;
}

/** Lists every program, oldest first (for the CLI). */
export async function listPrograms(db: Kysely<Database>): Promise<Program[]> {
  const rows = await db.selectFrom('programs').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}

/** Result of {@link bootstrap}: what was created on an empty database, if anything. */
export type BootstrapResult =
  | { readonly created: false }
  | {
      readonly created: true;
      readonly program: Program;
      readonly apiKey: string;
      /** True when the key came from HOOKLINE_BOOTSTRAP_API_KEY (so it need not be printed). */
      readonly fromEnvironment: boolean;
    };

/**
 * On an empty database, creates a default program and one API key. Runs in a transaction
 * that re-checks emptiness, so two processes starting together cannot create two programs.
 */
export async function bootstrap(
  db: Kysely<Database>,
  options: { apiKey?: string | undefined; name?: string; engine?: Engine } = {},
): Promise<BootstrapResult> {
  const engine = options.engine ?? (await detectEngine(db));
  return db.transaction().execute(async (trx) => {
    // PostgreSQL: several processes may start at once on an empty database; a transaction-
    // scoped advisory lock makes the emptiness check and the insert one step. (SQLite
    // serialises writers already.)
    if (engine === 'postgres')
      await sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_ID})`.execute(trx);
    const existing = await trx.selectFrom('programs').select('id').limit(1).executeTakeFirst();
    if (existing) return { created: false } as const;
    const program = await createProgram(trx, { name: options.name ?? 'Default program' });
    const { apiKey } = await createApiKey(trx, program.id, {
      name: 'bootstrap',
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    });
    return { created: true, program, apiKey, fromEnvironment: options.apiKey !== undefined };
  });
}

/** Arbitrary constant naming the bootstrap advisory lock ("hkln" in ASCII). */
const BOOTSTRAP_LOCK_ID = 0x686b6c6e;

async function detectEngine(db: Kysely<Database>): Promise<Engine> {
  try {
    await sql`select sqlite_version()`.execute(db);
    return 'sqlite';
  } catch {
    return 'postgres';
  }
}
