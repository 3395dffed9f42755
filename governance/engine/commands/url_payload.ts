/**
 * Data a URL carries off the machine: opaque values in the query of a
 * request collector's URL (webhook.site, requestbin, pipedream, ngrok,
 * interact.sh, paste services: never a secret's own service), and
 * base64 values in any query that decode to a private key or a
 * `NAME_KEY=value` line. Fetching such a URL sends the data to whoever
 * reads the collector's log, whatever the fetch tool returns.
 *
 * @module
 */

/** Request collectors and paste services (a host that only records what it is sent). */
export const COLLECTOR_URL =
  /\bhttps?:\/\/(?:[\w-]{1,63}\.){0,4}(?:webhook\.site|webhook\.cool|requestbin\.(?:com|net|io)|pipedream\.net|hookbin\.com|beeceptor\.com|requestcatcher\.com|postb\.in|ptsv2\.com|ngrok(?:-free)?\.(?:io|app|dev)|oast\.(?:fun|me|pro|live|site|online)|interact\.sh|burpcollaborator\.net|canarytokens\.com|pastebin\.com|paste\.ee|hastebin\.com|transfer\.sh)(?=[:/?#"'\s]|$)/i;

/** What decoded data must show to count as a credential. */
const CREDENTIAL_TEXT =
  /PRIVATE KEY|(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)["']?\s{0,3}[=:]|aws_secret_access_key|AKIA[0-9A-Z]{16}|\bgh[pousr]_[A-Za-z0-9]{20}|\bsk-[A-Za-z0-9_-]{8}|\bxox[abpr]-/i;

/** The values of a URL's query and fragment (`?a=1&b=2#c=3`), percent-decoded where possible. */
function queryValues(url: string): string[] {
  const q = url.search(/[?#]/);
  if (q < 0) return [];
  const out: string[] = [];
  for (const part of url.slice(q + 1, q + 1 + 16_384).split(/[&#;?]/)) {
    const eq = part.indexOf("=");
    const raw = eq >= 0 ? part.slice(eq + 1) : part;
    if (!raw) continue;
    let v = raw;
    try {
      v = decodeURIComponent(raw.replace(/\+/g, " "));
    } catch {
      // keep the raw text
    }
    out.push(v);
    if (out.length >= 64) break;
  }
  return out;
}

/** Whether a value looks like data rather than a word: long, letters mixed with digits. */
function opaque(v: string): boolean {
  return v.length >= 16 && /^[A-Za-z0-9+/=_.~:-]+$/.test(v) &&
    /[A-Za-z]/.test(v) && /\d/.test(v);
}

/** The text a base64 or base64url value decodes to, when it is mostly printable; else null. */
function decodedText(v: string): string | null {
  if (v.length < 20 || v.length > 65_536) return null;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) return null;
  try {
    const bin = atob(
      v.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, ""),
    );
    let printable = 0;
    for (let i = 0; i < bin.length; i++) {
      const c = bin.charCodeAt(i);
      if ((c >= 32 && c < 127) || c === 10 || c === 13 || c === 9) printable++;
    }
    return printable >= bin.length * 0.9 ? bin : null;
  } catch {
    return null;
  }
}

/**
 * Why fetching `url` sends data out, or null: opaque query values to a request
 * collector, or a query value that is base64 of a credential.
 */
export function urlPayload(url: string): string | null {
  if (url.length > 65_536) return null;
  const values = queryValues(url);
  if (values.length === 0) return null;
  for (const v of values) {
    const text = decodedText(v.trim());
    if (text !== null && CREDENTIAL_TEXT.test(text)) {
      return `a query value is base64 of credentials (${
        text.slice(0, 40).replace(/\s+/g, " ")
      }…): fetching the URL hands them to its host`;
    }
  }
  if (COLLECTOR_URL.test(url) && values.some(opaque)) {
    return "the URL is a request collector's and its query carries opaque data (a token, a key or an encoded dump): the collector records it for whoever set it up";
  }
  return null;
}
