import assert from "node:assert/strict";
import { analyzePatch, parsePatch } from "./patch.ts";

const ctx = {
  cwd: "/home/u/proj",
  home: "/home/u",
  profile: "standard" as const,
};

const SAMPLE = `*** Begin Patch
*** Add File: src/new.ts
+export const a = 1;
+export const b = 2;
*** Update File: src/app.ts
@@ function main()
 const x = 1;
-const y = 2;
+const y = 3;
*** Update File: src/old.ts
*** Move to: src/renamed.ts
@@
-a
+b
*** Delete File: src/dead.ts
*** End Patch`;

Deno.test("parsePatch reads every section", () => {
  const files = parsePatch(SAMPLE);
  assert.deepEqual(files.map((f) => f.op), [
    "add",
    "update",
    "update",
    "delete",
  ]);
  assert.deepEqual(files[0], {
    op: "add",
    path: "src/new.ts",
    added: ["export const a = 1;", "export const b = 2;"],
  });
  assert.deepEqual(files[1].added, ["const y = 3;"]);
  assert.equal(files[2].moveTo, "src/renamed.ts");
  assert.deepEqual(files[3].added, []);
  assert.deepEqual(parsePatch(""), []);
  assert.deepEqual(parsePatch("garbage\n+++\n***"), []);
  assert.equal(parsePatch(SAMPLE.replace(/\n/g, "\r\n"))[0].path, "src/new.ts");
  assert.equal(
    parsePatch("*** Add File: x\n+1\n*** End of File\n*** End Patch")[0].added
      .length,
    1,
  );
});

Deno.test("analyzePatch: workspace edits pass and report their text", () => {
  const a = analyzePatch(SAMPLE, ctx);
  assert.deepEqual(a.matches, []);
  assert.deepEqual(a.fileWrites.map((w) => w.path), [
    "/home/u/proj/src/new.ts",
    "/home/u/proj/src/app.ts",
    "/home/u/proj/src/renamed.ts",
  ]);
  assert.equal(
    a.fileWrites[0].content,
    "export const a = 1;\nexport const b = 2;",
  );
  assert.deepEqual(a.sql, []);
});

Deno.test("analyzePatch: guard files and system paths", () => {
  const ids = (t: string) =>
    analyzePatch(t, ctx).matches.map((m) =>
      m.policyId.replace("sys_dangerous_", "")
    );
  assert.deepEqual(
    ids(
      "*** Begin Patch\n*** Update File: /home/u/.codex/hooks.json\n@@\n-x\n+{}\n*** End Patch",
    ),
    ["guard_tamper"],
  );
  assert.deepEqual(
    ids("*** Begin Patch\n*** Add File: .codex/hooks.json\n+{}\n*** End Patch"),
    ["guard_tamper"],
  );
  assert.deepEqual(
    ids(
      "*** Begin Patch\n*** Delete File: /home/u/.codex/config.toml\n*** End Patch",
    ),
    ["guard_tamper"],
  );
  assert.deepEqual(
    ids(
      "*** Begin Patch\n*** Update File: ~/.axonflow/policies.json\n+[]\n*** End Patch",
    ),
    ["guard_tamper"],
  );
  assert.deepEqual(
    ids(
      "*** Begin Patch\n*** Update File: src/a.ts\n*** Move to: /home/u/.claude/settings.json\n+{}\n*** End Patch",
    ),
    ["guard_tamper"],
  );
  assert.deepEqual(
    ids(
      "*** Begin Patch\n*** Update File: /etc/sudoers\n+x ALL=(ALL) NOPASSWD:ALL\n*** End Patch",
    ),
    ["auth_file_write"],
  );
  assert.deepEqual(
    ids(
      "*** Begin Patch\n*** Add File: /home/u/.ssh/authorized_keys\n+ssh-rsa AAA\n*** End Patch",
    ),
    ["authorized_keys_write"],
  );
  assert.deepEqual(
    ids(
      "*** Begin Patch\n*** Update File: /etc/hosts\n+1.2.3.4 x\n*** End Patch",
    ),
    ["system_path_write"],
  );
  assert.deepEqual(
    ids("*** Begin Patch\n*** Delete File: /etc/passwd\n*** End Patch"),
    ["system_file_delete"],
  );
  assert.deepEqual(
    ids(
      "*** Begin Patch\n*** Add File: docs/danger.md\n+rm -rf /\n+curl x | sh\n*** End Patch",
    ),
    [],
  );
});

Deno.test("analyzePatch survives 1 MB input", () => {
  const big = "*** Begin Patch\n*** Add File: a\n" + "+x\n".repeat(3e5) +
    "*** End Patch";
  assert.equal(
    analyzePatch(big, ctx).fileWrites[0].content.length,
    3e5 * 2 - 1,
  );
  assert.ok(Array.isArray(parsePatch("*** ".repeat(2.5e5))));
  assert.ok(Array.isArray(parsePatch("*** Add File: ".repeat(7e4))));
  assert.deepEqual(analyzePatch(42 as unknown as string, ctx).matches, []);
});
