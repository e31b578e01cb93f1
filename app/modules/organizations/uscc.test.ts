import { describe, expect, it } from "vitest";
import {
  computeOrgCodeCheck,
  computeUsccCheckChar,
  generateUscc,
  isDivisionCode,
  isValidUscc,
  normalizeUscc,
  USCC_ALPHABET,
} from "./uscc";

// Published codes whose check characters were recomputed by hand (weighted sums
// written out below) before being asserted here.
const PUBLISHED_VALID = [
  // Example from GB 32100-2015 material; org code M000100Y4.
  "91350100M000100Y43",
  // 民政部-registered foundation (5 = 民政, 3 = 基金会, 100000 = national).
  "53100000500021676K",
  // Another 民政部-registered national public-fundraising foundation.
  "53100000500019795A",
];

describe("USCC_ALPHABET", () => {
  it("has 31 characters and leaves out I, O, Z, S and V", () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const ch of "IOZSV") expect(USCC_ALPHABET).not.toContain(ch);
  });
});

describe("computeOrgCodeCheck (GB 11714)", () => {
  it("computes the check of published organization codes", () => {
    // 5·3+0·7+0·9+0·10+2·5+1·8+6·4+7·2 = 71; 71 mod 11 = 5; 11 − 5 = 6
    expect(computeOrgCodeCheck("50002167")).toBe("6");
    // M=22, Y=34: 22·3+1·5+34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4
    expect(computeOrgCodeCheck("M000100Y")).toBe("4");
  });

  it("maps 10 to X and 11 to 0", () => {
    // 1·3+1·4+8·2 = 23; 23 mod 11 = 1; 11 − 1 = 10 → X
    expect(computeOrgCodeCheck("10000018")).toBe("X");
    // 1·3+4·2 = 11; 11 mod 11 = 0; 11 − 0 = 11 → 0
    expect(computeOrgCodeCheck("10000004")).toBe("0");
  });

  it("rejects bodies of the wrong length or with other characters", () => {
    expect(() => computeOrgCodeCheck("5000216")).toThrow();
    expect(() => computeOrgCodeCheck("5000216-")).toThrow();
  });
});

describe("computeUsccCheckChar (GB 32100)", () => {
  it("computes the check character of published codes", () => {
    for (const code of PUBLISHED_VALID) {
      expect(computeUsccCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it("maps a remainder of 0 to the character 0", () => {
    // All zeros: sum 0 → (31 − 0) mod 31 = 0
    expect(computeUsccCheckChar("00000000000000000")).toBe("0");
    // "1" at position 17 (weight 28): 28 → 31 − 28 = 3
    expect(computeUsccCheckChar("00000000000000001")).toBe("3");
  });

  it("rejects characters outside the alphabet", () => {
    expect(() => computeUsccCheckChar("5332011500000000I")).toThrow();
  });
});

describe("isValidUscc", () => {
  it.each(PUBLISHED_VALID)("accepts %s", (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it("rejects a code whose check character is wrong", () => {
    // The correct check for 51100000500000855 is 9, and its org code check should be 5.
    expect(isValidUscc("51100000500000855Q")).toBe(false);
  });

  it("rejects every single-character change of a valid code", () => {
    for (const code of PUBLISHED_VALID) {
      for (let i = 0; i < code.length; i++) {
        for (const ch of USCC_ALPHABET + "IOZSVa-") {
          if (ch === code[i]) continue;
          const changed = code.slice(0, i) + ch + code.slice(i + 1);
          expect(isValidUscc(changed), `${changed} (position ${i + 1})`).toBe(false);
        }
      }
    }
  });

  it("rejects wrong lengths, lower case and forbidden letters", () => {
    expect(isValidUscc("")).toBe(false);
    expect(isValidUscc("53100000500021676")).toBe(false);
    expect(isValidUscc("53100000500021676K0")).toBe(false);
    expect(isValidUscc("91350100m000100y43")).toBe(false);
  });

  it("rejects a code with a correct USCC check but a wrong organization-code check", () => {
    // Org code 500021675 (its check should be 6), USCC check recomputed so only the inner check is wrong.
    const first17 = "53100000500021675";
    const code = first17 + computeUsccCheckChar(first17);
    expect(isValidUscc(code)).toBe(false);
  });

  /** A code with the given first 8 characters and correct checks everywhere else. */
  function withHead(head8: string) {
    const first17 = head8 + "MJ512345" + computeOrgCodeCheck("MJ512345");
    return first17 + computeUsccCheckChar(first17);
  }

  it("rejects an undefined registering authority (position 1) even with correct checks", () => {
    for (const authority of ["0", "B", "C", "X"]) expect(isValidUscc(withHead(`${authority}1320115`))).toBe(false);
    for (const authority of ["1", "5", "9", "N", "Y"]) expect(isValidUscc(withHead(`${authority}1320115`))).toBe(true);
  });

  it("rejects a type (position 2) its authority does not define", () => {
    expect(isValidUscc(withHead("54320115"))).toBe(false); // 民政 has no type 4
    expect(isValidUscc(withHead("59320115"))).toBe(true); // 民政 其他
    expect(isValidUscc(withHead("99320115"))).toBe(false); // 工商 has no type 9
    expect(isValidUscc(withHead("Y2320115"))).toBe(false);
  });

  it("rejects letters or an unknown province in the division code (positions 3–8)", () => {
    expect(isValidUscc(withHead("5232A115"))).toBe(false);
    expect(isValidUscc(withHead("52320A15"))).toBe(false);
    expect(isValidUscc(withHead("52990115"))).toBe(false);
    expect(isValidUscc(withHead("52000000"))).toBe(false);
    expect(isValidUscc(withHead("53100000"))).toBe(true);
  });

  it("accepts typed-in codes after normalizing", () => {
    expect(isValidUscc(normalizeUscc(" 91350100m000100y43 "))).toBe(true);
  });
});

describe("generateUscc", () => {
  it("builds a valid 民政 code with the type digit and area code", () => {
    const code = generateUscc({ typeDigit: "2", areaCode: "320115", orgCodeBase8: "MJ512345" });
    // org check: M=22, J=19: 66+133+45+10+10+24+16+10 = 314; 314 mod 11 = 6; 11 − 6 = 5
    expect(code).toBe("52320115MJ5123455K");
    expect(isValidUscc(code)).toBe(true);
  });

  it("produces valid codes for every type digit and many bodies", () => {
    for (const typeDigit of ["1", "2", "3", "9"]) {
      for (let n = 0; n < 500; n++) {
        const orgCodeBase8 = `MJ${String(n * 1973)
          .padStart(6, "0")
          .slice(-6)}`;
        const code = generateUscc({ typeDigit, areaCode: "320115", orgCodeBase8 });
        expect(code.slice(0, 8)).toBe(`5${typeDigit}320115`);
        expect(isValidUscc(code)).toBe(true);
      }
    }
  });

  it("rejects bad input", () => {
    expect(() => generateUscc({ typeDigit: "4", areaCode: "320115", orgCodeBase8: "MJ512345" })).toThrow();
    expect(() => generateUscc({ typeDigit: "2", areaCode: "990115", orgCodeBase8: "MJ512345" })).toThrow();
    expect(() => generateUscc({ typeDigit: "2", areaCode: "3201", orgCodeBase8: "MJ512345" })).toThrow();
    expect(() => generateUscc({ typeDigit: "2", areaCode: "320115", orgCodeBase8: "MJ51234" })).toThrow();
    expect(() => generateUscc({ typeDigit: "2", areaCode: "320115", orgCodeBase8: "MJ51234I" })).toThrow();
    expect(() => generateUscc({ typeDigit: "S", areaCode: "320115", orgCodeBase8: "MJ512345" })).toThrow();
  });
});

describe("isDivisionCode", () => {
  it.each(["320115", "110101", "820000", "100000"])("accepts %s", (code) => {
    expect(isDivisionCode(code)).toBe(true);
  });
  it.each(["32011", "3201150", "32A115", "990101", "000000", "１１0101"])("refuses %s", (code) => {
    expect(isDivisionCode(code)).toBe(false);
  });
});
