/*
 * manifest.xml: its resources and ids, the ribbon (three buttons in the "Báo cáo HTX" group on
 * the Home tab), the one shared runtime, the vi-VN overrides, the icons; then the built copy in
 * dist/ (`npm run build` when dist/ is missing or older than the sources), whose every URL must
 * name a file in dist/ and whose icons must have their declared pixel sizes.
 */
import assert from "node:assert/strict";
import { execSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { COMMAND_IDS } from "../../src/commands/commands";
import { XmlElement, child, descendants, findAll, findOne, parseXml, xsiType } from "./xml";

const ROOT = path.resolve(__dirname, "../../..");
const DIST = path.join(ROOT, "dist");
const ASSETS = path.join(ROOT, "assets");
const DEV_BASE = "https://localhost:3000/";

/** The limits of the manifest schema (bt:ShortString, bt:LongString, bt:Url). */
const MAX = { short: 125, long: 250, url: 2048 };

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

interface Resource {
  kind: ResourceKind;
  id: string;
  value: string;
  overrides: Record<string, string>;
  el: XmlElement;
}

interface Manifest {
  root: XmlElement;
  resources: Map<string, Resource>;
  /** Every resource id in document order (duplicates kept). */
  resourceIds: string[];
}

function load(file: string): Manifest {
  const root = parseXml(fs.readFileSync(file, "utf8"));
  const resources = new Map<string, Resource>();
  const resourceIds: string[] = [];
  const res = findOne(root, "Resources");
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as const) {
    const group = child(res, `bt:${kind}`);
    for (const el of group ? group.children : []) {
      const id = el.attrs.id;
      assert.ok(id, `line ${el.line}: a resource without an id`);
      resourceIds.push(id);
      const overrides: Record<string, string> = {};
      for (const o of el.children) {
        assert.equal(o.name, "bt:Override", `line ${o.line}`);
        assert.ok(!(o.attrs.Locale in overrides), `${id}: two ${o.attrs.Locale} overrides`);
        overrides[o.attrs.Locale] = o.attrs.Value;
      }
      resources.set(id, { kind, id, value: el.attrs.DefaultValue, overrides, el });
    }
  }
  return { root, resources, resourceIds };
}

function resids(root: XmlElement): { resid: string; el: XmlElement }[] {
  return descendants(root)
    .filter((e) => e.attrs.resid !== undefined)
    .map((el) => ({ resid: el.attrs.resid, el }));
}

function resource(m: Manifest, id: string | undefined): Resource {
  const r = id === undefined ? undefined : m.resources.get(id);
  assert.ok(r, `resource ${id} is not defined`);
  return r;
}

/** The Button controls of the ribbon group, by id. */
function buttons(m: Manifest): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  for (const c of findAll(m.root, "Control")) out.set(c.attrs.id, c);
  return out;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  assert.ok(
    buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    `${file} is not a PNG`
  );
  assert.equal(buf.toString("ascii", 12, 16), "IHDR", `${file}: no IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The RGBA pixels of an 8-bit RGBA, non-interlaced PNG with filter 0 rows (as make-icons writes). */
function pngPixels(file: string): Buffer {
  const buf = fs.readFileSync(file);
  const { width, height } = pngSize(file);
  assert.equal(buf[24], 8, "bit depth");
  assert.equal(buf[25], 6, "colour type RGBA");
  const idat: Buffer[] = [];
  for (let p = 8; p < buf.length;) {
    const len = buf.readUInt32BE(p);
    if (buf.toString("ascii", p + 4, p + 8) === "IDAT") idat.push(buf.subarray(p + 8, p + 8 + len));
    p += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const out = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    assert.equal(raw[y * (width * 4 + 1)], 0, "row filter");
    raw.copy(out, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return out;
}

/** resid of every image → the sizes it is declared at (`<bt:Image size resid>` in Icon elements). */
function imageSizes(m: Manifest): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const img of findAll(m.root, "bt:Image")) {
    if (img.attrs.resid === undefined) continue;
    const set = out.get(img.attrs.resid) ?? new Set<number>();
    set.add(Number(img.attrs.size));
    out.set(img.attrs.resid, set);
  }
  return out;
}

const ICONS_SCRIPT = path.join(ASSETS, "make-icons.js");

interface IconScript {
  icons(): [string, number, Buffer][];
}

describe("manifest.xml", () => {
  let m: Manifest;
  before(() => {
    m = load(path.join(ROOT, "manifest.xml"));
  });

  describe("resources and ids", () => {
    it("defines every resid it uses", () => {
      for (const { resid, el } of resids(m.root)) {
        assert.ok(m.resources.has(resid), `line ${el.line}: resid "${resid}" is not defined`);
      }
    });

    it("uses every resource it defines", () => {
      const used = new Set(resids(m.root).map((r) => r.resid));
      for (const id of m.resources.keys()) assert.ok(used.has(id), `resource ${id} is never used`);
    });

    it("has unique resource ids, and unique tab, group and control ids", () => {
      const dup = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
      assert.deepEqual(dup(m.resourceIds), []);
      const res = findOne(m.root, "Resources");
      const uiIds = descendants(m.root)
        .filter((e) => e.attrs.id !== undefined && !descendants(res).includes(e))
        .map((e) => e.attrs.id);
      assert.ok(uiIds.length >= 5, uiIds.join(", "));
      assert.deepEqual(dup(uiIds), []);
      const taskpaneIds = findAll(m.root, "TaskpaneId").map((e) => e.text.trim());
      assert.deepEqual(dup(taskpaneIds), []);
    });

    it("keeps strings and URLs within the schema's lengths", () => {
      for (const r of m.resources.values()) {
        const max =
          r.kind === "ShortStrings" ? MAX.short : r.kind === "LongStrings" ? MAX.long : MAX.url;
        for (const [where, v] of [["default", r.value], ...Object.entries(r.overrides)]) {
          assert.ok(v && v.trim() === v, `${r.id} (${where}): empty or padded`);
          assert.ok([...v].length <= max, `${r.id} (${where}): ${[...v].length} > ${max}`);
        }
      }
    });

    it("gives every label, tooltip and Get Started text a Vietnamese (vi-VN) override", () => {
      const texts = [...m.resources.values()].filter(
        (r) =>
          (r.kind === "ShortStrings" || r.kind === "LongStrings") && r.id !== "Functions.Namespace"
      );
      assert.ok(texts.length >= 9, `${texts.length} strings`);
      for (const r of texts) {
        const vi = r.overrides["vi-VN"];
        assert.ok(vi, `${r.id}: no vi-VN override`);
        assert.match(vi, VIETNAMESE, `${r.id}: "${vi}" has no Vietnamese diacritics`);
        assert.doesNotMatch(r.value, VIETNAMESE, `${r.id}: the default should be English`);
        assert.deepEqual(Object.keys(r.overrides), ["vi-VN"], r.id);
      }
      // Every label, title and description in the UI points at one of those strings.
      const uiTexts = ["Label", "Title", "Description"].flatMap((n) =>
        findAll(findOne(m.root, "VersionOverrides"), n)
      );
      assert.ok(uiTexts.length >= 12);
      for (const e of uiTexts) assert.ok(texts.includes(resource(m, e.attrs.resid)), e.attrs.resid);
      for (const name of ["DisplayName", "Description"]) {
        const el = child(m.root, name);
        assert.ok(el, name);
        const vi = findOne(el, "Override");
        assert.equal(vi.attrs.Locale, "vi-VN");
        assert.match(vi.attrs.Value, VIETNAMESE, name);
      }
    });
  });

  describe("the ribbon", () => {
    it('has the group "Báo cáo HTX" on the Home tab with the three buttons, in order', () => {
      const tab = findOne(m.root, "OfficeTab");
      assert.equal(tab.attrs.id, "TabHome");
      const group = findOne(tab, "Group");
      const label = resource(m, child(group, "Label")?.attrs.resid);
      assert.equal(label.value, "HTX Report");
      assert.equal(label.overrides["vi-VN"], "Báo cáo HTX");
      const controls = group.children.filter((c) => c.name === "Control");
      assert.deepEqual(
        controls.map((c) => [c.attrs.id, xsiType(c)]),
        [
          ["Htx.Check", "Button"],
          ["Htx.BuildSummary", "Button"],
          ["Htx.ShowTaskpane", "Button"],
        ]
      );
      const vi = controls.map(
        (c) => resource(m, child(c, "Label")?.attrs.resid).overrides["vi-VN"]
      );
      assert.deepEqual(vi, ["Kiểm tra dữ liệu", "Lập bảng tổng hợp", "Mở ngăn Báo cáo HTX"]);
    });

    it("runs htxCheck and htxBuildSummary (the ids the commands register) and shows the pane", () => {
      const b = buttons(m);
      const action = (id: string) => {
        const c = b.get(id);
        assert.ok(c, id);
        return findOne(c, "Action");
      };
      assert.equal(xsiType(action("Htx.Check")), "ExecuteFunction");
      assert.equal(findOne(action("Htx.Check"), "FunctionName").text.trim(), COMMAND_IDS.check);
      assert.equal(COMMAND_IDS.check, "htxCheck");
      assert.equal(xsiType(action("Htx.BuildSummary")), "ExecuteFunction");
      assert.equal(
        findOne(action("Htx.BuildSummary"), "FunctionName").text.trim(),
        COMMAND_IDS.buildSummary
      );
      assert.equal(COMMAND_IDS.buildSummary, "htxBuildSummary");
      const show = action("Htx.ShowTaskpane");
      assert.equal(xsiType(show), "ShowTaskpane");
      assert.equal(findOne(show, "TaskpaneId").text.trim(), "Htx.Taskpane");
      assert.equal(findOne(show, "SourceLocation").attrs.resid, "Taskpane.Url");
    });

    it("gives each button a supertip and its own icon at 16, 32 and 80 px", () => {
      const seen = new Set<string>();
      for (const c of buttons(m).values()) {
        const tip = findOne(c, "Supertip");
        assert.ok(child(tip, "Title") && child(tip, "Description"), c.attrs.id);
        const images = findAll(findOne(c, "Icon"), "bt:Image");
        assert.deepEqual(
          images.map((i) => i.attrs.size),
          ["16", "32", "80"],
          c.attrs.id
        );
        for (const i of images) {
          const url = resource(m, i.attrs.resid).value;
          assert.ok(!seen.has(url), `${c.attrs.id}: ${url} is another button's icon`);
          seen.add(url);
        }
      }
      assert.equal(seen.size, 9);
    });
  });

  describe("one shared runtime", () => {
    it("serves the pane, the commands and the custom functions from Taskpane.Url, lifetime long", () => {
      const runtimes = findAll(m.root, "Runtime");
      assert.equal(runtimes.length, 1);
      const rt = runtimes[0];
      assert.equal(rt.attrs.lifetime, "long");
      const id = rt.attrs.resid;
      assert.equal(findOne(m.root, "FunctionFile").attrs.resid, id);
      const cf = findAll(m.root, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
      assert.ok(cf, "no CustomFunctions extension point");
      assert.equal(findOne(findOne(cf, "Page"), "SourceLocation").attrs.resid, id);
      const show = findAll(m.root, "Action").find((a) => xsiType(a) === "ShowTaskpane");
      assert.ok(show);
      assert.equal(findOne(show, "SourceLocation").attrs.resid, id);
      // The same page as the add-in's default source location.
      const page = findOne(findOne(m.root, "DefaultSettings"), "SourceLocation").attrs.DefaultValue;
      assert.equal(resource(m, id).value, page);
      assert.equal(page, `${DEV_BASE}taskpane.html`);
    });

    it("requires SharedRuntime 1.1, asks ReadWriteDocument, custom functions in namespace HTX", () => {
      const sets = findAll(findOne(m.root, "Requirements"), "Set");
      assert.ok(sets.some((s) => s.attrs.Name === "SharedRuntime" && s.attrs.MinVersion === "1.1"));
      assert.equal(findOne(m.root, "Permissions").text.trim(), "ReadWriteDocument");
      assert.deepEqual(
        findAll(m.root, "Host")
          .filter((h) => h.attrs.Name)
          .map((h) => h.attrs.Name),
        ["Workbook"]
      );
      const cf = findAll(m.root, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
      assert.ok(cf);
      assert.equal(resource(m, findOne(cf, "Namespace").attrs.resid).value, "HTX");
      const meta = resource(m, findOne(findOne(cf, "Metadata"), "SourceLocation").attrs.resid);
      assert.equal(meta.value, `${DEV_BASE}functions.json`);
      assert.equal(meta.overrides["vi-VN"], `${DEV_BASE}functions.vi-VN.json`);
      const script = resource(m, findOne(findOne(cf, "Script"), "SourceLocation").attrs.resid);
      assert.equal(script.value, `${DEV_BASE}functions.js`);
    });
  });

  describe("icons in assets/", () => {
    it("exist at the size each use declares", () => {
      const sizes = imageSizes(m);
      for (const [id, set] of sizes) {
        const url = resource(m, id).value;
        assert.ok(url.startsWith(`${DEV_BASE}assets/`), url);
        const file = path.join(ROOT, url.slice(DEV_BASE.length));
        assert.ok(fs.existsSync(file), `${file} is missing`);
        assert.equal(set.size, 1, `${id} is used at several sizes`);
        const [size] = [...set];
        assert.deepEqual(pngSize(file), { width: size, height: size }, file);
      }
      for (const [name, size] of [
        ["IconUrl", 32],
        ["HighResolutionIconUrl", 64],
      ] as const) {
        const url = child(m.root, name)?.attrs.DefaultValue ?? "";
        const file = path.join(ROOT, url.slice(DEV_BASE.length));
        assert.deepEqual(pngSize(file), { width: size, height: size }, name);
      }
      assert.deepEqual(pngSize(path.join(ASSETS, "icon-128.png")), { width: 128, height: 128 });
    });

    it("are what assets/make-icons.js draws (regenerate with `node assets/make-icons.js`)", () => {
      const script = require(ICONS_SCRIPT) as IconScript;
      const drawn = script.icons();
      assert.equal(drawn.length, 9);
      for (const [file, size, pixels] of drawn) {
        const full = path.join(ASSETS, file);
        assert.deepEqual(pngSize(full), { width: size, height: size }, file);
        assert.ok(pngPixels(full).equals(pixels), `${file} differs from what make-icons.js draws`);
      }
      // Three distinct pictograms, not blank.
      const at32 = drawn.filter(([, size]) => size === 32).map(([, , px]) => px);
      for (const px of at32) assert.ok(px.some((v, i) => i % 4 === 3 && v === 255));
      assert.ok(!at32[0].equals(at32[1]) && !at32[1].equals(at32[2]) && !at32[0].equals(at32[2]));
    });
  });
});

describe("dist/manifest.xml (the built add-in)", function () {
  this.timeout(300000);

  before(() => {
    const built = path.join(DIST, "manifest.xml");
    const sources = [
      path.join(ROOT, "manifest.xml"),
      ...fs
        .readdirSync(ASSETS)
        .filter((f) => f.endsWith(".png"))
        .map((f) => path.join(ASSETS, f)),
    ];
    const stale =
      !fs.existsSync(built) ||
      sources.some((f) => fs.statSync(f).mtimeMs > fs.statSync(built).mtimeMs);
    if (stale) execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
  });

  it("is the source manifest with only the base URL changed", () => {
    const dist = load(path.join(DIST, "manifest.xml"));
    const src = load(path.join(ROOT, "manifest.xml"));
    const base = findOne(findOne(dist.root, "DefaultSettings"), "SourceLocation").attrs
      .DefaultValue;
    assert.match(base, /^https:\/\/[^/]+\/(?:.*\/)?taskpane\.html$/);
    const prefix = base.slice(0, -"taskpane.html".length);
    const shape = (mf: Manifest, p: string) =>
      descendants(mf.root).map((e) => [
        e.name,
        JSON.stringify(e.attrs).split(p).join("<base>/"),
        e.text.trim(),
      ]);
    assert.deepEqual(shape(dist, prefix), shape(src, DEV_BASE));
  });

  it("names only files that are in dist/, and icons of the declared sizes", () => {
    const dist = load(path.join(DIST, "manifest.xml"));
    const base = findOne(findOne(dist.root, "DefaultSettings"), "SourceLocation").attrs
      .DefaultValue;
    const prefix = base.slice(0, -"taskpane.html".length);
    const urls = descendants(dist.root).flatMap((e) =>
      ["DefaultValue", "Value"]
        .map((a) => e.attrs[a])
        .filter((v): v is string => typeof v === "string" && /^https?:\/\//.test(v))
    );
    assert.ok(urls.length >= 20, `${urls.length} URLs`);
    for (const url of urls) {
      assert.ok(url.startsWith(prefix), `${url} is not under ${prefix}`);
      const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(prefix).pathname.length));
      const file = path.join(DIST, ...rel.split("/"));
      assert.ok(fs.existsSync(file) && fs.statSync(file).isFile(), `${url}: ${file} is missing`);
    }
    for (const [id, set] of imageSizes(dist)) {
      const url = resource(dist, id).value;
      const file = path.join(DIST, url.slice(prefix.length));
      const [size] = [...set];
      assert.deepEqual(pngSize(file), { width: size, height: size }, url);
    }
  });
});
