/**
 * Private keys outside PEM blocks, as data: WireGuard's base64 keys in its
 * config (`PrivateKey = …`, `PresharedKey = …`) and on `wg` command lines,
 * and the private members of a JSON Web Key (`"d"`, and RSA's `"p"`, `"q"`,
 * `"dp"`, `"dq"`, `"qi"`, a symmetric key's `"k"`) in an object that names
 * its key type (`"kty"`).
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";

/** Private-key kinds outside PEM, ids `sys_secret_<name>`. */
export const KEY_SECRET_POLICIES: readonly SensitiveSpec[] = [
  {
    id: "sys_secret_wireguard_key",
    name: "WireGuard private or preshared key",
    category: "secret",
    severity: "critical",
    action: "redact",
    description:
      "A WireGuard key (32 bytes, 44 base64 characters) as PrivateKey/PresharedKey in a wg config or given to wg set ... private-key/preshared-key.",
    appliesTo: "both",
    type: "private_key",
    pattern: String
      .raw`(?:(?:Private|Preshared)Key[ \t]{0,4}=[ \t]{0,4}|(?:private|preshared)-key[ \t]{1,4}(?:<\([ \t]{0,2}echo[ \t]{1,4})?["']?)(?<v>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])`,
    keywords: ["PrivateKey", "PresharedKey", "private-key", "preshared-key"],
    anchored: true,
    validator: "token",
    priority: 3,
  },
  {
    id: "sys_secret_jwk_private",
    name: "JSON Web Key private member",
    category: "secret",
    severity: "critical",
    action: "redact",
    description:
      'The private part of a JWK ("d", RSA "p"/"q"/"dp"/"dq"/"qi", symmetric "k"): base64url of at least 16 bytes, on the lines around its "kty".',
    appliesTo: "both",
    type: "private_key",
    pattern: String
      .raw`"(?:d|p|q|dp|dq|qi|k)"[ \t]{0,3}:[ \t]{0,3}"(?<v>[A-Za-z0-9_-]{22,1400})(?=")`,
    keywords: ['"kty"'],
    window: 1200,
    validator: "token",
    priority: 3,
  },
];
