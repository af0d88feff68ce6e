/**
 * Colours of touchpoint outcomes in the channel mix, so that the bars read at a glance:
 * outcomes that sound like success (purchased, resolved, 成交) in greens, those that sound
 * like nothing happened (no response, failed, 未回复) in greys, the rest in blues and
 * purples. The words are guesses over free text; an outcome they miss is just a colour.
 *
 * Worked example: ["no response", "purchased", "resolved", "opened", "clicked"] →
 * [10, 0, 1, 2, 3] (grey, deep green, teal, blue, indigo).
 */
const NOTHING = /\bno\b|\bnot\b|unanswer|ignor|bounce|fail|unsubscri|declin|reject|unresolv|lost|未回复|未回覆|无响应|無回應|未接|未解决|未解決|失败|失敗|退订|退訂|拒绝|拒絕/;
const SUCCESS = /purchas|bought|order|convert|resolv|solved|success|won|accept|book|成交|购买|購買|下单|下單|转化|轉化|解决|解決|成功/;

/** Palette indexes (charts/palette.ts) handed out in turn within each kind. */
const TONES = { success: [0, 1], nothing: [10, 9], other: [2, 3, 4, 5, 6, 8, 7] } as const;

export function outcomeTones(outcomes: readonly (string | null)[]): number[] {
  const used = { success: 0, nothing: 0, other: 0 };
  return outcomes.map((outcome) => {
    const text = (outcome ?? "").toLowerCase();
    const kind = outcome === null || NOTHING.test(text) ? "nothing" : SUCCESS.test(text) ? "success" : "other";
    const tones = TONES[kind];
    return tones[used[kind]++ % tones.length] as number;
  });
}
