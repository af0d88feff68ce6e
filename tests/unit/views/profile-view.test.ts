/** Plain helpers of the customer's file and the channel mix: channel icons, outcome colours, the file's link. */
import { describe, expect, it } from "vitest";
import { channelIcon } from "../../../src/views/profile/channel-icon.ts";
import { customerHref } from "../../../src/views/profile/profile-link.ts";
import { outcomeTones } from "../../../src/views/overview/outcome-tone.ts";
import { DEFAULT_URL_STATE, parseHash } from "../../../src/lib/state/url-state.ts";

describe("channel icons", () => {
  it.each([
    ["WeChat", "wechat"], ["微信", "wechat"], ["企业微信", "wechat"],
    ["SMS", "sms"], ["短信", "sms"], ["簡訊", "sms"],
    ["Email", "email"], ["e-mail campaign", "email"], ["邮件", "email"], ["電郵", "email"],
    ["App push", "app"], ["Mobile app", "app"], ["小程序", "app"],
    ["Phone", "phone"], ["Outbound call", "phone"], ["电话", "phone"], ["熱線", "phone"],
    ["Live chat", "chat"], ["Online chat", "chat"], ["在线客服", "chat"],
    ["Online store", "web"], ["Website", "web"], ["官网", "web"],
    ["Store visit", "store"], ["Retail store", "store"], ["门店", "store"], ["門市", "store"],
    ["Weibo", "social"], ["抖音", "social"],
    ["Carrier pigeon", "other"], ["", "other"], [null, "other"],
  ] as const)("%s → %s", (channel, icon) => {
    expect(channelIcon(channel)).toBe(icon);
  });
});

describe("outcome colours", () => {
  it("gives successes greens, nothing-happened greys and the rest blues, each in turn", () => {
    expect(outcomeTones(["no response", "purchased", "resolved", "opened", "clicked"])).toEqual([10, 0, 1, 2, 3]);
    expect(outcomeTones(["未回复", "已成交", "未解决", null, "咨询"])).toEqual([10, 0, 9, 10, 2]);
    expect(outcomeTones(["not purchased", "unresolved"])).toEqual([10, 9]);
  });
});

describe("the link to a customer's file", () => {
  it("keeps the page and its state and adds the customer, which the hash gives back", () => {
    const url = { ...DEFAULT_URL_STATE, page: "churn" as const, lang: "zh-CN" as const, region: ["华东"] };
    const href = customerHref(url, "C 07/&");
    expect(href.startsWith("#/churn?")).toBe(true);
    expect(parseHash(href)).toEqual({ ...url, customer: "C 07/&" });
  });
});
