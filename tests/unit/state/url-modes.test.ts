/** The classroom switches in the URL: teaching mode `teach=1`, privacy mode `privacy=1`. */
import { describe, expect, it } from "vitest";
import { DEFAULT_URL_STATE, parseHash, serialiseHash } from "../../../src/lib/state/url-state.ts";

describe("teach and privacy in the URL", () => {
  it("are off by default and left out of the link then", () => {
    expect(parseHash("#/").teach).toBe(false);
    expect(parseHash("#/").privacy).toBe(false);
    expect(serialiseHash(DEFAULT_URL_STATE)).toBe("#/");
  });

  it("read 1 as on and anything else as off", () => {
    const on = parseHash("#/churn?teach=1&privacy=1");
    expect([on.page, on.teach, on.privacy]).toEqual(["churn", true, true]);
    const off = parseHash("#/?teach=yes&privacy=0");
    expect([off.teach, off.privacy]).toEqual([false, false]);
  });

  it("round-trip beside the other settings", () => {
    const hash = serialiseHash({ ...DEFAULT_URL_STATE, page: "data", lang: "zh-TW", teach: true, privacy: true });
    expect(hash).toMatch(/^#\/data\?.*lang=zh-TW/);
    expect(hash).toContain("teach=1");
    expect(hash).toContain("privacy=1");
    expect(serialiseHash(parseHash(hash))).toBe(hash);
  });
});
