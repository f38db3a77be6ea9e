import { openStore, migrateToLatest } from './packages/server/src/storage/index.js';
const url = new URL('postgres://postgres@127.0.0.1:5432/test');
url.searchParams.set('options', '-c search_path=bench_check1');
const admin = await openStore({engine:'postgres', connectionString:'postgres://postgres@127.0.0.1:5432/test'}, {schema:'bench_check1'});
await admin.close();
const s = await openStore({ engine: 'postgres', connectionString: url.toString() });
console.log(s.postgres);
try { console.log(await migrateToLatest(s)); } catch (e) { console.log('ERR', e, (e as Error).cause); }
await s.close();
