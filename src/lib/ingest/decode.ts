/**
 * Bytes → text. A dropped file is decoded by ourselves with one streaming TextDecoder
 * (papaparse's `encoding` option only works for File input, and decoding chunk by chunk
 * with fresh decoders splits multi-byte characters).
 *
 * The encoding is guessed on the first bytes of the file: a BOM wins; then UTF-16 told by
 * its zero bytes; then UTF-8 (strict, or with a few damaged characters); then GB18030, Big5
 * and windows-1252 are each tried and the most plausible text wins.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5" | "windows-1252";

export const ENCODINGS: readonly TextEncodingName[] = [
  "utf-8", "utf-16le", "utf-16be", "gb18030", "big5", "windows-1252",
];

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark at the start of the sample (0 when none). */
  bomLength: number;
  /** False when the guess was a close call between legacy encodings: offer an override. */
  confident: boolean;
  /** Plausibility score of each legacy encoding tried (empty when a BOM or UTF-8 decided). */
  scores: Partial<Record<TextEncodingName, number>>;
}

/** Encodings tried, in this order, when the sample is not valid UTF-8. */
const LEGACY: readonly TextEncodingName[] = ["gb18030", "big5", "windows-1252"];

/**
 * Frequent characters of Chinese text, and CRM header words: the 300 most frequent
 * characters plus 客户编号 订单 日期 金额 满意度 推荐 评分…, the same list in simplified
 * (for GB18030) and traditional (for Big5) script. Chinese bytes decoded with the wrong
 * one of the two encodings still give CJK characters, but seldom frequent ones.
 */
const FREQUENT_SIMPLIFIED = new Set(
  "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运" +
    "客户编号订单日期金额满意度推荐评分会员用户姓名地区城市省份性别电话手机邮箱渠道类别商品产品数量单价价格状态退款退货取消已完成支付付款实付总计时间下单交易消费注册等级流失合约套餐在网时长反馈意见评论建议问题投诉咨询表扬服务响应解决元码男女否北京上海广州深圳杭州，。、：（）",
);
const FREQUENT_TRADITIONAL = new Set(
  "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己製身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運" +
    "客戶編號訂單日期金額滿意度推薦評分會員用戶姓名地區城市省份性別電話手機郵箱渠道類別商品產品數量單價價格狀態退款退貨取消已完成支付付款實付總計時間下單交易消費註冊等級流失合約方案在網時長回饋意見評論建議問題投訴諮詢表揚服務回應解決元碼男女否台北台中高雄新竹桃園，。、：（）",
);

const SCORE_REPLACEMENT = -20; // U+FFFD: the bytes are invalid in this encoding
const SCORE_CONTROL = -10; // C0/C1 controls (bar TAB, CR, LF) and private-use characters
const SCORE_FREQUENT = 5; // a frequent Chinese character of this encoding's script
const SCORE_CJK = 1; // any other CJK ideograph
/** In windows-1252 text, a non-ASCII character next to an ASCII letter: "Café", "Müller", "It’s". */
const SCORE_LATIN_IN_WORD = 3;
/** A winner this far ahead of the runner-up (two frequent characters' worth) is confident. */
const CONFIDENT_MARGIN = 10;

/**
 * Guess the encoding of the first bytes of a file.
 *
 * Worked example: the GBK bytes of "客户编号" (BF CD BB A7 B1 E0 BA C5) are valid Big5 and
 * windows-1252 too, but only GB18030 reads four frequent characters (4 × (5 + 1) = 24);
 * Big5 reads four rare ideographs (4 × 1), windows-1252 eight symbols and letters none of
 * which is next to an ASCII letter (0). GB18030 wins by 20 ≥ 10: confident.
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  const bom = bomOf(sample);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, confident: true, scores: {} };
  const utf16 = utf16ByZeroBytes(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, confident: true, scores: {} };
  const utf8 = utf8Damage(sample);
  if (utf8 === "clean") return { encoding: "utf-8", bomLength: 0, confident: true, scores: {} };
  // A few damaged characters (a cut or corrupted byte) do not make a UTF-8 file another encoding.
  if (utf8 === "damaged") return { encoding: "utf-8", bomLength: 0, confident: false, scores: {} };
  const scores: Partial<Record<TextEncodingName, number>> = {};
  const ranked = LEGACY.map((encoding) => {
    const text = new TextDecoder(encoding).decode(sample, { stream: true });
    const score = plausibility(text, encoding);
    scores[encoding] = score;
    return { encoding, score };
  }).sort((a, b) => b.score - a.score);
  const [best, second] = ranked as [{ encoding: TextEncodingName; score: number }, { score: number }];
  return {
    encoding: best.encoding,
    bomLength: 0,
    confident: best.score > 0 && best.score - second.score >= CONFIDENT_MARGIN,
    scores,
  };
}

/** Bytes looked at for UTF-16's zero bytes. */
const UTF16_PROBE_BYTES = 4096;

/**
 * UTF-16 without a BOM (some Windows tools write it): the text of a CSV is mostly ASCII —
 * delimiters, digits, dates — whose UTF-16 code units have a zero high byte. When at least
 * 30 % of the bytes at odd offsets are zero and hardly any at even offsets, the high bytes
 * come second: little-endian; the other way round, big-endian. No other encoding we read
 * puts zero bytes in text (a binary file has them everywhere).
 */
function utf16ByZeroBytes(sample: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(sample.length, UTF16_PROBE_BYTES) & ~1;
  if (length < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  const pairs = length / 2;
  if (zeroOdd >= 0.3 * pairs && zeroEven <= 0.02 * pairs) return "utf-16le";
  if (zeroEven >= 0.3 * pairs && zeroOdd <= 0.02 * pairs) return "utf-16be";
  return null;
}

/**
 * "clean" for valid UTF-8; "damaged" when at most one character in 20 of the non-ASCII
 * ones is invalid (a truncated or corrupted UTF-8 file: its bad bytes become U+FFFD and are
 * reported as bad_encoding); null otherwise. Legacy text seldom forms valid UTF-8
 * sequences: GBK or Big5 bytes read as UTF-8 give far more invalid characters than valid.
 */
function utf8Damage(sample: Uint8Array): "clean" | "damaged" | null {
  // stream: true holds back a multi-byte character cut at the end of the sample.
  const text = new TextDecoder("utf-8").decode(sample, { stream: true });
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) invalid++;
    else if (code >= 0x80) valid++;
  }
  if (invalid === 0) return "clean";
  return invalid * 20 <= valid ? "damaged" : null;
}

function bomOf(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** How much `text` looks like real text in `encoding`; ASCII scores 0 (it reads the same in all). */
function plausibility(text: string, encoding: TextEncodingName): number {
  const frequent = encoding === "gb18030" ? FREQUENT_SIMPLIFIED : encoding === "big5" ? FREQUENT_TRADITIONAL : null;
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) score += SCORE_CONTROL;
      continue;
    }
    if (code === 0xfffd) score += SCORE_REPLACEMENT;
    else if (code < 0xa0 || (code >= 0xe000 && code <= 0xf8ff)) score += SCORE_CONTROL;
    else if (code >= 0x4e00 && code <= 0x9fff) score += frequent?.has(text[i] as string) ? SCORE_FREQUENT + SCORE_CJK : SCORE_CJK;
    else if (frequent?.has(text[i] as string)) score += SCORE_FREQUENT; // full-width punctuation
    else if (encoding === "windows-1252" && (isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiLetter(text.charCodeAt(i + 1)))) {
      score += SCORE_LATIN_IN_WORD;
    }
  }
  return score;
}

const isAsciiLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

export interface StreamDecoder {
  /** Text of this chunk; a character cut at the chunk's end comes out with the next chunk. */
  decode(chunk: Uint8Array): string;
  /** Whatever is left (a cut character at the very end becomes U+FFFD). */
  end(): string;
}

/**
 * One TextDecoder for the whole file, non-fatal (invalid bytes become U+FFFD, which the
 * value checks then report), with a BOM at the start removed.
 */
export function createStreamDecoder(encoding: TextEncodingName): StreamDecoder {
  // ignoreBOM keeps U+FEFF so that one rule strips it for every encoding (GB18030 has one too).
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  let atStart = true;
  const stripBom = (text: string): string => {
    if (!atStart || text === "") return text;
    atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  return {
    decode: (chunk) => stripBom(decoder.decode(chunk, { stream: true })),
    end: () => stripBom(decoder.decode()),
  };
}
