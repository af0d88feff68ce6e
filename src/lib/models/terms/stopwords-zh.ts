/**
 * Chinese stop words, simplified and traditional forms side by side: particles, pronouns,
 * conjunctions and degree adverbs that Intl.Segmenter returns as words of their own.
 * Negations (不, 没, 沒, 没有, 沒有) are deliberately absent: "不好用" must stay visible.
 */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  `的 地 得 了 着 著 过 過 是 在 有 和 与 與 及 或 而 也 都 就 还 還 又 再 才 很 太 最 更 挺 比较 比較 非常 特别 特別
  我 你 您 他 她 它 我们 我們 你们 你們 他们 他們 她们 她們 大家 自己 这 這 那 这个 這個 那个 那個 这些 這些 那些
  这样 這樣 那样 那樣 个 個 些 吗 嗎 呢 吧 啊 呀 哦 喔 嘛 啦 么 麼 什么 什麼 怎么 怎麼 因为 因為 所以 但是 但
  可是 如果 就是 还是 還是 已经 已經 一个 一個 一下 一些 会 會 能 要 想 让 讓 把 被 给 給 对 對 从 從 到 向
  为 為 于 於 以 之 其 此 等`.split(/\s+/),
);
