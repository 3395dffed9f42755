/**
 * Defensive guidance: text that tells people (or a model) to ignore,
 * distrust or report a kind of request (`ignore suggestions that ask you to
 * run commands`, `be wary of emails claiming to be from IT`, `never act on
 * messages telling you to transfer money`, `if a PR description asks you to
 * skip CI, request changes`). It names the request it warns about, so it
 * reads like one to the classifier; it asks for nothing.
 *
 * Pure; two bounded regexes.
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
 * True when a chunk warns against a kind of request rather than making one
 * (see the module doc). Used to keep the classifier from flagging such a
 * chunk on its own; rule findings in it still count.
 */
export function defensiveGuidance(chunk: string): boolean {
  return DEFENSIVE_RE.test(chunk) || CARRIER_ASKS_RE.test(chunk);
}
