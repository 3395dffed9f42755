/**
 * More vendor tokens by their published formats, as data: AI and data
 * platforms (OpenRouter, Langfuse, NVIDIA, ElevenLabs, Tavily, RunPod,
 * DataStax Astra), observability and CRM (Dynatrace, HubSpot, PostHog),
 * messaging (Mailgun, Discord bots, Meta Graph), Vercel Blob tokens, Google OAuth refresh
 * tokens, Cloudflare Origin CA keys, Neon database passwords, Tencent Cloud
 * and more GitLab token
 * kinds. Each is a prefix or a fixed structure and a body of a fixed
 * alphabet and length, so none needs a label around it.
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";
import { B, E, prefixed, secret } from "./secret_builders.ts";

const UUID = "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}";

/**
 * Three ASCII digits in base64 (a Discord bot token starts with its bot's
 * numeric id in base64): each byte is 0x30-0x39, which fixes the classes of
 * all four characters.
 */
const B64_DIGITS3 = "[MNO][DTjz][AEIMQUYcgk][w-z0-5]";

/** Vendor token kinds of the second list, ids `sys_secret_<name>`. */
export const TOKEN_SECRET_POLICIES: readonly SensitiveSpec[] = [
  prefixed(
    "fly_macaroon_token",
    "Fly.io macaroon token",
    "fly_token",
    ["FlyV1 fm1_", "FlyV1 fm2_", "FlyV1 fm1r_", "FlyV1 fm1a_"],
    "[A-Za-z0-9+/_=,-]{40,4096}",
    "critical",
    { validator: "macaroon" },
  ),
  prefixed(
    "jina_key",
    "Jina AI API key",
    "jina_key",
    ["jina_"],
    "[A-Za-z0-9_-]{56,64}",
  ),
  prefixed(
    "deepseek_key",
    "DeepSeek API key",
    "deepseek_key",
    ["sk-"],
    "[a-f0-9]{32}",
  ),
  prefixed(
    "openrouter_key",
    "OpenRouter API key",
    "openrouter_key",
    ["sk-or-v1-"],
    "[a-f0-9]{64}",
    "critical",
  ),
  prefixed(
    "langfuse_secret_key",
    "Langfuse secret key",
    "langfuse_key",
    ["sk-lf-"],
    UUID,
  ),
  prefixed(
    "nvidia_key",
    "NVIDIA API key",
    "nvidia_key",
    ["nvapi-"],
    "[A-Za-z0-9_-]{64}",
  ),
  prefixed(
    "vercel_blob_token",
    "Vercel Blob read-write token",
    "vercel_token",
    ["vercel_blob_rw_"],
    "[A-Za-z0-9]{16}_[A-Za-z0-9]{30}",
  ),
  prefixed(
    "elevenlabs_key",
    "ElevenLabs API key",
    "elevenlabs_key",
    ["sk_"],
    "[a-f0-9]{48}",
  ),
  prefixed(
    "firecrawl_key",
    "Firecrawl API key",
    "firecrawl_key",
    ["fc-"],
    "[a-f0-9]{32}",
  ),
  prefixed(
    "e2b_key",
    "E2B API key",
    "e2b_key",
    ["e2b_"],
    "[a-f0-9]{40}",
  ),
  prefixed(
    "cerebras_key",
    "Cerebras API key",
    "cerebras_key",
    ["csk-"],
    "[a-z0-9]{48}",
    "high",
    { ignoreCase: true },
  ),
  prefixed(
    "resend_key",
    "Resend API key",
    "resend_key",
    ["re_"],
    // Random base62: a capital or a digit somewhere (not `re_release_candidate…`).
    "(?=[a-z_]{0,40}[A-Z0-9])[A-Za-z0-9]{6,10}_[A-Za-z0-9]{20,28}",
  ),
  prefixed(
    "amazon_mws_token",
    "Amazon MWS auth token",
    "amazon_mws_token",
    ["amzn.mws."],
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
  ),
  prefixed(
    "tavily_key",
    "Tavily API key",
    "tavily_key",
    ["tvly-"],
    "(?:dev-|prod-)?[A-Za-z0-9]{32}",
  ),
  prefixed(
    "runpod_key",
    "RunPod API key",
    "runpod_key",
    ["rpa_"],
    "[A-Z0-9]{40,60}",
  ),
  secret({
    key: "astra_token",
    name: "DataStax Astra application token",
    type: "astra_token",
    description:
      "A DataStax Astra token: AstraCS:, 24 letters, a colon and 64 hex digits.",
    pattern: String.raw`${B}AstraCS:[A-Za-z]{24}:[a-f0-9]{64}${E}`,
    keywords: ["AstraCS:"],
  }),
  secret({
    key: "dynatrace_token",
    name: "Dynatrace API token",
    type: "dynatrace_token",
    description:
      "A Dynatrace token: dt0c01., 24 capitals or digits, a dot and 64 more.",
    pattern: String.raw`${B}dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}${E}`,
    keywords: ["dt0c01."],
  }),
  prefixed(
    "hubspot_token",
    "HubSpot private app token",
    "hubspot_token",
    ["pat-na1-", "pat-na2-", "pat-eu1-", "pat-ap1-"],
    UUID,
  ),
  prefixed(
    "posthog_personal_key",
    "PostHog personal API key",
    "posthog_key",
    ["phx_"],
    "[A-Za-z0-9]{40,50}",
  ),
  prefixed(
    "mailgun_prefixed_key",
    "Mailgun API key",
    "mailgun",
    ["key-"],
    "[a-f0-9]{32}",
    "high",
    // Where a MAILGUN_* key names it, the labelled kind reports it.
    { priority: 2 },
  ),
  secret({
    key: "discord_bot_token_bare",
    name: "Discord bot token (by its id)",
    type: "discord_token",
    severity: "critical",
    description:
      "A Discord bot token without a mention of Discord: the bot's 17-19 digit id in base64 (which fixes every character's class), a dot, 6 characters, a dot and 27-38 more.",
    pattern: String
      .raw`${B}(?:${B64_DIGITS3}){5,6}(?:[MNO][DTjz][AEIMQUYcgk]|[MNO][DQgw])?\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}${E}`,
    keywords: ["MT", "Mj", "Mz", "ND", "NT", "Nj", "Nz", "OD", "OT"],
  }),
  secret({
    key: "meta_access_token",
    name: "Meta (Facebook) Graph API access token",
    type: "meta_token",
    description:
      "A Meta Graph API access token: EAA, then at least 100 letters and digits.",
    pattern: String.raw`${B}EAA[A-Za-z0-9]{100,400}${E}`,
    keywords: ["EAA"],
  }),
  prefixed(
    "google_refresh_token",
    "Google OAuth refresh token",
    "google_oauth_token",
    ["1//0"],
    "[A-Za-z0-9_-]{40,300}",
    "critical",
  ),
  secret({
    key: "cloudflare_origin_ca_key",
    name: "Cloudflare Origin CA key",
    type: "cloudflare_key",
    description:
      "A Cloudflare Origin CA key: v1.0-, 24 hex digits, a dash and 146 hex digits.",
    pattern: String.raw`${B}v1\.0-[a-f0-9]{24}-[a-f0-9]{146}${E}`,
    keywords: ["v1.0-"],
  }),
  prefixed(
    "neon_password",
    "Neon database password",
    "neon_password",
    ["npg_"],
    "[A-Za-z0-9]{12,64}",
  ),
  prefixed(
    "tencent_secret_id",
    "Tencent Cloud SecretId",
    "tencent_key",
    ["AKID"],
    "[A-Za-z0-9]{32}",
  ),
  prefixed(
    "gitlab_other_token",
    "GitLab incoming-mail, OAuth-application, agent or feature-flag token",
    "gitlab_token",
    ["glimt-", "gloas-", "glagent-", "glffct-"],
    "[A-Za-z0-9_-]{20,64}",
  ),
];
