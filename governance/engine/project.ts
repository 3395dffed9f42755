/**
 * A project's own policy file, `<repo>/.axonflow/policies.json`. The agent
 * can write files in the project, so such a file may only tighten: its
 * policies are added and its profile can raise `standard` to `strict`. Its
 * loosening parts (`disable`, `allow`) apply only once the user approved that
 * exact content (`axonflow project approve`, recorded in the data folder,
 * which the agent's tools cannot write).
 *
 * @module
 */
import type { EngineConfig } from "./config.ts";

/** The project policy file, relative to the project folder. */
export const PROJECT_POLICY_FILE = ".axonflow/policies.json";

/** The merged configuration and what of the project file was left out. */
export interface ProjectMerge {
  config: EngineConfig;
  /** Human notes on the loosening parts ignored (empty when approved or nothing to ignore). */
  ignored: string[];
}

/**
 * The user's configuration with a project's on top. Allow rules of an
 * approved project file that name no project are limited to `projectDir`.
 */
export function mergeProjectConfig(
  user: EngineConfig,
  project: EngineConfig,
  approved: boolean,
  projectDir: string,
): ProjectMerge {
  const ignored: string[] = [];
  const ids = new Set(user.custom.map((p) => p.id));
  const custom = [
    ...user.custom,
    ...project.custom.filter((p) => !ids.has(p.id)),
  ];
  const profile = user.profile === "strict" || project.profile === "strict"
    ? "strict"
    : "standard";
  let disabled = user.disabled;
  let allow = user.allow ?? [];
  if (approved) {
    disabled = [...new Set([...user.disabled, ...project.disabled])];
    allow = [
      ...allow,
      ...(project.allow ?? []).map((r) =>
        r.project ? r : { ...r, project: projectDir }
      ),
    ];
  } else {
    if (project.disabled.length) {
      ignored.push(
        `disable (${
          project.disabled.join(", ")
        }) ignored: the project file is not approved`,
      );
    }
    if (project.allow?.length) {
      ignored.push(
        `allow (${
          project.allow.map((r) => r.id).join(", ")
        }) ignored: the project file is not approved`,
      );
    }
  }
  const config: EngineConfig = allow.length
    ? { profile, disabled, custom, allow }
    : { profile, disabled, custom };
  return { config, ignored };
}
