/**
 * Version control and infrastructure tools: git's history- and work-losing
 * commands (strict profile; force-pushing or deleting main on the remote
 * warns in standard), docker prune, kubectl bulk deletes, helm uninstall,
 * terraform destroy (these three warn in standard, block in strict), package
 * publishing. Cloud deletion lives in `cloud.ts`, containers in `container.ts`.
 *
 * @module
 */

import { addProdTeardown, fedByListing, prodWord } from "./prod_teardown.ts";
import { litArg, type State, type Unit } from "./unit.ts";
import { commandsIn } from "./ast_scan.ts";
import { placeOf, resolvePath } from "./paths.ts";
import { judgeDelete } from "./rm.ts";
import { judgeWorkspaceGone } from "./workspace_gone.ts";
import { GIT_EXEC_KEY, gitValueRuns } from "./git_config_runs.ts";

const GIT_VALUE_OPTS =
  /^(-C|-c|--git-dir|--work-tree|--namespace|--exec-path|--config-env|--super-prefix)$/;
const PROTECTED =
  /^(main|master|trunk|production|prod|release([/-].{0,64})?|develop)$/;

/** The folder a git command works in: the last `-C DIR` (relative to the one before), else the current folder; null when unknown. */
function gitDir(u: Unit, st: State): string | null {
  let dir: string | null = st.cwd;
  for (let i = 0; i + 1 < u.args.length; i++) {
    const a = u.args[i].text;
    if (!a.startsWith("-")) break;
    if (a === "-C") {
      const t = u.args[i + 1];
      if (!t.known) return null;
      dir = resolvePath(t.text, dir, st.ctx.home);
      i++;
    } else if (GIT_VALUE_OPTS.test(a)) i++;
  }
  return dir;
}

/** git: destructive history and branch operations, and config keys that run programs. */
export function analyzeGit(u: Unit, st: State): void {
  const m = st.out.matches;
  let i = 0;
  while (i < u.args.length && u.args[i].text.startsWith("-")) {
    i += GIT_VALUE_OPTS.test(u.args[i].text) ? 2 : 1;
  }
  const sub = u.args[i]?.text;
  const rest = u.args.slice(i + 1).map((a) => a.text);
  const flag = (re: RegExp) => rest.some((x) => re.test(x));
  const shortHas = (c: string) =>
    rest.some((x) => /^-[a-zA-Z]{1,8}$/.test(x) && x.includes(c));
  switch (sub) {
    case "rm": {
      // git ls-files | xargs git rm: every tracked file deleted from disk too
      // (--cached keeps the files; git rm -rf . after checkout --orphan is routine).
      if (flag(/^--cached$/)) return;
      const targets = u.args.slice(i + 1).filter((a) =>
        !a.known || !a.text.startsWith("-")
      );
      const recursive = flag(/^-[a-zA-Z]{0,6}r/);
      judgeWorkspaceGone(targets, recursive, st, "git rm");
      return;
    }
    case "config": {
      // git config [--global|--system|--file f] KEY VALUE: a key that makes git run a program.
      const pos: string[] = [];
      for (let k = 0; k < rest.length; k++) {
        if (/^(-f|--file|--blob|--type|--default|--comment)$/.test(rest[k])) {
          k++;
        } else if (!rest[k].startsWith("-")) pos.push(rest[k]);
      }
      const key = (pos[0] ?? "").toLowerCase();
      if (pos.length >= 2 && gitValueRuns(key, pos[1])) {
        m.add(
          "autorun_write",
          `git config ${pos[0]} ${
            pos[1].slice(0, 60)
          } makes git run a program on later commands`,
          "show the user the setting and let them make it",
        );
      } else if (pos.length >= 2 && GIT_EXEC_KEY.test(key) && st.depth < 8) {
        // core.editor 'rm -rf ~ #': git runs the value through a shell later.
        st.out.shell(pos[1], { ...st, depth: st.depth + 1 });
      }
      return;
    }
    case "reset":
      if (flag(/^--hard$/)) {
        m.add(
          "git_reset_hard",
          `git reset --hard ${rest.filter((x) => !x.startsWith("-")).join(" ")}`
            .trim() + " destroys uncommitted changes for good (strict profile)",
          "commit or stash your changes first (git stash)",
        );
      }
      return;
    case "push": {
      const pos = rest.filter((x) => !x.startsWith("-"));
      const deleted = flag(/^(--delete|-d)$/)
        ? pos.slice(1)
        : pos.slice(1).filter((x) => /^:[^:]/.test(x)).map((x) => x.slice(1));
      const gone = deleted.map((x) => x.replace(/^refs\/heads\//, "")).find(
        (x) => PROTECTED.test(x),
      );
      // --delete $(git branch -r), or `… | xargs -I{} git push origin :{}`.
      const listed = (flag(/^(--delete|-d)$/) ||
        u.args.some((a) => a.text.startsWith(":") && a.subs.length > 0)) &&
        u.args.slice(i + 1).some((a) =>
          a.subs.slice(0, 8).some((s) =>
            commandsIn(s).some((c) =>
              (c.name === "git" &&
                c.args.some((x) =>
                  /^(branch|tag|for-each-ref|ls-remote|show-ref)$/.test(x)
                )) || c.name === "gh"
            )
          )
        );
      if (listed) {
        m.add(
          "git_remote_wipe",
          `git push ${
            rest.join(" ").slice(0, 100)
          } deletes every branch a listing returns on the remote ${
            pos[0] ?? ""
          }: the shared history is gone for everyone`,
          "delete the branches you mean, by name",
        );
      }
      if (gone) {
        const why = `git push ${
          rest.join(" ").slice(0, 100)
        } deletes the branch ${gone} on the remote ${
          pos[0] ?? ""
        }: everyone who works from it loses the shared branch`;
        const safer =
          "delete only your own feature branches; ask the user to remove or rename a protected branch";
        m.add("git_remote_delete_protected", why, safer);
        m.add(
          "git_remote_delete_protected_strict",
          why + " (strict profile)",
          safer,
        );
      }
      const lease = flag(/^--force-with-lease/);
      const force = flag(/^--force(=|$)|^--mirror$/) || shortHas("f") ||
        pos.some((x) => x.startsWith("+"));
      const wipes = pos.slice(1).find((x) =>
        /^:(refs\/(heads|tags)\/)?[^:]*\*/.test(x)
      );
      const toUrl = /[:/]/.test(pos[0] ?? "");
      const whole = !toUrl && flag(/^--mirror$/) ||
        (force && flag(/^--(all|branches)$/));
      if (wipes || whole) {
        m.add(
          "git_remote_wipe",
          `git push ${rest.join(" ").slice(0, 100)} ${
            wipes
              ? `deletes every branch or tag matching ${wipes.slice(1)}`
              : "overwrites every branch"
          } on the remote ${
            pos[0] ?? ""
          }, and deletes the ones that are not local: the shared history is gone for everyone`,
          "push the branches you changed, by name",
        );
      }
      if (!force && !lease) return;
      const refs = pos.slice(1).map((x) =>
        x.replace(/^\+/, "").replace(/^.*:/, "").replace(/^refs\/heads\//, "")
      );
      m.add(
        "git_force_push",
        `git push ${
          force ? "--force" : "--force-with-lease"
        } rewrites the remote branch's history (strict profile)`,
        "push normally, or use --force-with-lease on your own branch",
      );
      const prot = refs.find((r) => PROTECTED.test(r));
      if (force && prot) {
        m.add(
          "git_force_push_protected",
          `git push --force to ${prot} rewrites the shared ${prot} branch: other people's commits can be lost`,
          "open a pull request, or force-push only your own feature branch",
        );
      }
      return;
    }
    case "clean":
      if (
        (flag(/^--force$/) || shortHas("f")) && !flag(/^(-n|--dry-run)$/) &&
        !shortHas("n")
      ) {
        m.add(
          "git_clean_force",
          `git clean ${
            rest.join(" ")
          } permanently deletes untracked files (strict profile)`,
          "run git clean -n first to see what would go",
        );
        // In a home folder or a system folder (a dotfiles repo in ~, `-C /`)
        // "untracked" is nearly everything: judged as deleting that folder.
        const dir = gitDir(u, st);
        const wide = shortHas("d") || shortHas("x") || flag(/^-[a-zA-Z]*x/);
        const targets: string[] = [];
        for (let k = i + 1; k < u.args.length; k++) {
          const a = u.args[k];
          if (a.text === "-e" || a.text === "--exclude") k++;
          else if (!a.text.startsWith("-") && a.known && dir !== null) {
            const p = resolvePath(a.text, dir, st.ctx.home);
            if (p !== null) targets.push(p);
          }
        }
        if (targets.length === 0 && dir !== null) targets.push(dir);
        for (const t of wide ? targets : []) {
          // The agent's own workspace is the user's repository, even in ~.
          if (t === st.ctx.cwd) continue;
          const place = placeOf(t, null, st.ctx.home);
          if (place === "home" || place === "root" || place === "system") {
            judgeDelete(litArg(t), true, st, "git clean -fd");
          }
        }
      }
      return;
    case "checkout": {
      const dd = rest.indexOf("--");
      const paths = dd >= 0
        ? rest.slice(dd + 1)
        : rest.filter((x) => x === "." || x === ":/" || x === "*");
      if (flag(/^(-f|--force)$/) || paths.length) {
        m.add(
          "git_discard_changes",
          `git checkout ${
            rest.join(" ")
          } throws away uncommitted edits (strict profile)`,
          "git stash first to keep the edits",
        );
      }
      return;
    }
    case "restore": {
      const staged = flag(/^(--staged|-S)$/);
      const worktree = flag(/^(--worktree|-W)$/);
      const paths = rest.filter((x) => !x.startsWith("-"));
      if (paths.length && (!staged || worktree)) {
        m.add(
          "git_discard_changes",
          `git restore ${
            rest.join(" ")
          } throws away uncommitted edits (strict profile)`,
          "git stash first to keep the edits",
        );
      }
      return;
    }
    case "switch":
      if (flag(/^(-f|--force|--discard-changes)$/)) {
        m.add(
          "git_discard_changes",
          `git switch ${
            rest.join(" ")
          } throws away uncommitted edits (strict profile)`,
        );
      }
      return;
    case "branch":
      if (
        flag(/^-D$/) || (flag(/^(-d|--delete)$/) && flag(/^(-f|--force)$/)) ||
        rest.some((x) => /^-[a-zA-Z]{1,6}$/.test(x) && x.includes("D"))
      ) {
        m.add(
          "git_branch_force_delete",
          `git branch ${
            rest.join(" ")
          } deletes a branch even if it is not merged (strict profile)`,
          "use git branch -d, which refuses to drop unmerged work",
        );
      }
      return;
    case "stash":
      if (rest[0] === "drop" || rest[0] === "clear") {
        m.add(
          "git_stash_destroy",
          `git stash ${rest[0]} deletes saved work (strict profile)`,
          "git stash list and apply what you need first",
        );
      }
      return;
    case "filter-branch":
    case "filter-repo":
      m.add(
        "git_history_rewrite",
        `git ${sub} rewrites the repository's history (strict profile)`,
      );
      return;
    case "reflog":
      if (
        rest[0] === "expire" && flag(/^--expire(-unreachable)?=(now|all|0)/)
      ) {
        st.out.gitSafetyDropped ??= "git reflog expire --expire=now";
        m.add(
          "git_history_rewrite",
          "git reflog expire --expire=now drops the safety net for lost commits (strict profile)",
        );
      }
      return;
    case "gc":
      if (flag(/^--prune=(now|all)/) && st.out.gitSafetyDropped) {
        m.add(
          "git_history_erase",
          `${st.out.gitSafetyDropped} then git gc ${
            rest.join(" ").slice(0, 60)
          }: every commit not on a remaining branch is deleted for good`,
          "keep the reflog; let git gc expire it on its normal schedule",
        );
      }
      if (flag(/^--prune=(now|all)/)) {
        m.add(
          "git_history_rewrite",
          "git gc --prune=now permanently deletes unreachable commits (strict profile)",
        );
      }
      return;
    case "update-ref":
      if (flag(/^-d$/)) {
        const ref = rest.find((x) => !x.startsWith("-")) ?? "";
        if (PROTECTED.test(ref.replace(/^refs\/heads\//, ""))) {
          st.out.gitSafetyDropped ??= `git update-ref -d ${ref.slice(0, 60)}`;
        }
        m.add(
          "git_history_rewrite",
          "git update-ref -d deletes a ref directly (strict profile)",
        );
      }
      return;
  }
}

/** docker / podman prune, compose down -v. */
export function analyzeDocker(u: Unit, st: State): void {
  const all0 = u.args.map((a) => a.text);
  // docker --context production …, -H ssh://prod-host …: global options first.
  let g = 0;
  let where: string | null = null;
  while (g < all0.length && /^(--context|-c|-H|--host)$/.test(all0[g])) {
    where = all0[g + 1] ?? null;
    g += 2;
  }
  const t = all0.slice(g);
  const all = t.some((x) =>
    /^(-a|--all|--volumes|-af|-fa)$/.test(x) ||
    /^-[a-z]{1,4}$/.test(x) && x.includes("a")
  );
  if (
    (t[0] === "system" && t[1] === "prune" && all) ||
    (t[0] === "volume" && t[1] === "prune") ||
    (t[0] === "image" && t[1] === "prune" && all)
  ) {
    st.out.matches.add(
      "docker_prune",
      `${u.name} ${
        t.slice(0, 3).join(" ")
      } deletes images, containers or volumes wholesale (strict profile)`,
      "remove the specific containers or images instead",
    );
    const prod = where !== null ? prodWord([where]) : null;
    if (prod) {
      addProdTeardown(
        st,
        `${u.name} ${all0.slice(0, 6).join(" ")}`,
        `prunes on the ${prod} engine`,
      );
    }
  }
  if (
    (t[0] === "compose" || u.name === "docker-compose") && t.includes("down") &&
    t.some((x) => /^(-v|--volumes)$/.test(x))
  ) {
    st.out.matches.add(
      "docker_prune",
      `${u.name} compose down -v deletes the project's volumes and their data (strict profile)`,
    );
  }
}

/** kubectl / oc delete namespace or --all. */
export function analyzeKubectl(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (
    t[0] === "config" && t[1] === "view" &&
    t.some((x) => /^--raw(=true)?$/.test(x))
  ) {
    st.out.matches.add(
      "cloud_credentials_read",
      `${u.name} config view --raw prints the cluster credentials (tokens, client keys) from your kubeconfig`,
      "use kubectl config view (redacted) or let kubectl use the credentials itself",
    );
  }
  if (t[0] === "debug" && t.some((x) => /^node\/./.test(x))) {
    st.out.matches.add(
      "container_host_escape",
      `${u.name} debug ${
        t.find((x) => x.startsWith("node/"))
      } starts a pod in the node's namespaces with the node's root folder at /host: root on the node`,
      "debug the pod instead (kubectl debug POD), or ask the cluster admin",
    );
  }
  if (
    (t[0] === "run" || t[0] === "debug") &&
    t.some((x) =>
      /"(privileged|hostPID|hostNetwork|hostIPC)"\s{0,4}:\s{0,4}true|"hostPath"\s{0,4}:\s{0,4}\{\s{0,4}"path"\s{0,4}:\s{0,4}"\/"/
        .test(x) ||
      /^--profile=sysadmin$/.test(x) && t[0] === "debug" &&
        t.some((y) => /^node\//.test(y))
    )
  ) {
    st.out.matches.add(
      "container_host_escape",
      `${u.name} ${
        t[0]
      } starts a pod with privileged access to its node (privileged, hostPID or the node's root folder): it controls the node as root`,
      "run the pod without privileged settings",
    );
  }
  if (
    t[0] === "scale" &&
    t.some((x, i) =>
      x === "--replicas=0" || (x === "--replicas" && t[i + 1] === "0")
    ) && t.some((x) => /^(--all|-A|--all-namespaces)$/.test(x))
  ) {
    // kubectl scale deploy --all --replicas=0: every workload stopped at once.
    const what = `${u.name} ${t.join(" ").slice(0, 100)}`;
    const safer = "scale the one workload the task is about, by name";
    st.out.matches.add(
      "infra_teardown",
      `${what} stops every matching workload`,
      safer,
    );
    const prod = prodWord(t);
    if (prod) {
      addProdTeardown(st, what, `stops every workload in ${prod}`);
    }
  }
  const d = t.indexOf("delete");
  if (d < 0) return;
  const rest = t.slice(d + 1);
  if (rest.some((x) => /^--dry-run(=(client|server))?$/.test(x))) return;
  // kubectl delete $(kubectl get ns -o name), `kubectl get ns … | xargs kubectl delete`.
  const nsListed = listsNamespaces(u);
  const ns = nsListed ||
    rest.some((x) =>
      // Kinds are case-insensitive (`kubectl delete Namespace prod`).
      /^(ns|namespace|namespaces)$/i.test(x) ||
      /^(ns|namespace|namespaces)\//i.test(x)
    );
  // kubectl get pvc -A -o name | xargs kubectl delete: whatever the listing returns.
  const listed = fedByListing(u, KUBE_CLIS);
  if (
    ns || listed || rest.includes("all") ||
    rest.some((x) => /^(--all|-A|--all-namespaces)$/.test(x))
  ) {
    const what = `${u.name} delete ${rest.join(" ").slice(0, 100)}`;
    const effect = ns
      ? "deletes a whole namespace with every workload, volume claim and secret in it"
      : "deletes every matching resource at once";
    const safer =
      "delete the specific resources by name, after kubectl get shows what is there";
    st.out.matches.add("infra_teardown", `${what} ${effect}`, safer);
    st.out.matches.add(
      "kubectl_delete_bulk",
      `${what} ${effect} (strict profile)`,
      safer,
    );
    const prod = prodWord(t);
    if (prod) addProdTeardown(st, what, `${effect}, in ${prod}`);
    // Every namespace, or everything across all of them: nothing is spared.
    const everyNs = ns && (nsListed || rest.some((x) => x === "--all"));
    const acrossAll = rest.some((x) => /^(-A|--all-namespaces)$/.test(x)) &&
        (rest.includes("all") || rest.includes("--all")) ||
      listed && listsAcrossNamespaces(u);
    // Every custom resource definition: every custom object of every kind goes with them.
    const everyCrd = rest.includes("--all") &&
      rest.some((x) =>
        /^(crds?|customresourcedefinitions?)(\.apiextensions\.k8s\.io)?$|^(pv|persistentvolumes?)$/
          .test(x)
      );
    // kube-system: the cluster's own components (DNS, proxies, controllers) go.
    const systemNs = ns &&
      rest.some((x) =>
        /^(?:(?:ns|namespaces?)\/)?kube-(?:system|public|node-lease)$/.test(x)
      );
    if (systemNs) {
      st.out.matches.add(
        "infra_teardown_unattended",
        `${what} deletes the cluster's own system namespace: DNS, networking and the controllers go, and the whole cluster stops working`,
        safer,
      );
    }
    if (everyNs || acrossAll || everyCrd) {
      st.out.matches.add(
        "infra_teardown_unattended",
        `${what} deletes ${
          everyNs
            ? "every namespace"
            : everyCrd
            ? "every persistent volume or custom resource definition (and every object of those kinds) in the cluster"
            : "every resource in every namespace"
        } of the cluster at once`,
        safer,
      );
    }
  }
}

const KUBE_CLIS: ReadonlySet<string> = new Set(["kubectl", "oc"]);

/** Whether an argument of `u` is a kubectl/oc listing across every namespace (`$(kubectl get pvc -A -o name)`). */
function listsAcrossNamespaces(u: Unit): boolean {
  return u.args.slice(0, 256).some((a) =>
    a.subs.slice(0, 8).some((s) =>
      commandsIn(s).some((c) =>
        KUBE_CLIS.has(c.name) && c.args.includes("get") &&
        c.args.some((x) => /^(-A|--all-namespaces)$/.test(x))
      )
    )
  );
}

/** Whether an argument of `u` is a kubectl/oc listing of namespaces (`$(kubectl get ns -o name)`). */
function listsNamespaces(u: Unit): boolean {
  return u.args.slice(0, 256).some((a) =>
    a.subs.slice(0, 8).some((s) =>
      commandsIn(s).some((c) =>
        (c.name === "kubectl" || c.name === "oc") && c.args.includes("get") &&
        c.args.some((x) => /^(ns|namespaces?)$/.test(x))
      )
    )
  );
}

/** helm uninstall / delete. */
export function analyzeHelm(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  // helm --kube-context prod uninstall x: global options and their values come first.
  let i = 0;
  while (i < t.length && t[i].startsWith("-")) {
    i +=
      /^(--kube-context|--kubeconfig|-n|--namespace|--kube-apiserver|--kube-as-user|--kube-token|--registry-config|--repository-config|--repository-cache)$/
          .test(t[i])
        ? 2
        : 1;
  }
  if (!/^(uninstall|delete|del|un)$/.test(t[i] ?? "")) return;
  if (t.includes("--dry-run")) return;
  const rel = t.slice(i + 1).filter((x) => !x.startsWith("-")).join(", ") ||
    "the release";
  const why = `helm ${
    t[i]
  } ${rel} removes every Kubernetes resource the release installed`;
  const safer = "check helm status first, or ask the user to uninstall it";
  st.out.matches.add("infra_teardown", why, safer);
  st.out.matches.add("kubectl_delete_bulk", why + " (strict profile)", safer);
  const prod = prodWord(t);
  if (prod) addProdTeardown(st, `helm ${t[i]} ${rel}`, `runs in ${prod}`);
  // Every release a listing prints: $(helm ls -q), `helm ls -q | xargs helm uninstall`.
  if (
    u.args.some((a) =>
      a.subs.some((sub) =>
        commandsIn(sub).some((c) =>
          c.name === "helm" && /^(ls|list)$/.test(c.args[0] ?? "")
        )
      )
    ) || u.xargs === true
  ) {
    st.out.matches.add(
      "infra_teardown_unattended",
      `${why}, for every release the listing prints`,
      safer,
    );
  }
}

const IAC_VALUE_OPTS = /^(-C|--cwd|-s|--stack|--chdir|--profile|--app|-a)$/;

/** terraform / tofu / terragrunt / pulumi / cdk destroy, serverless remove. */
export function analyzeDestroy(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const words: string[] = [];
  for (let i = 0; i < t.length; i++) {
    if (IAC_VALUE_OPTS.test(t[i])) i++;
    else if (!t[i].startsWith("-")) words.push(t[i]);
  }
  const sub = words[0] === "run-all" || words[0] === "run"
    ? words[1]
    : words[0];
  if (t.some((x) => /^(--help|-help|-h|--preview|--dry-run)$/.test(x))) return;
  if ((u.name === "serverless" || u.name === "sls") && sub === "remove") {
    // serverless remove --stage S deletes the stage's whole stack.
    const what = `${u.name} ${t.join(" ").slice(0, 80)}`;
    st.out.matches.add(
      "infra_teardown",
      `${what} deletes the service's stack with every function, table and bucket in it`,
      "let the user remove deployed stages",
    );
    const p = prodWord(t);
    if (p) addProdTeardown(st, what, `deletes the stage ${p.slice(0, 60)}`);
    return;
  }
  if (sub === "destroy" || (sub === "apply" && t.includes("-destroy"))) {
    const what = `${u.name} ${t.join(" ").slice(0, 80)}`;
    const safer = u.name === "pulumi"
      ? "run pulumi preview --destroy first and let the user confirm"
      : "review a plan with terraform plan -destroy first and let the user apply it";
    st.out.matches.add(
      "infra_teardown",
      `${what} tears down every resource the configuration manages (servers, databases, networks)`,
      safer,
    );
    st.out.matches.add(
      "terraform_destroy",
      `${what} tears down managed infrastructure (strict profile)`,
      safer,
    );
    if (
      t.some((x) =>
        /^-{1,2}auto-approve(=true)?$/.test(x) ||
        /^(--yes|-y|--force|--(?:terragrunt-)?non-interactive)$/.test(x)
      ) && !t.some((x) => /^-{1,2}target\b/.test(x))
    ) {
      st.out.matches.add(
        "infra_teardown_unattended",
        `${what} destroys every resource the configuration manages without asking anyone`,
        safer,
      );
    }
  }
}

/** npm / cargo / gem / twine / poetry publish. */
export function analyzePublish(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (
    /^(uninstall|remove|rm|un|r|unlink)$/.test(t[0] ?? "") &&
    t.slice(1).some((x) => x === "deno" || x === "deno-bin")
  ) {
    st.out.matches.add(
      "guard_tamper",
      `${u.name} ${
        t.join(" ").slice(0, 60)
      } removes deno, the runtime every governance hook runs on`,
      "leave deno installed; ask the user to change it",
    );
  }
  if (t.includes("--dry-run")) return;
  const pub = ((u.name === "npm" || u.name === "pnpm" || u.name === "yarn" ||
    u.name === "cargo" || u.name === "poetry" || u.name === "flit" ||
    u.name === "hatch" || u.name === "uv") && t.includes("publish")) ||
    (u.name === "twine" && t[0] === "upload") ||
    (u.name === "gem" && t[0] === "push");
  if (pub) {
    st.out.matches.add(
      "package_publish",
      `${u.name} ${
        t.join(" ").slice(0, 80)
      } publishes a package to a public registry irreversibly (strict profile)`,
      "let the user publish releases",
    );
  }
}
