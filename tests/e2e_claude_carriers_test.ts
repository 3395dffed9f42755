/**
 * End-to-end, real Claude Code CLI (pinned, print mode) against a scripted
 * Anthropic API on loopback, hooks installed by the project's installer:
 * every carrier this CLI really has (Bash, Read of a file, an MCP tool's
 * text, text+structuredContent and structuredContent-only results, an MCP
 * resource read with ReadMcpResourceTool, an embedded resource block, and
 * Bash and Read inside a subagent started with the Agent tool, Read of a
 * notebook's cell outputs) carries
 * every leak class of `support/leak_cases.ts`, in one session; the NEXT
 * request must hold none of the raw values nor a decodable form of them,
 * and must hold the redaction marker. Routine output arrives unchanged.
 * (2.1.332 has no Grep or Glob tool: searching goes through Bash.)
 */
import assert from "node:assert/strict";
import {
  type ClaudeStep,
  type ClaudeToolResult,
  claudeToolUseId,
  startClaudeApi,
  subToolUseId,
} from "./support/claude_api.ts";
import {
  CLAUDE_VERSION,
  installClaudeHooks,
  runClaude,
} from "./support/claude_cli.ts";
import { REPO, tempHome } from "./support/hook_process.ts";
import {
  allValues,
  CLEAN_RESOURCE,
  CLEAN_STRUCTURED,
  CLEAN_TEXT,
  fakeGithub,
  LEAK_RESOURCE,
  mcpCarrierScript,
  structuredClasses,
  structuredValue,
  textClasses,
} from "./support/leak_cases.ts";
import {
  type CarrierCase,
  carrierRows,
  formatRows,
  leakedAnywhere,
} from "./support/carrier_table.ts";

const MCP = "mcp__scripted__";
const SUBAGENT = "SUBAGENT-SCRIPT-7Q";

/** The tool result's own text, before the CLI's appended system reminders. */
function ownText(r: ClaudeToolResult): string {
  const at = r.text.indexOf("<system-reminder>");
  return (at < 0 ? r.text : r.text.slice(0, at)).replace(/\n+$/, "");
}

Deno.test({
  name:
    "e2e claude carriers: Bash, Read and MCP text/structuredContent carry every leak class; the next request holds none of the values nor a decodable form, and the marker; routine output unchanged",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const started = Date.now();
  const t = await tempHome();
  const work = `${t.home}/work`;
  const configDir = `${t.home}/claude-config`;
  await Deno.mkdir(work, { recursive: true });

  const bashClasses = textClasses("claude-bash");
  const readClasses = textClasses("claude-read");
  const mcpTextClasses = textClasses("claude-mcp-text");
  const structClasses = structuredClasses("claude-mcp-struct");
  const resourceClasses = textClasses("claude-mcp-resource");
  const embeddedClasses = textClasses("claude-mcp-embedded");
  const agentClasses = textClasses("claude-agent");
  const notebookClasses = textClasses("claude-notebook");
  const failBash = fakeGithub("claude-failed-bash");
  const failMcp = fakeGithub("claude-failed-mcp");
  const onlyClasses = structuredClasses("claude-mcp-only");
  const bigHead = fakeGithub("claude-big-head");
  const bigMiddle = fakeGithub("claude-big-middle");
  const bigClasses = [
    { name: "token at the head", values: { github: bigHead } },
    { name: "token in the middle", values: { github: bigMiddle } },
  ];
  await Deno.writeTextFile(
    `${work}/leaks.txt`,
    bashClasses.map((c) => c.text).join(""),
  );
  await Deno.writeTextFile(
    `${work}/leaks_read.txt`,
    readClasses.map((c) => c.text).join(""),
  );
  await Deno.writeTextFile(`${work}/clean.txt`, CLEAN_TEXT);
  await Deno.writeTextFile(
    `${work}/report.ipynb`,
    JSON.stringify({
      cells: [{
        cell_type: "code",
        source: ["print(open('leaks.txt').read())"],
        metadata: {},
        execution_count: 1,
        outputs: [{
          output_type: "stream",
          name: "stdout",
          text: notebookClasses.map((c) => c.text),
        }],
      }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    }),
  );
  await Deno.writeTextFile(`${work}/fail.txt`, `GITHUB_TOKEN=${failBash}\n`);
  await Deno.writeTextFile(
    `${work}/leaks_agent.txt`,
    agentClasses.map((c) => c.text).join(""),
  );
  await Deno.writeTextFile(`${work}/head.txt`, `GITHUB_TOKEN=${bigHead}\n`);
  await Deno.writeTextFile(`${work}/middle.txt`, `GITHUB_TOKEN=${bigMiddle}\n`);
  const mcpScript = `${t.home}/mcp.json`;
  await Deno.writeTextFile(
    mcpScript,
    JSON.stringify(mcpCarrierScript({
      text: mcpTextClasses,
      struct: structClasses,
      only: onlyClasses,
      resource: resourceClasses,
      embedded: embeddedClasses,
      failing: failMcp,
      structuredText: JSON.stringify(structuredValue(structClasses)),
    })),
  );
  const mcpConfig = `${t.home}/mcp_config.json`;
  await Deno.writeTextFile(
    mcpConfig,
    JSON.stringify({
      mcpServers: {
        scripted: {
          type: "stdio",
          command: Deno.execPath(),
          args: ["run", "-A", `${REPO}/tests/support/scripted_mcp_server.ts`],
          env: { MCP_SCRIPT: mcpScript },
        },
      },
    }),
  );
  const big =
    `{ cat head.txt; yes 'step ok: compiled module' | head -c 4700000; cat middle.txt; yes 'step ok: linked module' | head -c 4700000; echo end of build; }`;
  const bash = (command: string): ClaudeStep => ({
    tool: "Bash",
    input: { command, description: "scripted" },
  });
  const steps: ClaudeStep[] = [
    bash("cat leaks.txt"),
    bash("cat clean.txt"),
    { tool: "Read", input: { file_path: `${work}/leaks_read.txt` } },
    { tool: "Read", input: { file_path: `${work}/clean.txt` } },
    { tool: `${MCP}leak_text`, input: {} },
    { tool: `${MCP}leak_structured`, input: {} },
    { tool: `${MCP}leak_structured_only`, input: {} },
    { tool: `${MCP}clean_text`, input: {} },
    bash(big),
    {
      tool: "ReadMcpResourceTool",
      input: { server: "scripted", uri: LEAK_RESOURCE },
    },
    {
      tool: "ReadMcpResourceTool",
      input: { server: "scripted", uri: CLEAN_RESOURCE },
    },
    { tool: `${MCP}leak_embedded`, input: {} },
    { tool: `${MCP}clean_embedded`, input: {} },
    {
      tool: "Agent",
      input: {
        description: "inspect the file",
        prompt: `${SUBAGENT} read leaks_agent.txt`,
        subagent_type: "general-purpose",
        run_in_background: false,
      },
    },
    bash("cat fail.txt; exit 3"),
    { tool: `${MCP}failing_call`, input: {} },
    { tool: "Read", input: { file_path: `${work}/report.ipynb` } },
    { tool: `${MCP}clean_structured`, input: {} },
  ];
  // The subagent's own conversation: it reads the file with Bash and Read.
  const api = startClaudeApi(steps, "done", {
    [SUBAGENT]: [
      bash("cat leaks_agent.txt"),
      { tool: "Read", input: { file_path: `${work}/leaks_agent.txt` } },
    ],
  });
  try {
    await installClaudeHooks({
      repo: REPO,
      home: t.home,
      configDir,
      dataDir: t.dataDir,
    });
    const cliStart = Date.now();
    const run = await runClaude({
      prompt: "Run the scripted steps.",
      baseUrl: api.baseUrl,
      home: t.home,
      configDir,
      cwd: work,
      env: { AXONFLOW_HOME: t.dataDir },
      args: ["--mcp-config", mcpConfig, "--strict-mcp-config"],
    });
    const cliMs = Date.now() - cliStart;
    const results = api.results();
    assert.equal(
      results.size,
      steps.length + 2,
      `claude exited ${run.code}; results ${results.size}\n${
        run.stderr.slice(-2000)
      }`,
    );
    const result = (i: number): ClaudeToolResult => {
      const r = results.get(claudeToolUseId(i));
      assert.ok(r, `no result for step ${i}`);
      return r;
    };
    const subResult = (i: number): ClaudeToolResult => {
      const r = results.get(subToolUseId(0, i));
      assert.ok(r, `no result for subagent step ${i}`);
      return r;
    };
    const cases: CarrierCase[] = [
      { carrier: "Bash", classes: bashClasses, received: result(0) },
      { carrier: "Read", classes: readClasses, received: result(2) },
      { carrier: "MCP text", classes: mcpTextClasses, received: result(4) },
      {
        carrier: "MCP text+structuredContent",
        classes: structClasses,
        received: result(5),
      },
      {
        carrier: "MCP structuredContent only",
        classes: onlyClasses,
        received: result(6),
      },
      { carrier: "Bash > 8 MiB", classes: bigClasses, received: result(8) },
      {
        carrier: "MCP resource (ReadMcpResourceTool)",
        classes: resourceClasses,
        received: result(9),
      },
      {
        carrier: "MCP embedded resource block",
        classes: embeddedClasses,
        received: result(11),
      },
      {
        carrier: "Read of a notebook",
        classes: notebookClasses,
        received: result(16),
      },
      {
        carrier: "subagent Bash",
        classes: agentClasses,
        received: subResult(0),
      },
      {
        carrier: "subagent Read",
        classes: agentClasses,
        received: subResult(1),
      },
    ];
    const rows = carrierRows(cases);
    console.log(
      `\nClaude Code ${CLAUDE_VERSION}: ${steps.length} tool calls, CLI run ${
        (cliMs / 1000).toFixed(1)
      } s\n${formatRows(rows)}`,
    );
    assert.deepEqual(
      rows.filter((r) => r.leaked.length > 0),
      [],
      "values reached the model",
    );
    const values = allValues([
      ...bashClasses,
      ...readClasses,
      ...mcpTextClasses,
      ...structClasses,
      ...onlyClasses,
      ...resourceClasses,
      ...embeddedClasses,
      ...agentClasses,
      ...notebookClasses,
      ...bigClasses,
    ]);
    assert.deepEqual(leakedAnywhere(api.requests, values), []);
    for (const i of [0, 2, 4, 5, 6, 8, 9, 11, 16]) {
      assert.match(ownText(result(i)), /\[REDACTED:[a-z_]+\]/, `step ${i}`);
    }
    for (const i of [0, 1]) {
      assert.match(ownText(subResult(i)), /card on file: \[REDACTED:/);
    }
    assert.match(ownText(result(0)), /STRIPE_SECRET_KEY=\[REDACTED:/);
    assert.match(ownText(result(2)), /card on file: \[REDACTED:/);
    assert.match(ownText(result(8)), /step ok: compiled module/);

    // Routine output arrives unchanged, with nothing added.
    assert.equal(ownText(result(1)), CLEAN_TEXT.trimEnd());
    assert.equal(ownText(result(7)), CLEAN_TEXT.trimEnd());
    const numbered = CLEAN_TEXT.trimEnd().split("\n").map((l, i) =>
      `${i + 1}\t${l}`
    ).join("\n");
    assert.ok(
      ownText(result(3)).startsWith(numbered),
      ownText(result(3)).slice(0, 300),
    );
    assert.ok(
      ownText(result(10)).includes(JSON.stringify(CLEAN_TEXT).slice(1, -1)),
      ownText(result(10)).slice(0, 300),
    );
    assert.ok(
      ownText(result(12)).includes(CLEAN_TEXT.trimEnd()),
      ownText(result(12)).slice(0, 300),
    );
    assert.ok(
      ownText(result(17)).includes(JSON.stringify(CLEAN_STRUCTURED)),
      ownText(result(17)).slice(0, 400),
    );
    for (const i of [1, 3, 7, 10, 12, 17]) {
      assert.doesNotMatch(result(i).text, /AxonFlow|REDACTED/, `step ${i}`);
    }
    // Found, outside a hook's reach: a call that fails (Bash exiting non-zero,
    // an MCP result with isError) fires PostToolUseFailure, whose hooks may
    // only add context; the output reaches the model as it is.
    assert.equal(result(14).isError, true);
    assert.ok(
      result(14).text.includes(failBash) && result(15).text.includes(failMcp),
      "Claude Code now lets a hook replace a failed call's output: update the README's known limits and hook PostToolUseFailure",
    );
    // What the hook can do there: the installer registers it for
    // PostToolUseFailure, and the model is told, after each failed call, what
    // in that output was sensitive and that it was exposed.
    for (const i of [14, 15]) {
      // Claude Code appends a failure hook's context to the tool result
      // itself, as a system reminder.
      const after = [result(i).text, ...result(i).after].join("\n");
      assert.match(
        after,
        /AxonFlow found sensitive data/,
        `step ${i}: ${after.slice(0, 400)}`,
      );
      assert.match(after, /This call failed/, `step ${i}`);
      assert.match(after, /\[REDACTED:/, `step ${i}`);
    }
    console.log(
      `failed Bash / MCP isError output: LEAKED (PostToolUseFailure cannot replace it), warned after it\ntotal ${
        ((Date.now() - started) / 1000).toFixed(1)
      } s`,
    );
  } finally {
    await api.close();
    await t.cleanup();
  }
});
