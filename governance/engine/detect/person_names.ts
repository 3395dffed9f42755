/**
 * Whether a labelled field's value reads as a person's name: the check
 * behind `sys_pii_person_name`, which fires only after a label that names a
 * person (`full_name`, `firstName`, `Patient name:`, a `customer_name`
 * column), never after a bare `name`, which as often names a service, a
 * package or a file.
 *
 * A name is one to four words, each starting with a capital letter (particles
 * such as `van`, `de`, `da`, `bin` may stay lower case inside it), letters
 * with `'`, `’`, `-` or `.` only; one word only after a first, last, given
 * or family name label. Placeholders (`John Doe`, `Test User`) are not
 * anyone's name.
 *
 * @module
 */

/** Lower-case words a name may hold between its capitalised words. */
const PARTICLES = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "da",
  "das",
  "do",
  "dos",
  "del",
  "della",
  "di",
  "du",
  "la",
  "le",
  "bin",
  "binti",
  "al",
  "el",
  "ben",
  "ter",
  "ten",
  "y",
  "e",
]);

/** Words of placeholder and role names, not people (`John Doe`, `Test User`, `Unknown`). */
const NOT_PEOPLE = new Set([
  "doe",
  "test",
  "tester",
  "example",
  "sample",
  "user",
  "admin",
  "administrator",
  "unknown",
  "anonymous",
  "placeholder",
  "redacted",
  "name",
  "foo",
  "bar",
  "baz",
  "lorem",
  "ipsum",
  "null",
  "none",
  "undefined",
  "customer",
  "guest",
  "default",
  "your",
  "first",
  "last",
  "full",
  "string",
  "required",
  "optional",
  "todo",
  "tbd",
  "n/a",
  "bot",
  "team",
  "service",
  "system",
  "support",
  "app",
  "inc",
  "ltd",
  "llc",
  "gmbh",
  "corp",
  "group",
  "account",
  "dept",
  "department",
  "office",
  "company",
]);

let word: RegExp | undefined;

/**
 * A word of a name: letters (any script) with inner `'`, `’`, `-` or `.`.
 * Made on first use: a pattern with Unicode property classes costs about
 * half a millisecond to create, which every hook loading the scanner paid.
 */
function nameWord(): RegExp {
  return word ??= /^\p{L}[\p{L}\p{M}'’.-]{0,39}$/u;
}

/** Labels after which a single word is a name (`first_name: Jonas`). */
const ONE_WORD_LABEL =
  /(?:first|last|given|family|sur|maiden|middle|fore|pre|vor|nach)[ _-]?names?\W{0,6}$|(?:surname|nombre|apellidos?|pr[ée]nom|nom|vorname|nachname|cognome|voornaam|achternaam|nazwisko|imi[eę]|sobrenome|soyad[ıi])\W{0,6}$/i;

/** True when `v` reads as a person's name; `before` is the text before it (its label). */
export function personNameValid(v: string, before: string): boolean {
  const words = v.trim().replace(/^['’]|['’]$/g, "").split(" ");
  if (words.length === 0 || words.length > 4) return false;
  // A name in capitals (`JOHN SMITH` on a card) is still a name.
  const shouting = words.length >= 2 &&
    words.every((w) => w === w.toUpperCase() && w !== w.toLowerCase());
  let capitals = 0;
  for (const w of words) {
    if (!nameWord().test(w)) return false;
    const low = w.toLowerCase();
    if (NOT_PEOPLE.has(low)) return false;
    if (w[0] !== low[0]) capitals++;
    else if (!PARTICLES.has(low)) return false;
    // SHOUTING or camelCase words are codes and identifiers, not names
    if (!shouting && w.length > 3 && w === w.toUpperCase() && w !== low) {
      return false;
    }
    if (/\p{Ll}\p{Lu}/u.test(w.replace(/^(?:Mc|Mac|O'|O’|D'|D’)/, ""))) {
      return false;
    }
    if (!shouting && /\p{Lu}{2}\p{Ll}/u.test(w)) return false; // HTTPServer
  }
  if (capitals === 0) return false;
  return capitals >= 2 || ONE_WORD_LABEL.test(before.slice(-40));
}
