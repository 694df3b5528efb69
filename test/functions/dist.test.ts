/*
 * The built add-in files in dist/ (`npm test` runs `npm run build` first; when dist/ is missing
 * this file builds it): the functions script loaded the way Excel's runtime loads it, its
 * metadata in English and Vietnamese, the manifest and the pages it names.
 */
import assert from "node:assert/strict";
import { execSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { ErrorCode, makeStub, Stub, StubError } from "./stub";
import * as direct from "../../src/functions/functions";

const ROOT = path.resolve(__dirname, "../../..");
const DIST = path.join(ROOT, "dist");

interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  functions: FunctionMeta[];
}

/** [name, type, matrix?, optional?] per parameter, and whether the result spills. */
const EXPECTED: Record<
  string,
  { params: Array<[string, string, boolean, boolean]>; spills: boolean }
> = {
  PLAN_PERCENT: {
    params: [
      ["actual", "any", true, false],
      ["plan", "any", true, false],
    ],
    spills: true,
  },
  PLAN_TEXT: {
    params: [
      ["actual", "any", true, false],
      ["plan", "any", true, false],
      ["lang", "string", false, true],
    ],
    spills: true,
  },
  RATIO: {
    params: [
      ["actual", "any", true, false],
      ["plan", "any", true, false],
    ],
    spills: true,
  },
  GROWTH: {
    params: [
      ["current", "any", true, false],
      ["previous", "any", true, false],
    ],
    spills: true,
  },
  VND: {
    params: [
      ["amount", "any", true, false],
      ["style", "string", false, true],
    ],
    spills: true,
  },
  NUMBER_VI: {
    params: [
      ["value", "any", true, false],
      ["decimals", "number", false, true],
    ],
    spills: true,
  },
  PARSE_NUMBER: { params: [["text", "any", true, false]], spills: true },
  UNICODE: {
    params: [
      ["text", "any", true, false],
      ["encoding", "string", false, true],
    ],
    spills: true,
  },
  ACTIVE_AT: {
    params: [
      ["founded", "any", true, false],
      ["dissolved", "any", true, false],
      ["date", "any", false, false],
    ],
    spills: false,
  },
  NEW_IN: {
    params: [
      ["founded", "any", true, false],
      ["year", "any", false, false],
    ],
    spills: false,
  },
};

/** Calls through the built script: [id, arguments as Excel passes them, expected result]. */
const CALLS: Array<[string, unknown[], unknown]> = [
  [
    "PLAN_PERCENT",
    [
      [[51], [6]],
      [[50], [8]],
    ],
    [[1.02], [0.75]],
  ],
  [
    "PLAN_TEXT",
    [[[51], [6], [249]], [[50], [8], [250]], null],
    [["đạt và vượt 102% kế hoạch"], ["đạt 75% kế hoạch"], ["đạt 99,6% kế hoạch"]],
  ],
  ["PLAN_TEXT", [[[51]], [[50]], "en"], [["met and exceeded the plan (102%)"]]],
  ["RATIO", [[[51, 6, 14]], [[50, 4, 8]]], [["51/50", "06/04", "14/08"]]],
  ["GROWTH", [[[525]], [[514]]], [[11 / 514]]],
  ["VND", [[[17792000000], [null]], null], [["17 tỷ 792 triệu đồng"], [""]]],
  ["VND", [[[8076287000]], "digits"], [["8.076.287.000 đồng"]]],
  ["NUMBER_VI", [[[1830.51, "65850,95"]], null], [["1.830,51", "65.850,95"]]],
  ["PARSE_NUMBER", [[["1.830,51"], ["17 tỷ 792 triệu"]]], [[1830.51], [17792000000]]],
  [
    "UNICODE",
    [[["Hîp t¸c x·", "Hôïp taùc xaõ", "Hợp tác xã"]], null],
    [["Hợp tác xã", "Hợp tác xã", "Hợp tác xã"]],
  ],
  [
    "ACTIVE_AT",
    [[[2015], [2021], ["05/06/2022"], [null]], [[44562], [null], [null], [null]], 2022],
    2,
  ],
  ["NEW_IN", [[[2015], [2021], ["05/06/2022"], ["2022"]], 2022], 2],
];

/** Calls that give Excel errors: [id, arguments, code]. */
const ERROR_CALLS: Array<[string, unknown[], string]> = [
  ["PLAN_PERCENT", [[[51]], [[0]]], ErrorCode.divisionByZero],
  ["PLAN_TEXT", [[[51]], [[null]], null], ErrorCode.divisionByZero],
  ["GROWTH", [[[5]], [[""]]], ErrorCode.divisionByZero],
  ["PARSE_NUMBER", [[["không rõ"]]], ErrorCode.invalidValue],
  ["NUMBER_VI", [[[1]], 25], ErrorCode.invalidNumber],
  ["VND", [[[1]], "euro"], ErrorCode.invalidValue],
  ["UNICODE", [[["x"]], "utf-8"], ErrorCode.invalidValue],
  ["RATIO", [[["sáu"]], [[4]]], ErrorCode.invalidValue],
  ["ACTIVE_AT", [[[2020]], [[null], [null]], 2022], ErrorCode.invalidValue],
  ["NEW_IN", [[["sắp lập"]], 2022], ErrorCode.invalidValue],
];

/** The directly imported implementation of each id, to compare with the built script. */
const DIRECT: Record<string, (...args: never[]) => unknown> = {
  PLAN_PERCENT: direct.planPercent,
  PLAN_TEXT: direct.planText,
  RATIO: direct.ratio,
  GROWTH: direct.growth,
  VND: direct.vnd,
  NUMBER_VI: direct.numberVi,
  PARSE_NUMBER: direct.parseNumber,
  UNICODE: direct.unicode,
  ACTIVE_AT: direct.activeAt,
  NEW_IN: direct.newIn,
};

/**
 * Results in this realm's arrays (the vm's arrays have another prototype), errors compared by
 * code and message.
 */
function plain(v: unknown): unknown {
  if (v instanceof StubError) return { error: v.code, message: v.message };
  if (Array.isArray(v)) return Array.from(v as unknown[], plain);
  return v;
}

function firstCell(v: unknown): unknown {
  return Array.isArray(v) ? firstCell(v[0]) : v;
}

function readJson(file: string): Metadata {
  return JSON.parse(fs.readFileSync(path.join(DIST, file), "utf8")) as Metadata;
}

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

describe("dist: the built add-in", function () {
  this.timeout(180000);

  before(() => {
    if (!fs.existsSync(path.join(DIST, "functions.js"))) {
      execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
    }
  });

  describe("functions.js loaded the way Excel's runtime loads it", () => {
    let stub: Stub;

    before(() => {
      stub = makeStub();
      const context: Record<string, unknown> = { CustomFunctions: stub, console };
      context.self = context;
      context.window = context;
      vm.createContext(context);
      const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
      vm.runInContext(code, context, { filename: "functions.js" });
    });

    it("associates every function of functions.json, and nothing else", () => {
      const ids = readJson("functions.json").functions.map((f) => f.id);
      assert.deepEqual([...stub.registry.keys()].sort(), [...ids].sort());
      assert.deepEqual([...ids].sort(), Object.keys(EXPECTED).sort());
    });

    it("calls every function through its id, with Excel's arguments", () => {
      const called = new Set<string>();
      for (const [id, args, expected] of CALLS) {
        const f = stub.registry.get(id);
        assert.ok(f, id);
        const got = f(...args);
        assert.deepEqual(plain(got), plain(expected), `${id}(${JSON.stringify(args)})`);
        called.add(id);
      }
      assert.deepEqual([...called].sort(), Object.keys(EXPECTED).sort());
    });

    it("returns Excel errors (CustomFunctions.Error) for bad input, never throws", () => {
      for (const [id, args, code] of ERROR_CALLS) {
        const got = firstCell(stub.registry.get(id)!(...args));
        assert.ok(got instanceof StubError, `${id}: ${JSON.stringify(got)}`);
        assert.equal(got.code, code, id);
        if (code === ErrorCode.invalidValue) assert.ok(got.message, `${id}: no message`);
      }
    });

    it("gives the same results as the source functions", () => {
      for (const [id, args] of [...CALLS, ...ERROR_CALLS]) {
        const built = stub.registry.get(id)!(...args);
        const source = DIRECT[id](...(args as never[]));
        assert.deepEqual(plain(built), plain(source), id);
      }
    });
  });

  describe("functions.json and functions.vi-VN.json", () => {
    const en = () => readJson("functions.json");
    const vi = () => readJson("functions.vi-VN.json");

    it("list the ten functions with the same ids, in the same order", () => {
      assert.deepEqual(
        en().functions.map((f) => f.id),
        Object.keys(EXPECTED)
      );
      assert.deepEqual(
        vi().functions.map((f) => f.id),
        en().functions.map((f) => f.id)
      );
      for (const f of [...en().functions, ...vi().functions]) assert.equal(f.name, f.id);
    });

    it("give each parameter its type, dimensionality and optional flag, in both files", () => {
      for (const meta of [en(), vi()]) {
        for (const f of meta.functions) {
          const want = EXPECTED[f.id];
          assert.equal(f.parameters.length, want.params.length, f.id);
          f.parameters.forEach((p, i) => {
            const [, type, matrix, optional] = want.params[i];
            assert.equal(p.type, type, `${f.id} ${p.name} type`);
            assert.equal(p.dimensionality, matrix ? "matrix" : undefined, `${f.id} ${p.name}`);
            assert.equal(p.optional ?? false, optional, `${f.id} ${p.name} optional`);
          });
          assert.equal(f.result.dimensionality, want.spills ? "matrix" : undefined, f.id);
        }
      }
      en().functions.forEach((f) => {
        f.parameters.forEach((p, i) => assert.equal(p.name, EXPECTED[f.id].params[i][0]));
      });
    });

    it("differ only in the help texts and parameter names", () => {
      const strip = (m: Metadata) =>
        m.functions.map((f) => ({
          ...f,
          description: "",
          parameters: f.parameters.map((p) => ({ ...p, name: "", description: "" })),
        }));
      assert.deepEqual(strip(vi()), strip(en()));
    });

    it("give Vietnamese help (with diacritics, not the English) for every function and parameter", () => {
      const e = en().functions;
      vi().functions.forEach((f, i) => {
        const texts: Array<[string, string | undefined, string | undefined]> = [
          [f.id, f.description, e[i].description],
          ...f.parameters.map(
            (p, j) =>
              [`${f.id} ${p.name}`, p.description, e[i].parameters[j].description] as [
                string,
                string | undefined,
                string | undefined,
              ]
          ),
        ];
        for (const [what, v, english] of texts) {
          assert.ok(v && VIETNAMESE.test(v), `${what}: "${v}" is not Vietnamese`);
          assert.ok(english && english.length > 0, `${what}: no English help`);
          assert.notEqual(v, english, what);
          assert.ok(v.length <= 128 && english.length <= 128, `${what}: help over 128 characters`);
        }
        for (const p of f.parameters) assert.match(p.name, /^[a-z][a-z0-9_]{0,31}$/);
      });
    });
  });

  describe("manifest.xml and the files it names", () => {
    const manifest = () => fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");

    it("is well formed (every element closed, in order)", () => {
      const body = manifest()
        .replace(/<\?[\s\S]*?\?>/g, "")
        .replace(/<!--[\s\S]*?-->/g, "");
      const stack: string[] = [];
      for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:[^>"]|"[^"]*")*?)(\/?)>/g)) {
        const [, close, name, , self] = m;
        if (self) continue;
        if (close) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
        else stack.push(name);
      }
      assert.deepEqual(stack, []);
    });

    it("declares a Workbook add-in with custom functions in the shared runtime", () => {
      const xml = manifest();
      assert.match(xml, /<Host Name="Workbook" \/>/);
      assert.match(xml, /<Permissions>ReadWriteDocument<\/Permissions>/);
      assert.match(xml, /<Set Name="SharedRuntime" MinVersion="1.1" \/>/);
      assert.match(xml, /<Runtime resid="Taskpane.Url" lifetime="long" \/>/);
      assert.match(xml, /<ExtensionPoint xsi:type="CustomFunctions">/);
      assert.match(xml, /<Page>\s*<SourceLocation resid="Taskpane.Url" \/>/);
      assert.match(xml, /<bt:String id="Functions.Namespace" DefaultValue="HTX" \/>/);
      assert.match(
        xml,
        /<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/[^"]+\/functions.json">\s*<bt:Override Locale="vi-VN" Value="https:\/\/[^"]+\/functions.vi-VN.json" \/>/
      );
    });

    it("refers only to defined resources and to files that are in dist/", () => {
      const xml = manifest();
      const ids = new Set([...xml.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
      for (const m of xml.matchAll(/resid="([^"]+)"/g)) assert.ok(ids.has(m[1]), `resid ${m[1]}`);
      const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map(
        (m) => m[1]
      );
      assert.ok(urls.length >= 8);
      const base = /<SourceLocation DefaultValue="(https:\/\/[^"]+\/)taskpane.html"/.exec(xml)?.[1];
      assert.ok(base, "no taskpane.html source location");
      for (const url of urls) {
        assert.ok(url.startsWith(base), `${url} is not under ${base}`);
        const file = path.join(DIST, url.slice(base.length));
        assert.ok(fs.existsSync(file), `${url}: ${file} is missing`);
      }
    });

    it("has a runtime page that loads office.js, then functions.js", () => {
      const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
      const office = html.indexOf("office.js");
      const functions = html.indexOf("functions.js");
      assert.ok(office > 0 && functions > office);
    });
  });
});
