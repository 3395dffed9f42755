/**
 * A minimal HTTP/1.1 POST over a plain TCP connection, for `http:` endpoints.
 *
 * A hook is a fresh process per tool call, and the first `fetch` in a Deno
 * process costs about 15–20 ms to set up its HTTP client; one request over
 * `Deno.connect` costs about 3 ms. This client does exactly what the hooks
 * need: one request with a JSON body, `Connection: close`, and a response
 * read until its `Content-Length`, its last chunk, or the end of the stream,
 * whichever the server gives. `https:` endpoints keep using `fetch`.
 *
 * @example
 * ```ts
 * const res = await postHttp1(
 *   new URL("http://127.0.0.1:8080/api/v1/mcp-server"),
 *   { "Content-Type": "application/json" },
 *   '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
 *   AbortSignal.timeout(5000),
 * );
 * console.log(res.status, res.text);
 * ```
 *
 * @module
 */

/** Largest response accepted, in bytes (a policy answer is a few KB). */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** Status and body text of a response. */
export interface Http1Response {
  status: number;
  text: string;
}

const CRLF2 = [13, 10, 13, 10];

function indexOfSeq(buf: Uint8Array, seq: number[], from = 0): number {
  outer: for (let i = from; i <= buf.length - seq.length; i++) {
    for (let j = 0; j < seq.length; j++) {
      if (buf[i + j] !== seq[j]) continue outer;
    }
    return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

interface Head {
  status: number;
  contentLength?: number;
  chunked: boolean;
  bodyStart: number;
}

function parseHead(buf: Uint8Array, end: number): Head {
  const text = new TextDecoder().decode(buf.subarray(0, end));
  const lines = text.split("\r\n");
  const m = /^HTTP\/1\.[01] ([1-9][0-9]{2})(?: |$)/.exec(lines[0] ?? "");
  if (!m) throw new Error("malformed HTTP status line");
  let contentLength: number | undefined;
  let chunked = false;
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-length") {
      if (!/^[0-9]{1,15}$/.test(value)) {
        throw new Error("malformed Content-Length");
      }
      contentLength = Number(value);
    } else if (name === "transfer-encoding") {
      chunked = value.toLowerCase().split(",").map((s) => s.trim()).includes(
        "chunked",
      );
    }
  }
  return { status: Number(m[1]), contentLength, chunked, bodyStart: end + 4 };
}

/**
 * Decode a chunked body. Returns the body once the last chunk is in, or
 * undefined while more bytes are needed. Throws on a malformed chunk.
 */
export function dechunk(buf: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = indexOfSeq(buf, [13, 10], at);
    if (lineEnd < 0) return undefined;
    const sizeText = new TextDecoder().decode(buf.subarray(at, lineEnd))
      .split(";")[0].trim();
    if (!/^[0-9a-fA-F]{1,12}$/.test(sizeText)) {
      throw new Error("malformed chunk size");
    }
    const size = parseInt(sizeText, 16);
    const dataStart = lineEnd + 2;
    if (size === 0) {
      const total = parts.reduce((n, p) => n + p.length, 0);
      const out = new Uint8Array(total);
      let o = 0;
      for (const p of parts) {
        out.set(p, o);
        o += p.length;
      }
      return out;
    }
    if (buf.length < dataStart + size + 2) return undefined;
    parts.push(buf.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}

/** The body once it is complete (per the head), else undefined. */
function complete(buf: Uint8Array, head: Head): Uint8Array | undefined {
  const rest = buf.subarray(head.bodyStart);
  if (head.chunked) return dechunk(rest);
  if (head.contentLength !== undefined && rest.length >= head.contentLength) {
    return rest.subarray(0, head.contentLength);
  }
  return undefined;
}

/**
 * POST `body` to an `http:` URL and read the whole response. Rejects with
 * `signal.reason` when the signal aborts first, with Deno's own errors for a
 * refused connection or a missing `--allow-net`, and with an Error for a
 * response that is not HTTP/1.x or larger than {@link MAX_RESPONSE_BYTES}.
 */
export async function postHttp1(
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<Http1Response> {
  if (url.protocol !== "http:") throw new Error(`not an http: URL: ${url}`);
  signal.throwIfAborted();
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = Number(url.port || "80");
  let conn: Deno.TcpConn | undefined;
  const onAbort = () => {
    try {
      conn?.close();
    } catch {
      // already closed
    }
  };
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    conn = await Deno.connect({ hostname, port });
    signal.throwIfAborted();
    const payload = new TextEncoder().encode(body);
    const lines = [
      `POST ${url.pathname}${url.search} HTTP/1.1`,
      `Host: ${url.host}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      `Content-Length: ${payload.length}`,
      "Connection: close",
      "",
      "",
    ];
    const request = concat(
      new TextEncoder().encode(lines.join("\r\n")),
      payload,
    );
    for (let off = 0; off < request.length;) {
      off += await conn.write(request.subarray(off));
    }
    let store = new Uint8Array(64 * 1024);
    let len = 0;
    let headSearchFrom = 0;
    let head: Head | undefined;
    const chunk = new Uint8Array(64 * 1024);
    for (;;) {
      const buf = store.subarray(0, len);
      if (!head) {
        const end = indexOfSeq(buf, CRLF2, headSearchFrom);
        if (end >= 0) head = parseHead(buf, end);
        else headSearchFrom = Math.max(0, len - 3);
      }
      if (head) {
        const done = complete(buf, head);
        if (done) return { status: head.status, text: decode(done) };
      }
      let n: number | null;
      try {
        n = await conn.read(chunk);
      } catch (e) {
        signal.throwIfAborted();
        throw e;
      }
      if (n === null) break;
      if (len + n > MAX_RESPONSE_BYTES) {
        throw new Error(`response larger than ${MAX_RESPONSE_BYTES} bytes`);
      }
      if (len + n > store.length) {
        const bigger = new Uint8Array(Math.max(store.length * 2, len + n));
        bigger.set(store.subarray(0, len));
        store = bigger;
      }
      store.set(chunk.subarray(0, n), len);
      len += n;
    }
    const buf = store.subarray(0, len);
    signal.throwIfAborted();
    if (!head) throw new Error("connection closed before an HTTP response");
    if (head.chunked) {
      throw new Error("connection closed inside a chunked body");
    }
    const rest = buf.subarray(head.bodyStart);
    if (head.contentLength !== undefined && rest.length < head.contentLength) {
      throw new Error("connection closed before the whole body arrived");
    }
    return { status: head.status, text: decode(rest) };
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    throw e;
  } finally {
    signal.removeEventListener("abort", onAbort);
    onAbort();
  }
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
