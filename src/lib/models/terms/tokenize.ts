/**
 * Comment text → terms, for English and Chinese alike. Words come from the browser's
 * `Intl.Segmenter` (granularity "word"; ICU picks its dictionary by script, so Chinese is
 * segmented whatever the locale), keeping only word-like segments, lower-cased, without
 * numbers, single Latin letters and stop words. Phrases are pairs of kept words that stand
 * next to each other in the text — separated by nothing or by spaces only; punctuation, a
 * stop word or a number between them breaks the pair. A phrase is written as it stands in
 * the (lower-cased) text with its spaces collapsed, so it can be found again in the comment.
 * ICU returns a Chinese word missing from its dictionary as single characters (客|服);
 * adjacent single characters that are not stop words are joined back into one word.
 *
 * Worked examples:
 *   "Delivery was SLOW, the driver was rude" → words [delivery, slow, driver, rude],
 *     phrases [] ("was" and "the" are stop words, the comma breaks "slow, driver").
 *   "Slow delivery again!" → words [slow, delivery], phrases ["slow delivery"] ("again" is a stop word).
 *   "物流太慢了，客服态度很差。" → words [物流, 太慢, 客服, 态度, 差] (ICU gives 客|服; 了 and
 *     很 are stop words), phrases [物流太慢, 客服态度] (了, ， and 很 break the others).
 *   "Paid 3 times" → words [paid, times]; the number breaks the phrase.
 */
import { CHINESE_STOP_WORDS } from "./stopwords-zh.ts";
import { ENGLISH_STOP_WORDS } from "./stopwords-en.ts";

export interface CommentTerms {
  words: string[];
  phrases: string[];
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Digits with their separators: "3", "2.5", "1,200", "50%", "１２". */
const NUMBER = /^[\p{N}.,:/%'+-]+$/u;
const SINGLE_LATIN_LETTER = /^\p{Script=Latin}$/u;
const NOT_SPACE = /\S/;

export function isStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word) || CHINESE_STOP_WORDS.has(word);
}

function isTerm(word: string): boolean {
  return !NUMBER.test(word) && !SINGLE_LATIN_LETTER.test(word) && !isStopWord(word);
}

/** Lower case, with typographic apostrophes made plain so "can’t" and "can't" are one word. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

interface Word {
  start: number;
  end: number;
  /** Made of single Han characters only, which ICU's dictionary gives for a word it does not know (客|服, 回|购). */
  unknownHan: boolean;
}

const SINGLE_HAN = /^\p{Script=Han}$/u;

export function tokenize(text: string): CommentTerms {
  const lower = normalizeText(text);
  // Kept words in text order; null marks a break (punctuation, a stop word, a number).
  const kept: (Word | null)[] = [];
  for (const { segment, index, isWordLike } of segmenter.segment(lower)) {
    if (!isWordLike) {
      if (NOT_SPACE.test(segment)) kept.push(null);
      continue;
    }
    if (!isTerm(segment)) {
      kept.push(null);
      continue;
    }
    const single = SINGLE_HAN.test(segment);
    const previous = kept[kept.length - 1];
    // Single characters written together are put back together: 客|服 → 客服.
    if (single && previous?.unknownHan && previous.end === index) previous.end = index + segment.length;
    else kept.push({ start: index, end: index + segment.length, unknownHan: single });
  }
  const words: string[] = [];
  const phrases: string[] = [];
  kept.forEach((word, i) => {
    if (!word) return;
    words.push(lower.slice(word.start, word.end));
    const before = kept[i - 1];
    if (before) phrases.push(lower.slice(before.start, word.end).replace(/\s+/g, " "));
  });
  return { words, phrases };
}
