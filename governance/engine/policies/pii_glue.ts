/**
 * The glue between a PII label and its value that the labelled kinds of
 * `pii.ts` and `pii_world.ts` share.
 *
 * @module
 */

/**
 * `label: value` glue: an optional quote, a separator (`:` `=` `=>` `#` `,`
 * `|` `-`, a full-width colon, `>` of an element: `<birthDate>1950-09-01`), a
 * prose copula (`my date of birth is ...`, `gave their BSN as ...`), up to
 * three element tags between a label and its value
 * (`<td>BSN</td><td>123456782`, `<dt>PESEL</dt> <dd>...`), a form field's
 * value attribute (`name="bsn" value="..."`), a log's parenthesised value
 * (`field 'bsn' (value: ...)`), or a database
 * error's bracketed key (`Key (date_of_birth)=(1977-06-10)`). Each
 * repetition is bounded and starts at `<`, which its body cannot hold.
 */
export const GLUE = String
  .raw`(?:\)=\(|\.?["']?\s{0,3}(?:=>|[:=#,|>：-]|(?:is|as|was|are)(?![a-z]))?\s{0,3}["']?|["']?(?:\s{0,3}</?[A-Za-z][^<>\n]{0,80}>){1,3}\s{0,3}|["']\s{1,3}(?:value|content)\s{0,2}=\s{0,2}["']|["']?\s{0,3}\(\s{0,2}(?:value|got|input)\s{0,2}[:=]\s{0,3}["']?)`;
