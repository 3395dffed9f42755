/**
 * The bundled hooks in hooks/dist/ are what Codex runs: they must be built
 * from the sources in this checkout, unedited, and must behave like them.
 *
 * @module
 */
import assert from "node:assert/strict";
import { HOOK_SCRIPTS } from "../governance/permissions.ts";
import { unreadAhead } from "../scripts/build_hooks.ts";
import {
  bundleProblems,
  bundleSources,
  HOOK_ENTRY_POINTS,
  readManifest,
} from "../scripts/lib/hook_bundle.ts";
import { REPO } from "./support/hook_process.ts";

Deno.test("hooks/dist is built from the current sources (else: deno task build)", async () => {
  const problems = await bundleProblems(REPO, Deno.execPath());
  assert.deepEqual(problems, []);
});

Deno.test("no chunk names another in a literal import(), which Deno would read ahead", async () => {
  const dist = `${REPO}/hooks/dist`;
  let hidden = 0;
  for (const e of Deno.readDirSync(dist)) {
    if (!e.isFile || !e.name.endsWith(".js")) continue;
    const code = await Deno.readTextFile(`${dist}/${e.name}`);
    assert.doesNotMatch(code, /\bimport\(\s*["'`]\.\//, e.name);
    for (const m of code.matchAll(/import\(\["\.\/([^"]+)"\]\[0\]\)/g)) {
      assert.ok(Deno.statSync(`${dist}/${m[1]}`).isFile, m[1]);
      hidden++;
    }
  }
  // The shell analysis, the three detectors, the catalogue, egress, the store.
  assert.ok(hidden >= 8, `${hidden} chunks loaded on demand`);
});

Deno.test("unreadAhead rewrites only imports of built chunks, in linear time", () => {
  const chunks = new Set(["a-1.js", "b-2.js"]);
  assert.equal(
    unreadAhead(`x=import("./a-1.js");y=import("./c-3.js")`, chunks),
    `x=import(["./a-1.js"][0]);y=import("./c-3.js")`,
  );
  // Not the bundler's form (an escaped quote in a string): left alone.
  const quoted = `"import(\\"./a-1.js\\")"`;
  assert.equal(unreadAhead(quoted, chunks), quoted);
  for (
    const h of [
      `import("./`.repeat(1e5),
      `import("./${"a".repeat(1e6)}`,
      `import("./${"a".repeat(79)}.js`.repeat(1e4),
    ]
  ) {
    const t = performance.now();
    assert.equal(unreadAhead(h, chunks), h);
    assert.ok(performance.now() - t < 1000);
  }
});

Deno.test("the manifest lists every hook source, the entry points and engine included", async () => {
  const manifest = await readManifest(REPO);
  assert.ok(manifest, "hooks/dist/manifest.json exists");
  const sources = await bundleSources(REPO, Deno.execPath());
  assert.deepEqual(manifest.sources, sources);
  for (const entry of HOOK_ENTRY_POINTS) assert.ok(sources.includes(entry));
  assert.ok(sources.includes("governance/engine/evaluate.ts"));
  assert.ok(sources.includes("governance/audit/store.ts"));
  for (const script of Object.values(HOOK_SCRIPTS)) {
    const name = script.split("/").pop() ?? "";
    assert.ok(name in manifest.files, `${name} is built`);
  }
});

Deno.test("bundleProblems notices an edited bundle, a changed source and a stray file", async () => {
  const root = await Deno.makeTempDir({ prefix: "axf_bundle_test_" });
  try {
    const manifest = await readManifest(REPO);
    assert.ok(manifest);
    for (const f of manifest.sources) {
      const dir = `${root}/${f}`.replace(/\/[^/]+$/, "");
      await Deno.mkdir(dir, { recursive: true });
      await Deno.copyFile(`${REPO}/${f}`, `${root}/${f}`);
    }
    await Deno.mkdir(`${root}/hooks/dist`, { recursive: true });
    for (const name of [...Object.keys(manifest.files), "manifest.json"]) {
      await Deno.copyFile(
        `${REPO}/hooks/dist/${name}`,
        `${root}/hooks/dist/${name}`,
      );
    }
    assert.deepEqual(await bundleProblems(root, Deno.execPath()), []);

    const pre = `${root}/${HOOK_SCRIPTS.PreToolUse}`;
    await Deno.writeTextFile(pre, "\n// hand edit", { append: true });
    await Deno.writeTextFile(
      `${root}/governance/engine/evaluate.ts`,
      "\n// changed",
      { append: true },
    );
    await Deno.writeTextFile(`${root}/hooks/dist/stray.js`, "");
    const problems = (await bundleProblems(root, Deno.execPath())).join("\n");
    assert.match(problems, /sources changed since the bundles were built/);
    assert.match(problems, /pre_tool_use\.js differs from what was built/);
    assert.match(problems, /stray\.js is not in the manifest/);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
