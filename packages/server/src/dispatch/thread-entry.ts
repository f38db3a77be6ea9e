import { Worker } from 'node:worker_threads';

/**
 * Starts the entry beside this module: the compiled `.js` in production; from the TypeScript
 * sources (tests, `tsx`) through tsx's loader, registered inside the thread.
 */
export function spawnThreadEntry(name: string, workerData: unknown): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData });
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData });
}
