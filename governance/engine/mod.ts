/**
 * The governance engine: policy catalogue, shell-aware command analysis,
 * checksum-validated PII and secret detection, prompt- and SQL-injection
 * detection, redaction, and the AxonFlow wire documents. Pure functions, no
 * I/O, no npm imports, so a hook that imports it starts in milliseconds.
 *
 * @example
 * ```ts
 * import { evaluate, scan } from "./governance/engine/mod.ts";
 * evaluate({ toolName: "Bash", input: { command: "rm -rf ~" }, home: "/home/u", cwd: "/home/u/app" }).allowed; // false
 * scan("card 4111 1111 1111 1111").redacted; // "card [REDACTED:credit_card]"
 * ```
 *
 * @module
 */
export * from "./types.ts";
export {
  type CustomPolicy,
  DEFAULT_CONFIG,
  type EngineConfig,
} from "./config.ts";
export { BUILTIN_POLICIES } from "./catalogue.ts";
export { ALL_DETECTORS, evaluate } from "./evaluate_all.ts";
export { evaluateWith } from "./evaluate.ts";
export {
  type DetectorName,
  type InputDetectors,
  withStandIns,
} from "./detectors.ts";
export { scan } from "./scan.ts";
export { judgePrompt, type PromptVerdict, stopsPrompt } from "./prompt.ts";
export {
  type AutoApproveRule,
  autoApproveRule,
  parseAutoApprove,
} from "./auto_approve.ts";
export { findPolicy, type ListedPolicy, listPolicies } from "./listing.ts";
export { parsePolicyFile, type PolicyFileError } from "./user_policies.ts";
export {
  type AllowRule,
  applyAllowRules,
  type DecisionContext,
  decisionContext,
  narrowestRule,
  ruleCovers,
} from "./allow.ts";
export { builtinPolicy as builtinPolicyInfo } from "./catalogue.ts";
export {
  allowCommand,
  blockMessage,
  connectorType,
  summarize,
} from "./messages.ts";
export { outputNotice } from "./notice.ts";
export {
  type CheckOutputDocument,
  checkOutputDocument,
  type CheckPolicyDocument,
  checkPolicyDocument,
  listPoliciesDocument,
  redactValue,
} from "./contract.ts";
export { parsePatch } from "./patch.ts";
export {
  defuse,
  type Defused,
  INJECTION_MARKER_TYPE,
  isInjection,
  rawValues,
  replaceRaw,
} from "./defuse.ts";
export { type DefusedValue, defuseValue } from "./defuse_value.ts";
