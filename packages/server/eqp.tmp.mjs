import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
const d = new Database('/tmp/expl.db', { readonly: true });
const lines = readFileSync('/tmp/sql.uniq', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const sql of lines) {
  if (!/^\s*(select|update|delete|with)/i.test(sql) && !/ where /i.test(sql)) continue;
  let st; try { st = d.prepare('explain query plan ' + sql); } catch (e) { continue; }
  let rows;
  for (let n = 0; n < 400 && !rows; n++) { try { rows = st.all(new Array(n).fill(null)); } catch {} }
  if (!rows) continue;
  const plan = rows.map((r) => r.detail).join(' | ');
  const flag = /SCAN (deliveries|attempts|events|partners|customers|transactions|rewards)(?! USING COVERING)/.test(plan) || /deliveries_program_id|rewards_program_id|events_program_id/.test(plan) ? '!!' : '  ';
  console.log(flag, sql.replace(/\s+/g, ' '), '\n      ', plan);
}
