/**
 * Pushing the repository to a place the same command line just chose: a
 * remote added (`git remote add x URL && git push x`), re-pointed
 * (`remote set-url`, `config remote.NAME.url`) or swapped in for a removed
 * or renamed origin, and whole-repository pushes (`--mirror`, `--all`,
 * `--tags`) to a URL typed on the line. That copies the code to a host
 * nobody reviewed: exfiltration unless the user asked for it.
 *
 * Judgement calls: `git remote add origin URL && git push -u origin main`
 * (the first push of a new repository, as hosting sites print it) passes
 * when no origin was removed or renamed before; `git push`, `git push
 * origin main` and pushing one branch to a URL pass.
 *
 * @module
 */

import { resolvePath } from "./paths.ts";
import type { Out, State, Unit } from "./unit.ts";

/** Remotes chosen earlier on this command line, with the URL they got. */
interface Remotes {
  /** Added under a new name (or under a name freed on this line). */
  fresh: Map<string, string>;
  /** Existing remotes given another URL. */
  repointed: Map<string, string>;
  /** Names removed or renamed away. */
  dropped: Set<string>;
}

const LINES = new WeakMap<Out, Remotes>();

function remotesOf(st: State): Remotes {
  let r = LINES.get(st.out);
  if (!r) {
    LINES.set(
      st.out,
      r = { fresh: new Map(), repointed: new Map(), dropped: new Set() },
    );
  }
  return r;
}

const GIT_VALUE_OPTS =
  /^(-C|-c|--git-dir|--work-tree|--namespace|--exec-path|--config-env)$/;
/** Options of `git push` that take the next word as their value. */
const PUSH_VALUE_OPTS = /^(-o|--push-option|--receive-pack|--exec|--repo)$/;
/** A remote written as a URL or scp-like address rather than a name. */
const URL_LIKE =
  /^[a-z][a-z0-9+.-]{0,15}:\/\/|^[\w.-]{1,64}@[\w.-]{1,253}:|\.git\/?$|^\//i;

function positionals(words: string[], values: RegExp): string[] {
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    if (values.test(words[k])) k++;
    else if (!words[k].startsWith("-")) out.push(words[k]);
  }
  return out;
}

/** git remote add / set-url / remove / rename, git config remote.X.url, and git push to what they chose. */
export function analyzeGitRemote(u: Unit, st: State): void {
  let i = 0;
  while (i < u.args.length && u.args[i].text.startsWith("-")) {
    // git -c remote.NAME.url=URL push NAME: the remote re-pointed for this one command.
    const c = u.args[i].text === "-c"
      ? /^remote\.(.{1,64})\.(?:push)?url=(.{1,4096})$/i.exec(
        u.args[i + 1]?.text ?? "",
      )
      : null;
    if (c) remotesOf(st).repointed.set(c[1], c[2]);
    i += GIT_VALUE_OPTS.test(u.args[i].text) ? 2 : 1;
  }
  const sub = u.args[i]?.text;
  const rest = u.args.slice(i + 1).map((a) => a.text);
  if (sub === "remote") {
    const pos = positionals(rest, /^(-t|-m|--track|--master)$/);
    const r = remotesOf(st);
    const [action, name, url] = pos;
    if (!name) return;
    if (action === "add" && url) {
      if (name !== "origin" || r.dropped.has(name)) r.fresh.set(name, url);
    } else if (action === "set-url" && (url || pos[2])) {
      r.repointed.set(name, pos[pos.length - 1]);
    } else if (action === "remove" || action === "rm" || action === "rename") {
      r.dropped.add(name);
      r.fresh.delete(name);
    }
    return;
  }
  if (sub === "config") {
    const pos = positionals(rest, /^(-f|--file|--type|--default)$/);
    const m = /^remote\.(.{1,64})\.(url|pushurl)$/i.exec(pos[0] ?? "");
    if (m && pos[1]) remotesOf(st).repointed.set(m[1], pos[1]);
    return;
  }
  if (sub === "bundle" && rest[0] === "create") {
    // git bundle create F --all: F holds every branch and its history.
    const f = positionals(rest.slice(1), /^--(?:progress|quiet)$/)[0];
    if (f && rest.some((x) => /^--(all|mirror|branches)$/.test(x))) {
      const p = resolvePath(f, st.cwd, st.ctx.home);
      if (p) st.out.sensitive.set(p, "repo");
    }
    return;
  }
  if (sub !== "push") return;
  const whole = rest.some((x) => /^--(mirror|all|tags|branches)$/.test(x));
  const repo = rest.find((x) => x.startsWith("--repo="))?.slice(7);
  const target = repo ?? positionals(rest, PUSH_VALUE_OPTS)[0] ?? "";
  const r = LINES.get(st.out);
  const chosen = r?.fresh.get(target) ??
    r?.repointed.get(target || "origin") ?? null;
  let why: string | null = null;
  if (chosen !== null) {
    why = `git push sends the repository to ${
      target || "origin"
    }, which this command just pointed at ${chosen.slice(0, 120)}`;
  } else if (whole && (URL_LIKE.test(target) || /^\$/.test(target))) {
    why = `git push ${
      rest.find((x) => x.startsWith("--"))
    } copies every branch of the repository to ${target.slice(0, 120)}`;
  }
  if (why === null) return;
  st.out.matches.add(
    "repo_exfiltration",
    `${why}: a copy of the code on a host nobody reviewed`,
    "push to the repository's existing remote, or ask the user to add the new remote and push themselves",
  );
}

/** gh repo edit --visibility public, gh api PATCH repos/X with visibility=public or private=false: the code goes public. */
export function analyzeGhVisibility(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const edit = t[0] === "repo" && t[1] === "edit" &&
    t.some((x, i) =>
      x === "--visibility=public" ||
      x === "--visibility" && t[i + 1] === "public"
    );
  const api = t[0] === "api" &&
    t.some((x) => /^repos\/[^/\s]{1,100}\/[^/\s]{1,100}\/?$/.test(x)) &&
    t.some((x) => /^(visibility=public|private=false)$/.test(x));
  // gh repo create NAME --public --source=. [--push]: the local code published.
  const create = t[0] === "repo" && t[1] === "create" &&
    t.includes("--public") &&
    t.some((x) => /^--(source|push)(=|$)/.test(x) || x === "-s");
  if (!edit && !api && !create) return;
  st.out.matches.add(
    "repo_exfiltration",
    `gh ${
      t.slice(0, 2).join(" ")
    } makes the repository public: its code and history are published for anyone`,
    "ask the user to change the repository's visibility themselves",
  );
}
