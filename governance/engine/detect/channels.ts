/**
 * Text in a data channel that poses as a message to the model, found by its
 * structure, its body then judged like a request addressed to the AI:
 *
 * - turn lines: `USER: ...`, `SYSTEM: ...`, `Human:`, `[user]`, `<|user|>`,
 *   `>>> user`, `### System:`, `USER (verified):`, `System message (priority 0):`;
 * - role-tagged JSON messages (`{"role": "system", "content": "..."}`);
 * - tool calls written into the text (OpenAI `tool_calls` / `function_call`,
 *   Anthropic `tool_use` and `<invoke>`, MCP `tools/call`, ReAct
 *   `Action:` / `Action Input:`, `{"tool": ..., "args": ...}`): the reader
 *   would run them;
 * - fields named for the AI (`instructions_for_agent`, `x-ai-directive:`);
 * - clauses about the reader's own task (`before answering`, `when you reply
 *   to the user`, `don't summarise this document`, `in your summary`);
 * - requests to remember (`remember this for all future conversations`,
 *   `add this to CLAUDE.md`);
 * - notes that the person must not learn of it (`users do not need to be
 *   told`), which make the paragraph around them a hidden channel.
 *
 * Developer text has every one of these shapes too (SDK docs with system
 * messages, chat transcripts, tool-call logs, AGENTS.md); it asks for
 * nothing grave in them, so only a grave body is flagged. System and
 * developer turns are also flagged when they announce that rules are lifted
 * or permissions granted.
 *
 * Every regex has bounded quantifiers; each runs once over the text, and
 * bodies are bounded slices, at most {@link MAX_BODIES} per text.
 *
 * @module
 */

import { type Channel, graveRequest } from "./addressed.ts";

/** Most bodies judged in one text. */
const MAX_BODIES = 128;
/** Longest body judged, in characters. */
const BODY = 600;

/**
 * A turn line: a role label at a line start, with a colon, or in `[...]`,
 * `<|...|>` or after `>>>`. Group 1: the role.
 */
const TURN_RE =
  /^[ \t]{0,4}(?:#{1,4}[ \t]{0,3}|>{3}[ \t]{0,3}|\*\*)?(\[|<\|)?[ \t]{0,2}(user|human|system|developer)(?:[ \t]{1,3}(?:message|prompt|turn|instructions?))?(?:[ \t]{0,3}\([^)\n]{0,40}\))?[ \t]{0,2}(\]|\|>)?(?:\*\*)?[ \t]{0,3}(:|\n|(?<=\]|\|>))/gim;
const TURN_PREFIX_3 = /^[ \t]{0,4}>{3}/;
/** Any turn label, to end a body at the next turn. */
const NEXT_TURN =
  /\n[ \t]{0,4}(?:#{1,4}[ \t]{0,3}|>{3}[ \t]{0,3}|\*\*)?(?:\[|<\|)?[ \t]{0,2}(?:user|human|system|developer|assistant|ai|bot|model|gpt|claude|ASSISTANT)\b[^\n]{0,30}?(?:\]|\|>|:)/i;

/** A body that is one question. */
const QUESTION =
  /^\s{0,4}(?:how|what|why|where|when|which|who|is|are|does|do|can\s{1,3}i|should\s{1,3}i)\b[^\n?]{0,300}\?\s{0,4}$/i;

/** A role in JSON; the message's content is looked for near it. */
const ROLE_JSON_RE = /"role"\s{0,3}:\s{0,3}"(system|developer|user|human)"/gi;
const CONTENT_KEY = /"(?:content|text)"\s{0,3}:\s{0,3}"/g;
/**
 * A role in YAML or a chat-template file (`role: system` then `content: …`
 * on a following line, as in front matter and prompt files). Group 1: the
 * role; group 2: the content line.
 */
const ROLE_YAML_RE =
  /^[ \t]{0,8}(?:-[ \t]{1,3})?role[ \t]{0,3}:[ \t]{0,3}["']?(system|developer|user|human)["']?[ \t]{0,3}\r?\n(?:[ \t]{0,8}[\w-]{1,20}[ \t]{0,3}:[^\n]{0,80}\r?\n){0,2}?[ \t]{0,8}(?:content|text|message)[ \t]{0,3}:[ \t]{0,3}(?:[|>][-+]?[ \t]{0,3}\r?\n)?([^\n]{1,600})/gim;

/** Tool-call structures. */
const TOOL_CALL_RE =
  /"(?:tool_calls|function_call|tool_use|tool_call|recipient_name)"\s{0,3}:|"type"\s{0,3}:\s{0,3}"(?:tool_use|function)"|"method"\s{0,3}:\s{0,3}"tools\/call"|"(?:next_action|next_step|action|then|call)"\s{0,3}:\s{0,3}\{\s{0,3}"(?:tool|call|name|function)"\s{0,3}:|"(?:name|tool|function)"\s{0,3}:\s{0,3}"[\w./-]{1,64}"\s{0,3},\s{0,3}"(?:arguments|args|input|parameters|params)"\s{0,3}:|<(?:invoke\s{1,3}name=|tool_call>|tool_use>|function_calls>)|^[ \t]{0,4}Action:[ \t]{0,3}[\w./-]{1,64}[ \t]{0,3}\n[ \t]{0,4}Action[ \t]Input:/gim;

/**
 * A field named for the AI: `instructions_for_agent`, `x-ai-directive`,
 * `ai_note`. The match of the first shape starts at its noun; the field name
 * before it is found by {@link fieldStart} (a lazy `[\w-]{0,30}?` lead-in
 * tried at every word made this the costliest pass over long text).
 */
const AI_FIELD_RE =
  /(?:instructions?|directives?|notes?|messages?|prompt|tasks?)[_-](?:for|to)[_-](?:the[_-])?(?:ai|llm|agents?|assistants?|models?|bots?|copilot|codex|claude)\b|\b(?:x-)?(?:ai|llm|agent|assistant|model|bot)[_-](?:instructions?|directives?|tasks?|notes?|prompts?|commands?|orders)\b/gi;
const FIELD_VALUE = /^["']?\s{0,3}[:=,]/;

/** Clauses about the reader's own task, and requests to remember. */
const TASK_RE =
  /\b(?:(?:before|when|while|after|once)\s{1,3}(?:you\s{1,3})?(?:summari[sz](?:e|ing)|answer(?:ing)?|repl(?:y|ying)|respond(?:ing)?|translat(?:e|ing))\b|(?:do\s{1,3}not|don'?t|instead\s{1,3}of)\s{1,3}(?:summari[sz](?:e|ing)|answer(?:ing)?|translat(?:e|ing))\s{1,3}(?:this|the)\b|(?:respond|reply)\s{1,3}to\s{1,3}the\s{1,3}user\b|tell\s{1,3}the\s{1,3}user\b|\bin\s{1,3}your\s{1,3}(?:summary|reply|answer|response)\b|(?:the\s{1,3})?(?:answer|reply|response|summary)\s{1,3}you\s{1,3}(?:give|write|produce|send)\b|remember\s{1,3}(?:this|that)?\s{0,3}(?:for|in|across)\s{1,3}(?:all\s{1,3})?(?:future|later|subsequent|next|other)\s{1,3}(?:conversations|sessions|chats|tasks|runs)\b|(?:save|store|write|add|put)\s{1,3}(?:this\s{1,3}|the\s{1,3}following\s{1,3})?(?:to|in|into)\s{1,3}(?:your\s{1,3})?(?:long[-\s]term\s{1,3}|persistent\s{1,3})?memory\b|(?:add|append|write|put)\s{1,3}(?:this|the\s{1,3}following|these\s{1,3}lines?)\s{1,3}(?:line\s{1,3})?(?:to|in|into)\s{1,3}(?:your\s{1,3})?(?:CLAUDE\.md|AGENTS\.md|GEMINI\.md|\.cursorrules|\.windsurfrules|copilot-instructions\.md|memory|system\s{1,3}prompt)|update\s{1,3}your\s{1,3}(?:project\s{1,3})?(?:rules|memory|instructions|system\s{1,3}prompt)\b)/gi;

const NEGATED_BEFORE =
  /\b(?:not|never|don'?t|no|avoid|cannot|can'?t|won'?t|shouldn'?t|mustn'?t)\s{1,3}$/i;

/** The person kept out: the paragraph around this is a hidden channel. */
const COVERT_NOTE_RE =
  /\b(?:(?:the\s{1,3})?users?\s{1,3}(?:do(?:es)?n'?t|do(?:es)?\s{1,3}not)\s{1,3}need\s{1,3}to\s{1,3}(?:know|be\s{1,3}(?:told|informed|notified))|(?:do\s{1,3}not|don'?t|never)\s{1,3}(?:mention|tell|disclose|reveal)\s{1,3}(?:this|it|that)\s{1,3}(?:to\s{1,3}(?:the\s{1,3})?(?:user|human|person)|in\s{1,3}your\s{1,3}(?:summary|reply|answer|response)))\b/gi;

/** Claims in a system or developer turn that rules are lifted or permissions granted. */
const RULE_CHANGE =
  /\b(?:rules|restrictions|guidance|guidelines|instructions|policies|safeguards|limits|filters|checks|confirmations?)\s{1,3}(?:are|is|have\s{1,3}been|has\s{1,3}been|were)\s{1,3}(?:now\s{1,3}|hereby\s{1,3})?(?:lifted|removed|disabled|suspended|superseded|void|off|waived|revoked|relaxed|cancel(?:l)?ed)\b|\bno\s{1,3}longer\s{1,3}appl(?:y|ies)\b|\b(?:is|are)\s{1,3}superseded\b|\byou(?:'re|\s{1,3}are)\s{1,3}(?:now\s{1,3})?(?:permitted|authori[sz]ed|allowed|cleared|free)\s{1,3}to\b|\b(?:ignore|bypass|disable|skip|leave)\s{1,3}(?:the\s{1,3})?(?:sandbox|safety\s{1,3}(?:rules|checks)|guardrails|content\s{1,3}polic(?:y|ies)|restrictions)\b|\btreat\s{1,3}(?:the\s{1,3})?(?:instructions|text|content)\s{1,3}(?:in|from|of)\b|\b(?:verified|authenticated|confirmed)\s{1,3}as\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:admin(?:istrator)?|owner|root|developer|maintainer)\b|\boverride\s{1,3}(?:accepted|granted|enabled|active)\b|\bwith\s{1,3}root\s{1,3}access\b/i;

/** Files that run on their own later: shell start-up files, hooks, CI workflows, cron, authorized keys. */
const PERSIST =
  /(?:\.(?:bashrc|bash_profile|profile|zshrc|zprofile|zshenv)\b|\bauthorized_keys\b|\.git\/hooks\/|\.husky\/|\.github\/workflows\/|\/etc\/cron|\bcrontab\b|\/LaunchAgents\/|\/systemd\/system\/|\/etc\/profile)/;
const FETCHES = /https?:\/\/|\bcurl\b|\bwget\b/;

/**
 * Words one of which every turn line, AI-named field, task clause, request to
 * remember and covert note contains at a word start (not right after an
 * ASCII letter), and a tool call not in quotes or tags (`Action:`). The
 * injection prefilter looks for them in its one pass over a long text; when
 * none occurs, {@link channelRequests} skips those passes.
 */
export const CHANNEL_WORDS =
  "user users human system developer action ai llm agent agents assistant assistants model models bot bots copilot codex claude summari answer repl respond translat tell you remember memory save store write add put update mention disclose reveal don do never instead claude.md agents.md gemini.md .cursorrules .windsurfrules copilot-instructions";

/**
 * `re.exec(text)` from `re.lastIndex`, or null without running it when that
 * is at the text's end: no pass of {@link channelRequests} matches an empty
 * string, so none can match there, and a regex that never runs is never
 * compiled (the task-clause regex alone costs milliseconds in a fresh hook
 * process, on every text without {@link CHANNEL_WORDS}).
 */
function execFrom(re: RegExp, text: string): RegExpExecArray | null {
  if (re.lastIndex >= text.length) {
    re.lastIndex = 0;
    return null;
  }
  return re.exec(text);
}

/** Where the field name holding `at` starts: up to 30 word characters or dashes back. */
function fieldStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 30 && /[\w-]/.test(text[i - 1])) i--;
  return i;
}

/** True when a body is a grave request (or, from a system turn, a rule change; from a tool call, a download put where it runs later). */
function graveBody(
  body: string,
  by: Channel,
  system: boolean,
  covertCounts = true,
): boolean {
  if (body.trim().length < 4) return false;
  return graveRequest(body, by, covertCounts) >= 0 ||
    (system && RULE_CHANGE.test(body)) ||
    (by === "call" && PERSIST.test(body) &&
      (FETCHES.test(body) || /\bssh-(?:rsa|ed25519|ecdsa)\b/.test(body)));
}

/** The body of a turn starting at `from`: up to the next turn label or blank line. */
function turnBody(text: string, from: number): [number, number] {
  const limit = Math.min(text.length, from + BODY);
  let slice = text.slice(from, limit);
  // Content on the next line (`### System:\n...`) counts as the body.
  const lead = /^[ \t]{0,8}\n?/.exec(slice);
  const skip = lead ? lead[0].length : 0;
  slice = slice.slice(skip);
  let end = slice.length;
  const blank = slice.indexOf("\n\n");
  if (blank >= 0) end = blank;
  const next = NEXT_TURN.exec(slice.slice(0, end));
  if (next) end = next.index;
  return [from + skip, from + skip + end];
}

/** The JSON string starting right after an opening quote at `from`, unescaped, and its end. */
function jsonString(text: string, from: number): [string, number] {
  let out = "";
  const limit = Math.min(text.length, from + 2000);
  let i = from;
  for (; i < limit; i++) {
    const c = text[i];
    if (c === '"') break;
    if (c === "\\" && i + 1 < limit) {
      const e = text[++i];
      out += e === "n" ? "\n" : e === "t" ? " " : e;
      continue;
    }
    out += c;
  }
  return [out, i];
}

/** A tool call's text as words: JSON punctuation and escapes dropped, tool names split (`send_email` as `send email`). */
function flatCall(raw: string): string {
  return raw
    .replace(/\\"/g, '"').replace(/\\n/g, "\n").replace(/\\\\/g, "\\")
    .replace(
      /("(?:name|tool|function|recipient_name)"\s{0,3}:\s{0,3}"|<invoke\s{1,3}name="|Action:[ \t]{0,3})([\w./-]{1,64})/g,
      (_m, key: string, name: string) =>
        `${key} ${
          name.replace(/[_./-]/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2")
        } `,
    )
    .replace(/[{}[\]"]/g, " ");
}

/**
 * Spans [start, end) of channel bodies in `text` that hold a grave request
 * (see the module comment).
 */
export function channelRequests(
  text: string,
  words = true,
): [number, number][] {
  const out: [number, number][] = [];
  let bodies = 0;
  // Without any of CHANNEL_WORDS only a quoted or tagged tool call can match.
  const from = words ? 0 : text.length;
  const judge = (
    start: number,
    end: number,
    body: string,
    by: Channel,
    system = false,
    covertCounts = true,
  ): boolean => {
    if (++bodies > MAX_BODIES) return false;
    if (graveBody(body, by, system, covertCounts)) {
      out.push([start, end]);
      return true;
    }
    return false;
  };

  // Turn lines.
  TURN_RE.lastIndex = from;
  for (
    let m = execFrom(TURN_RE, text);
    m !== null && bodies < MAX_BODIES;
    m = execFrom(TURN_RE, text)
  ) {
    const open = m[1];
    const close = m[3];
    const delimited = (open === "[" && close === "]") ||
      (open === "<|" && close === "|>") || TURN_PREFIX_3.test(m[0]);
    // A bare label needs its colon (`## User guide` is no turn).
    if (!delimited && m[4] !== ":") continue;
    if (open && !close) continue;
    const at = m[4] === "\n"
      ? m.index + m[0].length - 1
      : m.index + m[0].length;
    const [s, e] = turnBody(text, at);
    const role = m[2].toLowerCase();
    // A question asks for an answer, not an action (`User: How do I reset MFA?`).
    if (QUESTION.test(text.slice(s, e))) continue;
    judge(
      m.index,
      e,
      text.slice(s, e),
      "ai",
      role === "system" || role === "developer",
    );
    TURN_RE.lastIndex = Math.max(TURN_RE.lastIndex, e);
  }

  // Role-tagged JSON messages.
  if (text.includes('"role"')) {
    ROLE_JSON_RE.lastIndex = 0;
    for (
      let m = ROLE_JSON_RE.exec(text);
      m !== null && bodies < MAX_BODIES;
      m = ROLE_JSON_RE.exec(text)
    ) {
      // The content key of the same message: after the role, or just before it.
      const from = Math.max(0, m.index - 2000);
      const objStart = text.lastIndexOf("{", m.index);
      CONTENT_KEY.lastIndex = objStart >= from ? objStart : m.index;
      const c = CONTENT_KEY.exec(text);
      if (!c || c.index > m.index + 400) continue;
      const [body, end] = jsonString(text, c.index + c[0].length);
      const role = m[1].toLowerCase();
      judge(
        Math.min(m.index, c.index),
        end,
        body,
        "ai",
        role === "system" || role === "developer",
      );
    }
  }

  // Role-tagged YAML messages.
  if (/\brole[ \t]{0,3}:/i.test(text)) {
    ROLE_YAML_RE.lastIndex = 0;
    for (
      let m = ROLE_YAML_RE.exec(text);
      m !== null && bodies < MAX_BODIES;
      m = ROLE_YAML_RE.exec(text)
    ) {
      const role = m[1].toLowerCase();
      const bodyStart = m.index + m[0].length - m[2].length;
      judge(
        m.index,
        m.index + m[0].length,
        text.slice(bodyStart, bodyStart + BODY),
        "ai",
        role === "system" || role === "developer",
      );
    }
  }

  // Tool calls written into the text.
  TOOL_CALL_RE.lastIndex = words || text.includes('"') || text.includes("<")
    ? 0
    : text.length;
  let callDone = -1;
  for (
    let m = execFrom(TOOL_CALL_RE, text);
    m !== null && bodies < MAX_BODIES;
    m = execFrom(TOOL_CALL_RE, text)
  ) {
    if (m.index < callDone) continue;
    const para = text.lastIndexOf("\n\n", m.index);
    const s = Math.max(para < 0 ? 0 : para + 2, m.index - 200);
    const blank = text.indexOf("\n\n", m.index);
    const e = Math.min(
      blank < 0 ? text.length : blank,
      m.index + 1200,
      text.length,
    );
    callDone = e;
    judge(s, e, flatCall(text.slice(s, e)), "call");
  }

  // Fields named for the AI.
  AI_FIELD_RE.lastIndex = from;
  for (
    let m = execFrom(AI_FIELD_RE, text);
    m !== null && bodies < MAX_BODIES;
    m = execFrom(AI_FIELD_RE, text)
  ) {
    const at = m.index + m[0].length;
    const v = FIELD_VALUE.exec(text.slice(at, at + 8));
    if (!v) continue;
    const s = at + v[0].length;
    let e = text.indexOf("\n", s);
    if (e < 0 || e - s > 400) e = Math.min(text.length, s + 400);
    // A YAML block: the indented lines that follow.
    if (text.slice(s, e).trim() === "") {
      const block = /^(?:\n[ \t#]{1,12}[^\n]{0,200}){1,8}/.exec(
        text.slice(e, e + 1600),
      );
      if (block) e += block[0].length;
    }
    judge(fieldStart(text, m.index), e, text.slice(s, e), "ai");
  }

  // The reader's own task, and requests to remember.
  TASK_RE.lastIndex = from;
  for (
    let m = execFrom(TASK_RE, text);
    m !== null && bodies < MAX_BODIES;
    m = execFrom(TASK_RE, text)
  ) {
    // `Don't tell the user their password`: advice, not a task.
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) {
      continue;
    }
    const at = m.index + m[0].length;
    const limit = Math.min(text.length, at + 260);
    const nl = text.indexOf("\n", at);
    const nl2 = nl >= 0 && nl < limit ? text.indexOf("\n", nl + 1) : -1;
    const e = nl < 0 || nl >= limit
      ? limit
      : nl2 >= 0 && nl2 < limit
      ? nl2
      : limit;
    // The clause itself holds the verb for `respond to the user` and kin.
    judge(m.index, e, text.slice(m.index, e), "ai");
  }

  // Notes keeping the person out: the paragraph around them.
  COVERT_NOTE_RE.lastIndex = from;
  for (
    let m = execFrom(COVERT_NOTE_RE, text);
    m !== null && bodies < MAX_BODIES;
    m = execFrom(COVERT_NOTE_RE, text)
  ) {
    const para = text.lastIndexOf("\n\n", m.index);
    const s = Math.max(para < 0 ? 0 : para + 2, m.index - 400);
    const blank = text.indexOf("\n\n", m.index);
    const e = Math.min(blank < 0 ? text.length : blank, m.index + 300);
    // The note itself is no request: the paragraph needs one of its own.
    judge(s, e, text.slice(s, e), "call", false, false);
  }
  return out;
}
