import assert from "node:assert/strict";
import { readAll } from "./stdin.ts";

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
