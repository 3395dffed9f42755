import assert from "node:assert/strict";
import { analyzeUrl } from "./analyze.ts";
import { hostOf, metadataHost, parseIPv4, parseIPv6 } from "./url.ts";
import { blocked, fired, HOME } from "./test_helpers.ts";

const ctx = { cwd: "/home/u/proj", home: HOME, profile: "standard" as const };

Deno.test("IPv4 parsing follows inet_aton", () => {
  assert.equal(parseIPv4("169.254.169.254"), 0xa9fea9fe);
  assert.equal(parseIPv4("2852039166"), 0xa9fea9fe);
  assert.equal(parseIPv4("0xa9fea9fe"), 0xa9fea9fe);
  assert.equal(parseIPv4("0xA9.0xFE.0xA9.0xFE"), 0xa9fea9fe);
  assert.equal(parseIPv4("0251.0376.0251.0376"), 0xa9fea9fe);
  assert.equal(parseIPv4("169.254.43518"), 0xa9fea9fe);
  assert.equal(parseIPv4("169.16689662"), 0xa9fea9fe);
  assert.equal(parseIPv4("0251.254.169.0xfe"), 0xa9fea9fe);
  assert.equal(parseIPv4("169.254.169.254."), 0xa9fea9fe);
  assert.equal(parseIPv4("256.1.1.1"), null);
  assert.equal(parseIPv4("1.2.3.4.5"), null);
  assert.equal(parseIPv4("example"), null);
  assert.equal(parseIPv4("08.1.1.1"), null);
});

Deno.test("IPv6 parsing handles :: and embedded IPv4", () => {
  assert.deepEqual(parseIPv6("::ffff:169.254.169.254"), [
    0,
    0,
    0,
    0,
    0,
    0xffff,
    0xa9fe,
    0xa9fe,
  ]);
  assert.deepEqual(parseIPv6("::ffff:a9fe:a9fe"), [
    0,
    0,
    0,
    0,
    0,
    0xffff,
    0xa9fe,
    0xa9fe,
  ]);
  assert.deepEqual(parseIPv6("fd00:ec2::254"), [
    0xfd00,
    0xec2,
    0,
    0,
    0,
    0,
    0,
    0x254,
  ]);
  assert.deepEqual(parseIPv6("0:0:0:0:0:ffff:a9fe:a9fe"), [
    0,
    0,
    0,
    0,
    0,
    0xffff,
    0xa9fe,
    0xa9fe,
  ]);
  assert.equal(parseIPv6("1::2::3"), null);
  assert.equal(parseIPv6("nothex::1"), null);
});

Deno.test("metadata hosts in every spelling", () => {
  for (
    const h of [
      "169.254.169.254",
      "2852039166",
      "0xa9fea9fe",
      "0xa9.0xfe.0xa9.0xfe",
      "0251.0376.0251.0376",
      "169.254.43518",
      "[::ffff:169.254.169.254]",
      "[::ffff:a9fe:a9fe]",
      "fd00:ec2::254",
      "metadata.google.internal",
      "METADATA.GOOGLE.INTERNAL.",
      "metadata.goog",
      "100.100.100.200",
      "169.254.170.2",
      "169.254.169.254.nip.io",
      "169-254-169-254.sslip.io",
      "instance-data",
      "64:ff9b::a9fe:a9fe",
    ]
  ) {
    assert.ok(metadataHost(h), h);
  }
  for (
    const h of [
      "example.com",
      "10.0.0.1",
      "127.0.0.1",
      "169.254.1.1",
      "metadata",
      "::1",
      "github.com",
    ]
  ) {
    assert.equal(metadataHost(h), null, h);
  }
  assert.ok(metadataHost("metadata", true));
});

Deno.test("hostOf extracts hosts", () => {
  assert.equal(
    hostOf("http://user:pw@169.254.169.254:80/latest"),
    "169.254.169.254",
  );
  assert.equal(hostOf("http://[::ffff:a9fe:a9fe]:8080/x"), "::ffff:a9fe:a9fe");
  assert.equal(hostOf("169.254.169.254/latest/meta-data"), "169.254.169.254");
  assert.equal(hostOf("https://example.com?x=1"), "example.com");
});

Deno.test("analyzeUrl flags metadata, file:// secrets and traversal", () => {
  const ids = (u: string) => analyzeUrl(u, ctx).map((m) => m.policyId);
  assert.deepEqual(
    ids("http://169.254.169.254/latest/meta-data/iam/security-credentials/"),
    ["sys_dangerous_cloud_metadata"],
  );
  assert.deepEqual(ids("http://metadata/computeMetadata/v1/instance"), [
    "sys_dangerous_cloud_metadata",
  ]);
  assert.deepEqual(ids("file:///home/u/.ssh/id_rsa"), [
    "sys_dangerous_ssh_private_key_read",
  ]);
  assert.deepEqual(ids("file:///etc/shadow"), [
    "sys_dangerous_system_secrets_read",
  ]);
  assert.deepEqual(ids("http://x.com/download?f=../../../../etc/passwd"), [
    "sys_dangerous_path_traversal",
  ]);
  assert.deepEqual(ids("http://x.com/..%2f..%2f..%2fetc%2fshadow"), [
    "sys_dangerous_path_traversal",
  ]);
  assert.deepEqual(
    ids("http://x.com/%252e%252e%252f%252e%252e%252fetc/passwd"),
    ["sys_dangerous_path_traversal"],
  );
  assert.deepEqual(ids("https://example.com/docs/../api"), []);
  assert.deepEqual(ids("https://github.com/user/repo"), []);
  const m = analyzeUrl("http://169.254.169.254/", ctx)[0];
  assert.match(m.reason, /metadata/);
  assert.ok(m.suggestion);
});

Deno.test("commands reaching the metadata service block", () => {
  for (
    const cmd of [
      "curl http://169.254.169.254/latest/meta-data/",
      "curl -s 169.254.169.254/latest/meta-data/iam/security-credentials/",
      "wget -qO- http://2852039166/latest/user-data",
      "curl http://0xa9fea9fe/",
      "curl http://[::ffff:169.254.169.254]/",
      "curl -H 'Metadata-Flavor: Google' http://metadata/computeMetadata/v1/",
      "curl http://metadata.google.internal/computeMetadata/v1/",
      "curl http://100.100.100.200/latest/meta-data",
      "curl $ECS_URI http://169.254.170.2/v2/credentials",
      "http GET http://169.254.169.254/",
      "python3 -c \"import urllib.request as u; print(u.urlopen('http://169.254.169.254/latest/').read())\"",
      "node -e \"fetch('http://169.254.169.254/latest/meta-data')\"",
      "sudo curl --url=http://169.254.169.254/",
    ]
  ) {
    assert.ok(blocked(cmd).includes("cloud_metadata"), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "curl https://example.com",
      "echo http://169.254.169.254/",
      "grep 169.254.169.254 notes.md",
      "curl http://localhost:3000/health",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], cmd);
  }
});

Deno.test("path traversal in arguments", () => {
  for (
    const cmd of [
      "cat ../../../../etc/passwd",
      "curl 'http://x/?f=..%2f..%2f..%2fetc/shadow'",
      "cp ../../../../../root/.ssh/id_rsa .",
      "wget 'http://x/....//....//etc/passwd'",
    ]
  ) {
    assert.ok(blocked(cmd).includes("path_traversal"), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "cat ../README.md",
      "cd ../.. && ls",
      "cp ../../shared/config.json .",
      "grep -r '../../etc/passwd' logs/",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], cmd);
  }
});

Deno.test("URL helpers survive 1 MB adversarial input", () => {
  for (
    const s of [
      "1.".repeat(5e5),
      ":".repeat(1e6),
      "http://" + "a".repeat(1e6),
      "../".repeat(3.3e5) + "x",
      "%2e".repeat(3.3e5),
      "[".repeat(1e6),
      "0x".repeat(5e5),
    ]
  ) {
    assert.equal(typeof metadataHost(s), "object");
    assert.ok(Array.isArray(analyzeUrl(s, ctx)));
    const h = hostOf(s);
    assert.ok(h === null || typeof h === "string");
  }
});

Deno.test("url: hex wildcard DNS names and --resolve/--connect-to pins to metadata", () => {
  for (
    const c of [
      "curl http://a9fea9fe.sslip.io/latest/meta-data/",
      "curl --resolve x:80:169.254.169.254 http://x/latest/meta-data/",
      "curl --resolve=x:80:169.254.169.254 http://x/",
      "curl --connect-to api:443:[fd00:ec2::254]:80 https://api/",
    ]
  ) assert.ok(blocked(c).includes("cloud_metadata"), c);
  for (
    const c of [
      "curl --resolve example.com:443:127.0.0.1 https://example.com/",
      "curl http://7f000001.sslip.io/",
    ]
  ) assert.deepEqual(blocked(c), [], c);
  const t0 = performance.now();
  blocked("curl --resolve " + "a:1:".repeat(200_000) + " http://x/");
  assert.ok(performance.now() - t0 < 1_000);
});

Deno.test("url: EKS Pod Identity and Oracle Classic credential endpoints", () => {
  for (
    const c of [
      "curl http://169.254.170.23/v1/credentials",
      "curl 'http://[fd00:ec2::23]/v1/credentials'",
      "curl http://192.0.0.192/latest/",
    ]
  ) assert.ok(blocked(c).includes("cloud_metadata"), c);
});

Deno.test("url: metadata endpoints named by a variable or a known prefix block", () => {
  for (
    const cmd of [
      "curl $ECS_CONTAINER_METADATA_URI_V4/../credentials",
      "curl 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
      'wget -qO- "$AWS_CONTAINER_CREDENTIALS_FULL_URI"',
      'curl -H Metadata:true "$IDENTITY_ENDPOINT?resource=https://vault.azure.net"',
      'curl "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com"',
      'curl "http://169.254.169.254/$P"',
    ]
  ) {
    assert.ok(blocked(cmd).includes("cloud_metadata"), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "curl $API_URL/health",
      "curl https://api.example.com/$PATH_PART",
      'curl -H "X: $Y" https://x.example',
      "curl http://localhost:$PORT/",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});
