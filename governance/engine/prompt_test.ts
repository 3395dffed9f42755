import assert from "node:assert/strict";
import { judgePrompt } from "./prompt.ts";

/**
 * Prompts that hand a secret to the model provider, written by class before
 * the rule (cloud keys, code-host and chat tokens, payment keys, AI provider
 * keys, private keys, cards, connection strings with a password), including
 * kinds the rule was not written for (npm, Google, GitLab, SendGrid, JWT,
 * Twilio, Hugging Face).
 */
const SECRET_PROMPTS: string[] = [
  "deploy with AKIAQ3ZJ7XK2M4N5P6RW please",
  "here are my creds:\naws_access_key_id = AKIAQ3ZJ7XK2M4N5P6RW\naws_secret_access_key = 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",
  "use my token ghp_R8mK2pQ7sT1uW3xY5zA9bC6dE0fG2hJ4kL7n to push",
  "set SLACK_TOKEN=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx in the env",
  "charge it with sk_live_51H8s7dKf9sLm2Qp4Rt6Vw8Xy0Za",
  "my openai key sk-proj-Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7nP9rT1vX3zB5dF7hJ9kL1mN3pQ5sT5",
  "anthropic: sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrSt-AbCdEfAA",
  "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7vQ2mN4pR7sT1uW3xY5zA9bC6dE0fG2hJ4kL7mN9pQ2sT5vW\n8yZ1bC4dF6hJ9kL2mN5pQ8sT1vW4yZ7bC0dF3hJ6kL9mN2pQ5sT8vW1yZ4bC7dF0h\n-----END RSA PRIVATE KEY-----",
  "pay with 4539 1488 0343 6467 exp 12/29 cvc 123",
  "card: 5187-3420-9166-5331",
  "connect to postgres://admin:Sup3rS3cretPw@db.prod.example.com:5432/app and run the migration",
  "npm token npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
  "google key AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
  "stripe restricted rk_live_51H8s7dKf9sLm2Qp4Rt6Vw8Xy0ZaBc",
  "gitlab glpat-AbCdEfGhIjKlMnOpQrSt",
  "sendgrid SG.AbCdEfGhIjKlMnOpQrStUv.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfG",
  "JWT for the api: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTc2NDc2MDAwMH0.q3Vh8XkT2mR9pLw4ZbN7cYf1sDj6GuEoA0iKxHtMnQ8",
  "twilio SK7f3a91c04be25d8e6a0f14c9b3d7e28a",
  "hf token hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567",
];

/** Prompts that talk about secrets, hold placeholders, test cards or lower-grade PII: they must pass. */
const ROUTINE_PROMPTS: string[] = [
  "how do I rotate my AWS access key and where does the GitHub token go?",
  "write a function that validates credit card numbers with the Luhn check",
  "add a .env.example with AWS_ACCESS_KEY_ID=<your key> and AWS_SECRET_ACCESS_KEY=<your secret>",
  "why does `ssh-keygen -t ed25519` ask for a passphrase?",
  "email jane@example.com about the outage and call +1 415 555 0100",
  "set password=changeme in the local docker compose file",
  "explain what sk_live_ and sk_test_ prefixes mean in Stripe",
  "use $GITHUB_TOKEN in the workflow instead of a hard-coded token",
  "refactor the JWT middleware so that expired tokens return 401",
  "our test card is 4242 4242 4242 4242, is that the Stripe test number?",
  "try the checkout with 4111-1111-1111-1111 and 5555 5555 5555 4444",
  "the private key lives in ~/.ssh/id_ed25519; never print it",
  "grep the repo for anything that looks like -----BEGIN PRIVATE KEY-----",
  "order 1234 5678 9012 3456 shipped (not a card, an order id)",
  "connect with postgres://localhost:5432/app using the DATABASE_URL env var",
  "the customer's SSN field (123-45-6789 in the fixture) must be masked in logs",
];

Deno.test("judgePrompt: secret prompts stop (share measured), routine ones pass", () => {
  const missed = SECRET_PROMPTS.filter((p) => !judgePrompt(p).blocked);
  const share = 1 - missed.length / SECRET_PROMPTS.length;
  console.log(
    `prompts with a secret stopped: ${
      SECRET_PROMPTS.length - missed.length
    }/${SECRET_PROMPTS.length}`,
  );
  assert.ok(share >= 0.9, `missed: ${missed.join(" | ")}`);
  const stopped = ROUTINE_PROMPTS.filter((p) => judgePrompt(p).blocked);
  assert.deepEqual(stopped, []);
});

Deno.test("judgePrompt: the core kinds always stop", () => {
  for (const i of [0, 2, 3, 4, 7, 8, 9, 10]) {
    assert.ok(judgePrompt(SECRET_PROMPTS[i]).blocked, SECRET_PROMPTS[i]);
  }
});

Deno.test("judgePrompt: the message names kind and line, never the value, and says how to send it", () => {
  const p = "line one\nkey AKIAQ3ZJ7XK2M4N5P6RW\npay 4539 1488 0343 6467";
  const v = judgePrompt(p);
  assert.ok(v.blocked);
  assert.match(v.message, /aws access key \(line 2\)/);
  assert.match(v.message, /credit card \(line 3\)/);
  assert.match(v.message, /environment variable/);
  assert.ok(!v.message.includes("AKIAQ3ZJ7XK2M4N5P6RW"));
  assert.ok(!v.message.includes("4539"));
});

Deno.test("judgePrompt: hostile long prompts stay linear", () => {
  for (
    const s of [
      "A".repeat(500_000),
      "AKIA".repeat(100_000),
      "4".repeat(300_000),
      "-----BEGIN ".repeat(40_000),
    ]
  ) judgePrompt(s);
});
