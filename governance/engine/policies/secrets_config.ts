/**
 * Credentials that config files and HTTP traffic carry without a `key =`
 * assignment, as data: directives followed by a space and the value
 * (`requirepass …` in redis.conf, `bindpw …` in nslcd.conf, `rootpw` in
 * slapd.conf, `masterauth`), passwords in table rows and XML elements,
 * Wi-Fi passphrases (`psk="…"` in
 * wpa_supplicant.conf, `wpa_passphrase=` in hostapd.conf), and session
 * cookies of the common web frameworks, which stand for a logged-in user.
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";
import { secret } from "./secret_builders.ts";

/** Config and cookie credential kinds, ids `sys_secret_<name>`. */
export const CONFIG_SECRET_POLICIES: readonly SensitiveSpec[] = [
  secret({
    key: "config_directive_password",
    name: "Password directive in a config file",
    type: "password",
    description:
      "A password given to a config directive by a space, at the start of a line: requirepass/masterauth (Redis), bindpw/bind_pw (nslcd, pam_ldap), rootpw (slapd), ldap_default_authtok (sssd).",
    pattern: String
      .raw`(?<=(?:^|\n)[ \t]{0,8})(?:requirepass|masterauth|bindpw|bind_pw|rootpw|ldap_default_authtok)[ \t]{1,8}(?:=[ \t]{0,4})?(?:"(?<v>[^"\n]{4,256})(?=")|(?<v>[^\s"'#]{4,256}))`,
    keywords: [
      "requirepass",
      "masterauth",
      "bindpw",
      "bind_pw",
      "rootpw",
      "ldap_default_authtok",
    ],
    validator: "assigned_password",
    priority: 2,
  }),
  secret({
    key: "wifi_passphrase",
    name: "Wi-Fi passphrase",
    type: "password",
    description:
      'A WPA passphrase (8-63 characters) as psk="…" in wpa_supplicant.conf or wpa_passphrase=… in hostapd.conf (a 64-hex psk is the derived key, also a secret).',
    pattern: String
      .raw`(?<![\w-])(?:psk[ \t]{0,4}=[ \t]{0,4}(?:"(?<v>[^"\n]{8,63})(?=")|(?<v>[a-fA-F0-9]{64})(?![\w]))|wpa_passphrase[ \t]{0,4}=[ \t]{0,4}(?<v>[^\n]{8,63}?)[ \t]*(?=\n|$))`,
    keywords: ["psk", "wpa_passphrase"],
    validator: "assigned_password",
    priority: 2,
  }),
  secret({
    key: "table_row_password",
    name: "Password in a table row",
    type: "password",
    description:
      "A value in the cell after a cell naming a password, passphrase or secret, in a Markdown, psql or ASCII table row (| admin_password | s3cret |).",
    pattern: String
      .raw`(?<=\|[ \t]{0,8}[\w.-]{0,24})(?:passw(?:or)?d|passphrase|secret)[\w.-]{0,24}[ \t]{0,8}\|[ \t]{0,8}(?<v>[^\s|]{6,256})(?=[ \t]{0,8}\|)`,
    keywords: ["password", "passwd", "passphrase", "secret"],
    ignoreCase: true,
    validator: "assigned_password",
    priority: 2,
  }),
  secret({
    key: "xml_password_element",
    name: "Password in an XML element",
    type: "password",
    description:
      'The text of an XML element that names a password: <password>…</password>, <db:password>, or an element whose name or key attribute names it (<property name="password">…</property>, <entry key="db.password">…</entry>).',
    pattern: String
      .raw`<(?:[\w-]{1,20}:)?[\w.-]{0,24}passw(?:or)?d[\w.-]{0,24}>(?<v>[^<\s]{4,256})(?=</)|(?<=<[\w:-]{1,30}[ \t]{1,4}(?:name|key)=["'][\w.-]{0,24})passw(?:or)?d[\w.-]{0,24}["'][ \t]{0,4}>(?<v>[^<\s]{4,256})(?=</)`,
    keywords: ["password>", "passwd>", 'password"', "password'", 'passwd"'],
    ignoreCase: true,
    validator: "assigned_password",
    priority: 2,
  }),
  secret({
    key: "session_cookie",
    name: "Session cookie",
    type: "session_cookie",
    description:
      "The value of a web framework's session cookie (sessionid, JSESSIONID, PHPSESSID, connect.sid, laravel_session, _session_id, ASP.NET_SessionId, next-auth session token) in a Cookie or Set-Cookie header or a cookie jar: whoever holds it is logged in.",
    pattern: String
      .raw`(?<![\w.-])(?:sessionid|JSESSIONID|PHPSESSID|connect\.sid|laravel_session|_session_id|ASP\.NET_SessionId|(?:__Secure-)?next-auth\.session-token)=(?<v>[A-Za-z0-9%._~+/-]{16,4096}={0,2})`,
    keywords: [
      "sessionid=",
      "JSESSIONID=",
      "PHPSESSID=",
      "connect.sid=",
      "laravel_session=",
      "_session_id=",
      "ASP.NET_SessionId=",
      "next-auth.session-token=",
    ],
    validator: "token",
    priority: 2,
  }),
];
