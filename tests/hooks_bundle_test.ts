/**
 * The bundled hooks in hooks/dist/ are what Codex runs: they must be built
 * from the sources in this checkout, unedited, and must behave like them.
 *
 * @module
 */
import assert from "node:assert/strict";
import { HOOK_SCRIPTS } from "../governance/permissions.ts";
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
