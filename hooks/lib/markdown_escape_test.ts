import assert from "node:assert/strict";
import { markdownEscaped, unescapedMarkdownLines } from "./markdown_escape.ts";
import { handlePost } from "./post.ts";
import type { HookEnv } from "./config.ts";

const GHP = "ghp_" + "Zq7Rk2Lm9Xv4Tb8Nc1Wd5Hy3Pf6Js0Ga2KeQ";

Deno.test("markdown escapes: lines with \\_ are undone, others left out; escaping redoes them", () => {
  assert.equal(
    unescapedMarkdownLines("title\ntoken ghp\\_abc \\*x\\*\nplain line"),
    "token ghp_abc *x*",
  );
  assert.equal(unescapedMarkdownLines("no escapes \\. here\n"), "");
  assert.equal(markdownEscaped("ghp_a*b"), "ghp\\_a\\*b");
  assert.equal(markdownEscaped("plainvalue"), undefined);
});

Deno.test("markdown escapes: linear on long hostile lines", () => {
  for (
    const s of [
      "\\_".repeat(50_000),
      "\\".repeat(100_000) + "_",
      "a".repeat(100_000) + "\\_",
    ]
  ) {
    const t0 = performance.now();
    unescapedMarkdownLines(s);
    markdownEscaped(s);
    assert.ok(performance.now() - t0 < 500, `${s.length}`);
  }
});

function ev(tool: string, resp: unknown, codex: boolean) {
  const text = JSON.stringify({
    session_id: "s",
    hook_event_name: "PostToolUse",
    tool_name: tool,
    tool_input: { url: "https://docs.example.test/notes", prompt: "quote" },
    tool_response: resp,
    cwd: "/tmp",
    ...(codex
      ? { turn_id: "t", model: "gpt-5.5" }
      : { permission_mode: "default" }),
  });
  return { text, truncated: false, bytes: text.length };
}

Deno.test("a token or address markdown-escaped by WebFetch (ghp\\_…, jane\\_roe@…) is redacted; routine escaped markdown passes unchanged", async () => {
  const dir = await Deno.makeTempDir();
  const env: HookEnv = { home: "/h", dataDir: dir, debug: false, warnings: [] };
  try {
    const page = `Ops notes\n=========\n\ndeploy token ${
      GHP.replace("_", "\\_")
    }\n\nmail jane\\_roe@acme-corp.io\n`;
    const claude = await handlePost(
      ev("WebFetch", {
        bytes: 120,
        code: 200,
        codeText: "OK",
        result: page,
        durationMs: 5,
        url: "https://docs.example.test/notes",
      }, false),
      env,
    );
    const codex = await handlePost(ev("web_fetch", page, true), env);
    for (const r of [claude, codex]) {
      assert.ok(r.stdout, "replaced");
      assert.ok(!r.stdout.includes(GHP.slice(4)), r.stdout);
      assert.ok(!r.stdout.includes("roe@acme-corp"), r.stdout);
      assert.match(r.stdout, /Ops notes/);
    }
    const updated = JSON.parse(claude.stdout).hookSpecificOutput
      .updatedToolOutput;
    assert.equal(updated.code, 200);
    assert.match(updated.result, /deploy token .*\[REDACTED:/);
    // Negative: escaped identifiers in routine docs are not secrets.
    const doc =
      "Set `max\\_retries` and `retry\\_backoff\\_ms`; see snake\\_case\\_names and \\[1\\].\n";
    for (const codexAgent of [false, true]) {
      const r = await handlePost(
        ev(
          codexAgent ? "web_fetch" : "WebFetch",
          codexAgent ? doc : { code: 200, result: doc },
          codexAgent,
        ),
        env,
      );
      assert.equal(r.stdout, "", r.stdout);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a markdown-escaped token inside the JSON text of an MCP resource (Codex read_mcp_resource) is redacted", async () => {
  const dir = await Deno.makeTempDir();
  const env: HookEnv = { home: "/h", dataDir: dir, debug: false, warnings: [] };
  try {
    const resp = JSON.stringify({
      server: "docs",
      uri: "file:///srv/notes.md",
      contents: [{
        uri: "file:///srv/notes.md",
        mimeType: "text/markdown",
        text: `deploy token ${GHP.replace("_", "\\_")}\n`,
      }],
    });
    const r = await handlePost(ev("read_mcp_resource", resp, true), env);
    assert.ok(r.stdout, "replaced");
    assert.ok(!r.stdout.includes(GHP.slice(4)), r.stdout);
    assert.match(
      JSON.parse(r.stdout).reason,
      /"uri":"file:\/\/\/srv\/notes\.md"/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
