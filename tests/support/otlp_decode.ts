/**
 * Decode OTLP/HTTP JSON log requests with the OpenTelemetry project's own
 * protobuf definitions (the test-only npm package
 * `@opentelemetry/otlp-transformer`, pinned in tests/test_packages.lock):
 * reads a JSON array of request bodies on stdin, turns each into an
 * `ExportLogsServiceRequest` message, encodes it to protobuf and decodes it
 * back, and prints the decoded requests as a JSON array. A body that does not
 * fit the definitions makes this exit non-zero.
 *
 * Run as a child: `deno run ${runPackageArgs(...)}`-style, with this file as
 * the script (see tests/ship_test.ts), so the package never enters the
 * product's deno.lock.
 *
 * @module
 */
// A computed specifier: `deno check .` (on the product's lock) does not
// resolve it; the child that runs this file resolves it on the test lock.
const OTLP_DEFINITIONS =
  "npm:@opentelemetry/otlp-transformer@0.52.1/build/src/generated/root.js";
const otlpRoot: unknown = (await import(OTLP_DEFINITIONS)).default;

interface ProtoType {
  fromObject(o: unknown): unknown;
  encode(m: unknown): { finish(): Uint8Array };
  decode(b: Uint8Array): unknown;
  toObject(m: unknown, o: Record<string, unknown>): Record<string, unknown>;
}
const T = (otlpRoot as unknown as {
  opentelemetry: {
    proto: {
      collector: { logs: { v1: { ExportLogsServiceRequest: ProtoType } } };
    };
  };
}).opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

const bodies = JSON.parse(
  await new Response(Deno.stdin.readable).text(),
) as unknown[];
const out = bodies.map((b) =>
  T.toObject(T.decode(T.encode(T.fromObject(b)).finish()), {
    longs: String,
    enums: Number,
    defaults: false,
  })
);
console.log(JSON.stringify(out));
