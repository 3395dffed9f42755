/**
 * Red team of what reaches the model: secrets and personal data in every
 * carrier the PostToolUse hook sees (Codex shell, patch and MCP outputs;
 * Claude Code's Bash, Read, WebFetch, Grep, Task and MCP payloads), plain and
 * disguised. What the model would receive (the replacement, or the original
 * when there is none) must hold none of the values.
 */
import assert from "node:assert/strict";
import type { HookEnv } from "./config.ts";
import { handlePost } from "./post.ts";

const GHP = "ghp_" + "Zq7Rk2Lm9Xv4Tb8Nc1Wd5Hy3Pf6Js0Ga2KeQ";
const AWS_SECRET = "q8Vt2mRx9LpZ4kWn7bHs1cJd5fGy3aE6uTo0iNvX";
const VALUES = {
  ssn: "536-90-4399",
  card: "4539 1488 0343 6467",
  github: GHP,
  aws: AWS_SECRET,
  stripe: "sk_live_" + "51Hq8Zr2Kd7XwLm4Tn9PbVcGsWXyz12",
  email: "jane.roe@acme-corp.io",
  iban: "GB82 WEST 1234 5698 7654 32",
};
const BODY = [
  `user ssn ${VALUES.ssn}`,
  `card ${VALUES.card}`,
  `GITHUB_TOKEN=${GHP}`,
  "aws_access_key_id = AKIAQX4Z7RT2LMNB5KWE",
  `aws_secret_access_key = ${AWS_SECRET}`,
  `STRIPE=${VALUES.stripe}`,
  `mail ${VALUES.email}`,
  `iban ${VALUES.iban}`,
].join("\n") + "\n";

type Agent = "codex" | "claude";

function event(agent: Agent, tool: string, input: unknown, resp: unknown) {
  const base: Record<string, unknown> = {
    session_id: "s",
    hook_event_name: "PostToolUse",
    tool_name: tool,
    tool_input: input,
    tool_response: resp,
    cwd: "/tmp",
    ...(agent === "codex"
      ? { turn_id: "t", model: "gpt-5.5" }
      : { transcript_path: "/tmp/t.jsonl", permission_mode: "default" }),
  };
  const text = JSON.stringify(base);
  return { text, truncated: false, bytes: text.length };
}

/** What the model receives: the replacement, or the original output beside the hook's context. */
function received(stdout: string, resp: unknown): string {
  const out = stdout ? JSON.parse(stdout) : {};
  const hso = out.hookSpecificOutput ?? {};
  const replaced = out.decision === "block" || "updatedToolOutput" in hso;
  return replaced ? stdout : JSON.stringify(resp) + stdout;
}

function carriers(body: string): [Agent, string, unknown, unknown][] {
  return [
    ["codex", "Bash", { command: "cat x" }, body],
    ["codex", "exec_command", { cmd: "cat x" }, body],
    ["codex", "apply_patch", { input: "*** Begin Patch" }, body],
    ["codex", "mcp__fs__read", { path: "x" }, {
      content: [{ type: "text", text: body }],
    }],
    ["codex", "mcp__db__q", {}, {
      content: [],
      structuredContent: { rows: body.split("\n").map((l) => ({ line: l })) },
    }],
    ["claude", "Bash", { command: "cat x" }, {
      stdout: body,
      stderr: "",
      interrupted: false,
      isImage: false,
    }],
    ["claude", "Read", { file_path: "/tmp/x" }, {
      type: "text",
      file: { filePath: "/tmp/x", content: body, numLines: 9, startLine: 1 },
    }],
    ["claude", "WebFetch", { url: "https://x.example" }, {
      code: 200,
      result: body,
      url: "https://x.example",
    }],
    ["claude", "Grep", { pattern: "x" }, {
      mode: "content",
      numFiles: 1,
      filenames: [],
      content: body,
    }],
    ["claude", "mcp__fs__read", { path: "x" }, [{ type: "text", text: body }]],
    ["claude", "mcp__db__q", {}, {
      content: [{
        type: "text",
        text: JSON.stringify({ rows: body.split("\n") }),
      }],
    }],
  ];
}

async function withDir(fn: (env: HookEnv) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn({ home: "/home/u", dataDir: dir, debug: false, warnings: [] });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("post carriers: no secret or personal value reaches the model from any carrier", async () => {
  await withDir(async (env) => {
    for (const [agent, tool, input, resp] of carriers(BODY)) {
      const r = await handlePost(event(agent, tool, input, resp), env);
      const seen = received(r.stdout, resp);
      for (const [kind, v] of Object.entries(VALUES)) {
        assert.ok(
          !seen.includes(v) && !seen.includes(JSON.stringify(v).slice(1, -1)),
          `${agent} ${tool}: ${kind} reached the model`,
        );
      }
    }
  });
});

Deno.test("post carriers: disguised tokens are redacted in text and structured carriers alike", async () => {
  const creds =
    `[default]\naws_access_key_id = AKIAQX4Z7RT2LMNB5KWE\naws_secret_access_key = ${AWS_SECRET}\n`;
  const disguises: Record<string, string> = {
    ansi: `token \x1b[31m${GHP.slice(0, 12)}\x1b[0m${GHP.slice(12)}`,
    zeroWidth: `token ${GHP.slice(0, 12)}\u200b${GHP.slice(12)}`,
    jsonEscaped: JSON.stringify({ t: GHP }).replace(
      "ghp_",
      "\\u0067\\u0068\\u0070_",
    ),
    urlEncoded: `next=${encodeURIComponent("token=" + GHP)}`,
    base64: `creds: ${btoa(creds)}`,
    split: `GITHUB_TOKEN=${GHP.slice(0, 20)}\n${GHP.slice(20)}`,
    htmlEntity: `tok: ghp&#95;${GHP.slice(4)}`,
    tableCell: `| key | value |\n| GITHUB_TOKEN | ${GHP} |`,
  };
  const pieces = [GHP.slice(12, 30), AWS_SECRET.slice(5, 30)];
  await withDir(async (env) => {
    for (const [name, text] of Object.entries(disguises)) {
      for (const [agent, tool, input, resp] of carriers(text)) {
        const r = await handlePost(event(agent, tool, input, resp), env);
        const seen = received(r.stdout, resp);
        for (const p of pieces) {
          assert.ok(
            !seen.includes(p) && !seen.includes(JSON.stringify(p).slice(1, -1)),
            `${name} via ${agent} ${tool}: ${p} reached the model`,
          );
        }
      }
    }
  });
});
