/**
 * The glue between a PII label and its value that the labelled kinds of
 * `pii.ts` and `pii_world.ts` share.
 *
 * @module
 */

/**
 * Words that say whose a labelled value is, or which card it is on,
 * between the label and the value without a copula (`NIK KTP saya …`,
 * `PESEL pacjenta …`, `BSN van de klant …`, `SSN of the tenant …`): a
 * possessive, an article or preposition, a person's role or relative, a
 * document word.
 * Only these words: any other word there is prose (`BSN van de klant
 * ontbreekt …`), and values follow in their own kinds' checks.
 */
const OWNER =
  "saya|milik|anda|kami|ktp|e-ktp|pacjenta|klienta|pracownika|osoby|van|de|het|der|des|del|la|el|do|da|dos|das|of|the|my|our|his|her|their|your|mio|mia|il|meu|minha|mein|meine|customer'?s?|client'?s?|tenant'?s?|applicant'?s?|patient'?s?|employee'?s?|holder'?s?|klant|kunden|patienten|mitarbeiters|cliente|titular|paciente|empleado|personal|pessoal|personnel|own|pelanggan|nasabah|pasien|karyawan|pemilik|m[oó]j|moja|moje|mojej|mojego|jego|jej|ich|matki|ojca|[żz]ony|m[ęe][żz]a|syna|c[óo]rki|mother'?s?|father'?s?|wife'?s?|husband'?s?|son'?s?|daughter'?s?|spouse'?s?|ibu|ayah|suami|istri";

/**
 * `label: value` glue: an optional quote, a separator (`:` `=` `=>` `#` `,`
 * `|` `-`, a full-width colon, `>` of an element: `<birthDate>1950-09-01`)
 * with markdown bold on either side (`**Phone:** …`, `**DOB**: …`)
 * and up to 24 blanks after it (a CLI's aligned listing, `cpr:         …`), a
 * prose copula (`my date of birth is ...`, `gave their BSN as ...`), up to
 * three element tags between a label and its value
 * (`<td>BSN</td><td>123456782`, `<dt>PESEL</dt> <dd>...`), a form field's
 * value attribute (`name="bsn" value="..."`), a log's parenthesised value
 * (`field 'bsn' (value: ...)`, `your BSN (...)`), a validation error's quoted
 * value (`field "pesel": value '...'`, `tckn, got "..."`), a form's dot leaders (`2. UEN ........ ...`),
 * a question naming the label answered on the next line of a chat
 * (`confirm your NIK?` / `[10:43] noor: sure, ...`), or a database
 * error's bracketed key (`Key (date_of_birth)=(1977-06-10)`), up to four
 * {@link OWNER} words without a copula (`NIK KTP saya …`), or a
 * short clause of up to eight words before the copula (`passport number
 * for the visa form is ...`, `date of birth we have on file is ...`). Each
 * repetition is bounded and starts at `<`, which its body cannot hold.
 */
export const GLUE = String
  .raw`(?:\)=\(|\.?(?:\*\*)?["']?\s{0,3}(?:=>|[:=#,|>：-]|(?:is|as|was|are)(?![a-z]))?(?:\*\*)?(?:\s{0,3}|[ \t]{4,24})["']?|["']?(?:\s{0,3}</?[A-Za-z][^<>\n]{0,80}>){1,3}\s{0,3}|["']\s{1,3}(?:value|content)\s{0,2}=\s{0,2}["']|["']?\s{0,3}\(\s{0,2}(?:(?:value|got|input)\s{0,2}[:=]\s{0,3})?["']?|["']?[:,]?[ \t]{1,3}(?:value|got|input|received)[ \t]{0,2}[:=]?[ \t]{0,3}["']|\s{0,3}(?:\.{2,40}|…{1,20})\s{0,3}:?\s{0,3}|\?\s{0,3}\r?\n[^\n]{0,60}?\b(?:sure|yes|yeah|ok|okay|it'?s|it is|here you go)[,:!.]?\s{1,3}|(?:[ \t](?:${OWNER})(?![a-zà-ÿ])){1,4}[ \t]{0,3}[:=#-]?[ \t]{1,3}["']?|(?:[ \t][a-z]{2,12}(?:-[a-z]{1,12})?){1,8}[ \t](?:is|was|reads)[ \t]{1,3}["']?)`;

/** Words a camelCase key puts before a label (`employeeDOB`, `customerPesel`, `mobilePhone`). */
const KEY_PREFIXES =
  "customer|employee|user|patient|client|member|person|holder|applicant|contact|primary|home|work|personal|owner|guest|student|beneficiary|payer|payee|billing|shipping|emergency|mobile|spouse|parent";

/**
 * Where a label may start: not inside a word, or right after one of the
 * {@link KEY_PREFIXES} of a camelCase or run-together key.
 */
export const LABEL_START = String
  .raw`(?:(?<![A-Za-z])|(?<=(?:${KEY_PREFIXES})))`;

/** Like {@link LABEL_START}, for labels whose words may hold accented letters. */
export const LABEL_START_ACCENTED = String
  .raw`(?:(?<![a-zà-ÿ])|(?<=(?:${KEY_PREFIXES})))`;
