/**
 * Creating a container through the container engine's HTTP API instead of
 * its CLI: `curl --unix-socket /var/run/docker.sock -d '{…"Binds":["/:/h"]…}'
 * http://localhost/containers/create`, the same to a daemon on TCP (port
 * 2375), podman's `libpod/containers/create`, or a raw request piped into
 * `socat`/`nc -U` on the socket. The request body is judged like `docker run`
 * options: host folders bound in, privileged mode, the host's process
 * namespace, host-level capabilities. A body the guard cannot see (`-d
 * @spec.json` not written on this line) counts as the worst case.
 *
 * Judgement calls: listing (`/containers/json`, `/info`), starting an
 * existing container, exec into one (the same as `docker exec`) and creating
 * a container with no host binds pass.
 *
 * @module
 */

import { isVitalHostPath } from "./container.ts";
import { credentialOf, resolvePath } from "./paths.ts";
import { fileText, pipeInput } from "./shell_input.ts";
import type { State, Unit } from "./unit.ts";
import type { Pipe } from "./pipe.ts";

/** The create endpoint of the Docker and Podman APIs (any version prefix). */
const CREATE_PATH =
  /^(?:[a-z]{2,8}:\/\/[^/\s]{1,255})?\/(?:v\d{1,2}(?:\.\d{1,3}){0,2}\/)?(?:libpod\/)?containers\/create(?:[?#\s]|$)/i;
/** The same inside a raw HTTP request line. */
const CREATE_LINE =
  /\bPOST\s{1,4}(\/(?:v\d{1,2}(?:\.\d{1,3}){0,2}\/)?(?:libpod\/)?containers\/create)\b/i;
const PRIVILEGED =
  /"Privileged"\s{0,4}:\s{0,4}true|"privileged"\s{0,4}:\s{0,4}true|"PidMode"\s{0,4}:\s{0,4}"host"|"CapAdd"\s{0,4}:\s{0,4}\[[^\]]{0,512}"(?:CAP_)?(?:ALL|SYS_ADMIN|SYS_MODULE|SYS_PTRACE|SYS_RAWIO|DAC_READ_SEARCH)"/;
/** Host sources of binds: `"Binds":["/src:/dst"]` items and `"Source":"/src"` of mounts. */
const BIND_LIST = /"Binds"\s{0,4}:\s{0,4}\[([^\]]{0,8192})\]/g;
const SOURCE_KEY = /"(?:Source|source|src)"\s{0,4}:\s{0,4}"([^"]{1,4096})"/g;

/** What about a create body hands the container the host, or null. */
function bodyThreat(body: string, st: State): string | null {
  if (PRIVILEGED.test(body)) {
    return "privileged access to the host (Privileged, PidMode host or a host-level capability)";
  }
  const sources: string[] = [];
  for (const m of body.matchAll(BIND_LIST)) {
    for (const item of m[1].matchAll(/"([^"]{1,4096})"/g)) {
      sources.push(item[1].split(":")[0]);
    }
  }
  for (const m of body.matchAll(SOURCE_KEY)) sources.push(m[1]);
  for (const src of sources.slice(0, 64)) {
    if (!/^[/~]/.test(src)) continue;
    const p = resolvePath(src, st.cwd, st.ctx.home);
    if (p === null) continue;
    if (
      isVitalHostPath(p) || p === st.ctx.home ||
      credentialOf(p, st.ctx.home, true)
    ) return `the host folder ${p} bound into it`;
  }
  return null;
}

function report(u: Unit, what: string, st: State): void {
  st.out.matches.add(
    "container_host_escape",
    `${u.name} creates a container through the engine's API with ${what}: whoever runs in it controls the host as root`,
    "create containers with the docker CLI and mount only the project folder",
  );
}

/** curl (URL and -d/--data/--json body), socat and nc (a raw request on stdin). */
export function analyzeEngineApi(u: Unit, st: State, pipe: Pipe): void {
  const t = u.args.map((a) => a.text);
  if (u.name === "curl") {
    if (
      !t.some((x) =>
        CREATE_PATH.test(x) || /^--url=/.test(x) && CREATE_PATH.test(x.slice(6))
      )
    ) {
      return;
    }
    const bodies: (string | null)[] = [];
    for (let i = 0; i < t.length; i++) {
      const m =
        /^(?:-d|--data(?:-raw|-binary|-ascii|-urlencode)?|--json)(?:=(.*))?$/s
          .exec(t[i]);
      if (!m) continue;
      const v = m[1] ?? t[++i];
      const a = u.args[i];
      if (v === undefined) continue;
      if (!a?.known) bodies.push(null);
      else if (v.startsWith("@")) {
        bodies.push(
          v === "@-" ? pipeInput(u, pipe, st) : fileText(v.slice(1), st),
        );
      } else bodies.push(v);
    }
    for (const b of bodies) {
      const what = b === null
        ? "a specification the guard cannot see"
        : bodyThreat(b, st);
      if (what) return report(u, what, st);
    }
    return;
  }
  // socat - UNIX-CONNECT:/var/run/docker.sock, nc -U sock: the request comes on stdin.
  const text = pipeInput(u, pipe, st);
  if (text === null || !CREATE_LINE.test(text)) return;
  const what = bodyThreat(text.slice(text.search(/\r?\n\r?\n/) + 1), st);
  if (what) report(u, what, st);
}

/** Docker SDK clients (docker-py, dockerode) in interpreter code. */
const SDK =
  /\bdocker\.(?:from_env|DockerClient|APIClient)\b|\bnew\s{1,4}Docker\s{0,4}\(|dockerode/;
/** Host sources in SDK calls: `volumes={'/': …}`, `binds=['/:/h']`, `Binds: ['/:/h']`. */
const SDK_SOURCE =
  /\bvolumes\s{0,4}[=:]\s{0,4}\{\s{0,4}["']([/~][^"']{0,1024})["']|\b[Bb]inds\s{0,4}[=:]\s{0,4}\[\s{0,4}["']([/~][^"':]{0,1024}):/g;
const SDK_PRIVILEGED =
  /\b[Pp]rivileged\s{0,4}[=:]\s{0,4}(?:True|true)\b|pid_mode\s{0,4}=\s{0,4}["']host/;

/** Interpreter code that starts a container through the Docker SDK with host binds or privileges. */
export function judgeDockerSdk(src: string, st: State, via: string): void {
  if (CREATE_LINE.test(src)) {
    // A raw request written by the code (a socket to docker.sock, port 2375).
    const raw = bodyThreat(src.replace(/\\"/g, '"'), st);
    if (raw) {
      st.out.matches.add(
        "container_host_escape",
        `${via} sends the engine a container-create request with ${raw}: whoever runs in it controls the host as root`,
        "create containers with the docker CLI and mount only the project folder",
      );
      return;
    }
  }
  if (!SDK.test(src)) return;
  let what: string | null = SDK_PRIVILEGED.test(src)
    ? "privileged access to the host"
    : null;
  let n = 0;
  for (const m of src.matchAll(SDK_SOURCE)) {
    if (what || n++ > 32) break;
    what = bodyThreat(`"Binds":["${(m[1] ?? m[2]).replace(/"/g, "")}:/x"]`, st);
  }
  if (!what) return;
  st.out.matches.add(
    "container_host_escape",
    `${via} starts a container through the Docker SDK with ${what}: whoever runs in it controls the host as root`,
    "mount only the project folder into containers",
  );
}
