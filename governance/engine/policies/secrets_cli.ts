/**
 * Passwords on command lines and in SQL statements, as data: the password
 * options of well-known tools (`mysql -p'…'`, `sshpass -p`, `redis-cli -a`,
 * `sqlcmd -P`, `ldapsearch -w`, `mosquitto_pub -P`, `xfreerdp /p:`,
 * `openssl -passout pass:…`, `keytool
 * -storepass`, `curl -u user:…`, `7z -p…`, `htpasswd -b`, `smbclient -U
 * user%…`, `docker login -p`, `sqlplus user/…@db`, `rabbitmqctl add_user`,
 * `net user`, `… | chpasswd`), values handed to secret stores (`gh secret
 * set NAME --body …`, `az keyvault secret set --value …`) and SQL that sets a password (`IDENTIFIED BY
 * '…'`, `WITH PASSWORD '…'`). The same text shows up typed in a shell, in
 * history, in scripts and in process listings (`ps`, `top`, `/proc/<pid>/cmdline`).
 *
 * Each tool is named by its keyword and the option is looked for among the
 * arguments that follow it in the same command (up to `|`, `;`, `&`, a line
 * end); prompts (`mysql -p` with nothing glued on, `ldapsearch -W`),
 * variables (`-p"$PASS"`) and option files are not values.
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";

/** A value: quoted (to its closing quote) or bare (to a space or a shell operator; `&` inside a word is kept; not an option `-x`). */
export const VAL = String
  .raw`(?:'(?<v>[^'\n]{1,256})(?=')|"(?<v>[^"\n]{1,256})(?=")|(?<v>(?!-)(?:[^\s"'\x60;&|<>()]|&(?=[^\s&;|])){1,256}))`;

/** A name with a secret's word in it (`DB_PASSWORD`, `api-token`, `stripe_secret_key`). */
const SECRET_WORD = String
  .raw`[\w.-]{0,40}(?:pass|pwd|secret|token|key|cred)[\w.-]{0,20}`;

/** Up to 16 arguments of the same command before the option (lazy: the first occurrence wins). */
const ARGS = String.raw`(?:[ \t]{1,8}[^\s|;&<>]{1,200}){0,16}?`;

interface CliEntry {
  key: string;
  name: string;
  description: string;
  pattern: string;
  keywords: readonly string[];
  ignoreCase?: boolean;
  window?: number;
}

function cli(e: CliEntry): SensitiveSpec {
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
    anchored: e.window === undefined,
    window: e.window,
    ignoreCase: e.ignoreCase,
    validator: "assigned_password",
    priority: 1,
  };
}

/** Command-line and SQL password kinds, ids `sys_secret_<name>`. */
export const CLI_SECRET_POLICIES: readonly SensitiveSpec[] = [
  cli({
    key: "mysql_password_option",
    name: "MySQL/MariaDB password option",
    description:
      "The password glued to -p of mysql, mysqldump, mysqladmin, mariadb... (-p'secret', -psecret); not the bare -p prompt or -P port.",
    pattern: String.raw`(?:mysql|mariadb)[\w-]{0,12}${ARGS}[ \t]{1,8}-p${VAL}`,
    keywords: ["mysql", "mariadb"],
  }),
  cli({
    key: "cli_short_password_option",
    name: "Password option of a command-line tool",
    description:
      "The value of a tool's password option: sshpass -p, redis-cli -a, sqlcmd/bcp -P, ldapsearch/ldapmodify/vsql -w, mongo/mongosh -p, openssl -k, ssh-keygen -N/-P, 7z/rar -p, zip -P, docker/podman/oras/crane/skopeo login -p, twine/influx/rabbitmqadmin -p, az ... -p.",
    pattern: String
      .raw`(?:sshpass${ARGS}[ \t]{1,8}-p[ \t]{0,3}|(?:7z|7za|7zr|rar|unrar)${ARGS}[ \t]{1,8}-p|redis-cli${ARGS}[ \t]{1,8}(?:-a|--pass)[ \t]{1,3}|(?:sqlcmd|bcp|osql|isql)${ARGS}[ \t]{1,8}-P[ \t]{0,3}|(?:ldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn|exop)|vsql)${ARGS}[ \t]{1,8}-w[ \t]{1,3}|(?:mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport|mongostat|mongotop)${ARGS}[ \t]{1,8}-p[ \t]{1,3}|openssl${ARGS}[ \t]{1,8}-k[ \t]{1,3}|ssh-keygen${ARGS}[ \t]{1,8}-[NP][ \t]{0,3}|(?:zip|unzip)${ARGS}[ \t]{1,8}-P[ \t]{1,3}|(?:docker|podman|nerdctl|buildah|helm registry|oras|crane auth|skopeo|regctl registry) login${ARGS}[ \t]{1,8}-p[ \t]{1,3}|(?:twine|influx|rabbitmqadmin)${ARGS}[ \t]{1,8}(?:-p|--password)[ \t]{1,3}|(?<![\w-])az(?:[ \t]{1,4}[a-z][a-z-]{0,30}){1,4}${ARGS}[ \t]{1,8}-p[ \t]{1,3})${VAL}`,
    keywords: [
      "sshpass",
      "7z",
      "rar",
      "redis-cli",
      "sqlcmd",
      "bcp",
      "osql",
      "isql",
      "ldap",
      "vsql",
      "mongo",
      "openssl",
      "ssh-keygen",
      "zip",
      "docker login",
      "podman login",
      "nerdctl login",
      "buildah login",
      "helm registry login",
      "oras login",
      "crane auth login",
      "skopeo login",
      "regctl registry login",
      "twine",
      "influx",
      "rabbitmqadmin",
      "az ",
    ],
  }),
  cli({
    key: "cli_device_password_option",
    name: "Password option of a remote-access or messaging client",
    description:
      "The value of mosquitto_pub/sub/rr -P, snmpwalk/snmpget/snmpset... -A and -X (SNMPv3 passphrases), rdesktop -p, xfreerdp /p:, and the password after the comma of lftp -u user,password.",
    pattern: String
      .raw`(?:mosquitto_(?:pub|sub|rr)${ARGS}[ \t]{1,8}-P[ \t]{1,3}|snmp[a-z]{2,12}${ARGS}[ \t]{1,8}-[AX][ \t]{1,3}|rdesktop${ARGS}[ \t]{1,8}-p[ \t]{1,3}|freerdp3?${ARGS}[ \t]{1,8}/p:|lftp${ARGS}[ \t]{1,8}-u[ \t]{1,3}["']?[^\s,"']{1,64},)${VAL}`,
    keywords: ["mosquitto_", "snmp", "rdesktop", "freerdp", "lftp"],
  }),
  cli({
    key: "system_property_password",
    name: "Password in a -D system property",
    description:
      "The value of a -D...password=/-D...Password=/-D...passphrase= system property on a java/mvn/gradle command line.",
    pattern: String
      .raw`-D[\w.-]{0,60}?(?:password|passwd|passphrase|Password|Passwd|Passphrase)=${VAL}`,
    keywords: ["-D"],
  }),
  cli({
    key: "cli_configure_set",
    name: "Secret set through a CLI config command",
    description:
      "The value given to `<tool> configure set <...secret/token/password/key...> <value>` (aws configure set aws_secret_access_key ...), to `npm/yarn/pnpm config set <registry>:_authToken <value>`, and the secret key of MinIO's `mc alias set <name> <url> <access key> <secret key>`.",
    pattern: String
      .raw`(?:configure[ \t]{1,4}set[ \t]{1,4}[\w.-]{0,40}(?:secret|token|password|passwd|key)[\w.-]{0,20}|(?<=(?:npm|yarn|pnpm)[ \t]{1,4})config[ \t]{1,4}set[ \t]{1,4}[^\s=]{0,200}?(?:_authToken|_auth|_password|npmAuthToken))[ \t]{1,4}${VAL}|alias[ \t]{1,4}set[ \t]{1,4}[\w.-]{1,64}[ \t]{1,4}https?://[^\s"']{1,200}[ \t]{1,4}[^\s"']{1,128}[ \t]{1,4}${VAL}`,
    keywords: ["configure set", "config set", "alias set"],
  }),
  cli({
    key: "openssl_pass_argument",
    name: "OpenSSL pass: argument",
    description:
      "A literal pass:<password> given to -passin/-passout/-pass/-password (openssl, and tools that copy its syntax); not env: or file:.",
    pattern: String
      .raw`(?<=-(?:pass|passin|passout|password|passwd|k)[ \t]{1,3}["']?)pass:${VAL}`,
    keywords: ["pass:"],
  }),
  cli({
    key: "keytool_storepass",
    name: "Java keystore password option",
    description:
      "The value of keytool/jarsigner -storepass, -keypass, -srcstorepass, -deststorepass...; not -storepass:env or :file.",
    pattern: String
      .raw`(?<=-(?:src|dest|new)?)(?:store|key)pass[ \t]{1,3}${VAL}`,
    keywords: ["storepass", "keypass"],
  }),
  cli({
    key: "cli_user_password",
    name: "user:password on a command line",
    description:
      "The password of curl/wget -u/--user (curl -U/--proxy-user) user:password, of skopeo --creds/--src-creds/--dest-creds user:password, of smbclient/rpcclient -U user%password, of lftp -u user,password and of sqlplus user/password@db.",
    pattern: String
      .raw`(?:curl${ARGS}[ \t]{1,8}(?:-u|--user|-U|--proxy-user)[ \t]{0,3}["']?[^\s:'"]{1,100}:|skopeo${ARGS}[ \t]{1,8}--(?:src-|dest-)?creds[ \t=]{1,3}["']?[^\s:'"]{1,100}:|(?:smbclient|rpcclient|smbcacls|smbget|smbmap)${ARGS}[ \t]{1,8}(?:-U[ \t]{0,3}|--user(?:name)?=?)["']?[^\s%'"]{1,100}%|lftp${ARGS}[ \t]{1,8}-u[ \t]{1,3}["']?[^\s,'"]{1,100},|sqlplus(?:[ \t]{1,4}-\w{1,12}){0,4}[ \t]{1,4}["']?[\w$#.]{1,64}/)${VAL}`,
    keywords: [
      "curl",
      "smbclient",
      "rpcclient",
      "smbcacls",
      "smbget",
      "smbmap",
      "sqlplus",
      "lftp",
      "skopeo",
    ],
  }),
  cli({
    key: "jdbc_oracle_password",
    name: "Password in an Oracle JDBC URL",
    description:
      "The password of jdbc:oracle:thin:user/password@host (the user/password form of Oracle's thin driver).",
    pattern: String
      .raw`oracle:(?:thin|oci):[\w$#.]{1,64}/(?<v>[^@\s/"']{1,128})(?=@)`,
    keywords: ["oracle:thin:", "oracle:oci:"],
    ignoreCase: true,
  }),
  cli({
    key: "htpasswd_batch",
    name: "htpasswd -b password",
    description:
      "The password argument of htpasswd in batch mode (-b: htpasswd -b[c] file user password).",
    pattern: String
      .raw`htpasswd(?=(?:[ \t]{1,4}-\w{1,6}){0,3}?[ \t]{1,4}-\w{0,5}b)(?:[ \t]{1,4}-\w{1,6}){1,4}[ \t]{1,4}[^\s-]\S{0,200}[ \t]{1,4}[^\s-]\S{0,100}[ \t]{1,4}${VAL}`,
    keywords: ["htpasswd"],
  }),
  cli({
    key: "account_tool_password",
    name: "Password given to an account tool",
    description:
      "The password argument of rabbitmqctl add_user/change_password and of Windows net user <name> <password>, net use ... /user:<name> <password> and net use \\\\server\\share <password> /user:<name>.",
    pattern: String
      .raw`(?:rabbitmqctl(?:[ \t]{1,4}-\S{1,40}){0,4}[ \t]{1,4}(?:add_user|change_password)|net[ \t]{1,4}user)[ \t]{1,4}[^\s/"']{1,64}[ \t]{1,4}(?!/)${VAL}|net[ \t]{1,4}use${ARGS}[ \t]{1,8}/user:[^\s/"']{1,100}[ \t]{1,4}(?![/*])${VAL}|net[ \t]{1,4}use(?:[ \t]{1,4}(?:[A-Za-z]:|\*))?[ \t]{1,4}\\\\[^\s"']{1,200}[ \t]{1,4}(?![/*])${VAL}(?=[ \t]{1,4}/user:)`,
    keywords: ["rabbitmqctl", "net user", "net use"],
    ignoreCase: true,
  }),
  cli({
    key: "here_string_secret",
    name: "Secret fed to a command by a here-string",
    description:
      'The literal of `<<< value` fed to a command that reads a secret on stdin: gh auth login --with-token, docker login --password-stdin, --token-stdin, chpasswd, passwd --stdin, sudo -S; not `<<< "$TOKEN"`.',
    pattern: String
      .raw`(?<=(?:--with-token|--password-stdin|--token-stdin|chpasswd|--stdin|sudo[ \t]{1,4}-S)(?:[ \t]{1,8}[^\s|;&<>]{1,200}){0,8}[ \t]{0,8})<<<[ \t]{0,3}${VAL}`,
    keywords: ["<<<"],
  }),
  cli({
    key: "password_stdin_input",
    name: "Password echoed into a command",
    description:
      "A literal echoed or printed into a command that reads a password on stdin (echo 'secret' | docker login --password-stdin, echo 'user:secret' | chpasswd, | passwd --stdin, | sudo -S).",
    pattern: String
      .raw`(?:echo|printf)(?:[ \t]{1,3}-[ne])?[ \t]{1,4}(?:["']?[\w.-]{1,32}:(?<v>[^\s"':|]{1,256})(?=["']?[ \t]{0,3}\|[ \t]{0,3}(?:sudo[ \t]{1,3})?chpasswd)|["']?(?<v>[^\s"'|;&]{1,256})(?=["']?[ \t]{0,3}\|[^\n|;&]{0,200}(?:--password-stdin|--stdin|sudo[ \t]{1,3}-S)))`,
    keywords: ["chpasswd", "password-stdin", "--stdin", "sudo -S"],
    window: 300,
  }),
  cli({
    key: "secret_store_set",
    name: "Secret stored from the command line",
    description:
      "The value a command stores as a secret, given as an option: gh secret set NAME --body ..., az keyvault secret set --value ..., aws secretsmanager create-secret/put-secret-value/update-secret --secret-string ... (not a file:// reference).",
    pattern: String
      .raw`(?:gh[ \t]{1,4}secret[ \t]{1,4}set|keyvault[ \t]{1,4}secret[ \t]{1,4}set|secretsmanager[ \t]{1,4}(?:create-secret|put-secret-value|update-secret))${ARGS}[ \t]{1,8}(?:--body|-b|--value|--secret-string)(?:=|[ \t]{1,3})(?!["']?fileb?://)${VAL}`,
    // The command's first word: the kind is tried where its keyword starts.
    keywords: ["gh secret", "keyvault secret", "secretsmanager"],
  }),
  {
    ...cli({
      key: "secret_read_output",
      name: "Secret printed by a command that reads it",
      description:
        "The line printed right after a command whose output is a secret: kubectl get secret ... {.data.<secret field>} | base64 -d, cat /run/secrets/..., op read, aws secretsmanager get-secret-value --output text, gcloud secrets versions access, vault kv get -field=<secret field>, security find-generic-password -w, gh auth token, az keyvault secret show -o tsv, and heroku config:get / doppler secrets get --plain / printenv of a secret-named variable.",
      pattern: String
        .raw`(?:kubectl[ \t][^\n]{0,240}?\.data\.${SECRET_WORD}[^\n|]{0,60}\|[ \t]{0,3}base64[ \t]{1,3}(?:-d|--decode|-D)|cat[ \t]{1,4}/run/secrets/[\w.-]{1,64}|op[ \t]{1,4}read[ \t]{1,4}["']?op://[^\s"']{1,200}["']?|secretsmanager[ \t]{1,4}get-secret-value[^\n]{0,240}?--output[ \t=]{1,3}text|gcloud[ \t]{1,4}secrets[ \t]{1,4}versions[ \t]{1,4}access[^\n]{0,200}|vault[ \t]{1,4}(?:kv[ \t]{1,4})?(?:get|read)[^\n]{0,120}?-field[ \t=]{1,3}${SECRET_WORD}|security[ \t]{1,4}find-(?:generic|internet)-password[^\n]{0,200}?[ \t]-w|gh[ \t]{1,4}auth[ \t]{1,4}token|keyvault[ \t]{1,4}secret[ \t]{1,4}show[^\n]{0,240}?(?:-o|--output)[ \t]{1,3}tsv|(?:heroku[ \t]{1,4}config:get|doppler[ \t]{1,4}secrets[ \t]{1,4}get|printenv)[ \t]{1,4}${SECRET_WORD})[^\n]{0,120}\r?\n(?<v>[^\s]{6,200})(?=\r?\n|$)`,
      keywords: [
        "kubectl",
        "cat /run/secrets/",
        "op read",
        "secretsmanager",
        "gcloud secrets",
        "vault",
        "security find-",
        "gh auth token",
        "keyvault secret",
        "heroku config:get",
        "doppler secrets",
        "printenv",
      ],
      ignoreCase: true,
    }),
    validator: "printed_secret",
  },
  cli({
    key: "redis_auth_command",
    name: "Password of a redis-cli AUTH command",
    description:
      "The password typed after a redis-cli prompt's AUTH command (host:port> AUTH [user] <password>).",
    pattern: String
      .raw`(?<=\d> ?)AUTH[ \t]{1,3}(?:[\w.@-]{1,64}[ \t]{1,3})?${VAL}`,
    keywords: ["AUTH "],
  }),
  cli({
    key: "sql_password_literal",
    name: "Password in a SQL statement",
    description:
      "The quoted password of CREATE/ALTER USER ... IDENTIFIED BY '...' or WITH [ENCRYPTED] PASSWORD '...' / LOGIN PASSWORD '...'.",
    pattern: String
      .raw`(?:identified(?:[ \t]{1,3}with[ \t]{1,3}\w{1,40})?[ \t]{1,3}by(?:[ \t]{1,3}password)?|(?<=(?:with|encrypted|login)[ \t]{1,3})password)[ \t]{1,3}'(?<v>[^'\n]{1,256})(?=')`,
    keywords: ["identified", "password '"],
    ignoreCase: true,
  }),
];
