import assert from "node:assert/strict";
import {
  analyzeEmbeddedPatch,
  analyzePatch,
  embeddedPatchWrites,
  parseCodexPatch,
  parsePatch,
} from "./patch.ts";
import { evaluate } from "./evaluate_all.ts";

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

Deno.test("parseCodexPatch reads patches the way Codex's parser does", () => {
  const p = (t: string) => parseCodexPatch(t);
  // padded markers and headers are trimmed
  assert.deepEqual(
    p("*** Begin Patch \n*** Add File: foo\n+hi\n *** End Patch").files,
    [{ op: "add", path: "foo", added: ["hi"] }],
  );
  assert.deepEqual(
    p("  *** Begin Patch\n\t*** Add File: /h/.zshenv \n+exit 0\n*** End Patch  ")
      .files,
    [{ op: "add", path: "/h/.zshenv", added: ["exit 0"] }],
  );
  // every hunk kind, move, several files, CRLF
  const all = "*** Begin Patch\n*** Add File: path/add.py\n+abc\n+def\n" +
    "*** Delete File: path/delete.py\n*** Update File: path/update.py\n" +
    "*** Move to: path/update2.py\n@@ def f():\n-    pass\n+    return 123\n" +
    "*** End Patch";
  const want = [
    { op: "add", path: "path/add.py", added: ["abc", "def"] },
    { op: "delete", path: "path/delete.py", added: [] },
    {
      op: "update",
      path: "path/update.py",
      moveTo: "path/update2.py",
      added: ["    return 123"],
    },
  ];
  assert.deepEqual(p(all), { files: want });
  assert.deepEqual(p(all.replaceAll("\n", "\r\n")), { files: want });
  // heredoc-wrapped (lenient mode)
  assert.deepEqual(p(`<<'EOF'\n${all}\nEOF\n`), { files: want });
  assert.deepEqual(p(`<<EOF\n${all}\nEOF`), { files: want });
  // a header after an Add hunk may be indented; inside an Update hunk a
  // line starting with a space is a context line, not a header
  assert.deepEqual(
    p("*** Begin Patch\n*** Add File: a\n+1\n   *** Add File: b\n+2\n*** End Patch")
      .files.map((f) => f.path),
    ["a", "b"],
  );
  assert.deepEqual(
    p("*** Begin Patch\n*** Update File: a\n@@\n+1\n *** Add File: b\n*** End Patch")
      .files.map((f) => f.path),
    ["a"],
  );
  // an Update hunk without @@ for its first chunk; ends at the next header
  assert.deepEqual(
    p("*** Begin Patch\n*** Update File: f.py\n import foo\n+bar\n*** Add File: o.py\n+c\n*** End Patch")
      .files,
    [
      { op: "update", path: "f.py", added: ["bar"] },
      { op: "add", path: "o.py", added: ["c"] },
    ],
  );
  // what Codex refuses
  assert.match(p("bad").error ?? "", /first line/);
  assert.match(p("*** Begin Patch\nbad").error ?? "", /last line/);
  assert.match(
    p("*** Begin Patch\n*** Update File: test.py\n*** End Patch").error ?? "",
    /is empty/,
  );
  assert.deepEqual(p("*** Begin Patch\n*** End Patch"), { files: [] });
  // the Move line must follow the Update header unindented
  assert.equal(
    p("*** Begin Patch\n*** Update File: a\n *** Move to: b\n+x\n*** End Patch")
      .files[0].moveTo,
    undefined,
  );
});

Deno.test("parsePatch judges Codex's hunks plus every header-like line", () => {
  // missing End Patch: Codex refuses it, the judge still sees the target
  assert.deepEqual(
    parsePatch("*** Begin Patch\n*** Add File: /h/.bash_profile\n+exit 0\n")
      .map((f) => f.path),
    ["/h/.bash_profile"],
  );
  // indented Move to inside an update: both readings are judged
  const files = parsePatch(
    "*** Begin Patch\n*** Update File: a\n@@\n+x\n *** Move to: /h/.zshenv\n*** End Patch",
  );
  assert.ok(files.some((f) => f.moveTo === "/h/.zshenv"));
});

Deno.test("analyzePatch: padded headers, CRLF and heredoc shells are judged like clean ones", () => {
  const ids = (t: string) =>
    analyzePatch(t, ctx).matches.map((m) => m.policyId);
  const clean = ids(
    "*** Begin Patch\n*** Add File: /home/u/.codex/hooks.json\n+{}\n*** End Patch",
  );
  assert.ok(clean.length > 0);
  for (
    const variant of [
      "*** Begin Patch\n *** Add File: /home/u/.codex/hooks.json\n+{}\n*** End Patch",
      "*** Begin Patch\n\t*** Add File: /home/u/.codex/hooks.json \n+{}\n*** End Patch",
      "*** Begin Patch\r\n*** Add File: /home/u/.codex/hooks.json\r\n+{}\r\n*** End Patch\r\n",
      "  *** Begin Patch\n*** Add File: /home/u/.codex/hooks.json\n+{}\n",
      "<<'EOF'\n*** Begin Patch\n *** Add File: /home/u/.codex/hooks.json\n+{}\n*** End Patch\nEOF\n",
    ]
  ) {
    assert.deepEqual(ids(variant), clean, JSON.stringify(variant));
  }
  assert.deepEqual(
    analyzeEmbeddedPatch(
      "apply_patch <<'EOF'\n*** Begin Patch\n *** Add File: /home/u/.codex/hooks.json\n+{}\n*** End Patch\nEOF",
      ctx,
    )?.matches.map((m) => m.policyId),
    clean,
  );
  assert.deepEqual(
    analyzeEmbeddedPatch(
      "cd /home/u && apply_patch '*** Begin Patch\n*** Add File: .codex/hooks.json\n+{}\n*** End Patch'",
      ctx,
    )?.matches.map((m) => m.policyId),
    clean,
  );
  assert.equal(analyzeEmbeddedPatch("echo apply_patch", ctx), undefined);
  assert.equal(analyzeEmbeddedPatch("apply_patch --help", ctx), undefined);
});

Deno.test("parsePatch stays linear on hostile input", () => {
  const t0 = "*** Begin Patch\n" + " \t".repeat(2e5) + "*** Add File: " +
    "x".repeat(2e5) + "\n" + "*** Update File: a\n@@\n".repeat(2e4);
  assert.ok(parsePatch(t0).length > 0);
  assert.ok(parseCodexPatch("\n".repeat(5e5)).files.length === 0);
});

Deno.test("parsePatch: 20,000 files in one patch are each judged once", () => {
  const text = "*** Begin Patch\n" +
    Array.from({ length: 2e4 }, (_, i) => `*** Add File: f${i}\n+x\n`).join(
      "",
    ) +
    "*** End Patch";
  assert.equal(parsePatch(text).length, 2e4);
});

Deno.test("embeddedPatchWrites: files a shell-applied patch adds are known to the commands after it", () => {
  const ctx = {
    cwd: "/home/u/p",
    home: "/home/u",
    profile: "standard" as const,
  };
  const cmd = (body: string, after: string) =>
    `apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: scripts/t.sh\n${body}\n*** End Patch\nEOF\n${after}`;
  assert.equal(
    embeddedPatchWrites(cmd("+rm -rf dist", "sh scripts/t.sh"), ctx),
    "printf '%s\\n' 'rm -rf dist' > /home/u/p/scripts/t.sh",
  );
  assert.equal(embeddedPatchWrites(cmd("+echo hi", ""), ctx), null);
  assert.equal(embeddedPatchWrites("ls -la", ctx), null);
  const judge = (command: string) =>
    evaluate({
      toolName: "Bash",
      input: { command },
      home: "/home/u",
      cwd: "/home/u/p",
    })
      .allowed;
  assert.equal(
    judge(cmd('+#!/bin/sh\n+rm -rf "$HOME"', "sh scripts/t.sh")),
    false,
  );
  assert.equal(
    judge(cmd("+#!/bin/sh\n+rm -rf dist .cache", "sh scripts/t.sh")),
    true,
  );
});
