/**
 * `axonflow allow <decision-id>`: show, then write (after `--yes` or a y/N
 * answer) the narrowest allow rule that lets exactly that blocked call
 * through; and `axonflow project approve|status`: approve the current text
 * of a project's `.axonflow/policies.json` so its loosening parts apply.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { auditPath, AuditStore } from "../../governance/audit/store.ts";
import { spoolPath } from "../../governance/audit/spool.ts";
import {
  type AllowRule,
  type DecisionContext,
  evaluate,
  narrowestRule,
  parsePolicyFile,
} from "../../governance/engine/mod.ts";
import {
  findProjectFile,
  readApprovals,
  writeApproval,
} from "../../governance/projects.ts";
import {
  dataDir,
  loadConfig,
  paint,
  policyFile,
  printJson,
  UsageError,
} from "./common.ts";

/** Read one answer line from stdin; true only for y/yes. EOF is no. */
export function askYes(question: string): boolean {
  Deno.stdout.writeSync(new TextEncoder().encode(`${question} [y/N] `));
  const buf = new Uint8Array(1);
  let line = "";
  while (true) {
    let n: number | null;
    try {
      n = Deno.stdin.readSync(buf);
    } catch {
      n = null;
    }
    if (!n) break;
    const ch = String.fromCharCode(buf[0]);
    if (ch === "\n") break;
    line += ch;
    if (line.length > 64) break;
  }
  return /^\s*y(es)?\s*$/i.test(line);
}

/** Parse `7d`, `12h`, `30m` or an ISO date into an ISO date string. */
export function expiryOf(value: string, now = Date.now()): string {
  const m = /^(\d{1,5})([mhd])$/.exec(value.trim());
  if (m) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[
      m[2] as "m" | "h" | "d"
    ];
    return new Date(now + Number(m[1]) * unit).toISOString();
  }
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new UsageError(
      `--expires wants 30m, 12h, 7d or an ISO date, not ${value}`,
    );
  }
  return new Date(ms).toISOString();
}

function openStore(): AuditStore | undefined {
  const dir = dataDir();
  const exists = (p: string) => {
    try {
      Deno.statSync(p);
      return true;
    } catch {
      return false;
    }
  };
  if (!exists(auditPath(dir)) && !exists(spoolPath(dir))) return undefined;
  return AuditStore.open(auditPath(dir));
}

const ALLOW_HELP =
  `Usage: axonflow allow <decision-id> [--expires 7d|DATE] [--yes] [--json]

Show the narrowest exception that allows exactly the blocked call with this
decision id (the policies that blocked it, the exact command or file, the
project folder it ran in), then add it to the "allow" list of your policy file
($AXONFLOW_HOME/policies.json) after --yes or a y/N answer.
  --expires WHEN  end the exception after 30m, 12h, 7d or at an ISO date
  --yes           write without asking
  --json          print {"rule", "file", "written"}
`;

/** `axonflow allow`. */
export function runAllow(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      expires: { type: "string" },
      yes: { type: "boolean", short: "y", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(ALLOW_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`give one decision id\n\n${ALLOW_HELP}`);
  }
  const id = positionals[0];
  const store = openStore();
  const ev = store?.byDecisionId(id);
  store?.close();
  if (!ev) {
    throw new UsageError(
      `no decision ${id} in the audit trail (axonflow audit search --decision blocked lists them)`,
      1,
    );
  }
  if (ev.decision !== "blocked") {
    throw new UsageError(
      `decision ${id} was ${ev.decision}, not blocked: nothing to allow`,
      1,
    );
  }
  let ctx: DecisionContext | undefined;
  try {
    ctx = ev.context ? JSON.parse(ev.context) : undefined;
  } catch {
    ctx = undefined;
  }
  if (!ctx) {
    throw new UsageError(
      `decision ${id} was recorded without its context (an older version, or a remote verdict): write an "allow" rule by hand (see README: How to allow something)`,
      1,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(ev.inputSummary);
  } catch {
    input = ev.inputSummary;
  }
  const short = (ctx.matches.find((m) => m.action === "block")?.policyId ??
    "call").replace(/^sys_|^user_/, "").replace(/[^a-z0-9_]/g, "_").slice(
      0,
      40,
    );
  const rule: AllowRule & { expires?: number } = narrowestRule(
    `allow_${short}_${id.replace(/[^a-f0-9]/gi, "").slice(0, 8).toLowerCase()}`,
    ctx,
    input,
  );
  const doc: Record<string, unknown> = {
    id: rule.id,
    policies: rule.policies,
  };
  for (const k of ["command", "pattern", "path", "project"] as const) {
    if (rule[k] !== undefined) doc[k] = rule[k];
  }
  if (values.expires) doc.expires = expiryOf(values.expires);
  doc.note = `allowed from decision ${id} (${ev.time})`;

  // Check the rule: it parses, and it lets the recorded call through.
  const { config } = loadConfig(undefined, undefined, ctx.cwd);
  const probe = parsePolicyFile(JSON.stringify({ allow: [doc] }));
  if (probe.errors.length || !probe.config.allow?.length) {
    throw new UsageError(
      `cannot build a valid rule: ${
        probe.errors.map((e) => e.message).join("; ")
      }`,
      1,
    );
  }
  const after = evaluate(
    {
      toolName: ev.toolName,
      input,
      cwd: ctx.cwd,
      home: Deno.env.get("HOME") ?? "/",
      profile: config.profile,
    },
    { ...config, allow: [...(config.allow ?? []), ...probe.config.allow] },
  );
  const file = policyFile();
  const c = paint();
  if (!values.json) {
    console.log(
      `Blocked ${ev.time} by ${rule.policies.join(", ")} (${ev.toolName}).`,
    );
    console.log(
      `This exception allows exactly that call${
        rule.project ? ` in ${rule.project} and below` : ""
      }:\n`,
    );
    console.log(JSON.stringify(doc, null, 2));
    console.log(
      `\n${
        after.allowed
          ? c.green("checked: the recorded call would now be allowed")
          : c.yellow(
            `note: the recorded call would still be blocked (${after.reason})`,
          )
      }`,
    );
  }
  let written = false;
  if (values.yes || (!values.json && askYes(`Add it to ${file}?`))) {
    addRule(file, doc);
    written = true;
  }
  if (values.json) printJson({ rule: doc, file, written });
  else {
    console.log(
      written
        ? `Written to ${file}. Undo: remove "${rule.id}" from its "allow" list.`
        : "Not written (answer y, or pass --yes).",
    );
  }
  return written ? 0 : 1;
}

/** Append one rule to the policy file's "allow" list, keeping the rest of the file. */
export function addRule(file: string, rule: Record<string, unknown>): void {
  let doc: Record<string, unknown> = {};
  let text: string | undefined;
  try {
    text = Deno.readTextFileSync(file);
  } catch {
    text = undefined;
  }
  if (text !== undefined && text.trim() !== "") {
    const parsed = JSON.parse(text);
    if (
      parsed === null || typeof parsed !== "object" || Array.isArray(parsed)
    ) {
      throw new UsageError(`${file} does not hold a JSON object`, 1);
    }
    doc = parsed;
    Deno.writeTextFileSync(`${file}.axonflow-backup-${Date.now()}`, text);
  }
  const list = Array.isArray(doc.allow) ? doc.allow : [];
  doc.allow = [
    ...list.filter((r: { id?: string }) => r?.id !== rule.id),
    rule,
  ];
  Deno.mkdirSync(file.slice(0, file.lastIndexOf("/")), { recursive: true });
  const tmp = `${file}.tmp-${Deno.pid}`;
  Deno.writeTextFileSync(tmp, JSON.stringify(doc, null, 2) + "\n");
  Deno.renameSync(tmp, file);
}

const PROJECT_HELP =
  `Usage: axonflow project status|approve [DIR] [--yes] [--json]

A project may hold its own policy file, .axonflow/policies.json. Its policies
and a "strict" profile always apply; its "disable" and "allow" entries loosen
governance, so they apply only once you approved that exact content (the
agent can edit project files, but not your approval, which lives in
$AXONFLOW_HOME/approved_projects.json). Editing the file withdraws the approval.
  status    show the file above DIR (default: the current directory) and whether it is approved
  approve   show it, then record its SHA-256 (after --yes or a y/N answer)
`;

/** `axonflow project`. */
export function runProject(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      yes: { type: "boolean", short: "y", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  const [sub, dirArg] = positionals;
  if (values.help || sub === undefined) {
    console.log(PROJECT_HELP);
    return values.help ? 0 : 2;
  }
  if (sub !== "status" && sub !== "approve") {
    throw new UsageError(`unknown project command "${sub}"\n\n${PROJECT_HELP}`);
  }
  const start = dirArg
    ? (dirArg.startsWith("/") ? dirArg : `${Deno.cwd()}/${dirArg}`)
    : Deno.cwd();
  const file = findProjectFile(start);
  if (!file) {
    throw new UsageError(
      `no .axonflow/policies.json at or above ${start}`,
      1,
    );
  }
  const approvals = readApprovals(dataDir());
  const current = approvals.find((a) =>
    a.dir === file.dir && a.sha256 === file.sha256
  );
  const parsed = parsePolicyFile(file.text);
  const loosens = [
    ...parsed.config.disabled.map((d) => `disable ${d}`),
    ...(parsed.config.allow ?? []).map((r) =>
      `allow ${r.id} (${r.policies.join(", ")})`
    ),
  ];
  if (sub === "status") {
    if (values.json) {
      printJson({
        file: file.path,
        sha256: file.sha256,
        approved: current !== undefined,
        loosens,
      });
    } else {
      console.log(`${file.path} (${file.sha256})`);
      console.log(
        current
          ? `approved ${current.approvedAt}: all of it applies`
          : loosens.length
          ? `not approved: only its tightening parts apply; ignored: ${
            loosens.join("; ")
          }`
          : "not approved (it loosens nothing, so all of it applies)",
      );
    }
    return 0;
  }
  if (!values.json) {
    console.log(`${file.path}\n${file.sha256}\n`);
    console.log(file.text.trimEnd());
    console.log(
      loosens.length
        ? `\nApproving lets it loosen governance in ${file.dir}: ${
          loosens.join("; ")
        }`
        : "\nIt loosens nothing.",
    );
    for (const e of parsed.errors) {
      console.log(`warning: line ${e.line}: ${e.message}`);
    }
  }
  if (current) {
    if (!values.json) console.log("Already approved.");
    else printJson({ file: file.path, sha256: file.sha256, approved: true });
    return 0;
  }
  const yes = values.yes || (!values.json && askYes("Approve this content?"));
  if (yes) writeApproval(dataDir(), file);
  if (values.json) {
    printJson({ file: file.path, sha256: file.sha256, approved: yes });
  } else {
    console.log(
      yes
        ? `Approved (recorded in ${dataDir()}/approved_projects.json).`
        : "Not approved (answer y, or pass --yes).",
    );
  }
  return yes ? 0 : 1;
}
