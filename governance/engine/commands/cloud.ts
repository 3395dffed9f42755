/**
 * Cloud command lines (aws, gsutil, gcloud, az): mass deletion of storage,
 * projects and resource groups blocks; terminating servers or deleting
 * managed databases and clusters warns. Single-object deletes, listing and
 * `aws s3 sync --delete` (a routine deploy step) pass.
 *
 * Judgement calls: `az storage container delete` and `az storage account
 * delete` block, because like `aws s3 rb --force` they take every blob with
 * them; deleting an RDS database blocks only with `--skip-final-snapshot`
 * (no way back), otherwise it warns.
 *
 * @module
 */

import { commandsIn } from "./ast_scan.ts";
import { addProdTeardown, prodReason, prodWord } from "./prod_teardown.ts";
import type { State, Unit } from "./unit.ts";

/** Cloud CLIs whose listings feed mass deletions. */
const CLOUD_CLIS = new Set(["aws", "gcloud", "az", "doctl", "gsutil"]);

/** Sources that hold nothing: syncing them with --delete empties the target. */
const EMPTY_SOURCE =
  /^(\/var\/empty|\/dev\/null|\/var\/empty\/|\/tmp\/empty\/?)$/;

const AWS_VALUE_OPTS =
  /^--(profile|region|output|endpoint-url|query|color|ca-bundle|cli-read-timeout|cli-connect-timeout|cli-binary-format)$/;
const GSUTIL_VALUE_OPTS = /^-[iuoh]$/;

/** The positional words of a cloud CLI call, skipping options (and the values of `valueOpts`). */
function wordsOf(t: string[], valueOpts: RegExp | null): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    if (valueOpts && valueOpts.test(t[i])) i++;
    else if (!t[i].startsWith("-")) out.push(t[i]);
  }
  return out;
}

/** Whether `words` holds `seq` as consecutive words. */
function hasSeq(words: string[], ...seq: string[]): boolean {
  for (let i = 0; i + seq.length <= words.length; i++) {
    if (seq.every((s, k) => words[i + k] === s)) return true;
  }
  return false;
}

/** A bucket-wide wildcard: gs://b/** or gs://b/*. */
const BUCKET_WILDCARD = /^(gs|s3):\/\/[^/]{1,255}\/\*{1,2}$/;

interface Hit {
  bulk: boolean;
  effect: string;
}

function awsHit(t: string[]): Hit | null {
  const w = wordsOf(t, AWS_VALUE_OPTS);
  const [svc, op] = w;
  if (t.includes("--dryrun") || t.includes("--dry-run")) return null;
  if (svc === "s3" && op === "rm" && t.includes("--recursive")) {
    // s3://bucket/builds/tmp/: a folder two levels down is a targeted cleanup
    // (it warns; a production bucket still blocks), the bucket or a top folder is not.
    const url = w.find((x) => x.startsWith("s3://")) ?? "";
    const depth = url.slice(5).split("/").slice(1).filter((x) => x !== "")
      .length;
    return depth >= 2 && !/[*?]/.test(url)
      ? { bulk: false, effect: "deletes every object under that folder" }
      : { bulk: true, effect: "deletes every object under that prefix" };
  }
  if (svc === "kms" && op === "schedule-key-deletion") {
    return {
      bulk: false,
      effect:
        "deletes an encryption key: whatever it encrypted can never be read again",
    };
  }
  if (
    svc === "s3" && op === "sync" && t.includes("--delete") &&
    (EMPTY_SOURCE.test(w[2] ?? "") || /^\$\(mktemp/.test(w[2] ?? ""))
  ) {
    return {
      bulk: true,
      effect: "syncs an empty folder with --delete: every object is deleted",
    };
  }
  if (svc === "s3" && op === "rb" && t.includes("--force")) {
    return { bulk: true, effect: "deletes the bucket and every object in it" };
  }
  if (
    ((svc === "s3" && op === "rb") ||
      (svc === "s3api" && op === "delete-bucket")) && prodWord(w)
  ) {
    // Only an empty bucket goes, but a production bucket's name is then free for anyone to claim.
    return { bulk: false, effect: "deletes a production storage bucket" };
  }
  if (svc === "rds" && /^delete-db-(instance|cluster)$/.test(op ?? "")) {
    return t.includes("--skip-final-snapshot")
      ? {
        bulk: true,
        effect: "deletes the database without a final snapshot: no way back",
      }
      : { bulk: false, effect: "deletes a managed database" };
  }
  if (svc === "ec2" && op === "terminate-instances") {
    return { bulk: false, effect: "terminates servers and their local disks" };
  }
  if (
    (svc === "dynamodb" && op === "delete-table") ||
    (svc === "lambda" && op === "delete-function") ||
    (svc === "ecr" && op === "delete-repository") ||
    (svc === "cloudformation" && op === "delete-stack") ||
    (svc === "eks" && op === "delete-cluster")
  ) {
    return {
      bulk: false,
      effect:
        "deletes a database table, stack, cluster, function or image repository",
    };
  }
  return null;
}

function gsutilHit(t: string[]): Hit | null {
  const w = wordsOf(t, GSUTIL_VALUE_OPTS);
  if (w[0] !== "rm") return null;
  const recursive = t.some((x) => /^-[a-zA-Z]{0,4}[rR]/.test(x));
  if (recursive || w.some((x) => BUCKET_WILDCARD.test(x))) {
    return { bulk: true, effect: "deletes every object under that location" };
  }
  return null;
}

function gcloudHit(t: string[]): Hit | null {
  const w = wordsOf(t, null);
  if (hasSeq(w, "storage", "rm")) {
    const recursive = t.some((x) =>
      /^(--recursive|-r|-R)$/.test(x) || /^-[a-zA-Z]{0,4}[rR]$/.test(x)
    );
    if (recursive || w.some((x) => BUCKET_WILDCARD.test(x))) {
      return { bulk: true, effect: "deletes every object under that location" };
    }
    return null;
  }
  if (hasSeq(w, "projects", "delete")) {
    return {
      bulk: true,
      effect: "shuts down the whole project with every resource in it",
    };
  }
  if (
    hasSeq(w, "compute", "instances", "delete") ||
    hasSeq(w, "sql", "instances", "delete") ||
    hasSeq(w, "container", "clusters", "delete")
  ) {
    return { bulk: false, effect: "deletes servers, a database or a cluster" };
  }
  return null;
}

function azHit(t: string[]): Hit | null {
  const w = wordsOf(t, null);
  if (hasSeq(w, "group", "delete")) {
    return {
      bulk: true,
      effect: "deletes the resource group with every resource in it",
    };
  }
  if (
    hasSeq(w, "storage", "container", "delete") ||
    hasSeq(w, "storage", "account", "delete") ||
    hasSeq(w, "storage", "blob", "delete-batch")
  ) {
    return { bulk: true, effect: "deletes every blob in the container" };
  }
  if (
    hasSeq(w, "keyvault", "purge") || hasSeq(w, "keyvault", "delete") ||
    hasSeq(w, "vm", "delete") || hasSeq(w, "sql", "db", "delete") ||
    hasSeq(w, "aks", "delete") || hasSeq(w, "cosmosdb", "delete")
  ) {
    return { bulk: false, effect: "deletes servers, a database or a cluster" };
  }
  return null;
}

/** aws / gsutil / gcloud / az deletions. */
export function analyzeCloudDelete(u: Unit, st: State): void {
  // $(mktemp -d) as a sync source is a new, empty folder.
  const t = u.args.map((a) =>
    !a.known &&
      a.subs.some((s) =>
        commandsIn(s, 4).some((c) =>
          c.name === "mktemp" && c.args.includes("-d")
        )
      )
      ? "$(mktemp -d)"
      : a.text
  );
  if (t.some((x) => x === "--help" || x === "help")) return;
  const hit = u.name === "aws"
    ? awsHit(t)
    : u.name === "gsutil"
    ? gsutilHit(t)
    : u.name === "gcloud"
    ? gcloudHit(t)
    : u.name === "az"
    ? azHit(t)
    : u.name === "doctl"
    ? doctlHit(t)
    : null;
  if (!hit) return;
  const line = `${u.name} ${t.join(" ").slice(0, 120)}`;
  if (hit.bulk) {
    st.out.matches.add(
      "cloud_bulk_delete",
      `${line} ${hit.effect}; cloud deletions cannot be undone`,
      "list what would go first (aws s3 ls --recursive, gsutil ls), then delete specific objects, or ask the user",
    );
  } else {
    st.out.matches.add(
      "cloud_resource_delete",
      `${line} ${hit.effect}`,
      "make sure a backup or snapshot exists and the user agrees",
    );
    const why = prodReason(u, t, CLOUD_CLIS);
    if (why) addProdTeardown(st, line, why);
  }
}

function doctlHit(t: string[]): Hit | null {
  const w = wordsOf(t, /^(--context|-t|--access-token|-o|--output|--format)$/);
  if (
    hasSeq(w, "compute", "droplet", "delete") ||
    hasSeq(w, "compute", "droplet", "rm") ||
    hasSeq(w, "databases", "delete") ||
    hasSeq(w, "kubernetes", "cluster", "delete") ||
    hasSeq(w, "apps", "delete") ||
    hasSeq(w, "compute", "volume", "delete")
  ) {
    return { bulk: false, effect: "deletes servers, a database or a cluster" };
  }
  return null;
}

const ADMIN_POLICY =
  /(^|:|\/)(AdministratorAccess|IAMFullAccess|AWSOrganizationsFullAccess)$/;
const OWNER_ROLE =
  /^(roles\/(owner|editor|iam\.securityAdmin|resourcemanager\.organizationAdmin)|Owner|User Access Administrator)$/i;

function optValue(t: string[], name: string): string | null {
  for (let i = 0; i < t.length; i++) {
    if (t[i] === name) return t[i + 1] ?? null;
    if (t[i].startsWith(name + "=")) return t[i].slice(name.length + 1);
  }
  return null;
}

/** Ports that must not face the whole internet. */
const ADMIN_PORTS =
  /^(22|23|3389|5900|2375|2376|3306|5432|6379|9200|11211|27017|-1|0-65535|all)$/;

/** Why an AWS call opens data or a machine to everyone, or null. */
function awsExposure(svc: string, op: string, t: string[]): string | null {
  const line = t.join(" ");
  if (svc === "s3api" && /^put-(bucket|object)-acl$/.test(op)) {
    const acl = optValue(t, "--acl") ?? "";
    if (/^public-read(-write)?$|^authenticated-read$/.test(acl)) {
      return `makes the data readable by anyone (--acl ${acl})`;
    }
    if (/AllUsers|AuthenticatedUsers/.test(line)) {
      return "grants everyone access to the data";
    }
  }
  if (
    svc === "s3api" && op === "delete-public-access-block" ||
    svc === "s3api" && op === "put-public-access-block" &&
      /Block\w{0,30}=false/i.test(line)
  ) return "switches off the account's or bucket's block on public access";
  if (
    svc === "s3api" && op === "put-bucket-policy" &&
    /"Principal"\s{0,8}:\s{0,8}(?:"\*"|\{\s{0,8}"AWS"\s{0,8}:\s{0,8}"\*")/.test(
      line,
    )
  ) return "writes a bucket policy that lets anyone in";
  if (svc === "ec2" && op === "authorize-security-group-ingress") {
    const open = /(?:^|[\s=,"])(?:0\.0\.0\.0\/0|::\/0)(?:[\s,"}\]]|$)/.test(
      " " + line + " ",
    );
    const port = optValue(t, "--port") ?? "";
    const proto = optValue(t, "--protocol") ?? "";
    const perms = /FromPort["=:\s]{1,4}(\d{1,5})/.exec(line)?.[1] ?? "";
    if (
      open &&
      (ADMIN_PORTS.test(port) || ADMIN_PORTS.test(proto) ||
        ADMIN_PORTS.test(perms) || (port === "" && perms === ""))
    ) {
      return `opens ${
        port || perms || "every port"
      } to the whole internet (0.0.0.0/0)`;
    }
  }
  return null;
}

/** Cloud audit trails switched off, and administrator rights granted. */
export function analyzeCloudControls(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const m = st.out.matches;
  const line = `${u.name} ${t.join(" ").slice(0, 120)}`;
  if (u.name === "aws") {
    const w = wordsOf(t, AWS_VALUE_OPTS);
    const [svc, op] = [w[0], w[1] ?? ""];
    if (
      svc === "cloudtrail" &&
        /^(stop-logging|delete-trail|delete-event-data-store|put-event-selectors)$/
          .test(op) ||
      svc === "guardduty" &&
        /^(delete-detector|disassociate-from-master-account)$/.test(op) ||
      (svc === "config" || svc === "configservice") &&
        /^(stop-configuration-recorder|delete-configuration-recorder|delete-delivery-channel)$/
          .test(op) ||
      svc === "logs" && /^(delete-log-group|delete-log-stream)$/.test(op) &&
        /cloudtrail|audit|flowlog|vpc-flow/i.test(t.join(" ")) ||
      svc === "securityhub" && op === "disable-security-hub"
    ) {
      m.add(
        "cloud_audit_disable",
        `${line} switches off or deletes the account's audit record`,
        "leave audit logging on; ask the account owner",
      );
      return;
    }
    const exposed = awsExposure(svc, op, t);
    if (exposed) {
      m.add(
        "cloud_exposure",
        `${line} ${exposed}`,
        "share with specific accounts or addresses (a bucket policy for one principal, a security group rule for your own IP)",
      );
      return;
    }
    if (svc === "iam" && op === "create-access-key") {
      m.add(
        "cloud_credentials_read",
        `${line} mints a long-lived access key and prints its secret into the session transcript`,
        "let the user create access keys in the console, or use short-lived role credentials",
      );
      return;
    }
    if (
      svc === "iam" &&
      /^attach-(user|role|group)-policy$/.test(op) &&
      ADMIN_POLICY.test(optValue(t, "--policy-arn") ?? "")
    ) {
      m.add(
        "cloud_admin_grant",
        `${line} grants ${
          optValue(t, "--policy-arn")
        }: full control of the AWS account`,
        "grant a policy scoped to what the task needs",
      );
    }
    if (
      svc === "iam" && /^put-(user|role|group)-policy$/.test(op) &&
      /"Action"\s{0,8}:\s{0,8}\[?\s{0,8}"\*"/.test(t.join(" ")) &&
      /"Resource"\s{0,8}:\s{0,8}\[?\s{0,8}"\*"/.test(t.join(" "))
    ) {
      m.add(
        "cloud_admin_grant",
        `${line} writes an inline policy allowing every action on every resource`,
      );
    }
    return;
  }
  if (u.name === "gcloud") {
    const w = t.filter((x) => !x.startsWith("-"));
    const s = w.join(" ");
    if (
      /^logging (sinks|buckets) delete\b/.test(s) ||
      /^services disable\b.*\b(logging|cloudaudit|monitoring|securitycenter)\.googleapis\.com\b/
        .test(s) ||
      /^logging sinks update\b.*--disabled/.test(t.join(" "))
    ) {
      m.add(
        "cloud_audit_disable",
        `${line} deletes where the project's logs go`,
      );
      return;
    }
    if (
      w.some((x) => /add-iam-policy-binding$/.test(x)) &&
      OWNER_ROLE.test(optValue(t, "--role") ?? "")
    ) {
      m.add(
        "cloud_admin_grant",
        `${line} grants ${optValue(t, "--role")}: control of the whole project`,
        "grant a narrower role",
      );
    }
    return;
  }
  if (u.name === "az") {
    const w = t.filter((x) => !x.startsWith("-")).join(" ");
    if (
      /^monitor (diagnostic-settings|log-profiles|log-analytics workspace) delete\b/
        .test(w)
    ) {
      m.add(
        "cloud_audit_disable",
        `${line} deletes the subscription's audit log export`,
      );
      return;
    }
    if (
      /^role assignment create\b/.test(w) &&
      OWNER_ROLE.test(optValue(t, "--role") ?? "")
    ) {
      m.add(
        "cloud_admin_grant",
        `${line} grants ${optValue(t, "--role")} on the subscription`,
      );
    }
  }
}

/**
 * Hosting and backend platforms' CLIs by the subcommands that delete a
 * site, project, app, database or its data. A deletion whose target reads
 * as production, or that takes everything (`--all-collections`), blocks.
 */
const HOSTED_DELETE: ReadonlyMap<string, RegExp> = new Map([
  ["vercel", /^(?:remove|rm|projects? (?:rm|remove)|env rm)\b/],
  ["netlify", /^(?:sites:delete|env:unset|blobs:delete)\b/],
  [
    "supabase",
    /^(?:projects delete|db reset --linked|branches delete|storage rm)\b/,
  ],
  [
    "firebase",
    /^(?:projects:delete|firestore:delete|database:remove|hosting:disable|functions:delete|auth:import)\b/,
  ],
  ["railway", /^(?:delete|down)\b/],
  ["render", /^(?:services delete)\b/],
  ["wrangler", /^(?:delete|d1 delete|r2 bucket delete|kv namespace delete)\b/],
  ["pscale", /^(?:database delete|branch delete)\b/],
  ["neonctl", /^(?:projects delete|branches delete|databases delete)\b/],
  ["turso", /^(?:db destroy|group destroy)\b/],
]);

/** Hosted apps and framework database tasks: heroku apps:destroy, fly apps destroy, rails db:drop against production. */
export function analyzeAppDestroy(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const m = st.out.matches;
  if (u.name === "heroku") {
    if (/^(apps:destroy|destroy|pg:reset|addons:destroy)$/.test(t[0] ?? "")) {
      m.add(
        "app_destroy",
        `heroku ${
          t.join(" ").slice(0, 100)
        } deletes a hosted app or its database`,
        "ask the user to destroy apps themselves",
      );
    }
    return;
  }
  if (u.name === "fly" || u.name === "flyctl") {
    const s = t.filter((x) => !x.startsWith("-")).join(" ");
    if (
      /^(apps (destroy|delete)|destroy|postgres destroy|volumes (destroy|delete))\b/
        .test(s)
    ) {
      m.add("app_destroy", `${u.name} ${s} deletes a hosted app or its data`);
    }
    return;
  }
  const verb = HOSTED_DELETE.get(u.name);
  if (verb) {
    const words = t.filter((x) => !x.startsWith("-"));
    const s = words.join(" ");
    if (!verb.test(s)) return;
    const line = `${u.name} ${t.join(" ").slice(0, 100)}`;
    const p = prodWord(t);
    if (p) addProdTeardown(st, line, `deletes ${p.slice(0, 80)}`);
    else if (t.some((x) => /^--all(?:-collections)?$/.test(x))) {
      addProdTeardown(st, line, "deletes every collection or resource");
    }
    return;
  }
  if (u.name === "rails" || u.name === "rake" || u.name === "bin/rails") {
    const task = t.find((x) =>
      /^db:(drop|reset|purge|schema:load|structure:load|setup)(:all)?$/.test(x)
    );
    if (!task) return;
    const env = (k: string) =>
      t.find((x) => x.startsWith(k + "="))?.slice(k.length + 1) ??
        st.env.get(k)?.[0] ?? null;
    const unchecked = /^(1|true|yes)$/i.test(
      env("DISABLE_DATABASE_ENVIRONMENT_CHECK") ?? "",
    );
    const railsEnv = env("RAILS_ENV") ?? env("RACK_ENV") ?? "";
    if (unchecked || /^prod/i.test(railsEnv)) {
      m.add(
        "app_destroy",
        `${u.name} ${task} ${
          unchecked
            ? "with DISABLE_DATABASE_ENVIRONMENT_CHECK=1 (Rails' guard against dropping production switched off)"
            : "in the production environment"
        }: the database is deleted`,
        "run it against the test or development database (RAILS_ENV=test)",
      );
    }
  }
}
