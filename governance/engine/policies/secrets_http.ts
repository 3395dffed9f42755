/**
 * Secrets of HTTP requests that no vendor prefix marks: the signatures and
 * session tokens of presigned URLs (S3 SigV4 and SigV2, Google Cloud
 * Storage V4 and V2, CloudFront, Alibaba OSS, Tencent COS), Basic credentials in a HAR capture's
 * header list, and a user:password pair handed to a Basic-auth helper in
 * code (`btoa("u:p")`, `auth=("u", "p")`, `HTTPBasicAuth("u", "p")`), and
 * the token typed after `vault login`.
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";
import { secret } from "./secret_builders.ts";

/** A quoted string literal's closing quote: `"`, `'` or a backtick. */
const Q = String.raw`["'\x60]`;

/** HTTP credential kinds, ids `sys_secret_<name>`. */
export const HTTP_SECRET_POLICIES: readonly SensitiveSpec[] = [
  secret({
    key: "signed_url_signature",
    name: "Presigned URL signature (S3 / GCS V4, OSS V4, Tencent COS)",
    type: "signed_url",
    severity: "high",
    description:
      "The X-Amz-Signature / X-Goog-Signature / x-oss-signature / q-signature (Tencent COS) of a presigned URL: whoever holds the URL may read or write the object until it expires. Not the documentation's examples (credential AKIAIOSFODNN7EXAMPLE, <signature>).",
    pattern: String
      .raw`(?:x-(?:amz|goog|oss)-signature|(?<=[?&]|%26)q-signature)=(?<v>[0-9a-f]{40,1024})(?![0-9A-Za-z])`,
    keywords: [
      "x-amz-signature=",
      "x-goog-signature=",
      "x-oss-signature=",
      "q-signature=",
    ],
    ignoreCase: true,
    validator: "signed_url",
  }),
  secret({
    key: "signed_url_session_token",
    name: "Presigned URL session token (S3)",
    type: "aws_session_token",
    severity: "critical",
    description:
      "The X-Amz-Security-Token of a presigned URL: the temporary credentials' session token, valid beyond the one object.",
    pattern: String
      .raw`x-amz-security-token=(?<v>[A-Za-z0-9%+/=_.~-]{40,4096})`,
    keywords: ["x-amz-security-token="],
    ignoreCase: true,
    validator: "signed_url",
  }),
  secret({
    key: "signed_url_legacy_signature",
    name: "Presigned URL signature (S3 SigV2, GCS V2, CloudFront)",
    type: "signed_url",
    severity: "high",
    description:
      "The Signature= of a query-string-signed URL that also carries Expires= and a signer (AWSAccessKeyId, GoogleAccessId, Key-Pair-Id).",
    pattern: String
      .raw`(?<=[?&;])Signature=(?<v>[A-Za-z0-9%+/=_~-]{20,2048})`,
    keywords: ["Signature="],
    validator: "signed_url",
  }),
  secret({
    key: "har_basic_auth",
    name: "HTTP Basic credentials in a HAR header list",
    type: "basic_auth",
    severity: "critical",
    description:
      'The base64 user:password of an Authorization header written as a name/value pair (`{"name": "Authorization", "value": "Basic ..."}`): HAR captures, Postman collections.',
    pattern: String
      .raw`"name"\s{0,4}:\s{0,4}"(?:proxy-)?authorization"\s{0,4},\s{0,4}"value"\s{0,4}:\s{0,4}"basic\s{1,4}(?<v>[A-Za-z0-9+/]{8,1000}={0,2})(?=")`,
    keywords: ['"name"'],
    ignoreCase: true,
    validator: "basic_auth",
  }),
  secret({
    key: "basic_credentials",
    name: "HTTP Basic credentials after the word Basic",
    type: "basic_auth",
    severity: "critical",
    description:
      'Base64 after `Basic ` anywhere (a proxy_set_header line, an AUTH_HEADER variable, a header map, `"Basic " + "..."` in code) that decodes to a printable user:password whose password is not a placeholder.',
    pattern: String
      .raw`(?<![A-Za-z0-9_-])basic[ \t]{0,4}(?:["'][ \t]{0,4}\+[ \t]{0,4}["']|[ \t])[ \t]{0,3}(?<v>[A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])`,
    keywords: ["basic"],
    ignoreCase: true,
    validator: "basic_auth",
    priority: 2,
  }),
  secret({
    key: "basic_auth_literal",
    name: "user:password literal given to a Basic-auth encoder",
    type: "password",
    severity: "high",
    description:
      'The password of a "user:password" string literal passed to a base64 encoder (btoa, b64encode, Buffer.from, base64_encode, encode64): the Basic credentials before encoding.',
    pattern: String
      .raw`(?:btoa|b64encode|standard_b64encode|encodebytes|Buffer\.from|base64_encode|encode64|strict_encode64|encodeToString)\(\s{0,4}b?${Q}[^"'\x60:\s]{1,64}:(?<v>[^"'\x60\s]{4,128})(?=${Q})`,
    keywords: [
      "btoa(",
      "b64encode(",
      "encodebytes(",
      "buffer.from(",
      "base64_encode(",
      "encode64(",
      "encodetostring(",
    ],
    ignoreCase: true,
    anchored: false,
    validator: "assigned_password",
  }),
  secret({
    key: "basic_auth_pair",
    name: "Password of a Basic-auth pair in code",
    type: "password",
    severity: "high",
    description:
      'The password literal of a (user, password) pair handed to an HTTP client: requests `auth=("u", "p")`, HTTPBasicAuth / HTTPDigestAuth / aiohttp BasicAuth, `.basicAuth("u", "p")`, `.SetBasicAuth("u", "p")`.',
    pattern: String
      .raw`(?:auth\s{0,4}=\s{0,4}\(|basicauth\(|digestauth\(|setbasicauth\(|withbasicauth\()\s{0,4}${Q}[^"'\x60\s]{1,64}${Q}\s{0,4},\s{0,4}${Q}(?<v>[^"'\x60\n]{4,128})(?=${Q})`,
    keywords: ["auth=", "auth =", "basicauth(", "digestauth("],
    ignoreCase: true,
    anchored: false,
    validator: "assigned_password",
  }),
  secret({
    key: "vault_login_token",
    name: "Token given to vault login",
    description:
      "The token argument of `vault login <token>` (or `bao login`): a Vault service or batch token (s./hvs./b./hvb. prefix) typed on the command line, not a `-method=` login.",
    pattern: String
      .raw`(?:vault|bao)[ \t]{1,4}login(?:[ \t]{1,4}-[^\s=]{1,40}=\S{1,100}){0,6}[ \t]{1,4}(?<v>(?:s|hvs|b|hvb)\.[A-Za-z0-9_-]{20,300})(?![\w.-])`,
    keywords: ["vault login", "bao login"],
    ignoreCase: true,
    type: "vault_token",
    severity: "critical",
  }),
];
