/**
 * Caching the plugin's dependencies at install time: warm each hook bundle
 * by running it once as Codex will, and `deno install` the MCP server and
 * scripts.
 *
 * @module
 */
import { HOOK_SCRIPTS, hookArgs } from "../../governance/permissions.ts";

/** Entry points whose dependencies get cached up front (the hooks are warmed instead: see {@link cacheDependencies}). */
export async function cacheTargets(
  root: string,
): Promise<{ hooks: string[]; others: string[] }> {
  const list = async (dir: string, pred: (n: string) => boolean) => {
    const out: string[] = [];
    try {
      for await (const e of Deno.readDir(`${root}/${dir}`)) {
        if (e.isFile && pred(e.name)) out.push(`${root}/${dir}/${e.name}`);
      }
    } catch {
      // folder not there yet
    }
    return out.sort();
  };
  const ts = (n: string) =>
    n.endsWith(".ts") && !n.endsWith("_test.ts") && !n.endsWith("_bench.ts");
  return {
    hooks: Object.values(HOOK_SCRIPTS).map((s) => `${root}/${s}`),
    others: [
      ...(await list("mcp", (n) => n === "stdio.ts" || n === "serve.ts")),
      ...(await list("scripts", ts)),
    ],
  };
}

/**
 * Cache every dependency, reporting progress. The hook bundles import nothing
 * from outside, so instead each one is run once, exactly as Codex will run it,
 * with an empty event (which allows and writes nothing): Deno keeps the
 * compiled code, so the first real tool call does not pay for compiling it.
 */
export async function cacheDependencies(
  root: string,
  deno: string,
  dataDir: string,
  progress: (msg: string) => void,
): Promise<void> {
  const { hooks, others } = await cacheTargets(root);
  const steps: {
    label: string;
    args: string[];
    env?: Record<string, string>;
  }[] = hooks.map((script) => ({
    label: `warming ${script.slice(root.length + 1)}`,
    args: hookArgs({ script, dataDir, deno }).slice(1),
    env: { AXONFLOW_HOME: dataDir },
  }));
  if (others.length) {
    steps.push({
      label: `MCP server and scripts (${others.length} files)`,
      args: [
        "install",
        "-q",
        `--config=${root}/deno.json`,
        `--lock=${root}/deno.lock`,
        "--frozen",
        "--entrypoint",
        ...others,
      ],
    });
  }
  let n = 0;
  for (const s of steps) {
    n++;
    progress(`Caching dependencies [${n}/${steps.length}]: ${s.label}...`);
    const out = await new Deno.Command(deno, {
      args: s.args,
      cwd: root,
      env: s.env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      throw new Error(
        `${s.label} failed:\n${new TextDecoder().decode(out.stderr).trim()}`,
      );
    }
  }
}
