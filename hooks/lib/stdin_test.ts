import assert from "node:assert/strict";
import {
  type ByteReader,
  isWholeJsonObject,
  readAll,
  readAllFrom,
} from "./stdin.ts";

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(ch);
      c.close();
    },
  });
}

Deno.test("readAll joins chunks and decodes UTF-8", async () => {
  const enc = new TextEncoder();
  const r = await readAll(streamOf(enc.encode('{"a":'), enc.encode('"é"}')));
  assert.deepEqual(r, { text: '{"a":"é"}', bytes: 10, truncated: false });
});

Deno.test("readAll caps the size and flags truncation", async () => {
  const r = await readAll(
    streamOf(new Uint8Array(6).fill(65), new Uint8Array(6).fill(66)),
    8,
  );
  assert.equal(r.text, "AAAAAABB");
  assert.equal(r.truncated, true);
  assert.equal(r.bytes, 8);
});

Deno.test("readAll turns invalid UTF-8 into replacement characters", async () => {
  const r = await readAll(streamOf(new Uint8Array([0xff, 0x41, 0xc3])));
  assert.equal(r.text, "\ufffdA\ufffd");
});

Deno.test("readAll of an empty stream", async () => {
  assert.deepEqual(await readAll(streamOf()), {
    text: "",
    bytes: 0,
    truncated: false,
  });
});

/** A reader over fixed chunks, each returned by one read (split when larger than the buffer). */
function readerOf(...chunks: Uint8Array[]): ByteReader {
  const rest = [...chunks];
  return {
    read(p: Uint8Array): Promise<number | null> {
      const c = rest.shift();
      if (c === undefined) return Promise.resolve(null);
      const n = Math.min(p.length, c.length);
      p.set(c.subarray(0, n));
      if (n < c.length) rest.unshift(c.subarray(n));
      return Promise.resolve(n);
    },
  };
}

Deno.test("readAllFrom gives what readAll gives for the same bytes", async () => {
  const enc = new TextEncoder();
  const big = new Uint8Array(200 * 1024).fill(0x61);
  const cases: [Uint8Array[], number | undefined][] = [
    [[enc.encode('{"a":'), enc.encode('"é"}')], undefined],
    [[new Uint8Array(6).fill(65), new Uint8Array(6).fill(66)], 8],
    [[new Uint8Array(4).fill(65), new Uint8Array(4).fill(66)], 8],
    [[new Uint8Array([0xff, 0x41, 0xc3])], undefined],
    [[], undefined],
    [[big, enc.encode("é")], undefined],
    [[big], 100_000],
  ];
  for (const [chunks, cap] of cases) {
    assert.deepEqual(
      await readAllFrom(readerOf(...chunks), cap),
      await readAll(streamOf(...chunks), cap),
    );
  }
  const r = await readAllFrom(readerOf(big), 100_000);
  assert.equal(r.truncated, true);
  assert.equal(r.text.length, 100_000);
});

Deno.test("readAllFrom stops after a first read that is a whole JSON object, and only then", async () => {
  const enc = new TextEncoder();
  let reads = 0;
  const counting = (...chunks: Uint8Array[]): ByteReader => {
    const inner = readerOf(...chunks);
    return {
      read(p) {
        reads++;
        return inner.read(p);
      },
    };
  };
  const event = '{"tool_name":"Bash","tool_input":{"command":"ls"}}\n';
  const r = await readAllFrom(
    counting(enc.encode(event)),
    undefined,
    isWholeJsonObject,
  );
  assert.equal(r.text, event);
  assert.equal(reads, 1, "no wait for the end of the stream");
  // A first chunk that is not yet a whole object: read on to the end.
  reads = 0;
  const split = await readAllFrom(
    counting(enc.encode('{"a":'), enc.encode("1}")),
    undefined,
    isWholeJsonObject,
  );
  assert.equal(split.text, '{"a":1}');
  assert.equal(reads, 3);
  // Without the check, the reader always waits for the end.
  reads = 0;
  await readAllFrom(counting(enc.encode(event)));
  assert.equal(reads, 2);
});

Deno.test("isWholeJsonObject: objects only, whole, with trailing whitespace", () => {
  assert.equal(isWholeJsonObject('{"a":1}'), true);
  assert.equal(isWholeJsonObject('{"a":1}\n\n'), true);
  assert.equal(isWholeJsonObject('{"a":'), false);
  assert.equal(isWholeJsonObject("[1]"), false);
  assert.equal(isWholeJsonObject('"}"'), false);
  assert.equal(isWholeJsonObject('{"a":1}x'), false);
  assert.equal(isWholeJsonObject("{".repeat(100_000)), false);
});
