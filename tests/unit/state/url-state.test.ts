import { describe, expect, it } from "vitest";
import { chooseOnly, DEFAULT_URL_STATE, MAX_LINK_FILES, parseHash, serialiseHash, type UrlState } from "../../../src/lib/state/url-state.ts";
import { clvFromUrl, clvToUrl, sameSettings, settingsFromUrl } from "../../../src/lib/state/settings.ts";
import { DEFAULT_CLV, DEFAULT_SETTINGS } from "../../../src/lib/db/protocol.ts";

const state = (patch: Partial<UrlState>): UrlState => ({ ...DEFAULT_URL_STATE, ...patch });

describe("parseHash", () => {
  it("reads an empty hash as the Overview with defaults", () => {
    expect(parseHash("")).toEqual(DEFAULT_URL_STATE);
    expect(parseHash("#/")).toEqual(DEFAULT_URL_STATE);
    expect(parseHash("#")).toEqual(DEFAULT_URL_STATE);
  });

  it("reads every key", () => {
    expect(
      parseHash("#/churn?asof=2024-06-30&unit=week&churn_days=60&lang=zh-TW&theme=dark&from=2024-01-01&to=2024-03-31&region=North,South&channel=web&segment=Champions,At%20Risk&tier=Gold"),
    ).toEqual(
      state({
        page: "churn",
        asof: "2024-06-30",
        unit: "week",
        churnDays: 60,
        lang: "zh-TW",
        theme: "dark",
        from: "2024-01-01",
        to: "2024-03-31",
        region: ["North", "South"],
        channel: ["web"],
        segment: ["Champions", "At Risk"],
        tier: ["Gold"],
      }),
    );
  });

  it.each([
    ["unknown page", "#/nowhere?lang=en", state({ lang: "en" })],
    ["unknown key", "#/data?foo=bar&lang=zh-CN", state({ page: "data", lang: "zh-CN" })],
    ["impossible date", "#/?asof=2024-02-30", state({})],
    ["date in another shape", "#/?from=2024/01/05&to=05-01-2024", state({})],
    ["unknown unit", "#/?unit=month", state({})],
    ["churn_days zero", "#/?churn_days=0", state({})],
    ["churn_days not a number", "#/?churn_days=abc", state({})],
    ["churn_days negative", "#/?churn_days=-30", state({})],
    ["churn_days fractional", "#/?churn_days=30.5", state({})],
    ["churn_days too large", "#/?churn_days=99999", state({})],
    ["unknown language", "#/?lang=fr", state({})],
    ["language in the wrong case", "#/?lang=zh-cn", state({})],
    ["unknown theme", "#/?theme=blue", state({})],
    ["broken percent-encoding", "#/?region=%E4%B8", state({})],
    ["empty list items", "#/?region=,North,,", state({ region: ["North"] })],
    ["duplicate list items", "#/?tier=Gold,Gold", state({ tier: ["Gold"] })],
    ["horizon zero", "#/value?horizon=0", state({ page: "value" })],
    ["horizon fractional", "#/value?horizon=30.5", state({ page: "value" })],
    ["horizon too long", "#/value?horizon=3651", state({ page: "value" })],
    ["clv_months zero", "#/value?clv_months=0", state({ page: "value" })],
    ["clv_months negative", "#/value?clv_months=-12", state({ page: "value" })],
    ["clv_months too long", "#/value?clv_months=601", state({ page: "value" })],
    ["discount of 100 %", "#/value?discount=1", state({ page: "value" })],
    ["discount negative", "#/value?discount=-0.01", state({ page: "value" })],
    ["discount as a percentage sign", "#/value?discount=1%25", state({ page: "value" })],
    ["discount in exponent form", "#/value?discount=1e-2", state({ page: "value" })],
    ["margin zero", "#/value?margin=0", state({ page: "value" })],
    ["margin above 100 %", "#/value?margin=1.5", state({ page: "value" })],
    ["margin not a number", "#/value?margin=abc", state({ page: "value" })],
    ["frt zero", "#/satisfaction?frt=0", state({ page: "satisfaction" })],
    ["frt fractional", "#/satisfaction?frt=7.5", state({ page: "satisfaction" })],
    ["frt beyond a week", "#/satisfaction?frt=10081", state({ page: "satisfaction" })],
    ["rt negative", "#/satisfaction?rt=-24", state({ page: "satisfaction" })],
    ["rt beyond a year", "#/satisfaction?rt=8761", state({ page: "satisfaction" })],
    ["unknown score", "#/satisfaction?score=ltv", state({ page: "satisfaction" })],
    ["score in the wrong case", "#/satisfaction?score=NPS", state({ page: "satisfaction" })],
    ["score_by with SQL in it", "#/satisfaction?score_by=region%3BDROP", state({ page: "satisfaction" })],
    ["score_by with three parts", "#/satisfaction?score_by=a.b.c", state({ page: "satisfaction" })],
  ])("drops %s", (_name, hash, expected) => {
    expect(parseHash(hash)).toEqual(expected);
  });

  it("accepts a hash without the leading slash and with a trailing one", () => {
    expect(parseHash("#data/").page).toBe("data");
  });

  it("reads the Value page's CLV settings", () => {
    expect(parseHash("#/value?unit=week&horizon=30&clv_months=24&discount=0.015&margin=0.3")).toEqual(
      state({ page: "value", unit: "week", horizonDays: 30, clvMonths: 24, monthlyDiscount: 0.015, margin: 0.3 }),
    );
    expect(parseHash("#/value?discount=0&margin=1")).toEqual(state({ page: "value", monthlyDiscount: 0, margin: 1 }));
    expect(parseHash("#/value?discount=.5").monthlyDiscount).toBe(0.5);
  });

  it("reads the Satisfaction page's targets and score choices", () => {
    expect(parseHash("#/satisfaction?frt=30&rt=48&score=csat&score_by=feedback.channel")).toEqual(
      state({ page: "satisfaction", firstResponseMinutes: 30, resolutionHours: 48, score: "csat", scoreBy: "feedback.channel" }),
    );
    expect(parseHash("#/satisfaction?frt=10080&rt=1&score_by=segment")).toEqual(state({ page: "satisfaction", firstResponseMinutes: 10080, resolutionHours: 1, scoreBy: "segment" }));
  });

  it("decodes Chinese list values", () => {
    expect(parseHash(`#/?region=${encodeURIComponent("华东")},${encodeURIComponent("華南")}`).region).toEqual(["华东", "華南"]);
  });
});

describe("serialiseHash", () => {
  it("writes the defaults as the bare route", () => {
    expect(serialiseHash(DEFAULT_URL_STATE)).toBe("#/");
    expect(serialiseHash(state({ page: "data" }))).toBe("#/data");
  });

  it("writes keys in a fixed order and omits defaults", () => {
    expect(serialiseHash(state({ page: "segments", region: ["North"], lang: "en", asof: "2024-06-30" }))).toBe(
      "#/segments?asof=2024-06-30&lang=en&region=North",
    );
  });

  it("encodes commas inside list values so that they survive", () => {
    const s = state({ channel: ["Web, mobile", "Store"] });
    expect(serialiseHash(s)).toBe("#/?channel=Web%2C%20mobile,Store");
    expect(parseHash(serialiseHash(s))).toEqual(s);
  });

  it("writes the CLV settings after churn_days, fractions rounded to 6 decimals", () => {
    expect(serialiseHash(state({ page: "value", unit: "week", churnDays: 60, horizonDays: 30, clvMonths: 24, monthlyDiscount: 1.1 / 100, margin: 0.3, lang: "en" }))).toBe(
      "#/value?unit=week&churn_days=60&horizon=30&clv_months=24&discount=0.011&margin=0.3&lang=en",
    );
    expect(serialiseHash(state({ horizonDays: 0, clvMonths: 2.5, monthlyDiscount: 1, margin: 0 }))).toBe("#/");
  });

  it("writes the Satisfaction settings after the CLV ones", () => {
    expect(serialiseHash(state({ page: "satisfaction", margin: 0.5, firstResponseMinutes: 15, resolutionHours: 8, score: "ces", scoreBy: "customers.region", lang: "zh-CN" }))).toBe(
      "#/satisfaction?margin=0.5&frt=15&rt=8&score=ces&score_by=customers.region&lang=zh-CN",
    );
    expect(serialiseHash(state({ firstResponseMinutes: 0, resolutionHours: 1.5, scoreBy: "Region; x" }))).toBe("#/");
  });

  it("leaves invalid values out", () => {
    expect(serialiseHash(state({ asof: "2024-13-01", churnDays: 0, from: "yesterday" }))).toBe("#/");
  });
});

describe("round trips", () => {
  const cases: UrlState[] = [
    DEFAULT_URL_STATE,
    state({ page: "data", lang: "zh-CN" }),
    state({ page: "churn", churnDays: 90, unit: "day", theme: "light" }),
    state({ page: "satisfaction", from: "2023-01-01", to: "2023-12-31", segment: ["Cannot Lose Them"] }),
    state({ page: "lifecycle", asof: "2011-12-09", unit: "week", lang: "zh-TW", theme: "dark", region: ["华东", "North & South"], tier: ["A+B"] }),
    state({ channel: ["100% online", "a=b&c"] }),
    state({ page: "value", unit: "week", horizonDays: 180, clvMonths: 36, monthlyDiscount: 0.0125, margin: 0.25 }),
    state({ page: "value", monthlyDiscount: 0, margin: 1 }),
    state({ page: "satisfaction", firstResponseMinutes: 45, resolutionHours: 72, score: "nps", scoreBy: "feedback.priority", channel: ["微信"] }),
    state({ page: "segments", gender: ["女"], city: ["Xi'an", "São Paulo"], acquisition_channel: ["Mini program, WeChat"], options: { measure: "revenue", breakdown: "city" } }),
    state({ page: "lifecycle", options: { grain: "week", cohort: "revenue", retained_quarters: "5", developing_orders: "2" }, files: ["orders 2024.csv", "客户.xlsx"] }),
  ];
  it.each(cases.map((c) => [serialiseHash(c), c] as const))("%s", (hash, value) => {
    expect(parseHash(hash)).toEqual(value);
    expect(serialiseHash(parseHash(hash))).toBe(hash);
  });
});

describe("attribute filters, chart options and file names", () => {
  it("reads one readable key per customer attribute", () => {
    expect(parseHash(`#/?gender=Female&city=${encodeURIComponent("广州")},Qingdao&country=CN&acquisition_channel=Mobile%20app&contract_type=Two%20year`)).toEqual(
      state({ gender: ["Female"], city: ["广州", "Qingdao"], country: ["CN"], acquisition_channel: ["Mobile app"], contract_type: ["Two year"] }),
    );
  });

  it("writes the attribute lists after the four filters of the product spec, in a fixed order", () => {
    expect(serialiseHash(state({ contract_type: ["Monthly"], gender: ["M"], region: ["East"], city: ["Xi'an"] }))).toBe("#/?region=East&city=Xi'an&gender=M&contract_type=Monthly");
  });

  it("reads chart options: words and whole numbers within their limits", () => {
    expect(parseHash("#/lifecycle?grain=week&cohort=onOrAfter&retained_quarters=4&developing_orders=3").options).toEqual({
      grain: "week",
      cohort: "onOrAfter",
      retained_quarters: "4",
      developing_orders: "3",
    });
    expect(parseHash("#/segments?measure=revenue&breakdown=acquisition_channel").options).toEqual({ measure: "revenue", breakdown: "acquisition_channel" });
  });

  it.each([
    ["a word with a space", "#/?measure=re%20venue"],
    ["a word with SQL", "#/?churn_by=region%3BDROP"],
    ["a word too long", `#/?breakdown=${"a".repeat(42)}`],
    ["a number below its limit", "#/?developing_orders=1"],
    ["a number above its limit", "#/?retained_quarters=41"],
    ["a fraction", "#/?retained_quarters=2.5"],
    ["an unknown option", "#/?shape=round"],
  ])("drops %s", (_name, hash) => {
    expect(parseHash(hash).options).toEqual({});
    expect(serialiseHash(parseHash(hash))).toBe("#/");
  });

  it("reads the names of the files a view was made from, never paths", () => {
    expect(parseHash("#/?files=orders.csv,%E8%AE%A2%E5%8D%95.xlsx").files).toEqual(["orders.csv", "订单.xlsx"]);
    expect(parseHash("#/?files=..%2Fetc%2Fpasswd,ok.csv,a%5Cb.csv").files).toEqual(["ok.csv"]);
    const many = Array.from({ length: 20 }, (_, i) => `f${i}.csv`);
    expect(parseHash(`#/?files=${many.join(",")}`).files).toHaveLength(MAX_LINK_FILES);
  });

  it("writes chart options after the filters and the file names last", () => {
    expect(serialiseHash(state({ page: "value", files: ["orders.csv"], options: { abc_measure: "revenue", measure: "revenue" }, tier: ["Gold"], lang: "en" }))).toBe(
      "#/value?lang=en&tier=Gold&measure=revenue&abc_measure=revenue&files=orders.csv",
    );
  });
});

describe("a click on a chart's value", () => {
  it.each<[string[], string, string[]]>([
    [[], "Lost", ["Lost"]],
    [["Lost"], "Lost", []],
    [["Lost"], "Loyal", ["Loyal"]],
    [["Lost", "Loyal"], "Lost", ["Lost"]],
  ])("chooseOnly(%j, %s) = %j", (current, value, expected) => {
    expect(chooseOnly(current, value)).toEqual(expected);
  });
});

describe("analysis settings from the URL", () => {
  it("uses the defaults when the URL sets nothing", () => {
    expect(settingsFromUrl(DEFAULT_URL_STATE)).toEqual(DEFAULT_SETTINGS);
    expect(sameSettings(settingsFromUrl(DEFAULT_URL_STATE), DEFAULT_SETTINGS)).toBe(true);
  });

  it("reads the unit and every CLV setting", () => {
    const settings = settingsFromUrl(parseHash("#/value?asof=2024-06-30&unit=week&churn_days=60&horizon=30&clv_months=24&discount=0.02&margin=0.4"));
    expect(settings).toEqual({ asof: "2024-06-30", churnDays: 60, unit: "week", clv: { horizonDays: 30, months: 24, monthlyDiscount: 0.02, margin: 0.4 } });
    expect(sameSettings(settings, DEFAULT_SETTINGS)).toBe(false);
  });

  it("keeps the defaults for the settings the URL leaves out", () => {
    expect(clvFromUrl(parseHash("#/value?horizon=30"))).toEqual({ ...DEFAULT_CLV, horizonDays: 30 });
  });

  it("leaves default values out of the URL", () => {
    expect(clvToUrl(DEFAULT_CLV)).toEqual({ horizonDays: null, clvMonths: null, monthlyDiscount: null, margin: null });
    const patch = clvToUrl({ ...DEFAULT_CLV, months: 24, margin: 0.3 });
    expect(serialiseHash(state({ page: "value", ...patch }))).toBe("#/value?clv_months=24&margin=0.3");
  });

  it("tells a change of any CLV setting apart", () => {
    for (const clv of [{ horizonDays: 30 }, { months: 6 }, { monthlyDiscount: 0.02 }, { margin: 0.5 }]) {
      expect(sameSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, clv: { ...DEFAULT_CLV, ...clv } })).toBe(false);
    }
  });
});

describe("the customer whose file is open", () => {
  it("reads `customer`, decoded and trimmed, and leaves out an empty or unreadable one", () => {
    expect(parseHash("#/churn?customer=C00002").customer).toBe("C00002");
    expect(parseHash("#/?customer=%E5%BC%A0%20%E4%B8%89%20").customer).toBe("张 三");
    expect(parseHash("#/?customer=").customer).toBeNull();
    expect(parseHash("#/?customer=%20%20").customer).toBeNull();
    expect(parseHash("#/?customer=%E0%A4%A").customer).toBeNull();
    expect(parseHash(`#/?customer=${"x".repeat(201)}`).customer).toBeNull();
    expect(parseHash("#/").customer).toBeNull();
  });

  it("writes it after the theme and round-trips IDs with reserved characters", () => {
    expect(serialiseHash(state({ page: "churn", theme: "dark", customer: "C00002" }))).toBe("#/churn?theme=dark&customer=C00002");
    for (const customer of ["A&B=1", "50% #1", "客户/07", "a,b"]) {
      const hash = serialiseHash(state({ customer }));
      expect(parseHash(hash).customer).toBe(customer);
    }
    expect(serialiseHash(state({ customer: "  " }))).toBe("#/");
  });
});
