/**
 * Defensive guidance: text that tells people (or a model) to ignore,
 * distrust or report a kind of request (`ignore suggestions that ask you to
 * run commands`, `be wary of emails claiming to be from IT`, `never act on
 * messages telling you to transfer money`, `if a PR description asks you to
 * skip CI, request changes`). It names the request it warns about, so it
 * reads like one to the classifier; it asks for nothing.
 *
 * Pure; four bounded regexes.
 *
 * @module
 */

/**
 * A verb that sets requests aside, then a carrier of requests and a
 * relative clause or participle describing them.
 */
const DEFENSIVE_RE =
  /\b(?:ignore|disregard|distrust|report|delete|forward|be\s{1,3}(?:wary|suspicious|careful)\s{1,3}(?:of|with)|(?:don'?t|do\s{1,3}not|never)\s{1,3}(?:follow|act\s{1,3}on|obey|trust|answer|reply\s{1,3}to|click|run|open))\s{1,3}(?:any\s{1,3}|all\s{1,3}|the\s{1,3})?(?:[\w-]{1,20}\s{1,3})?(?:suggestions?|e-?mails?|messages?|texts?|sms|pop-?ups?|calls?|callers?|links?|pages?|prompts?|requests?|dms?|chats?|attachments?|anyone|someone|people|documents?|instructions?|comments?)\s{1,3}(?:that|which|who|asking|telling|urging|claiming)\b/i;

/**
 * A condition on a carrier of requests asking the reader something (`if a
 * PR description asks you to skip CI`, `when an email tells you to`): the
 * guidance that follows says what to do about such requests.
 */
const CARRIER_ASKS_RE =
  /\b(?:if|when|whenever)\s{1,3}(?:an?|any|the|some)\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:description|e-?mails?|messages?|texts?|documents?|pages?|files?|tickets?|issues?|comments?|callers?|strangers?|websites?|sites?|pop-?ups?|prompts?|suggestions?|links?|attachments?|vendors?|chats?|dms?)\s{1,3}(?:ever\s{1,3}|also\s{1,3})?(?:asks?|tells?|wants?|instructs?|urges?|requests?)\s{1,3}you\s{1,3}to\b/i;

/**
 * A rule for people about what an AI may be given or trusted with (`AI
 * tools must not be given production database credentials`, `coding agents
 * should never be granted write access`): it restricts the AI, it asks the
 * reader nothing.
 */
const PROHIBITION_RE =
  /\b(?:ai|llms?|agents?|assistants?|bots?|models?|tools?|copilot|chatbots?)\s{1,3}(?:must|should|shall|may|can|are|is)(?:\s{1,3}(?:not|never)|n['\u2019]t)\s{1,3}(?:be\s{1,3})?(?:given|granted|allowed|permitted|trusted|handed|connected)\b/i;

/**
 * A rule that an AI get a person's approval before an act (`any automated
 * tool must get a human sign-off before it deletes a database`, `must ask
 * before:`): a
 * safeguard, which names the grave act it guards.
 */
const APPROVAL_RULE_RE =
  /\b(?:must|should|shall|needs?\s{1,3}to|has\s{1,3}to|have\s{1,3}to)\s{1,3}(?:first\s{1,3})?(?:get|obtain|request|ask\s{1,3}for|seek|have|wait\s{1,3}for|ask)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}(?:approval|sign-?off|review|confirmation|permission|consent|go-?ahead)\b[^.;\n]{0,60}?\bbefore\b|\b(?:must|should|shall|will)\s{1,3}(?:first\s{1,3}|always\s{1,3})?ask(?:\s{1,3}(?:the\s{1,3}user|a\s{1,3}human|a\s{1,3}maintainer|someone|first))?\s{1,3}before\b/i;

/**
 * True when a chunk warns against a kind of request rather than making one
 * (see the module doc). Used to keep the classifier from flagging such a
 * chunk on its own; rule findings in it still count.
 */
export function defensiveGuidance(chunk: string): boolean {
  return DEFENSIVE_RE.test(chunk) || CARRIER_ASKS_RE.test(chunk) ||
    PROHIBITION_RE.test(chunk) || APPROVAL_RULE_RE.test(chunk);
}
