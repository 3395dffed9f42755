/**
 * End-to-end, real Codex CLI (pinned) against a scripted model on loopback:
 * every carrier Codex really has (exec_command output, an MCP tool's text
 * content, its structuredContent with and without text, an MCP resource read
 * with read_mcp_resource) carries every leak
 * class of `support/leak_cases.ts`, in one session; the NEXT request Codex
 * sent must hold none of the raw values nor a decodable form of them, and
 * must hold the redaction marker. Routine output arrives unchanged. A shell
 * output over 8 MiB: Codex itself cuts it to a head and tail before the hook
 * runs; what is left arrives redacted.
 *
 * Also pinned here, as found: the first chunk of a command still running
 * when exec_command's yield time ends reaches the model with no hook run
 * (Codex 0.169.0 fires PostToolUse only for the chunk that ends the process).
 */
import assert from "node:assert/strict";
import { type CodexRun, runCodexExec } from "./support/codex_cli.ts";
import { CODEX } from "./support/test_packages.ts";
import {
  callId,
  type CallResult,
  startModelServer,
  type Step,
} from "./support/model_server.ts";
import { denoDir, REPO, tempHome } from "./support/hook_process.ts";
import { prepareCodexHome } from "./support/codex_home.ts";
import {
  allValues,
  CLEAN_RESOURCE,
  CLEAN_STRUCTURED,
  CLEAN_TEXT,
  fakeGithub,
  LEAK_RESOURCE,
  mcpCarrierScript,
  structuredClasses,
  textClasses,
} from "./support/leak_cases.ts";
import {
  type CarrierCase,
  carrierRows,
  formatRows,
  leakedAnywhere,
} from "./support/carrier_table.ts";

const MCP = "mcp__scripted";

function runCodex(
  home: string,
  work: string,
  codexHome: string,
  dataDir: string,
  bypassTrust: boolean,
): Promise<CodexRun> {
  return runCodexExec({
    home,
    codexHome,
    work,
    bypassTrust,
    env: { AXONFLOW_HOME: dataDir },
    killAfterMs: 240_000,
  });
}

Deno.test({
  name:
    "e2e codex carriers: exec_command, MCP text and structuredContent carry every leak class; the next request holds none of the values nor a decodable form, and the marker; routine output unchanged",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const started = Date.now();
  const t = await tempHome();
  const work = `${t.home}/work`;
  const codexHome = `${t.home}/.codex`;
  await Deno.mkdir(work, { recursive: true });

  const shellClasses = textClasses("codex-shell");
  const mcpTextClasses = textClasses("codex-mcp-text");
  const structClasses = structuredClasses("codex-mcp-struct");
  const resourceClasses = textClasses("codex-mcp-resource");
  const embeddedClasses = textClasses("codex-mcp-embedded");
  const onlyClasses = structuredClasses("codex-mcp-only");
  const bigHead = fakeGithub("codex-big-head");
  const bigMiddle = fakeGithub("codex-big-middle");
  const bigClasses = [
    { name: "token at the head", values: { github: bigHead } },
    { name: "token in the middle", values: { github: bigMiddle } },
  ];
  const partialFirst = fakeGithub("codex-partial-first");
  const failMcp = fakeGithub("codex-failed-mcp");
  const failShell = fakeGithub("codex-failed-shell");
  const partialLast = fakeGithub("codex-partial-last");

  await Deno.writeTextFile(
    `${work}/leaks.txt`,
    shellClasses.map((c) => c.text).join(""),
  );
  await Deno.writeTextFile(`${work}/clean.txt`, CLEAN_TEXT);
  await Deno.writeTextFile(`${work}/fail.txt`, `GITHUB_TOKEN=${failShell}\n`);
  await Deno.writeTextFile(`${work}/head.txt`, `GITHUB_TOKEN=${bigHead}\n`);
  await Deno.writeTextFile(`${work}/middle.txt`, `GITHUB_TOKEN=${bigMiddle}\n`);
  await Deno.writeTextFile(
    `${work}/first.txt`,
    `GITHUB_TOKEN=${partialFirst}\n`,
  );
  await Deno.writeTextFile(`${work}/last.txt`, `GITHUB_TOKEN=${partialLast}\n`);
  await Deno.writeTextFile(
    `${t.home}/mcp.json`,
    JSON.stringify(mcpCarrierScript({
      text: mcpTextClasses,
      struct: structClasses,
      only: onlyClasses,
      resource: resourceClasses,
      embedded: embeddedClasses,
      failing: failMcp,
      structuredText: "8 records, see structuredContent",
    })),
  );
  // Nine MiB of routine log with a token at the head and one in the middle.
  const big =
    `{ cat head.txt; yes 'step ok: compiled module' | head -c 4700000; cat middle.txt; yes 'step ok: linked module' | head -c 4700000; echo end of build; }`;
  const steps: Step[] = [
    { kind: "shell", command: "cat leaks.txt" },
    { kind: "shell", command: "cat clean.txt" },
    { kind: "function", name: "leak_text", namespace: MCP, arguments: {} },
    {
      kind: "function",
      name: "leak_structured",
      namespace: MCP,
      arguments: {},
    },
    {
      kind: "function",
      name: "leak_structured_only",
      namespace: MCP,
      arguments: {},
    },
    { kind: "function", name: "clean_text", namespace: MCP, arguments: {} },
    { kind: "shell", command: big },
    {
      kind: "function",
      name: "read_mcp_resource",
      arguments: { server: "scripted", uri: LEAK_RESOURCE },
    },
    {
      kind: "function",
      name: "read_mcp_resource",
      arguments: { server: "scripted", uri: CLEAN_RESOURCE },
    },
    {
      kind: "shell",
      command: "cat first.txt; sleep 2; cat last.txt",
      args: { yield_time_ms: 400 },
    },
    {
      kind: "function",
      name: "write_stdin",
      arguments: { chars: "", yield_time_ms: 8000 },
      argumentsFrom: (outputs) => ({
        session_id: Number(
          /session ID (\d+)/.exec(outputs.at(-1) ?? "")?.[1] ?? 0,
        ),
      }),
    },
    { kind: "function", name: "leak_embedded", namespace: MCP, arguments: {} },
    {
      kind: "function",
      name: "clean_embedded",
      namespace: MCP,
      arguments: {},
    },
    { kind: "shell", command: "cat fail.txt; exit 3" },
    { kind: "function", name: "failing_call", namespace: MCP, arguments: {} },
    {
      kind: "function",
      name: "clean_structured",
      namespace: MCP,
      arguments: {},
    },
  ];
  const model = startModelServer(steps);
  try {
    const { bypassTrust } = await prepareCodexHome({
      codexHome,
      dataDir: t.dataDir,
      modelBaseUrl: model.baseUrl,
      home: t.home,
      denoDir: await denoDir(),
      extraConfig: `
[mcp_servers.scripted]
command = ${JSON.stringify(Deno.execPath())}
args = ["run", "-A", ${
        JSON.stringify(`${REPO}/tests/support/scripted_mcp_server.ts`)
      }]
env = { MCP_SCRIPT = ${JSON.stringify(`${t.home}/mcp.json`)} }
`,
    });
    const cliStart = Date.now();
    const run = await runCodex(
      t.home,
      work,
      codexHome,
      t.dataDir,
      bypassTrust,
    );
    const cliMs = Date.now() - cliStart;
    const results = model.results();
    assert.equal(
      results.size,
      steps.length,
      `codex exited ${run.code}; model saw ${results.size} results\n${
        run.stderr.slice(-3000)
      }`,
    );
    const result = (i: number): CallResult => {
      const r = results.get(callId(i));
      assert.ok(r, `no result for step ${i}`);
      return r;
    };
    // Codex sends an MCP text result as a list of input_text items.
    const text = (i: number): string => {
      const out = result(i).output;
      try {
        const v: unknown = JSON.parse(out);
        if (Array.isArray(v)) {
          return v.map((x) => typeof x?.text === "string" ? x.text : "")
            .join("\n");
        }
      } catch {
        // a plain string
      }
      return out;
    };
    const received = (i: number) => ({
      output: result(i).output,
      context: result(i).developerMessages,
    });
    const cases: CarrierCase[] = [
      {
        carrier: "exec_command",
        classes: shellClasses,
        received: received(0),
      },
      {
        carrier: "MCP text",
        classes: mcpTextClasses,
        received: received(2),
      },
      {
        carrier: "MCP text+structuredContent",
        classes: structClasses,
        received: received(3),
      },
      {
        carrier: "MCP structuredContent only",
        classes: onlyClasses,
        received: received(4),
      },
      {
        carrier: "exec_command > 8 MiB",
        classes: bigClasses,
        received: received(6),
      },
      {
        carrier: "MCP resource (read_mcp_resource)",
        classes: resourceClasses,
        received: received(7),
      },
      {
        carrier: "MCP embedded resource block",
        classes: embeddedClasses,
        received: received(11),
      },
    ];
    const rows = carrierRows(cases);
    console.log(
      `\nCodex ${CODEX}: ${steps.length} tool calls, CLI run ${
        (cliMs / 1000).toFixed(1)
      } s\n${formatRows(rows)}`,
    );
    assert.deepEqual(
      rows.filter((r) => r.leaked.length > 0),
      [],
      "values reached the model",
    );
    // Anywhere in any request body, raw or decodable (the known partial
    // chunk below aside).
    const values = allValues([
      ...shellClasses,
      ...mcpTextClasses,
      ...structClasses,
      ...onlyClasses,
      ...resourceClasses,
      ...embeddedClasses,
      ...bigClasses,
      { name: "partial, last chunk", values: { github: partialLast } },
      { name: "failed shell command", values: { github: failShell } },
    ]);
    assert.deepEqual(leakedAnywhere(model.requests, values), []);
    for (const i of [0, 2, 3, 4, 6, 7, 11]) {
      assert.match(result(i).output, /\[REDACTED:[a-z_]+\]/, `step ${i}`);
    }
    // The model still learns what the output was.
    assert.match(result(0).output, /STRIPE_SECRET_KEY=\[REDACTED:/);
    assert.match(result(0).output, /card on file: \[REDACTED:/);
    // Codex shows structuredContent (not the text beside it): so does the
    // replacement.
    assert.match(result(3).output, /"case_2":\{"grants":\{"\[REDACTED:/);
    assert.match(result(4).output, /"token_parts"/);
    // An embedded resource arrives as its JSON, its text redacted in place.
    assert.match(result(11).output, /see the attached file/);
    assert.match(
      result(11).output,
      /"uri":"file:\/\/\/srv\/app\/config\/\.env"/,
    );
    assert.match(result(11).output, /card on file: \[REDACTED:/);
    assert.match(result(6).output, /step ok: compiled module/);
    // Codex cuts a huge shell output to its head and tail BEFORE the hook
    // sees it (the middle never reaches the hook nor the model).
    assert.match(result(6).output, /truncated output|omitted/);

    // Routine output arrives unchanged, with nothing added.
    for (const i of [1, 5, 8, 12]) {
      // A resource arrives as Codex's JSON text of it.
      const want = i === 8 || i === 12
        ? JSON.stringify(CLEAN_TEXT).slice(1, -1)
        : CLEAN_TEXT.trimEnd();
      assert.ok(
        text(i).includes(want),
        `step ${i}: ${text(i).slice(0, 400)}`,
      );
      assert.doesNotMatch(text(i), /AxonFlow|REDACTED/);
      assert.deepEqual(result(i).developerMessages, []);
    }
    assert.match(result(1).output, /Output:\n[^]*commit 3f9c2a1b7e4d/);
    // A routine structured result: Codex shows its structuredContent as is.
    assert.ok(
      text(15).includes(JSON.stringify(CLEAN_STRUCTURED)),
      text(15).slice(0, 400),
    );
    assert.doesNotMatch(text(15), /AxonFlow|REDACTED/);

    // Found, not fixable from a hook: the chunk printed before the yield
    // ends reaches the model as it is (no hook runs for it); the chunk that
    // ends the process (through write_stdin) is redacted.
    assert.match(result(9).output, /Process running with session ID/);
    assert.ok(
      result(9).output.includes(partialFirst),
      "Codex now hooks a running command's first chunk: update the README's known limits and assert it is redacted",
    );
    assert.ok(!result(10).output.includes(partialLast));
    assert.match(result(10).output, /GITHUB_TOKEN=\[REDACTED:github_token\]/);
    // A failing shell command is hooked like any other.
    assert.ok(!result(13).output.includes(failShell));
    assert.match(result(13).output, /GITHUB_TOKEN=\[REDACTED:github_token\]/);
    // Found, outside a hook's reach: an MCP result with isError fires no
    // PostToolUse in Codex; its text reaches the model as it is.
    assert.ok(
      text(14).includes(failMcp),
      "Codex now hooks an MCP error result: update the README's known limits and assert it is redacted",
    );
    console.log(
      `MCP result with isError: LEAKED (no PostToolUse)\nexec_command first chunk of a running command: LEAKED (no hook); its last chunk via write_stdin: redacted\ntotal ${
        ((Date.now() - started) / 1000).toFixed(1)
      } s`,
    );
  } finally {
    await model.close();
    await t.cleanup();
  }
});
