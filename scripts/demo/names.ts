/**
 * Names, e-mail addresses and phone numbers for the demo customers.
 *
 * Chinese names are a common surname plus a one- or two-character given name
 * (张伟, 王芳, 李娜, 刘子豪 …), with pinyin kept alongside so that the e-mail address looks
 * like what the person would pick (wang.fang@163.com). English names are a first and a
 * last name. Weights follow the rough frequency of the surnames.
 */
import type { Rng } from "./prng.ts";

export type Gender = "Female" | "Male";

/** [hanzi, pinyin, weight] — the most common surnames, weighted roughly by population share. */
const CHINESE_SURNAMES: readonly (readonly [string, string, number])[] = [
  ["王", "wang", 7.1], ["李", "li", 7.0], ["张", "zhang", 6.7], ["刘", "liu", 5.4], ["陈", "chen", 4.5],
  ["杨", "yang", 3.1], ["黄", "huang", 2.2], ["赵", "zhao", 2.0], ["吴", "wu", 2.0], ["周", "zhou", 1.9],
  ["徐", "xu", 1.5], ["孙", "sun", 1.5], ["马", "ma", 1.4], ["朱", "zhu", 1.3], ["胡", "hu", 1.2],
  ["郭", "guo", 1.2], ["何", "he", 1.1], ["林", "lin", 1.1], ["高", "gao", 1.1], ["罗", "luo", 0.9],
  ["郑", "zheng", 0.9], ["梁", "liang", 0.9], ["谢", "xie", 0.8], ["宋", "song", 0.7], ["唐", "tang", 0.7],
  ["许", "xu", 0.7], ["韩", "han", 0.7], ["冯", "feng", 0.6], ["邓", "deng", 0.6], ["曹", "cao", 0.6],
  ["彭", "peng", 0.6], ["曾", "zeng", 0.5], ["肖", "xiao", 0.5], ["田", "tian", 0.5], ["董", "dong", 0.5],
  ["潘", "pan", 0.4], ["袁", "yuan", 0.4], ["蔡", "cai", 0.4], ["蒋", "jiang", 0.4], ["余", "yu", 0.4],
  ["叶", "ye", 0.4], ["程", "cheng", 0.4], ["魏", "wei", 0.4], ["苏", "su", 0.4], ["沈", "shen", 0.3],
];

/** Given-name characters [hanzi, pinyin], by gender. Two-character names combine two of them. */
const CHINESE_GIVEN: Record<Gender, readonly (readonly [string, string])[]> = {
  Female: [
    ["芳", "fang"], ["娜", "na"], ["敏", "min"], ["静", "jing"], ["丽", "li"], ["艳", "yan"], ["娟", "juan"],
    ["霞", "xia"], ["婷", "ting"], ["雪", "xue"], ["琳", "lin"], ["慧", "hui"], ["洁", "jie"], ["玲", "ling"],
    ["倩", "qian"], ["颖", "ying"], ["欣", "xin"], ["悦", "yue"], ["雨", "yu"], ["萱", "xuan"], ["佳", "jia"],
    ["梅", "mei"], ["晶", "jing"], ["燕", "yan"], ["红", "hong"], ["思", "si"], ["怡", "yi"], ["诗", "shi"],
    ["梦", "meng"], ["晓", "xiao"], ["琪", "qi"], ["秀", "xiu"], ["英", "ying"], ["婉", "wan"],
  ],
  Male: [
    ["伟", "wei"], ["强", "qiang"], ["磊", "lei"], ["军", "jun"], ["洋", "yang"], ["勇", "yong"], ["杰", "jie"],
    ["涛", "tao"], ["明", "ming"], ["超", "chao"], ["刚", "gang"], ["平", "ping"], ["辉", "hui"], ["鹏", "peng"],
    ["浩", "hao"], ["宇", "yu"], ["轩", "xuan"], ["博", "bo"], ["文", "wen"], ["斌", "bin"], ["俊", "jun"],
    ["晨", "chen"], ["天", "tian"], ["凯", "kai"], ["亮", "liang"], ["建", "jian"], ["峰", "feng"], ["志", "zhi"],
    ["子", "zi"], ["豪", "hao"], ["华", "hua"], ["国", "guo"], ["嘉", "jia"], ["睿", "rui"],
  ],
};

const ENGLISH_FIRST: Record<Gender, readonly string[]> = {
  Female: [
    "Emma", "Olivia", "Sophia", "Emily", "Grace", "Chloe", "Lily", "Hannah", "Sarah", "Jessica",
    "Amy", "Rachel", "Laura", "Kate", "Anna", "Mia", "Zoe", "Lucy", "Helen", "Nicole",
    "Vivian", "Cindy", "Fiona", "Irene", "Joyce", "Tiffany", "Wendy", "Yvonne",
  ],
  Male: [
    "James", "John", "David", "Michael", "Daniel", "Thomas", "William", "Peter", "Andrew", "Kevin",
    "Jason", "Eric", "Tony", "Ryan", "Mark", "Brian", "Steven", "Alex", "Henry", "Jack",
    "Leo", "Oscar", "Sam", "Vincent", "Frank", "Allen", "Edward", "Martin",
  ],
};

const ENGLISH_LAST: readonly string[] = [
  "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Roberts", "Walker",
  "Wright", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Clarke",
  "Lewis", "Jackson", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Baker",
  "Miller", "Anderson", "Martin", "Lee", "Wong", "Chan", "Cheung", "Ng", "Tan", "Lim",
];

export interface PersonName {
  name: string;
  gender: Gender;
  /** Lower-case ASCII parts used to build an e-mail address: [family, given]. */
  family: string;
  given: string;
  chinese: boolean;
}

export function chineseName(rng: Rng, gender: Gender): PersonName {
  const [surname, surnamePinyin] = rng.weighted(CHINESE_SURNAMES.map(([h, p, w]) => [[h, p] as const, w] as const));
  const chars = CHINESE_GIVEN[gender];
  // About 45 % of given names have one character (张伟), the rest two (刘子豪).
  const count = rng.chance(0.45) ? 1 : 2;
  let given = "";
  let givenPinyin = "";
  for (let i = 0; i < count; i++) {
    const [h, p] = rng.pick(chars);
    given += h;
    givenPinyin += p;
  }
  return { name: surname + given, gender, family: surnamePinyin, given: givenPinyin, chinese: true };
}

export function englishName(rng: Rng, gender: Gender): PersonName {
  const first = rng.pick(ENGLISH_FIRST[gender]);
  const last = rng.pick(ENGLISH_LAST);
  return { name: `${first} ${last}`, gender, family: last.toLowerCase(), given: first.toLowerCase(), chinese: false };
}

const CHINESE_MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ["qq.com", 30], ["163.com", 25], ["126.com", 10], ["sina.com", 6], ["foxmail.com", 6],
  ["gmail.com", 10], ["outlook.com", 8], ["139.com", 5],
];
const ENGLISH_MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ["gmail.com", 35], ["outlook.com", 20], ["hotmail.com", 12], ["icloud.com", 10], ["yahoo.com", 8], ["qq.com", 8],
  ["163.com", 7],
];

/** A plausible, well-formed address; `taken` keeps addresses unique across customers. */
export function emailFor(rng: Rng, person: PersonName, taken: Set<string>): string {
  const domain = rng.weighted(person.chinese ? CHINESE_MAIL_DOMAINS : ENGLISH_MAIL_DOMAINS);
  const { family, given } = person;
  let local: string;
  const style = rng.int(0, 4);
  if (person.chinese && domain === "qq.com" && rng.chance(0.5)) {
    local = String(rng.int(10_000_000, 2_999_999_999)); // a QQ number
  } else if (style === 0) {
    local = person.chinese ? `${family}.${given}` : `${given}.${family}`;
  } else if (style === 1) {
    local = `${family}${given}${rng.int(1, 99)}`;
  } else if (style === 2) {
    local = `${given}.${family}`;
  } else if (style === 3) {
    local = `${given.charAt(0)}${family}${rng.int(80, 99)}`;
  } else {
    local = `${given}_${family}${rng.int(1990, 2005)}`;
  }
  let address = `${local}@${domain}`;
  while (taken.has(address)) address = `${local}${rng.int(1, 999)}@${domain}`;
  taken.add(address);
  return address;
}

/**
 * The ways a real export gets an e-mail address wrong, each applied to one planted
 * customer (index into this list = planted case number).
 */
export const EMAIL_CORRUPTIONS: readonly ((valid: string) => string)[] = [
  (e) => e.slice(0, e.indexOf("@") + 1), // "wang.fang@"   — domain missing
  (e) => e.replace("@", "@@"), // "li.na@@qq.com" — doubled @
  (e) => e.replace("@", "."), // "zhangwei.163.com" — no @
  (e) => (/^[^@]*\./.test(e) ? e.replace(".", " ") : e.replace("@", " @")), // "john smith@gmail.com" — a space
  (e) => e.replace(/\.[a-z]+$/, ""), // "chen.jie@qq" — no top-level domain
  (e) => e.slice(e.indexOf("@")), // "@outlook.com" — local part missing
];

/** Mainland mobile prefixes (China Mobile, Unicom, Telecom). */
const MOBILE_PREFIXES = [
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
  "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "183", "186", "187", "188",
  "189", "198", "199",
];

/** A valid mobile number, mostly written 138-1234-5678, some +86 139 1234 5678 or 13912345678. */
export function phoneFor(rng: Rng): string {
  const prefix = rng.pick(MOBILE_PREFIXES);
  const mid = String(rng.int(0, 9999)).padStart(4, "0");
  const end = String(rng.int(0, 9999)).padStart(4, "0");
  const style = rng.weighted([["dash", 75], ["intl", 15], ["plain", 10]] as const);
  if (style === "dash") return `${prefix}-${mid}-${end}`;
  if (style === "intl") return `+86 ${prefix} ${mid} ${end}`;
  return `${prefix}${mid}${end}`;
}

/** Planted invalid phone numbers (too short, too long, letters, a hotline). */
export const INVALID_PHONES: readonly string[] = [
  "138-1234-567", // 10 digits
  "12345", // far too short
  "+86 139 1234 56789", // 12 digits
  "400-820-8820", // a company hotline, not a personal mobile
  "1380013800a", // a letter typed in
];
