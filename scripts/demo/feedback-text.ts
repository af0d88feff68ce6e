/**
 * Comment templates for feedback.csv, in English, simplified and traditional Chinese,
 * tied to the category and to how the customer scored (detractor / passive / promoter),
 * so that the words separating detractors from promoters are the ones a trainer expects:
 * 物流太慢, 退款很慢, 客服态度差, damaged … against 发货很快, 质量很好, helpful staff …
 *
 * Templates contain no double quotes and no line breaks; those are planted separately
 * (see PLANTED_COMMENTS) so that tests can count them.
 */
import type { Rng } from "./prng.ts";

export type Language = "en" | "zh-Hans" | "zh-Hant";
export type Sentiment = "detractor" | "passive" | "promoter";
export type FeedbackCategory = "complaint" | "suggestion" | "praise" | "inquiry";

/** One sentence in the three languages: [English, 简体, 繁體]. */
type Phrase = readonly [string, string, string];

const DETRACTOR_COMPLAINTS: readonly Phrase[] = [
  ["Delivery took more than a week, far too slow.", "物流太慢，等了一个多星期。", "物流太慢，等了一個多星期。"],
  ["Late delivery again, the parcel sat in the warehouse for days.", "又是延迟发货，包裹在仓库放了好几天。", "又是延遲發貨，包裹在倉庫放了好幾天。"],
  ["Refund is very slow, still nothing after two weeks.", "退款很慢，两个星期了还没到账。", "退款很慢，兩個星期了還沒到帳。"],
  ["Customer service was rude and did not solve anything.", "客服态度差，问题一直没解决。", "客服態度差，問題一直沒解決。"],
  ["The item arrived damaged, the box was crushed.", "收到的商品有破损，包装都压坏了。", "收到的商品有破損，包裝都壓壞了。"],
  ["Wrong size sent, and the exchange process is a hassle.", "发错了尺码，换货流程太麻烦。", "發錯了尺碼，換貨流程太麻煩。"],
  ["Nobody answered the hotline for half an hour.", "电话一直打不通，等了半个小时。", "電話一直打不通，等了半個小時。"],
  ["Stopped working after three days, poor quality.", "用了三天就坏了，质量太差。", "用了三天就壞了，品質太差。"],
  ["Return was refused without any reason.", "退货被拒绝，也没有说明理由。", "退貨被拒絕，也沒有說明理由。"],
];

const PASSIVE_COMPLAINTS: readonly Phrase[] = [
  ["Delivery was a bit slow, but the product is fine.", "物流有点慢，不过东西还行。", "物流有點慢，不過東西還行。"],
  ["The refund came through in the end, took a while.", "退款最后到了，就是时间有点长。", "退款最後到了，就是時間有點長。"],
  ["Packaging was damaged but the item itself is okay.", "外包装有点破，商品本身没问题。", "外包裝有點破，商品本身沒問題。"],
];

const PROMOTER_COMPLAINTS: readonly Phrase[] = [
  ["Had a problem with my order, but it was solved quickly. Thanks!", "订单出了点问题，但很快就解决了，谢谢！", "訂單出了點問題，但很快就解決了，謝謝！"],
  ["Replacement arrived the next day, great service.", "换货第二天就到了，服务很好。", "換貨第二天就到了，服務很好。"],
];

const INQUIRIES: readonly Phrase[] = [
  ["When will my order ship?", "请问什么时候发货？", "請問什麼時候發貨？"],
  ["Can I change the delivery address?", "可以修改收货地址吗？", "可以修改收貨地址嗎？"],
  ["Is this product still in stock?", "这个商品还有货吗？", "這個商品還有貨嗎？"],
  ["How do I use my member points?", "会员积分怎么使用？", "會員積分怎麼使用？"],
  ["Do you issue invoices for company purchases?", "公司采购可以开发票吗？", "公司採購可以開發票嗎？"],
];

const SUGGESTIONS: readonly Phrase[] = [
  ["Please add more payment options.", "建议增加更多支付方式。", "建議增加更多付款方式。"],
  ["Evening delivery slots would help a lot.", "希望可以增加晚间配送。", "希望可以增加晚間配送。"],
  ["Less plastic in the packaging, please.", "包装可以更环保一些，少用塑料。", "包裝可以更環保一些，少用塑膠。"],
  ["The app search could be smarter.", "APP的搜索功能可以再优化一下。", "APP的搜尋功能可以再優化一下。"],
  ["More sizes for the popular items.", "热门商品希望多出几个尺码。", "熱門商品希望多出幾個尺碼。"],
];

const PROMOTER_PRAISE: readonly Phrase[] = [
  ["Fast delivery, arrived the next day!", "发货很快，第二天就到了！", "發貨很快，第二天就到了！"],
  ["Great quality, will buy again.", "质量很好，会回购。", "品質很好，會回購。"],
  ["Helpful staff, they solved my problem quickly.", "客服很耐心，问题很快就解决了。", "客服很有耐心，問題很快就解決了。"],
  ["Good value, and the member discount is generous.", "性价比高，会员优惠很划算。", "性價比高，會員優惠很划算。"],
  ["Beautiful packaging, perfect as a gift.", "包装很精美，送人很合适。", "包裝很精美，送人很合適。"],
  ["Recommended it to my friends already.", "已经推荐给朋友了。", "已經推薦給朋友了。"],
];

const PASSIVE_PRAISE: readonly Phrase[] = [
  ["Good overall, nothing special.", "整体还不错，中规中矩。", "整體還不錯，中規中矩。"],
  ["Decent quality but a little pricey.", "质量不错，就是价格有点贵。", "品質不錯，就是價格有點貴。"],
  ["Delivery was average, product as described.", "物流一般，东西和描述一致。", "物流一般，東西和描述一致。"],
];

function bank(category: FeedbackCategory, sentiment: Sentiment): readonly Phrase[] {
  switch (category) {
    case "complaint":
      return sentiment === "detractor" ? DETRACTOR_COMPLAINTS : sentiment === "passive" ? PASSIVE_COMPLAINTS : PROMOTER_COMPLAINTS;
    case "praise":
      return sentiment === "promoter" ? PROMOTER_PRAISE : PASSIVE_PRAISE;
    case "inquiry":
      return INQUIRIES;
    case "suggestion":
      return SUGGESTIONS;
  }
}

const LANGUAGE_INDEX: Record<Language, 0 | 1 | 2> = { en: 0, "zh-Hans": 1, "zh-Hant": 2 };

/** A comment of one or (sometimes) two sentences; Chinese sentences are joined without a space. */
export function commentFor(rng: Rng, category: FeedbackCategory, sentiment: Sentiment, language: Language): string {
  const phrases = bank(category, sentiment);
  const first = rng.pick(phrases);
  const parts = [first[LANGUAGE_INDEX[language]]];
  if (rng.chance(0.25)) {
    const second = rng.pick(phrases);
    if (second !== first) parts.push(second[LANGUAGE_INDEX[language]]);
  }
  return parts.join(language === "en" ? " " : "");
}

/**
 * Comments planted on chosen rows to exercise CSV quoting: three contain double quotes
 * (two of them a comma as well), two contain a line break.
 */
export const PLANTED_COMMENTS = {
  quotes: [
    'The courier marked it "delivered", but nothing arrived.',
    '客服说"马上处理"，结果三天都没人理。',
    'Box said "fragile" and still came crushed, again.',
  ],
  newlines: ["Arrived late.\nSecond time this month, please fix it.", "质量很好。\n下次还会再来！"],
} as const;
