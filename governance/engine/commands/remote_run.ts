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
