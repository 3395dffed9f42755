/**
 * Chain checkpoints: after every write, the store appends one signed line
 * (HMAC-SHA-256) to `audit.checkpoints.jsonl` naming the store, its event
 * count, the newest hash, the chain's base (genesis or the retention anchor)
 * and the first event's hash. The chain alone shows an edited or removed row
 * in the middle; a checkpoint also shows the newest rows deleted, the oldest
 * forged (rewritten or cut without a recorded prune) and the whole file
 * replaced, because none of those can be made to agree with a signed count
 * and head without the key.
 *
 * The key (`audit.key`, 32 random bytes, owner-only) and the log live in the
 * witness folder: the data directory by default (a guarded path the agent's
 * tools cannot touch), or a folder of their own (`AuditStore.open(…,
 * {witnessDir})`), such as a managed folder or a team server's copy.
 *
 * @module
 */

import { sha256 } from "../engine/sha256.ts";

/** File name of the checkpoint log in the witness folder. */
export const CHECKPOINT_FILE = "audit.checkpoints.jsonl";
/** File name of the signing key in the witness folder. */
export const KEY_FILE = "audit.key";
/** The log is compacted to its newest {@link KEEP_LINES} lines once it passes this size. */
export const CHECKPOINT_MAX_BYTES = 256 * 1024;
/** Lines kept when the log is compacted. */
export const KEEP_LINES = 200;

/** What a checkpoint states about the chain at one moment. */
export interface Checkpoint {
  /** The store's identity (`meta.store_id`); a new file has a new one. */
  storeId: string;
  /** Id of the newest event (0: none yet). */
  count: number;
  /** Hash of the newest event (the base hash when there is none). */
  head: string;
  /** Id the chain starts after: 0 at genesis, else the latest retention cut. */
  baseId: number;
  /** Hash the chain starts from. */
  baseHash: string;
  /** Hash of the first event after the base, when there is one. */
  first?: string;
  /** When it was written (ISO 8601). */
  time: string;
}

/** The checkpoints read back from a log. */
export interface CheckpointLog {
  /** Lines whose signature holds, oldest first. */
  valid: Checkpoint[];
  /** Lines that are not valid JSON or whose signature fails. */
  forged: number;
  /** Set when the log exists but cannot be read as a file (a FIFO, a folder, a link…). */
  unusable?: string;
}

const enc = new TextEncoder();

/** HMAC-SHA-256 (RFC 2104) of `message` under `key`, as lowercase hex. */
export function hmacSha256Hex(key: Uint8Array, message: string): string {
  const block = 64;
  let k = key.length > block ? sha256(key) : key;
  if (k.length < block) {
    const padded = new Uint8Array(block);
    padded.set(k);
    k = padded;
  }
  const msg = enc.encode(message);
  const inner = new Uint8Array(block + msg.length);
  const outer = new Uint8Array(block + 32);
  for (let i = 0; i < block; i++) {
    inner[i] = k[i] ^ 0x36;
    outer[i] = k[i] ^ 0x5c;
  }
  inner.set(msg, block);
  outer.set(sha256(inner), block);
  return hex(sha256(outer));
}

function hex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** The signed text of a checkpoint: fixed field order, so the MAC is reproducible. */
function signedText(cp: Checkpoint): string {
  return [
    "v1",
    cp.storeId,
    cp.count,
    cp.head,
    cp.baseId,
    cp.baseHash,
    cp.first ?? "",
    cp.time,
  ].join("|");
}

/** One log line for `cp`, signed with `key` (ends with a newline). */
export function checkpointLine(cp: Checkpoint, key: Uint8Array): string {
  return JSON.stringify({ ...cp, mac: hmacSha256Hex(key, signedText(cp)) }) +
    "\n";
}

/** Parse a log's text: the lines whose signature holds, and how many do not. */
export function parseCheckpoints(text: string, key: Uint8Array): CheckpointLog {
  const valid: Checkpoint[] = [];
  let forged = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line);
    } catch {
      forged++;
      continue;
    }
    const cp = checkpointFields(v);
    if (!cp || v.mac !== hmacSha256Hex(key, signedText(cp))) {
      forged++;
      continue;
    }
    valid.push(cp);
  }
  return { valid, forged };
}

/** The JSON-RPC method a team server keeps a developer's checkpoint with. */
export const WITNESS_PUT = "axonflow/audit_checkpoint";
/** The JSON-RPC method that returns the checkpoint a team server kept for a store. */
export const WITNESS_GET = "axonflow/audit_checkpoint_get";

/** A checkpoint from untrusted JSON (a request body): the checkpoint, or undefined when malformed. */
export function asCheckpoint(v: unknown): Checkpoint | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  return checkpointFields(v as Record<string, unknown>);
}

function checkpointFields(v: Record<string, unknown>): Checkpoint | undefined {
  if (
    typeof v !== "object" || v === null ||
    typeof v.storeId !== "string" || typeof v.count !== "number" ||
    typeof v.head !== "string" || typeof v.baseId !== "number" ||
    typeof v.baseHash !== "string" || typeof v.time !== "string" ||
    (v.first !== undefined && typeof v.first !== "string")
  ) return undefined;
  return {
    storeId: v.storeId,
    count: v.count,
    head: v.head,
    baseId: v.baseId,
    baseHash: v.baseHash,
    first: v.first as string | undefined,
    time: v.time,
  };
}

/** What a store looks like now, for comparison with its latest checkpoint. */
export interface ChainState {
  storeId: string;
  /** Id of the newest event (0: none). */
  count: number;
  baseId: number;
  baseHash: string;
  /** Hash of the first event after the base, when there is one. */
  first?: string;
  /** The stored hash of event `id`, when that row exists. */
  hashAt(id: number): string | undefined;
}

/**
 * Compare the store with the latest valid checkpoint. Returns the problems
 * found, each a sentence saying what was lost or changed (empty: it agrees).
 */
export function compareWithCheckpoint(
  state: ChainState,
  cp: Checkpoint,
): string[] {
  const problems: string[] = [];
  if (state.storeId !== cp.storeId) {
    problems.push(
      `the audit file was replaced: the checkpoints belong to store ${cp.storeId} ` +
        `(${cp.count} events, last checkpoint ${cp.time}); this file is store ${state.storeId} ` +
        `with ${state.count} events`,
    );
    return problems;
  }
  if (state.baseId !== cp.baseId || state.baseHash !== cp.baseHash) {
    if (state.baseId > cp.baseId) {
      problems.push(
        `the oldest events were cut without a recorded prune: the chain now starts after event ` +
          `${state.baseId}, the last checkpoint (${cp.time}) has it start after ${cp.baseId} ` +
          `(events ${cp.baseId + 1}–${state.baseId} lost)`,
      );
    } else {
      problems.push(
        `the start of the chain was forged: it starts after event ${state.baseId} ` +
          `(hash ${
            state.baseHash.slice(0, 12)
          }…), the last checkpoint (${cp.time}) says ` +
          `after ${cp.baseId} (hash ${cp.baseHash.slice(0, 12)}…)`,
      );
    }
  } else if (cp.first !== undefined && state.first !== cp.first) {
    problems.push(
      `the oldest event (${
        cp.baseId + 1
      }) was forged: its hash is not the one ` +
        `the last checkpoint (${cp.time}) recorded`,
    );
  }
  if (state.count < cp.count) {
    const lost = cp.count - state.count;
    problems.push(
      `the newest ${lost} event${lost === 1 ? " was" : "s were"} deleted: ` +
        `the last checkpoint (${cp.time}) counted ${cp.count} events, the file ends at ` +
        `${state.count} (events ${state.count + 1}–${cp.count} lost)`,
    );
  } else if (cp.count > cp.baseId) {
    const h = state.hashAt(cp.count);
    if (h !== cp.head) {
      problems.push(
        `the chain was rewritten: event ${cp.count}'s hash is not the head the last ` +
          `checkpoint (${cp.time}) recorded`,
      );
    }
  }
  return problems;
}

/** Read the signing key from `dir`, creating it (owner-only) when missing. Throws when it cannot. */
export function loadKey(dir: string, create = true): Uint8Array {
  const path = `${dir}/${KEY_FILE}`;
  try {
    const st = Deno.lstatSync(path);
    if (!st.isFile) throw new Error(`${path} is not a regular file`);
    const text = readBounded(path, 4096).trim();
    if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${path} is not a key`);
    return enc.encode(text);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound) || !create) throw e;
  }
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const text = hex(bytes);
  Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // createNew: two processes racing agree on whoever wrote first.
  try {
    Deno.writeTextFileSync(path, text + "\n", { createNew: true, mode: 0o600 });
  } catch (e) {
    if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
    return loadKey(dir, false);
  }
  return enc.encode(text);
}

/** Append a signed checkpoint to the log in `dir`, compacting it when it has grown large. */
export function appendCheckpoint(
  dir: string,
  cp: Checkpoint,
  key: Uint8Array,
): void {
  const path = `${dir}/${CHECKPOINT_FILE}`;
  let size = 0;
  try {
    const st = Deno.lstatSync(path);
    if (!st.isFile) throw new Error(`${path} is not a regular file`);
    size = st.size;
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const line = checkpointLine(cp, key);
  if (size + line.length <= CHECKPOINT_MAX_BYTES) {
    Deno.writeTextFileSync(path, line, { append: true, mode: 0o600 });
    return;
  }
  const kept = readBounded(path, CHECKPOINT_MAX_BYTES * 2).split("\n")
    .filter((l) => l.trim() !== "").slice(-KEEP_LINES);
  const tmp = `${path}.${crypto.randomUUID()}.tmp`;
  Deno.writeTextFileSync(tmp, kept.join("\n") + "\n" + line, { mode: 0o600 });
  Deno.renameSync(tmp, path);
}

/** Read the log in `dir` (missing: empty). Never throws; an unusable log is reported. `tailBytes` reads only the end (the newest lines). */
export function readCheckpoints(
  dir: string,
  key: Uint8Array,
  tailBytes = CHECKPOINT_MAX_BYTES * 2,
): CheckpointLog {
  const path = `${dir}/${CHECKPOINT_FILE}`;
  try {
    const st = Deno.lstatSync(path);
    if (!st.isFile) {
      return {
        valid: [],
        forged: 0,
        unusable: `${path} is not a regular file`,
      };
    }
    return parseCheckpoints(readBounded(path, tailBytes), key);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return { valid: [], forged: 0 };
    return {
      valid: [],
      forged: 0,
      unusable: e instanceof Error ? e.message : String(e),
    };
  }
}

/** Read at most the last `max` bytes of a regular file as text (opened non-blocking-safe: callers lstat first). */
function readBounded(path: string, max: number): string {
  const f = Deno.openSync(path, { read: true });
  try {
    const size = f.statSync().size;
    const start = Math.max(0, size - max);
    if (start > 0) f.seekSync(start, Deno.SeekMode.Start);
    const buf = new Uint8Array(Math.min(size, max));
    let off = 0;
    while (off < buf.length) {
      const n = f.readSync(buf.subarray(off));
      if (n === null || n === 0) break;
      off += n;
    }
    let text = new TextDecoder().decode(buf.subarray(0, off));
    // A cut log starts mid-line: drop the partial first line.
    if (start > 0) text = text.slice(text.indexOf("\n") + 1);
    return text;
  } finally {
    f.close();
  }
}
