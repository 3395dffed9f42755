/**
 * People's names in fields whose label names a person: `full_name`,
 * `firstName`, `Patient name:`, a `customer_name` column of a query result.
 * A bare `name` is not enough (it names services, packages and files as
 * often); the value must read as a name (`detect/person_names.ts`).
 *
 * @module
 */

import type { SensitiveSpec } from "../detect/sensitive_spec.ts";
import { world } from "./pii_world.ts";

/** Person-name labels, English and a few other languages. */
const LABEL = String
  .raw`(?:full|first|last|given|family|sur|maiden|middle|legal)[ _-]?names?|surname|forename|(?:customer|patient|client|contact|employee|member|passenger|traveller|traveler|guest|applicant|beneficiary|recipient|cardholder|card[ _-]?holder|account[ _-]?holder|policy[ _-]?holder|emergency[ _-]?contact|guardian|spouse)[ _-]?(?:full[ _-]?)?name|cardholder|card[ _-]?holder|account[ _-]?holder|nombre(?:[ _-]?completo)?|apellidos?|nom[ _-]?complet|vorname|nachname|vollst[äa]ndiger[ _-]?name|nome[ _-]?completo|cognome`;

/** A name-like value: up to four words of letters and name punctuation. */
const VALUE = String
  .raw`[^\s\d"<>{}\[\]()|,;:=\\/@#*&%$]{1,40}(?: [^\s\d"<>{}\[\]()|,;:=\\/@#*&%$]{1,40}){0,3}`;

/** `sys_pii_person_name`. */
export const PERSON_NAME_POLICIES: readonly SensitiveSpec[] = [
  world({
    key: "person_name",
    name: "Person's name (labelled)",
    description:
      "A person's name (one to four capitalised words; one word only after a first, last or given name label) right after a label that names a person: full_name, firstName, surname, customer_name, patient name, cardholder, nombre, Vorname... A bare `name` label does not count.",
    type: "person_name",
    label: LABEL,
    value: VALUE,
    keywords: [
      "full",
      "first",
      "last",
      "given",
      "family",
      "sur",
      "maiden",
      "middle",
      "legal",
      "forename",
      "customer",
      "patient",
      "client",
      "contact",
      "employee",
      "member",
      "passenger",
      "traveller",
      "traveler",
      "guest",
      "applicant",
      "beneficiary",
      "recipient",
      "cardholder",
      "card",
      "account",
      "policy",
      "emergency",
      "guardian",
      "spouse",
      "nombre",
      "apellido",
      "nom",
      "vorname",
      "nachname",
      "vollst",
      "nome",
      "cognome",
    ],
    validator: "person_name",
    severity: "medium",
  }),
];
