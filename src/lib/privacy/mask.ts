/**
 * Masking of personal data for privacy mode (a trainer projecting real customers): one
 * function per kind of value, pure, applied where names, emails and phones are shown or
 * exported. The masks keep enough to tell rows apart and hide enough not to identify anyone:
 *
 *   maskName("张小明") → "张*明"      maskName("张三") → "张*"      maskName("John King") → "J*** K***"
 *   maskEmail("john.king@qq.com") → "j***@qq.com"
 *   maskPhone("13812345678") → "138****5678"      maskPhone("+86 138-1234-5678") → "+86 1**-****-5678"
 *
 * Latin names keep only initials with a fixed "***" (the length of a name is a clue too);
 * Chinese names keep the first and last character, as Chinese services mask them.
 */

export type PiiKind = "name" | "email" | "phone";

export const PII_KINDS: readonly PiiKind[] = ["name", "email", "phone"];

const STARS = "***";

/** Han characters (CJK ideographs, extensions included) and the middle dot of transliterated names. */
const HAN = /[\p{Script=Han}·・]/u;
const LETTER = /\p{L}/u;

/** 张小明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明, 张 → *. Counts code points, not UTF-16 units. */
function maskHan(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** John → J***; a word without a letter (a stray "-") is kept as it is. */
function maskWord(word: string): string {
  const first = [...word].find((c) => LETTER.test(c));
  return first === undefined ? word : `${first}${STARS}`;
}

/** A person's name: Chinese names keep their first and last character, others their initials. */
export function maskName(name: string): string {
  const text = name.trim();
  if (!text) return name;
  // A Chinese name, even written with a space (李 小明), is masked as one string.
  if (HAN.test(text) && !/[A-Za-z]/.test(text)) return maskHan(text.replace(/\s+/g, ""));
  return text
    .split(/\s+/)
    .map((word) => (HAN.test(word) ? maskHan(word) : maskWord(word)))
    .join(" ");
}

/** j***@x.com: the first character of the mailbox, the domain kept; text that is not an address is masked as a word. */
export function maskEmail(email: string): string {
  const text = email.trim();
  if (!text) return email;
  const at = text.lastIndexOf("@");
  if (at <= 0) return maskWord(text);
  return `${[...text][0]}${STARS}${text.slice(at)}`;
}

/**
 * The first 3 and last 4 digits of a number of 10 or more digits are kept, the others
 * starred in place (separators and a leading + stay); shorter numbers keep only their last
 * 2 digits, and numbers of 4 digits or fewer are starred whole.
 */
export function maskPhone(phone: string): string {
  const digits = (phone.match(/\d/g) ?? []).length;
  if (digits === 0) return phone.trim() ? maskWord(phone.trim()) : phone;
  const head = digits >= 10 ? 3 : 0;
  const tail = digits >= 10 ? 4 : digits > 4 ? 2 : 0;
  let seen = 0;
  return phone.replace(/\d/g, (digit) => {
    seen++;
    return seen <= head || seen > digits - tail ? digit : "*";
  });
}

export const MASKS: Readonly<Record<PiiKind, (value: string) => string>> = { name: maskName, email: maskEmail, phone: maskPhone };

/** The value masked as `kind` when it is text; numbers, NULL and the rest pass unchanged (a phone stored as a number is masked as text). */
export function maskValue<T>(kind: PiiKind, value: T): T | string {
  if (typeof value === "string") return MASKS[kind](value);
  if (typeof value === "number" && kind === "phone") return maskPhone(String(value));
  return value;
}

/** A copy of `row` with the named fields masked by their kind: maskFields(member, { name: "name", email: "email" }). */
export function maskFields<T extends object>(row: T, fields: Partial<Record<keyof T & string, PiiKind>>): T {
  const copy = { ...row } as Record<string, unknown>;
  for (const [field, kind] of Object.entries(fields) as [string, PiiKind][]) copy[field] = maskValue(kind, copy[field]);
  return copy as T;
}
