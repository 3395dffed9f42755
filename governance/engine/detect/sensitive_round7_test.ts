/**
 * Round-7 secret classes, each with near misses beside it: presigned URL
 * signatures, Basic credentials in HAR captures and code, `net use` and
 * `vault login` arguments, Telegram tokens inside Bot API URLs, login pairs
 * in prose, password labels in other languages. Values are made up.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";

/** Whether `value` is inside one finding of `text`. */
function covered(text: string, value: string): boolean {
  const at = text.indexOf(value);
  return findSensitive(text).some((f) =>
    f.start <= at && f.end >= at + value.length
  );
}

const HEX64 =
  "9f2c4e1a7b3d5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d";
const PW = "Quartz#k8Rw2Zp41";

Deno.test("presigned URLs: the signature and session token are findings", () => {
  const s3 =
    `https://b.s3.amazonaws.com/k.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAQ3EGRTYUIOPLKJHG%2F20261203%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261203T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${HEX64}`;
  assert.ok(covered(s3, HEX64));
  const tok =
    "IQoJb3JpZ2luX2VjEJr%2F%2F%2F%2F%2F%2F%2F%2F%2F%2FwEaCXVzLWVhc3QtMSJHMEUCIQD";
  const sts =
    `https://b.s3.amazonaws.com/k?X-Amz-Security-Token=${tok}&X-Amz-Signature=${HEX64}`;
  assert.ok(covered(sts, tok));
  assert.ok(covered(sts, HEX64));
  const gcs =
    `https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=sa%40p.iam.gserviceaccount.com%2F20261203%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Signature=${
      HEX64.repeat(8)
    }`;
  assert.ok(covered(gcs, HEX64.repeat(8)));
  const q = HEX64.slice(0, 40);
  const cos =
    `https://b-125.cos.ap-guangzhou.myqcloud.com/a.txt?q-sign-algorithm=sha1&q-ak=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&q-sign-time=1796290000;1796300000&q-key-time=1796290000;1796300000&q-header-list=host&q-url-param-list=&q-signature=${q}`;
  assert.ok(covered(cos, q));
  const sig = "q7Gk2Lw9Xp%2BzT4vB8nR1sYd0cE%3D";
  for (
    const t of [
      `https://b.s3.amazonaws.com/f.pdf?AWSAccessKeyId=AKIAQ3EGRTYUIOPLKJHG&Expires=1796300000&Signature=${sig}`,
      `https://d1.cloudfront.net/v.mp4?Expires=1796300000&Signature=${sig}&Key-Pair-Id=K2JCJMDEHXQW5F`,
      `https://storage.googleapis.com/b/o?GoogleAccessId=sa@p.iam.gserviceaccount.com&Expires=1796300000&Signature=${sig}`,
      `https://b.oss-cn-hangzhou.aliyuncs.com/f.zip?OSSAccessKeyId=LTAI5tQ3Rw8Zp41Xy&Expires=1796300000&Signature=${sig}`,
    ]
  ) {
    assert.ok(covered(t, sig), t);
  }
});

Deno.test("presigned URL look-alikes are not findings", () => {
  for (
    const t of [
      `https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404`,
      "X-Amz-SignedHeaders=host&X-Amz-Signature=<signature>",
      `x-amz-content-sha256: ${HEX64}`,
      "https://api.example.com/hooks?Signature=q7Gk2Lw9Xp%2BzT4vB8nR1sYd0cE%3D",
      "The X-Amz-Signature parameter is a hex HMAC-SHA256.",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("Basic credentials in HAR captures and in code", () => {
  const b = btoa(`deploy:${PW}`);
  const har =
    `{"headers": [{"name": "Authorization", "value": "Basic ${b}"}, {"name": "Accept", "value": "*/*"}]}`;
  assert.ok(covered(har, b));
  for (
    const t of [
      `headers: { Authorization: "Basic " + btoa("deploy:${PW}") }`,
      `token = base64.b64encode(b"deploy:${PW}").decode()`,
      `Buffer.from('deploy:${PW}').toString('base64')`,
      `requests.get(url, auth=("deploy", "${PW}"))`,
      `session.auth = ("deploy", "${PW}")`,
      `HTTPBasicAuth("deploy", "${PW}")`,
      `req.SetBasicAuth("deploy", "${PW}")`,
    ]
  ) {
    assert.ok(covered(t, PW), t);
  }
});

Deno.test("Basic look-alikes in HAR and code are not findings", () => {
  for (
    const t of [
      `{"name": "Authorization", "value": "Basic {{basicAuth}}"}`,
      `{"name": "WWW-Authenticate", "value": "Basic realm=\\"api\\""}`,
      "btoa(`${user}:${pass}`)",
      'btoa("user:password")',
      'requests.get(url, auth=(os.environ["U"], os.environ["P"]))',
      'auth=("user", "<password>")',
      'btoa("hello world")',
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("positional CLI secrets: net use, vault login", () => {
  const tok = "s.Eobs0TfVneHrRtfDSkbsWmAK";
  for (
    const [t, v] of [
      [`net use Z: \\\\fs01\\share ${PW} /user:CORP\\alice`, PW],
      [`net use \\\\fs01\\ipc$ ${PW} /user:admin`, PW],
      [`vault login ${tok}`, tok],
      [`VAULT_ADDR=https://v:8200 vault login -no-print=true ${tok}`, tok],
    ]
  ) {
    assert.ok(covered(t, v), t);
  }
  for (
    const t of [
      "net use Z: \\\\fs01\\share /persistent:yes",
      "net use Z: \\\\fs01\\share * /user:CORP\\alice",
      "vault login -method=oidc role=dev",
      "vault login -method=userpass username=alice",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("Telegram bot tokens inside Bot API URLs", () => {
  const t = "7123456789:AAFh3kLm9Qw2Er5Ty8Ui0OpAsDfGhJkLzXc";
  assert.ok(covered(`https://api.telegram.org/bot${t}/sendMessage`, t));
  assert.deepEqual(
    findSensitive("https://api.telegram.org/bot<token>/sendMessage"),
    [],
  );
});

Deno.test("login pairs in prose and password labels in other languages", () => {
  for (
    const t of [
      `the staging admin login is ops / ${PW} until Friday`,
      `credentials: admin / ${PW}`,
      `creds are deploy:${PW}`,
      `数据库密码：${PW}（请勿外传）`,
      `パスワード: ${PW}`,
      `пароль: ${PW}`,
      `Passwort: ${PW}`,
      `mot de passe = ${PW}`,
    ]
  ) {
    assert.ok(covered(t, PW), t);
  }
  for (
    const t of [
      "the login is admin / the usual one",
      "login: alice",
      "credentials are in the vault / ask ops",
      "Passwort: ********",
      "密码：请联系管理员",
      "mot de passe oublié ?",
      "passwort: vergessen?",
      "login: root:x:0:0:root:/root:/bin/bash",
      "sk-0123456789abcdef0123456789abcdef is the format",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("round-7 kinds on hostile input finish in linear time", () => {
  const started = performance.now();
  findSensitive("X-Amz-Signature=" + "a".repeat(100_000));
  findSensitive("X-Amz-Security-Token=" + "%2F".repeat(40_000));
  findSensitive("?Signature=" + "A".repeat(100_000) + " Expires=1");
  findSensitive(
    '"name": "authorization", "value": "basic ' + "A".repeat(100_000),
  );
  findSensitive('btoa("' + "a".repeat(100_000));
  findSensitive('auth=("u", "' + "a".repeat(100_000));
  findSensitive("auth=(".repeat(20_000));
  findSensitive("net use \\\\" + "a ".repeat(50_000));
  findSensitive("vault login " + "-a=b ".repeat(20_000));
  findSensitive("login is " + "a / ".repeat(25_000));
  findSensitive("/bot" + "1".repeat(100_000) + ":AA");
  findSensitive("密码：" + "密".repeat(100_000));
  findSensitive("passwort: " + "x".repeat(100_000));
  assert.ok(performance.now() - started < 10_000);
});

Deno.test("provider prefixes: Fly.io, Jina AI, DeepSeek", () => {
  for (
    const t of [
      "FlyV1 fm2_lJPECAAAAAAAAMTpxBDPfG2mN8T3vQ0kX7aLbR1sWcYz9Ue4Hj6Ko5Pd2Gq8Vn3Bm0Ct7Fx",
      "jina_9f8e7d6c5b4a39281706f5e4d3c2b1a0Zk8Xw2Lm4Qp6Rt8Yu0Io2Pa4Sd6Fg8",
      "sk-4e5389fca3229ba52b61dea39d6ee795",
    ]
  ) {
    assert.ok(covered(`client configured with ${t} for prod`, t), t);
  }
  for (
    const t of [
      "fly auth token  # prints FlyV1 fm2_<token>",
      "jina_embeddings_v3 model",
      "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "css class sk-4e53 and sk-proj placeholder",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("base64 of a placeholder is not a password; base64 of a password is", () => {
  for (
    const t of [
      "data:\n  password: Y2hhbmdlbWU=",
      `data:\n  password: ${btoa("password")}`,
      `DB_PASSWORD=${btoa("your-password-here")}`,
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  const b = btoa("Quartz#k8Rw2Zp41");
  assert.ok(covered(`data:\n  password: ${b}`, b));
});

Deno.test("secrets in the cell beside an HTML label cell", () => {
  for (
    const t of [
      `<tr><td>password</td><td>${PW}</td></tr>`,
      `<tr><th scope="row">API key</th><td class="mono">${PW}</td></tr>`,
      `<dl><dt>Client secret</dt>\n<dd>${PW}</dd></dl>`,
      `<td>password</td><td>${PW.replace("#", "&#35;")}</td>`,
    ]
  ) {
    assert.ok(
      covered(t, t.includes("&#35;") ? PW.replace("#", "&#35;") : PW),
      t,
    );
  }
  for (
    const t of [
      "<tr><td>password</td><td>string</td><td>The user's password.</td></tr>",
      "<tr><td>token</td><td>Required. A token from the settings page.</td></tr>",
      "<tr><td>password</td><td>********</td></tr>",
      "<tr><td>api_key</td><td>Yes</td></tr>",
      "<tr><td>secret</td><td>${SECRET}</td></tr>",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  const started = performance.now();
  findSensitive("<td>" + "a".repeat(100_000));
  findSensitive("<td>password</td>".repeat(10_000));
  findSensitive("<td>x_password</td><td>" + "a".repeat(100_000));
  assert.ok(performance.now() - started < 5_000);
});

Deno.test("positional CLI secrets of registry, upload and admin tools", () => {
  const raw = "Zq8RbWk2Xy5MnP3LvT7cHd9FaB1cD2eF";
  for (
    const [t, v] of [
      [`oras login -u ci -p ${PW} ghcr.io`, PW],
      [`crane auth login ghcr.io -u ci -p ${PW}`, PW],
      [`skopeo copy --src-creds ci:${PW} docker://a docker://b`, PW],
      [`twine upload -u ci -p ${PW} dist/*`, PW],
      [`influx setup -u admin -p ${PW} -o org -b bucket -f`, PW],
      [`rabbitmqadmin -u admin -p ${PW} list queues`, PW],
      [`curl --proxy-user ci:${PW} https://x.example`, PW],
      [`gh auth login --with-token <<< ${raw}`, raw],
      [`docker login -u ci --password-stdin ghcr.io <<< '${PW}'`, PW],
      [`npm config set //registry.npmjs.org/:_authToken ${raw}`, raw],
      [`mc alias set prod https://s3.corp AKIAQ3EGRTYUIOPLKJHG ${raw}`, raw],
    ]
  ) {
    assert.ok(covered(t, v), t);
  }
  for (
    const t of [
      'gh auth login --with-token <<< "$GH_TOKEN"',
      "twine upload -u __token__ dist/*",
      "influx setup -u admin -o org -b bucket",
      "npm config set registry https://registry.npmjs.org/",
      'npm config set //registry.npmjs.org/:_authToken "${NPM_TOKEN}"',
      "mc alias set local http://localhost:9000 minioadmin minioadmin",
      "cat <<< hello",
      "crane auth login ghcr.io -u ci --password-stdin",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  const started = performance.now();
  findSensitive("--with-token " + "a ".repeat(50_000) + "<<< x");
  findSensitive("--stdin <<<".repeat(20_000));
  findSensitive("npm config set " + "a".repeat(100_000));
  findSensitive("alias set a https://" + "b".repeat(100_000));
  assert.ok(performance.now() - started < 5_000);
});

Deno.test("Basic credentials after the word Basic, wherever the header is written", () => {
  const b = btoa(`deploy:${PW}`);
  for (
    const t of [
      `proxy_set_header Authorization "Basic ${b}";`,
      `AUTH_HEADER="Basic ${b}"`,
      `{"headers":{"authorization":["Basic ${b}"]}}`,
      `req.Header.Set("Authorization", "Basic "+"${b}")`,
      `headers.set('Authorization', 'Basic ' + '${b}')`,
      `Basic ${b}`,
    ]
  ) {
    assert.ok(covered(t, b), t);
  }
  for (
    const t of [
      "Basic usage: run the tool with --help",
      `Basic ${btoa("user:password")}`,
      `Basic ${btoa("just some text")}`,
      "basic QmFzaWMgQXV0aA== (the words 'Basic Auth')",
      "BASIC programs: 10 PRINT HELLO",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
  const started = performance.now();
  findSensitive("basic " + "A".repeat(100_000));
  findSensitive('basic " + '.repeat(20_000));
  assert.ok(performance.now() - started < 5_000);
});
