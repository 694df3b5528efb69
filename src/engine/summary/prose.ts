/**
 * The draft of the report's prose, in the register of the provincial report
 * ("Vận động thành lập mới 51/50 THT, đạt và vượt 102% kế hoạch, với tổng số
 * vốn góp là 581 triệu đồng …"). Figures that are unavailable are left out.
 */
import type { Analysis, IndicatorResult } from "../analyse";
import { formatNumberVi, formatPlanText, formatRatio, formatVnd } from "../format/vi";

type Get = (code: string) => IndicatorResult | undefined;

function n(x: number | null | undefined, decimals?: number): string | null {
  if (x === null || x === undefined) return null;
  return formatNumberVi(x, decimals !== undefined ? decimals : Number.isInteger(x) ? 0 : undefined);
}

/** "06" style counts below ten, as the reports write them. */
function count(x: number | null | undefined): string | null {
  if (x === null || x === undefined) return null;
  return Number.isInteger(x) && x >= 1 && x < 10 ? String(x).padStart(2, "0") : (n(x) as string);
}

/** "51/50 THT, đạt và vượt 102% kế hoạch" or "51 THT" when there is no plan. */
function planned(ind: IndicatorResult | undefined, noun: string): string | null {
  if (!ind || ind.actual === null) return null;
  if (ind.plan !== null && ind.plan > 0) {
    return `${formatRatio(ind.actual, ind.plan)} ${noun}, ${formatPlanText(ind.actual, ind.plan)}`;
  }
  return `${count(ind.actual)} ${noun}`;
}

function join(parts: (string | null)[], sep = ", "): string {
  return parts.filter((p): p is string => !!p).join(sep);
}

function money(dong: number | null | undefined, style: "words" | "digits"): string | null {
  return dong === null || dong === undefined ? null : formatVnd(dong, style);
}

function millionsToDong(x: number | null | undefined): number | null {
  return x === null || x === undefined ? null : x * 1e6;
}

export function buildProse(a: Analysis, unionNames: string[] = []): string[] {
  const by = new Map(a.indicators.map((i) => [i.code, i]));
  const g: Get = (c) => by.get(c);
  const v = (c: string) => g(c)?.actual ?? null;
  const out: string[] = [];
  const Y = a.year;

  // 1. THT
  if (v("tht.new") !== null || v("tht.total") !== null) {
    const newPart = planned(g("tht.new"), "THT");
    const details = join([
      v("tht.new.capital") !== null
        ? `tổng số vốn góp là ${money(millionsToDong(v("tht.new.capital")), "words")}`
        : null,
      v("tht.new.area") !== null ? `diện tích đất sản xuất ${n(v("tht.new.area"))} ha` : null,
      v("tht.new.members") !== null ? `${n(v("tht.new.members"))} tổ viên` : null,
      v("tht.new.workers") !== null ? `${n(v("tht.new.workers"))} lao động` : null,
    ]);
    const s1 = newPart
      ? `Vận động thành lập mới ${newPart}${details ? `, với ${details}` : ""}.`
      : "";
    const split = join([
      v("tht.total.nong_nghiep") !== null
        ? `${n(v("tht.total.nong_nghiep"))} THT nông nghiệp`
        : null,
      v("tht.total.phi_nong_nghiep") !== null
        ? `${n(v("tht.total.phi_nong_nghiep"))} THT phi nông nghiệp`
        : null,
    ]);
    const totals = join([
      v("tht.capital") !== null
        ? `tổng vốn góp ${money(millionsToDong(v("tht.capital")), "words")}`
        : null,
      v("tht.area") !== null ? `diện tích đất sản xuất ${n(v("tht.area"))} ha` : null,
      v("tht.members") !== null ? `${n(v("tht.members"))} tổ viên` : null,
      v("tht.workers") !== null ? `${n(v("tht.workers"))} lao động thời vụ` : null,
    ]);
    const s2 =
      v("tht.total") !== null
        ? `Đến ngày 31/12/${Y}, toàn tỉnh có ${n(v("tht.total"))} THT${split ? ` (${split})` : ""}${totals ? `, với ${totals}` : ""}.`
        : "";
    out.push(`1. Tổ hợp tác: ${join([s1, s2], " ")}`);
  }

  // 2. HTX
  if (v("htx.new") !== null || v("htx.active") !== null) {
    const newPart = planned(g("htx.new"), "HTX");
    const details = join([
      v("htx.new.area") !== null ? `tổng diện tích ${n(v("htx.new.area"))} ha` : null,
      v("htx.new.charter_capital") !== null
        ? `vốn điều lệ ${money(v("htx.new.charter_capital"), "digits")}`
        : null,
      v("htx.new.members") !== null ? `${n(v("htx.new.members"))} thành viên` : null,
      v("htx.new.workers") !== null ? `${n(v("htx.new.workers"))} lao động` : null,
    ]);
    const s1 = newPart ? `Thành lập mới ${newPart}${details ? `, với ${details}` : ""}.` : "";
    const active = v("htx.active");
    const prev = v("htx.active.prev");
    let change = "";
    if (active !== null && prev !== null && active !== prev) {
      change = ` (${active > prev ? "tăng" : "giảm"} ${n(Math.abs(active - prev))} HTX so với cuối năm ${Y - 1})`;
    }
    const split = join([
      v("htx.active.nong_nghiep") !== null
        ? `${n(v("htx.active.nong_nghiep"))} HTX nông nghiệp`
        : null,
      v("htx.active.phi_nong_nghiep") !== null
        ? `${n(v("htx.active.phi_nong_nghiep"))} HTX phi nông nghiệp`
        : null,
      v("htx.active.qtdnd") !== null ? `${n(v("htx.active.qtdnd"))} Quỹ tín dụng nhân dân` : null,
      v("htx.active.unclassified") ? `${n(v("htx.active.unclassified"))} HTX chưa phân loại` : null,
    ]);
    const totals = join([
      v("htx.charter_capital") !== null
        ? `tổng vốn điều lệ ${money(v("htx.charter_capital"), "words")}`
        : null,
      v("htx.area") !== null ? `diện tích ${n(v("htx.area"))} ha` : null,
      v("htx.members") !== null ? `${n(v("htx.members"))} thành viên` : null,
      v("htx.workers") !== null ? `${n(v("htx.workers"))} lao động` : null,
    ]);
    const s2 =
      active !== null
        ? `Đến ngày 31/12/${Y}, toàn tỉnh có ${n(active)} HTX đang hoạt động${change}${split ? `, trong đó ${split}` : ""}${totals ? `; ${totals}` : ""}.`
        : "";
    const dissolved = v("htx.dissolved");
    const s3 = dissolved ? `Trong năm giải thể ${count(dissolved)} HTX.` : "";
    out.push(`2. Hợp tác xã: ${join([s1, s2, s3], " ")}`);
  }

  // 3. Unions
  const un = v("union.new");
  if (un) {
    const names = unionNames.length ? ` (${unionNames.join(", ")})` : "";
    const details = join([
      v("union.new.charter_capital") !== null
        ? `vốn điều lệ ${money(v("union.new.charter_capital"), "digits")}`
        : null,
      v("union.new.area") !== null ? `diện tích ${n(v("union.new.area"))} ha` : null,
      v("union.new.member_coops") !== null
        ? `${count(v("union.new.member_coops"))} HTX thành viên`
        : null,
    ]);
    out.push(
      `3. Liên hiệp HTX: Thành lập mới ${count(un)} Liên hiệp HTX${names}${details ? `, với ${details}` : ""}.`
    );
  }

  // 4. Training
  const tr = join(
    [
      trainingPart(
        g("training.quan_ly.courses"),
        g("training.quan_ly.participants"),
        "lớp tập huấn cán bộ quản lý HTX"
      ),
      trainingPart(
        g("training.nang_luc.courses"),
        g("training.nang_luc.participants"),
        "lớp đào tạo, bồi dưỡng nâng cao năng lực"
      ),
      trainingPart(
        g("training.tuyen_truyen.sessions"),
        g("training.tuyen_truyen.participants"),
        "cuộc tuyên truyền"
      ),
    ],
    "; "
  );
  if (tr) out.push(`4. Đào tạo, tập huấn, tuyên truyền: Tổ chức ${tr}.`);

  // 5. Fairs
  const fairsHtx = g("fairs.htx");
  const fairParts = join(
    [
      fairsHtx && fairsHtx.actual !== null ? fairsSentence(fairsHtx, v("fairs.events")) : null,
      v("fairs.conference.htx")
        ? `${n(v("fairs.conference.htx"))} HTX tham gia hội nghị xúc tiến thương mại`
        : null,
      v("fairs.connect.products")
        ? `${n(v("fairs.connect.products"))} sản phẩm tham gia kết nối tiêu thụ`
        : null,
    ],
    "; "
  );
  if (fairParts) out.push(`5. Xúc tiến thương mại: ${fairParts}.`);

  // 6. Loans
  if (v("loans.projects")) {
    const amount = v("loans.amount");
    out.push(
      `6. Hỗ trợ vốn: Giới thiệu ${count(v("loans.projects"))} dự án vay vốn${amount !== null ? `, giải ngân ${money(millionsToDong(amount), "words")}` : ""}.`
    );
  }

  // 7. Next year's plan
  const next = a.indicators.filter((i) => i.plan_next !== null);
  if (next.length) {
    const items = next.map(
      (i) => `${i.label.replace(/^Trong đó: /, "")} ${n(i.plan_next)} ${i.unit}`
    );
    out.push(`7. Kế hoạch năm ${Y + 1}: ${items.join("; ")}.`);
  }
  return out;
}

function trainingPart(
  courses: IndicatorResult | undefined,
  people: IndicatorResult | undefined,
  noun: string
): string | null {
  if (!courses || !courses.actual) return null;
  const p = people && people.actual !== null ? `, với ${n(people.actual)} người tham dự` : "";
  return `${planned(courses, noun)}${p}`;
}

/** "Hỗ trợ 14/08 lượt HTX tham gia 02 hội chợ, đạt và vượt 175% kế hoạch" */
function fairsSentence(ind: IndicatorResult, events: number | null): string {
  const actual = ind.actual as number;
  const where = events ? ` tham gia ${count(events)} hội chợ` : " tham gia hội chợ";
  if (ind.plan !== null && ind.plan > 0) {
    return `Hỗ trợ ${formatRatio(actual, ind.plan)} lượt HTX${where}, ${formatPlanText(actual, ind.plan)}`;
  }
  return `Hỗ trợ ${count(actual)} lượt HTX${where}`;
}
