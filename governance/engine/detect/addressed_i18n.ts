/**
 * Requests addressed to the AI reader in German, French, Spanish, Italian,
 * Portuguese, Dutch and Polish: the structure `addressedRequests`
 * (addressed.ts) reads in English (a name of the AI used as a vocative or a condition,
 * then a grave request) with those languages' words. A span is flagged
 * when
 *
 * - the AI is addressed: a greeting or a clause start before its name
 *   (`Cher assistant IA,`, `Liebe KI:`, `Querido asistente,`), or a
 *   condition on being one (`Falls du ein KI-Agent bist`, `Si vous êtes un
 *   assistant IA`, `Se sei un assistente`), and
 * - within the next 200 characters a verb asks to disable, delete, grant
 *   or transfer, and its object is a safeguard, data or a privilege
 *   (two-factor sign-in, audit logs, backups, the database, admin rights).
 *
 * Developer prose in those languages names the same things (`Der
 * KI-Assistent kann die 2FA nicht deaktivieren`) without addressing the
 * reader, so it is not flagged. Regexes have bounded quantifiers and run on
 * bounded windows after at most {@link MAX_NAMES} names.
 *
 * @module
 */

/** Most addressee candidates examined in one text. */
const MAX_NAMES = 64;
/** Characters after an addressee searched for the request. */
const WINDOW = 200;

/** A name of the AI reader in these languages; English names are left to addressed.ts, whose verbs are English. */
const NAME_G =
  /(?<![\p{L}\p{N}])(?:KI(?:-(?:Agent|Assistent(?:in)?|Modell|Bot))?|IA|asistente(?:\s{1,3}(?:de\s{1,3})?IA)?|assistente(?:\s{1,3}(?:de\s{1,3})?IA)?|assistant\s{1,3}IA|(?:AI-)?assistent(?:in)?|asystenc?ie(?:\s{1,3}AI)?|asystent(?:ko|ka)?(?:\s{1,3}AI)?|agente(?:\s{1,3}(?:de\s{1,3})?IA)?|agent\s{1,3}IA|modelo\s{1,3}(?:de\s{1,3})?(?:IA|lenguaje)|mod[eè]le\s{1,3}(?:d'|de\s{1,3})?(?:IA|langage)|modello(?:\s{1,3}(?:di\s{1,3})?(?:IA|linguaggio))?|Sprachmodell)(?![\p{L}\p{N}])/giu;
/**
 * What every {@link NAME_G} match starts with (after no letter or digit): a
 * quick necessary condition. The lookbehind, rather than a consumed
 * `(?:^|[^a-z0-9])`, lets the regex engine skip to the first letters of the
 * names: the pass over a long text takes about half the time.
 */
const NAME_HINT =
  /(?<![a-z0-9])(?:ki|ia|as?s[iy]st|agent|mod[eè]l|sprachmodell)/i;
/** A greeting or clause start right before the name. */
const VOCATIVE_BEFORE =
  /(?:^|[\n.!?;:"'(>\u00bf\u00a1]\s{0,6}|\b(?:liebe[rs]?|hallo|hey|hola|querid[oa]|estimad[oa]|cher|ch[eè]re|bonjour|salut|caro|cara|gentile|ciao|beste|geachte|drogi|droga|witaj|ol[aá]|prezad[oa]|sehr\s{1,3}geehrte[rs]?)\s{1,4}|(?:^|[\n.!?;:]\s{0,6})(?:an\s{1,3}(?:den|die|das)|[aà]\s{1,3}l'|al|all'|ao|aan\s{1,3}de|do)\s{1,4}|\b(?:nota|note|notes|hinweis|aviso|avis|remarque|opmerking|uwaga|mensaje|message|nachricht|messaggio|mensagem)\s{1,3}(?:para|pour|f[uü]r|per|an|à|a|ao|voor|dla)\s{1,3}(?:(?:la|el|le|les|den|die|das|il|o|a|de|het)\s{1,3}|l')?)$/iu;
/** Punctuation after a vocative. */
const VOCATIVE_AFTER = /^\s{0,3}[,:!\u2014\u2013]/;
/** A condition on being the AI, before the name (`falls du ein`, `si vous êtes un`, `se sei un`). */
const CONDITION_BEFORE =
  /\b(?:falls|wenn|sofern)\s{1,3}(?:du|sie)\s{1,3}(?:ein(?:e|en)?\s{1,3})?$|\bsi\s{1,3}(?:eres|es|vous\s{1,3}[eê]tes|tu\s{1,3}es|usted\s{1,3}es)\s{1,3}(?:un(?:e|a)?\s{1,3})?$|\bse\s{1,3}(?:sei|(?:voc[eê]|tu)\s{1,3}(?:[eé]s?|for))\s{1,3}(?:un(?:a|o)?\s{1,3}|um(?:a)?\s{1,3})?$|\bals\s{1,3}(?:je|u)\s{1,3}(?:een\s{1,3})?$|\bje[sś]li\s{1,3}jeste[sś]\s{1,3}$/iu;

/** Verbs that disable, delete, grant or transfer (stems, imperative and polite forms). */
const VERB =
  /(?<![\p{L}])(?:deaktivier|abschalt|schalte\s{1,3}(?:die|den|das)|l[oö]sch|entfern|gew[aä]hr|erteil|[uü]berweis|d[ée]sactiv|supprim|effac|accord|transf[eé]r|vir(?:e|ez)\s|desactiv|borr|elimin|conced|otorg|transfier|disattiv|disabilit|cancell|concedi|trasferisc|desativ|desabilit|apag|exclu|transfir|pouss|pushe?(?![\p{L}])|empuj|fai\s{1,3}push|haz\s{1,3}push|uitschakel|schakel\s{1,3}(?:de|het)|verwijder|wis\s|geef|usu[nń]|wy[lł][aą]cz|nadaj|przelej|przyznaj)/giu;
/** Objects that make such a verb grave: safeguards, data, privileges, money. */
const OBJECT =
  /(?:zwei-?faktor|2fa|mfa|deux\s{1,3}facteurs|double\s{1,3}authentification|dos\s{1,3}(?:pasos|factores)|doble\s{1,3}factor|due\s{1,3}fattori|doppia\s{1,3}autenticazione|dois\s{1,3}(?:fatores|fatores)|twee-?staps|tweestaps|dwuetap|dwusk[lł]adnik|authentifi|autenti|authenti|uwierzyteln|audit|protokoll|journa(?:l|ux)|registr|logboek|dziennik|logs?\b|backup|sauvegarde|copias?\s{1,3}de\s{1,3}seguridad|sicurezz|datenbank|base\s{1,3}de\s{1,3}(?:donn[ée]es|datos|dados)|database|baz[aęy]\s{1,3}danych|tabel|table|admin|root|propri[ée]taire|eigent[uü]mer|rechte|droits|permis|permess|permiss|uprawnie|berechtigung|r[oô]le|rol\b|ruolo|fun[cç][aã]o|iban|\d[\d.,]{1,12}\s{0,2}(?:eur|usd|€|\$)|firewall|antivirus|virenschutz|pare-feu|cortafuegos|signatur|signature|firma|assinatura|podpis|(?<![\p{L}])(?:main|master|production|prod)(?![\p{L}])|--force|(?<![\w-])\.(?:github|git|env|ssh|aws)(?![\w-]))/iu;

/** Spans [start, end) of requests addressed to the AI reader in these languages. */
export function foreignRequests(text: string): [number, number][] {
  const out: [number, number][] = [];
  // Every name holds one of these at a word start: a cheap pass first.
  if (!NAME_HINT.test(text)) return out;
  NAME_G.lastIndex = 0;
  let n = 0;
  for (
    let m = NAME_G.exec(text);
    m !== null && n < MAX_NAMES;
    m = NAME_G.exec(text), n++
  ) {
    const s = m.index;
    const e = s + m[0].length;
    const before = text.slice(Math.max(0, s - 40), s);
    const after = text.slice(e, e + 4);
    const addressed = (VOCATIVE_BEFORE.test(before) &&
      VOCATIVE_AFTER.test(after)) || CONDITION_BEFORE.test(before);
    if (!addressed) continue;
    const win = text.slice(e, Math.min(text.length, e + WINDOW));
    VERB.lastIndex = 0;
    for (
      let v = VERB.exec(win), k = 0;
      v !== null && k < 8;
      v = VERB.exec(win), k++
    ) {
      const obj = win.slice(v.index, v.index + 90);
      if (OBJECT.test(obj.slice(v[0].length))) {
        out.push([s, e + v.index + obj.length]);
        return out;
      }
    }
  }
  return out;
}
