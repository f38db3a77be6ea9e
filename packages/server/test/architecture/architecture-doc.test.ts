import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareGraphs, drawnGraph } from './doc-graph.js';
import { edgesOf, importGraph } from './import-graph.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(HERE, '../../src');
const DOC = resolve(HERE, '../../../../docs/architecture.md');
const FIXTURE = resolve(HERE, 'fixtures/doc-graph');
const HEADING = '## Module map (packages/server/src)';

describe('docs/architecture.md draws the imports between the top-level parts of src', () => {
  it('draws every edge there is, and no edge there is not', () => {
    const drawn = drawnGraph(readFileSync(DOC, 'utf8'), HEADING);
    expect(compareGraphs(drawn, importGraph(SRC))).toEqual({ undrawn: [], absent: [] });
  });

  it('names every part of src, and only parts that exist (a folder or a root file)', () => {
    const drawn = drawnGraph(readFileSync(DOC, 'utf8'), HEADING);
    const names = new Set([...drawn.keys(), ...[...drawn.values()].flatMap((t) => [...t.keys()])]);
    const unknown = [...names].filter(
      (n) => !existsSync(join(SRC, n)) && !existsSync(join(SRC, `${n}.ts`)),
    );
    expect(unknown).toEqual([]);
    // And every part of src is drawn (a new folder is placed in the map).
    const parts = readdirSync(SRC).map((n) => n.replace(/\.ts$/, ''));
    expect(parts.filter((p) => !names.has(p))).toEqual([]);
  });

  it('fails on a planted fault (fixture): an undrawn edge and a drawn edge the code lacks', () => {
    const drawn = drawnGraph(
      readFileSync(join(FIXTURE, 'architecture.md'), 'utf8'),
      '## Module map',
    );
    expect(edgesOf(drawn)).toEqual(['a → b', 'a → c', 'b → c']);
    expect(compareGraphs(drawn, importGraph(join(FIXTURE, 'src')))).toEqual({
      undrawn: ['b → d (b/y.ts)'],
      absent: ['a → c'],
    });
  });

  it('reads chains, lists, comments and root files of the arrow notation', () => {
    const drawn = drawnGraph(
      '## Map\n\n```\n cli ──▶ service.ts ──▶ api (routes, app), dispatch\n```\n',
      '## Map',
    );
    expect(edgesOf(drawn)).toEqual(['cli → service', 'service → api', 'service → dispatch']);
  });
});
