/**
 * Git configuration values that make git run a program: the keys whose value
 * git executes, and the judgement of one key and value.
 *
 * @module
 */

/** Git configuration keys whose value is a program git runs. */
export const GIT_EXEC_KEY =
  /^(core\.(fsmonitor|hookspath|sshcommand|pager|editor|askpass|gitproxy)|(diff|merge|filter)\.[^.]{1,64}\.(textconv|command|driver|clean|smudge|process)|pager\.[^.]{1,64}|credential\.(helper|[^ ]{1,200}\.helper)|sequence\.editor|gpg\.(program|[a-z0-9]{1,16}\.program)|uploadpack\.packobjectshook|include\.path|includeif\..{1,200}\.path)$/;

/** Keys whose value is normally a plain program (an editor, a pager): only a shell command there runs something else. */
const PLAIN_PROGRAM_KEY =
  /(^|\.)(editor|pager|askpass|tool|sshcommand)$|^pager\./;

/**
 * Whether setting git key `key` to `value` makes git run a program the agent
 * chose: hook folders, fsmonitor hooks, ssh commands, filters, `!` aliases;
 * an editor or pager only when the value is more than a plain program name.
 */
export function gitValueRuns(key: string, value: string): boolean {
  const k = key.toLowerCase();
  const v = value.trim().replace(/^["']|["']$/g, "");
  if (/^alias\./.test(k) || k === "alias") return v.startsWith("!");
  if (
    !GIT_EXEC_KEY.test(k) &&
    !/^(fsmonitor|hookspath|sshcommand|pager|editor|askpass|gitproxy|textconv|clean|smudge|process|program|uploadpack|receivepack|helper)$/
      .test(k)
  ) {
    return false;
  }
  if (/(^|\.)fsmonitor$/.test(k) && /^(true|false|0|1|yes|no)$/i.test(v)) {
    return false;
  }
  if (
    /(^|\.)hookspath$/.test(k) &&
    /^\.?[\w-]{1,64}(\/[\w.-]{1,64}){0,4}\/?$/.test(v) &&
    !v.includes("..")
  ) {
    // core.hooksPath .husky / .githooks: the repository's own hook folder,
    // whose files are judged by their content when they are written.
    return false;
  }
  if (/(^|\.)helper$/.test(k)) {
    return v.startsWith("!") || v.startsWith("/tmp/");
  }
  if (PLAIN_PROGRAM_KEY.test(k) || /(^|\.)(pager|editor)$/.test(k)) {
    return /[;&|`$<>(){}\\]|\b(sh|bash|zsh|dash|python\d?|perl|ruby|node)\s{1,8}-[a-z]{0,3}[ce]\b|^(\.{1,2}\/|\/tmp\/|\/var\/tmp\/|\/dev\/shm\/)/
      .test(v);
  }
  return true;
}
