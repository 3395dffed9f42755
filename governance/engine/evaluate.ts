/**
 * `evaluateWith`: the verdict on a tool call before it runs, with the SQL-
 * and prompt-injection detectors passed in (`evaluate_all.ts` passes them
 * all; a hook passes only those it has loaded, see `detectors.ts`).
 *
 * The call is read into a subject (shell command, patch, file write, read,
 * fetch, SQL statement, MCP arguments or text); each subject goes to the
 * analysers and detectors that understand it; the policies that fired become
 * the decision. Pure: no I/O.
 *
 * @module
 */
import { newDecisionId } from "./decision_id.ts";
import { inertDecision } from "./inert.ts";
import { COLLECTOR_URL } from "./commands/url_payload.ts";
import { makeMatch } from "./commands/match.ts";
import { DOCUMENT_DB, documentCall } from "./document_db.ts";
import {
  analyzeCommand,
  analyzePathAccess,
  analyzeUrl,
  type CommandAnalysis,
} from "./commands/analyze.ts";
import {
  analyzeEmbeddedPatch,
  analyzePatch,
  embeddedPatchWrites,
} from "./patch.ts";
import type { InputDetectors } from "./detectors.ts";
import { dangerousPolicy, policyKey } from "./policy_keys.ts";
import type { EngineConfig } from "./config.ts";
import { customInputMatches } from "./custom.ts";
import { applyAllowRules } from "./allow.ts";
import { enabledCount, policyRuns } from "./policy_runs.ts";
import {
  analyzeFileDelete,
  analyzeFileMove,
  analyzeFileWrite,
  analyzeShellWrittenRunFile,
} from "./commands/file_tools.ts";
import {
  joinArgv,
  mcpEffects,
  safeJson,
  type Subject,
  subjectOf,
} from "./tool_call.ts";
import {
  type Action,
  type CommandContext,
  type Decision,
  type Finding,
  type Match,
  SEVERITY_RANK,
  type ToolCall,
} from "./types.ts";

/** Where a finding was seen, which decides what it means (a key in a file is not a key in a log). */
type Place =
  | { where: "file"; path: string }
  | { where: "command" }
  | { where: "outbound"; tool: string }
  | { where: "argument"; tool: string }
  | { where: "statement" }
  | { where: "text" };

const ACTION_RANK: Readonly<Record<Action, number>> = {
  log: 0,
  warn: 1,
  redact: 2,
  block: 3,
};

/** Most severe first; among equals, blocking first. */
function byRisk(a: Match, b: Match): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    ACTION_RANK[b.action] - ACTION_RANK[a.action];
}

function placeText(p: Place): string {
  switch (p.where) {
    case "file":
      return `being written into ${p.path || "a file"}`;
    case "command":
      return "in the command line";
    case "outbound":
      return `being sent through ${p.tool}`;
    case "argument":
      return `in the arguments of ${p.tool}`;
    case "statement":
      return "in the statement sent to the database";
    case "text":
      return "in the text";
  }
}

/** The action a PII/secret/injection finding takes in a tool's input, by where it was seen. */
function inputAction(f: Finding, place: Place): Action {
  if (f.category === "secret") {
    return place.where === "file" || place.where === "outbound"
      ? "block"
      : "warn";
  }
  if (f.category === "pii") {
    return place.where === "file" || place.where === "outbound"
      ? "warn"
      : "log";
  }
  if (
    f.category === "injection" && place.where === "outbound" &&
    f.policyId !== "sys_injection_classifier"
  ) {
    // Instructions for the next AI, planted in an issue, a wiki page or a
    // message (approve this payout): blocked, as the platform blocks prompt
    // injection on requests. The classifier alone only warns.
    return "block";
  }
  return f.action === "redact" ? "warn" : f.action;
}

function findingMatch(
  f: Finding,
  place: Place,
  detect: InputDetectors,
): Match {
  const policy = detect.policyInfo(f.policyId);
  const name = policy?.name ?? f.type;
  const action = inputAction(f, place);
  const m: Match = {
    policyId: f.policyId,
    policyName: name,
    category: f.category,
    severity: f.severity,
    action,
    reason: "",
  };
  if (f.category === "secret") {
    m.reason = `A secret (${name}) is ${placeText(place)}` +
      (action === "block"
        ? ": secrets written to files or sent to other services leak through git, backups and logs."
        : ": it will stay in shell history and the session transcript.");
    m.suggestion = place.where === "file"
      ? "Reference the secret through an environment variable or a secret manager (for example ${API_KEY}) instead of writing its value."
      : "Pass secrets through environment variables rather than literal values.";
  } else if (f.category === "pii") {
    m.reason = `Personal data (${name}) is ${placeText(place)}.`;
  } else if (f.category === "sqli") {
    m.reason = `SQL injection technique: ${name} ${placeText(place)}. ${
      policy?.description ?? ""
    }`.trim();
    if (action === "block") {
      m.suggestion = SQLI_STATEMENT.test(f.policyId)
        ? "run the statement against a local or test database, or ask the user to run it on this one"
        : "send values as query parameters ($1, ?) and keep conditions to the rows the task needs";
    }
  } else if (f.category === "injection") {
    m.reason = `Prompt injection: ${name} ${placeText(place)}. ${
      policy?.description ?? ""
    }`.trim();
    if (action === "block") {
      m.suggestion =
        "Write the text without instructions addressed to an AI reader; if it documents an attack, quote the phrase as an example.";
    }
  } else {
    m.reason = `${name} ${placeText(place)}.`;
  }
  return m;
}

/** SQL policies about what a statement does (drops, grants, every row), not how a value was injected. */
const SQLI_STATEMENT =
  /drop|truncate|grant|privilege|superuser|always_true|without_where|shutdown|alter_user|create_user/;

/** Dedupe matches by policy id, keeping the strongest action. */
function dedupe(matches: Match[]): Match[] {
  const best = new Map<string, Match>();
  for (const m of matches) {
    const prev = best.get(m.policyId);
    if (!prev || ACTION_RANK[m.action] > ACTION_RANK[prev.action]) {
      best.set(m.policyId, m);
    }
  }
  return [...best.values()];
}

const OUTBOUND_TOOL =
  /write|edit|create|save|put|upload|append|send|post|message|comment|publish|push|commit|issue|email|notify|reply|update/i;
const PATH_KEY =
  /^(?:path|paths|file|files|file_?path|file_?name|filename|source|destination|dest|target|dir|directory|folder|cwd|notebook_path|location)$/i;
/** A whole value that is one absolute or home path (`~/.aws/credentials`, `file:///…`), whatever its key. */
const PATH_VALUE = /^(?:~|\$HOME|\$\{HOME\}|file:\/\/)?\/[^\s]{1,4095}$|^~$/;
/** Keys naming a file the tool reads from (a copy's or upload's source), whatever the tool writes. */
const SOURCE_KEY =
  /^(?:source|sources|src|srcs|from|source_?path|src_?path|source_?file|local_?path|local_?file|input_?path|input_?file)$/i;
const URL_KEY = /^(?:url|uri|href|link|endpoint)$/i;
const SQL_KEY = /^(?:sql|query|statement|stmt)$/i;
const COMMAND_KEY = /^(?:command|cmd|script|shell)$/i;
const EXEC_TOOL = /exec|shell|run|terminal|command|bash|spawn/i;
const DB_SERVER =
  /postgres|mysql|maria|sqlite|mssql|sqlserver|oracle|snowflake|bigquery|redshift|clickhouse|duckdb|database|\bdb\b|supabase|neon|sql/i;

interface Collected {
  matches: Match[];
  texts: string[];
  command?: string;
  /** The SQL- and prompt-injection detectors of this evaluation. */
  detect: InputDetectors;
}

function addCommandAnalysis(
  out: Collected,
  a: CommandAnalysis,
  ctx: CommandContext,
  fromShell = true,
): void {
  out.matches.push(...a.matches);
  for (const sql of a.sql) {
    for (const f of out.detect.findSqlInjection(sql, { isStatement: true })) {
      out.matches.push(findingMatch(f, { where: "command" }, out.detect));
    }
  }
  for (const w of a.fileWrites) {
    for (const f of out.detect.findSensitive(w.content)) {
      out.matches.push(
        findingMatch(f, { where: "file", path: w.path }, out.detect),
      );
    }
    // A shell write's text was already judged where it was written
    // (CI steps and container commands excepted: judged here, as for a tool).
    out.matches.push(
      ...(fromShell
        ? [
          ...analyzePathAccess(w.path, "write", ctx),
          ...analyzeShellWrittenRunFile(w.path, w.content, ctx),
        ]
        : analyzeFileWrite(w.path, w.content, ctx)),
    );
  }
}

function sensitiveIn(out: Collected, text: string, place: Place): void {
  const found = out.detect.findSensitive(text);
  if (found.length === 0) return;
  // A secret beside a collector's URL in one command or argument is on its way out.
  const sent = (place.where === "command" || place.where === "argument") &&
    found.some((f) => f.category === "secret") && COLLECTOR_URL.test(text);
  for (const f of found) {
    const at: Place = sent && f.category === "secret"
      ? {
        where: "outbound",
        tool: place.where === "argument" ? place.tool : "the shell",
      }
      : place;
    out.matches.push(findingMatch(f, at, out.detect));
  }
}

/** A PEM private-key header followed by a base64 body line. */
const PRIVATE_KEY_BLOCK =
  /-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY-----\s{1,8}[A-Za-z0-9+/=]{16}/;

/** Most values (strings, numbers, containers) of one MCP call's arguments that are walked. */
export const MCP_MAX_VALUES = 100_000;
/** Most characters of argument strings that are judged in one MCP call. */
export const MCP_MAX_CHARS = 8_000_000;

/**
 * Judges every string in an MCP call's arguments, at any depth, by an
 * iterative walk in document order (a key names the strings under it). The
 * walk is bounded: past {@link MCP_MAX_VALUES} values or
 * {@link MCP_MAX_CHARS} characters the call is blocked (fail closed), since
 * what is not seen could be anything.
 */
function walkMcp(
  out: Collected,
  server: string,
  tool: string,
  args: unknown,
  ctx: CommandContext,
): void {
  const stack: [unknown, string][] = [[args, ""]];
  let values = 0;
  let chars = 0;
  while (stack.length > 0) {
    const [value, key] = stack.pop() as [unknown, string];
    if (++values > MCP_MAX_VALUES) return tooLarge(out, "values", values);
    if (typeof value === "string") {
      chars += value.length;
      if (chars > MCP_MAX_CHARS) return tooLarge(out, "characters", chars);
      mcpString(out, server, tool, value, key, ctx);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], key]);
    } else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push([entries[i][1], entries[i][0]]);
      }
    }
  }
}

/** Statements that empty or remove a whole table or database. */
const WHOLE_TABLE = new Set([
  "sys_sqli_delete_without_where",
  "sys_sqli_update_without_where",
  "sys_sqli_truncate",
  "sys_sqli_drop_table",
  "sys_sqli_drop_database",
]);
/** Argument keys that say where a database call runs. */
const TARGET_KEY =
  /^(?:project(?:_?(?:id|ref|name))?|database|db(?:_?name)?|env(?:ironment)?|workspace|stage|host|hostname|server|cluster|instance|connection(?:_?string)?|dsn|uri|url|branch)$/i;
/** A target that names production (`prod-xkq93`, `orders-production`, `db.prd.internal`). */
const PRODUCTION =
  /(?:^|[^a-z0-9])(?:prod|production|prd|live)(?:[^a-z0-9]|$)/i;

/**
 * A database tool's statement that empties a whole table, sent to a target
 * its arguments name as production (`{project_id: "prod-x", query: "DELETE
 * FROM users"}`): the warning a scratch database gets becomes a block there.
 */
function productionWipe(
  out: Collected,
  server: string,
  tool: string,
  args: unknown,
): void {
  const wipe = out.matches.find((m) => WHOLE_TABLE.has(m.policyId));
  if (!wipe || args === null || typeof args !== "object") return;
  const target = Object.entries(args as Record<string, unknown>).find((
    [k, v],
  ) => TARGET_KEY.test(k) && typeof v === "string" && PRODUCTION.test(v));
  if (!target && !PRODUCTION.test(server)) return;
  out.matches.push(makeMatch(
    "prod_teardown",
    `mcp__${server}__${tool} runs a statement that empties or drops a whole table (${wipe.policyName}) against ${
      target ? `${target[0]} ${String(target[1]).slice(0, 60)}` : server
    }, which names production: every row is gone for every user.`,
    "add a WHERE clause that names the rows, or run it against a development copy; ask the user before touching production",
  ));
}

/** The block for MCP arguments too large to walk whole. */
function tooLarge(out: Collected, what: string, n: number): void {
  const limit = what === "values" ? MCP_MAX_VALUES : MCP_MAX_CHARS;
  out.matches.push({
    policyId: "sys_dangerous_hidden_command",
    policyName: dangerousPolicy("sys_dangerous_hidden_command")?.name ??
      "Command hides what runs",
    category: "dangerous",
    severity: "critical",
    action: "block",
    reason: `The tool's arguments hold more than ${
      limit.toLocaleString("en")
    } ${what} (stopped at ${
      n.toLocaleString("en")
    }), more than can be checked, and what is not checked could be anything; send the data in smaller calls.`,
  });
}

/** Judges one string argument of an MCP call; `key` is the nearest object key above it. */
function mcpString(
  out: Collected,
  server: string,
  tool: string,
  value: string,
  key: string,
  ctx: CommandContext,
): void {
  const qualified = `mcp__${server}__${tool}`;
  out.texts.push(value);
  const writes = OUTBOUND_TOOL.test(tool);
  if (SOURCE_KEY.test(key)) {
    // Copying, moving or uploading a file reads it: a credential copied out is read.
    out.matches.push(...analyzePathAccess(value, "read", ctx));
    return;
  }
  if (PATH_KEY.test(key)) {
    out.matches.push(
      ...analyzePathAccess(value, writes ? "write" : "read", ctx),
    );
    return;
  }
  if (PATH_VALUE.test(value) && !value.startsWith("file:")) {
    // A path under a key not known as one ({location: "~/.aws/credentials"}): a credential there is read.
    out.matches.push(
      ...analyzePathAccess(value.replace(/^\$\{?HOME\}?/, "~"), "read", ctx),
    );
  }
  if (URL_KEY.test(key) || /^https?:\/\//i.test(value)) {
    out.matches.push(...analyzeUrl(value, ctx));
  }
  if (COMMAND_KEY.test(key) && EXEC_TOOL.test(tool)) {
    out.command = value;
    addCommandAnalysis(out, analyzeCommand(value, ctx), ctx);
    return;
  }
  if (SQL_KEY.test(key) || DB_SERVER.test(server)) {
    for (
      const f of out.detect.findSqlInjection(value, {
        isStatement: SQL_KEY.test(key),
      })
    ) {
      out.matches.push(
        findingMatch(f, { where: "argument", tool: qualified }, out.detect),
      );
    }
  }
  // A URL the tool fetches sends what it carries (a token in the query) to its host.
  const place: Place = writes || /^https?:\/\//i.test(value)
    ? { where: "outbound", tool: qualified }
    : { where: "argument", tool: qualified };
  sensitiveIn(out, value, place);
  if (writes && PRIVATE_KEY_BLOCK.test(value)) {
    // A private key pasted into a gist, a page or a message: even a
    // shortened body (too short for the scanner to call it a key) says what
    // is being published.
    out.matches.push(makeMatch(
      "credential_exfiltration",
      `${qualified} would publish a private key block (-----BEGIN … PRIVATE KEY-----): whoever reads the gist, page or message holds the key.`,
      "never paste private keys into tools that send or publish; share the public key (.pub) instead",
    ));
  }
  // Text an agent puts into an issue, a wiki or a message can carry
  // instructions for the next AI that reads it (approve this payout).
  if (value.length >= 16) {
    for (const f of out.detect.findPromptInjection(value)) {
      out.matches.push(findingMatch(f, place, out.detect));
    }
  }
}

function collect(
  subject: Subject,
  ctx: CommandContext,
  detect: InputDetectors,
): Collected {
  const out: Collected = { matches: [], texts: [], detect };
  switch (subject.kind) {
    case "shell": {
      out.command = subject.command;
      out.texts.push(subject.command);
      // apply_patch <<'EOF' … EOF; sh added.sh: the files the patch adds are known to what follows.
      const written = embeddedPatchWrites(subject.command, ctx);
      addCommandAnalysis(
        out,
        analyzeCommand(
          written ? written + "\n" + subject.command : subject.command,
          ctx,
        ),
        ctx,
      );
      const patch = analyzeEmbeddedPatch(subject.command, ctx);
      if (patch) addCommandAnalysis(out, patch, ctx, false);
      sensitiveIn(out, subject.command, { where: "command" });
      break;
    }
    case "patch": {
      out.texts.push(subject.patch);
      addCommandAnalysis(out, analyzePatch(subject.patch, ctx), ctx, false);
      break;
    }
    case "write": {
      out.texts.push(subject.path, subject.content);
      out.matches.push(
        ...analyzeFileWrite(subject.path, subject.content, ctx),
      );
      sensitiveIn(out, subject.content, { where: "file", path: subject.path });
      break;
    }
    case "read": {
      out.texts.push(subject.path);
      out.matches.push(...analyzePathAccess(subject.path, "read", ctx));
      if (subject.pattern) {
        // Grep {pattern: "aws_secret_access_key", path: "~"}: grep -rn over it.
        addCommandAnalysis(
          out,
          analyzeCommand(
            joinArgv([
              "grep",
              "-rn",
              "-e",
              subject.pattern,
              "--",
              subject.path,
            ]),
            ctx,
          ),
          ctx,
          false,
        );
      }
      break;
    }
    case "fetch": {
      out.texts.push(subject.url);
      out.matches.push(...analyzeUrl(subject.url, ctx));
      // A secret in the URL goes to its host (and the fetcher's logs).
      sensitiveIn(out, subject.url, { where: "outbound", tool: "the fetch" });
      break;
    }
    case "sql": {
      out.texts.push(subject.statement);
      for (
        const f of out.detect.findSqlInjection(subject.statement, {
          isStatement: true,
        })
      ) {
        out.matches.push(findingMatch(f, { where: "statement" }, out.detect));
      }
      sensitiveIn(out, subject.statement, { where: "text" });
      break;
    }
    case "mcp": {
      walkMcp(out, subject.server, subject.tool, subject.args, ctx);
      productionWipe(out, subject.server, subject.tool, subject.args);
      if (DOCUMENT_DB.test(subject.server) || DOCUMENT_DB.test(subject.tool)) {
        const qualified = `mcp__${subject.server}__${subject.tool}`;
        const d = documentCall(subject.tool, subject.args);
        for (const text of [...d.documents, ...d.statements]) {
          for (
            const f of out.detect.findSqlInjection(text, { isStatement: true })
          ) {
            out.matches.push(
              findingMatch(
                f,
                { where: "argument", tool: qualified },
                out.detect,
              ),
            );
          }
        }
      }
      for (const e of mcpEffects(subject.tool, subject.args, subject.server)) {
        if (e.kind === "run") {
          out.command ??= e.command;
          addCommandAnalysis(out, analyzeCommand(e.command, ctx), ctx);
        } else if (e.kind === "write") {
          out.matches.push(...analyzeFileWrite(e.path, e.content, ctx));
        } else if (e.kind === "delete") {
          out.matches.push(...analyzeFileDelete(e.path, ctx));
        } else {
          out.matches.push(...analyzeFileMove(e.from, e.to, e.move, ctx));
        }
      }
      break;
    }
    case "text": {
      out.texts.push(subject.text);
      for (
        const f of out.detect.findSqlInjection(subject.text, {
          isStatement: false,
        })
      ) {
        out.matches.push(findingMatch(f, { where: "text" }, out.detect));
      }
      for (const f of out.detect.findPromptInjection(subject.text)) {
        out.matches.push(findingMatch(f, { where: "text" }, out.detect));
      }
      sensitiveIn(out, subject.text, { where: "text" });
      break;
    }
  }
  return out;
}

/** Builds the context a command is judged in from a tool call's fields. */
export function contextOf(
  call: ToolCall,
  config: EngineConfig,
): CommandContext {
  const home = call.home ?? "/home/user";
  const ctx: CommandContext = {
    cwd: call.cwd ?? home,
    home,
    profile: call.profile ?? config.profile,
  };
  const dataDir = call.dataDir ?? config.dataDir;
  const pluginRoot = call.pluginRoot ?? config.pluginRoot;
  if (dataDir) ctx.dataDir = dataDir;
  if (pluginRoot) ctx.pluginRoot = pluginRoot;
  if (call.startupEnv) ctx.startupEnv = call.startupEnv;
  return ctx;
}

function reasonOf(allowed: boolean, matches: readonly Match[]): string {
  if (matches.length === 0) return "No policy matched.";
  if (!allowed) {
    const top = matches.find((m) => m.action === "block") ?? matches[0];
    return `${top.policyName} (${top.policyId}): ${top.reason}`;
  }
  const notable = matches.filter((m) => m.action !== "log");
  const excepted = [
    ...new Set(matches.flatMap((m) => m.allowedBy ? [m.allowedBy] : [])),
  ];
  if (notable.length === 0 && excepted.length > 0) {
    return `Allowed by your exception ${excepted.join(", ")} (${
      matches.filter((m) => m.allowedBy).map((m) => m.policyId).join(", ")
    }).`;
  }
  if (notable.length === 0) return "Allowed; noted for the audit trail.";
  return `Allowed with warnings: ${
    notable.map((m) => `${m.policyName} (${m.policyId})`).join(", ")
  }.`;
}

/**
 * Judges a tool call before it runs, with the given injection detectors
 * (`evaluate()` in `evaluate_all.ts` is this with all of them). A plain
 * read-only shell command is decided by {@link inertDecision} (the full
 * analysis finds nothing in it); everything else by {@link analyseWith}.
 */
export function evaluateWith(
  call: ToolCall,
  config: EngineConfig,
  detectors: InputDetectors,
): Decision {
  const subject = subjectOf(call);
  return inertDecision(call, config, undefined, subject) ??
    analyseWith(call, config, detectors, subject);
}

/** The last list of disabled policy ids judged under, as a set (built again when the list or its length changes). */
let lastDisabled:
  | { list: readonly string[]; length: number; set: ReadonlySet<string> }
  | undefined;

/** {@link EngineConfig.disabled} as a set, kept while the same list is passed. */
function disabledOf(config: EngineConfig): ReadonlySet<string> {
  const list = config.disabled;
  const last = lastDisabled;
  if (last !== undefined && last.list === list && last.length === list.length) {
    return last.set;
  }
  const set = new Set(list);
  lastDisabled = { list, length: list.length, set };
  return set;
}

/** The full analysis of a tool call, without the shortcut for plain read-only commands (tests compare the two). */
export function analyseWith(
  call: ToolCall,
  config: EngineConfig,
  detectors: InputDetectors,
  subject: Subject = subjectOf(call),
): Decision {
  const ctx = contextOf(call, config);
  const collected = collect(subject, ctx, detectors);
  if (config.custom.length > 0) {
    collected.matches.push(
      ...customInputMatches(
        config.custom,
        collected.texts.length > 0 ? collected.texts : [safeJson(call.input)],
        collected.command,
      ),
    );
  }
  const disabled = disabledOf(config);
  const matches = applyAllowRules(
    dedupe(collected.matches).filter((m) =>
      policyRuns(
        { id: m.policyId, profile: policyKey(m.policyId)?.profile },
        disabled,
        ctx.profile,
      )
    ),
    config.allow ?? [],
    subject,
    collected.texts,
    ctx,
    call.now ?? Date.now(),
  ).sort(byRisk);
  const allowed = !matches.some((m) => m.action === "block");
  return {
    allowed,
    decisionId: newDecisionId(),
    matches,
    reason: reasonOf(allowed, matches),
    riskLevel: matches.length > 0 ? matches[0].severity : "none",
    policiesEvaluated: enabledCount(config, "input", ctx.profile),
  };
}
