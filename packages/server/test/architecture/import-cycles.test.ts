import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, describeCycles, edgesOf, importGraph } from './import-graph.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(HERE, '../../src');
const FIXTURE = resolve(HERE, 'fixtures/cycle-through-service');

describe('import cycles between the top-level parts of packages/server/src', () => {
  it('has none', () => {
    expect(describeCycles(importGraph(SRC))).toEqual([]);
  });

  it('reads a graph that is not empty and has the known edges, root files included', () => {
    const edges = edgesOf(importGraph(SRC));
    // A parser that finds nothing finds no cycle either: the graph must be the real one.
    expect(edges.length).toBeGreaterThan(40);
    expect(edges).toEqual(
      expect.arrayContaining([
        'cli → service',
        'service → api',
        'service → dispatch',
        'api → model',
        'api → version',
        'dispatch → deliveries',
        'deliveries → webhooks',
        'outbox → deliveries',
        'webhooks → storage',
      ]),
    );
    // Root files are one node whether importing (`service.ts`) or imported (`service.js`).
    expect(edges.some((e) => /\.(ts|js)\b/.test(e))).toBe(false);
  });

  it('reports a planted cycle through service.ts (fixture), with every import form', () => {
    const graph = importGraph(FIXTURE);
    expect(edgesOf(graph)).toEqual([
      'api → service', // dynamic import('../service.js')
      'service → api', // import type … from './api/app.js'
      'util → version', // export * from '../version.js'
      'version → util', // import './util/format.js'
    ]);
    expect(cycles(graph)).toEqual([
      ['api', 'service'],
      ['util', 'version'],
    ]);
    expect(describeCycles(graph)).toHaveLength(2);
  });

  it('finds a cycle of three and leaves out what only leads into it (the checker itself)', () => {
    const graph = new Map([
      ['a', new Map([['b', ['a/x.ts']]])],
      ['b', new Map([['c', ['b/y.ts']]])],
      ['c', new Map([['a', ['c/z.ts']]])],
      ['d', new Map([['a', ['d/w.ts']]])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});
