/** The indicators of DOMAIN §5: codes, labels, units, sections. */
import type { SheetKind } from "../detect/schema";

export type Section = "tht" | "htx" | "union" | "training" | "fairs" | "loans";

export interface IndicatorDef {
  code: string;
  label: string;
  label_en: string;
  /** Unit as the table names it (money in this unit in JSON). */
  unit: string;
  plannable: boolean;
  section: Section;
  source: SheetKind;
  /** Scale from the engine's internal unit (đồng for money, ha for area) to `unit`. */
  scale: number;
  /** Number of decimals shown in the summary sheet. */
  decimals: number;
  /** Indent (a "Trong đó" line). */
  sub?: boolean;
  /** Shown only when not 0. */
  hideZero?: boolean;
}

const d = (
  code: string,
  label: string,
  label_en: string,
  unit: string,
  section: Section,
  source: SheetKind,
  opts: Partial<Pick<IndicatorDef, "plannable" | "scale" | "decimals" | "sub" | "hideZero">> = {}
): IndicatorDef => ({
  code,
  label,
  label_en,
  unit,
  section,
  source,
  plannable: opts.plannable ?? false,
  scale: opts.scale ?? 1,
  decimals: opts.decimals ?? 0,
  sub: opts.sub,
  hideZero: opts.hideZero,
});

const MILLION = 1e-6;

export const INDICATORS: IndicatorDef[] = [
  d("tht.new", "THT thành lập mới", "New cooperative groups", "THT", "tht", "tht", {
    plannable: true,
  }),
  d("tht.new.capital", "Vốn góp của THT mới", "Capital of new groups", "triệu đồng", "tht", "tht", {
    scale: MILLION,
    decimals: 2,
  }),
  d(
    "tht.new.area",
    "Diện tích đất sản xuất của THT mới",
    "Land of new groups",
    "ha",
    "tht",
    "tht",
    { decimals: 2 }
  ),
  d("tht.new.members", "Tổ viên THT mới", "Members of new groups", "người", "tht", "tht", {
    plannable: true,
  }),
  d("tht.new.workers", "Lao động của THT mới", "Workers of new groups", "người", "tht", "tht"),
  d("tht.total", "Tổng số THT hiện có", "Cooperative groups at year end", "THT", "tht", "tht"),
  d(
    "tht.total.nong_nghiep",
    "Trong đó: THT nông nghiệp",
    "of which agricultural",
    "THT",
    "tht",
    "tht",
    { sub: true }
  ),
  d(
    "tht.total.phi_nong_nghiep",
    "Trong đó: THT phi nông nghiệp",
    "of which non-agricultural",
    "THT",
    "tht",
    "tht",
    { sub: true }
  ),
  d("tht.capital", "Tổng vốn góp của THT", "Total capital of groups", "triệu đồng", "tht", "tht", {
    scale: MILLION,
    decimals: 2,
  }),
  d("tht.area", "Diện tích đất sản xuất của THT", "Land of groups", "ha", "tht", "tht", {
    decimals: 2,
  }),
  d("tht.members", "Tổng số tổ viên THT", "Members of groups", "người", "tht", "tht"),
  d("tht.workers", "Lao động thời vụ của THT", "Seasonal workers of groups", "người", "tht", "tht"),
  d(
    "tht.revenue.avg",
    "Doanh thu bình quân của THT",
    "Average revenue of a group",
    "triệu đồng/năm",
    "tht",
    "tht",
    { plannable: true, scale: MILLION, decimals: 2 }
  ),
  d("htx.new", "HTX thành lập mới", "New cooperatives", "HTX", "htx", "htx", { plannable: true }),
  d("htx.new.area", "Diện tích của HTX mới", "Land of new cooperatives", "ha", "htx", "htx", {
    decimals: 2,
  }),
  d(
    "htx.new.charter_capital",
    "Vốn điều lệ của HTX mới",
    "Charter capital of new cooperatives",
    "đồng",
    "htx",
    "htx"
  ),
  d("htx.new.members", "Thành viên HTX mới", "Members of new cooperatives", "người", "htx", "htx", {
    plannable: true,
  }),
  d(
    "htx.new.workers",
    "Lao động của HTX mới",
    "Workers of new cooperatives",
    "người",
    "htx",
    "htx"
  ),
  d("htx.active", "HTX đang hoạt động", "Active cooperatives", "HTX", "htx", "htx"),
  d(
    "htx.active.prev",
    "HTX đang hoạt động đến 31/12 năm trước",
    "Active at the end of last year",
    "HTX",
    "htx",
    "htx"
  ),
  d("htx.dissolved", "HTX giải thể trong năm", "Dissolved in the year", "HTX", "htx", "htx"),
  d("htx.suspended", "HTX ngừng hoạt động", "Suspended cooperatives", "HTX", "htx", "htx"),
  d(
    "htx.active.nong_nghiep",
    "Trong đó: HTX nông nghiệp",
    "of which agricultural",
    "HTX",
    "htx",
    "htx",
    { sub: true }
  ),
  d(
    "htx.active.phi_nong_nghiep",
    "Trong đó: HTX phi nông nghiệp",
    "of which non-agricultural",
    "HTX",
    "htx",
    "htx",
    { sub: true }
  ),
  d(
    "htx.active.qtdnd",
    "Trong đó: Quỹ tín dụng nhân dân",
    "of which people's credit funds",
    "HTX",
    "htx",
    "htx",
    { sub: true }
  ),
  d(
    "htx.active.unclassified",
    "Trong đó: chưa phân loại",
    "of which unclassified",
    "HTX",
    "htx",
    "htx",
    { sub: true, hideZero: true }
  ),
  d(
    "htx.charter_capital",
    "Tổng vốn điều lệ của HTX",
    "Charter capital of cooperatives",
    "đồng",
    "htx",
    "htx"
  ),
  d("htx.area", "Diện tích của HTX", "Land of cooperatives", "ha", "htx", "htx", { decimals: 2 }),
  d("htx.members", "Tổng số thành viên HTX", "Members of cooperatives", "người", "htx", "htx"),
  d("htx.workers", "Lao động của HTX", "Workers of cooperatives", "người", "htx", "htx"),
  d(
    "htx.revenue.avg",
    "Doanh thu bình quân của HTX",
    "Average revenue of a cooperative",
    "triệu đồng/năm",
    "htx",
    "htx",
    { plannable: true, scale: MILLION, decimals: 2 }
  ),
  d(
    "union.new",
    "Liên hiệp HTX thành lập mới",
    "New unions of cooperatives",
    "LHHTX",
    "union",
    "htx"
  ),
  d(
    "union.new.charter_capital",
    "Vốn điều lệ của LHHTX mới",
    "Charter capital of new unions",
    "đồng",
    "union",
    "htx"
  ),
  d("union.new.area", "Diện tích của LHHTX mới", "Land of new unions", "ha", "union", "htx", {
    decimals: 2,
  }),
  d(
    "union.new.member_coops",
    "HTX thành viên của LHHTX mới",
    "Member cooperatives of new unions",
    "HTX",
    "union",
    "htx"
  ),
  d(
    "training.quan_ly.courses",
    "Lớp tập huấn cán bộ quản lý HTX",
    "Courses for cooperative managers",
    "lớp",
    "training",
    "training",
    { plannable: true }
  ),
  d(
    "training.quan_ly.participants",
    "Người tham dự tập huấn cán bộ quản lý",
    "Participants (managers)",
    "người",
    "training",
    "training"
  ),
  d(
    "training.nang_luc.courses",
    "Lớp đào tạo nâng cao năng lực",
    "Capacity-building courses",
    "lớp",
    "training",
    "training",
    { plannable: true }
  ),
  d(
    "training.nang_luc.participants",
    "Người tham dự đào tạo nâng cao năng lực",
    "Participants (capacity building)",
    "người",
    "training",
    "training"
  ),
  d(
    "training.tuyen_truyen.sessions",
    "Cuộc tuyên truyền",
    "Outreach sessions",
    "cuộc",
    "training",
    "training",
    { plannable: true }
  ),
  d(
    "training.tuyen_truyen.participants",
    "Người tham dự tuyên truyền",
    "Participants (outreach)",
    "người",
    "training",
    "training"
  ),
  d(
    "fairs.htx",
    "Lượt HTX tham gia hội chợ",
    "Cooperative entries at fairs",
    "lượt HTX",
    "fairs",
    "fairs",
    { plannable: true }
  ),
  d("fairs.events", "Số hội chợ tham gia", "Fairs attended", "hội chợ", "fairs", "fairs"),
  d(
    "fairs.conference.htx",
    "HTX tham gia hội nghị XTTM",
    "Cooperatives at trade conferences",
    "HTX",
    "fairs",
    "fairs"
  ),
  d(
    "fairs.connect.products",
    "Sản phẩm tham gia kết nối tiêu thụ",
    "Products at market-connection events",
    "sản phẩm",
    "fairs",
    "fairs"
  ),
  d(
    "loans.projects",
    "Dự án được giới thiệu vay vốn",
    "Projects introduced for loans",
    "dự án",
    "loans",
    "loans"
  ),
  d("loans.amount", "Vốn vay được giải ngân", "Loans disbursed", "triệu đồng", "loans", "loans", {
    scale: MILLION,
    decimals: 2,
  }),
];

export const INDICATOR_BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));
