/**
 * The secret catalogue, as data: credential kinds by their published formats
 * (vendor prefixes, lengths, alphabets), vendor secrets that only have a
 * shape when labelled, key files, JWTs, credential files and generic
 * `password=` / `api_key:` assignments. Each entry is a policy plus its
 * regex, keywords (the regex runs only where one occurs) and validator.
 *
 * Conventions: `B`/`E` are token boundaries (no token characters may touch a
 * match), a group `v` is what gets redacted (the value, not the key name),
 * `labelled(...)` builds the `<vendor>..._KEY = <value>` shape.
 *
 * Decision: documentation examples (AWS's AKIAIOSFODNN7EXAMPLE, values with
 * EXAMPLE or xxxx in them) are not flagged: they are not secrets, and a
 * redacted example in a README or error message misleads the reader.
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";
import {
  ASSIGN,
  B,
  E,
  GLUE,
  labelled,
  prefixed,
  secret,
} from "./secret_builders.ts";
import { CLI_SECRET_POLICIES } from "./secrets_cli.ts";
import { PAIR_SECRET_POLICIES } from "./secrets_pairs.ts";
import { HTTP_SECRET_POLICIES } from "./secrets_http.ts";
import { KEY_SECRET_POLICIES } from "./secrets_keys.ts";
import { TOKEN_SECRET_POLICIES } from "./secrets_tokens.ts";
import { CONFIG_SECRET_POLICIES } from "./secrets_config.ts";

/** Secret kinds, ids `sys_secret_<name>`. */
export const SECRET_POLICIES: readonly SensitiveSpec[] = [
  // ------------------------------------------------------------ cloud
  prefixed(
    "aws_access_key",
    "AWS access key id",
    "aws_access_key",
    [
      "AKIA",
      "ASIA",
      "ABIA",
      "ACCA",
    ],
    "[A-Z2-7]{16}",
    "critical",
  ),
  secret({
    key: "aws_secret_key",
    name: "AWS secret access key",
    type: "aws_secret_key",
    severity: "critical",
    description:
      "A 40-character AWS secret access key assigned to aws_secret_access_key / SecretAccessKey / secret key (also spelt with spaces, as consoles and notes print it).",
    pattern: String
      .raw`(?:aws[ _]?secret[ _]?access[ _]?key|secret[ _]?access[ _]?key|aws[ _]?secret[ _]?key|secret[ _]key)${ASSIGN}(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    keywords: ["aws", "secret"],
    ignoreCase: true,
  }),
  secret({
    key: "aws_secret_key_paired",
    name: "AWS secret access key beside its key id",
    type: "aws_secret_key",
    severity: "critical",
    description:
      "A 40-character AWS secret access key on the line of an AWS access key id, unlabelled: the console's credentials.csv, `aws iam create-access-key --output text` (tab-separated), table rows.",
    pattern: String
      .raw`(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])`,
    keywords: ["AKIA", "ASIA"],
    anchored: false,
    // The line of the key id: console CSV and CLI text rows hold both.
    window: 1,
    validator: "aws_secret_paired",
  }),
  secret({
    key: "aws_session_token",
    name: "AWS session token",
    type: "aws_session_token",
    severity: "critical",
    description:
      "A temporary AWS session token assigned to aws_session_token / SessionToken.",
    pattern: String
      .raw`(?:aws_?session_?token|aws_?security_?token|session_?token)${ASSIGN}(?<v>[A-Za-z0-9/+=]{100,2048})(?![A-Za-z0-9/+=])`,
    keywords: ["aws", "session"],
    ignoreCase: true,
  }),
  prefixed(
    "gcp_api_key",
    "Google API key",
    "gcp_api_key",
    ["AIza"],
    "[0-9A-Za-z_-]{35}",
    "high",
  ),
  secret({
    key: "gcp_service_account",
    name: "GCP service-account key id",
    type: "gcp_service_account",
    severity: "critical",
    description:
      "The private_key_id of a GCP service-account JSON file (its private_key is caught as a PEM key).",
    pattern: String
      .raw`"private_key_id"\s{0,4}:\s{0,4}"(?<v>[a-f0-9]{40})(?=")`,
    keywords: ['"private_key_id"'],
    validator: "gcp_sa",
  }),
  prefixed(
    "google_oauth_secret",
    "Google OAuth client secret",
    "google_oauth_secret",
    ["GOCSPX-"],
    "[A-Za-z0-9_-]{28}",
  ),
  prefixed(
    "google_oauth_token",
    "Google OAuth access token",
    "google_oauth_token",
    ["ya29."],
    // Service-account tokens carry a short dotted part ("ya29.c.c0A...").
    "(?:[0-9A-Za-z_-]{1,8}\\.)?[0-9A-Za-z_-]{30,2048}",
  ),
  secret({
    key: "azure_storage_key",
    name: "Azure storage account key",
    type: "azure_storage_key",
    severity: "critical",
    description:
      "An Azure storage AccountKey=... (88-character base64) in a connection string; not the key Microsoft publishes for its storage emulator (devstoreaccount1).",
    pattern: String
      .raw`AccountKey=(?!Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==)(?<v>[A-Za-z0-9+/]{86}==)`,
    keywords: ["AccountKey="],
  }),
  secret({
    key: "azure_storage_key_listed",
    name: "Azure storage account key listed by name",
    type: "azure_storage_key",
    severity: "critical",
    description:
      "An 88-character base64 storage account key near its key name key1/key2 (`az storage account keys list` tables and JSON, portal copies) or under a storage or account key label (AZURE_STORAGE_ACCOUNT_KEY=, storage_key:, accountKey).",
    pattern: String
      .raw`(?<![A-Za-z0-9+/-])(?!Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==)[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])`,
    keywords: [
      "key1",
      "key2",
      "keyName",
      "KeyName",
      "account_key",
      "ACCOUNT_KEY",
      "accountKey",
      "storage_key",
      "STORAGE_KEY",
      "storageKey",
    ],
    anchored: false,
    // The key name's line and the lines around it (pretty-printed JSON).
    window: 160,
  }),
  secret({
    key: "azure_shared_access_key",
    name: "Azure Service Bus / Event Hubs shared access key",
    type: "azure_storage_key",
    severity: "critical",
    description:
      "The SharedAccessKey of an Azure Service Bus, Event Hubs or Relay connection string (44 base64 characters).",
    pattern: String
      .raw`SharedAccessKey=(?<v>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])`,
    keywords: ["SharedAccessKey="],
    validator: "token",
  }),
  secret({
    key: "azure_sas_token",
    name: "Azure SAS signature",
    type: "azure_sas_token",
    severity: "high",
    description:
      "The sig= signature of an Azure shared-access-signature URL (next to sv=/se=/sp=) or Service Bus / Event Hubs SharedAccessSignature token (sr=, se=, skn=).",
    pattern: String
      .raw`(?<=[?&;]|SharedAccessSignature )sig=(?<v>[A-Za-z0-9%+/]{30,120}(?:%3D|=){0,2})`,
    keywords: ["sig="],
    validator: "sas",
  }),
  secret({
    key: "azure_ad_client_secret",
    name: "Azure AD client secret",
    type: "azure_client_secret",
    severity: "critical",
    description:
      "An Entra ID / Azure AD application client secret (xxx8Q~... format).",
    pattern: String
      .raw`(?<=(?<![A-Za-z0-9_~.-])(?<pre>[A-Za-z0-9_~.-]{3}\d))Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`,
    keywords: ["Q~"],
  }),
  prefixed(
    "alibaba_access_key",
    "Alibaba Cloud AccessKey id",
    "alibaba_access_key",
    ["LTAI"],
    "[A-Za-z0-9]{12,20}",
  ),
  prefixed(
    "digitalocean_token",
    "DigitalOcean token",
    "digitalocean_token",
    ["dop_v1_", "doo_v1_", "dor_v1_"],
    "[a-f0-9]{64}",
    "critical",
  ),
  labelled(
    "cloudflare_api_token",
    "Cloudflare API token/key",
    "cloudflare|cf_api",
    ["cloudflare", "cf_api"],
    "[A-Za-z0-9_-]{37,40}",
  ),
  labelled(
    "fastly_api_token",
    "Fastly API token",
    "fastly",
    ["fastly"],
    "[A-Za-z0-9_-]{32}",
  ),
  prefixed(
    "heroku_api_key",
    "Heroku API key",
    "heroku_api_key",
    ["HRKU-"],
    "[A-Za-z0-9_-]{60}",
  ),
  labelled(
    "heroku_legacy_key",
    "Heroku API key (legacy)",
    "heroku",
    ["heroku"],
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
  ),
  prefixed("netlify_token", "Netlify personal access token", "netlify_token", [
    "nfp_",
  ], "[A-Za-z0-9]{36,40}"),
  labelled(
    "vercel_token",
    "Vercel token",
    "vercel",
    ["vercel"],
    "[A-Za-z0-9]{24}",
  ),
  prefixed(
    "fly_token",
    "Fly.io token",
    "fly_token",
    ["fo1_"],
    "[A-Za-z0-9_-]{43}",
  ),
  prefixed(
    "render_api_key",
    "Render API key",
    "render_api_key",
    ["rnd_"],
    "[A-Za-z0-9]{32}",
  ),
  // ------------------------------------------------------ code hosting and CI
  prefixed(
    "tailscale_key",
    "Tailscale auth/API key",
    "api_key",
    ["tskey-"],
    String.raw`(?:[a-z]{3,8}-)?[A-Za-z0-9]{6,}(?:-[A-Za-z0-9]{16,64})?`,
    "critical",
  ),
  secret({
    key: "fcm_server_key",
    name: "Firebase Cloud Messaging server key",
    type: "api_key",
    description:
      "A legacy FCM server key: AAAA, 7 characters, ':APA91b' and about 134 more (the Firebase console's published shape).",
    pattern: String
      .raw`${B}AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{100,180}${E}`,
    // Keyed on the rarer middle (a run of A's would hit "AAAA" everywhere).
    keywords: [":APA91b"],
    anchored: false,
    window: 16,
  }),
  secret({
    key: "okta_ssws",
    name: "Okta API token (SSWS header)",
    type: "api_key",
    severity: "critical",
    description:
      "The token of an Okta `Authorization: SSWS <token>` header (42 characters, starting 00).",
    pattern: String.raw`SSWS\s{1,4}(?<v>00[A-Za-z0-9_-]{38,42})${E}`,
    keywords: ["SSWS"],
  }),
  prefixed(
    "vercel_prefixed_token",
    "Vercel access token (prefixed)",
    "vercel_token",
    ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
    "[A-Za-z0-9]{24,64}",
  ),
  prefixed(
    "linear_oauth_token",
    "Linear OAuth token",
    "linear_key",
    ["lin_oauth_"],
    "[a-f0-9]{64}",
  ),
  secret({
    key: "wallet_private_key",
    name: "Crypto wallet private key (labelled hex)",
    type: "private_key",
    severity: "critical",
    description:
      "64 hex digits (optionally 0x) assigned to a private-key label (PRIVATE_KEY, privateKey, wallet/deployer/eth private key, mnemonic-free keys of Ethereum-style wallets); transaction hashes and addresses have no such label.",
    pattern: String
      .raw`(?<![a-z0-9])(?:[a-z0-9]{1,20}[ _-]?)?private[ _-]?key["']?\s{0,4}(?::=|=>|[:=,]|\s)\s{0,4}["'\x60]?(?:0x)?(?<v>[0-9a-fA-F]{64})(?![0-9A-Za-z])`,
    keywords: ["private"],
    ignoreCase: true,
    validator: "hex_key",
  }),
  secret({
    key: "wallet_mnemonic",
    name: "Crypto wallet recovery phrase (labelled)",
    type: "private_key",
    severity: "critical",
    description:
      "12 to 24 lowercase words assigned to a recovery-phrase label (mnemonic, seed phrase, recovery phrase, seed words): whoever has them has the wallet; not the published test phrases.",
    pattern: String
      .raw`(?<![a-z0-9])(?:mnemonic|(?:secret[ _-]?)?recovery[ _-]?phrase|seed[ _-]?(?:phrase|words))["']?\s{0,4}(?::=|=>|[:=])\s{0,4}["'\x60]?(?<v>[a-z]{3,8}(?:[ ,]{1,2}[a-z]{3,8}){11,23})(?![ ,]{0,2}[a-z])`,
    keywords: ["mnemonic", "recovery", "seed"],
    ignoreCase: true,
    validator: "mnemonic",
  }),
  prefixed(
    "github_pat",
    "GitHub personal access token",
    "github_token",
    ["ghp_"],
    "[A-Za-z0-9]{36}",
    "critical",
  ),
  prefixed(
    "github_oauth",
    "GitHub OAuth token",
    "github_token",
    ["gho_"],
    "[A-Za-z0-9]{36}",
    "critical",
  ),
  prefixed(
    "github_app_token",
    "GitHub App token",
    "github_token",
    ["ghu_", "ghs_"],
    "[A-Za-z0-9]{36}",
    "critical",
  ),
  prefixed(
    "github_refresh_token",
    "GitHub refresh token",
    "github_token",
    ["ghr_"],
    "[A-Za-z0-9]{36,76}",
    "critical",
  ),
  prefixed(
    "github_fine_grained",
    "GitHub fine-grained token",
    "github_token",
    ["github_pat_"],
    "[A-Za-z0-9]{22}_[A-Za-z0-9]{59}",
    "critical",
  ),
  prefixed(
    "gitlab_pat",
    "GitLab personal access token",
    "gitlab_token",
    ["glpat-"],
    "[A-Za-z0-9_-]{20,64}",
    "critical",
  ),
  prefixed("gitlab_deploy_token", "GitLab deploy token", "gitlab_token", [
    "gldt-",
  ], "[A-Za-z0-9_-]{20,64}"),
  prefixed("gitlab_runner_token", "GitLab runner token", "gitlab_token", [
    "glrt-",
    "GR1348941",
  ], "[A-Za-z0-9_-]{20,64}"),
  prefixed(
    "gitlab_pipeline_token",
    "GitLab pipeline trigger / CI job token",
    "gitlab_token",
    ["glptt-", "glcbt-", "glft-", "glsoat-"],
    "[A-Za-z0-9_-]{20,64}",
  ),
  prefixed(
    "bitbucket_app_password",
    "Bitbucket app password",
    "bitbucket_token",
    ["ATBB"],
    "[A-Za-z0-9_=.-]{28,40}",
  ),
  prefixed("atlassian_api_token", "Atlassian API token", "atlassian_token", [
    "ATATT3",
    "ATCTT3",
  ], "[A-Za-z0-9_=-]{150,250}"),
  prefixed("circleci_token", "CircleCI personal token", "circleci_token", [
    "CCIPAT_",
    "CCIPRJ_",
  ], "[A-Za-z0-9]{22}_[a-f0-9]{40}"),
  labelled(
    "travis_token",
    "Travis CI token",
    "travis",
    ["travis"],
    "[A-Za-z0-9_-]{22}",
  ),
  prefixed("buildkite_token", "Buildkite API token", "buildkite_token", [
    "bkua_",
  ], "[a-f0-9]{40}"),
  labelled(
    "jenkins_token",
    "Jenkins API token",
    "jenkins",
    ["jenkins"],
    "[a-f0-9]{32,34}",
  ),
  prefixed(
    "sourcegraph_token",
    "Sourcegraph access token",
    "sourcegraph_token",
    ["sgp_"],
    "(?:[a-f0-9]{16}_)?[a-f0-9]{40}",
  ),
  // ------------------------------------------------------- chat and webhooks
  prefixed(
    "slack_bot_token",
    "Slack bot token",
    "slack_token",
    ["xoxb-"],
    "[0-9]{8,13}-[0-9]{8,13}-[A-Za-z0-9]{20,40}",
    "critical",
  ),
  prefixed(
    "slack_user_token",
    "Slack user token",
    "slack_token",
    ["xoxp-"],
    "[0-9]{8,13}-[0-9]{8,13}-[0-9]{8,13}-[a-f0-9]{28,40}",
    "critical",
  ),
  prefixed(
    "slack_other_token",
    "Slack workspace/refresh/config token",
    "slack_token",
    ["xoxa-", "xoxr-", "xoxe-", "xoxs-", "xoxe.xoxp-"],
    "[0-9A-Za-z-]{20,250}",
    "critical",
  ),
  prefixed(
    "slack_app_token",
    "Slack app-level token",
    "slack_token",
    ["xapp-"],
    "\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{60,70}",
    "critical",
  ),
  secret({
    key: "slack_webhook",
    name: "Slack incoming webhook",
    type: "slack_webhook",
    description:
      "A Slack incoming-webhook / workflow URL (hooks.slack.com/services/T.../B.../...).",
    pattern: String
      .raw`hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,12}/[A-Z0-9]{6,12}/[A-Za-z0-9]{20,40}${E}`,
    keywords: ["hooks.slack.com"],
  }),
  secret({
    key: "discord_webhook",
    name: "Discord webhook",
    type: "discord_webhook",
    description: "A Discord webhook URL with its token.",
    pattern: String
      .raw`discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_-]{60,70}${E}`,
    keywords: ["discord"],
  }),
  secret({
    key: "discord_bot_token",
    name: "Discord bot token",
    type: "discord_token",
    description:
      "A Discord bot token (base64 user id, timestamp, HMAC) in a text that mentions Discord.",
    pattern: String
      .raw`${B}[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}${E}`,
    keywords: ["discord", "Discord", "DISCORD"],
    anchored: false,
  }),
  secret({
    key: "teams_webhook",
    name: "Microsoft Teams webhook",
    type: "teams_webhook",
    description: "A Microsoft Teams incoming-webhook URL.",
    pattern: String
      .raw`webhook\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[A-Za-z0-9_-]{20,80})?`,
    keywords: ["webhook.office.com"],
  }),
  secret({
    key: "telegram_bot_token",
    name: "Telegram bot token",
    type: "telegram_token",
    description:
      "A Telegram bot token (<bot id>:AA<33 chars>), also inside a Bot API URL (/bot<token>/).",
    pattern: String
      .raw`(?<=(?:(?<![\w:])|(?<=/bot))(?<pre>\d{8,10})):AA[0-9A-Za-z_-]{33}${E}`,
    keywords: [":AA"],
  }),
  // --------------------------------------------------------------- payments
  prefixed(
    "stripe_live_key",
    "Stripe live secret key",
    "stripe_key",
    ["sk_live_"],
    "[0-9a-zA-Z]{24,247}",
    "critical",
  ),
  prefixed(
    "stripe_restricted_key",
    "Stripe restricted key",
    "stripe_key",
    ["rk_live_", "rk_test_"],
    "[0-9a-zA-Z]{24,247}",
    "critical",
  ),
  prefixed(
    "stripe_test_key",
    "Stripe test secret key",
    "stripe_key",
    ["sk_test_"],
    "[0-9a-zA-Z]{24,247}",
    "medium",
  ),
  prefixed(
    "stripe_webhook_secret",
    "Stripe webhook signing secret",
    "stripe_key",
    ["whsec_"],
    "[A-Za-z0-9+/=]{32,64}",
  ),
  prefixed(
    "square_access_token",
    "Square access token",
    "square_token",
    ["EAAA"],
    "[A-Za-z0-9_-]{60}",
    "critical",
  ),
  prefixed(
    "square_legacy_token",
    "Square OAuth token/secret",
    "square_token",
    ["sq0atp-", "sq0csp-"],
    "[0-9A-Za-z_-]{22,43}",
    "critical",
  ),
  secret({
    key: "braintree_token",
    name: "PayPal Braintree access token",
    type: "braintree_token",
    severity: "critical",
    description: "A PayPal/Braintree access_token$production$...$... token.",
    pattern: String
      .raw`access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}`,
    keywords: ["access_token$"],
  }),
  labelled(
    "adyen_api_key",
    "Adyen API key",
    "adyen",
    ["adyen"],
    "AQE[A-Za-z0-9+/=_-]{60,300}",
    "critical",
  ),
  prefixed(
    "shopify_token",
    "Shopify access token / shared secret",
    "shopify_token",
    ["shpat_", "shpss_", "shpca_", "shppa_"],
    "[a-fA-F0-9]{32}",
    "critical",
  ),
  prefixed(
    "flutterwave_key",
    "Flutterwave secret key",
    "flutterwave_key",
    ["FLWSECK-", "FLWSECK_TEST-"],
    "[a-h0-9]{32}-X",
    "critical",
  ),
  prefixed(
    "razorpay_key",
    "Razorpay key id",
    "razorpay_key",
    ["rzp_live_", "rzp_test_"],
    "[A-Za-z0-9]{14}",
    "medium",
  ),
  labelled(
    "plaid_secret",
    "Plaid secret",
    "plaid",
    ["plaid"],
    "[a-f0-9]{30}",
    "critical",
  ),
  prefixed(
    "plaid_access_token",
    "Plaid access token",
    "plaid_token",
    ["access-production-", "access-development-", "access-sandbox-"],
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    "critical",
    { validator: undefined },
  ),
  labelled(
    "coinbase_secret",
    "Coinbase API secret",
    "coinbase",
    ["coinbase"],
    "[A-Za-z0-9+/=_-]{32,100}",
    "critical",
  ),
  secret({
    key: "lob_api_key",
    name: "Lob API key",
    type: "lob_key",
    description: "A Lob live/test secret API key.",
    pattern: String.raw`${B}(?:live|test)_[a-f0-9]{35}${E}`,
    keywords: ["live_", "test_"],
  }),
  prefixed(
    "easypost_key",
    "EasyPost API key",
    "easypost_key",
    ["EZAK", "EZTK"],
    "[A-Za-z0-9]{54}",
  ),
  prefixed("shippo_token", "Shippo API token", "shippo_token", [
    "shippo_live_",
    "shippo_test_",
  ], "[a-f0-9]{40}"),
  // -------------------------------------------------------------------- AI
  prefixed(
    "openai_project_key",
    "OpenAI API key",
    "openai_key",
    ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-"],
    "[A-Za-z0-9_-]{40,250}",
    "critical",
  ),
  secret({
    key: "openai_legacy_key",
    name: "OpenAI API key (legacy)",
    type: "openai_key",
    severity: "critical",
    description:
      "A legacy OpenAI key: sk- + 48 characters with the T3BlbkFJ marker.",
    pattern: String.raw`${B}sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}${E}`,
    keywords: ["sk-"],
  }),
  prefixed(
    "anthropic_key",
    "Anthropic API key",
    "anthropic_key",
    ["sk-ant-"],
    "[a-z]{3,6}\\d{2}-[A-Za-z0-9_-]{32,200}",
    "critical",
  ),
  prefixed("huggingface_token", "Hugging Face token", "huggingface_token", [
    "hf_",
    "api_org_",
  ], "[A-Za-z0-9]{34}"),
  prefixed(
    "replicate_token",
    "Replicate API token",
    "replicate_token",
    ["r8_"],
    "[A-Za-z0-9]{37}",
  ),
  prefixed("groq_key", "Groq API key", "groq_key", ["gsk_"], "[A-Za-z0-9]{52}"),
  prefixed(
    "perplexity_key",
    "Perplexity API key",
    "perplexity_key",
    ["pplx-"],
    "[A-Za-z0-9]{40,56}",
  ),
  prefixed("xai_key", "xAI API key", "xai_key", ["xai-"], "[A-Za-z0-9]{70,90}"),
  prefixed("langsmith_key", "LangSmith API key", "langsmith_key", [
    "lsv2_pt_",
    "lsv2_sk_",
  ], "[a-f0-9]{32}_[a-f0-9]{10}"),
  prefixed(
    "pinecone_key",
    "Pinecone API key",
    "pinecone_key",
    ["pcsk_"],
    "[A-Za-z0-9_]{40,100}",
  ),
  labelled("cohere_key", "Cohere API key", "cohere|co_api", [
    "cohere",
    "co_api",
  ], "[A-Za-z0-9]{40}"),
  labelled(
    "mistral_key",
    "Mistral API key",
    "mistral",
    ["mistral"],
    "[A-Za-z0-9]{32}",
  ),
  // ------------------------------------------------------ package registries
  prefixed(
    "npm_token",
    "npm access token",
    "npm_token",
    ["npm_"],
    "[A-Za-z0-9]{36}",
    "critical",
  ),
  prefixed(
    "pypi_token",
    "PyPI upload token",
    "pypi_token",
    ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"],
    "[A-Za-z0-9_-]{50,250}",
    "critical",
  ),
  prefixed(
    "rubygems_key",
    "RubyGems API key",
    "rubygems_key",
    ["rubygems_"],
    "[a-f0-9]{48}",
    "critical",
  ),
  prefixed("nuget_key", "NuGet API key", "nuget_key", ["oy2"], "[a-z0-9]{43}"),
  prefixed(
    "crates_io_token",
    "crates.io token",
    "crates_token",
    ["cio"],
    "[A-Za-z0-9]{32}",
  ),
  prefixed(
    "dockerhub_pat",
    "Docker Hub access token",
    "docker_token",
    ["dckr_pat_", "dckr_oat_"],
    "[A-Za-z0-9_-]{27,36}",
    "critical",
  ),
  prefixed("jfrog_key", "JFrog API key / reference token", "jfrog_token", [
    "AKCp",
    "cmVmdGtu",
  ], "[A-Za-z0-9]{56,73}"),
  prefixed("clojars_token", "Clojars deploy token", "clojars_token", [
    "CLOJARS_",
  ], "[a-z0-9]{60}"),
  // ------------------------------------------------------------ email / SMS
  secret({
    key: "sendgrid_key",
    name: "SendGrid API key",
    type: "sendgrid_key",
    description: "A SendGrid API key (SG.<22>.<43>).",
    pattern: String.raw`${B}SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}${E}`,
    keywords: ["SG."],
  }),
  labelled(
    "mailgun_key",
    "Mailgun API key",
    "mailgun",
    ["mailgun"],
    "(?:key-)?[a-f0-9]{32}(?:-[a-f0-9]{8}-[a-f0-9]{8})?",
  ),
  secret({
    key: "mailchimp_key",
    name: "Mailchimp API key",
    type: "mailchimp_key",
    description: "A Mailchimp API key (32 hex + -us<datacenter>).",
    pattern: String.raw`(?<=${B}(?<pre>[a-f0-9]{32}))-us\d{1,2}${E}`,
    keywords: ["-us"],
  }),
  labelled(
    "postmark_token",
    "Postmark server token",
    "postmark",
    ["postmark"],
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
  ),
  prefixed(
    "twilio_api_key",
    "Twilio API key SID",
    "twilio_key",
    ["SK"],
    "[0-9a-fA-F]{32}",
  ),
  labelled(
    "twilio_auth_token",
    "Twilio auth token",
    "twilio",
    ["twilio"],
    "[a-f0-9]{32}",
    "critical",
  ),
  labelled("vonage_secret", "Vonage/Nexmo API secret", "vonage|nexmo", [
    "vonage",
    "nexmo",
  ], "[A-Za-z0-9]{16,32}"),
  prefixed("brevo_key", "Brevo (Sendinblue) API key", "brevo_key", [
    "xkeysib-",
    "xsmtpsib-",
  ], "[a-f0-9]{64}-[A-Za-z0-9]{16}"),
  labelled("mailjet_key", "Mailjet API secret", "mailjet|mj_apikey", [
    "mailjet",
    "mj_apikey",
  ], "[a-f0-9]{32}"),
  // ---------------------------------------------------------- observability
  labelled("datadog_api_key", "Datadog API/app key", "datadog|dd_api|dd_app", [
    "datadog",
    "dd_api",
    "dd_app",
  ], "[a-f0-9]{32}|[a-f0-9]{40}"),
  prefixed("newrelic_user_key", "New Relic user API key", "newrelic_key", [
    "NRAK-",
  ], "[A-Z0-9]{27}"),
  prefixed(
    "newrelic_insert_key",
    "New Relic insert/query key",
    "newrelic_key",
    ["NRII-", "NRIQ-", "NRRA-", "NRJS-"],
    "[A-Za-z0-9_-]{19,32}",
  ),
  secret({
    key: "sentry_dsn",
    name: "Sentry DSN key",
    type: "sentry_dsn",
    severity: "medium",
    description:
      "The key part of a Sentry DSN (https://<key>@...sentry.io/<project>).",
    pattern: String
      .raw`https?://(?<v>[a-f0-9]{32})(?=(?::[a-f0-9]{32})?@[A-Za-z0-9.-]{1,100}\.sentry\.io)`,
    keywords: ["sentry.io"],
    anchored: false,
  }),
  prefixed("sentry_token", "Sentry auth token", "sentry_token", [
    "sntrys_",
    "sntryu_",
  ], "[A-Za-z0-9+/=_-]{64,400}"),
  prefixed("grafana_cloud_token", "Grafana Cloud token", "grafana_token", [
    "glc_",
  ], "[A-Za-z0-9+/]{32,400}={0,2}"),
  prefixed(
    "grafana_sa_token",
    "Grafana service-account token",
    "grafana_token",
    ["glsa_"],
    "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}",
  ),
  labelled(
    "honeycomb_key",
    "Honeycomb API key",
    "honeycomb",
    ["honeycomb"],
    "[A-Za-z0-9]{22}|[a-f0-9]{32}|hc[a-z]{2}_[A-Za-z0-9]{20,64}",
  ),
  labelled("pagerduty_key", "PagerDuty API key", "pagerduty|pd_api", [
    "pagerduty",
    "pd_api",
  ], "[A-Za-z0-9_+-]{20}"),
  // -------------------------------------------------------------- identity
  labelled(
    "okta_token",
    "Okta API token",
    "okta",
    ["okta"],
    "00[A-Za-z0-9_-]{40}",
    "critical",
  ),
  labelled(
    "auth0_secret",
    "Auth0 client secret",
    "auth0",
    ["auth0"],
    "[A-Za-z0-9_-]{64}",
    "critical",
  ),
  prefixed(
    "onepassword_token",
    "1Password service-account token",
    "onepassword_token",
    ["ops_eyJ"],
    "[A-Za-z0-9+/=_-]{100,2000}",
    "critical",
  ),
  prefixed(
    "vault_token",
    "HashiCorp Vault token",
    "vault_token",
    ["hvs.", "hvb.", "hvr."],
    "[A-Za-z0-9_-]{24,400}",
    "critical",
  ),
  secret({
    key: "terraform_cloud_token",
    name: "Terraform Cloud token",
    type: "terraform_token",
    severity: "critical",
    description: "A Terraform Cloud/Enterprise API token (<14>.atlasv1.<60+>).",
    pattern: String
      .raw`(?<=${B}(?<pre>[A-Za-z0-9]{14}))\.atlasv1\.[A-Za-z0-9_=-]{60,70}${E}`,
    keywords: [".atlasv1."],
  }),
  prefixed(
    "doppler_token",
    "Doppler token",
    "doppler_token",
    ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
    // A service token names its environment first (dp.st.prd.…).
    "(?:[a-z0-9_-]{1,20}\\.)?[A-Za-z0-9]{40,44}",
    "critical",
  ),
  prefixed(
    "pulumi_token",
    "Pulumi access token",
    "pulumi_token",
    ["pul-"],
    "[a-f0-9]{40}",
    "critical",
  ),
  secret({
    key: "age_secret_key",
    name: "age secret key",
    type: "age_secret_key",
    severity: "critical",
    description:
      "An age encryption secret key (AGE-SECRET-KEY-1 + 58 bech32 characters).",
    pattern: String.raw`AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`,
    keywords: ["AGE-SECRET-KEY-1"],
  }),
  // -------------------------------------------------------------- databases
  secret({
    key: "connection_string",
    name: "Password in a connection URL",
    type: "password",
    severity: "critical",
    description:
      "The password part of a user:password@host URL, user possibly empty (postgres, mysql, mongodb(+srv), redis://:password@host, amqp, mssql, https...).",
    pattern: String
      .raw`(?<=(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20})://[^\s:/@'"]{0,100}:(?<v>[^\s@/'"]{1,200})(?=@[A-Za-z0-9\[])`,
    keywords: ["://"],
    validator: "url_password",
  }),
  prefixed(
    "planetscale_token",
    "PlanetScale password/token",
    "planetscale_token",
    ["pscale_pw_", "pscale_tkn_", "pscale_oauth_"],
    "[A-Za-z0-9_.-]{32,64}",
    "critical",
  ),
  prefixed(
    "supabase_key",
    "Supabase access token / secret key",
    "supabase_key",
    ["sbp_", "sb_secret_"],
    "[A-Za-z0-9_-]{31,64}",
    "critical",
  ),
  prefixed(
    "databricks_token",
    "Databricks token",
    "databricks_token",
    ["dapi"],
    "[a-f0-9]{32}(?:-\\d)?",
    "critical",
  ),
  labelled(
    "snowflake_password",
    "Snowflake password",
    "snowflake",
    ["snowflake"],
    "[^\\s\"'`]{8,128}",
    "critical",
  ),
  // ------------------------------------------------------------------- SaaS
  prefixed("sonarqube_token", "SonarQube token", "sonarqube_token", [
    "squ_",
    "sqp_",
    "sqa_",
  ], "[a-f0-9]{40}"),
  prefixed(
    "neon_key",
    "Neon API key",
    "neon_key",
    ["napi_"],
    "[A-Za-z0-9]{60,72}",
  ),
  prefixed("yandex_token", "Yandex OAuth token", "yandex_token", [
    "y0_",
    "y1_",
    "y2_",
    "y3_",
  ], "[A-Za-z0-9_-]{55,199}"),
  prefixed(
    "honeycomb_prefixed_key",
    "Honeycomb API key (prefixed)",
    "honeycomb_key",
    [
      "hcaik_",
      "hcxik_",
      "hcxlk_",
      "hcblk_",
    ],
    "[a-z0-9]{40,64}",
  ),
  prefixed("duffel_token", "Duffel access token", "duffel_token", [
    "duffel_live_",
    "duffel_test_",
  ], "[A-Za-z0-9_=-]{43}"),
  prefixed(
    "adafruit_key",
    "Adafruit IO key",
    "adafruit_key",
    ["aio_"],
    "(?=[A-Za-z]{0,27}\\d)[A-Za-z0-9]{28}",
  ),
  prefixed("zapier_key", "Zapier AI Actions API key", "zapier_key", [
    "sk-ak-",
  ], "[A-Za-z0-9]{32}"),
  prefixed(
    "deno_deploy_token",
    "Deno Deploy access token",
    "deno_deploy_token",
    [
      "ddp_",
      "ddo_",
    ],
    "(?=[A-Za-z]{0,35}\\d)[A-Za-z0-9]{36}",
  ),
  prefixed(
    "scaleway_access_key",
    "Scaleway access key",
    "scaleway_key",
    ["SCW"],
    "(?=[A-Z]{0,16}\\d)[A-Z0-9]{17}",
  ),
  prefixed("harness_token", "Harness API token", "harness_token", [
    "pat.",
    "sat.",
  ], "[A-Za-z0-9_-]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20}"),
  prefixed(
    "linear_key",
    "Linear API key",
    "linear_key",
    ["lin_api_"],
    "[A-Za-z0-9]{40}",
  ),
  prefixed("notion_token", "Notion integration token", "notion_token", [
    "secret_",
    "ntn_",
  ], "[A-Za-z0-9]{43,46}"),
  prefixed("airtable_pat", "Airtable personal access token", "airtable_token", [
    "pat",
  ], "[A-Za-z0-9]{14}\\.[a-f0-9]{64}"),
  labelled(
    "asana_token",
    "Asana personal access token",
    "asana",
    ["asana"],
    "[0-9]/[0-9]{10,20}(?:/[0-9]{10,20})?:[a-f0-9]{32}",
  ),
  prefixed("figma_token", "Figma personal access token", "figma_token", [
    "figd_",
  ], "[A-Za-z0-9_-]{40}"),
  prefixed(
    "dropbox_token",
    "Dropbox access token",
    "dropbox_token",
    ["sl."],
    "(?:u\\.)?[A-Za-z0-9_-]{130,1400}",
  ),
  prefixed(
    "mapbox_secret",
    "Mapbox secret token",
    "mapbox_token",
    ["sk.eyJ"],
    "[A-Za-z0-9_-]{50,200}\\.[A-Za-z0-9_-]{20,40}",
  ),
  labelled(
    "algolia_key",
    "Algolia admin key",
    "algolia",
    ["algolia"],
    "[a-f0-9]{32}",
  ),
  prefixed(
    "contentful_token",
    "Contentful personal access token",
    "contentful_token",
    ["CFPAT-"],
    "[A-Za-z0-9_-]{43}",
  ),
  prefixed(
    "postman_key",
    "Postman API key",
    "postman_key",
    ["PMAK-"],
    "[a-f0-9]{24}-[a-f0-9]{34}",
  ),
  labelled(
    "zendesk_token",
    "Zendesk API token",
    "zendesk",
    ["zendesk"],
    "[A-Za-z0-9]{40}",
  ),
  labelled(
    "intercom_token",
    "Intercom access token",
    "intercom",
    ["intercom"],
    "[A-Za-z0-9=_-]{59,64}",
  ),
  prefixed(
    "typeform_token",
    "Typeform token",
    "typeform_token",
    ["tfp_"],
    "[A-Za-z0-9_.=-]{59}",
  ),
  prefixed(
    "frameio_token",
    "Frame.io token",
    "frameio_token",
    ["fio-u-"],
    "[A-Za-z0-9_=-]{64}",
  ),
  prefixed(
    "octopus_key",
    "Octopus Deploy API key",
    "octopus_key",
    ["API-"],
    "[A-Z0-9]{26}",
  ),
  prefixed(
    "readme_key",
    "ReadMe API key",
    "readme_key",
    ["rdme_"],
    "[a-z0-9]{70}",
  ),
  prefixed(
    "prefect_key",
    "Prefect API key",
    "prefect_key",
    ["pnu_"],
    "[A-Za-z0-9]{36}",
  ),
  // ---------------------------------------------------- keys and key files
  secret({
    key: "private_key",
    name: "Private key (PEM)",
    type: "private_key",
    severity: "critical",
    description:
      "A PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP) up to its END line; not public keys or certificates.",
    pattern: String
      .raw`-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP|SSH2 ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----)){16,20000}(?:-----END [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----)?`,
    keywords: ["-----BEGIN "],
    validator: "pem",
  }),
  secret({
    key: "putty_private_key",
    name: "PuTTY private key",
    type: "private_key",
    severity: "critical",
    description: "A PuTTY .ppk private key file (header to Private-MAC).",
    pattern: String
      .raw`PuTTY-User-Key-File-[23]: [^\n]{1,200}(?:[^P]|P(?!uTTY-User-Key-File|rivate-MAC)){0,20000}?Private-MAC: ?[0-9a-fA-F]{40,64}`,
    keywords: ["PuTTY-User-Key-File-"],
    validator: undefined,
  }),
  secret({
    key: "jwt",
    name: "JSON Web Token",
    type: "jwt",
    severity: "high",
    description:
      "A JWT: three base64url parts whose header decodes to JSON with an alg.",
    pattern: String
      .raw`(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{0,2000}(?![A-Za-z0-9_.-])`,
    keywords: ["eyJ"],
    validator: "jwt",
    priority: 2,
  }),
  // ------------------------------------------------------ credential files
  secret({
    key: "kubeconfig_key_data",
    name: "Kubeconfig client key",
    type: "private_key",
    severity: "critical",
    description:
      "The base64 client-key-data of a kubeconfig user (what `kubectl config view --raw` prints): a private key.",
    pattern: String
      .raw`client-key-data["']?[ \t]{0,4}:[ \t]{0,4}["']?(?<v>[A-Za-z0-9+/]{40,16384}={0,2})(?![A-Za-z0-9+/=])`,
    keywords: ["client-key-data"],
  }),
  secret({
    key: "xml_secret_element",
    name: "Secret in an XML element",
    type: "password",
    severity: "high",
    description:
      "The text of an XML element named password/passwd/secret/token/apiKey (Maven settings.xml, NuGet.Config, .NET configs), not a placeholder or ${variable}.",
    pattern: String
      .raw`<(?:[\w-]{1,20}:)?(?:[\w-]{0,20}(?:password|passwd|secret|token|api[_-]?key))>(?<v>[^<>\n]{1,256})(?=</)`,
    keywords: [
      "password>",
      "passwd>",
      "secret>",
      "token>",
      "apikey>",
      "api_key>",
      "api-key>",
    ],
    ignoreCase: true,
    anchored: false,
    validator: "assigned_password",
    priority: 1,
  }),
  secret({
    key: "netrc_password",
    name: ".netrc password",
    type: "password",
    severity: "critical",
    description:
      "The password of a .netrc 'machine <host> login <user> password <secret>' entry.",
    pattern: String
      .raw`machine\s{1,8}\S{1,200}\s{1,8}login\s{1,8}\S{1,200}\s{1,8}password\s{1,8}(?<v>\S{1,200})`,
    keywords: ["machine"],
    validator: "url_password",
  }),
  secret({
    key: "pgpass_password",
    name: ".pgpass password",
    type: "password",
    severity: "critical",
    description:
      "The password field of a .pgpass line host:port:database:user:password.",
    pattern: String
      .raw`(?<=^|\n)[A-Za-z0-9.*_-]{1,253}:(?:\d{2,5}|\*):[^:\s]{1,63}:[^:\s]{1,63}:(?<v>[^\s]{1,256})(?=\r?\n|$)`,
    keywords: [":5432:", ":*:"],
    anchored: false,
    validator: "url_password",
  }),
  secret({
    key: "docker_config_auth",
    name: "Docker registry auth",
    type: "docker_auth",
    severity: "critical",
    description:
      'The base64 user:password "auth" of a docker config.json registry entry.',
    pattern: String
      .raw`"auth"\s{0,4}:\s{0,4}"(?<v>[A-Za-z0-9+/]{8,1000}={0,2})(?=")`,
    keywords: ['"auth"'],
    validator: "docker_auth",
  }),
  secret({
    key: "basic_auth_header",
    name: "HTTP Basic credentials",
    type: "basic_auth",
    severity: "critical",
    description: "The base64 user:password of an Authorization: Basic header.",
    pattern: String
      .raw`authorization["']?\s{0,4}[:=]\s{0,4}["']?basic\s{1,4}(?<v>[A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])`,
    keywords: ["authorization"],
    ignoreCase: true,
    validator: "basic_auth",
  }),
  secret({
    key: "npm_basic_auth",
    name: "npm registry basic credentials",
    type: "basic_auth",
    severity: "critical",
    description:
      "The base64 user:password of an .npmrc `_auth=` line (or a scoped `//registry/:_auth=`).",
    pattern: String
      .raw`_auth[ \t]{0,4}=[ \t]{0,4}["']?(?<v>[A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])`,
    keywords: ["_auth"],
    validator: "basic_auth",
  }),
  secret({
    key: "bearer_token",
    name: "HTTP Bearer token",
    type: "bearer_token",
    severity: "critical",
    description:
      "The token of an Authorization: Bearer/Token/ApiKey/Splunk/sso-key/GenieKey header (or a bare 'Bearer <token>').",
    pattern: String
      .raw`(?:authorization["']?\s{0,4}[:=]\s{0,4}["']?(?:bearer|token|api-?key|splunk|sso-key|geniekey)|bearer)\s{1,4}(?<v>[A-Za-z0-9._~+/=-]{16,4096})`,
    keywords: ["authorization", "bearer"],
    ignoreCase: true,
    validator: "labelled",
    priority: 2,
  }),
  // ------------------------------------------------ generic assignments
  secret({
    key: "password_assignment",
    name: "Password assignment",
    type: "password",
    severity: "high",
    description:
      "A password/passwd/pwd/passphrase key assigned a literal value (env, YAML, JSON, INI, code), not a placeholder or variable.",
    pattern: String
      .raw`(?:passw(?:or)?d|passphrase|pwd)[\w.-]{0,24}${GLUE}(?:"(?<v>[^"\n]{1,256})(?=")|'(?<v>[^'\n]{1,256})(?=')|(?<v>[^\s"'\x60,;&<>(){}\[\]]{1,256}))`,
    keywords: ["password", "passwd", "passphrase", "pwd"],
    ignoreCase: true,
    validator: "assigned_password",
    priority: 1,
  }),
  secret({
    key: "api_key_assignment",
    name: "API key assignment",
    type: "api_key",
    severity: "high",
    description:
      "An api_key/apikey/x-api-key assigned a high-entropy literal value.",
    pattern: String
      .raw`api[_-]?key[\w.-]{0,24}${GLUE}(?:"(?<v>[^"\n]{1,512})(?=")|'(?<v>[^'\n]{1,512})(?=')|(?<v>[^\s"'\x60,;&<>(){}\[\]]{1,512}))`,
    keywords: ["api_key", "api-key", "apikey"],
    ignoreCase: true,
    validator: "assigned_secret",
    priority: 1,
  }),
  secret({
    key: "key_assignment",
    name: "Service key assignment",
    type: "api_key",
    severity: "high",
    description:
      "A key named for what it unlocks (storage_key, master_key, signing_key, encryption_key, shared_key, subscription_key, hmac_key, license_key...) assigned a high-entropy literal value: AZURE_STORAGE_KEY=..., SIGNING_KEY: ...",
    pattern: String
      .raw`(?:storage|master|signing|encryption|shared|subscription|hmac|license|service|client|app)[_-]?key(?![\w-]{0,24}?(?:id|name|ref|path|file|type|version|vault|arn|alias)(?![a-z]))[\w.-]{0,24}${GLUE}(?:"(?<v>[^"\n]{1,512})(?=")|'(?<v>[^'\n]{1,512})(?=')|(?<v>[^\s"'\x60,;&<>(){}\[\]]{1,512}))`,
    keywords: [
      "storage_key",
      "storagekey",
      "master_key",
      "masterkey",
      "signing_key",
      "signingkey",
      "encryption_key",
      "shared_key",
      "sharedkey",
      "subscription_key",
      "hmac_key",
      "license_key",
      "service_key",
      "client_key",
      "app_key",
      "appkey",
    ],
    ignoreCase: true,
    validator: "assigned_secret",
    priority: 1,
  }),
  secret({
    key: "secret_assignment",
    name: "Secret assignment",
    type: "secret",
    severity: "high",
    description:
      "A secret/client_secret/secret_key assigned a high-entropy literal value (not a key that names or locates a secret: secretRef, secret_name, secretArn, secret_path).",
    pattern: String
      .raw`secret(?![\w.-]{0,24}?(?:ref|name|arn|path|file|store|provider|manager|type|version|mount|engine)(?![a-z]))[\w.-]{0,24}${GLUE}(?:"(?<v>[^"\n]{1,512})(?=")|'(?<v>[^'\n]{1,512})(?=')|(?<v>[^\s"'\x60,;&<>(){}\[\]]{1,512}))`,
    keywords: ["secret"],
    ignoreCase: true,
    validator: "assigned_secret",
    priority: 1,
  }),
  secret({
    key: "token_assignment",
    name: "Token assignment",
    type: "token",
    severity: "high",
    description:
      "A token/access_token/auth_token key assigned a high-entropy literal value (not a key that describes or locates a token: token_accessor, token_type, token_url, token_ttl, tokenizer).",
    pattern: String
      .raw`token(?![\w.-]{0,24}?(?:accessor|type|url|uri|endpoint|ttl|duration|expiry|expires|expiration|name|path|file|ref|count|limit|length|izer|policies)(?![a-z]))[\w.-]{0,24}${GLUE}(?:"(?<v>[^"\n]{1,4096})(?=")|'(?<v>[^'\n]{1,4096})(?=')|(?<v>[^\s"'\x60,;&<>(){}\[\]]{1,4096}))`,
    keywords: ["token"],
    ignoreCase: true,
    validator: "assigned_secret",
    priority: 1,
  }),
  secret({
    key: "pat_assignment",
    name: "Personal access token assignment",
    type: "token",
    severity: "high",
    description:
      "A key named PAT (`AZURE_DEVOPS_PAT=`, `gh_pat:`, `ADO_PAT_TOKEN`) assigned a high-entropy literal value.",
    pattern: String
      .raw`(?<![A-Za-z0-9])pat(?:[_-]?token)?(?![A-Za-z0-9])${GLUE}(?:"(?<v>[^"\n]{1,512})(?=")|'(?<v>[^'\n]{1,512})(?=')|(?<v>[^\s"'\x60,;&<>(){}\[\]]{1,512}))`,
    keywords: ["pat"],
    ignoreCase: true,
    validator: "assigned_secret",
    priority: 1,
  }),
  secret({
    key: "credential_assignment",
    name: "Credential assignment",
    type: "credential",
    severity: "high",
    description:
      "A credential/credentials key assigned a high-entropy literal value (not a credential's id, name, type, source, helper or file: Jenkins `credentialsId`, AWS `credential_process`).",
    pattern: String
      .raw`credentials?(?![\w.-]{0,24}?(?:id|name|type|source|process|helper|provider|file|path|store|manager|mode|url|uri|ref|key_?ref)(?![a-z]))[\w.-]{0,24}${GLUE}(?:"(?<v>[^"\n]{1,4096})(?=")|'(?<v>[^'\n]{1,4096})(?=')|(?<v>[^\s"'\x60,;&<>(){}\[\]]{1,4096}))`,
    keywords: ["credential"],
    ignoreCase: true,
    validator: "assigned_secret",
    priority: 1,
  }),
  secret({
    key: "cli_password_flag",
    name: "Password on a command line",
    type: "password",
    severity: "high",
    description:
      "A literal value passed to --password / --passwd / --passphrase / --pass flags, or to single-dash -password / -passwd / -passphrase (influx, Java and Go tools); not a following option.",
    pattern: String
      .raw`(?<=--(?:[a-z0-9]{1,20}-){0,3}|(?:^|[ \t"'])-)(?:password|passwd|passphrase|pass)(?:=|[ \t]{1,3})["']?(?<v>(?!-)[^\s"'\x60;&|<>]{1,256})`,
    keywords: ["password", "passwd", "passphrase", "pass"],
    ignoreCase: true,
    validator: "assigned_password",
    priority: 1,
  }),
  secret({
    key: "cli_token_flag",
    name: "Token on a command line",
    type: "token",
    severity: "high",
    description:
      "A literal value passed to --token / --api-key / --secret flags (also --client_secret, a quoted value with shell characters).",
    pattern: String
      .raw`(?<=--(?:[a-z0-9]{1,20}[-_]){0,3})(?:token|api[-_]key|apikey|secret)(?:=|[ \t]{1,3})(?:"(?<v>[^"\n]{1,1024})(?=")|'(?<v>[^'\n]{1,1024})(?=')|(?<v>[^\s"'\x60;&|<>]{1,1024}))`,
    keywords: ["token", "api-key", "api_key", "apikey", "secret"],
    ignoreCase: true,
    validator: "assigned_secret",
    priority: 1,
  }),
  ...CLI_SECRET_POLICIES,
  ...PAIR_SECRET_POLICIES,
  ...HTTP_SECRET_POLICIES,
  ...KEY_SECRET_POLICIES,
  ...TOKEN_SECRET_POLICIES,
  ...CONFIG_SECRET_POLICIES,
];
