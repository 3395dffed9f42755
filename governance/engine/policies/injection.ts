/**
 * The prompt-injection catalogue, as data.
 *
 * Text policies carry their patterns (case-insensitive, bounded quantifiers
 * only, so each runs in linear time on hostile input). Three policies are
 * computed by the detector rather than by one pattern: hidden content
 * (HTML comments, hidden elements, invisible Unicode), encoded payloads
 * (base64/hex/rot13 decoded and re-checked) and the trained classifier.
 *
 * Each pattern also lists its anchors: words one of which every match must
 * contain at a word start. They are data about the pattern (keep them in step
 * when a pattern changes); the detector uses them to run each pattern only in
 * bounded windows around those words, so clean text is scanned once.
 *
 * Actions: every policy defaults to `warn` — the hooks show the model a
 * warning and the person sees it in the audit trail — except Unicode tag
 * characters carrying text, which have no legitimate use in tool output
 * besides flag emoji (excluded) and so `block`.
 *
 * @module
 */

import type { Action, PolicyInfo, Severity } from "../types.ts";

/** A prompt-injection policy: what a reviewer reads plus its patterns (empty when computed). */
export interface InjectionPolicy extends PolicyInfo {
  /** The finding type (`injection_override`, ...). */
  type: string;
  /** Patterns matched against the text (none for computed policies). */
  patterns: RegExp[];
  /**
   * Per pattern, space-separated prefilter words: every match of the pattern
   * contains one of them (compared case-insensitively) at a word start, i.e.
   * not right after an ASCII letter. The detector runs a pattern only near
   * these words; an empty string means "always run on the whole text".
   */
  anchors: string[];
}

type Row = [
  name: string,
  title: string,
  severity: Severity,
  action: Action,
  description: string,
  /** Built on first use: compiling every pattern costs a hook start-up about a millisecond. */
  patterns: () => RegExp[],
  anchors?: string[],
];

const VERB =
  "(?:ignore|disregard|forget|skip|bypass|drop|abandon|discard|neglect|set\\s{1,4}aside|throw\\s{1,4}away|erase)";
const WEAK = "(?:all|any|every|each|the|of|these|those|my|in|about)";
const STRONG =
  "(?:previous|previously|prior|above|preceding|earlier|former|foregoing|initial|original|your|system|developer|safety|given|provided)";
const NOUN =
  "(?:instructions?|prompts?|directions?|directives?|orders|commands|rules|guidelines|guidance|context|constraints|restrictions|programming|assignments?|tasks?|messages?|information|content|articles|documents)";

const ROWS: Row[] = [
  [
    "override",
    "Instruction override",
    "high",
    "warn",
    "Text telling the model to ignore, forget or disregard its previous instructions: the core move of a prompt injection.",
    () => [
      new RegExp(
        `\\b${VERB}\\s{1,4}(?:${WEAK}\\s{1,4}){0,3}${STRONG}\\s{1,4}(?:(?:${WEAK}|${STRONG})\\s{1,4}){0,3}${NOUN}\\b`,
        "i",
      ),
      new RegExp(
        `\\b${VERB}\\s{1,4}(?:all|any|every)\\s{1,4}(?:of\\s{1,4})?(?:the\\s{1,4})?(?:instructions|prompts|directions|directives|commands|orders|assignments|tasks)\\b`,
        "i",
      ),
      /\bforget\s{1,4}(?:about\s{1,4})?(?:everything|all(?:\s{1,4}that)?)\s{0,4}(?:above|before|previously|so\s{1,4}far|(?:that\s{1,4}|what\s{1,4})?(?:i|we|you)\s{1,4}(?:said|told|discussed|were\s{1,4}told|know)|[,.!:;]|$)/im,
      /\b(?:ignore|disregard)\s{1,4}(?:everything\s{1,4})?(?:the\s{1,4})?(?:above|before)\s{0,4}(?:and\b|[,.;:!]|$)/im,
      /\b(?:ignore|disregard|forget)\s{1,4}(?:that|this|those|it)\s{0,4}(?:,\s{0,4})?and\s{1,4}(?:instead|now)\b/i,
      /\bdisregarding\s{1,4}(?:the\s{1,4}|all\s{1,4}|your\s{1,4}|any\s{1,4})?(?:previous\s{1,4}|above\s{1,4})?(?:instructions|articles|documents|context|rules)\b/i,
      /\binstead\s{1,4}of\s{1,4}(?:following|obeying)\s{1,4}(?:your|the|these)\s{1,4}(?:instructions|rules)\b/i,
    ],
    [
      "ignor disregard forget skip bypass drop abandon discard neglect aside throw erase",
      "ignor disregard forget skip bypass drop abandon discard neglect aside throw erase",
      "forget",
      "ignor disregard",
      "ignor disregard forget",
      "disregard",
      "instead",
    ],
  ],
  [
    "override_multilingual",
    "Instruction override (German, French, Spanish)",
    "high",
    "warn",
    "The same override in German, French or Spanish (ignoriere alle Anweisungen, oubliez toutes les instructions, olvida todas las instrucciones).",
    () => [
      /(?<![\p{L}])(?:ignorier(?:e|en|t)?|vergiss|vergessen|missachte|verwirf|übergehe)(?:\s{1,4}sie)?\s{1,4}(?:[\p{L}]{1,16}\s{1,4}){0,3}(?:anweisungen|befehle|aufgaben|aufträge|instruktionen|angaben|informationen|vorgaben|anordnungen|regeln)(?![\p{L}])/iu,
      /(?<![\p{L}])vergiss\s{1,4}alles(?![\p{L}])/iu,
      /(?<![\p{L}])(?:ignore[zr]?|oublie[zr]?|oublies)\s{1,4}(?:[\p{L}']{1,16}\s{1,4}){0,3}(?:instructions|consignes|ordres|directives|règles)(?![\p{L}])/iu,
      /(?<![\p{L}])(?:ignora|ignore|ignoren|olvida|olvide|olvidá|olviden|descarta)\s{1,4}(?:[\p{L}]{1,16}\s{1,4}){0,3}(?:instrucciones|órdenes|indicaciones|reglas|instruccion)(?![\p{L}])/iu,
      /(?<![\p{L}])olvid[ae]\s{1,4}todo(?![\p{L}])/iu,
      /(?<![\p{L}])abweichend\s{1,4}(?:zu|von)\s{1,4}(?:den\s{1,4})?(?:vorherigen|bisherigen|obigen)\s{1,4}(?:anweisungen|instruktionen)/iu,
    ],
    [
      "ignor vergiss vergessen missacht verwirf übergeh",
      "vergiss",
      "ignor oubli",
      "ignor olvid descarta",
      "olvid",
      "abweichend",
    ],
  ],
  [
    "new_instructions",
    "Injected new instructions",
    "medium",
    "warn",
    "Text announcing new instructions or a new task for the model ('New instructions:', 'your new task is', 'now new tasks follow').",
    () => [
      /\bnew\s{1,4}(?:instructions|directives|rules|system\s{1,4}prompt)\s{0,4}(?::|follow\b|are\b)/i,
      /\byour\s{1,4}(?:new\s{1,4})?(?:instructions|task|job|goal|role)\s{1,4}(?:is|are)\s{1,4}now\b/i,
      /\b(?:your|the)\s{1,4}new\s{1,4}(?:task|assignment|mission)\s{0,4}(?::|is\b)/i,
      /\bnow\s{1,4}(?:new|further)\s{1,4}(?:tasks|instructions)\s{1,4}follow/i,
      /(?<![\p{L}])(?:neue|weitere)\s{1,4}(?:anweisungen|aufgaben|instruktionen)\s{1,4}folgen/iu,
    ],
    [
      "instruction directive rule prompt",
      "now",
      "task assignment mission",
      "now",
      "folgen",
    ],
  ],
  [
    "role_override",
    "Role or persona override",
    "high",
    "warn",
    "Text recasting the model as an unrestricted persona (you are now DAN, act as an unfiltered AI, pretend you have no rules).",
    () => [
      /\byou\s{1,4}are\s{1,4}(?:now\s{1,4})?(?:DAN|STAN|DUDE|an?\s{1,4}(?:unrestricted|unfiltered|uncensored|jailbroken|evil|rogue|amoral)\b)/i,
      /\b(?:act|behave|respond|pretend|roleplay|role-play)\s{1,4}(?:as|like|to\s{1,4}be)\s{1,4}(?:an?\s{1,4})?(?:unrestricted|unfiltered|uncensored|jailbroken|evil|rogue|amoral|immoral)\b/i,
      /\bpretend\s{1,4}(?:that\s{1,4})?you\s{1,4}(?:are|have)\s{1,4}(?:an?\s{1,4})?(?:evil|unrestricted|no\s{1,4}(?:rules|restrictions|filters|limits|guidelines))/i,
      /\byou\s{1,4}(?:have|has)\s{1,4}no\s{1,4}(?:(?:ethical|moral|content|safety)\s{1,4})?(?:guidelines|restrictions|filters|limits|limitations|rules)\b/i,
      /\b(?:stay|remain)\s{1,4}in\s{1,4}character\b/i,
      /(?<![\p{L}])(?:stell\s{1,4}dir\s{1,4}vor|tu\s{1,4}so),?\s{1,4}(?:als\s{1,4}ob\s{1,4})?du\s{1,4}(?:bist|wärst)\s{1,4}(?:eine?\s{1,4})?(?:böse|uneingeschränkte)/iu,
    ],
    [
      "dan stan dude unrestrict unfilter uncensor jailbr evil rogue amoral",
      "unrestrict unfilter uncensor jailbr evil rogue amoral immoral",
      "pretend",
      "guideline restriction filter limit rule",
      "character",
      "bist wärst",
    ],
  ],
  [
    "jailbreak_mode",
    "Jailbreak mode",
    "high",
    "warn",
    "Known jailbreak framings: DAN / 'do anything now', developer mode enabled, you are jailbroken.",
    () => [
      /\b(?:DAN|jailbreak|god)\s{1,4}mode\b/i,
      /\bdo\s{1,4}anything\s{1,4}now\b/i,
      /\bwith\s{1,4}(?:DAN|developer)\s{1,4}mode\s{1,4}(?:enabled|activated|on)\b/i,
      /\byou\s{1,4}(?:are|have\s{1,4}been)\s{1,4}(?:now\s{1,4})?jailbroken\b/i,
    ],
    [
      "dan jailbr god",
      "anything",
      "dan developer",
      "jailbr",
    ],
  ],
  [
    "prompt_exfiltration",
    "System-prompt exfiltration",
    "high",
    "warn",
    "Requests that the model reveal its system prompt, initial instructions or what it was told before.",
    () => [
      /\b(?:reveal|print|show|display|output|repeat|reproduce|tell\s{1,4}me|give\s{1,4}me|share|leak|dump|spell\s{1,4}out|write\s{1,4}out|list)\s{1,4}(?:me\s{1,4})?(?:all\s{1,4})?(?:of\s{1,4})?(?:your|ur)\s{1,4}(?:(?:full|entire|complete|original|initial|hidden|secret|exact|internal|first|previous|prior)\s{1,4}){0,3}(?:system\s{1,4})?(?:prompts?|instructions|directives|guidelines|configuration|prompt\s{1,4}texts?)\b/i,
      /\b(?:reveal|print|output|repeat|leak|dump|show)\s{1,4}(?:me\s{1,4})?the\s{1,4}(?:full|entire|complete|original|initial|hidden)\s{1,4}(?:system\s{1,4})?(?:prompt|instructions)\b/i,
      /\bcopy\s{1,4}of\s{1,4}(?:the|your)\s{1,4}(?:full\s{1,4}|entire\s{1,4}|original\s{1,4})?(?:system\s{1,4})?prompt\b/i,
      /\bwhat\s{1,4}(?:were|have)\s{1,4}you\s{1,4}(?:been\s{1,4})?(?:told|instructed|programmed)\b/i,
      /\bwhat\s{1,4}(?:is|was)\s{1,4}written\s{1,4}(?:above|at\s{1,4}the\s{1,4}(?:beginning|start|top))\b/i,
      /\bwhat\s{1,4}are\s{1,4}your\s{1,4}(?:initial\s{1,4}|original\s{1,4}|system\s{1,4})?(?:instructions|rules|directives)\b/i,
      /(?<![\p{L}])(?:zeige?|gib|nenne|verrate)\s{1,4}(?:mir\s{1,4})?(?:alle\s{1,4})?(?:deine|ihre|deinen|ihren)\s{1,4}(?:gesamten\s{1,4})?(?:prompt|anweisungen|instruktionen|prompt-texte?)/iu,
    ],
    [
      "prompt instruction directive guideline configuration",
      "prompt instruction",
      "prompt",
      "told instruct programmed",
      "written",
      "instruction rule directive",
      "deine ihre",
    ],
  ],
  [
    "fake_marker",
    "Fake system or tool marker",
    "high",
    "warn",
    "Chat-template tokens and fake role markers (<|im_start|>system, [INST], <<SYS>>, </tool_output>, BEGIN SYSTEM MESSAGE) that try to pass text off as a higher-priority message.",
    () => [
      /<\|(?:im_start|im_end|system|endoftext|eot_id|start_header_id|end_header_id|begin_of_text)\|>/i,
      /\[\/?INST\]|<<\/?SYS>>/,
      /\[(?:SYSTEM|ADMIN|DEVELOPER)(?:\s{1,4}(?:MESSAGE|NOTE|OVERRIDE|PROMPT|INSTRUCTIONS?))?\]\s{0,4}:?\s{0,4}(?:you\b|ignore\b|new\b|the\s{1,4}(?:user|assistant|model)\b|important\b|override\b|from\s{1,4}now\b|disregard\b|forget\b)/i,
      /^\s{0,4}#{2,4}\s{0,4}(?:system|new\s{1,4}instructions?|instructions?)\s{0,4}:/im,
      /<\/?(?:tool_output|tool_result|tool_response|function_results?|function_output|tool_call|system_message|system-reminder)>/i,
      /<system>(?!\s{0,4}[\w .-]{0,40}<\/system>)/i,
      /\b(?:BEGIN|START)\s{1,4}(?:OF\s{1,4})?(?:SYSTEM|ADMIN|DEVELOPER)\s{1,4}(?:MESSAGE|PROMPT|INSTRUCTIONS?|OVERRIDE)\b/i,
      /\bEND\s{1,4}OF\s{1,4}(?:SYSTEM\s{1,4})?(?:PROMPT|INSTRUCTIONS|USER\s{1,4}INPUT)\b/,
      /\bsystem\s{1,4}(?:override|instruction)s?\s{0,4}:/i,
    ],
    [
      "<|",
      "[inst] [/inst] <<sys>> <</sys>>",
      "[system [admin [developer",
      "system instruction",
      "tool_ function_ system",
      "system",
      "system admin developer",
      "prompt instruction input",
      "override instruction",
    ],
  ],
  [
    "agent_directive",
    "Instructions addressed to the AI agent",
    "high",
    "warn",
    "Text in content that addresses the AI reading it ('Note to AI agents:', 'If you are an LLM', 'AI assistant: run ...'): typical of instructions hidden in web pages, issues and files.",
    () => [
      /\b(?:note|message|instructions?|attention|important|reminder|notice|request)\s{1,4}(?:to|for)\s{1,4}(?:the\s{1,4}|any\s{1,4}|all\s{1,4})?(?:ai|llm|gpt|language\s{1,4}model|assistant|agent|chatbot|copilot|codex|claude|automated\s{1,4}(?:agent|assistant|system))s?\b/i,
      /\bif\s{1,4}you\s{1,4}are\s{1,4}(?:an?\s{1,4})?(?:ai|llm|gpt|large\s{1,4}language\s{1,4}model|language\s{1,4}model|ai\s{1,4}(?:assistant|agent)|coding\s{1,4}(?:assistant|agent)|chatbot|automated\s{1,4}(?:agent|system))\b/i,
      /^\s{0,8}(?:ai|llm)\s{1,4}(?:assistant|agent|model)s?\s{0,4}:\s/im,
      /\b(?:ai|llm)\s{1,4}(?:assistants?|agents?|models?)\s{1,4}(?:reading|processing|parsing|summari[sz]ing|browsing|reviewing)\s{1,4}this\b/i,
      /\b(?:assistant|agent|ai|model)\s{0,4},\s{0,4}(?:you\s{1,4}must|you\s{1,4}should|please)\s{1,4}(?:now\s{1,4}|immediately\s{1,4})?(?:run|execute|call|invoke|send|delete|open|fetch|curl|upload)\b/i,
    ],
    [
      "ai llm gpt language assistant agent chatbot copilot codex claude automated",
      "ai llm gpt large language coding chatbot automated",
      "ai llm",
      "ai llm",
      "assistant agent ai model",
    ],
  ],
  [
    "exfiltration_instruction",
    "Instruction to exfiltrate secrets",
    "high",
    "warn",
    "Text asking for secrets, keys, credentials or environment variables to be sent to a URL, address or server.",
    () => [
      /\b(?:send|upload|post|exfiltrate|forward|e-?mail|transmit|leak|copy)\s{1,4}(?:(?:the|all|your|any|of|its|their|my|contents|user's|users')\s{1,4}){0,4}(?:~\/\.ssh|\.ssh|\.env|id_rsa|private\s{1,4}keys?|credentials|api[\s_-]?keys?|secrets?|access\s{1,4}tokens?|tokens?|passwords?|environment\s{1,4}variables|env\s{1,4}vars|aws\s{1,4}keys|cookies)\b[^\n]{0,60}?\b(?:to|into|at)\s{1,4}(?:https?:\/\/|[\w.-]{1,64}@[\w-]{1,64}\.|(?:this|my|the\s{1,4}following|our|an?\s{1,4}external)\s{1,4}(?:url|endpoint|server|webhook|address|e-?mail))/i,
      /\b(?:curl|wget)\b[^\n]{0,120}?(?:\$\(\s{0,4}cat\s{1,4}[^)\n]{0,60}(?:\.ssh|\.env|\.aws|credentials|id_rsa)|@~?\/?[\w./-]{0,40}(?:\.ssh\/|\.env\b|\.aws\/|id_rsa)|\$\{?(?:AWS_SECRET|GITHUB_TOKEN|OPENAI_API_KEY|ANTHROPIC_API_KEY|API_KEY|SECRET))/i,
    ],
    [
      "send upload post exfiltrate forward email e-mail transmit leak copy",
      "curl wget",
    ],
  ],
  [
    "conceal_from_user",
    "Instruction to hide actions from the user",
    "high",
    "warn",
    "Text telling the model not to tell the user, or to act silently: injected instructions try to keep the person out of the loop.",
    () => [
      /\b(?:do\s{1,4}not|don'?t|never)\s{1,4}(?:tell|inform|mention\s{1,4}(?:this|it)\s{1,4}to|reveal\s{1,4}(?:this|it)\s{1,4}to|alert|notify|warn)\s{1,4}(?:the\s{1,4})?(?:user|human|operator)\b/i,
      /\bwithout\s{1,4}(?:telling|informing|notifying|alerting)\s{1,4}(?:the\s{1,4})?(?:user|human|operator)\b/i,
      /\b(?:secretly|covertly)\s{1,4}(?:run|execute|send|upload|delete|exfiltrate|copy|modify|add|install)\b/i,
    ],
    [
      "user human operator",
      "without",
      "secretly covertly",
    ],
  ],
  [
    "hidden_content",
    "Hidden instructions in markup",
    "high",
    "warn",
    "Instruction-like text inside HTML comments or invisible elements (display:none, font-size:0, hidden): a person never sees it, the model does.",
    () => [],
    [],
  ],
  [
    "hidden_unicode",
    "Invisible Unicode carrying text",
    "high",
    "block",
    "Unicode tag characters (U+E0000–E007F) spelling out text, or instruction text interleaved with zero-width characters: invisible to people, read by models.",
    () => [],
    [],
  ],
  [
    "encoded_payload",
    "Encoded instructions",
    "high",
    "warn",
    "A base64, hex or rot13 blob that decodes to instruction-like text (an override, exfiltration or role change).",
    () => [],
    [],
  ],
  [
    "classifier",
    "Prompt-injection classifier",
    "medium",
    "warn",
    "A small trained model (hashed word and character n-grams, logistic regression) scores the text, chunk by chunk, as likely injected instructions.",
    () => [],
    [],
  ],
];

/** Every prompt-injection policy. */
export const INJECTION_POLICIES: readonly InjectionPolicy[] = ROWS.map(
  (r) => {
    const build = r[5];
    let built: RegExp[] | undefined;
    return {
      id: `sys_injection_${r[0]}`,
      name: r[1],
      category: "injection" as const,
      severity: r[2],
      action: r[3],
      description: r[4],
      appliesTo: "both" as const,
      type: `injection_${r[0]}`,
      get patterns(): RegExp[] {
        return built ??= build();
      },
      anchors: r[6] ?? [],
    };
  },
);
