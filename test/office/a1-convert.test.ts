/** The Office adapter's small helpers: A1 areas, covering cells, value conversion, errors. */
import assert from "node:assert/strict";
import {
  addressLists,
  coverCells,
  parseArea,
  parseAreas,
  rectAddress,
  splitAddressList,
} from "../../src/adapters/office/a1";
import {
  cellFromExcel,
  fontMayMatter,
  needsTextPrefix,
  toExcelInput,
  utf8Length,
} from "../../src/adapters/office/convert";
import { OfficeError, toOfficeError, withRetry } from "../../src/adapters/office/errors";
import { charsToPoints } from "../../src/adapters/office/office-workbook";
import { encodeLegacy } from "../../src/engine/text/legacy";
import { noSleep } from "./helpers";

describe("Office adapter helpers", function () {
  it("parses the areas Excel returns", function () {
    assert.deepEqual(parseArea("Sheet1!B3:D7"), { top: 2, left: 1, bottom: 6, right: 3 });
    assert.deepEqual(parseArea("'DS HTX, 2022'!$A$4"), { top: 3, left: 0, bottom: 3, right: 0 });
    assert.deepEqual(parseArea("C:D"), { top: 0, left: 2, bottom: 1048575, right: 3 });
    assert.deepEqual(parseArea("4:5"), { top: 3, left: 0, bottom: 4, right: 16383 });
    assert.equal(parseArea("nonsense!"), null);
    assert.deepEqual(splitAddressList("'a,b'!A1:B2, 'a,b'!C3"), ["'a,b'!A1:B2", "'a,b'!C3"]);
    assert.deepEqual(parseAreas("Data!A2:J2, Data!A4:A5"), [
      { top: 1, left: 0, bottom: 1, right: 9 },
      { top: 3, left: 0, bottom: 4, right: 0 },
    ]);
    assert.equal(rectAddress({ top: 0, left: 0, bottom: 0, right: 0 }), "A1");
    assert.equal(rectAddress({ top: 5, left: 1, bottom: 9, right: 27 }), "B6:AB10");
  });

  it("covers a set of cells exactly, with few rectangles", function () {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 50; t++) {
      const cells = new Set<string>();
      for (let i = 0; i < 60; i++) cells.add(`${Math.floor(rnd() * 12)},${Math.floor(rnd() * 6)}`);
      const rects = coverCells(
        [...cells].map((k) => ({ row: +k.split(",")[0], col: +k.split(",")[1] }))
      );
      const covered = new Map<string, number>();
      for (const r of rects)
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++)
            covered.set(`${row},${col}`, (covered.get(`${row},${col}`) ?? 0) + 1);
      assert.deepEqual([...covered.keys()].sort(), [...cells].sort());
      assert.ok(
        [...covered.values()].every((n) => n === 1),
        "no cell twice"
      );
    }
    // A block of a table is one rectangle.
    const block = [];
    for (let r = 5; r < 40; r++) for (let c = 2; c < 8; c++) block.push({ row: r, col: c });
    assert.deepEqual(coverCells(block), [{ top: 5, left: 2, bottom: 39, right: 7 }]);
    const lists = addressLists(
      Array.from({ length: 500 }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2, right: 1 })),
      200
    );
    assert.ok(lists.length > 1 && lists.every((l) => l.length <= 200));
  });

  it("converts Excel's values to the engine's and back", function () {
    assert.deepEqual(cellFromExcel("#REF!", "Error"), { error: "#REF!" });
    assert.equal(cellFromExcel("#REF!", "String"), "#REF!");
    assert.equal(cellFromExcel("", "Empty"), null);
    assert.equal(cellFromExcel(44914, "Double"), 44914);
    assert.equal(cellFromExcel(true, "Boolean"), true);
    for (const s of [
      "(1)",
      "0123",
      "=A1",
      "'x",
      "5%",
      "TRUE",
      "12/19/2022",
      "#N/A",
      " 1",
      "Jan 5",
      "-",
    ])
      assert.ok(needsTextPrefix(s), s);
    for (const s of ["HTX Tân Hiệp", "Tổng cộng", "Đơn vị", "", "Số lượng (người)"])
      assert.ok(!needsTextPrefix(s), s);
    assert.equal(toExcelInput("(1)"), "'(1)");
    assert.equal(toExcelInput(null), "");
    assert.equal(toExcelInput(Number.NaN), "");
    assert.equal(toExcelInput(2.5), 2.5);
    assert.equal(utf8Length("Hợp tác xã"), new TextEncoder().encode("Hợp tác xã").length);
    assert.equal(utf8Length("😀"), 4);
  });

  it("fetches fonts only for text a legacy font could change", function () {
    assert.equal(fontMayMatter("HTX Rau sach"), false); // ASCII
    assert.equal(fontMayMatter("Hợp tác xã"), false); // Unicode-only letters
    assert.equal(fontMayMatter(encodeLegacy("Hợp tác xã", "tcvn3")), true);
    assert.equal(fontMayMatter(encodeLegacy("Hợp tác xã", "vni")), true);
    assert.equal(fontMayMatter("Kiên Giang"), true); // cp1252 letters only: the font decides
    assert.equal(fontMayMatter("Thạnh".normalize("NFD")), false);
  });

  it("column widths in points (from .xlsx widths, which include the cell padding)", function () {
    assert.equal(charsToPoints(9.140625), 48); // Excel's default column: 8.43 characters, 64 px
    assert.ok(charsToPoints(40) > charsToPoints(10));
  });

  it("maps Excel's error codes and retries only transient ones", async function () {
    const err = (code: string, message = "") => Object.assign(new Error(message), { code });
    assert.equal((toOfficeError(err("AccessDenied")) as OfficeError).code, "protected");
    assert.equal(
      (toOfficeError(err("InvalidOperation", "The sheet is protected")) as OfficeError).code,
      "protected"
    );
    assert.equal(
      (toOfficeError(err("ResponsePayloadSizeLimitExceeded")) as OfficeError).code,
      "limit"
    );
    assert.equal((toOfficeError(err("Weird", "x")) as OfficeError).code, "hostError");
    assert.ok(!((toOfficeError(new TypeError("bug")) as Error) instanceof OfficeError));
    let n = 0;
    const ok = await withRetry(
      async () => {
        if (++n < 3) throw err("InvalidOperationInCellEditMode");
        return "done";
      },
      { sleep: noSleep }
    );
    assert.equal(ok, "done");
    n = 0;
    await assert.rejects(
      withRetry(
        async () => {
          n++;
          throw err("AccessDenied");
        },
        { sleep: noSleep }
      ),
      OfficeError
    );
    assert.equal(n, 1);
  });
});
