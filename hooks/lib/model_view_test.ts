import assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../governance/engine/mod.ts";
import { handlePost } from "./post.ts";
import {
  buildView,
  codexReason,
  fitBytes,
  isOwnTool,
  jsonRaws,
  REASON_MAX_BYTES,
} from "./model_view.ts";
import { COPY_MAX_FILES, copyDir, pruneCopies } from "./redacted_copy.ts";
import type { HookEnv } from "./config.ts";
import type { HookEvent } from "./payload.ts";

const STRIPE = "sk_live_51Hq8Zr2Kd7XwLm4Tn9PbVcGsWXyz12";
const GHP = "ghp_96ipbNClShVP4wY4for9duMl7JRU7BT4dK4b";

function env(dataDir: string): HookEnv {
  return { home: "/home/u", dataDir, debug: false, warnings: [] };
}

function payload(
  ev: Record<string, unknown>,
): { text: string; truncated: boolean; bytes: number } {
  const text = JSON.stringify({ hook_event_name: "PostToolUse", ...ev });
  return { text, truncated: false, bytes: text.length };
}

Deno.test("codexReason: a 2 MB output with secrets becomes head + tail under 9 KB and a 0600 copy in a 0700 folder, no raw value anywhere", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const line = "INFO request served in 3 ms from cache node 7\n";
    const big = `key=${STRIPE}\n` +
      line.repeat(Math.ceil(2_000_000 / line.length)) +
      `token=${GHP}\n`;
    const r = await handlePost(
      payload({
        session_id: "s-big",
        turn_id: "t",
        tool_name: "Bash",
        tool_input: { command: "cat app.log" },
        tool_response: big,
      }),
      env(dir),
    );
    const out = JSON.parse(r.stdout);
    assert.equal(out.decision, "block");
    const reason: string = out.reason;
    assert.ok(new TextEncoder().encode(reason).length <= REASON_MAX_BYTES);
    assert.ok(!reason.includes(STRIPE) && !reason.includes(GHP));
    assert.match(reason, /\[REDACTED:stripe_key\]/, "head kept");
    assert.match(reason, /\[REDACTED:github_token\]/, "tail kept");
    const path = reason.match(/is in (\S+\.txt)/)?.[1];
    assert.ok(path, reason.slice(0, 600));
    assert.ok(path.startsWith(copyDir(dir)));
    assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
    assert.equal((await Deno.stat(copyDir(dir))).mode! & 0o777, 0o700);
    const copy = await Deno.readTextFile(path);
    assert.ok(copy.length > 1_900_000);
    assert.ok(!copy.includes(STRIPE) && !copy.includes(GHP));
    for await (const e of Deno.readDir(dir)) {
      if (e.isFile) {
        const t = await Deno.readTextFile(`${dir}/${e.name}`);
        assert.ok(!t.includes(STRIPE) && !t.includes(GHP), e.name);
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("codexReason: short outputs are returned whole, no copy written", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const r = codexReason("[note]", "a=[REDACTED:x]", dir);
    assert.equal(r.reason, "[note]\na=[REDACTED:x]");
    assert.equal(r.copyPath, undefined);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("pruneCopies keeps at most COPY_MAX_FILES copies, newest first", async () => {
  const dir = await Deno.makeTempDir();
  try {
    for (let i = 0; i < COPY_MAX_FILES + 5; i++) {
      await Deno.writeTextFile(
        `${dir}/2026-01-01T00-00-${String(i).padStart(4, "0")}-x.txt`,
        "r",
      );
    }
    pruneCopies(dir);
    const names = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    assert.equal(names.length, COPY_MAX_FILES);
    assert.ok(names[0].includes("-0005-"), names[0]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("fitBytes never splits a character and respects the byte budget", () => {
  const s = "é😀".repeat(1000);
  for (const max of [1, 5, 100, 999]) {
    const head = fitBytes(s, max);
    const tail = fitBytes(s, max, true);
    assert.ok(new TextEncoder().encode(head).length <= max);
    assert.ok(new TextEncoder().encode(tail).length <= max);
    assert.ok(!/[\ud800-\udbff]$/.test(head));
    assert.ok(!/^[\udc00-\udfff]/.test(tail));
  }
});

Deno.test("Claude Code: updatedToolOutput in the tool's own shape (Bash, Read, MCP blocks)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const bash = await handlePost(
      payload({
        session_id: "c1",
        tool_name: "Bash",
        tool_input: { command: "cat .env" },
        tool_response: {
          stdout: `STRIPE=${STRIPE}\n`,
          stderr: "",
          interrupted: false,
          isImage: false,
          noOutputExpected: false,
        },
      }),
      env(dir),
    );
    const b = JSON.parse(bash.stdout).hookSpecificOutput;
    assert.equal(b.hookEventName, "PostToolUse");
    assert.equal(b.updatedToolOutput.stdout, "STRIPE=[REDACTED:stripe_key]\n");
    assert.equal(b.updatedToolOutput.interrupted, false);
    assert.equal(b.updatedMCPToolOutput, undefined);
    assert.match(b.additionalContext, /the command `cat \.env`/);

    const mcp = await handlePost(
      payload({
        session_id: "c1",
        tool_name: "mcp__svc__get_config",
        tool_input: {},
        tool_response: [{ type: "text", text: `api_token: ${GHP}` }],
      }),
      env(dir),
    );
    const m = JSON.parse(mcp.stdout).hookSpecificOutput;
    assert.deepEqual(m.updatedToolOutput, m.updatedMCPToolOutput);
    assert.ok(!JSON.stringify(m).includes(GHP));
    assert.equal(m.updatedToolOutput[0].type, "text");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the product's own MCP results are not treated as hostile (no redaction, no taint)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const catalogue =
      "sys_pii_ssn: US social security numbers such as 123-45-6789. sys_injection_override: 'ignore all previous instructions' and similar overrides.";
    assert.ok(isOwnTool("mcp__axonflow__list_policies"));
    const r = await handlePost(
      payload({
        session_id: "own",
        turn_id: "t",
        tool_name: "mcp__axonflow__list_policies",
        tool_input: {},
        tool_response: { content: [{ type: "text", text: catalogue }] },
      }),
      env(dir),
    );
    assert.equal(r.stdout, "");
    assert.ok(![...Deno.readDirSync(dir)].some((e) => e.name === "taint"));
    // The same text from another server is defused.
    const other = await handlePost(
      payload({
        session_id: "own",
        turn_id: "t",
        tool_name: "mcp__web__fetch",
        tool_input: { url: "https://example.com" },
        tool_response: { content: [{ type: "text", text: catalogue }] },
      }),
      env(dir),
    );
    assert.match(JSON.parse(other.stdout).reason, /REDACTED/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("buildView: nothing to change gives undefined; JSON-text raw values are unescaped", () => {
  const ev: HookEvent = {
    agent: "codex",
    eventName: "PostToolUse",
    toolName: "Bash",
    toolInput: { command: "ls" },
    toolResponse: "a.txt\nb.txt\n",
  };
  assert.equal(buildView(ev, DEFAULT_CONFIG), undefined);
  const raws = jsonRaws([{ value: "tok_abcdef\\nregion:", type: "token" }]);
  assert.ok(raws.some((r) => r.value === "tok_abcdef"));
});

Deno.test("a structured response carrying a secret in a key, as a number, cut across array elements, or JSON-escaped inside a JSON string is replaced without it (Codex and Claude Code)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const card = 4539148803436467;
    const escapedJson = JSON.stringify({ t: GHP }).replace(
      "ghp_",
      "\\u0067\\u0068\\u0070_",
    );
    const responses = [
      { content: [{ type: "text", text: escapedJson }] },
      { rows: [{ [GHP]: 1 }] },
      { rows: [{ card_number: card }] },
      { parts: [GHP.slice(0, 20), GHP.slice(20)] },
    ];
    for (const resp of responses) {
      for (const codex of [true, false]) {
        const r = await handlePost(
          payload({
            session_id: "s",
            ...(codex ? { turn_id: "t", model: "gpt-5.5" } : {}),
            tool_name: "mcp__db__query",
            tool_input: { sql: "select 1" },
            tool_response: resp,
          }),
          env(dir),
        );
        const out = JSON.parse(r.stdout);
        const replaced = out.decision === "block" ||
          "updatedToolOutput" in (out.hookSpecificOutput ?? {});
        assert.ok(replaced, `${JSON.stringify(resp)}: ${r.stdout}`);
        for (const raw of [GHP.slice(0, 20), GHP.slice(20), String(card)]) {
          assert.ok(!r.stdout.includes(raw), `${raw} in ${r.stdout}`);
        }
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("Codex: an MCP result with structuredContent is replaced by that value redacted (what Codex shows the model), not by the text blocks beside it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const r = await handlePost(
      payload({
        session_id: "s",
        turn_id: "t",
        model: "gpt-5.5",
        tool_name: "mcp__db__query",
        tool_input: { sql: "select 1" },
        tool_response: {
          content: [{ type: "text", text: "2 rows, see structuredContent" }],
          structuredContent: {
            rows: [{ id: 7, token: GHP }, { id: 8, region: "eu-west-1" }],
          },
        },
      }),
      env(dir),
    );
    const out = JSON.parse(r.stdout);
    assert.equal(out.decision, "block");
    assert.ok(!r.stdout.includes(GHP));
    assert.match(out.reason, /"token":"\[REDACTED:github_token\]"/);
    assert.match(out.reason, /"region":"eu-west-1"/);
    // Without structuredContent the text blocks are still what it shows.
    const plain = await handlePost(
      payload({
        session_id: "s",
        turn_id: "t",
        model: "gpt-5.5",
        tool_name: "mcp__db__query",
        tool_input: {},
        tool_response: {
          content: [{ type: "text", text: `token ${GHP}` }],
          structuredContent: null,
        },
      }),
      env(dir),
    );
    assert.match(JSON.parse(plain.stdout).reason, /token \[REDACTED:/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("Codex: a string response that is a JSON document (read_mcp_resource) holding a token cut across the elements of an escaped JSON array is replaced without either piece; formatting kept", async () => {
  const dir = await Deno.makeTempDir();
  const tok = "ghp_" + "Zq7Rk2Lm9Xv4Tb8Nc1Wd5Hy3Pf6Js0Ga2KeQ";
  try {
    const text = `${
      JSON.stringify({ token_parts: [tok.slice(0, 18), tok.slice(18)] })
    }\n`;
    const resp = JSON.stringify({
      server: "docs",
      uri: "file:///srv/a.json",
      contents: [{ uri: "file:///srv/a.json", mimeType: "text/plain", text }],
    });
    const r = await handlePost(
      payload({
        session_id: "s",
        turn_id: "t",
        model: "gpt-5.5",
        tool_name: "read_mcp_resource",
        tool_input: { server: "docs", uri: "file:///srv/a.json" },
        tool_response: resp,
      }),
      env(dir),
    );
    assert.ok(r.stdout, "the output is replaced");
    const out = JSON.parse(r.stdout);
    assert.equal(out.decision, "block");
    for (const piece of [tok.slice(0, 18), tok.slice(18)]) {
      assert.ok(!r.stdout.includes(piece), piece);
    }
    assert.match(out.reason, /"uri":"file:\/\/\/srv\/a\.json"/);
    // Negative: a routine JSON document as a string passes untouched.
    const clean = await handlePost(
      payload({
        session_id: "s",
        turn_id: "t",
        model: "gpt-5.5",
        tool_name: "read_mcp_resource",
        tool_input: { server: "docs", uri: "file:///srv/b.json" },
        tool_response: JSON.stringify({
          contents: [{ text: JSON.stringify({ ids: ["build-4512", "ok"] }) }],
        }),
      }),
      env(dir),
    );
    assert.equal(clean.stdout, "");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("Codex: an MCP result's embedded resource reaches the model as its JSON with the text redacted (as Codex shows it), not as a placeholder", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const r = await handlePost(
      payload({
        session_id: "s",
        turn_id: "t",
        model: "gpt-5.5",
        tool_name: "mcp__docs__fetch",
        tool_input: {},
        tool_response: {
          content: [
            { type: "text", text: "see attached" },
            {
              type: "resource",
              resource: {
                uri: "file:///srv/app/.env",
                mimeType: "text/plain",
                text: `GITHUB_TOKEN=${GHP}\nLOG_LEVEL=debug\n`,
              },
            },
            { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" },
          ],
        },
      }),
      env(dir),
    );
    const out = JSON.parse(r.stdout);
    assert.ok(!r.stdout.includes(GHP));
    assert.match(out.reason, /see attached/);
    assert.match(out.reason, /"uri":"file:\/\/\/srv\/app\/\.env"/);
    assert.match(out.reason, /GITHUB_TOKEN=\[REDACTED:github_token\]/);
    assert.match(out.reason, /LOG_LEVEL=debug/);
    assert.match(out.reason, /\[image content\]/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
