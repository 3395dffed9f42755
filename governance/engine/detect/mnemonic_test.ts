/**
 * Unlabelled wallet recovery phrases (`mnemonic.ts`) with the look-alikes
 * beside them: published test phrases, the word list quoted in order,
 * prose. Phrases are made up from list words.
 */
import assert from "node:assert/strict";
import { phraseSpans } from "./mnemonic.ts";
import { findSensitive } from "./sensitive.ts";

const P12 =
  "orbit cattle ginger vessel slogan rebuild tumble harvest pupil lyrics decade canyon";
const P24 = P12 +
  " wisdom fossil brick unveil sketch oyster galaxy remind velvet donkey jungle pelican";

/** Whether the phrase words of `text` are all inside findings. */
function coveredWords(text: string, words: string[]): boolean {
  const found = findSensitive(text);
  let from = 0;
  return words.every((w) => {
    const at = text.indexOf(w, from);
    from = at + w.length;
    return found.some((f) => f.start <= at && f.end >= at + w.length);
  });
}

Deno.test("unlabelled phrases: bare, quoted, comma-separated, numbered, wrapped", () => {
  const words = P12.split(" ");
  const numbered = words.map((w, i) => `${i + 1}. ${w}`);
  const grid = P24.split(" ").map((w, i) =>
    `${String(i + 1).padStart(2)} ${w}`
  );
  for (
    const [t, ws] of [
      [`$ cast wallet import dev --mnemonic "${P12}"`, words],
      [`words are: ${P12} — delete after`, words],
      [`backup: ${words.join(", ")}`, words],
      [
        `Recovery phrase:\n${numbered.slice(0, 6).join("   ")}\n${
          numbered.slice(6).join("   ")
        }`,
        words,
      ],
      [
        "Secret Recovery Phrase\n" +
        [0, 4, 8, 12, 16, 20].map((i) => grid.slice(i, i + 4).join("\t")).join(
          "\n",
        ),
        P24.split(" "),
      ],
      [
        "wallet export\n" + P24.split(" ").slice(0, 12).join(" ") + "\n" +
        P24.split(" ").slice(12).join(" "),
        P24.split(" "),
      ],
      [
        `wallet:\n  backup:\n${words.map((w) => `    - ${w}`).join("\n")}`,
        words,
      ],
      [`Seed words\n\n${words.map((w) => `* ${w}`).join("\n")}`, words],
      // A list word right before the phrase ("phrase") is taken along.
      [`seed phrase ${P24}`, P24.split(" ")],
    ] as [string, string[]][]
  ) {
    assert.ok(coveredWords(t, ws), t);
  }
});

Deno.test("not phrases: test phrases, sorted lists, prose, short runs, other words", () => {
  for (
    const t of [
      "test test test test test test test test test test test junk",
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
      "abandon, ability, able, about, above, absent, absorb, abstract, absurd, abuse, access, accident",
      "the cache warms up behind a flag and then we deploy and monitor the queue depth for a week",
      P12.split(" ").slice(0, 11).join(" "),
      // One word off the list breaks the run into pieces shorter than twelve.
      P12.replace("rebuild", "rebuilds"),
      "Write the 12 words of your recovery phrase on paper and store them offline.",
    ]
  ) {
    assert.deepEqual(phraseSpans(t), [], t);
  }
});

Deno.test("a phrase is looked for only beside a phrase word (mnemonic, seed, wallet, backup...)", () => {
  assert.deepEqual(findSensitive(P12), []);
  assert.equal(phraseSpans(P12).length, 1);
});

Deno.test("phrase runs on hostile input finish in linear time", () => {
  const started = performance.now();
  phraseSpans("abandon  ".repeat(12_000) + "X");
  phraseSpans("orbit ,\n 1. ".repeat(8_000));
  phraseSpans("abcdefghi ".repeat(10_000));
  phraseSpans("  - orbit\n".repeat(10_000) + "X");
  phraseSpans(("orbit cattle ".repeat(5) + "ginger9 ").repeat(1_500));
  findSensitive("seed " + (P12 + " ").repeat(300));
  assert.ok(performance.now() - started < 5_000);
});
