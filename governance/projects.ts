/**
 * Project policy files on disk: finding `<repo>/.axonflow/policies.json`
 * above a working directory, and the user's approvals of such files, kept in
 * `$AXONFLOW_HOME/approved_projects.json` (the data folder is guarded: the
 * agent's tools cannot write it). An approval records the folder, the
 * SHA-256 of the approved text and the text itself, so a hook that may not
 * read the repository (its sandbox reads the data folder only) still applies
 * exactly what was approved, and an edited file loses its approval.
 *
 * @module
 */
import type { EngineConfig } from "./engine/config.ts";
import { parsePolicyFile } from "./engine/user_policies.ts";
import { mergeProjectConfig, PROJECT_POLICY_FILE } from "./engine/project.ts";
import { sha256Hex } from "./engine/sha256.ts";

/** File name of the approvals, inside the data folder. */
export const APPROVALS_FILE = "approved_projects.json";

/** One approved project file. */
export interface Approval {
  /** The project folder (holding `.axonflow/policies.json`). */
  dir: string;
  /** `sha256:<hex>` of the approved text. */
  sha256: string;
  /** The approved text. */
  content: string;
  approvedAt: string;
}

/** A project policy file found on disk. */
export interface ProjectFile {
  dir: string;
  path: string;
  text: string;
  sha256: string;
}

/** `sha256:<hex>` of a text (what an approval records). */
export function contentHash(text: string): string {
  return `sha256:${sha256Hex(text)}`;
}

function canRead(path: string): boolean {
  try {
    return Deno.permissions.querySync({ name: "read", path }).state ===
      "granted";
  } catch {
    return false;
  }
}

/** The nearest `.axonflow/policies.json` at or above `cwd`, when readable. */
export function findProjectFile(cwd: string): ProjectFile | undefined {
  if (!cwd.startsWith("/") || !canRead(cwd)) return undefined;
  let dir = cwd.replace(/\/+$/, "") || "/";
  for (let i = 0; i < 64; i++) {
    const path = `${dir === "/" ? "" : dir}/${PROJECT_POLICY_FILE}`;
    try {
      const text = Deno.readTextFileSync(path);
      return { dir, path, text, sha256: contentHash(text) };
    } catch {
      // not here
    }
    if (dir === "/") return undefined;
    dir = dir.slice(0, dir.lastIndexOf("/")) || "/";
  }
  return undefined;
}

/** The approvals recorded in a data folder (none when the file is absent or broken). */
export function readApprovals(dataDir: string): Approval[] {
  try {
    const doc = JSON.parse(
      Deno.readTextFileSync(`${dataDir}/${APPROVALS_FILE}`),
    );
    const list = Array.isArray(doc?.projects) ? doc.projects : [];
    return list.filter((a: Approval) =>
      typeof a?.dir === "string" && typeof a.sha256 === "string" &&
      typeof a.content === "string" && contentHash(a.content) === a.sha256
    );
  } catch {
    return [];
  }
}

/** Record the approval of a project file's current text (replacing an older one for that folder). */
export function writeApproval(dataDir: string, file: ProjectFile): Approval {
  const approval: Approval = {
    dir: file.dir,
    sha256: file.sha256,
    content: file.text,
    approvedAt: new Date().toISOString(),
  };
  const rest = readApprovals(dataDir).filter((a) => a.dir !== file.dir);
  Deno.mkdirSync(dataDir, { recursive: true });
  const path = `${dataDir}/${APPROVALS_FILE}`;
  const tmp = `${path}.tmp-${Deno.pid}`;
  Deno.writeTextFileSync(
    tmp,
    JSON.stringify({ projects: [...rest, approval] }, null, 2) + "\n",
    { mode: 0o600 },
  );
  Deno.renameSync(tmp, path);
  return approval;
}

function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === "/" ? "/" : `${dir}/`);
}

/**
 * The user's configuration with the project's on top, for a call in `cwd`.
 * A readable project file applies its tightening parts always and its
 * loosening parts only when its current text is approved; when the file
 * cannot be read (a hook's sandbox), the approved text of the enclosing
 * project applies. Notes go to `warnings`.
 */
export function withProjectConfig(
  user: EngineConfig,
  cwd: string | undefined,
  dataDir: string,
  warnings: string[],
  approvals?: Approval[],
): EngineConfig {
  if (!cwd) return user;
  const live = findProjectFile(cwd);
  const list = approvals ?? readApprovals(dataDir);
  let text: string;
  let dir: string;
  let approved: boolean;
  if (live) {
    text = live.text;
    dir = live.dir;
    approved = list.some((a) => a.dir === live.dir && a.sha256 === live.sha256);
  } else {
    const rec = list.filter((a) => inside(cwd, a.dir))
      .sort((a, b) => b.dir.length - a.dir.length)[0];
    if (!rec) return user;
    text = rec.content;
    dir = rec.dir;
    approved = true;
  }
  const parsed = parsePolicyFile(text);
  for (const e of parsed.errors) {
    warnings.push(`${dir}/${PROJECT_POLICY_FILE}:${e.line}: ${e.message}`);
  }
  const merged = mergeProjectConfig(user, parsed.config, approved, dir);
  for (const note of merged.ignored) {
    warnings.push(
      `${dir}/${PROJECT_POLICY_FILE}: ${note} (review it, then run: axonflow project approve)`,
    );
  }
  return merged.config;
}
