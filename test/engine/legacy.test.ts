import assert from "node:assert/strict";
import fc from "fast-check";
import {
  decodeLegacy,
  detectLegacy,
  encodeLegacy,
  isCapitalsFont,
  LegacyEncoding,
  readsAsVietnamese,
  toUnicode,
} from "../../src/engine/text/legacy";

// Expected Unicode is built here from combining marks, independently of the module's tables.
const VOWELS = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b"];
VOWELS.push("u", "u\u031b", "y"); // a ă â e ê i o ô ơ u ư y
const TONES: Array<[string, string]> = [
  ["none", ""],
  ["sắc", "\u0301"],
  ["huyền", "\u0300"],
  ["hỏi", "\u0309"],
  ["ngã", "\u0303"],
  ["nặng", "\u0323"],
];
const D_STROKE = "\u0111"; // đ

/** Every Vietnamese letter with a diacritic or tone: 12 vowels × 6 tones + đ, lower and upper. */
function allLetters(): string[] {
  const lower: string[] = [];
  for (const v of VOWELS) for (const [, mark] of TONES) lower.push((v + mark).normalize("NFC"));
  lower.push(D_STROKE);
  return [...lower, ...lower.map((c) => c.toUpperCase())];
}

const isAscii = (s: string): boolean => [...s].every((c) => c.charCodeAt(0) < 0x80);
const isUpper = (s: string): boolean => s !== s.toLowerCase();

/** Font a letter would be typed in. TCVN3 has no toned capitals: they need a capitals font. */
function fontFor(encoding: LegacyEncoding, letter: string): string {
  if (encoding === "vni") return "VNI-Times";
  return isUpper(letter) ? ".VnTimeH" : ".VnTime";
}

/**
 * Legacy code points that are the very same character in Unicode: VNI-Windows puts í/ì/Í/Ì on
 * 0xED/0xEC/0xCD/0xCC, TCVN3 puts ý on 0xFD. They decode to themselves, so there is nothing to
 * detect.
 */
const SAME_IN_UNICODE: Record<LegacyEncoding, string[]> = {
  vni: ["í", "ì", "Í", "Ì"],
  tcvn3: ["ý"],
};

describe("legacy Vietnamese text (TCVN3, VNI)", () => {
  describe("every letter round-trips", () => {
    const letters = allLetters();

    it("has 146 letters to check (12 vowels × 6 tones + đ, in both cases)", () => {
      assert.equal(letters.length, 146);
      assert.equal(new Set(letters).size, 146);
    });

    for (const encoding of ["tcvn3", "vni"] as const) {
      it(`${encoding}: encode → decode gives the letter back`, () => {
        for (const letter of letters) {
          const legacy = encodeLegacy(letter, encoding);
          const font = fontFor(encoding, letter);
          assert.equal(decodeLegacy(legacy, encoding, font), letter, `${letter} as ${legacy}`);
          assert.equal(toUnicode(legacy, encoding, font).text, letter);
          // A lone legacy letter that is itself a Vietnamese word in Unicode (TCVN3 "Ê" for "ấ",
          // VNI "ó" for "ĩ") is left alone by detection: decoding it could damage correct text.
          if (!readsAsVietnamese(legacy))
            assert.equal(toUnicode(legacy, "auto", font).text, letter);
        }
      });

      it(`${encoding}: the encoded forms really are legacy and are detected with the font`, () => {
        for (const letter of letters) {
          const legacy = encodeLegacy(letter, encoding);
          const font = fontFor(encoding, letter);
          if (isAscii(letter)) {
            // a e i o u y, A E I O U Y: the same in every encoding, never legacy.
            assert.equal(legacy, letter);
            assert.equal(detectLegacy(legacy, font), null);
          } else if (SAME_IN_UNICODE[encoding].includes(letter)) {
            assert.equal(legacy, letter);
          } else if (readsAsVietnamese(legacy)) {
            assert.notEqual(legacy, letter, letter);
            assert.equal(detectLegacy(legacy, font), null, `${letter} as ${legacy}`);
          } else {
            assert.notEqual(legacy, letter, letter);
            assert.equal(detectLegacy(legacy, font), encoding, `${letter} as ${legacy}`);
            assert.equal(toUnicode(legacy, "auto", font).encoding, encoding);
          }
        }
      });

      it(`${encoding}: a whole alphabet in one string round-trips`, () => {
        const lower = letters.filter((c) => !isUpper(c)).join(" ");
        const legacy = encodeLegacy(lower, encoding);
        assert.equal(decodeLegacy(legacy, encoding), lower);
        assert.equal(detectLegacy(legacy), encoding);
        assert.deepEqual(toUnicode(legacy), { text: lower, encoding });
        const upper = lower.toUpperCase();
        const font = encoding === "tcvn3" ? ".VnTimeH" : "VNI-Times";
        assert.equal(decodeLegacy(encodeLegacy(upper, encoding), encoding, font), upper);
      });
    }

    it("encodeLegacy accepts decomposed (NFD) input", () => {
      const nfd = "Hợp tác xã Đồng Tháp".normalize("NFD");
      assert.equal(encodeLegacy(nfd, "tcvn3"), "Hîp t¸c x· §ång Th¸p");
      assert.equal(encodeLegacy(nfd, "vni"), "Hôïp taùc xaõ Ñoàng Thaùp");
    });

    it("encodeLegacy keeps characters with no legacy form", () => {
      assert.equal(encodeLegacy("Hợp tác xã № 5 — €", "tcvn3"), "Hîp t¸c x· № 5 — €");
      assert.equal(encodeLegacy("ABC 123", "vni"), "ABC 123");
    });
  });

  describe("known samples", () => {
    const samples: Array<[LegacyEncoding, string, string, string]> = [
      ["vni", "Vieät Nam", "Việt Nam", "VNI-Times"],
      ["vni", "Hôïp taùc xaõ", "Hợp tác xã", "VNI-Times"],
      ["vni", "Ñoàng Thaùp", "Đồng Tháp", "VNI-Helve"],
      ["vni", "Kieân Giang", "Kiên Giang", "VNI-Times"],
      ["vni", "Taân Hieäp", "Tân Hiệp", "VNI-Times"],
      ["vni", "Giaùm ñoác", "Giám đốc", "VNI-Times"],
      ["vni", "HÔÏP TAÙC XAÕ", "HỢP TÁC XÃ", "VNI-Times"],
      ["tcvn3", "Hîp t¸c x·", "Hợp tác xã", ".VnTime"],
      ["tcvn3", "ViÖt Nam", "Việt Nam", ".VnTime"],
      ["tcvn3", "Kiªn Giang", "Kiên Giang", ".VnArial"],
      ["tcvn3", "T©n HiÖp", "Tân Hiệp", ".VnTime"],
      ["tcvn3", "§ång Th¸p", "Đồng Tháp", ".VnTime"],
      ["tcvn3", "Hßn §Êt", "Hòn Đất", ".VnTime"],
      ["tcvn3", "Giång GiÒng", "Giồng Giềng", ".VnTime"],
    ];

    for (const [encoding, legacy, unicode, font] of samples) {
      it(`${encoding} "${legacy}" → "${unicode}"`, () => {
        assert.equal(decodeLegacy(legacy, encoding), unicode);
        assert.equal(decodeLegacy(legacy, encoding, font), unicode);
        assert.equal(detectLegacy(legacy), encoding);
        assert.equal(detectLegacy(legacy, font), encoding);
        assert.deepEqual(toUnicode(legacy), { text: unicode, encoding });
        assert.deepEqual(toUnicode(legacy, "auto", font), { text: unicode, encoding });
        assert.deepEqual(toUnicode(legacy, encoding), { text: unicode, encoding });
        assert.equal(encodeLegacy(unicode, encoding), legacy);
      });
    }

    it("detects a longer cell of each kind without a font", () => {
      const name = "Hợp tác xã Nông nghiệp Thắng Lợi, xã Mỹ Đức, huyện Hòn Đất";
      assert.equal(detectLegacy(encodeLegacy(name, "tcvn3")), "tcvn3");
      assert.equal(detectLegacy(encodeLegacy(name, "vni")), "vni");
      assert.equal(toUnicode(encodeLegacy(name, "tcvn3")).text, name);
      assert.equal(toUnicode(encodeLegacy(name, "vni")).text, name);
    });

    it("VNI mixed case (e.g. after PROPER): the base letter decides", () => {
      assert.equal(decodeLegacy("HôÏp TaÙc", "vni"), "Hợp Tác");
      assert.equal(decodeLegacy("AÙ aù Aù aÙ", "vni"), "Á á Á á");
    });
  });

  describe("TCVN3 capitals fonts (.VnTimeH)", () => {
    it("isCapitalsFont", () => {
      for (const f of [".VnTimeH", ".VnArialH", ".VnArial NarrowH", " .VnTimeH "]) {
        assert.equal(isCapitalsFont(f), true, f);
      }
      for (const f of [".VnTime", ".VnArial", ".VnEnglish", "VNI-Times", "Arial", "", null]) {
        assert.equal(isCapitalsFont(f), false, String(f));
      }
      assert.equal(isCapitalsFont(undefined), false);
    });

    it("decodes lower-case codes as capitals", () => {
      assert.equal(decodeLegacy("HîP T¸C X·", "tcvn3", ".VnTimeH"), "HỢP TÁC XÃ");
      assert.equal(decodeLegacy("Hîp t¸c x·", "tcvn3", ".VnTimeH"), "HỢP TÁC XÃ");
      assert.equal(decodeLegacy("§ång Th¸p", "tcvn3", ".VnArialH"), "ĐỒNG THÁP");
      assert.equal(decodeLegacy("®¾k l¾k", "tcvn3", ".VnTimeH"), "ĐẮK LẮK");
      assert.deepEqual(toUnicode("HîP T¸C X·", "auto", ".VnTimeH"), {
        text: "HỢP TÁC XÃ",
        encoding: "tcvn3",
      });
    });

    it("uses TCVN3's own capitals Ă Â Ê Ô Ơ Ư Đ", () => {
      assert.equal(decodeLegacy("¡ ¢ £ ¤ ¥ ¦ §", "tcvn3"), "Ă Â Ê Ô Ơ Ư Đ");
      assert.equal(decodeLegacy("¨ © ª « ¬ \u00ad ®", "tcvn3"), "ă â ê ô ơ ư đ");
      assert.equal(encodeLegacy("NGUYỄN VĂN ĐÔNG", "tcvn3"), "NGUYÔN V¡N §¤NG");
      assert.equal(decodeLegacy("NGUYÔN V¡N §¤NG", "tcvn3", ".VnTimeH"), "NGUYỄN VĂN ĐÔNG");
    });

    it("an ordinary TCVN3 font keeps the case as typed", () => {
      assert.equal(decodeLegacy("HîP T¸C X·", "tcvn3", ".VnTime"), "HợP TáC Xã");
    });

    it("without a font, text typed for a capitals font is upper-cased", () => {
      assert.equal(decodeLegacy("HîP T¸C X·", "tcvn3"), "HỢP TÁC XÃ");
      assert.deepEqual(toUnicode("HîP T¸C X·"), { text: "HỢP TÁC XÃ", encoding: "tcvn3" });
      // Lower-case ASCII letters: an ordinary font.
      assert.equal(decodeLegacy("Hîp t¸c x·", "tcvn3"), "Hợp tác xã");
    });
  });

  describe("what is not legacy", () => {
    const normal = [
      "",
      " ",
      "ABC 123",
      "1.830,51",
      "-12,5%",
      "Hợp tác xã Tân Hiệp",
      "Nguyễn Văn A",
      "Trần Thị Bảy",
      "Liên minh Hợp tác xã tỉnh Kiên Giang báo cáo tổng kết năm 2024.",
      "Giám đốc: Lê Hoàng Khoa; Kế toán trưởng: Võ Thị Thúy",
      "Tây Ninh",
      "Tân Châu",
      "Cà Mau",
      "Hoàng",
      "xoài",
      "Thành phố Hà Nội",
      "HỢP TÁC XÃ NÔNG NGHIỆP",
      "TÂN CHÂU",
      "Cooperative annual report, total revenue",
      "Café",
      "Müller",
      "Straße",
      "Größe",
      "Zürich",
      "français",
      "garçon",
      "Noël",
      "Loïc",
      "naïve",
      "où",
      "Là où il est",
      "crème brûlée",
      "Hélène Thérèse",
      "aún",
      "Raúl Núñez Ibáñez",
      "señor",
      "Ñoño",
      "São Paulo",
      "saúde",
      "più",
      "perché",
      "Ångström",
      "Øresund",
      "Dvořák",
      "© 2024 Company®",
      "«Bonjour»",
      "25°C",
      "12 m²",
      "½ + ¼",
      "“quoted” – dash…",
      "\u00a0",
    ];

    for (const text of normal) {
      it(`detectLegacy(${JSON.stringify(text)}) is null`, () => {
        assert.equal(detectLegacy(text), null);
        assert.equal(detectLegacy(text, "Times New Roman"), null);
        assert.equal(detectLegacy(text, null), null);
        assert.deepEqual(toUnicode(text), { text: text.normalize("NFC"), encoding: null });
      });
    }

    it("Unicode Vietnamese is not legacy even in a legacy font", () => {
      assert.equal(detectLegacy("Hợp tác xã Tân Hiệp", ".VnTime"), null);
      assert.equal(detectLegacy("Nguyễn Văn A", "VNI-Times"), null);
      assert.equal(detectLegacy("Đồng Tháp", ".VnTimeH"), null);
    });

    it("ASCII-only text is never legacy, whatever the font", () => {
      for (const font of [".VnTime", ".VnTimeH", "VNI-Times", undefined]) {
        assert.equal(detectLegacy("Hop tac xa Tan Hiep", font), null);
        assert.equal(detectLegacy("", font), null);
      }
    });

    it("decomposed (NFD) Unicode comes out NFC with encoding null", () => {
      for (const text of ["Hợp tác xã Tân Hiệp", "Nguyễn Văn A", "Café", "Đồng Tháp", "Müller"]) {
        const nfd = text.normalize("NFD");
        assert.notEqual(nfd, text);
        assert.equal(detectLegacy(nfd), null);
        assert.deepEqual(toUnicode(nfd), { text, encoding: null });
        assert.deepEqual(toUnicode(nfd, "auto", "Calibri"), { text, encoding: null });
      }
      // Vietnamese-only letters prove it is Unicode, even in a legacy font.
      for (const text of ["Hợp tác xã Tân Hiệp", "Nguyễn Văn A", "Đồng Tháp"]) {
        const nfd = text.normalize("NFD");
        assert.deepEqual(toUnicode(nfd, "auto", ".VnTime"), { text, encoding: null });
        assert.deepEqual(toUnicode(nfd, null, "VNI-Times"), { text, encoding: null });
      }
    });

    it("Unicode Vietnamese in a legacy-font cell is left alone (a fix is never proposed twice)", () => {
      for (const [text, font] of [
        ["HTX Hòa Bình", "VNI-Times"],
        ["HTX Tô Hà", ".VnTime"],
        ["Giồng Riềng", ".VnTime"],
        ["Hòn Đất", "VNI-Times"],
      ]) {
        assert.equal(detectLegacy(text, font), null, `${text} in ${font}`);
      }
      // The text a fix writes is not detected again in the same (legacy) font.
      for (const [legacy, font] of [
        ["Hîp t¸c x· T©n HiÖp", ".VnTime"],
        ["Hôïp taùc xaõ Taân Hieäp", "VNI-Times"],
      ]) {
        const fixed = toUnicode(legacy, "auto", font);
        assert.notEqual(fixed.encoding, null);
        assert.equal(detectLegacy(fixed.text, font), null, fixed.text);
      }
    });

    it("a legacy font is the strongest hint: cp1252 text in it is read as the font shows it", () => {
      // In a .VnTime cell Excel draws "Café" as "Cafộ": that is what the cell says.
      assert.deepEqual(toUnicode("Café", "auto", ".VnTime"), { text: "Cafộ", encoding: "tcvn3" });
    });

    it("a legacy font only counts when decoding changes something", () => {
      assert.equal(detectLegacy("“quoted” – dash…", ".VnTime"), null);
      assert.equal(detectLegacy("Müller", "VNI-Times"), null); // ü after M means nothing in VNI
    });
  });

  describe("TCVN3 table details", () => {
    it("leaves cp1252 punctuation 0x80-0x9F alone (iconv's tcvn maps it to capitals)", () => {
      const text = "€ ‚ „ … † ‡ ‰ ‹ ‘ ’ “ ” • – — ™ › Š š Œ œ Ž ž Ÿ ƒ ˆ ˜";
      assert.equal(decodeLegacy(text, "tcvn3"), text);
    });

    it("leaves ° ± ² ³ ´ alone (iconv's tcvn maps them to bare combining marks)", () => {
      assert.equal(decodeLegacy("25°C ± 2 m² m³ a´", "tcvn3"), "25°C ± 2 m² m³ a´");
    });

    it("leaves control characters alone (iconv's tcvn maps some to capitals)", () => {
      const text = "\u0001\u0002\u0004\u0011\u0017";
      assert.equal(decodeLegacy(text, "tcvn3"), text);
    });

    it("leaves the VN1-only capitals alone and characters outside cp1252 too", () => {
      const text = "À Á Â Ã Ä Å Í Ù Ú Û à ð ÿ ¯ º ¿ → ✓ 漢字 😀";
      assert.equal(decodeLegacy(text, "tcvn3"), text);
    });
  });

  describe("robustness (fast-check)", () => {
    const legacyChars = [
      ..."¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß",
      ..."àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ€‚„…‘’“”–—™",
      ..."aeiouyAEIOUYdDhnt ",
      "\u0301",
      "\u0323",
      "\ud800",
    ];
    const legacyish = fc.string({ unit: fc.constantFrom(...legacyChars), maxLength: 40 });
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      legacyish
    );
    const font = fc.constantFrom(undefined, null, "", ".VnTime", ".VnTimeH", "VNI-Times", "Arial");
    const isNfc = (s: string): boolean => s === s.normalize("NFC");

    it("never throws and always returns NFC", () => {
      fc.assert(
        fc.property(anyText, font, (text, fontName) => {
          const detected = detectLegacy(text, fontName);
          assert.ok(detected === null || detected === "tcvn3" || detected === "vni");
          for (const encoding of ["tcvn3", "vni"] as const) {
            assert.ok(isNfc(decodeLegacy(text, encoding, fontName)));
            encodeLegacy(text, encoding);
          }
          for (const encoding of [undefined, null, "auto", "tcvn3", "vni"] as const) {
            const result = toUnicode(text, encoding, fontName);
            assert.ok(isNfc(result.text));
            if (result.encoding === null) assert.equal(result.text, text.normalize("NFC"));
          }
        }),
        { numRuns: 5000 }
      );
    });

    it("ASCII-only strings are never legacy", () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary-ascii" }), font, (text, fontName) => {
          assert.equal(detectLegacy(text, fontName), null);
        }),
        { numRuns: 2000 }
      );
    });

    // Random text from Vietnamese letters, ASCII letters, digits and spaces.
    const vietText = fc.string({
      unit: fc.constantFrom(...allLetters(), ..."bcdghklmnpqrstvxBCDGHKLMNPQRSTVX019 ,."),
      maxLength: 30,
    });

    it("encode → decode is the identity (VNI; TCVN3 up to case)", () => {
      fc.assert(
        fc.property(vietText, (text) => {
          assert.equal(decodeLegacy(encodeLegacy(text, "vni"), "vni", "VNI-Times"), text);
          const lower = text.toLowerCase();
          assert.equal(decodeLegacy(encodeLegacy(lower, "tcvn3"), "tcvn3", ".VnTime"), lower);
          const upper = text.toUpperCase();
          assert.equal(decodeLegacy(encodeLegacy(upper, "tcvn3"), "tcvn3", ".VnTimeH"), upper);
        }),
        { numRuns: 3000 }
      );
    });

    // Real words, many of them written with cp1252 letters only (the risky ones for detection).
    const words = (
      "hợp tác xã liên minh tân hiệp kiên giang đồng tháp hòn đất giồng riềng nguyễn văn trần " +
      "thị bảy lê hoàng khoa võ thúy tây ninh châu cà mau bà rịa hà nội thành phố xoài ngoài " +
      "giám đốc kế toán báo cáo doanh thu lợi nhuận vốn điều lệ nông nghiệp thủy sản các và " +
      "của những người được không một nhiều thì mà đã sẽ vì nên trên bên ngày tháng năm giờ " +
      "phút lúc này nào yêu ghét khóc trèo trà cà phê bánh xôi chè bún cháo cá tôm hành mít " +
      "nhãn chôm riêng ngô lúa quyên xuân bùi khuê lý tùng quách khúc biên liêu sóc tiên lâm " +
      "khánh hòa yên ngãi thiên hóa thái phòng tuyên lào bái phúc huých quýt khuyên ngoèo già " +
      "gìn giúp gì giàu vâng chào ôi à nhé"
    ).split(" ");
    const caseOf = (w: string, c: number): string =>
      c === 0 ? w : c === 1 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1);
    const sentence = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.integer({ min: 0, max: 2 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((ws) => ws.map(([w, c]) => caseOf(w, c)).join(" "));

    it("Unicode Vietnamese is never detected as legacy", () => {
      fc.assert(
        fc.property(sentence, fc.constantFrom(undefined, null, "Arial"), (text, fontName) => {
          assert.equal(detectLegacy(text, fontName), null);
          assert.equal(detectLegacy(text.normalize("NFD"), fontName), null);
        }),
        { numRuns: 5000 }
      );
    });

    it("Unicode Vietnamese in a legacy font is only 'legacy' when it fits the font", () => {
      fc.assert(
        fc.property(sentence, (text) => {
          // Only text made of cp1252 characters can be legacy at all.
          const cp1252Only = [...text].every((c) => c.charCodeAt(0) < 0x100);
          if (!cp1252Only) {
            assert.equal(detectLegacy(text, ".VnTime"), null);
            assert.equal(detectLegacy(text, "VNI-Times"), null);
          }
        }),
        { numRuns: 2000 }
      );
    });
  });
});
