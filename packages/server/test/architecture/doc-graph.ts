import type { ImportGraph } from './import-graph.js';

/**
 * The folder graph drawn in a markdown document: the first fenced block after the heading
 * `heading`. Each line is a chain `a ──▶ b, c ──▶ d`: every name of one segment imports every
 * name of the next. `(…)` is a comment; `service.ts` and `service` are one node.
 */
export function drawnGraph(markdown: string, heading: string): ImportGraph {
  const text = `\n${markdown}`;
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const block = /\n```[^\n]*\n([\s\S]*?)\n```/.exec(text.slice(start));
  if (!block) throw new Error(`no fenced block after "${heading}"`);
  const graph: ImportGraph = new Map();
  for (const line of (block[1] as string).split('\n')) {
    const segments = line
      .replace(/\([^)]*\)/g, '')
      .split(/─*▶/)
      .map((s) =>
        s
          .split(',')
          .map((name) => name.trim().replace(/\.(ts|js)$/, ''))
          .filter((name) => name !== ''),
      );
    for (let i = 0; i + 1 < segments.length; i++) {
      for (const from of segments[i] as string[]) {
        const edges = graph.get(from) ?? new Map<string, string[]>();
        graph.set(from, edges);
        for (const to of segments[i + 1] as string[]) edges.set(to, [line.trim()]);
      }
    }
  }
  return graph;
}

/** What differs between the drawn graph and the code's: edges not drawn, and drawn but absent. */
export function compareGraphs(
  drawn: ImportGraph,
  code: ImportGraph,
): { undrawn: string[]; absent: string[] } {
  const has = (g: ImportGraph, from: string, to: string) => g.get(from)?.has(to) ?? false;
  const list = (g: ImportGraph) =>
    [...g].flatMap(([from, targets]) => [...targets.keys()].map((to) => [from, to] as const));
  return {
    undrawn: list(code)
      .filter(([from, to]) => !has(drawn, from, to))
      .map(([from, to]) => `${from} → ${to} (${code.get(from)?.get(to)?.[0]})`)
      .sort(),
    absent: list(drawn)
      .filter(([from, to]) => !has(code, from, to))
      .map(([from, to]) => `${from} → ${to}`)
      .sort(),
  };
}
