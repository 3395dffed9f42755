/**
 * Secrets whose key is not written `password = …` but names a secret all
 * the same, as data:
 *
 * - a name/value pair where the name is a field of its own (`- name:
 *   DB_PASSWORD` / `value: …` in Kubernetes and ECS, `<add key="SmtpPassword"
 *   value="…"/>` in .NET configs, `{"Key": "ApiToken", "Value": "…"}`);
 * - a call that sets a named secret (`define('DB_PASSWORD', '…')`,
 *   `setenv("API_TOKEN", "…")`, `System.setProperty("x.password", "…")`);
 * - keys that end in `pass` (`DB_PASS=`, `ansible_become_pass:`, `pass:`,
 *   `{"pass": …}`)
 *   or name a kind of key (`ENCRYPTION_KEY=`, `auth_key:`, `signing key:`).
 *
 * Values go through the same checks as the other assignments (no
 * placeholders, variables or code references; random enough).
 *
 * @module
 */

import type { SensitiveSpec, ValidatorName } from "../detect/sensitive_spec.ts";
import { VAL } from "./secrets_cli.ts";

/** Words a secret's key name contains (a kind of key: `signing_key`, `jwt-key`). */
const SECRET_NAME = String
  .raw`[\w.-]{0,40}(?:passw(?:or)?d|pass|pwd|secret|token|api[_-]?key|private[_-]?key|(?:encryption|signing|master|hmac|jwt)[_-]?key|credential)[\w.-]{0,20}`;

/** A secret's name that may be a parameter path (`/prod/db/password` as SSM names them, `secret/data/prod/api_token` as Vault does). */
const SECRET_PATH = String
  .raw`(?:/?[\w.-]{1,40}/){0,4}${SECRET_NAME}`;

/** Up to two short fields between a name and its value (`"Type": "SecureString",` of an SSM parameter in JSON, `Type: SecureString` on a YAML line of its own). */
const FIELDS = String
  .raw`(?:["']\w{1,20}["'][ \t]{0,4}:[ \t]{0,4}["'][^"'\n]{0,40}["'][ \t]{0,4},[ \t]{0,4}|[A-Za-z]\w{0,20}:[ \t]{1,4}[^\s"'][^\n]{0,40}\r?\n[ \t]{0,16}){0,2}`;

/** Not an anti-forgery token (`csrf_token`, `xsrf-token`, `authenticity_token`): a per-page value, not a credential. */
const NOT_CSRF = String.raw`(?![\w.-]{0,40}(?:csrf|xsrf|authenticity))`;

/** `:`, `=`, `:=`, `=>` or Makefile `?=`/`+=` glue after a key, with its closing quote (and bracket: `$cfg['db_pass'] =`). */
const GLUE = String.raw`["']?\]?[ \t]{0,4}(?::=|=>|[?+]=|[:=])[ \t]{0,4}`;

interface PairEntry {
  key: string;
  name: string;
  description: string;
  pattern: string;
  keywords: readonly string[];
  anchored: boolean;
  window?: number;
  validator: ValidatorName;
}

function pair(e: PairEntry): SensitiveSpec {
  return {
    id: `sys_secret_${e.key}`,
    name: e.name,
    category: "secret",
    severity: "high",
    action: "redact",
    description: e.description,
    appliesTo: "both",
    type: "password",
    pattern: e.pattern,
    keywords: e.keywords,
    anchored: e.anchored,
    window: e.window,
    ignoreCase: true,
    validator: e.validator,
    priority: 1,
  };
}

/** Name/value, call-argument and key-suffix kinds, ids `sys_secret_<name>`. */
export const PAIR_SECRET_POLICIES: readonly SensitiveSpec[] = [
  pair({
    key: "name_value_pair",
    name: "Secret in a name/value pair",
    description:
      'The value of a name/value (key/value) pair whose name is a password, secret, token or API key: Kubernetes/ECS env entries, .NET appSettings <add key= value=>, AWS-style {Key, Value}, SSM parameters {"Name": "/prod/db/password", "Type": "SecureString", "Value": ...}, ARM parameters "adminPassword": {"value": ...}.',
    pattern: String
      .raw`(?:(?<![\w-])(?:name|key)${GLUE}["']?${NOT_CSRF}${SECRET_PATH}["']?[ \t,]{0,4}(?:\r?\n[ \t-]{0,16})?${FIELDS}|(?<![\w-])["']?${SECRET_NAME}${GLUE}\{[ \t]{0,4}(?:\r?\n[ \t]{0,16})?)["']?value${GLUE}${VAL}`,
    keywords: ["value"],
    anchored: false,
    window: 200,
    validator: "assigned_password",
  }),
  pair({
    key: "ssm_text_row",
    name: "SSM parameter in text output",
    description:
      "The value cell of an AWS SSM parameter printed by `--output text` (tab-separated: name, SecureString, value) whose name is a secret's path (/prod/db_password).",
    pattern: String
      .raw`(?<![\w-])${NOT_CSRF}${SECRET_PATH}[ \t]{1,8}SecureString[ \t]{1,8}(?<v>[^\s]{1,256})`,
    keywords: ["securestring"],
    anchored: false,
    window: 160,
    validator: "assigned_password",
  }),
  pair({
    key: "secret_call_argument",
    name: "Secret passed with its name to a call",
    description:
      'A quoted literal passed right after a quoted secret name: define(\'DB_PASSWORD\', \'...\'), setenv("API_TOKEN", "..."), setProperty("mail.password", "...").',
    pattern: String
      .raw`\([ \t]{0,2}["']${SECRET_NAME}["'][ \t]{0,3},[ \t]{0,3}(?:'(?<v>[^'\n]{1,256})(?=')|"(?<v>[^"\n]{1,256})(?="))`,
    // Anchored at the call's opening: "('", "( '" and their double-quoted forms.
    keywords: ["('", '("', "( '", '( "', "(  '", '(  "'],
    anchored: true,
    validator: "assigned_password",
  }),
  pair({
    key: "secret_setter_call",
    name: "Secret passed to a setter",
    description:
      'A quoted literal passed to a setter or builder named for a secret: setPassword("..."), withApiKey(\'...\'), set_secret("...").',
    pattern: String
      .raw`(?<![A-Za-z0-9])(?:set|with|use|update|change)_?[A-Za-z0-9]{0,24}?(?:password|passwd|passphrase|secret|token|api_?key)\([ \t]{0,3}(?:'(?<v>[^'\n]{1,256})(?=')|"(?<v>[^"\n]{1,256})(?="))`,
    keywords: [
      "password(",
      "passwd(",
      "passphrase(",
      "secret(",
      "token(",
      "apikey(",
      "api_key(",
    ],
    anchored: false,
    validator: "assigned_password",
  }),
  pair({
    key: "password_in_prose",
    name: "Password stated in prose",
    description:
      "A value right after 'password is', 'db_password is', 'the password for the staging db is', 'pw is', 'pw=', 'passphrase', 'pwd was'... in running text (chat, tickets, notes): it must look like a password (a letter and a digit or symbol, not a word).",
    pattern: String
      .raw`(?<![A-Za-z0-9])(?:password|passwd|passphrase|passcode|pwd|pw)(?:[ \t]{1,3}(?:for|of)(?:[ \t]{1,3}[\w.@-]{1,30}){1,4})?(?:[ \t]{1,3}(?:is|was|now|=)[ \t]{1,3}|[ \t]{0,3}[=:][ \t]{0,3}|[ \t]{1,3}(?=\S*[0-9!#$%&*+?@^_~]))${VAL}`,
    keywords: [
      "password ",
      "passwd ",
      "passphrase ",
      "passcode ",
      "pwd ",
      "pw ",
      "pw=",
      "pw:",
    ],
    anchored: true,
    validator: "prose_password",
  }),
  pair({
    key: "login_pair_in_prose",
    name: "user / password pair stated in prose",
    description:
      "The password of a 'login is ops / S3cret!9', 'credentials: admin / S3cret!9', 'creds are admin:S3cret!9' in running text: a login word, a user name, a slash or colon, then something that looks like a password.",
    pattern: String
      .raw`(?<![A-Za-z0-9])(?:login|logins|credentials|creds|user\/pass(?:word)?)(?:[ \t]{1,3}(?:is|are|was|were)[ \t]{1,3}|[ \t]{0,3}[:=][ \t]{0,3})[\w.@-]{1,64}(?:[ \t]{1,3}\/[ \t]{1,3}|[ \t]{0,1}:[ \t]{0,1})(?<v>[^\s"'\x60;&|<>():/,]{4,128})(?![^\s.,;)])`,
    keywords: ["login", "credentials", "creds", "user/pass"],
    anchored: true,
    validator: "prose_password",
  }),
  {
    ...pair({
      key: "password_label_i18n",
      name: "Password after a label in another script",
      description:
        "A value after a password label written with letters beyond ASCII (密码, 密碼, 口令, パスワード, 비밀번호, пароль, contraseña, hasło, lösenord, şifre, contraseña), with an ASCII or full-width colon or equals sign, the value in ASCII with a digit in it (not a word of the language); runs only on texts with such letters.",
      pattern: String
        .raw`(?:密码|密碼|口令|パスワード|비밀번호|пароль|contraseña|hasło|lösenord|şifre)[ \t]{0,3}[:=：＝][ \t]{0,3}(?=[!#-&*-:=?-~]{0,127}\d)(?<v>[!#-&*-:=?-~]{1,128})`,
      keywords: [],
      anchored: false,
      validator: "assigned_password",
    }),
    requires: "non_ascii",
  },
  pair({
    key: "password_label_latin",
    name: "Password after a label in another language",
    description:
      "A value after a password label of another language written in ASCII (Passwort, Kennwort, mot de passe, senha, wachtwoord, parola, adgangskode, salasana) and a colon or equals sign, the value with a digit in it (not a word of the language).",
    pattern: String
      .raw`(?<![A-Za-z])(?:passwort|kennwort|mot de passe|senha|wachtwoord|parola|adgangskode|salasana)[ \t]{0,3}[:=][ \t]{0,3}(?=\S{0,127}\d)${VAL}`,
    keywords: [
      "passwort",
      "kennwort",
      "mot de passe",
      "senha",
      "wachtwoord",
      "parola",
      "adgangskode",
      "salasana",
    ],
    anchored: false,
    validator: "assigned_password",
  }),
  pair({
    key: "html_cell_secret",
    name: "Secret in the cell beside an HTML label cell",
    description:
      "A one-token cell right after an HTML table or definition-list cell naming a password, secret, token or key (<td>password</td><td>value</td>, <th>API key</th><td>value</td>, <dt>Secret</dt><dd>value</dd>): admin pages, exported reports, HTML e-mails.",
    pattern: String
      .raw`<(?:t[dh]|dt)(?:\s[^>]{0,80})?>[ 	]{0,4}(?:[\w.-]{1,30}[ _-]?)?(?:password|passwd|passphrase|pwd|secret|token|api[ _-]?key|access[ _-]?key)[ 	]{0,4}:?[ 	]{0,4}</(?:t[dh]|dt)>\s{0,8}<(?:td|dd)(?:\s[^>]{0,80})?>[ 	]{0,4}(?<v>[^<>\s]{1,256})(?=[ 	]{0,4}</(?:td|dd)>)`,
    keywords: ["<td", "<th", "<dt"],
    anchored: false,
    validator: "assigned_password",
  }),
  pair({
    key: "php_dump_value",
    name: "Secret in a PHP var_dump or print_r",
    description:
      'The string a PHP var_dump or print_r prints under a password, secret, token or API-key element (["db_password"]=> string(14) "...", [api_key] => ...).',
    pattern: String
      .raw`\[["']?${NOT_CSRF}${SECRET_NAME}["']?\][ \t]{0,4}=>[ \t]{0,4}(?:\r?\n[ \t]{0,16})?(?:string\(\d{1,6}\)[ \t]{0,2}"(?<v>[^"\n]{1,256})(?=")|(?<v>[^\s"'\x60\[\]]{1,256}))`,
    keywords: ["]=>", "] =>"],
    anchored: false,
    validator: "assigned_secret",
  }),
  pair({
    key: "redis_monitor_set",
    name: "Secret in a Redis MONITOR line",
    description:
      'The value of a SET/HSET/SETEX that Redis MONITOR (or a slow log) prints when the key names a password, secret, token or API key ("SET" "config:jwt_secret" "...").',
    pattern: String
      .raw`"(?:set|hset|setex|psetex|setnx|getset)" "(?:[\w.-]{1,40}:){0,3}${NOT_CSRF}${SECRET_NAME}"(?: "[\w:.-]{1,40}")? "(?<v>[^"\n]{1,512})(?=")`,
    keywords: [
      '"set" "',
      '"hset" "',
      '"setex" "',
      '"psetex" "',
      '"setnx" "',
      '"getset" "',
    ],
    anchored: true,
    validator: "assigned_secret",
  }),
  pair({
    key: "secret_in_prose",
    name: "Key or token stated in prose",
    description:
      "A long random value right after 'secret key is', 'private_key was', 'access token is now', 'api key is'... in running text (chat, tickets): one token of 20+ characters with a digit, not a word or a placeholder.",
    pattern: String
      .raw`(?<![A-Za-z0-9])(?:secret(?:[_ -]access)?[_ -]key|private[_ -]key|api[_ -]?key|(?:access|auth|api|bot)[_ -]token|client[_ -]secret)[ \t]{1,3}(?:is|was)(?:[ \t]{1,3}now)?[ \t]{1,3}${VAL}`,
    keywords: [
      "key is",
      "key was",
      "token is",
      "token was",
      "secret is",
      "secret was",
    ],
    // the keywords end the match's key, so the match starts before them
    anchored: false,
    validator: "prose_secret",
  }),
  pair({
    key: "secret_in_error",
    name: "Key or token echoed by an error message",
    description:
      "A long random value that an error or log message quotes after 'invalid api key', 'rejected token', 'expired access token', 'bad client secret'... (`AuthError: rejected token '1381ba82…'`): one token of 20+ characters with a digit, not a word or a placeholder.",
    pattern: String
      .raw`(?<![A-Za-z0-9])(?:invalid|rejected|bad|expired|revoked|unknown|wrong|incorrect|malformed|unauthori[sz]ed|unrecognized|denied|refused|stale)[ \t]{1,3}(?:(?:api|access|auth|bearer|refresh|session|bot|personal[ \t]access)[ \t_-]?)?(?:key|token|secret|client[ \t_-]secret|password|credentials?)[ \t]{0,3}(?:provided|given|supplied|used|value)?[ \t]{0,3}[:=]?[ \t]{0,3}[\x60(]?${VAL}`,
    keywords: [
      "invalid",
      "rejected",
      "expired",
      "revoked",
      "unknown",
      "wrong",
      "incorrect",
      "malformed",
      "unauthorized",
      "unauthorised",
      "bad ",
      "denied",
    ],
    anchored: true,
    validator: "prose_secret",
  }),
  pair({
    key: "password_loose_layout",
    name: "Password beside its key without assignment glue",
    description:
      "A password after its key with no = or : to join them, ending its line (password<TAB>..., PASSWORD    ..., Password ...... ..., password -> ...), or alone on the line below its key (password:\n  ..., YAML block scalars, pretty-printed JSON); it must look like a password (a digit, a symbol or mixed case), not a word or a placeholder.",
    pattern: String
      .raw`(?<![A-Za-z0-9])(?:password|passwd|passphrase|pwd)(?:(?:\t[ \t]{0,8}|[ ]{2,24}|[ \t]{0,3}(?:\.{2,40}|→|->)[ \t]{0,3})(?![=:])|["']?[ \t]{0,3}:[ \t]{0,3}(?:[|>][-+]?[ \t]{0,3})?\r?\n[ \t]{0,16})${VAL}(?=["']?[ \t]{0,3},?[ \t]{0,3}(?:\r?\n|$))`,
    keywords: ["password", "passwd", "passphrase", "pwd"],
    anchored: true,
    validator: "printed_secret",
  }),
  pair({
    key: "pass_suffix_assignment",
    name: "Password under a *pass key",
    description:
      'A literal assigned to a key ending in pass (DB_PASS=, admin_pass:, ansible_become_pass=, mail.pass), to a bare pass: at a line start or after a user/login field on its line (User: admin Pass: ...), or to a quoted "pass" key of a JSON object.',
    pattern: String
      .raw`(?:(?<=(?<![A-Za-z0-9])(?:[A-Za-z0-9]{1,30}[_.-]){1,4})|(?<=(?:^|\n)[ \t>*-]{0,6})|(?<=[{,][ \t]{0,4}["'])|(?<=(?:user(?:name)?|login)[ \t]{0,3}[:=][ \t]{0,3}[^\s:=]{1,64}[ \t,;|/]{1,6}))pass(?![A-Za-z0-9])${GLUE}${VAL}`,
    // Not "pass" alone: every "password" would be tried.
    keywords: ["pass=", "pass:", "pass ", "pass\t", 'pass"', "pass'", "pass]"],
    anchored: true,
    validator: "pass_value",
  }),
  pair({
    key: "named_key_assignment",
    name: "Key material under a key name",
    description:
      "A high-entropy literal assigned to a key naming a kind of key: encryption/signing/master/session/auth/hmac/jwt/app/client/webhook/private key (ENCRYPTION_KEY=, BRAINTREE_PRIVATE_KEY=, auth_key:, signing key:); a 0x-prefixed 64-digit wallet key is the wallet kind's.",
    pattern: String
      .raw`(?<=(?<![A-Za-z0-9])(?:[A-Za-z0-9]{1,30}[_.-]){0,3}(?:encryption|encrypt|signing|sign|master|session|auth|hmac|jwt|cipher|aes|crypto|app|client|webhook|cookie|csrf|license|deploy|admin|private)[ _.-]?)key(?![A-Za-z0-9])${GLUE}(?!["'\x60]?0x[0-9a-fA-F]{64}(?![0-9A-Za-z]))${VAL}`,
    keywords: ["key"],
    anchored: true,
    validator: "assigned_secret",
  }),
  pair({
    key: "config_line_key",
    name: "Key material on a bare key line",
    description:
      "A long random literal on a line of its own under a bare `key` name, as credential files write it (rclone.conf `key = ...` of a B2 or SFTP remote, INI sections) and code declares it (`const key =`, `String key =`, `key: '…'` in an object, the literal maybe on the next line); not a path, name or placeholder.",
    pattern: String
      .raw`(?<=(?:^|\n)[ \t]{0,6}(?:(?:(?:export[ \t]{1,4})?(?:const|let|var|val)|(?:(?:private|public|static|final)[ \t]{1,4}){0,3}String)[ \t]{1,4})?)key${GLUE}(?:\r?\n[ \t]{0,16})?${VAL}`,
    keywords: ["key"],
    anchored: true,
    validator: "config_key",
  }),
];
