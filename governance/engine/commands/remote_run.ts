/**
 * Programs that run code they fetch from a URL in one step: `deno run -A
 * https://…` (with permissions that reach outside Deno's sandbox), `bun run
 * https://…`, `npx https://….tgz`, `npx github:x/y`, `pnpm|yarn dlx URL`,
 * `uv run https://….py`, `pipx run URL`, `uvx --from git+https://…`. What
 * runs is whatever the server sends that moment, unreviewed.
 *
 * Judgement calls: registry packages (`npx prettier`, `deno run -A
 * npm:create-vite`, `jsr:`), `go run pkg@version` (checksummed by the Go
 * sum database) and `deno run URL` without permissions (sandboxed) pass.
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";

/** Code addressed by URL or by a git host rather than by a registry name. */
const REMOTE_SPEC =
  /^(?:https?:\/\/|git\+[a-z]{2,8}:\/\/|git:\/\/|(?:github|gitlab|bitbucket|gist):[\w.-])/i;

/** A repository on a git host: `git+…` and `git://` specs, `github:` shorthands, a github/gitlab/bitbucket/codeberg repository URL. */
const GIT_HOST_SPEC =
  /^(?:git\+[a-z]{2,8}:\/\/|git:\/\/|(?:github|gitlab|bitbucket|gist):[\w.-])|^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\/[\w.-]{1,100}\/[\w.-]{1,100}\/?(?:#[\w./-]{0,100})?$/i;

/** Deno permissions that leave the sandbox (run programs, write files, load native code, everything). */
const DENO_WIDE =
  /^(?:-A|--allow-all|--allow-run(?:=.*)?|--allow-write(?:=.*)?|--allow-ffi(?:=.*)?|-[a-zA-Z]{0,6}A[a-zA-Z]{0,6})$/;

/** Deno options that take the next word as their value. */
const DENO_VALUES =
  /^(-c|--config|--import-map|--lock|--cert|--location|--seed|--env-file|--inspect-brk|--ext)$/;

const REVIEW = "download the code to a file, read it, then run the file";

function report(u: Unit, spec: string, st: State): void {
  st.out.matches.add(
    "download_then_execute",
    `${u.name} runs code fetched from ${
      spec.slice(0, 160)
    } as it is served, without review`,
    REVIEW,
  );
}

/** The unit's command word is a URL: a runner (npx, uv run, bunx) peeled off before it fetches and runs it. */
export function analyzeRemoteWord(u: Unit, st: State): void {
  if (u.cmd?.known && REMOTE_SPEC.test(u.cmd.text)) report(u, u.cmd.text, st);
}

/** Options of pip and the JavaScript package managers that take the next word as their value. */
const INSTALL_VALUES =
  /^(-r|--requirement|-c|--constraint|-e|--editable|-t|--target|-i|--index-url|--extra-index-url|-f|--find-links|--prefix|--root|--python|--registry|--cache|--cwd|--dir|--filter|-C|--workspace|-w)$/;

/** The package specs of `pip install`, `python -m pip install`, `uv pip install`, `npm|pnpm|yarn|bun install|add`; null when not an install. */
function installSpecs(u: Unit, t: string[]): string[] | null {
  let i: number;
  if (/^pip[0-9.]{0,6}$/.test(u.name) && t[0] === "install") i = 1;
  else if (
    /^python[0-9.]{0,6}$/.test(u.name) && t[0] === "-m" && t[1] === "pip" &&
    t[2] === "install"
  ) i = 3;
  else if (u.name === "uv" && t[0] === "pip" && t[1] === "install") i = 2;
  else if (
    /^(npm|pnpm|yarn|bun)$/.test(u.name) &&
    /^(install|i|add|in|isntall)$/.test(t[0] ?? "")
  ) i = 1;
  else if (u.name === "uv" && t[0] === "add") i = 1;
  else return null;
  const out: string[] = [];
  for (; i < t.length && out.length < 64; i++) {
    const x = t[i];
    if (INSTALL_VALUES.test(x)) {
      i++;
      continue;
    }
    if (x.startsWith("-")) continue;
    out.push(x);
  }
  return out;
}

/** deno / bun / pnpm / yarn / npm / pipx / uv / uvx subcommands that fetch and run a URL. */
export function analyzeRemoteRunner(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (u.name === "deno") {
    const from = t[0] === "run" ? 1 : 0;
    let wide = false;
    for (let i = from; i < t.length; i++) {
      const x = t[i];
      if (DENO_VALUES.test(x)) {
        i++;
        continue;
      }
      if (DENO_WIDE.test(x)) wide = true;
      if (x.startsWith("-")) continue;
      if (wide && /^https?:\/\//i.test(x)) report(u, x, st);
      return;
    }
    return;
  }
  const install = installSpecs(u, t);
  if (install !== null) {
    for (const x of install) {
      // pip install 'name @ https://…' names a package by its URL too.
      const at = /^[\w.[\],-]{1,128}\s{0,4}@\s{0,4}(\S{1,4096})$/.exec(x)?.[1];
      const spec = at ?? x;
      if (REMOTE_SPEC.test(spec)) {
        // Installing a repository from a git host is everyday work (a fork,
        // an unreleased fix): warned. A package archive served by any other
        // address stays a block.
        st.out.matches.add(
          GIT_HOST_SPEC.test(spec)
            ? "unreviewed_remote_code"
            : "download_then_execute",
          `${u.name} installs a package straight from ${
            spec.slice(0, 160)
          }: its build and install scripts run as they are served, without review`,
          "install from the package registry by name and version, or download the source, read it, then install the folder",
        );
        return;
      }
    }
    return;
  }
  // pnpm dlx, yarn dlx, npm exec and bun x are peeled like npx (wrappers.ts):
  // their URL is the command word, judged by analyzeRemoteWord.
  let words: string[] = [];
  if (u.name === "bun" && t[0] === "run") words = t.slice(1);
  else if (u.name === "bun") words = t;
  else if (
    u.name === "pipx" && t[0] === "run" ||
    u.name === "uv" && t[0] === "tool" && t[1] === "run"
  ) words = t.slice(t[0] === "tool" ? 2 : 1);
  else if (u.name === "uvx") words = t;
  else if (u.name === "npx" || u.name === "bunx" || u.name === "pnpx") {
    // npx -p URL cmd (the wrapper's own options; the command itself is judged apart).
    words = t.filter((x, i) =>
      x.startsWith("-") || /^(-p|--package)$/.test(t[i - 1] ?? "")
    );
  }
  for (let i = 0; i < words.length; i++) {
    const x = words[i];
    const v = /^--(?:from|spec|package)=(.*)$/.exec(x)?.[1] ??
      (/^(--from|--spec|--package|-p)$/.test(x) ? words[i + 1] : undefined);
    if (v !== undefined && REMOTE_SPEC.test(v)) return report(u, v, st);
    if (x === "--") continue;
    if (x.startsWith("-")) continue;
    if (REMOTE_SPEC.test(x)) report(u, x, st);
    return;
  }
}
