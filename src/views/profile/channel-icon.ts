/**
 * Which icon a touchpoint's channel gets: the channel text of the file (English or
 * Chinese, any case) matched by words, so "WeChat", "微信" and "wechat mini program" share
 * one. Worked example: "Store visit" → store, "短信" → sms, "Carrier pigeon" → other.
 */
export const CHANNEL_ICONS = ["wechat", "phone", "sms", "email", "app", "store", "web", "chat", "social", "other"] as const;
export type ChannelIcon = (typeof CHANNEL_ICONS)[number];

/** Checked in this order: "smartphone app" is an app, not a phone; "online chat" a chat; "online store" is the web, "store visit" a store. */
const WORDS: readonly [ChannelIcon, RegExp][] = [
  ["wechat", /wechat|weixin|微信|企微|企业微信|企業微信/],
  ["sms", /\bsms\b|text message|短信|簡訊|简讯/],
  ["email", /e-?mail|\bedm\b|邮件|郵件|邮箱|郵箱|电邮|電郵/],
  ["app", /\bapp\b|push|小程序|應用|应用|推送/],
  ["phone", /phone|\bcall\b|telephone|hotline|电话|電話|热线|熱線|外呼/],
  ["chat", /\bchat\b|客服|在线咨询|在線諮詢|\bim\b/],
  ["web", /web|online|官网|官網|网站|網站|网页|網頁|线上|線上/],
  ["store", /store|shop|visit|branch|门店|門店|门市|門市|到店|线下|線下/],
  ["social", /weibo|微博|douyin|抖音|xiaohongshu|小红书|小紅書|facebook|instagram|social|社交/],
];

export function channelIcon(channel: string | null | undefined): ChannelIcon {
  const text = (channel ?? "").toLowerCase();
  if (!text.trim()) return "other";
  return WORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? "other";
}
