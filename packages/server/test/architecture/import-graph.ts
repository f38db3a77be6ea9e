import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import graph between the top-level parts of a source tree: `from → to → importing
 * files`. A part is a top-level folder (`api`) or a file at the root, named without its
 * extension (`service`), so `service.ts` importing and `'../service.js'` imported are one node.
 */
export type ImportGraph = Map<string, Map<string, string[]>>;

/** Every `.ts` file under `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The top-level part of `root` a path belongs to: its first folder, or, for a file at the
 * root, its name without `.ts`/`.js` (an import names `service.js`, the file is `service.ts`).
 */
export function partOf(root: string, path: string): string {
  const segments = relative(root, path).split('/');
  const first = segments[0] as string;
  return segments.length === 1 ? first.replace(/\.(ts|js)$/, '') : first;
}

// Static imports and re-exports (type-only too: a cycle of types is still two parts that
// cannot be understood apart), side-effect imports, and dynamic `import()` with a literal.
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The relative specifiers a source text imports (`'./x.js'`, `'../service.js'`). */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

/** The import graph between the top-level parts of `root` (see {@link ImportGraph}). */
export function importGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root)) {
    const from = partOf(root, file);
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), specifier);
      if (relative(root, target).startsWith('..')) continue;
      const to = partOf(root, target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), relative(root, file)]);
    }
  }
  return graph;
}

/** The graph's edges as sorted `from → to` strings. */
export function edgesOf(graph: ImportGraph): string[] {
  return [...graph]
    .flatMap(([from, targets]) => [...targets.keys()].map((to) => `${from} → ${to}`))
    .sort();
}

/** The strongly connected components with more than one part (Tarjan), each sorted. */
export function cycles(graph: ImportGraph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** Each cycle as readable edges with one importing file each, for a failure message. */
export function describeCycles(graph: ImportGraph): string[] {
  return cycles(graph).map((component) =>
    component
      .flatMap((from) =>
        component
          .filter((to) => graph.get(from)?.has(to))
          .map((to) => `${from} → ${to} (${graph.get(from)?.get(to)?.[0]})`),
      )
      .join('; '),
  );
}
