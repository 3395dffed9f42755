/**
 * Reading a hook's stdin with a size cap: Codex writes the event JSON and
 * closes stdin. Bytes that are not UTF-8 become U+FFFD instead of throwing.
 *
 * @module
 */

/** Largest event a hook reads (64 MiB); beyond it the payload counts as truncated. */
export const STDIN_CAP_BYTES = 64 * 1024 * 1024;

/** What was read from a stream. */
export interface StdinRead {
  /** Decoded text (lossy UTF-8) of at most `cap` bytes. */
  text: string;
  /** Bytes read (at most `cap`). */
  bytes: number;
  /** True when the stream held more than `cap` bytes. */
  truncated: boolean;
}

/** Read a whole stream (at most `cap` bytes) and decode it as lossy UTF-8. */
export async function readAll(
  stream: ReadableStream<Uint8Array>,
  cap: number = STDIN_CAP_BYTES,
): Promise<StdinRead> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let truncated = false;
  const reader = stream.getReader();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      if (bytes + value.length > cap) {
        chunks.push(value.subarray(0, cap - bytes));
        bytes = cap;
        truncated = true;
        break;
      }
      chunks.push(value);
      bytes += value.length;
    }
  } finally {
    reader.releaseLock();
  }
  return joined(chunks, bytes, truncated);
}

function joined(
  chunks: Uint8Array[],
  bytes: number,
  truncated: boolean,
): StdinRead {
  const all = chunks.length === 1 ? chunks[0] : new Uint8Array(bytes);
  if (chunks.length > 1) {
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
  }
  return { text: new TextDecoder().decode(all), bytes, truncated };
}

/** Something with `read` like `Deno.stdin`: fills `p`, resolves to the byte count or null at the end. */
export interface ByteReader {
  read(p: Uint8Array): Promise<number | null>;
}

/** Size of each read from a {@link ByteReader}. */
const READ_CHUNK = 64 * 1024;

/**
 * {@link readAll} from a reader such as `Deno.stdin` (same result). The hooks
 * use it: `Deno.stdin.readable` loads the web streams layer, several
 * milliseconds of a hook's start-up.
 */
export async function readAllFrom(
  reader: ByteReader,
  cap: number = STDIN_CAP_BYTES,
  complete?: (text: string) => boolean,
): Promise<StdinRead> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let truncated = false;
  while (true) {
    const buf = new Uint8Array(READ_CHUNK);
    const n = await reader.read(buf);
    if (n === null) break;
    if (n === 0) continue;
    if (bytes + n > cap) {
      chunks.push(buf.subarray(0, cap - bytes));
      bytes = cap;
      truncated = true;
      break;
    }
    chunks.push(buf.subarray(0, n));
    bytes += n;
    // A first read that fills less than the buffer is usually the whole
    // event: when it already is, do not wait for the end of the stream.
    if (complete && chunks.length === 1 && n < READ_CHUNK) {
      const first = joined(chunks, bytes, false);
      if (complete(first.text)) return first;
    }
  }
  return joined(chunks, bytes, truncated);
}

/**
 * True when `text` is one whole JSON object (the hook event). Nothing but
 * whitespace can follow a complete object in a valid event, so a reader may
 * stop there instead of waiting for the end of the stream.
 */
export function isWholeJsonObject(text: string): boolean {
  const t = text.trimEnd();
  if (!t.endsWith("}")) return false;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === "object" && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** The hook event on `Deno.stdin`: capped, and taken as soon as it is one whole JSON object. */
export function readHookEvent(): Promise<StdinRead> {
  return readAllFrom(Deno.stdin, STDIN_CAP_BYTES, isWholeJsonObject);
}
