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
  /(?<=[lL]['\u2019])assistante?(?![\p{L}\p{N}])|(?<=(?:le|au|du)\s{1,3})mod[eè]le(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:KI(?:-(?:Agent(?:en)?|Assistent(?:in|innen|en)?|Modell(?:e)?|Bots?))?|IA|asistente(?:\s{1,3}(?:de\s{1,3})?IA)?|assistente(?:\s{1,3}(?:de\s{1,3})?IA)?|assistant\s{1,3}IA|(?:AI-)?assistent(?:in)?|asystenc?ie(?:\s{1,3}AI)?|asystent(?:ko|ka|a|owi|em|u)?(?:\s{1,3}AI)?|agente(?:\s{1,3}(?:de\s{1,3})?IA)?|agent\s{1,3}IA|modelo\s{1,3}(?:de\s{1,3})?(?:IA|lenguaje)|mod[eè]le\s{1,3}(?:d'|de\s{1,3})?(?:IA|langage)|modello(?:\s{1,3}(?:di\s{1,3})?(?:IA|linguaggio))?|Sprachmodell|Agent(?:en)?|Modell|modelo|asistan(?:[ıi]|a|[ıi]na)?|yapay\s{1,3}zeka(?:\s{1,3}asistan[ıi]?)?(?:ya|y[ıi])?|ajan)(?![\p{L}\p{N}])/giu;
/**
 * What every {@link NAME_G} match starts with (after no letter or digit): a
 * quick necessary condition. The lookbehind, rather than a consumed
 * `(?:^|[^a-z0-9])`, lets the regex engine skip to the first letters of the
 * names: the pass over a long text takes about half the time.
 */
export const NAME_HINT =
  /(?<![a-z0-9])(?:ki|ia|as?s[iy]st|agent|mod[eè]l|sprachmodell|yapay|ajan)/i;
/**
 * The words {@link NAME_HINT} starts with, spelt out (`as?s[iy]st`,
 * `mod[eè]l`): the injection prefilter finds their word starts in its pass
 * (see `PROBE_WORDS` in injection.ts), so a text without any skips the
 * hint's pass too.
 */
export const NAME_HINT_WORDS =
  "ki ia asist assist asyst assyst agent model mod\u00e8l sprachmodell yapay ajan";

/** A greeting or clause start right before the name. */
const VOCATIVE_BEFORE =
  /(?:^|[\n.!?;:"'(>\u00bf\u00a1]\s{0,6}|\b(?:liebe[rs]?|hallo|hey|hola|querid[oa]|estimad[oa]|cher|ch[eè]re|bonjour|salut|caro|cara|gentile|ciao|beste|geachte|drogi|droga|witaj|ol[aá]|prezad[oa]|sehr\s{1,3}geehrte[rs]?)\s{1,4}|(?:^|[\n.!?;:]\s{0,6})(?:(?:an|f[uü]r)\s{1,3}(?:den|die|das)\s{1,4}|(?:[aà]|pour|per)\s{1,3}l'\s{0,4}|(?:para|pour|per|voor|aan)\s{1,3}(?:el|la|le|o|a|il|lo|de|het)\s{1,4}|(?:al|all'|ao|au|do|dla|alla|allo)\s{1,4})|\b(?:nota|note|notes|hinweis|aviso|avis|remarque|opmerking|uwaga|mensaje|message|nachricht|messaggio|mensagem|instrucci[oó]n|instru[cç][aã]o|istruzione|anweisung|consigne)\s{1,3}(?:para|pour|f[uü]r|per|an|à|a|al|au|ao|voor|dla)\s{1,3}(?:(?:la|el|le|les|den|die|das|il|o|a|de|het)\s{1,3}|l'\s{0,3})?)$/iu;
/** A Turkish participle picking out the reader (`Bu dosyayı okuyan yapay zekaya:`). */
const TURKISH_READER_BEFORE =
  /(?<![\p{L}])(?:okuyan|i[sş]leyen|[oö]zetleyen|inceleyen|kullanan)\s{1,3}$/iu;
/** Punctuation after a vocative, or up to five words and a colon (`Pour le modèle qui lit ceci :`). */
const VOCATIVE_AFTER =
  /^\s{0,3}[,:!\u2014\u2013]|^(?:\s{1,3}[\p{L}'-]{1,20}){1,5}?\s{0,3}:(?!\/\/)/u;
/** A condition on being the AI, before the name (`falls du ein`, `si vous êtes un`, `se sei un`). */
const CONDITION_BEFORE =
  /\b(?:falls|wenn|sofern)\s{1,3}(?:du|sie)\s{1,3}(?:ein(?:e|en)?\s{1,3})?$|\bsi\s{1,3}(?:eres|es|vous\s{1,3}[eê]tes|tu\s{1,3}es|usted\s{1,3}es)\s{1,3}(?:un(?:e|a)?\s{1,3})?$|\bse\s{1,3}(?:sei|(?:voc[eê]|tu)\s{1,3}(?:[eé]s?|for))\s{1,3}(?:un(?:a|o)?\s{1,3}|um(?:a)?\s{1,3})?$|\bals\s{1,3}(?:je|u)\s{1,3}(?:een\s{1,3})?$|\bje[sś]li\s{1,3}jeste[sś]\s{1,3}$/iu;

/** An article opening a clause right before the name: the AI named in the third person (`Der Assistent`, `L'assistant`, `El asistente`). */
const ARTICLE_BEFORE =
  /(?:^|[\n.!?;:"'(>\[]\s{0,6})(?:der|die|das|le|la|el|il|lo|o|a|de|het)\s{1,3}(?:[\p{L}-]{1,20}\s{1,3})?$|(?:^|[\n.!?;:"'(>\[]\s{0,6})[lL]['\u2019]$/iu;
/** Turkish names of the AI reader: Turkish puts the object before the verb. */
const TURKISH_NAME = /^(?:asistan|yapay|ajan)/i;
/** Names that are the AI reader only under an impersonal duty ({@link IMPERSONAL_BEFORE}): `der Agent`, `das Modell`, `el modelo` name other things too. */
const WEAK_NAME = /^(?:agent(?:en)?|modell|modelo)$/i;
/**
 * An impersonal duty opening a clause about the name (`Es ist erforderlich,
 * dass der Agent`, `Il est attendu que l'assistant`, `Se espera que el
 * modelo`, `È necessario che l'agente`, `Espera-se que o assistente`): a
 * directive to it with no modal after the name. German is group 1 (its
 * verb ends the clause, after the object).
 */
const IMPERSONAL_BEFORE =
  /((?:erforderlich|notwendig|n[oö]tig|Pflicht|erwartet|verlangt|vorgeschrieben|gew[uü]nscht),?\s{1,3}dass\s{1,3}(?:der|die|das|ein|eine|jeder|jede)\s{1,3}(?:[\p{L}-]{1,20}\s{1,3})?$)|(?<![\p{L}])(?:(?:il\s{1,3}est|c['\u2019]est)\s{1,3}(?:attendu|requis|n[ée]cessaire|obligatoire|exig[ée]|demand[ée]|imp[ée]ratif|indispensable)\s{1,3}que\s{1,3}(?:l['\u2019]\s{0,2}|le\s{1,3}|la\s{1,3})|(?:se\s{1,3}(?:espera|requiere|exige|pide|necesita)|es\s{1,3}(?:necesario|obligatorio|imprescindible|preciso))\s{1,3}que\s{1,3}(?:el|la|cualquier|todo)\s{1,3}|(?:[èe]\s{1,3}(?:necessario|richiesto|obbligatorio|indispensabile)|si\s{1,3}(?:richiede|chiede|aspetta|prevede))\s{1,3}che\s{1,3}(?:l['\u2019]\s{0,2}|il\s{1,3}|lo\s{1,3}|ogni\s{1,3})|(?:espera-se|exige-se|pede-se|requer-se|[ée]\s{1,3}(?:necess[áa]rio|obrigat[óo]rio|preciso))\s{1,3}que\s{1,3}(?:o|a|qualquer)\s{1,3})$/iu;
/** `Vom Modell wird erwartet, dass …`: the name as the one a duty is expected of (German, verb last). */
const EXPECTED_OF_BEFORE =
  /(?:^|[\n.!?;:"'(>\[]\s{0,6})vo(?:m|n\s{1,3}(?:der|dem|jedem|jeder))\s{1,3}(?:[\p{L}-]{1,20}\s{1,3})?$/iu;
const EXPECTED_OF_AFTER =
  /^\s{1,3}(?:wird|werden)\s{1,3}(?:[\p{L}]{1,12}\s{1,3})?(?:erwartet|verlangt|gefordert)/iu;

/** A modal of duty right after such a name (`soll`, `muss`, `doit`, `debe`, `deve`, `moet`): a directive to it. */
const DUTY_AFTER =
  /^\s{1,3}(?:soll(?:te)?|muss|hat\s{1,3}zu|doit|devra|debe(?:r[aá])?|tiene\s{1,3}que|deve|dovr[aà]|moet|zal|powinien|musi)(?![\p{L}])/iu;
/** A negation in the directive: a rule against the act (`soll niemals`, `ne doit pas`, `no debe`). */
const DUTY_NEGATED =
  /(?<![\p{L}])(?:nicht|nie|niemals|keine?n?|ne|n'|jamais|no|nunca|non|mai|niet|nooit|nie)(?![\p{L}])/iu;

/** Verbs that disable, delete, grant or transfer (stems, imperative and polite forms). */
const VERB =
  /(?<![\p{L}])(?:deaktivier|abschalt|schalte\s{1,3}(?:die|den|das)|l[oö]sch|entfern|gew[aä]hr|erteil|[uü]berweis|d[ée]sactiv|supprim|effac|accord|transf[eé]r|vir(?:e|ez)\s|desactiv|borr|elimin|conced|otorg|transfier|disattiv|disabilit|cancell|concedi|trasferisc|desativ|desabilit|apag|exclu|transfir|pouss|push(?:e|en)?(?![\p{L}])|empuj|fai\s{1,3}push|haz\s{1,3}push|uitschakel|schakel\s{1,3}(?:de|het)|verwijder|wis\s|geef|usu[nń]|wy[lł][aą]cz|nadaj|przelej|przyznaj|schick|sende(?![\p{L}])|envoie|envoy|env[ií]a|envie|invia|stuur|wy[sś]lij|mand[ae](?![\p{L}])|lade\s{1,3}(?:die|den|das)|t[ée]l[ée]vers|sube(?![\p{L}])|carica|carregue|upload|publi[ceq]|kopier|ausgib|ausgeb|anzeig|skopiuj|kopiuj|copi(?:e|a|ez|ar)(?![\p{L}])|conclu(?:a|ir|ya|ez)(?![\p{L}])|pague(?![\p{L}])|bezahl|zahle(?![\p{L}])|paye[rz]?(?![\p{L}])|desconsider|ignor(?:e|a|ez|er|iere|ieren|uj)(?![\p{L}])|salt(?:a|e|ar|arse|ate)(?![\p{L}])|saute[rz]?(?![\p{L}])|omett|omit(?:e|a|ir)(?![\p{L}])|zignoruj|olvid|vergiss|oublie|dimentic|[uü]berspring|(?:sil|s[ıi]f[ıi]rla|g[oö]nder|yolla|y[uü]kle|kapat|g[oö]ster|yazd[ıi]r|payla[sş]|aktar)(?:in|[ıi]n|iniz|[ıi]n[ıi]z)?(?![\p{L}])|devre\s{1,3}d[ıi][sş][ıi]\s{1,3}b[ıi]rak|push\s{1,3}et(?![\p{L}]))/giu;
/** Objects that make such a verb grave: safeguards, data, privileges, money. */
const OBJECT =
  /(?:zwei-?faktor|2fa|mfa|deux\s{1,3}facteurs|double\s{1,3}authentification|dos\s{1,3}(?:pasos|factores)|doble\s{1,3}factor|due\s{1,3}fattori|doppia\s{1,3}autenticazione|dois\s{1,3}(?:fatores|fatores)|twee-?staps|tweestaps|dwuetap|dwusk[lł]adnik|authentifi|autenti|authenti|uwierzyteln|audit|protokoll|journa(?:l|ux)|registr|logboek|dziennik|logs?\b|backup|sauvegarde|copias?\s{1,3}de\s{1,3}seguridad|sicurezz|datenbank|base\s{1,3}de\s{1,3}(?:donn[ée]es|datos|dados)|database|baz[aęy]\s{1,3}danych|tabel|table|admin|root|propri[ée]taire|eigent[uü]mer|rechte|droits|permis|permess|permiss|uprawnie|berechtigung|r[oô]le|rol\b|ruolo|fun[cç][aã]o|iban|\d[\d.,]{1,12}\s{0,2}(?:eur|usd|€|\$)|firewall|antivirus|virenschutz|pare-feu|cortafuegos|signatur|signature|firma|assinatura|podpis|(?<![\p{L}])(?:main|master|production|prod)(?![\p{L}])|--force|(?<![\w-])\.(?:github|git|env|ssh|aws|npmrc|netrc)(?![\w-])|verzeichnis|ordner|dossier|carpeta|cartella|katalog|(?<![\p{L}])(?:tests?|pruebas|testów|testes|migrations?|migraciones)(?![\p{L}])|zertifikat|certificat|certificad|certifica|zugangsdaten|identifiants|credencial|credenzial|chaves?\s{1,3}de\s{1,3}api|claves?\s{1,3}de\s{1,3}api|schl[uü]ssel|sleutel|klucz|passw|contrase[nñ]a|mot\s{1,3}de\s{1,3}passe|senha|has[lł]o|wachtwoord|secret|token|~\/|https?:\/\/|[\w.+-]{1,40}@[\w-]{1,40}\.[a-z]{2,}|pagamento|paiement|zahlung|pago(?![\p{L}])|płatno|pedido|solicitud|solicita[cç][aã]o|richiesta|demande|anfrage|pro[sś]b|instru[cç]|instruc|anweisung|istruzion|sicherung|(?<![\p{L}])pix(?![\p{L}])|veritaban|yedek|[sş]ifre|parola|anahtar|iki\s{1,3}fakt[oö]r|do[gğ]rulama|kimlik\s{1,3}bilgi|denetim\s{1,3}kay)/iu;

/** A noun made from the verb (`publicación`, `Löschung`, `suppression`): a topic, not a command. */
const NOUN_ENDING = /(?:ci[oó]n|tion|zione|[çc][aã]o|ung|ments?|mento)$/iu;
/**
 * A purpose clause before an infinitive (`per disattivare ...`, `para
 * borrar`) or a reflexive passive (`el paquete se publica desde CI`): why,
 * or what happens, not what to do.
 */
const PURPOSE_BEFORE = /(?<![\p{L}])(?:para|pour|per|pra|se|si)\s{1,3}$/iu;

/**
 * Whether the verb stem at `at` in `win` stands in a noun (`publicación de
 * la API`), a purpose clause (`per disattivare l'autenticazione, contatta
 * il supporto`) or a reflexive passive rather than in a command.
 */
function notCommand(win: string, at: number): boolean {
  let end = at;
  while (end < win.length && end - at < 40 && /\p{L}/u.test(win[end])) end++;
  if (NOUN_ENDING.test(win.slice(at, end))) return true;
  return PURPOSE_BEFORE.test(win.slice(Math.max(0, at - 8), at));
}

/**
 * Spans [start, end) of requests addressed to the AI reader in these
 * languages; `mayName` false: the caller knows that none of the
 * {@link NAME_HINT_WORDS} starts a word in `text`.
 */
export function foreignRequests(
  text: string,
  mayName = true,
): [number, number][] {
  const latin = mayName ? latinRequests(text) : [];
  return latin.length > 0 ? latin : scriptRequests(text);
}

/** Requests in the Latin-script languages above. */
function latinRequests(text: string): [number, number][] {
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
    const after = text.slice(e, e + 80);
    const impersonal = IMPERSONAL_BEFORE.exec(before);
    const expectedOf = EXPECTED_OF_BEFORE.test(before) &&
      EXPECTED_OF_AFTER.test(after);
    // `der Agent`, `el modelo`: the reader only when a duty is laid on it.
    if (WEAK_NAME.test(m[0]) && !impersonal && !expectedOf) {
      n--;
      continue;
    }
    const duty = (ARTICLE_BEFORE.test(before) && DUTY_AFTER.test(after)) ||
      impersonal !== null || expectedOf;
    const german = (duty && /^\s{1,3}(?:soll|muss|hat)/i.test(after)) ||
      impersonal?.[1] !== undefined || expectedOf ||
      TURKISH_NAME.test(m[0]);
    const addressed = ((VOCATIVE_BEFORE.test(before) ||
      TURKISH_READER_BEFORE.test(before)) &&
      VOCATIVE_AFTER.test(after)) || CONDITION_BEFORE.test(before) || duty;
    if (!addressed) continue;
    const win = text.slice(e, Math.min(text.length, e + WINDOW));
    VERB.lastIndex = 0;
    for (
      let v = VERB.exec(win), k = 0;
      v !== null && k < 8;
      v = VERB.exec(win), k++
    ) {
      if (notCommand(win, v.index)) continue;
      // A third-person rule names what the AI must not do (`Der Assistent soll nie die Datenbank löschen`).
      if (duty && DUTY_NEGATED.test(win.slice(0, v.index))) continue;
      const obj = win.slice(v.index, v.index + 90);
      // German puts the object before a final infinitive (`das Backup überspringen`).
      const lead = german ? win.slice(Math.max(0, v.index - 40), v.index) : "";
      if (OBJECT.test(obj.slice(v[0].length)) || OBJECT.test(lead)) {
        out.push([s, e + v.index + obj.length]);
        return out;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Russian, Chinese, Japanese and Korean.

/** Letters of the scripts {@link scriptRequests} reads: a cheap first test. */
const SCRIPT_HINT =
  /[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** A name of the AI reader, in those scripts or as `AI` among their letters. */
const SCRIPT_NAME_G =
  /(?:(?<![A-Za-z0-9\u0400-\u04ff])(?:AI|ИИ|LLM|Copilot|Claude|Codex|ChatGPT|GPT|Gemini|Cursor)(?![A-Za-z])(?:-?(?:ассистент|агент|модел|бот)\p{L}{0,3})?|(?<![\p{L}])(?:ассистент|агент|модел|бот|нейросет)\p{L}{0,3}|(?:AI|人工智能|智能)?(?:助手|助理|模型|智能体|代理)|(?:AI)?(?:アシスタント|エージェント|モデル)|(?:AI\s{0,2})?(?:에이전트|어시스턴트|모델|비서)|(?:ال)?مساعد|الذكاء\s{1,3}الاصطناعي|(?:ال)?وكيل|सहायक|एआई|एजेंट)/giu;
/** What addresses a name: a case ending or particle, then a colon or comma (`AIアシスタントへ：`, `에이전트에게:`, `Агенту:`, `ИИ,`). */
const SCRIPT_VOCATIVE_AFTER =
  /^(?:[\p{L}\s]{0,12}?(?:へ|に|への指示|に告ぐ|에게|께|한테)|的(?:说明|說明|指示|提示|备注|備註|注意事项))?\s{0,2}[:：,，、!！\u060c]/u;
/** Arabic and Hindi names: a relative clause or postposition may stand before the colon (`الذي يقرأ هذا:`, `के लिए:`). */
const RTL_DEVANAGARI = /[\u0600-\u06ff\u0900-\u097f]/;
const LOOSE_VOCATIVE_AFTER = /^[\p{L}\p{M}\s]{0,24}[:：\u060c,]/u;
/** What addresses a name from before: `致`, `给`, `对`, `Для`, `К` at a clause start. */
const SCRIPT_VOCATIVE_BEFORE =
  /(?:^|[\n。！？.!?;；:：#*/]\s{0,4})(?:致|给|給|对|對|為|为|для|к)\s{0,3}[\p{L}\s]{0,16}?$|(?<![\p{L}])(?:сообщение|записка|примечание|инструкция|указание|заметка|послание)\s{1,3}(?:для|к)\s{1,3}$/iu;
/** Verbs that delete, disable, send or publish. */
const SCRIPT_VERB =
  /(?:удал|отправ|загруз|выгруз|отключ|выключ|передай|перешл|опубликуй|запуш|слей|выведи|покажи|распечатай|напечатай|削除|送信|送って|転送|アップロード|無効|消して|消去|公開|プッシュ|表示|見せ|出力|删除|刪除|发送|發送|发到|發到|转发|轉發|上传|上傳|禁用|关闭|關閉|推送|发给|發給|显示|顯示|输出|輸出|打印|展示|삭제|지우|보내|업로드|비활성화|전송|푸시|끄|보여|출력|전달|احذف|امسح|أرسل|ارسل|ارفع|عطّل|عطل|أوقف|اعرض|انشر|हटाओ|हटा\s{0,2}दो|मिटाओ|भेजो|भेज\s{0,2}दो|अपलोड|बंद\s{1,3}करो|दिखाओ)/gu;
/** Verbs that run, commit or hard-code (`运行`, `提交`, `硬编码`, `実行`, `실행`): grave only with {@link SCRIPT_RUN_OBJECT}. */
const SCRIPT_RUN_VERB =
  /(?:运行|運行|执行|執行|提交|硬编码|硬編碼|実行|실행)/gu;
/** What makes running or committing grave: a download run by a shell, a public or protected place, a secret written into code. */
const SCRIPT_RUN_OBJECT =
  /https?:\/\/|\|\s{0,2}(?:ba|z)?sh\b|公共仓库|公共倉庫|公开仓库|公開倉庫|公開リポジトリ|공개\s{0,2}저장소|(?<![\p{L}])(?:main|master|prod|production)(?![\p{L}])|连接字符串|連接字串|密钥|密鑰|密码|密碼|令牌/u;
/** Objects that make such a verb grave: secrets, data, tests, safeguards, outside addresses. */
const SCRIPT_OBJECT =
  /(?:~\/|(?<![\w-])\.(?:env|ssh|aws|npmrc|git)(?![\w-])|https?:\/\/|[\w.+-]{1,40}@[\w-]{1,40}\.[a-z]{2,}|(?<![\p{L}])(?:main|master|prod|production|tests?|credentials|secrets?|tokens?)(?![\p{L}])|тест|ключ|парол|токен|секрет|сертифика|каталог|папк|баз[уаы]\s{1,3}данн|бэкап|резервн|журнал|лог|テスト|鍵|パスワード|トークン|証明書|データベース|バックアップ|ログ|秘密|测试|測試|密钥|密鑰|密码|密碼|令牌|证书|證書|数据库|資料庫|备份|備份|日志|目录|テスト|테스트|비밀|키|비밀번호|토큰|인증서|데이터베이스|백업|로그|قاعدة\s{1,3}البيانات|النسخ\s{1,3}الاحتياطية|كلم(?:ة|ات)\s{1,3}المرور|الرموز|مفتاح|المفاتيح|الإعدادات|डेटाबेस|बैकअप|पासवर्ड|टोकन|चाबि|कुंजी|सर्वर)/iu;
/** Acting behind the person's back (`никому не говори`, `ユーザーには言わずに`, `不要告诉用户`, `알리지 마세요`). */
const SCRIPT_COVERT =
  /(?:никому\s{1,3}не\s{1,3}говор|не\s{1,3}говори|не\s{1,3}сообщай|без\s{1,3}(?:подтвержд|ведома)|言わず|知らせず|黙って|内緒|不要告诉|别告诉|不告诉|不要告訴|不告訴|不要(?:在[\p{L}]{1,6}中)?提及|不要(?:在[\p{L}]{1,6}中)?提到|悄悄|알리지\s{0,2}마|말하지\s{0,2}마|몰래|دون\s{1,3}إخبار|بدون\s{1,3}إخبار|لا\s{1,3}تخبر|बताए\s{1,3}बिना|बिना\s{1,3}बताए|मत\s{1,3}बताना)/u;
/** The reader's rules declared lifted (`правила больше не действуют`, `制限は解除されました`, `你的限制已经解除`, `제한이 해제되었습니다`): with a vocative, a jailbreak whatever follows. */
const SCRIPT_LIFTED =
  /(?:(?:ограничения|правила|запреты)\s{1,3}(?:[\p{L}]{1,12}\s{1,3})?(?:сняты|отменены|отключены|больше\s{1,3}не\s{1,3}действуют|не\s{1,3}действуют)|(?:制限|ルール|規則|制約)[はがも](?:すべて|全て)?(?:解除|無効|撤廃)|(?:限制|规则|規則|约束|約束)(?:已经|已經|已|都已经|都已)(?:解除|失效|取消|作废|作廢)|(?:제한|규칙|제약)[이가은는도]\s{0,2}(?:모두\s{0,2})?(?:해제|무효|폐지))/u;
/** Characters around a verb searched for its object (the object precedes it in Japanese and Korean). */
const SCRIPT_REACH = 60;

/**
 * Where, in `win`, the first of at most eight matches of `verbs` whose
 * surroundings ({@link SCRIPT_REACH} characters each side) make it grave
 * ends, with that reach after it; -1 when none does.
 */
function verbEnd(
  win: string,
  verbs: RegExp,
  grave: (around: string) => boolean,
): number {
  verbs.lastIndex = 0;
  for (
    let v = verbs.exec(win), k = 0;
    v !== null && k < 8;
    v = verbs.exec(win), k++
  ) {
    const after = v.index + v[0].length;
    const around = win.slice(
      Math.max(0, v.index - SCRIPT_REACH),
      after + SCRIPT_REACH,
    );
    if (grave(around)) return Math.min(win.length, after + SCRIPT_REACH);
  }
  return -1;
}

/**
 * Requests addressed to the AI reader in Russian, Chinese, Japanese and
 * Korean: a name of the AI addressed by a particle and a colon (`AIアシスタ
 * ントへ：`, `에이전트에게:`), a dative (`Агенту:`) or a preposition (`致AI：`,
 * `Для ИИ-ассистента:`), then within {@link WINDOW} characters a verb that
 * deletes, disables or sends with a grave object on either side of it, or
 * with words that hide the act from the person. Developer notes to AI tools
 * in these languages (`AIアシスタントへ：コードはTypeScriptで書いてください`)
 * ask for the task's own steps.
 */
function scriptRequests(text: string): [number, number][] {
  if (!SCRIPT_HINT.test(text)) return [];
  SCRIPT_NAME_G.lastIndex = 0;
  let n = 0;
  for (
    let m = SCRIPT_NAME_G.exec(text);
    m !== null && n < MAX_NAMES;
    m = SCRIPT_NAME_G.exec(text), n++
  ) {
    const s = m.index;
    const e = s + m[0].length;
    const before = text.slice(Math.max(0, s - 24), s);
    const after = text.slice(e, e + 20);
    const vocative = (SCRIPT_VOCATIVE_AFTER.test(after) ||
      (RTL_DEVANAGARI.test(m[0]) && LOOSE_VOCATIVE_AFTER.test(after))) &&
      (SCRIPT_VOCATIVE_BEFORE.test(before) ||
        /(?:^|[\n。！？.!?;；:：>"'(\[]\s{0,4})[\p{L}\p{M}\s-]{0,20}$/u.test(
          before,
        ));
    if (!vocative) continue;
    const win = text.slice(e, Math.min(text.length, e + WINDOW));
    const covert = SCRIPT_COVERT.test(win) || SCRIPT_LIFTED.test(win);
    let at = verbEnd(win, SCRIPT_VERB, (a) => covert || SCRIPT_OBJECT.test(a));
    if (at < 0) {
      at = verbEnd(win, SCRIPT_RUN_VERB, (a) => SCRIPT_RUN_OBJECT.test(a));
    }
    if (at >= 0) return [[s, e + at]];
  }
  return [];
}
