/** The masks of privacy mode, case by case (PRODUCT.md: 张*明, j***@x.com, 138****5678). */
import { describe, expect, it } from "vitest";
import { maskEmail, maskFields, maskName, maskPhone, maskValue } from "../../../src/lib/privacy/mask.ts";

describe("maskName", () => {
  it.each([
    ["张小明", "张*明"],
    ["张三", "张*"],
    ["欧阳小明", "欧**明"],
    ["张", "*"],
    ["李 小明", "李*明"],
    ["陳大文", "陳*文"],
    ["阿卜杜·热合曼", "阿*****曼"],
    ["John King", "J*** K***"],
    ["  John   King ", "J*** K***"],
    ["Madonna", "M***"],
    ["Mary-Jane O'Neil", "M*** O***"],
    ["Émile Zola", "É*** Z***"],
    ["John 王", "J*** *"],
    ["", ""],
    ["   ", "   "],
  ])("%j → %j", (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it("never leaves a name of two or more characters whole", () => {
    for (const name of ["李建", "林艳", "Sophia Cooper", "Al", "𠀀𠀁𠀂"]) {
      expect(maskName(name)).not.toBe(name);
      expect(maskName(name)).toContain("*");
    }
    // Characters outside the BMP count as one each (no broken surrogate pairs).
    expect(maskName("𠀀𠀁𠀂")).toBe("𠀀*𠀂");
  });
});

describe("maskEmail", () => {
  it.each([
    ["john.king@x.com", "j***@x.com"],
    ["jian_li1993@qq.com", "j***@qq.com"],
    ["a@b.cn", "a***@b.cn"],
    ["李明@例子.中国", "李***@例子.中国"],
    ["\"a@b\"@x.com", "\"***@x.com"],
    ["not-an-email", "n***"],
    ["@x.com", "x***"],
    ["", ""],
  ])("%j → %j", (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});

describe("maskPhone", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["138-1234-5678", "138-****-5678"],
    ["153-8830-3903", "153-****-3903"],
    ["+86 157 5495 7155", "+86 1** **** 7155"],
    ["(415) 555-2671", "(415) ***-2671"],
    ["5552671", "*****71"],
    ["12345", "***45"],
    ["1234", "****"],
    ["110", "***"],
    ["n/a", "n***"],
    ["", ""],
  ])("%j → %j", (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it("hides at least three digits of any number (all of a number of three or fewer)", () => {
    for (let digits = 1; digits <= 16; digits++) {
      const phone = "9".repeat(digits);
      const hidden = (maskPhone(phone).match(/\*/g) ?? []).length;
      expect(hidden, `${digits} digits`).toBeGreaterThanOrEqual(Math.min(3, digits));
    }
  });
});

describe("maskValue", () => {
  it("masks text by kind and leaves NULL alone; a phone stored as a number is masked as text", () => {
    expect(maskValue("name", "张小明")).toBe("张*明");
    expect(maskValue("email", null)).toBeNull();
    expect(maskValue("phone", 13812345678)).toBe("138****5678");
    expect(maskValue("name", 42)).toBe(42);
  });
});

describe("maskFields", () => {
  it("masks the named fields of a copy and leaves the row and its other fields alone", () => {
    const member = { customer_id: "C1", name: "李建", email: "jian_li1993@qq.com", phone: null, monetary: 12 };
    expect(maskFields(member, { name: "name", email: "email", phone: "phone" })).toEqual({ customer_id: "C1", name: "李*", email: "j***@qq.com", phone: null, monetary: 12 });
    expect(member.name).toBe("李建");
  });
});
