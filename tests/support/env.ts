/**
 * The parts of this process's environment a child needs to reach a package
 * registry: CA bundles and proxies. Tests that start children with
 * `clearEnv: true` add these where the child may download (the Codex CLI from
 * npm on a fresh machine), so a CI box behind a TLS-inspecting proxy works.
 *
 * @module
 */

const OUTBOUND =
  /^(?:SSL_CERT_FILE|SSL_CERT_DIR|DENO_CERT|DENO_TLS_CA_STORE|NODE_EXTRA_CA_CERTS|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy|NPM_CONFIG_REGISTRY|npm_config_registry)$/;

/** CA-bundle, proxy and registry variables of this process, to pass on to a child. */
export function outboundEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(Deno.env.toObject())) {
    if (OUTBOUND.test(k)) out[k] = v;
  }
  return out;
}
