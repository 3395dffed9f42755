/**
 * Forwarding the audit trail to real receivers on loopback: an OTLP/HTTP
 * collector (a real HTTP server whose bodies are decoded with the
 * OpenTelemetry project's own protobuf definitions, from the test-only
 * package `@opentelemetry/otlp-transformer`) and a real rsyslog daemon
 * (Debian's `rsyslog`; `.ci/run` installs it). Each receiver goes down while
 * events keep coming and comes back: nothing is lost, nothing is reordered.
 */
import assert from "node:assert/strict";
import {
  type AuditEventInput,
  auditPath,
  AuditStore,
} from "../governance/audit/store.ts";
import {
  Forwarder,
  OtlpHttpSink,
  SyslogTcpSink,
} from "../governance/ship/forwarder.ts";
import { REPO } from "./support/hook_process.ts";
import { runPackageArgs } from "./support/test_packages.ts";

/** Decoded `ExportLogsServiceRequest`s (see tests/support/otlp_decode.ts). */
interface Decoded {
  resourceLogs: {
    resource: {
      attributes: { key: string; value: { stringValue?: string } }[];
    };
    scopeLogs: {
      logRecords: {
        timeUnixNano: string;
        severityNumber: number;
        attributes: {
          key: string;
          value: { intValue?: string; stringValue?: string };
        }[];
      }[];
    }[];
  }[];
}

/** Decode request bodies with the OpenTelemetry protobuf definitions, in a child on the test-only lock. */
async function decodeOtlp(bodies: unknown[]): Promise<Decoded[]> {
  const child = new Deno.Command(Deno.execPath(), {
    args: runPackageArgs(`${REPO}/tests/support/otlp_decode.ts`),
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(JSON.stringify(bodies)));
  await w.close();
  const out = await child.output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

function ev(i: number, user = "dev"): AuditEventInput {
  return {
    agent: "codex",
    toolName: "Bash",
    connectorType: "codex.Bash",
    decision: i % 3 === 0 ? "blocked" : "allowed",
    decisionId: `d${i}`,
    policies: i % 3 === 0 ? ["sys_dangerous_rm_home"] : [],
    severity: i % 3 === 0 ? "critical" : "none",
    inputSummary: i % 3 === 0 ? "rm -rf ~" : `ls ${i}`,
    success: true,
    user,
    host: "ws-1",
    sessionId: "sess-1",
  };
}

async function waitFor(
  what: string,
  ok: () => boolean | Promise<boolean>,
  ms = 15_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

Deno.test({
  name:
    "OTLP: every event reaches a real collector in order, through an outage (503s, then the port closed)",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const dir = Deno.makeTempDirSync({ prefix: "ship_otlp_" });
  const store = AuditStore.open(auditPath(dir));
  for (let i = 1; i <= 250; i++) store.append(ev(i, i % 2 ? "ana" : "bo"));

  const bodies: unknown[] = [];
  let mode: "up" | "503" = "503";
  const port = freePort();
  const serve = () =>
    Deno.serve(
      { hostname: "127.0.0.1", port, onListen: () => {} },
      async (req) => {
        const body = await req.text();
        if (mode === "503") return new Response("busy", { status: 503 });
        bodies.push(JSON.parse(body));
        return Response.json({});
      },
    );
  let server = serve();
  const fwd = new Forwarder(
    () => store,
    new OtlpHttpSink(`http://127.0.0.1:${port}/v1/logs`),
    { batch: 40, pollMs: 20, minBackoffMs: 20, maxBackoffMs: 100 },
  );
  fwd.start();
  // Down (503): nothing delivered, the cursor stays, failures are counted.
  await waitFor("retries", () => fwd.status().failures >= 3);
  assert.equal(fwd.status().cursor, 0);
  // Up: the backlog drains.
  mode = "up";
  await waitFor("the first 250", () => fwd.status().cursor === 250);
  // The port closes altogether while more events come in.
  await server.shutdown();
  for (let i = 251; i <= 300; i++) store.append(ev(i));
  const failed = fwd.status().failures;
  await waitFor("refused connections", () => fwd.status().failures > failed);
  assert.equal(fwd.status().cursor, 250);
  server = serve();
  await waitFor("all 300", () => fwd.status().cursor === 300);
  await fwd.stop();
  await server.shutdown();
  store.close();
  // Every body fits the OpenTelemetry definitions (decoding fails otherwise).
  const received: number[] = [];
  for (const back of await decodeOtlp(bodies)) {
    for (const rl of back.resourceLogs) {
      const user = rl.resource.attributes.find((a) => a.key === "user.name")
        ?.value.stringValue;
      assert.ok(user === "ana" || user === "bo" || user === "dev", user);
      for (const rec of rl.scopeLogs[0].logRecords) {
        assert.ok(BigInt(rec.timeUnixNano) > 1_700_000_000_000_000_000n);
        const attr = (k: string) =>
          rec.attributes.find((a) => a.key === k)?.value;
        const dec = attr("axonflow.decision")?.stringValue;
        assert.equal(rec.severityNumber, dec === "blocked" ? 13 : 9);
        received.push(Number(attr("axonflow.event.id")?.intValue));
      }
    }
  }
  // At least once: the distinct ids are exactly 1..300 (batches go in
  // order; within one batch, records are grouped by developer).
  const distinct = [...new Set(received)].sort((a, b) => a - b);
  assert.deepEqual(distinct, Array.from({ length: 300 }, (_, i) => i + 1));
});

const RSYSLOGD = (() => {
  for (const p of ["/usr/sbin/rsyslogd", "/sbin/rsyslogd"]) {
    try {
      Deno.statSync(p);
      return p;
    } catch {
      // next
    }
  }
  return undefined;
})();

/** A real rsyslogd listening on 127.0.0.1:port (TCP), writing RFC 5424 lines to `out`. */
async function startRsyslog(
  dir: string,
  port: number,
  out: string,
): Promise<Deno.ChildProcess> {
  const conf = `${dir}/rsyslog.conf`;
  Deno.writeTextFileSync(
    conf,
    [
      `global(workDirectory="${dir}")`,
      `module(load="imtcp")`,
      `input(type="imtcp" address="127.0.0.1" port="${port}")`,
      `*.* action(type="omfile" file="${out}" template="RSYSLOG_SyslogProtocol23Format")`,
      "",
    ].join("\n"),
  );
  const child = new Deno.Command(RSYSLOGD!, {
    args: ["-n", "-f", conf, "-i", `${dir}/rsyslogd.pid`],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  await waitFor("rsyslogd to listen", async () => {
    try {
      const c = await Deno.connect({ hostname: "127.0.0.1", port });
      c.close();
      return true;
    } catch {
      return false;
    }
  });
  return child;
}

function syslogIds(out: string): number[] {
  let text = "";
  try {
    text = Deno.readTextFileSync(out);
  } catch {
    return [];
  }
  const ids: number[] = [];
  for (const line of text.split("\n")) {
    const m = line.match(/\[audit@32473 id="(\d+)" decision="(\w+)"/);
    if (!m) continue;
    // facility 13 (log audit): blocked is <108> (warning), allowed <110> (info)
    assert.ok(
      line.startsWith(m[2] === "blocked" ? "<108>1 " : "<110>1 "),
      line,
    );
    assert.match(line, / ws-1 axonflow - /);
    assert.match(line, /user="(ana|dev)"/);
    ids.push(Number(m[1]));
  }
  return ids;
}

Deno.test({
  name:
    "syslog: a real rsyslogd receives every event as RFC 5424, through a restart of the daemon",
  ignore: RSYSLOGD === undefined && Deno.env.get("CI") !== "true",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  assert.ok(RSYSLOGD, "rsyslogd is needed (apt-get install rsyslog)");
  const dir = Deno.makeTempDirSync({ prefix: "ship_syslog_" });
  const out = `${dir}/received.log`;
  const port = freePort();
  let daemon = await startRsyslog(dir, port, out);
  const store = AuditStore.open(auditPath(dir));
  for (let i = 1; i <= 60; i++) store.append(ev(i, "ana"));
  const fwd = new Forwarder(
    () => store,
    new SyslogTcpSink("127.0.0.1", port),
    { batch: 25, pollMs: 20, minBackoffMs: 20, maxBackoffMs: 100 },
  );
  fwd.start();
  await waitFor("60 lines", () => syslogIds(out).length >= 60);
  // The daemon stops; events keep coming; the forwarder fails and retries.
  daemon.kill("SIGTERM");
  await daemon.status;
  await daemon.stderr.cancel();
  for (let i = 61; i <= 100; i++) store.append(ev(i, "ana"));
  await waitFor("failures while down", () => fwd.status().failures > 0);
  daemon = await startRsyslog(dir, port, out);
  await waitFor("all 100", () => new Set(syslogIds(out)).size >= 100);
  await fwd.stop();
  daemon.kill("SIGTERM");
  await daemon.status;
  await daemon.stderr.cancel();
  store.close();
  const ids = [...new Set(syslogIds(out))].sort((a, b) => a - b);
  assert.deepEqual(ids, Array.from({ length: 100 }, (_, i) => i + 1));
});
