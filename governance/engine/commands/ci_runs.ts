/**
 * Files whose commands run on another machine or in a container at the
 * next routine step: CI pipelines (GitHub Actions `run:` steps, GitLab
 * `script:`, CircleCI, Azure, Bitbucket, Drone, Travis, Buildkite, Woodpecker,
 * AppVeyor, Cloud Build), Dockerfile `RUN`/`CMD`/`ENTRYPOINT` and Compose
 * services (`command:`, `entrypoint:`). The commands are read here; the
 * caller judges them (see file_tools.ts): CI steps run on a runner, often a
 * self-hosted one with the user's keys, while a Dockerfile or Compose command
 * runs inside a container, where only what reaches outside it matters.
 *
 * @module
 */

/** CI pipeline files. */
const CI_FILE =
  /(?:^|\/)(?:\.github\/workflows\/[^/]{1,200}\.ya?ml|action\.ya?ml|\.gitlab-ci\.ya?ml|\.gitlab\/ci\/[^/]{1,200}\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|\.travis\.ya?ml|\.woodpecker\.ya?ml|\.woodpecker\/[^/]{1,200}\.ya?ml|\.buildkite\/[^/]{1,200}\.ya?ml|appveyor\.ya?ml|cloudbuild\.ya?ml)$/;
/** Dockerfiles and Containerfiles (`Dockerfile`, `api.Dockerfile`, `Dockerfile.dev`). */
const DOCKERFILE =
  /(?:^|\/)(?:[^/]{1,200}\.)?(?:Dockerfile|Containerfile)(?:\.[^/]{1,64})?$/;
/** Compose files. */
const COMPOSE =
  /(?:^|\/)(?:docker-)?compose(?:\.[^/]{1,64})?\.ya?ml$|(?:^|\/)(?:podman-)?compose\.ya?ml$/;

/** Largest file text read here (UTF-16 units). */
const MAX_TEXT = 200_000;
/** At most this many commands are taken from one file. */
const MAX_COMMANDS = 64;
/** At most this many lines are read from one file. */
const MAX_LINES = 20_000;

/** Keys whose value is a shell command (or a list of them) in CI files. */
const CI_KEY =
  /^([ \t]{0,64})(?:-[ \t]{1,8})?(run|script|before_script|after_script|pre_script|commands?|entrypoint|install|before_install|after_success|after_failure|before_deploy|deploy_script|bash|sh|pwsh|powershell|inlineScript|cmd|build_script|test_script)[ \t]{0,8}:(?:[ \t]{1,8}(.{0,4096}))?$/;

/** Which kind of file `p` is, for {@link containerRunCommands} and {@link ciRunCommands}. */
export function ciFileKind(p: string): "ci" | "dockerfile" | "compose" | null {
  if (CI_FILE.test(p)) return "ci";
  if (DOCKERFILE.test(p)) return "dockerfile";
  if (COMPOSE.test(p)) return "compose";
  return null;
}

function indentOf(line: string): number {
  return /^[ \t]{0,256}/.exec(line)![0].length;
}

/** A YAML scalar without its quotes ('' in single quotes is one '). */
function unquote(v: string): string {
  const s = v.trim();
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) {
    return s.slice(1, -1).replace(/''/g, "'");
  }
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    try {
      return JSON.parse(s);
    } catch {
      return s.slice(1, -1);
    }
  }
  return s.replace(/[ \t]#.{0,4096}$/, "");
}

function quote(s: string): string {
  return /^[\w@%+=:,./~-]{1,4096}$/.test(s)
    ? s
    : "'" + s.replace(/'/g, "'\\''") + "'";
}

/** A flow list (`["sh", "-c", "x"]`) as one shell line, or null when it is no list. */
function flowList(v: string): string | null {
  const s = v.trim();
  if (!s.startsWith("[") || !s.endsWith("]")) return null;
  try {
    const a = JSON.parse(s);
    if (Array.isArray(a)) return a.map((x) => quote(String(x))).join(" ");
  } catch {
    // YAML's own quoting: split on commas outside quotes.
  }
  const items =
    s.slice(1, -1).match(/'(?:[^']|'')*'|"(?:\\.|[^"\\])*"|[^,]+/g) ?? [];
  return items.map((x) => quote(unquote(x))).join(" ");
}

interface Block {
  /** The value's lines (block scalar or list items). */
  lines: string[];
  /** Index of the first line after the block. */
  next: number;
  folded: boolean;
  list: boolean;
}

/** The lines that belong to a key at `indent` whose value starts on the next line. */
function blockAfter(
  lines: string[],
  i: number,
  indent: number,
  v: string,
): Block {
  const scalar = /^[|>][+-]?[0-9]?$/.test(v);
  const out: string[] = [];
  let j = i + 1;
  for (; j < lines.length && j < MAX_LINES; j++) {
    const l = lines[j];
    if (l.trim() === "") {
      if (scalar) out.push("");
      continue;
    }
    const ind = indentOf(l);
    if (scalar) {
      if (ind <= indent) break;
      out.push(l.slice(ind));
    } else {
      // A list may sit at the key's own indent (`script:\n- a`).
      const item = /^[ \t]{0,256}-[ \t]{1,8}(.{1,4096})$/.exec(l);
      if (item && ind >= indent) out.push(item[1]);
      else if (ind > indent && out.length) {
        out[out.length - 1] += " " + l.trim();
      } else break;
    }
  }
  return { lines: out, next: j, folded: v.startsWith(">"), list: !scalar };
}

/** Commands of a CI pipeline: `run:`/`script:` values, their block scalars and lists. */
export function ciRunCommands(text: string): string[] {
  if (text.length > MAX_TEXT) return [];
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length && i < MAX_LINES; i++) {
    if (out.length >= MAX_COMMANDS) break;
    const m = CI_KEY.exec(lines[i].replace(/\r$/, ""));
    if (!m) continue;
    const indent = m[1].length + (/^[ \t]{0,64}-/.test(lines[i]) ? 2 : 0);
    const v = (m[3] ?? "").trim();
    if (v === "" || /^[|>][+-]?[0-9]?$/.test(v)) {
      const b = blockAfter(lines, i, indent, v);
      if (b.list) {
        for (const item of b.lines) {
          const it = item.trim();
          // `- checkout`, `- name: x` are steps, not commands, under some keys.
          if (/^[\w.-]{1,64}:(\s|$)/.test(it)) continue;
          out.push(flowList(it) ?? unquote(it));
        }
      } else out.push(b.lines.join(b.folded ? " " : "\n"));
      i = b.next - 1;
      continue;
    }
    out.push(flowList(v) ?? unquote(v));
  }
  return out.filter((c) => c.trim() !== "").slice(0, MAX_COMMANDS);
}

/** Dockerfile RUN, CMD and ENTRYPOINT commands (continuations joined, heredocs read). */
export function dockerfileCommands(text: string): string[] {
  if (text.length > MAX_TEXT) return [];
  const lines = text.split("\n").slice(0, MAX_LINES).map((l) =>
    l.replace(/\r$/, "")
  );
  const out: string[] = [];
  for (let i = 0; i < lines.length && out.length < MAX_COMMANDS; i++) {
    const head = /^[ \t]{0,64}(RUN|CMD|ENTRYPOINT)[ \t]{1,16}(.{0,8192})$/i
      .exec(lines[i]);
    if (!head) continue;
    let body = head[2];
    while (body.endsWith("\\") && i + 1 < lines.length) {
      body = body.slice(0, -1) + " " +
        lines[++i].replace(/^[ \t]{0,256}#.{0,8192}$/, "");
    }
    // RUN's own options (--mount=…, --network=…) come before the command.
    body = body.replace(/^(?:--[\w-]{1,32}=\S{0,1024}[ \t]{1,16}){1,16}/, "");
    const doc = /<<-?[ \t]{0,4}["']?(\w{1,32})["']?/.exec(body);
    if (doc) {
      const end = doc[1];
      const docLines: string[] = [];
      while (i + 1 < lines.length && lines[i + 1].trim() !== end) {
        docLines.push(lines[++i]);
      }
      i++;
      const before = body.slice(0, doc.index).trim();
      out.push(
        before
          ? `${body}\n${docLines.join("\n")}\n${end}`
          : docLines.join("\n"),
      );
      continue;
    }
    out.push(flowList(body) ?? body);
  }
  return out;
}

interface Service {
  entrypoint: string;
  command: string;
}

/** One Compose field's value: a scalar, a flow list or a block list, as shell words. */
function fieldValue(lines: string[], i: number, indent: number, v: string): {
  text: string;
  items: string[];
  next: number;
} {
  if (v !== "" && !/^[|>][+-]?[0-9]?$/.test(v)) {
    const flow = flowList(v);
    return { text: flow ?? unquote(v), items: [unquote(v)], next: i + 1 };
  }
  const b = blockAfter(lines, i, indent, v);
  if (!b.list) return { text: b.lines.join(" "), items: [], next: b.next };
  const items = b.lines.map(unquote);
  return { text: items.map(quote).join(" "), items, next: b.next };
}

/**
 * Each Compose service's entry point and command, as the shell line they
 * amount to. (What a service is given of the host, its mounts and
 * privileges, is judged by spec_write.ts.)
 */
export function composeCommands(text: string): string[] {
  if (text.length > MAX_TEXT) return [];
  const lines = text.split("\n").slice(0, MAX_LINES).map((l) =>
    l.replace(/\r$/, "")
  );
  const services: Service[] = [];
  let svcIndent = -1;
  let cur: Service | null = null;
  let inServices = false;
  for (let i = 0; i < lines.length;) {
    const l = lines[i];
    if (l.trim() === "" || l.trim().startsWith("#")) {
      i++;
      continue;
    }
    const ind = indentOf(l);
    if (ind === 0) {
      inServices = /^services[ \t]{0,8}:/.test(l);
      cur = null;
      svcIndent = -1;
      i++;
      continue;
    }
    if (!inServices) {
      i++;
      continue;
    }
    if (svcIndent < 0) svcIndent = ind;
    if (ind === svcIndent) {
      cur = { entrypoint: "", command: "" };
      services.push(cur);
      i++;
      continue;
    }
    const f = /^[ \t]{1,256}([\w-]{1,64})[ \t]{0,8}:(?:[ \t]{1,8}(.{0,8192}))?$/
      .exec(l);
    if (!cur || !f || services.length > MAX_COMMANDS) {
      i++;
      continue;
    }
    const key = f[1];
    const v = (f[2] ?? "").trim();
    if (key !== "command" && key !== "entrypoint") {
      i++;
      continue;
    }
    const val = fieldValue(lines, i, ind, v);
    i = Math.max(val.next, i + 1);
    cur[key] = val.text;
  }
  return services.map((s) =>
    [s.entrypoint, s.command].filter(Boolean).join(" ")
  )
    .filter((c) => c !== "");
}
