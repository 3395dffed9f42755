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

import type { State, Unit } from "./unit.ts";

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
    return { bulk: true, effect: "deletes every object under that prefix" };
  }
  if (svc === "s3" && op === "rb" && t.includes("--force")) {
    return { bulk: true, effect: "deletes the bucket and every object in it" };
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
    (svc === "cloudformation" && op === "delete-stack") ||
    (svc === "eks" && op === "delete-cluster")
  ) {
    return {
      bulk: false,
      effect: "deletes a database table, stack or cluster",
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
    hasSeq(w, "vm", "delete") || hasSeq(w, "sql", "db", "delete") ||
    hasSeq(w, "aks", "delete") || hasSeq(w, "cosmosdb", "delete")
  ) {
    return { bulk: false, effect: "deletes servers, a database or a cluster" };
  }
  return null;
}

/** aws / gsutil / gcloud / az deletions. */
export function analyzeCloudDelete(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (t.some((x) => x === "--help" || x === "help")) return;
  const hit = u.name === "aws"
    ? awsHit(t)
    : u.name === "gsutil"
    ? gsutilHit(t)
    : u.name === "gcloud"
    ? gcloudHit(t)
    : u.name === "az"
    ? azHit(t)
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
  }
}
