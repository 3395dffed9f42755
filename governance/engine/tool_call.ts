/**
 * Reads a tool call (Codex, Claude Code, MCP or an AxonFlow connector) into
 * the one thing the engine must judge: a shell command, a patch, a file write
 * or read, a URL fetch, a database statement, MCP arguments, or plain text.
 *
 * @module
 */
import type { ToolCall } from "./types.ts";
import { toJson } from "./json_walk.ts";

/** What a tool call asks for, in the engine's terms. */
export type Subject =
  | { kind: "shell"; command: string }
  | { kind: "patch"; patch: string }
  | { kind: "write"; path: string; content: string }
  | { kind: "read"; path: string; pattern?: string }
  | { kind: "fetch"; url: string }
  | { kind: "sql"; statement: string }
  | { kind: "mcp"; server: string; tool: string; args: unknown }
  | { kind: "text"; text: string };

/** Shell tool names, every spelling Codex and other agents have used (compared in lower case). */
export const SHELL_TOOLS: ReadonlySet<string> = new Set([
  "bash",
  "exec_command",
  "shell",
  "shell_command",
  "local_shell",
  "container.exec",
  "terminal",
]);

/** Connector types and tool names that carry SQL statements for a database. */
export const DATABASE_CONNECTORS: ReadonlySet<string> = new Set([
  "postgres",
  "postgresql",
  "mysql",
  "mariadb",
  "sqlite",
  "sqlite3",
  "mssql",
  "sqlserver",
  "oracle",
  "snowflake",
  "bigquery",
  "redshift",
  "cassandra",
  "clickhouse",
  "cockroachdb",
  "duckdb",
  "sql",
  "database",
]);

/**
 * Whether a connector type or tool name names a database channel: one of
 * {@link DATABASE_CONNECTORS}, alone or as a part of a name such as
 * `postgres-main`, `mysql_orders` or `analytics.duckdb` (case-insensitive).
 */
export function isDatabaseConnector(name: string): boolean {
  const lower = name.toLowerCase();
  if (DATABASE_CONNECTORS.has(lower)) return true;
  if (lower.length > 128) return false;
  return lower.split(/[-_.:/ ]/).some((part) =>
    part !== "sql" && part !== "database" && DATABASE_CONNECTORS.has(part)
  );
}

/** The SQL text of a database tool's input: a string, or its `query`/`sql`/`statement` field. */
function statementOf(input: unknown): string {
  const rec = asRecord(input);
  for (const key of ["query", "sql", "statement", "stmt"]) {
    const v = rec[key];
    if (typeof v === "string") return v;
  }
  return commandOf(input);
}

/** `v` as a record of its fields: an object's own, or none for anything else (arrays included). */
export function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? v as Record<string, unknown>
    : {};
}

/** Joins an argv array the way a shell would need it quoted. */
export function joinArgv(argv: readonly unknown[]): string {
  return argv.map((a) => {
    const s = String(a);
    return /^[A-Za-z0-9_@%+=:,./-]{1,4096}$/.test(s)
      ? s
      : `'${s.replaceAll("'", `'\\''`)}'`;
  }).join(" ");
}

function commandOf(input: unknown): string {
  if (typeof input === "string") return input;
  if (Array.isArray(input)) return joinArgv(input);
  const rec = asRecord(input);
  for (const key of ["command", "cmd", "script", "statement"]) {
    const v = rec[key];
    if (typeof v === "string") return v;
    if (Array.isArray(v)) return joinArgv(v);
  }
  return "";
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** The bare tool name: `codex.Bash` → `Bash`, `claude_code.Write` → `Write`. */
function bareName(call: ToolCall): string {
  const raw = call.toolName || call.connectorType || "";
  const m = /^(?:codex|claude_code|claude-code|claude)\.(.+)$/.exec(raw);
  return m ? m[1] : raw;
}

/** What the tool call asks the engine to judge. */
export function subjectOf(call: ToolCall): Subject {
  const name = bareName(call);
  const lower = name.toLowerCase();
  const input = call.input;
  const rec = asRecord(input);
  const connector = (call.connectorType ?? "").toLowerCase();

  if (SHELL_TOOLS.has(lower)) {
    return { kind: "shell", command: commandOf(input) };
  }
  if (lower === "apply_patch") {
    const patch = typeof input === "string"
      ? input
      : str(rec.command) || str(rec.input) || str(rec.patch);
    return { kind: "patch", patch };
  }
  if (lower.startsWith("mcp__")) {
    const [, server = "", ...rest] = name.split("__");
    return { kind: "mcp", server, tool: rest.join("__"), args: input };
  }
  if (lower === "write" || lower === "create") {
    return {
      kind: "write",
      path: str(rec.file_path) || str(rec.path),
      content: str(rec.content),
    };
  }
  if (lower === "edit" || lower === "multiedit" || lower === "notebookedit") {
    const parts: string[] = [str(rec.new_string), str(rec.new_source)];
    if (Array.isArray(rec.edits)) {
      for (const e of rec.edits) parts.push(str(asRecord(e).new_string));
    }
    return {
      kind: "write",
      path: str(rec.file_path) || str(rec.notebook_path) || str(rec.path),
      content: parts.filter(Boolean).join("\n"),
    };
  }
  if (lower === "read" || lower === "notebookread") {
    return {
      kind: "read",
      path: str(rec.file_path) || str(rec.notebook_path) || str(rec.path),
    };
  }
  if (
    lower === "grep" && str(rec.path) !== "" &&
    /^(content|count)$/.test(str(rec.output_mode))
  ) {
    // Grep printing matching lines reads the file (or folder) it searches,
    // and prints what its pattern matches there (grep -rn PATTERN PATH).
    return { kind: "read", path: str(rec.path), pattern: str(rec.pattern) };
  }
  if (lower === "webfetch" || lower === "fetch" || lower === "web_fetch") {
    return { kind: "fetch", url: str(rec.url) || commandOf(input) };
  }
  if (isDatabaseConnector(lower) || isDatabaseConnector(connector)) {
    return { kind: "sql", statement: statementOf(input) };
  }
  if (typeof input === "string") return { kind: "text", text: input };
  const text = commandOf(input);
  return { kind: "text", text: text || safeJson(input) };
}

/** JSON text of a value at any depth; never throws (cycles and BigInts become strings). */
export function safeJson(value: unknown): string {
  if (value === undefined) return "";
  return toJson(value) ?? String(value);
}

/** What an MCP call will do, read from its tool name and arguments. */
export type McpEffect =
  | { kind: "run"; command: string }
  | { kind: "write"; path: string; content: string | null }
  | { kind: "delete"; path: string }
  | { kind: "move"; from: string; to: string; move: boolean };

/** Keys whose string (or argv array) is a shell command, whatever the tool is called. */
const RUN_KEYS =
  /^(command|cmd|commands|cmds|script|scripts|shell|command_?line|cmd_?line|bash|sh|run|exec|shell_?command|cmdline|(?:remote|ssh|host|exec|run|shell|init|post|pre|start|cli|aws|gcloud|az|kubectl|git|docker|terminal)_?(?:command|cmd|script))$/i;
/**
 * Tools named after the command-line program they drive
 * (`mcp__kubernetes__kubectl`, `mcp__gcloud__run`): their `args`, an argv
 * or a string, are that program's arguments.
 */
const PROGRAM_TOOL =
  /(?:^|_)(kubectl|helm|gcloud|gsutil|aws|az|doctl|docker|podman|terraform|pulumi|gh|glab|heroku|flyctl|vercel|netlify|supabase|firebase|wrangler|psql|mysql|redis-cli|mongosh)(?:_|$)/i;
/** Tools that stop processes: `{name|process_name|pattern}` is what pkill matches, `{pid}` what kill ends. */
const KILL_TOOL = /kill|terminate|stop_?process|end_?process/i;
/** Git tools that push: `{remote, refspec|branch, force}` is a `git push`. */
const GIT_PUSH_TOOL = /git.{0,4}push|(?:^|_)push(?:_|$)/i;
/** Keys holding a program and its arguments (`{program: "rm", args: [...]}`). */
const PROGRAM_KEYS = /^(program|executable|binary|bin|exe|file|command)$/i;
const ARGS_KEYS =
  /^(args|argv|arguments|params|flags|[a-z]{2,16}_args|cli_?args)$/i;
/** Keys naming a CLI's subcommand (`{subcommand: "destroy", flags: [...]}`). */
const SUB_KEYS = /^(sub_?command|subcmd|action|verb|operation)$/i;
/** Base URLs of APIs an MCP server named after its provider is called with a path on. */
const API_BASES: readonly [RegExp, string][] = [
  [/cloudflare/i, "https://api.cloudflare.com/client/v4"],
  [/github/i, "https://api.github.com"],
  [/azure/i, "https://management.azure.com"],
];
/** Tools that type into a running process or terminal: their `input`/`text` is a command. */
const STDIN_TOOL =
  /interact|send_?(input|keys|text)|write_?(stdin|input)|terminal|repl|tty|pty|type_?text|stdin|__type$|keystroke/i;
const CODE_KEYS =
  /^(code|source|snippet|program_?text|expression|expr|cell|cell_?source)$/i;
/** Tools whose name says they run a program: an argv array alone is the command. */
const RUN_TOOL =
  /run|exec|spawn|shell|terminal|command|process|launch|start|invoke/i;
/** Keys of prose about a call (not run) among the arguments of a tool that runs things. */
const PROSE_KEYS =
  /^(description|desc|title|name|summary|message|msg|comment|body|text|prompt|label|notes?|reason|id|cwd|dir|directory|working_?dir(?:ectory)?|workdir|shell_?type|timeout|env_?file|user|host|url)$/i;
/** A string shaped like a command line: a program word, then arguments or an operator. */
const COMMAND_SHAPE = /^\s{0,8}[\w./~$-]{1,256}[ \t]+\S|[;&|`]|\$\(/;
const LANG_RUNNER: Readonly<Record<string, string>> = {
  python: "python3",
  python3: "python3",
  py: "python3",
  javascript: "node",
  js: "node",
  node: "node",
  typescript: "deno",
  ts: "deno",
  ruby: "ruby",
  rb: "ruby",
  perl: "perl",
  php: "php",
  lua: "lua",
  bash: "bash",
  sh: "sh",
  shell: "sh",
  zsh: "zsh",
  r: "Rscript",
  powershell: "pwsh",
};
const FROM_KEYS = /^(source|src|from|old_?path|origin|source_?path)$/i;
const TO_KEYS =
  /^(destination|dest|dst|to|target|new_?path|destination_?path|target_?path)$/i;
const PATH_KEYS =
  /^(path|path_?name|file|file_?path|filename|file_?name|full_?path|abs(?:olute)?_?path|notebook_path|target_?file|dir|directory|folder|dir_?path|folder_?path|location)$/i;
/** Tools that unpack an archive, and the keys naming the archive and where it goes. */
const EXTRACT_TOOL = /extract|unzip|untar|unpack|decompress|unarchive/i;
const ARCHIVE_KEYS =
  /^(archive|archive_?path|zip|zip_?path|tarball|file|path|source|src|input)$/i;
const OUT_DIR_KEYS =
  /^(output_?dir|output_?directory|out_?dir|dest_?dir|destination|dest|target_?dir|target|extract_?to|to|dir|directory|output)$/i;
/** Keys naming an SQLite database file, and the SQL run on it. */
const DB_FILE_KEYS =
  /^(database|db|db_?path|database_?path|db_?file|file|path)$/i;
const SQL_KEYS = /^(sql|query|statement|stmt)$/i;
const DB_FILE = /\.(?:db|sqlite|sqlite3|db3)$/i;
const CONTENT_KEYS =
  /^(content|contents|text|data|body|new_?text|new_?string|new_?source|newText|replacement|patch)$/i;
const WRITE_TOOL =
  /write|edit|create|save|put|append|replace|patch|update|insert|upload/i;
const DELETE_TOOL =
  /delete|remove|unlink|rmdir|rmtree|\brm(?:_?rf)?\b|trash|erase|purge|wipe/i;
const MOVE_TOOL = /move|rename|\bmv\b/i;
const COPY_TOOL = /copy|\bcp\b|duplicate|clone_?file/i;

/** The language a code tool's name suggests (`mcp__node__eval` runs JavaScript); Python otherwise. */
function toolLanguage(tool: string): string {
  if (/node|javascript|\bjs\b|_js\b|deno|bun/i.test(tool)) return "node";
  if (/ruby/i.test(tool)) return "ruby";
  if (/perl/i.test(tool)) return "perl";
  if (/php/i.test(tool)) return "php";
  if (/bash|shell|\bsh\b|terminal/i.test(tool)) return "sh";
  return "python";
}

/** Code in a language run by an MCP tool, as the shell command that would run it. */
function codeCommand(code: string, lang: string): string {
  const runner = LANG_RUNNER[lang.toLowerCase()] ?? "python3";
  if (runner === "bash" || runner === "sh" || runner === "zsh") return code;
  const flag = runner === "python3" ? "-c" : runner === "php" ? "-r" : "-e";
  if (runner === "deno") return joinArgv(["deno", "eval", code]);
  return joinArgv([runner, flag, code]);
}

function stringsOf(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.filter((x) => typeof x === "string");
  return [];
}

/** `{archive, output_dir}` of an unpacking tool, as the tar command that would do it. */
function unpackCommand(rec: Record<string, unknown>): string | null {
  let archive: string | null = null;
  let dir: string | null = null;
  for (const [k, v] of Object.entries(rec)) {
    if (typeof v !== "string") continue;
    if (OUT_DIR_KEYS.test(k)) dir = v;
    else if (ARCHIVE_KEYS.test(k)) archive = v;
  }
  return archive !== null && dir !== null
    ? joinArgv(["tar", "-xf", archive, "-C", dir])
    : null;
}

/** `{database: "x.db", sql: "…"}`: the sqlite3 command that runs the SQL on that file. */
function sqliteCommand(rec: Record<string, unknown>): string | null {
  let db: string | null = null;
  let sql: string | null = null;
  for (const [k, v] of Object.entries(rec)) {
    if (typeof v !== "string") continue;
    if (DB_FILE_KEYS.test(k) && DB_FILE.test(v)) db = v;
    else if (SQL_KEYS.test(k)) sql = v;
  }
  return db !== null && sql !== null ? joinArgv(["sqlite3", db, sql]) : null;
}

/** Keys of a container-engine API call, by the docker run option they amount to. */
const BIND_KEYS = /^(binds|volumes|mounts|volume|bind_?mounts)$/i;
/** Keys holding a Kubernetes manifest's text. */
const MANIFEST_KEYS =
  /^(yaml|manifest|manifests|spec|resource|definition|body|content|document)$/i;

/**
 * A container engine or Kubernetes call as the command line that does the
 * same: `{image, host_config: {binds: ["/:/h"], privileged: true}}` to a
 * Docker tool is `docker run --privileged -v /:/h IMAGE`; a manifest's text
 * to a Kubernetes tool is `kubectl apply -f -` fed that text. Null when the
 * call asks for neither, or a container for nothing the run rules judge.
 */
function containerSpecCommand(
  rec: Record<string, unknown>,
  name: string,
): string | null {
  if (/k8s|kube|kubectl|openshift/i.test(name)) {
    for (const [k, v] of Object.entries(rec)) {
      if (
        MANIFEST_KEYS.test(k) && typeof v === "string" && v.length < 200_000 &&
        /^\s{0,8}["']?kind["']?\s{0,4}:/m.test(v)
      ) {
        return `kubectl apply -f - <<'AXF_MANIFEST_EOF'\n${v}\nAXF_MANIFEST_EOF`;
      }
    }
    return null;
  }
  if (!/docker|podman|container/i.test(name)) return null;
  const image = rec.image ?? rec.Image;
  if (typeof image !== "string") return null;
  const flags: string[] = [];
  const visit = (r: Record<string, unknown>, depth: number): void => {
    for (const [k, v] of Object.entries(r).slice(0, 64)) {
      if (/^privileged$/i.test(k) && v === true) flags.push("--privileged");
      else if (/^pid_?mode$|^pid$/i.test(k) && v === "host") {
        flags.push("--pid=host");
      } else if (/^cap_?add$/i.test(k)) {
        for (const c of stringsOf(v).slice(0, 32)) flags.push(`--cap-add=${c}`);
      } else if (BIND_KEYS.test(k)) {
        for (const b of stringsOf(v).slice(0, 64)) flags.push("-v", b);
        if (v !== null && typeof v === "object" && !Array.isArray(v)) {
          // {"/var/run/docker.sock": {bind: "/var/run/docker.sock", mode: "rw"}}
          for (const [src, o] of Object.entries(v).slice(0, 64)) {
            const to = asRecord(o).bind ?? asRecord(o).target;
            if (typeof to === "string") flags.push("-v", `${src}:${to}`);
          }
        }
      } else if (
        depth < 2 && v !== null && typeof v === "object" && !Array.isArray(v)
      ) visit(v as Record<string, unknown>, depth + 1);
    }
  };
  visit(rec, 0);
  return flags.length ? joinArgv(["docker", "run", ...flags, image]) : null;
}

/** A string field of a record, when it is a plain name (`acme`, `api-v2`, `heads/main`). */
function plainField(
  rec: Record<string, unknown>,
  ...keys: string[]
): string | null {
  for (const k of keys) {
    const v = rec[k];
    if (typeof v === "string" && /^[\w./-]{1,200}$/.test(v)) return v;
  }
  return null;
}

/**
 * Forge and infrastructure calls whose arguments name an effect the CLI would
 * have: a GitHub/GitLab tool deleting a repository (`gh repo delete`) or
 * force-updating a branch ref (a force push to it), and a Terraform or
 * Pulumi tool applying a destroy (`terraform destroy`, with
 * `-auto-approve` and the workspace when given), and a Kubernetes tool
 * deleting a resource (`kubectl delete KIND NAME -n NS`).
 */
function forgeCommand(
  rec: Record<string, unknown>,
  tool: string,
  server: string,
): string | null {
  const where = server + "__" + tool;
  if (/github|gitlab|gitea|bitbucket/i.test(where)) {
    const owner = plainField(rec, "owner", "org", "organization", "namespace");
    const repo = plainField(rec, "repo", "repository", "name", "project");
    if (/delete_?repo(?:sitory)?|remove_?repo(?:sitory)?/i.test(tool) && repo) {
      const full = owner && !repo.includes("/") ? `${owner}/${repo}` : repo;
      return joinArgv(["gh", "repo", "delete", full, "--yes"]);
    }
    const ref = plainField(rec, "ref", "branch");
    if (
      /update_?ref|update_?branch|force_?push|reset_?branch/i.test(tool) &&
      ref && (rec.force === true || rec.force === "true")
    ) {
      const branch = ref.replace(/^refs\//, "").replace(/^heads\//, "");
      const sha = plainField(rec, "sha", "commit", "target") ?? "HEAD";
      return joinArgv(["git", "push", "--force", "origin", `${sha}:${branch}`]);
    }
  }
  if (
    /kube|k8s/i.test(where) && /delete|remove/i.test(tool) &&
    !CLUSTER_VERB_TOOL.test(tool)
  ) {
    // {kind: "Namespace", name: "production"} to `delete_resource`: read as `kubectl_delete` reads it.
    const cmd = clusterCommand(rec, "kubectl", "delete");
    if (cmd !== null) return cmd;
  }
  if (/terraform|pulumi|opentofu|tofu/i.test(where)) {
    const destroy = rec.destroy === true || /destroy/i.test(tool);
    // A plan or preview of a destroy changes nothing.
    if (!destroy || /plan|preview|show|validate/i.test(tool)) return null;
    const pulumi = /pulumi/i.test(where);
    const yes = rec.auto_approve === true || rec.autoApprove === true ||
      rec.yes === true;
    const ws = plainField(rec, "workspace", "stack", "environment", "env");
    const cmd = pulumi
      ? [
        "pulumi",
        "destroy",
        ...(yes ? ["--yes"] : []),
        ...(ws ? ["--stack", ws] : []),
      ]
      : ["terraform", "destroy", ...(yes ? ["-auto-approve"] : [])];
    const line = joinArgv(cmd);
    return !pulumi && ws ? `TF_WORKSPACE=${joinArgv([ws])} ${line}` : line;
  }
  return null;
}

/** Redis servers and their managed look-alikes, by the MCP server or tool name. */
const REDIS_TOOL = /redis|valkey|keydb|upstash|elasticache|memorystore/i;
/** Tools named after the Redis command they send (`flushall`, `flush_db`). */
const REDIS_VERB_TOOL =
  /(?:^|_)(flush_?all|flush_?db|shutdown|config_?set|script_?flush|function_?flush|swapdb|bgrewriteaof|debug)(?:_|$)/i;

/**
 * A Redis tool's call as the `redis-cli` line it amounts to: the server
 * (`url`, or `host`/`port`/`db`) and the command (`args`, a `command`
 * string, or the tool's own name), so `{url: "redis://prod…", args:
 * ["FLUSHALL"]}` is judged where it runs, as `redis-cli -u … FLUSHALL` is.
 */
function redisCommand(
  rec: Record<string, unknown>,
  tool: string,
  where: string,
): string | null {
  if (!REDIS_TOOL.test(where)) return null;
  const words: string[] = [];
  const argv = rec.args ?? rec.argv ?? rec.arguments;
  const line = rec.command ?? rec.cmd ?? rec.query;
  if (Array.isArray(argv) && argv.every((x) => typeof x === "string")) {
    if (typeof line === "string" && /^[A-Za-z.]{2,32}$/.test(line)) {
      words.push(line);
    }
    words.push(...(argv as string[]).slice(0, 64));
  } else if (typeof line === "string" && line.length <= 4096) {
    words.push(...line.trim().split(/\s+/).slice(0, 64));
  } else {
    const verb = REDIS_VERB_TOOL.exec(tool)?.[1];
    if (!verb) return null;
    words.push(verb.replace("_", "").toUpperCase());
  }
  if (words.length === 0 || words[0] === "") return null;
  const target: string[] = [];
  const url = plainUrl(rec, "url", "uri", "connection", "redis_url", "dsn");
  if (url) target.push("-u", url);
  else {
    const host = plainField(rec, "host", "hostname", "server", "endpoint");
    const port = rec.port;
    const db = rec.db ?? rec.database ?? rec.index;
    if (host) target.push("-h", host);
    if (typeof port === "number" || typeof port === "string") {
      target.push("-p", String(port));
    }
    if (typeof db === "number" || typeof db === "string") {
      target.push("-n", String(db));
    }
  }
  return joinArgv(["redis-cli", ...target, ...words]);
}

/** The first of `keys` holding a URL without spaces. */
function plainUrl(
  rec: Record<string, unknown>,
  ...keys: string[]
): string | null {
  for (const k of keys) {
    const v = rec[k];
    if (
      typeof v === "string" && /^[a-z][a-z0-9+.-]{1,20}:\/\/\S{1,500}$/i.test(v)
    ) {
      return v;
    }
  }
  return null;
}

/** `aws s3`'s own commands; every other S3 operation is an `aws s3api` call. */
const S3_HIGH_LEVEL = new Set([
  "cp",
  "mv",
  "rm",
  "rb",
  "mb",
  "ls",
  "sync",
  "presign",
  "website",
]);

/** Keys whose value is data the call reads or writes (a path, code, content, an argv), judged as such. */
function dataKey(k: string): boolean {
  return ARGS_KEYS.test(k) || PROGRAM_KEYS.test(k) || CODE_KEYS.test(k) ||
    FROM_KEYS.test(k) || TO_KEYS.test(k) || PATH_KEYS.test(k) ||
    CONTENT_KEYS.test(k) || SUB_KEYS.test(k) || SQL_KEYS.test(k) ||
    /^(language|lang|runtime|interpreter|stdin|input|env)$/i.test(k);
}

/** A cluster tool named by program and verb (`kubectl_delete`, `helm_uninstall`). */
const CLUSTER_VERB_TOOL = /(?:^|_)(kubectl|oc|helm)_([a-z]{2,16})$/i;

/**
 * `{resourceType: "namespace", name: "prod"}` to `kubectl_delete` is
 * `kubectl delete namespace prod`; `{release, namespace}` to
 * `helm_uninstall` is `helm uninstall RELEASE -n NS`.
 */
function clusterVerbCommand(
  rec: Record<string, unknown>,
  tool: string,
): string | null {
  const m = CLUSTER_VERB_TOOL.exec(tool);
  return m ? clusterCommand(rec, m[1].toLowerCase(), m[2].toLowerCase()) : null;
}

/** `program verb KIND NAME -n NS …` from a cluster tool's resource fields, or null when it names none. */
function clusterCommand(
  rec: Record<string, unknown>,
  program: string,
  verb: string,
): string | null {
  const pick = (...keys: string[]) =>
    keys.map((k) => rec[k]).find((v) => typeof v === "string") as
      | string
      | undefined;
  const kind = pick(
    "resourceType",
    "resource_type",
    "kind",
    "resource",
    "type",
  );
  const name = pick(
    "name",
    "resourceName",
    "resource_name",
    "release",
    "releaseName",
  );
  const ns = pick("namespace", "ns");
  const cmd = [program, verb];
  if (kind !== undefined) cmd.push(kind);
  if (name !== undefined) cmd.push(name);
  if (rec.all === true) cmd.push("--all");
  if (ns !== undefined) cmd.push("-n", ns);
  if (rec.allNamespaces === true || rec.all_namespaces === true) cmd.push("-A");
  if (rec.force === true) cmd.push("--force");
  return cmd.length > 2 ? joinArgv(cmd) : null;
}

/** PascalCase or camelCase API operation names as CLI words: `StopLogging` → `stop-logging`. */
function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/_/g, "-")
    .toLowerCase();
}

/**
 * A provider API call as the command line that makes it:
 * `{service: "cloudtrail", operation: "StopLogging", parameters: {Name: "t"}}`
 * to an AWS tool is `aws cloudtrail stop-logging --name t`;
 * `{method: "DELETE", path: "/zones/Z"}` to a Cloudflare tool, or
 * `{method, url}` to any tool, is `curl -X DELETE URL`.
 */
function apiCall(rec: Record<string, unknown>, name: string): string | null {
  const op = rec.operation ?? rec.action ?? rec.api ?? rec.command;
  if (
    /(?:^|_)aws(?:_|$)/i.test(name) && typeof rec.service === "string" &&
    typeof op === "string" && /^[A-Za-z][\w-]{0,63}$/.test(op) &&
    /^[a-z][\w-]{0,63}$/i.test(rec.service)
  ) {
    const params = asRecord(rec.parameters ?? rec.params ?? rec.input ?? {});
    const opts = Object.entries(params).slice(0, 32).flatMap(([k, v]) =>
      typeof v === "string" || typeof v === "number" || typeof v === "boolean"
        ? [`--${kebab(k)}`, String(v)]
        : []
    );
    const svc = rec.service.toLowerCase();
    const cmd = kebab(op);
    // {service: "s3", operation: "DeleteBucket"}: the API call is s3api's (s3 has only cp, rb, sync…).
    const api = svc === "s3" && !S3_HIGH_LEVEL.has(cmd) ? "s3api" : svc;
    return joinArgv(["aws", api, cmd, ...opts]);
  }
  const method = rec.method ?? rec.http_method ?? rec.httpMethod ?? rec.verb;
  if (typeof method !== "string" || !/^[A-Za-z]{3,7}$/.test(method)) {
    return null;
  }
  let url = [rec.url, rec.uri, rec.endpoint, rec.path].find((x) =>
    typeof x === "string"
  ) as string | undefined;
  if (url === undefined) return null;
  if (url.startsWith("/")) {
    const base = API_BASES.find(([re]) => re.test(name));
    if (!base) return null;
    url = base[1] + url;
  }
  if (!/^https?:\/\//i.test(url)) return null;
  return joinArgv(["curl", "-X", method.toUpperCase(), url]);
}

/**
 * The runs, writes, deletes and moves an MCP call asks for. Looks at every
 * object in the arguments (nested steps too), bounded in depth and count.
 */
export function mcpEffects(
  tool: string,
  args: unknown,
  server = "",
): McpEffect[] {
  const out: McpEffect[] = [];
  const stdinTool = STDIN_TOOL.test(server + "__" + tool);
  const runTool = RUN_TOOL.test(tool);
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || out.length > 64) return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 256)) visit(x, depth + 1);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const rec = v as Record<string, unknown>;
    const keys = Object.keys(rec);
    let program: string | null = null;
    let argv: unknown[] | null = null;
    let code: string | null = null;
    let lang = "";
    let from: string | null = null;
    let to: string | null = null;
    let path: string | null = null;
    const content: string[] = [];
    for (const k of keys) {
      const val = rec[k];
      if (ARGS_KEYS.test(k) && Array.isArray(val)) argv = val;
      if (PROGRAM_KEYS.test(k) && typeof val === "string") program = val;
      if (
        /^(language|lang|runtime|interpreter)$/i.test(k) &&
        typeof val === "string"
      ) {
        lang = val;
      }
      if (CODE_KEYS.test(k) && typeof val === "string") code = val;
      if (FROM_KEYS.test(k) && typeof val === "string") from = val;
      if (TO_KEYS.test(k) && typeof val === "string") to = val;
      if (PATH_KEYS.test(k) && typeof val === "string") path = val;
      if (CONTENT_KEYS.test(k)) content.push(...stringsOf(val));
      if (/^edits$/i.test(k) && Array.isArray(val)) {
        for (const e of val.slice(0, 256)) {
          const r = asRecord(e);
          content.push(
            ...stringsOf(
              r.newText ?? r.new_string ?? r.new_text ?? r.replacement,
            ),
          );
        }
      }
    }
    const runsBefore = out.length;
    for (const k of keys) {
      const val = rec[k];
      if (
        RUN_KEYS.test(k) &&
        !(program !== null && argv !== null && PROGRAM_KEYS.test(k))
      ) {
        if (typeof val === "string") out.push({ kind: "run", command: val });
        else if (
          Array.isArray(val) && val.every((x) => typeof x === "string")
        ) {
          out.push({ kind: "run", command: joinArgv(val) });
          // ["cd ~", "rm -rf ./*"]: a list of lines run one after another, as a CI step's script.
          if (
            /^(commands|cmds|scripts?)$/i.test(k) &&
            val.some((x) => /\s/.test(x))
          ) {
            out.push({ kind: "run", command: val.slice(0, 256).join("\n") });
          }
        }
      }
      if (
        stdinTool && /^(input|text|keys|data|chars)$/i.test(k) &&
        typeof val === "string"
      ) {
        out.push({ kind: "run", command: val });
      } else if (
        runTool && typeof val === "string" && val.length <= 4096 &&
        !RUN_KEYS.test(k) && !PROSE_KEYS.test(k) && !dataKey(k) &&
        COMMAND_SHAPE.test(val)
      ) {
        // {options: {pre: "rm -rf ~/*"}} to a tool that runs tasks: a step under any name.
        out.push({ kind: "run", command: val });
      }
    }
    const named = PROGRAM_TOOL.exec(server + "__" + tool)?.[1].toLowerCase();
    let argText = keys.filter((k) => ARGS_KEYS.test(k)).map((k) => rec[k])
      .find((x) => typeof x === "string") as string | undefined;
    const sub = keys.filter((k) => SUB_KEYS.test(k)).map((k) => rec[k])
      .find((x) => typeof x === "string") as string | undefined;
    if (named && sub !== undefined && /^[\w:-]{1,64}$/.test(sub)) {
      // {subcommand: "destroy", flags: ["-auto-approve"]} to mcp__terraform__run.
      const rest = argv !== null
        ? joinArgv(argv.filter((x) => typeof x === "string"))
        : argText ?? "";
      argText = `${sub} ${rest}`;
      argv = null;
    }
    if (program === null && named && (argv !== null || argText)) {
      // {args: ["delete", "ns", "production"]} to mcp__kubernetes__kubectl.
      const rest = argv !== null
        ? joinArgv(argv.filter((x) => typeof x === "string"))
        : argText ?? "";
      const words = rest.trimStart().split(/\s/, 1)[0].toLowerCase();
      out.push({
        kind: "run",
        command: words === named ? rest : `${named} ${rest}`,
      });
    }
    const verbed = clusterVerbCommand(rec, tool);
    if (verbed !== null) out.push({ kind: "run", command: verbed });
    const forge = forgeCommand(rec, tool, server);
    if (forge !== null) out.push({ kind: "run", command: forge });
    const redis = redisCommand(rec, tool, server + "__" + tool);
    if (redis !== null) out.push({ kind: "run", command: redis });
    const api = apiCall(rec, server + "__" + tool);
    if (api !== null) out.push({ kind: "run", command: api });
    const spec = containerSpecCommand(rec, server + "__" + tool);
    if (spec !== null) out.push({ kind: "run", command: spec });
    if (KILL_TOOL.test(tool)) {
      const name = rec.name ?? rec.process_name ?? rec.processName ??
        rec.pattern ?? rec.process;
      const pid = rec.pid ?? rec.process_id ?? rec.processId;
      if (typeof name === "string") {
        out.push({ kind: "run", command: joinArgv(["pkill", name]) });
      } else if (typeof pid === "string" || typeof pid === "number") {
        out.push({ kind: "run", command: joinArgv(["kill", String(pid)]) });
      }
    }
    if (GIT_PUSH_TOOL.test(tool) && /git/i.test(server + "__" + tool)) {
      const remote = typeof rec.remote === "string" ? rec.remote : "origin";
      const ref = [rec.refspec, rec.branch, rec.ref].find((x) =>
        typeof x === "string"
      ) as string | undefined;
      const force = rec.force === true || rec.force_push === true;
      const del = rec.delete === true;
      const cmd = ["git", "push"];
      if (force) cmd.push("--force");
      if (del) cmd.push("--delete");
      if (rec.all === true) cmd.push("--all");
      if (rec.mirror === true) cmd.push("--mirror");
      cmd.push(remote);
      if (ref) cmd.push(ref);
      out.push({ kind: "run", command: joinArgv(cmd) });
    }
    // {program: "xargs", args: [...], stdin: "/home/u"}: the text is what it reads.
    const fed = typeof rec.stdin === "string" && rec.stdin.length <= 65_536
      ? ` <<< ${joinArgv([rec.stdin])}`
      : "";
    if (program !== null && argv !== null) {
      out.push({ kind: "run", command: joinArgv([program, ...argv]) + fed });
    } else if (program !== null && argText !== undefined) {
      // {executable: "/bin/rm", arguments: "-rf /"}: the arguments as one line.
      out.push({ kind: "run", command: `${joinArgv([program])} ${argText}` });
    } else if (
      argv !== null && RUN_TOOL.test(server + "__" + tool) && argv.length > 0 &&
      argv.every((x) => typeof x === "string")
    ) {
      // {args: ["rm", "-rf", "/home/u"]} to a tool that runs things: the argv is the command.
      out.push({ kind: "run", command: joinArgv(argv as string[]) });
    }
    // {command: "git fetch", env: {GIT_SSH_COMMAND: "…"}}: the variables prefix the command.
    const env = asRecord(rec.env ?? rec.environment ?? rec.envVars);
    const prefix = Object.entries(env).filter(([n, v]) =>
      /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(n) && typeof v === "string"
    ).slice(0, 32).map(([n, v]) => `${n}=${joinArgv([v])}`).join(" ");
    if (prefix) {
      for (let k = runsBefore; k < out.length; k++) {
        const e = out[k];
        if (e.kind === "run") {
          out[k] = { kind: "run", command: `${prefix} ${e.command}` };
        }
      }
    }
    if (
      code !== null &&
      (lang || /exec|run|eval|code|python|node|repl/i.test(tool))
    ) {
      out.push({
        kind: "run",
        command: codeCommand(code, lang || toolLanguage(server + "__" + tool)),
      });
    }
    const extract = EXTRACT_TOOL.test(tool) ? unpackCommand(rec) : null;
    if (extract !== null) out.push({ kind: "run", command: extract });
    const sqlite = sqliteCommand(rec);
    if (sqlite !== null) out.push({ kind: "run", command: sqlite });
    if (extract !== null) {
      // the archive and its target are judged as the unpacking above
    } else if (from !== null && to !== null) {
      out.push({ kind: "move", from, to, move: !COPY_TOOL.test(tool) });
    } else if (to !== null && WRITE_TOOL.test(tool)) {
      out.push({
        kind: "write",
        path: to,
        content: content.join("\n") || null,
      });
    }
    const mode = rec.mode ?? rec.permissions ?? rec.owner ?? rec.user;
    if (
      path !== null && /chmod|chown|permission|set_?mode|owner/i.test(tool) &&
      (typeof mode === "string" || typeof mode === "number")
    ) {
      // {path, mode, recursive}: what chmod -R / chown -R would do.
      const cmd = /chown|owner/i.test(tool) ? "chown" : "chmod";
      const r = rec.recursive === true ? " -R" : "";
      out.push({
        kind: "run",
        command: `${cmd}${r} ${joinArgv([String(mode), path])}`,
      });
    }
    if (
      path === null && to !== null && from === null && DELETE_TOOL.test(tool)
    ) {
      // {target: "/home/u", recursive: true} to a delete tool.
      out.push({ kind: "delete", path: to });
    }
    if (path !== null) {
      if (DELETE_TOOL.test(tool)) out.push({ kind: "delete", path });
      else if (WRITE_TOOL.test(tool) || MOVE_TOOL.test(tool)) {
        out.push({ kind: "write", path, content: content.join("\n") || null });
      }
    }
    for (const k of keys) {
      const val = rec[k];
      if (val !== null && typeof val === "object") visit(val, depth + 1);
    }
  };
  visit(args, 0);
  return out;
}
