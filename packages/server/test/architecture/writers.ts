import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One write to a table found in the sources. */
export interface TableWrite {
  readonly table: string;
  /** Path from the scanned root, with `/`. */
  readonly file: string;
  /** The top-level folder of the file under the root (or the file itself at the root). */
  readonly folder: string;
  readonly line: number;
  /** `insertInto`, `updateTable`, `deleteFrom`, ... or `sql` for raw SQL. */
  readonly how: string;
}

/** Every source file under `dir`, migrations excluded (they create and reshape every table). */
function sourceFiles(dir: string, extension: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'migrations' ? [] : sourceFiles(path, extension);
    }
    return entry.name.endsWith(extension) ? [path] : [];
  });
}

// Kysely's writing builders, with the table as the first argument (`.updateTable('webhooks')`,
// `.insertInto("deliveries as d")`), spaces and line breaks allowed around it.
const BUILDER =
  /\b(insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\(\s*['"`]([A-Za-z_]+)/g;
// A `sql` tagged template (`sql\`...\``, `sql<Row>\`...\``), up to its closing backtick.
const SQL_TEMPLATE = /\bsql(?:\s*<[^`]*?>)?\s*`([^`]*)`/g;
// Raw writes inside one: `insert into t`, `update t`, `delete from t` (optionally quoted).
const RAW_WRITE = /\b(insert\s+into|update|delete\s+from)\s+"?([A-Za-z_]+)"?/gi;
// `update set` (in `on conflict do update set`) names no table.
const NOT_TABLES = new Set(['set']);
// Raw SQL anywhere else (hand-written hot statements kept in plain strings, as
// deliveries/record.ts does): only the unmistakable shapes, so prose is not taken for SQL.
const PLAIN_WRITE =
  /\b(?:(insert\s+into)\s+"?([A-Za-z_]+)"?\s*\(|(update)\s+"?([A-Za-z_]+)"?\s+set\b|(delete\s+from)\s+"?([A-Za-z_]+)"?\s+(?:where|returning)\b)/gi;

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Every write to a table in the sources under `root` (files ending in `extension`; the fixture
 * tree uses `.ts.fixture` so that neither tsc nor Biome reads it): Kysely's builders, raw SQL
 * in `sql` templates, and raw SQL of the unmistakable shapes in any other string. Comments are not parsed out: a builder call quoted in a comment counts
 * (a false alarm is cheaper than a missed writer).
 */
export function findWrites(root: string, extension = '.ts'): TableWrite[] {
  const writes: TableWrite[] = [];
  for (const path of sourceFiles(root, extension)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(root, path).split(sep).join('/');
    const folder = file.split('/')[0] as string;
    for (const m of text.matchAll(BUILDER)) {
      const table = (m[2] as string).toLowerCase();
      writes.push({ table, file, folder, line: lineOf(text, m.index), how: m[1] as string });
    }
    for (const t of text.matchAll(SQL_TEMPLATE)) {
      const body = t[1] as string;
      const start = t.index + t[0].indexOf('`') + 1;
      for (const m of body.matchAll(RAW_WRITE)) {
        const table = (m[2] as string).toLowerCase();
        if (NOT_TABLES.has(table)) continue;
        writes.push({ table, file, folder, line: lineOf(text, start + m.index), how: 'sql' });
      }
    }
    for (const m of text.matchAll(PLAIN_WRITE)) {
      const table = ((m[2] ?? m[4] ?? m[6]) as string).toLowerCase();
      const line = lineOf(text, m.index);
      if (NOT_TABLES.has(table)) continue;
      if (writes.some((w) => w.file === file && w.line === line && w.table === table)) continue;
      writes.push({ table, file, folder, line, how: 'sql' });
    }
  }
  return writes;
}

/** The writes to an owned table from outside its owner's folder, as readable lines. */
export function secondWriters(
  writes: readonly TableWrite[],
  owners: Readonly<Record<string, string>>,
): string[] {
  return writes
    .filter((w) => owners[w.table] !== undefined && owners[w.table] !== w.folder)
    .map((w) => `${w.table} written by ${w.file}:${w.line} (${w.how}); owner: ${owners[w.table]}/`);
}
