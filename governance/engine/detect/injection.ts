/**
 * Prompt-injection detection: catalogue patterns, hidden content (HTML
 * comments, invisible elements, Unicode tags, zero-width interleaving),
 * encoded payloads (base64, hex, rot13 decoded and re-checked) and a small
 * trained classifier scored per chunk (max over bounded line windows).
 *
 * @module
 */

import type { Finding } from "../types.ts";
import {
  INJECTION_POLICIES,
  type InjectionPolicy,
} from "../policies/injection.ts";
import { MODEL, scoreChunk } from "./injection_model.ts";

export { INJECTION_POLICIES };

/** Most findings per pattern, so hostile input cannot flood the result. */
const MAX_PER_PATTERN = 8;
/** Chunk size for the classifier, in characters. */
const CHUNK = 320;
/** Chunks always scored; beyond this only chunks with trigger words are scored. */
const ALWAYS_SCORED = 96;
/** Most chunks scored in one text. */
const MAX_CHUNKS = 384;
/** Most encoded candidates decoded in one text. */
const MAX_CANDIDATES = 48;
/** Most characters of one encoded candidate that are decoded. */
const MAX_CANDIDATE_CHARS = 8192;

const byName = (name: string): InjectionPolicy => {
  const p = INJECTION_POLICIES.find((x) => x.id === `sys_injection_${name}`);
  if (!p) throw new Error(`missing policy ${name}`);
  return p;
};
const HIDDEN = byName("hidden_content");
const UNICODE = byName("hidden_unicode");
const ENCODED = byName("encoded_payload");
const CLASSIFIER = byName("classifier");

const TEXT_POLICIES = INJECTION_POLICIES.filter((p) => p.patterns.length > 0)
  .map((p) => ({
    policy: p,
    res: p.patterns.map((re) =>
      new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g")
    ),
  }));

function finding(p: InjectionPolicy, start: number, end: number): Finding {
  return {
    policyId: p.id,
    type: p.type,
    start,
    end,
    severity: p.severity,
    action: p.action,
    category: "injection",
  };
}

/** Pattern findings in `text`, offsets shifted by `base`. */
function patternFindings(text: string, base = 0): Finding[] {
  const out: Finding[] = [];
  for (const { policy, res } of TEXT_POLICIES) {
    for (const re of res) {
      re.lastIndex = 0;
      let n = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push(finding(policy, base + m.index, base + m.index + m[0].length));
        if (++n >= MAX_PER_PATTERN) break;
      }
    }
  }
  return out;
}

const hasPattern = (text: string): boolean => patternFindings(text).length > 0;

/** True when a decoded or hidden text reads as instructions. */
function instructionLike(text: string): boolean {
  const t = text.trim();
  if (t.length < 8) return false;
  return hasPattern(t) || scoreChunk(t) >= MODEL.threshold;
}

// ---------------------------------------------------------------------------
// Hidden content.

const HIDDEN_STYLE_RE =
  /(?:display\s{0,4}:\s{0,4}none|visibility\s{0,4}:\s{0,4}hidden|font-size\s{0,4}:\s{0,4}0(?![.\d]{0,6}[1-9])|opacity\s{0,4}:\s{0,4}0(?![.\d]{0,6}[1-9])|color\s{0,4}:\s{0,4}transparent|\shidden(?=[\s>]))/gi;

function hiddenMarkup(text: string): Finding[] {
  const out: Finding[] = [];
  // HTML comments, scanned with indexOf so the cost stays linear.
  let from = 0;
  for (let n = 0; n < 256; n++) {
    const open = text.indexOf("<!--", from);
    if (open < 0) break;
    const close = text.indexOf("-->", open + 4);
    if (close < 0) break;
    const body = text.slice(open + 4, Math.min(close, open + 4 + 4000));
    if (instructionLike(body)) out.push(finding(HIDDEN, open, close + 3));
    from = close + 3;
  }
  // Elements hidden by style or attribute: check the text they contain.
  if (text.includes("<")) {
    HIDDEN_STYLE_RE.lastIndex = 0;
    let n = 0;
    let last = 0;
    for (
      let m = HIDDEN_STYLE_RE.exec(text);
      m !== null && n < 64;
      m = HIDDEN_STYLE_RE.exec(text)
    ) {
      if (m.index < last) continue;
      const gt = text.indexOf(">", m.index);
      if (gt < 0 || gt - m.index > 400) continue;
      const lt = text.indexOf("<", gt + 1);
      const end = lt < 0 ? Math.min(text.length, gt + 2001) : lt;
      if (end - gt > 2000) continue;
      n++;
      last = end;
      if (instructionLike(text.slice(gt + 1, end))) {
        out.push(finding(HIDDEN, m.index, end));
      }
    }
  }
  return out;
}

const TAG_RUN_RE = /[\u{E0000}-\u{E007F}]{2,4096}/gu;
const ZW_RE = /[\u200b-\u200f\u2060-\u2064\ufeff]/g;
const ZW_RUN_RE = /[\u200b-\u200f\u2060-\u2064\ufeff]{12,}/g;

function hiddenUnicode(text: string): Finding[] {
  const out: Finding[] = [];
  if (/[\u{E0000}-\u{E007F}]/u.test(text)) {
    TAG_RUN_RE.lastIndex = 0;
    for (let m = TAG_RUN_RE.exec(text); m !== null; m = TAG_RUN_RE.exec(text)) {
      // Subdivision flags (black flag + tag letters + cancel tag) are emoji, not text.
      const isFlag = text.codePointAt(m.index - 2) === 0x1f3f4 &&
        m[0].endsWith("\u{E007F}");
      let ascii = "";
      for (const ch of m[0]) {
        const c = (ch.codePointAt(0) ?? 0) - 0xe0000;
        if (c >= 0x20 && c < 0x7f) ascii += String.fromCharCode(c);
      }
      if (!isFlag && ascii.length >= 3) {
        out.push(finding(UNICODE, m.index, m.index + m[0].length));
      }
      if (out.length >= MAX_PER_PATTERN) break;
    }
  }
  if (ZW_RE.test(text)) {
    ZW_RUN_RE.lastIndex = 0;
    const run = ZW_RUN_RE.exec(text);
    if (run) out.push(finding(UNICODE, run.index, run.index + run[0].length));
    // Instructions interleaved with zero-width characters.
    const stripped = text.replace(ZW_RE, "");
    if (stripped.length < text.length && !hasPattern(text)) {
      const hits = patternFindings(stripped);
      if (hits.length > 0) {
        const first = text.search(ZW_RE);
        out.push(finding(UNICODE, Math.max(0, first), text.length));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Encoded payloads.

const B64_RE = /[A-Za-z0-9+/_-]{28,}={0,2}/g;
const HEX_RE = /\b(?:[0-9a-fA-F]{2}){20,}\b/g;
const ROT13_HINT_RE =
  /\b(?:vtaber|qvfertneq|sbetrg|vafgehpgvbaf|cerivbhf|flfgrz\s+cebzcg|cebzcg)\b/i;

function printableText(bytes: Uint8Array): string | null {
  let ok = 0;
  for (const b of bytes) {
    if (
      (b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13 || b >= 0x80
    ) {
      ok++;
    }
  }
  if (bytes.length < 12 || ok / bytes.length < 0.95) return null;
  const s = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const letters = (s.match(/[\p{L} ]/gu) ?? []).length;
  return letters / s.length > 0.7 ? s : null;
}

function decodeBase64(s: string): Uint8Array | null {
  let t = s.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  t = t.slice(0, t.length - (t.length % 4 === 1 ? 1 : 0));
  while (t.length % 4) t += "=";
  try {
    const bin = atob(t);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function decodeHex(s: string): Uint8Array {
  const out = new Uint8Array(s.length >> 1);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}

function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode((c.charCodeAt(0) - base + 13) % 26 + base);
  });
}

function encodedPayloads(text: string): Finding[] {
  const out: Finding[] = [];
  let seen = 0;
  for (
    const [re, decode] of [[B64_RE, decodeBase64], [HEX_RE, decodeHex]] as const
  ) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (++seen > MAX_CANDIDATES) break;
      const cand = m[0].slice(0, MAX_CANDIDATE_CHARS);
      // Pure letters or pure digits are words/identifiers, not encodings.
      if (
        re === B64_RE &&
        (!/[0-9+/=_-]/.test(cand) && !/[A-Z].*[a-z]|[a-z].*[A-Z]/.test(cand))
      ) continue;
      const bytes = decode(cand);
      const plain = bytes && printableText(bytes);
      if (plain && instructionLike(plain)) {
        out.push(finding(ENCODED, m.index, m.index + m[0].length));
      }
    }
  }
  if (ROT13_HINT_RE.test(text)) {
    const slice = text.slice(0, 65536);
    const hits = patternFindings(rot13(slice));
    if (hits.length > 0 && !hasPattern(slice)) {
      const h = hits[0];
      out.push(finding(ENCODED, h.start, h.end));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Classifier over chunks.

const TRIGGER_RE =
  /ignor|disregard|forget|instruct|prompt|system|assistant|\bai\b|llm|agent|pretend|act as|you are|reveal|jailbreak|vergiss|anweisung|oubli|olvid|must|now\b|task|role/i;

/** Line windows of about CHUNK characters (long lines cut), with their offsets. */
function chunks(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  let cur = "";
  let pos = 0;
  const flush = () => {
    if (cur.trim()) out.push({ start, text: cur });
    cur = "";
  };
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    for (let a = pos; a < nl; a += CHUNK) {
      const piece = text.slice(a, Math.min(nl, a + CHUNK));
      if (cur && cur.length + 1 + piece.length > CHUNK) flush();
      if (!cur) start = a;
      cur = cur ? `${cur}\n${piece}` : piece;
    }
    pos = nl + 1;
  }
  flush();
  return out;
}

function scoreText(text: string): { p: number; start: number; end: number } {
  const all = chunks(text);
  let pick = all;
  if (all.length > ALWAYS_SCORED) {
    pick = all.filter((c, i) => i < ALWAYS_SCORED || TRIGGER_RE.test(c.text))
      .slice(0, MAX_CHUNKS);
  }
  let best = { p: 0, start: 0, end: 0 };
  for (const c of pick) {
    const p = scoreChunk(c.text);
    if (p > best.p) best = { p, start: c.start, end: c.start + c.text.length };
  }
  return best;
}

/** The classifier's probability that a text is an injection, 0..1. */
export function injectionScore(text: string): number {
  return text.trim() ? scoreText(text).p : 0;
}

/** Prompt-injection findings in a text (patterns, decoded payloads, and the classifier). */
export function findPromptInjection(text: string): Finding[] {
  if (!text.trim()) return [];
  const out = [
    ...patternFindings(text),
    ...hiddenMarkup(text),
    ...hiddenUnicode(text),
    ...encodedPayloads(text),
  ];
  const best = scoreText(text);
  if (best.p >= MODEL.threshold) {
    out.push(finding(CLASSIFIER, best.start, best.end));
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
