import { createHash } from 'node:crypto';

/**
 * Most statement texts one process names (prepares on each PostgreSQL connection it uses). A
 * prepared statement like the claim's lease holds about 24 KiB of the server's memory per
 * connection, so this bounds it to a few MiB.
 */
export const MAX_NAMED_STATEMENTS = 256;
/** Longer texts are never named: they are one-off or batch-sized statements. */
export const MAX_NAMED_TEXT_LENGTH = 8_192;
/** Texts counted while they wait for their second use; the count starts over past this. */
const MAX_COUNTED_TEXTS = 4_096;

/**
 * Whether the statement's own result list follows a table's columns (`select *`, `t.*`,
 * `returning *` outside any parenthesis): after a migration adds a column, such a statement
 * prepared before it fails with "cached plan must not change result type" until its connection
 * closes, where an unnamed one simply returns the new column. A `*` inside parentheses
 * (`count(*)`, a subquery, a CTE whose columns the outer select lists) does not reach the
 * result; quoted text is skipped.
 */
export function resultFollowsTableColumns(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '*' && depth === 0 && STAR_IN_RESULT.test(text.slice(Math.max(0, i - 40), i))) {
      return true;
    }
  }
  return false;
}

/** What comes before a `*` that stands for columns: `select`, `returning`, a comma, `t.`. */
const STAR_IN_RESULT = /(?:\bselect|\breturning|,|\.)\s*$/i;

/**
 * Which PostgreSQL statements run as named (server-side prepared) statements, and under which
 * name. An unnamed statement is parsed, analysed and planned on every execution; a named one is
 * parsed once per connection, and the server may keep a generic plan after five executions
 * (its `plan_cache_mode`, which stays the operator's). The hot statements (the publish, the
 * claim's steps, the result batch, the API key lookup) run thousands of times a second with one
 * text each, and their parse, analysis and planning were a quarter of the server's CPU
 * (docs/design-measurements.md, "Prepared statements on PostgreSQL").
 *
 * A text is named from its second use (a one-off statement costs no server memory), when it has
 * parameters (a statement without any runs through the simple protocol), is at most
 * {@link MAX_NAMED_TEXT_LENGTH} long, and its result list does not follow a table's columns.
 * At most {@link MAX_NAMED_STATEMENTS} texts are named per process, so a stream of distinct
 * texts (an `in` list of every length) cannot grow each connection's prepared statements without
 * bound; the hot statements pass their lists as arrays, one text whatever the length.
 */
export class StatementNames {
  readonly #named = new Map<string, string>();
  readonly #seen = new Map<string, number>();

  /** The name `text` runs under, or `undefined` to run it unnamed. */
  nameOf(text: string, parameterCount: number): string | undefined {
    const named = this.#named.get(text);
    if (named !== undefined) return named;
    if (parameterCount === 0 || text.length > MAX_NAMED_TEXT_LENGTH) return undefined;
    if (this.#named.size >= MAX_NAMED_STATEMENTS || resultFollowsTableColumns(text)) {
      return undefined;
    }
    const uses = (this.#seen.get(text) ?? 0) + 1;
    if (uses < 2) {
      if (this.#seen.size >= MAX_COUNTED_TEXTS) this.#seen.clear();
      this.#seen.set(text, uses);
      return undefined;
    }
    this.#seen.delete(text);
    // The text's digest: the same text gets the same name on every connection, and pg refuses
    // a name reused for another text on one connection, which a digest never produces.
    const name = `hl_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    this.#named.set(text, name);
    return name;
  }

  /** How many texts are named. */
  get size(): number {
    return this.#named.size;
  }
}
