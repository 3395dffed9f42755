/**
 * End-to-end, real Claude Code CLI: what WebFetch sends where. The page is
 * served over HTTPS on loopback (a throwaway certificate made with openssl
 * for this run; the test is skipped where openssl is missing). Pinned, as
 * found: Claude Code sends the fetched page (as markdown) to the provider's
 * small model to summarise BEFORE PostToolUse runs, so a secret in the page
 * reaches the provider in that side request: no hook can change it. What the
 * main model receives, the summary, is redacted.
 */
import assert from "node:assert/strict";
import {
  type ClaudeStep,
  claudeToolUseId,
  contentText,
  startClaudeApi,
} from "./support/claude_api.ts";
import { installClaudeHooks, runClaude } from "./support/claude_cli.ts";
import { REPO, tempHome } from "./support/hook_process.ts";
import { fakeGithub, PII } from "./support/leak_cases.ts";
import { leakedNames, requestViews } from "./support/leak_scan.ts";

const HAS_OPENSSL = (() => {
  try {
    return new Deno.Command("openssl", {
      args: ["version"],
      stdout: "null",
      stderr: "null",
    }).outputSync().success;
  } catch {
    return false;
  }
})();

Deno.test({
  name:
    "e2e claude WebFetch: the page reaches the provider's summariser before any hook (pinned limit); the summary the main model gets is redacted",
  ignore: !HAS_OPENSSL,
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const t = await tempHome();
  const work = `${t.home}/work`;
  const configDir = `${t.home}/claude-config`;
  await Deno.mkdir(work, { recursive: true });
  const cert = `${t.home}/cert.pem`;
  const key = `${t.home}/key.pem`;
  const made = await new Deno.Command("openssl", {
    args: [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.ok(made.success, new TextDecoder().decode(made.stderr));
  const token = fakeGithub("claude-webfetch");
  const values = { github: token, ssn: PII.ssn };
  const ac = new AbortController();
  const page = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    cert: await Deno.readTextFile(cert),
    key: await Deno.readTextFile(key),
    signal: ac.signal,
    onListen: () => {},
  }, () =>
    new Response(
      `<html><body><h1>Ops notes</h1><p>deploy token ${token}</p><p>on-call ssn ${PII.ssn}</p></body></html>`,
      { headers: { "content-type": "text/html" } },
    ));
  const url = `https://127.0.0.1:${page.addr.port}/notes.html`;
  const steps: ClaudeStep[] = [{
    tool: "WebFetch",
    input: { url, prompt: "Quote the page." },
  }];
  // The summariser quotes the page it was sent, as a real one may.
  const api = startClaudeApi(steps, "done", {}, (body) => {
    const text = JSON.stringify(body.messages ?? "");
    return text.includes("Web page content")
      ? `The page says: ${
        contentText(
          (body.messages as { content: unknown }[])[0].content,
        )
      }`
      : "ok";
  });
  try {
    await installClaudeHooks({
      repo: REPO,
      home: t.home,
      configDir,
      dataDir: t.dataDir,
    });
    const settingsPath = `${configDir}/settings.json`;
    const settings = JSON.parse(await Deno.readTextFile(settingsPath));
    // Offline: no domain check against claude.ai.
    settings.skipWebFetchPreflight = true;
    await Deno.writeTextFile(settingsPath, JSON.stringify(settings));
    const run = await runClaude({
      prompt: "Run the scripted steps.",
      baseUrl: api.baseUrl,
      home: t.home,
      configDir,
      cwd: work,
      env: { AXONFLOW_HOME: t.dataDir, NODE_EXTRA_CA_CERTS: cert },
    });
    const result = api.results().get(claudeToolUseId(0));
    assert.ok(result, `claude exited ${run.code}\n${run.stderr.slice(-2000)}`);
    const isMain = (r: Record<string, unknown>) =>
      Array.isArray(r.tools) && r.tools.length > 0;
    const side = api.requests.filter((r) =>
      !isMain(r) && JSON.stringify(r).includes("Web page content")
    );
    const main = api.requests.filter(isMain);
    // The limit, pinned: the summariser request carries the page.
    assert.equal(side.length, 1, "one summariser request");
    assert.deepEqual(
      leakedNames(requestViews(side), values).sort(),
      ["github", "ssn"],
      "Claude Code no longer sends the raw page to its summariser: update the README's known limits",
    );
    // What the main model receives is redacted.
    assert.deepEqual(leakedNames(requestViews(main), values), [], result.text);
    assert.match(result.text, /\[REDACTED:[a-z_]+\]/);
    assert.match(result.text, /Ops notes/);
  } finally {
    ac.abort();
    await page.finished;
    await api.close();
    await t.cleanup();
  }
});
