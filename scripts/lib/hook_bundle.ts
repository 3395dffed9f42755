/**
 * The bundled hooks: which sources they are built from, where the output
 * goes, and the manifest that ties the two together.
 *
 * Codex starts a hook process for every tool call, so the hooks ship as
 * minified bundles (`hooks/dist/`, built by `deno task build` from
 * `hooks/pre_tool_use.ts` and `hooks/post_tool_use.ts`): Deno loads a handful
 * of files instead of about seventy modules, which is most of a hook's start-up
 * time. The manifest records a digest of every source file the bundles were
 * built from and of every file built, so a test can tell when a source changed
 * without a rebuild, or when a built file was edited by hand.
 *
 * @example
 * ```ts
 * const root = "/path/to/plugin";
 * const files = await bundleSources(root, "deno");
 * console.log(await sourcesDigest(root, files));
 * ```
 *
 * @module
 */

/** Hook entry points, relative to the plugin root. */
export const HOOK_ENTRY_POINTS: readonly string[] = Object.freeze([
  "hooks/pre_tool_use.ts",
  "hooks/post_tool_use.ts",
  "hooks/session_start.ts",
  "hooks/user_prompt_submit.ts",
  "hooks/permission_request.ts",
]);

/** Output folder of the bundles, relative to the plugin root. */
export const DIST_DIR = "hooks/dist";

/** The manifest's path, relative to the plugin root. */
export const MANIFEST_PATH = `${DIST_DIR}/manifest.json`;

/** What `hooks/dist/manifest.json` holds. */
export interface BundleManifest {
  /** A line for a person who opens the folder. */
  note: string;
  /** Deno version that built the bundles (information only). */
  deno: string;
  /** SHA-256 (hex) over every source path and its content, in path order. */
  sources_sha256: string;
  /** The source files, relative to the plugin root, sorted. */
  sources: string[];
  /** Every built file (name in `hooks/dist/`) and its SHA-256 (hex). */
  files: Record<string, string>;
}

/** Hex SHA-256 of bytes. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    data as Uint8Array<ArrayBuffer>,
  );
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** Run `deno <args>` in `cwd`; resolves to its stdout, rejects with `what` and its stderr. */
export async function runDeno(
  deno: string,
  args: string[],
  cwd: string,
  what: string,
): Promise<string> {
  const out = await new Deno.Command(deno, {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) {
    throw new Error(`${what} failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
  return new TextDecoder().decode(out.stdout);
}

interface InfoModule {
  specifier?: string;
  local?: string;
}

/**
 * Every local source file the hook entry points import (the entry points
 * included), relative to `root` and sorted. Uses `deno info --json` with the
 * same resolution the hooks get (`--no-config`).
 */
export async function bundleSources(
  root: string,
  deno: string,
): Promise<string[]> {
  const found = new Set<string>();
  for (const entry of HOOK_ENTRY_POINTS) {
    const stdout = await runDeno(
      deno,
      ["info", "--json", "--no-config", "--no-lock", `${root}/${entry}`],
      root,
      `deno info ${entry}`,
    );
    const info = JSON.parse(stdout) as { modules?: InfoModule[] };
    for (const m of info.modules ?? []) {
      if (!m.local || !m.specifier?.startsWith("file:")) continue;
      if (!m.local.startsWith(`${root}/`)) continue;
      found.add(m.local.slice(root.length + 1));
    }
  }
  return [...found].sort();
}

/** SHA-256 over each source's relative path and content, in the given order. */
export async function sourcesDigest(
  root: string,
  files: readonly string[],
): Promise<string> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const f of files) {
    parts.push(enc.encode(`${f}\0`));
    parts.push(await Deno.readFile(`${root}/${f}`));
    parts.push(enc.encode("\0"));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return await sha256Hex(all);
}

/** Read the manifest, or undefined when there is none. */
export async function readManifest(
  root: string,
): Promise<BundleManifest | undefined> {
  try {
    return JSON.parse(
      await Deno.readTextFile(`${root}/${MANIFEST_PATH}`),
    ) as BundleManifest;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
}

/** Problems with the bundles in `root`, as sentences; empty when they are current. */
export async function bundleProblems(
  root: string,
  deno: string,
): Promise<string[]> {
  const manifest = await readManifest(root);
  if (!manifest) {
    return [`${MANIFEST_PATH} is missing: run \`deno task build\``];
  }
  const problems: string[] = [];
  const sources = await bundleSources(root, deno);
  const digest = await sourcesDigest(root, sources);
  if (digest !== manifest.sources_sha256) {
    const added = sources.filter((s) => !manifest.sources.includes(s));
    const gone = manifest.sources.filter((s) => !sources.includes(s));
    problems.push(
      `the hook sources changed since the bundles were built${
        added.length || gone.length
          ? ` (new: ${added.join(", ") || "none"}; gone: ${
            gone.join(", ") || "none"
          })`
          : ""
      }: run \`deno task build\` and commit ${DIST_DIR}`,
    );
  }
  const present = new Set<string>();
  for (const e of Deno.readDirSync(`${root}/${DIST_DIR}`)) {
    if (e.isFile && e.name !== "manifest.json") present.add(e.name);
  }
  for (const [name, want] of Object.entries(manifest.files)) {
    if (!present.has(name)) {
      problems.push(`${DIST_DIR}/${name} is missing: run \`deno task build\``);
      continue;
    }
    present.delete(name);
    const got = await sha256Hex(
      await Deno.readFile(`${root}/${DIST_DIR}/${name}`),
    );
    if (got !== want) {
      problems.push(
        `${DIST_DIR}/${name} differs from what was built (edited by hand?): run \`deno task build\``,
      );
    }
  }
  for (const extra of present) {
    problems.push(`${DIST_DIR}/${extra} is not in the manifest: remove it`);
  }
  return problems;
}
