/**
 * Structural cues of an injected instruction, independent of its wording:
 * who a sentence addresses (an AI, "you"), whether it commands (an
 * imperative verb opening a clause), and what it targets (the reader's
 * rules, prompt, secrets, tools or answer), plus frame breaks (role labels,
 * fake end-of-data markers), concealment, deception, authority and
 * persona or memory tricks. Developer text shares the words but seldom
 * their combination in one sentence aimed at the reader.
 *
 * {@link cueTokens} names the cues of a chunk: each cue present, and each
 * pair of cues met in one sentence. The classifier
 * (`injection_model.ts`) hashes these names as extra features, so the
 * logistic model weighs combinations ("addressee + override + rules") that
 * carry across phrasings and languages: the cue lists below hold the few
 * key words in English, Spanish, French, German, Portuguese, Italian,
 * Dutch, Polish, Turkish, Swedish, Indonesian, Vietnamese, Russian,
 * Chinese, Japanese and Korean. Digits for letters (`1gn0re`) and Cyrillic
 * or Greek look-alike letters are read as Latin first.
 *
 * Pure, no I/O; the regexes have bounded or single quantifiers over
 * disjoint classes, and the work is linear in the (bounded) chunk length.
 *
 * @module
 */

/** Cue names, indexed by bit. */
const CUES = [
  "addr", // an AI reader named
  "you", // second person
  "imp", // an imperative verb opening a clause
  "override", // ignore, disregard, forget, bypass, rescind ...
  "rules", // instructions, rules, guidance, constraints ...
  "prior", // previous, earlier, initial, original ...
  "reveal", // print, reveal, recite, dump, paste ...
  "self", // prompt, preamble, setup text, configuration, hidden ...
  "secret", // password, token, key, credentials, .env ...
  "send", // send, post, upload, forward, bcc, attach ...
  "outside", // a URL, an e-mail address or an IP in the sentence
  "act", // run, execute, delete, approve, merge, transfer ...
  "conceal", // quietly, without asking, don't mention ...
  "deceive", // even if, regardless, claim, say that ...
  "auth", // approved, authorised, urgent, CISO ...
  "persona", // act as, pretend, role-play, mode, unfiltered ...
  "persist", // from now on, remember, always, next time ...
  "frame", // role labels, fake markers, end of data
  "reader", // reading this, whoever, note to, if you are an ...
  "safeguard", // safety, filters, checks, confirmation, review ...
  "meta", // talk about attacks: attacker, injection, example, test ...
  "answer", // your reply, response, summary, review, report ...
  "neg", // never, not, don't, must not ...
  "modal", // must, should, shall, needs to, is required to ...
  "request", // please, kindly, could you, would you mind ...
  "quote", // a quotation mark in the sentence
  "error", // error, fatal, panic, failed ... anywhere in the chunk
  "follow", // follow, obey, comply, respect, heed ...
] as const;

const ADDR = 0, YOU = 1, IMP = 2, OVERRIDE = 3, RULES = 4, PRIOR = 5;
const REVEAL = 6, SELF = 7, SECRET = 8, SEND = 9, OUTSIDE = 10, ACT = 11;
const CONCEAL = 12, DECEIVE = 13, AUTH = 14, PERSONA = 15, PERSIST = 16;
const FRAME = 17, READER = 18, SAFEGUARD = 19, META = 20, ANSWER = 21;
const NEG = 22, MODAL = 23, REQUEST = 24, QUOTE = 25, ERROR = 26;
const FOLLOW = 27;
/** What a command may target: the reader's rules, prompt, secrets, tools, answer or persona. */
const TARGETS = (1 << OVERRIDE) | (1 << RULES) | (1 << REVEAL) | (1 << SELF) |
  (1 << SECRET) | (1 << SEND) | (1 << OUTSIDE) | (1 << ACT) | (1 << CONCEAL) |
  (1 << DECEIVE) | (1 << PERSONA) | (1 << PERSIST) | (1 << SAFEGUARD) |
  (1 << ANSWER) | (1 << NEG);
/** Cues of the whole chunk that pair with every cue of the chunk, not only of their sentence. */
const CONTEXT_CUES = (1 << ERROR) | (1 << FRAME);

/** Words (lower case) per cue. */
const WORD_LISTS: [number, string][] = [
  [
    ADDR,
    "ai a.i llm llms gpt chatgpt claude codex copilot gemini cursor devin bot bots chatbot chatbots assistant assistants agent agents model models " +
    "helper summariser summarizer summarisers summarizers automation automations " +
    // es fr de pt it nl pl tr sv id vi ru
    "ia ki asistente asistentes assistente assistent assistentin modelo modèle modell agente agenti " +
    "asystent asystencie asystencie asystentka yapay asisten trợ~lý ии ассистент ассистенту агент модель бот",
  ],
  [
    YOU,
    "you your yours yourself you're you've you'll u ur " +
    "tu tus tú te ti usted vous votre vos toi tes ton ta du dein deine deinen deiner dir dich sie ihre " +
    "você seu sua suas teus tua tuo tuoi jij je jouw uw ty twoje twoich swoje sen senin du dina dig din kamu anda bạn " +
    "ты твои твоих свои своим тебе вы ваши",
  ],
  [
    OVERRIDE,
    "ignore ignoring disregard forget override overrule bypass discard scrap void null rescind rescinded revoke revoked " +
    "withdraw withdrawn supersede superseded supersedes obsolete stale outdated expired suspend suspended lift lifted " +
    "abandon drop skip circumvent disable disabled deactivate unlock unlocked jailbreak nullify overwrite replace replaced " +
    "descarte descarta descartez ignorez ignoriert overlook neglect " +
    "ignora ignorar ignore ignorez ignoriere ignorieren olvida olvide oublie oubliez esqueça esqueca dimentica dimentichi " +
    "vergiss vergessen negeer vergeet zignoruj zapomnij unut yoksay bortse glöm abaikan lupakan bỏ~qua " +
    "игнорируй проигнорируй забудь игнорировать забудьте игнорируйте проигнорируйте " +
    "ignoreer ignorera ignorați ignoră ignorati uitați ignoriert ignorieren",
  ],
  [
    RULES,
    "instruction instructions rule rules guideline guidelines guidance directive directives constraint constraints " +
    "order orders policy policies restriction restrictions limit limits programming brief briefing prompt prompts " +
    "instrucciones instrucción reglas directrices normas consignes règles regles anweisungen anweisung regeln vorgaben richtlinien " +
    "istruzioni regole instruções instrucoes regras diretrizes instructies regels polecenia zasady instrukcje talimatları talimat kuralları " +
    "instruktioner regler instruksi aturan hướng~dẫn quy~tắc правила инструкции указания указаний инструкций " +
    "instrucțiunile instrucțiuni regulile indicazioni kurallarını talimatlarını zasad zasadami regels richtlijnen " +
    "규칙을 지침을",
  ],
  [
    PRIOR,
    "previous prior earlier above preceding initial original old existing standing startup former past " +
    "anteriores anterior précédentes précédente precedenti vorherigen bisherigen früheren vorher eerdere vorige " +
    "wcześniejsze poprzednie önceki tidigare sebelumnya trước предыдущие прежние предыдущих anterioare",
  ],
  [
    REVEAL,
    "reveal print show output recite repeat echo paste dump disclose leak expose display quote list spell read write " +
    "reprint restate print type tell give " +
    "muestra mostrar revela affiche montre révèle zeig zeige gib verrate mostra rivela mostre revele toon laat pokaż wyświetl " +
    "göster yaz visa tampilkan tunjukkan hiển~thị покажи выведи раскрой покажите выведите " +
    "afișați afișează arată skriv toon",
  ],
  [
    SELF,
    "prompt prompts preamble setup configuration config hidden confidential initial system boot instructions operating " +
    "systemprompt systemprompten sistema système systeme istemini istemi",
  ],
  [
    SECRET,
    "password passwords passphrase secret secrets token tokens key keys credential credentials cookie cookies " +
    "env ssh id_rsa id_ed25519 pgpass kubeconfig netrc npmrc ssn ssns cvv 2fa otp apikey " +
    "passwd shadow environ gnupg keychain wallet seed mnemonic " +
    "contraseña contraseñas clave claves de~passe jeton passwort passwörter zugangsdaten schlüssel senha senhas chave chaves " +
    "wachtwoord hasło hasła şifre şifresini şifreyi lösenord kata~sandi mật~khẩu пароль пароли ключ ключи токен",
  ],
  [
    SEND,
    "send post upload forward email e-mail mail bcc cc attach share transmit submit exfiltrate push commit publish " +
    "export leak dm message wire beam sync append embed " +
    "envía envia enviar envoie envoyez schick schicke sende senden invia inviare envie enviar stuur wyślij prześlij " +
    "gönder skicka kirim gửi отправь отправьте перешли перешлите trimite trimiteți",
  ],
  [
    ACT,
    "run execute invoke trigger call delete remove wipe erase destroy drop truncate disable approve merge deploy install " +
    "apply grant transfer pay refund chmod rm curl sudo create add set close open fetch kick fire issue unset " +
    "ejecuta borra elimina exécute supprime lösche führe esegui cancella execute apague exclua voer verwijder uruchom usuń " +
    "çalıştır sil kör radera jalankan hapus chạy xóa выполни удали запусти выполните удалите " +
    "șterge ștergeți rulează",
  ],
  [
    CONCEAL,
    "quietly silently secretly covertly discreetly unnoticed hide hidden omit conceal " +
    "silencio silencieusement heimlich segretamente",
  ],
  [
    DECEIVE,
    "regardless claim pretend lie falsely anyway swap swapping replacing instead verbatim",
  ],
  [
    AUTH,
    "approved pre-approved preapproved authorised authorized authorise authorize permitted cleared sanctioned " +
    "urgent urgently immediately asap ciso cto ceo admin administrator operator owner official verified " +
    "autorizado autorisé genehmigt autorizzato",
  ],
  [
    PERSONA,
    "pretend roleplay role-play persona character simulate impersonate mode unfiltered unrestricted uncensored " +
    "jailbroken dan game",
  ],
  [
    PERSIST,
    "remember memorise memorize memory permanently permanent lasting future henceforth forever always onward onwards",
  ],
  [
    READER,
    "whoever whichever reading processing parsing summarising summarizing indexing ingesting attention " +
    "reader readers automated autonomous transcribing crawling scraping debugging grading drafting shopping " +
    "triaging filling fixing handling crawler crawlers",
  ],
  [
    SAFEGUARD,
    "safety safe filter filters filtering guardrail guardrails restriction restrictions moderation safeguard safeguards " +
    "check checks confirmation confirm confirmations review reviews approval approvals verification mfa protection " +
    "refuse refusal refusals refusing disclaimer disclaimers caveat caveats warnings " +
    "tests ci hook hooks pre-push pre-commit gate audit sign-off 2fa",
  ],
  [
    META,
    "attack attacks attacker attackers injection injections example examples e.g malicious adversarial phishing " +
    "test tests fixture eval evals red-team detect detection detector detects expect payload payloads scanner",
  ],
  [
    ANSWER,
    "reply response answer summary summaries review report verdict output message chat conversation " +
    "rispondi responde réponds antworte 回复",
  ],
  [
    NEG,
    "never not don't dont doesn't mustn't shouldn't cannot can't won't no nor nunca jamais nie niemals nicht",
  ],
  [
    MODAL,
    "must should shall ought required instructed expected supposed obliged " +
    "debe deve doit muss sollte deveria",
  ],
  [
    REQUEST,
    "please kindly pls plz mind lovely grateful appreciate por favor bitte s'il",
  ],
  [
    FOLLOW,
    "follow obey comply respect honour honor heed adhere abide listen " +
    "sigas sigue cumplas cumple obedezcas obedece respetes suis suivez écoute écoutez respecte respectez obéis " +
    "befolge beachte folge gehorche segui seguire rispetta rispettare obbedisci siga sigam obedeça obedeca cumpra " +
    "volg gehoorzaam przestrzegaj słuchaj uy dinle följ lyd ikuti patuhi tuân следуй соблюдай слушайся подчиняйся",
  ],
  [
    ERROR,
    "error errors err fatal panic failed failure traceback exception warning warn critical denied corrupted " +
    "invalid expired",
  ],
];

/** Two-word phrases per cue (words joined by one space). */
const PHRASES: [number, string[]][] = [
  [OVERRIDE, [
    "set aside",
    "throw out",
    "no longer",
    "null and",
    "and void",
    "wipe the",
    "clean slate",
    "start fresh",
    "start over",
    "not apply",
    "longer apply",
    "turn off",
    "switch off",
    "stop following",
    "stop honouring",
    "stop honoring",
    "deixe de",
    "ne tiens",
    "tiens plus",
    "no sigas",
    "bỏ qua",
    "не следуй",
  ]],
  [CONCEAL, [
    "without asking",
    "without telling",
    "without showing",
    "without mentioning",
    "without confirmation",
    "without approval",
    "without checking",
    "don't mention",
    "dont mention",
    "not mention",
    "never mention",
    "don't tell",
    "not tell",
    "no need",
    "between us",
    "leave out",
    "sin preguntar",
    "sans demander",
    "sem perguntar",
    "senza chiedere",
  ]],
  [DECEIVE, [
    "even if",
    "even though",
    "no matter",
    "say that",
    "state that",
    "claim that",
    "tell them",
    "whatever the",
    "the lowest",
    "the highest",
    "top rated",
    "as correct",
  ]],
  [PERSONA, [
    "act as",
    "behave like",
    "behave as",
    "take on",
    "point on",
    "you play",
    "be called",
    "respond only",
    "you are",
    "you're now",
    "are now",
    "play a",
    "let's play",
    "speak as",
    "answer as",
    "respond as",
    "stay in",
    "in character",
  ]],
  [PERSIST, [
    "from now",
    "now on",
    "rest of",
    "next time",
    "all future",
    "every time",
    "a partir",
    "every reply",
    "every response",
    "every answer",
    "every file",
    "every message",
    "all replies",
    "later sessions",
  ]],
  [OVERRIDE, [
    "new instructions",
    "new task",
    "new rules",
    "real task",
    "actual task",
    "real request",
    "real instructions",
    "true goal",
    "anything goes",
    "no restrictions",
    "no limits",
    "no rules",
    "doesn't apply",
    "don't apply",
    "considered fulfilled",
    "dikkate alma",
    "nie stosuj",
    "ya no",
  ]],
  [SAFEGUARD, ["start your", "begin your", "not refuse"]],
  [DECEIVE, [
    "use exactly",
    "those words",
    "only say",
    "just say",
    "reply only",
    "summarise this",
    "summarize this",
  ]],
  [CONCEAL, [
    "keep it off",
    "off the record",
    "keep this off",
    "off the minutes",
    "no avises",
    "nicht sagen",
  ]],
  [OUTSIDE, [
    "outside address",
    "external address",
    "personal address",
    "this address",
    "address below",
    "following address",
    "dit adres",
    "este correo",
  ]],
  [READER, [
    "note to",
    "to any",
    "to whoever",
    "for any",
    "if you",
    "you are",
    "reading this",
    "processing this",
    "lit ceci",
    "lees dit",
  ]],
  [AUTH, [
    "signed off",
    "right now",
    "within the",
    "the hour",
    "elevated privileges",
    "my permission",
    "permission to",
    "have permission",
    "are allowed",
    "agree to",
    "consent to",
    "your developer",
    "your developers",
    "your creator",
    "your creators",
    "your operator",
    "your owner",
    "the maintainer",
    "priority directive",
  ]],
  [MODAL, ["needs to", "need to", "have to", "has to", "are to", "is to"]],
  [REQUEST, ["could you", "would you", "can you", "if you", "you could"]],
  [DECEIVE, [
    "best choice",
    "the best",
    "full marks",
    "most expensive",
    "any comparison",
    "as certified",
    "is original",
    "flaws only",
    "replace with",
    "change every",
    "but replace",
    "but change",
    "swap the",
  ]],
  [SECRET, [
    "api key",
    "access key",
    "private key",
    "backup codes",
    "payment card",
    "credit card",
    "saved card",
    "training data",
    "verification codes",
  ]],
  [SELF, ["system message", "system prompt", "setup message", "setup text"]],
];

/** Strings found by substring in texts with CJK or Hangul letters (no spaces between words). */
const CJK_LISTS: [number, string[]][] = [
  [ADDR, [
    "助手",
    "人工智能",
    "ai",
    "アシスタント",
    "モデル",
    "エージェント",
    "에이전트",
    "어시스턴트",
    "모델",
    "智能体",
  ]],
  [YOU, ["你", "您", "あなた", "君", "당신", "너"]],
  [OVERRIDE, [
    "忽略",
    "无视",
    "無視",
    "不要理会",
    "不理会",
    "忘记",
    "忘掉",
    "破棄",
    "忘れ",
    "무시",
    "따르지 말",
    "잊어",
  ]],
  [RULES, [
    "指示",
    "规则",
    "設定",
    "设定",
    "指令",
    "ルール",
    "命令",
    "지침",
    "지시",
    "규칙",
  ]],
  [PRIOR, [
    "之前",
    "以前",
    "先前",
    "以上",
    "上面",
    "これまで",
    "前の",
    "上記",
    "기존",
    "이전",
    "위의",
  ]],
  [REVEAL, [
    "显示",
    "输出",
    "告诉我",
    "表示",
    "出力",
    "教えて",
    "보여",
    "알려",
    "출력",
  ]],
  [SELF, ["系统提示", "提示词", "システムプロンプト", "시스템 프롬프트"]],
  [SECRET, [
    "密码",
    "密钥",
    "令牌",
    "パスワード",
    "秘密鍵",
    "環境変数",
    "トークン",
    "비밀번호",
    "키",
    "토큰",
  ]],
  [SEND, ["发送", "发给", "送って", "送信", "보내", "전송"]],
  [ACT, ["执行", "删除", "実行", "削除", "실행", "삭제"]],
  [CONCEAL, ["不要告诉", "别告诉", "内緒", "黙って", "알리지 말"]],
];

/** Imperative verbs that open a command (English; other languages count through their cue words). */
const IMPERATIVES = new Set(
  ("ignore disregard forget override bypass discard drop skip disable reveal print show output recite repeat echo " +
    "paste dump disclose leak expose display quote list send post upload forward email bcc attach share submit " +
    "push commit publish run execute invoke trigger call delete remove wipe erase destroy approve merge deploy " +
    "install apply grant transfer pay refund create add set close open fetch kick fire tell say state claim " +
    "describe classify mark rank score give include put insert append write read obey follow treat consider " +
    "pretend act become adopt simulate imagine enable remember memorise memorize record store save stop start " +
    "reply respond answer change replace cat copy grab take download visit navigate click press confirm begin " +
    "continue proceed do make use reprint restate spell encode decode translate")
    .split(" "),
);

/** Words that may stand before the verb of a command (`please run`, `now delete`). */
const SOFTENERS = new Set(
  "please kindly now just also then first quickly simply immediately quietly silently go ahead and"
    .split(" "),
);

/** Cyrillic and Greek letters that look Latin. */
const LOOKALIKE: Record<string, string> = {
  "а": "a",
  "е": "e",
  "о": "o",
  "р": "p",
  "с": "c",
  "у": "y",
  "х": "x",
  "і": "i",
  "ј": "j",
  "ѕ": "s",
  "ԁ": "d",
  "һ": "h",
  "ο": "o",
  "α": "a",
  "ε": "e",
  "ι": "i",
  "ν": "v",
  "τ": "t",
  "κ": "k",
};
/** Digits and signs read as letters inside words (`1gn0re`, `s3cr3ts`). */
const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  "$": "s",
};

let WORD_CUES: Map<string, number> | undefined;
let PHRASE_CUES: Map<string, number> | undefined;
/** First words of the phrases (a pair is looked up only after one). */
let PHRASE_FIRST: Set<string> | undefined;
/** Names of the single cues and of the pairs (index i * 32 + j), built once. */
const CUE_NAMES = CUES.map((c) => `c:${c}`);
const PAIR_NAMES: string[] = [];
for (let i = 0; i < CUES.length; i++) {
  for (let j = i + 1; j < CUES.length; j++) {
    PAIR_NAMES[i * 32 + j] = `p:${CUES[i]}+${CUES[j]}`;
  }
}
/** The (who, how) prefixes of the triples, in the order they are listed. */
const WHO_HOW = [
  "addr+imp",
  "addr+modal",
  "addr+request",
  "you+imp",
  "you+modal",
  "you+request",
];
const pairs = new Uint32Array(32);
const triples = new Uint32Array(WHO_HOW.length);

function tables(): [Map<string, number>, Map<string, number>, Set<string>] {
  if (WORD_CUES && PHRASE_CUES && PHRASE_FIRST) {
    return [WORD_CUES, PHRASE_CUES, PHRASE_FIRST];
  }
  const words = new Map<string, number>();
  for (const [bit, list] of WORD_LISTS) {
    for (const w of list.split(" ")) {
      if (!w) continue;
      // Two-word entries ("trợ~lý", "de~passe") are looked up as word pairs.
      const key = w.replace("~", " ");
      words.set(key, (words.get(key) ?? 0) | (1 << bit));
    }
  }
  const phrases = new Map<string, number>();
  for (const [bit, list] of PHRASES) {
    for (const p of list) phrases.set(p, (phrases.get(p) ?? 0) | (1 << bit));
  }
  // Two-word entries of the word lists are phrases too.
  for (const [k, v] of words) {
    if (k.includes(" ")) phrases.set(k, (phrases.get(k) ?? 0) | v);
  }
  const first = new Set<string>();
  for (const k of phrases.keys()) first.add(k.slice(0, k.indexOf(" ")));
  WORD_CUES = words;
  PHRASE_CUES = phrases;
  PHRASE_FIRST = first;
  return [words, phrases, first];
}

/** Words: letters, digits, the signs leetspeak uses inside words, one inner apostrophe, dot or hyphen. */
const WORD_RE = /[\p{L}\p{M}\p{N}@$_]+(?:['’.-][\p{L}\p{M}\p{N}]+)?/gu;
/** {@link WORD_RE} on ASCII text. */
const ASCII_WORD_RE = /[a-z0-9@$_]+(?:['.-][a-z0-9]+)?/g;

/** A full stop, question or exclamation mark (ASCII or CJK): a sentence ends after a run of them and a space. */
function isSentenceMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 ||
    c === 0xff1f;
}

/** White space after a sentence mark (or the end of the text). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 ||
    c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
    c === 0xfeff;
}

/** Clause breaks: colon, semicolon, comma, dash, bracket, quote, markup. */
const CLAUSE_MARKS = new Set(
  [...';:,()[]{}<>"`*#|-\u2014\u2013\u201c\u201d\uff0c\uff1a\uff1b\u3001'].map((
    c,
  ) => c.charCodeAt(0)),
);
const isClauseMark = (c: number): boolean => CLAUSE_MARKS.has(c);
/** A token joined by hyphens or underscores (`copilot-workspace`, `llm_instructions`). */
const COMPOUND_RE = /[a-z\u00c0-\u024f][-_'’][a-z\u00c0-\u024f]/;
const COMPOUND_SPLIT = /[-_'’]/;
const HAS_LEET = /[0-9@$]/;
const LEET_RE = /[0-9@$]/g;
const HEX_WORD_RE = /^[0-9a-f]{5,}$/;
const NON_ASCII_RE = /[\u0080-\uffff]/;
const HAS_LETTER = /[a-z]/;
const LOOKALIKE_RE = /[аеорсухіјѕԁһοαειντκ]/g;
const LATIN_RE = /[a-z]/;
const CJK_RE = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** A quotation mark (straight double, curly, guillemets, CJK corners). */
const QUOTE_RE = /["“”«»「」]/;
/** A URL, an e-mail address, an IPv4 address or a reserved example domain. */
const OUTSIDE_G =
  /https?:\/\/|\bwww\.|[\w.-]@[\w-]{1,63}\.[a-z]|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|\.example\b/gi;
/** Role labels at a line start, chat-template tokens and fake end-of-data markers. */
const FRAME_G =
  /(?:^|\n)[ \t]{0,4}(?:system|assistant|human|user|developer|admin|operator)[ \t]{0,2}:|<\|[a-z_]{1,20}\|>|\[\/?inst\]|<<\/?sys>>|\[system|###|```[ \t]{0,2}system|<\/(?:article|document|context|data|input|user|body|html)>|\bend of (?:the )?(?:[a-z]{1,12} )?(?:document|data|file|context|input|text|content|message|prompt)|(?:^|\n)[ \t]{0,4}(?:thought|action|observation)[ \t]{0,2}:|\bbegin (?:system|new|developer)/gi;

/** The word as read plainly: look-alike letters and digits-for-letters replaced. */
function plainWord(w: string, ascii: boolean): string {
  let t = w;
  if (!ascii && LATIN_RE.test(t) && NON_ASCII_RE.test(t)) {
    t = t.replace(LOOKALIKE_RE, (c) => LOOKALIKE[c] ?? c);
  }
  if (HAS_LEET.test(t) && HAS_LETTER.test(t) && !HEX_WORD_RE.test(t)) {
    t = t.replace(LEET_RE, (c) => LEET[c] ?? c);
  }
  return t;
}

/** Endings whose plural adds "es" (`pushes`, `boxes`). */
const ES_PLURAL = /(?:s|x|z|ch|sh)es$/;

/**
 * Cue bits of an English word by its stem (`posts`, `uploaded`, `deleting`,
 * `rules'`): the cue lists hold base forms. Imperatives are not stemmed.
 */
function stemCues(cues: Map<string, number>, w: string): number | undefined {
  if (w.length < 5) return undefined;
  if (w.endsWith("s")) {
    return cues.get(w.slice(0, -1)) ??
      (ES_PLURAL.test(w) ? cues.get(w.slice(0, -2)) : undefined);
  }
  if (w.endsWith("ed")) {
    return cues.get(w.slice(0, -2)) ?? cues.get(w.slice(0, -1));
  }
  if (w.endsWith("ing")) {
    return cues.get(w.slice(0, -3)) ?? cues.get(`${w.slice(0, -3)}e`);
  }
  return undefined;
}

/** Offsets where a global regex matches in `t` (at most `max`). */
function positions(re: RegExp, t: string, max: number): number[] {
  re.lastIndex = 0;
  const out: number[] = [];
  for (let m = re.exec(t); m !== null && out.length < max; m = re.exec(t)) {
    out.push(m.index + (m[0].startsWith("\n") ? 1 : 0));
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Cue bits found by substring in a sentence with CJK or Hangul letters. */
function cjkBits(sentence: string): number {
  let bits = 0;
  for (const [bit, list] of CJK_LISTS) {
    for (const s of list) {
      if (sentence.includes(s)) {
        bits |= 1 << bit;
        break;
      }
    }
  }
  return bits;
}

/** Most sentences of one chunk read for cues (chunks are short; this bounds hostile ones). */
const MAX_SENTENCES = 64;

/**
 * The cue names of a chunk of text, in a fixed order: `c:NAME` for each
 * cue present, `p:A+B` for each pair of cues met in one sentence (an error
 * or a frame break pairs across the chunk), and `t:WHO+HOW+WHAT` for a
 * sentence that tells an AI or "you" (imperative, modal or request) to do
 * something to a target.
 */
export function cueTokens(text: string): string[] {
  const ascii = !NON_ASCII_RE.test(text);
  const t = ascii ? text.toLowerCase() : text.normalize("NFKC").toLowerCase()
    .replace(/[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g, "");
  const [wordCues, phraseCues, phraseFirst] = tables();
  const outside = positions(OUTSIDE_G, t, 32);
  const frames = positions(FRAME_G, t, 32);
  const cjk = !ascii && CJK_RE.test(t);
  const leet = HAS_LEET.test(t);
  let all = 0;
  // pairs[i]: the cues j > i met with cue i in one sentence.
  pairs.fill(0);
  // triples[k]: the targets met with the k-th (who, how) of WHO_HOW.
  triples.fill(0);
  let bits = 0;
  let from = 0;
  let sentences = 0;
  let prev = "";
  let opening = true;
  let lead = 0;
  const endSentence = (to: number) => {
    if (QUOTE_RE.test(t.slice(from, to))) bits |= 1 << QUOTE;
    for (const at of outside) if (at >= from && at < to) bits |= 1 << OUTSIDE;
    for (const at of frames) if (at >= from && at < to) bits |= 1 << FRAME;
    if (cjk) bits |= cjkBits(t.slice(from, to));
    all |= bits;
    // Who is told (an AI, "you"), how (an imperative, a modal, a request)
    // and what about: one sentence holding all three.
    const who = bits & (1 << ADDR) ? 0 : bits & (1 << YOU) ? 1 : -1;
    const how = bits & (1 << IMP)
      ? 0
      : bits & (1 << MODAL)
      ? 1
      : bits & (1 << REQUEST)
      ? 2
      : -1;
    if (who >= 0 && how >= 0) triples[who * 3 + how] |= bits & TARGETS;
    if ((bits & (bits - 1)) !== 0) {
      for (let rest = bits; rest !== 0; rest &= rest - 1) {
        const i = 31 - Math.clz32(rest & -rest);
        pairs[i] |= bits & ~((2 << i) - 1);
      }
    }
    bits = 0;
    from = to;
    sentences++;
  };
  const re = ascii ? ASCII_WORD_RE : WORD_RE;
  re.lastIndex = 0;
  let last = 0;
  /** Reads the separators in t[last, end): sentence ends and clause breaks. */
  const gap = (end: number): boolean => {
    for (let i = last; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === 10 || isSentenceMark(c)) {
        if (c !== 10) {
          while (i + 1 < end && isSentenceMark(t.charCodeAt(i + 1))) i++;
          const next = i + 1 < t.length ? t.charCodeAt(i + 1) : 32;
          if (!isSpace(next)) continue;
        }
        prev = "";
        opening = true;
        lead = 0;
        endSentence(i + 1);
        if (sentences >= MAX_SENTENCES) return false;
      } else if (isClauseMark(c)) {
        prev = "";
        opening = true;
        lead = 0;
      }
    }
    return true;
  };
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    if (!gap(m.index)) break;
    last = m.index + m[0].length;
    // A mention reaches its name (`@assistant`, `@codex-bot`).
    const raw = m[0].charCodeAt(0) === 64 && m[0].length > 1
      ? m[0].slice(1)
      : m[0];
    let w = (leet && HAS_LEET.test(raw)) || !ascii
      ? plainWord(raw, ascii)
      : raw;
    // A 1 stands for an i or an l (`1gn0re`, `ru1es`).
    if (w !== raw && !wordCues.has(w) && raw.includes("1")) {
      const l = plainWord(raw.replaceAll("1", "l"), ascii);
      if (wordCues.has(l)) w = l;
    }
    const c = wordCues.get(w) ?? stemCues(wordCues, w);
    if (c !== undefined) bits |= c;
    else if (w.length > 3 && COMPOUND_RE.test(w)) {
      // copilot-workspace, next_action_for_agent, n'écoute: the parts speak too.
      for (const part of w.split(COMPOUND_SPLIT)) {
        const pc = wordCues.get(part);
        if (pc !== undefined) bits |= pc;
      }
    }
    if (prev && phraseFirst.has(prev)) {
      const p = phraseCues.get(`${prev} ${w}`);
      if (p !== undefined) bits |= p;
    }
    if (opening) {
      // An imperative verb opening the clause (softeners skipped).
      if (IMPERATIVES.has(w)) {
        bits |= 1 << IMP;
        opening = false;
      } else if (!SOFTENERS.has(w) || ++lead > 3) opening = false;
    }
    prev = w;
  }
  if (sentences < MAX_SENTENCES && gap(t.length)) {
    if (sentences < MAX_SENTENCES) endSentence(t.length);
  }
  // An error or a frame break sets the scene for the whole chunk (`ERROR:
  // ... . To fix it, the agent must run ...`): it pairs with every cue.
  const context = all & CONTEXT_CUES;
  if (context) {
    for (let i = 0; i < CUES.length; i++) {
      if (context & (1 << i)) {
        pairs[i] |= all & ~((2 << i) - 1);
      } else if (all & (1 << i)) pairs[i] |= context & ~((2 << i) - 1);
    }
  }
  const out: string[] = [];
  for (let i = 0; i < CUES.length; i++) {
    if (all & (1 << i)) out.push(CUE_NAMES[i]);
  }
  for (let i = 0; i < CUES.length; i++) {
    for (let rest = pairs[i]; rest !== 0; rest &= rest - 1) {
      out.push(PAIR_NAMES[i * 32 + 31 - Math.clz32(rest & -rest)]);
    }
  }
  for (let k = 0; k < WHO_HOW.length; k++) {
    for (let rest = triples[k]; rest !== 0; rest &= rest - 1) {
      const j = 31 - Math.clz32(rest & -rest);
      out.push(`t:${WHO_HOW[k]}+${CUES[j]}`);
    }
  }
  return out;
}
