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
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return { text: new TextDecoder().decode(all), bytes, truncated };
}
