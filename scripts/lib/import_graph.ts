/**
 * The project's import graph, read with `deno info --json`, and the two
 * rules the code layout keeps: no import circles, and an engine that imports
 * nothing but itself (no npm, JSR, node: or remote modules, no doors).
 *
 * @module
 */
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { runDeno } from "./hook_bundle.ts";

/** Module (path relative to the root) to the local modules it imports. */
export type ImportGraph = Map<string, string[]>;

/** Folders whose modules are the project's own code (tests, benches and built bundles left out). */
export const SOURCE_DIRS = ["governance", "hooks", "mcp", "scripts"];

interface InfoModule {
  specifier?: string;
  dependencies?: {
    specifier?: string;
    code?: { specifier?: string };
    type?: { specifier?: string };
  }[];
}

/** Whether `path` is a source module (not a test, bench, bundle or generated data file). */
export function isSourceModule(path: string): boolean {
  return /\.ts$/.test(path) && !/(_test|_bench)\.ts$/.test(path) &&
    !path.startsWith("hooks/dist/");
}

async function sourceFiles(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(join(root, dir))) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory) out.push(...await sourceFiles(root, rel));
    else if (e.isFile && isSourceModule(rel)) out.push(rel);
  }
  return out;
}

/**
 * Reads the graph of every source module under `root`'s SOURCE_DIRS, through
 * one `deno info --json` call on a module that imports them all. Edges keep
 * type-only imports too: a circle of types is still a circle of files.
 */
export async function readImportGraph(
  root: string,
  deno: string,
): Promise<{ graph: ImportGraph; external: Map<string, string[]> }> {
  const files: string[] = [];
  for (const d of SOURCE_DIRS) files.push(...await sourceFiles(root, d));
  const tmp = await Deno.makeTempDir({ prefix: "import-graph-" });
  try {
    const all = join(tmp, "all.ts");
    await Deno.writeTextFile(
      all,
      files.sort().map((f) =>
        `import type {} from ${
          JSON.stringify(pathToFileURL(join(root, f)).href)
        };\n`
      ).join(""),
    );
    const stdout = await runDeno(
      deno,
      ["info", "--json", "--config", join(root, "deno.json"), all],
      root,
      "deno info",
    );
    const info = JSON.parse(stdout) as { modules?: InfoModule[] };
    const local = (s: string | undefined): string | null =>
      s?.startsWith("file://") && !s.startsWith(pathToFileURL(tmp).href)
        ? relative(root, new URL(s).pathname)
        : null;
    const graph: ImportGraph = new Map();
    const external = new Map<string, string[]>();
    for (const m of info.modules ?? []) {
      const from = local(m.specifier);
      if (from === null || !isSourceModule(from)) continue;
      const deps: string[] = [];
      const ext: string[] = [];
      for (const d of m.dependencies ?? []) {
        const to = d.code?.specifier ?? d.type?.specifier ?? d.specifier;
        const rel = local(to);
        if (rel !== null) deps.push(rel);
        else if (to) ext.push(d.specifier ?? to);
      }
      graph.set(from, deps);
      external.set(from, ext);
    }
    return { graph, external };
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

/** Every import circle of `graph`, each as the list of modules around it (first one repeated at the end). */
export function findCycles(graph: ImportGraph): string[][] {
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const start of [...graph.keys()].sort()) {
    if (state.has(start)) continue;
    // Iterative depth-first search: the stack holds each node and its next edge.
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const deps = graph.get(top.node) ?? [];
      if (top.next >= deps.length) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const dep = deps[top.next++];
      const s = state.get(dep);
      if (s === 1) {
        const at = stack.findIndex((f) => f.node === dep);
        const ring = stack.slice(at).map((f) => f.node);
        const key = [...ring].sort().join(" ");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...ring, dep]);
        }
      } else if (s === undefined) {
        state.set(dep, 1);
        stack.push({ node: dep, next: 0 });
      }
    }
  }
  return cycles;
}

/** Engine modules that import anything outside the engine (other project folders, npm, JSR, node:, URLs). */
export function engineLeaks(
  graph: ImportGraph,
  external: Map<string, string[]>,
): string[] {
  const out: string[] = [];
  for (const [from, deps] of graph) {
    if (!from.startsWith("governance/engine/")) continue;
    for (const d of deps) {
      if (!d.startsWith("governance/engine/")) out.push(`${from} -> ${d}`);
    }
    for (const e of external.get(from) ?? []) out.push(`${from} -> ${e}`);
  }
  return out.sort();
}
