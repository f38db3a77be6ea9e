/**
 * Preloaded (`node --import`) into the Hookline processes the benchmark starts, when
 * BENCH_SQL_COUNT_DIR is set: counts the SQL statements the process executes, client side, so
 * the report can show statements per delivery without touching the server or restarting
 * PostgreSQL (pg_stat_statements would need shared_preload_libraries and a restart).
 *
 * - SQLite: every execution of a better-sqlite3 statement (`run`, `get`, `all`, `iterate`) and
 *   every `exec`, including `begin` and `commit`.
 * - PostgreSQL: every `Client.query` (one round trip each: pg does not pipeline), `BEGIN` and
 *   `COMMIT` included.
 *
 * At start (once it can take the signal) and on each SIGUSR2 the process writes `{seq, statements}` to `<dir>/<pid>.json` (procs.ts reads it).
 * Plain JavaScript: the compiled CLI runs without a TypeScript loader.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.env.BENCH_SQL_COUNT_DIR;
if (dir) {
  const require = createRequire(join(process.cwd(), 'packages/server/package.json'));
  let statements = 0;
  const counted = (proto, names) => {
    for (const name of names) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = function (...args) {
        statements++;
        return original.apply(this, args);
      };
    }
  };
  try {
    const Sqlite = require('better-sqlite3');
    const probe = new Sqlite(':memory:');
    counted(Object.getPrototypeOf(probe.prepare('select 1')), ['run', 'get', 'all', 'iterate']);
    probe.close();
    counted(Sqlite.prototype, ['exec']);
  } catch {
    // not installed: nothing to count
  }
  try {
    counted(require('pg').Client.prototype, ['query']);
  } catch {
    // not installed
  }
  let seq = 0;
  const write = () =>
    writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify({ seq, statements }));
  process.on('SIGUSR2', () => {
    seq++;
    write();
  });
  // Written once the handler is installed: before it, SIGUSR2 would end the process.
  write();
}
