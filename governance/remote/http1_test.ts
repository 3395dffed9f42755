import assert from "node:assert/strict";
import { dechunk, MAX_RESPONSE_BYTES, postHttp1 } from "./http1.ts";

/** A raw TCP server on 127.0.0.1 that answers every connection with `reply` (then keeps or closes it). */
function rawServer(
  reply: (request: string) => Uint8Array | string,
  opts: { keepOpen?: boolean } = {},
): { url: URL; close: () => void } {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const open: Deno.Conn[] = [];
  (async () => {
    for await (const conn of listener) {
      open.push(conn);
      (async () => {
        const buf = new Uint8Array(65536);
        let got = "";
        try {
          while (!got.includes("\r\n\r\n")) {
            const n = await conn.read(buf);
            if (n === null) return;
            got += new TextDecoder().decode(buf.subarray(0, n));
          }
          const r = reply(got);
          const out = typeof r === "string" ? new TextEncoder().encode(r) : r;
          for (let off = 0; off < out.length;) {
            off += await conn.write(out.subarray(off));
          }
          if (!opts.keepOpen) conn.close();
        } catch {
          // client went away
        }
      })();
    }
  })().catch(() => {});
  const port = (listener.addr as Deno.NetAddr).port;
  return {
    url: new URL(`http://127.0.0.1:${port}/api/v1/mcp-server`),
    close: () => {
      for (const c of open) {
        try {
          c.close();
        } catch {
          // closed already
        }
      }
      listener.close();
    },
  };
}

const sig = () => AbortSignal.timeout(5000);

Deno.test("postHttp1 talks to Deno.serve: request line, headers, body, chunked answer", async () => {
  let seen:
    | { method: string; path: string; auth: string | null; body: string }
    | undefined;
  const ac = new AbortController();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: ac.signal, onListen() {} },
    async (req) => {
      seen = {
        method: req.method,
        path: new URL(req.url).pathname,
        auth: req.headers.get("authorization"),
        body: await req.text(),
      };
      // A streamed body goes out chunked.
      const parts = ['{"a":', '"é ✓"}'];
      return new Response(
        new ReadableStream({
          start(c) {
            for (const p of parts) c.enqueue(new TextEncoder().encode(p));
            c.close();
          },
        }),
      );
    },
  );
  try {
    const res = await postHttp1(
      new URL(`http://127.0.0.1:${server.addr.port}/api/v1/mcp-server?x=1`),
      { Authorization: "Basic YTpi", "Content-Type": "application/json" },
      '{"q":"ünïcode"}',
      sig(),
    );
    assert.equal(res.status, 200);
    assert.equal(res.text, '{"a":"é ✓"}');
    assert.deepEqual(seen, {
      method: "POST",
      path: "/api/v1/mcp-server",
      auth: "Basic YTpi",
      body: '{"q":"ünïcode"}',
    });
  } finally {
    ac.abort();
    await server.finished;
  }
});

Deno.test("postHttp1 stops at Content-Length even when the server keeps the connection open", async () => {
  const s = rawServer(
    () =>
      "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\nboom!",
    { keepOpen: true },
  );
  try {
    const res = await postHttp1(s.url, {}, "{}", sig());
    assert.deepEqual(res, { status: 500, text: "boom!" });
  } finally {
    s.close();
  }
});

Deno.test("postHttp1 reads to the end of the stream when no length is given", async () => {
  const s = rawServer(() => "HTTP/1.0 200 OK\r\n\r\nnot json at all");
  try {
    assert.deepEqual(await postHttp1(s.url, {}, "{}", sig()), {
      status: 200,
      text: "not json at all",
    });
  } finally {
    s.close();
  }
});

Deno.test("postHttp1 rejects what is not HTTP, truncated bodies and oversized answers", async () => {
  const cases: [string, RegExp][] = [
    ["SSH-2.0-OpenSSH_9.6\r\n\r\n", /malformed HTTP status line/],
    [
      "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort",
      /before the whole body/,
    ],
    [
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
      /inside a chunked body/,
    ],
    [
      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
      /malformed Content-Length/,
    ],
    ["", /closed before an HTTP response/],
  ];
  for (const [reply, re] of cases) {
    const s = rawServer(() => reply);
    try {
      await assert.rejects(postHttp1(s.url, {}, "{}", sig()), re, reply);
    } finally {
      s.close();
    }
  }
  const big = rawServer(() =>
    "HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(MAX_RESPONSE_BYTES + 10)
  );
  try {
    await assert.rejects(
      postHttp1(big.url, {}, "{}", sig()),
      /response larger than/,
    );
  } finally {
    big.close();
  }
});

Deno.test("postHttp1: a silent server ends in the signal's TimeoutError; a refused port in ConnectionRefused", async () => {
  const s = rawServer(() => "", { keepOpen: true });
  // rawServer writes an empty reply and keeps the connection: nothing comes.
  try {
    await assert.rejects(
      postHttp1(s.url, {}, "{}", AbortSignal.timeout(200)),
      (e: unknown) => e instanceof DOMException && e.name === "TimeoutError",
    );
  } finally {
    s.close();
  }
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  await assert.rejects(
    postHttp1(new URL(`http://127.0.0.1:${port}/`), {}, "{}", sig()),
    Deno.errors.ConnectionRefused,
  );
});

Deno.test("dechunk: extensions, partial input, bad sizes, hostile input stays linear", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  assert.equal(
    new TextDecoder().decode(
      dechunk(enc("3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")),
    ),
    "abcde",
  );
  assert.equal(dechunk(enc("3\r\nab")), undefined);
  assert.throws(() => dechunk(enc("zz\r\nab\r\n")), /malformed chunk size/);
  assert.equal(dechunk(enc("1\r\na\r\n".repeat(100_000))), undefined);
});
