/** The plugin's version, sent as `X-Axonflow-Client: codex-plugin/<version>` and shown by `/health`. */
export const VERSION = "0.1.0";
