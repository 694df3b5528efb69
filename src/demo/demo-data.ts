/**
 * Synthetic, deterministic data for the demo workbook (`htx-report demo`).
 *
 * The rows are made up, but their 2022 summary reproduces every figure of
 * the Kiên Giang year-end 2022 report (spec/reference-2022.md) exactly.
 * Everything is derived from a seeded PRNG (mulberry32): no Math.random, no
 * clock. Sums are built in integers (tenths of a million đồng, hundredths of
 * a hectare, thousands of đồng) so that no float drift can creep in.
 *
 * This module is pure data: no ExcelJS. `demo-workbook.ts` renders the sheet
 * specs built here; `large-workbook.ts` reuses the layouts and the random
 * row generators for the benchmark workbook.
 */

// ---------------------------------------------------------------------------
// Random numbers and dates
// ---------------------------------------------------------------------------

/** The mulberry32 generator: a function returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small seeded random source with the helpers the generators need. */
export class Rng {
  private readonly source: () => number;

  constructor(seed: number) {
    this.source = mulberry32(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.source();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.source() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.source() * items.length)];
  }

  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.source() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i];
      if (x < 0) return items[i];
    }
    return items[items.length - 1];
  }

  chance(p: number): boolean {
    return this.source() < p;
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u1 = 1 - this.source();
    const u2 = this.source();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A log-normal factor with mean 1. */
  factor(sigma: number): number {
    return Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
  }

  /** Shuffles in place (Fisher–Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.source() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}

/** A date at UTC midnight (how ExcelJS stores a date without time). */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

const DAY_MS = 86400000;

/** A random date between two dates, both inclusive. */
export function randomDateBetween(rng: Rng, from: Date, to: Date): Date {
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  return new Date(from.getTime() + rng.int(0, days) * DAY_MS);
}

/** "dd/mm/yyyy" of a UTC date. */
export function formatDateVi(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/**
 * A founding year in [from, to], skewed towards recent years (most groups
 * still active were founded after the 2012 law).
 */
function recentYear(rng: Rng, from: number, to: number): number {
  return from + Math.floor(Math.pow(rng.next(), 0.6) * (to - from + 1));
}

// ---------------------------------------------------------------------------
// Integer partitions with exact totals
// ---------------------------------------------------------------------------

/** One value to generate: its bounds, its relative size, or a fixed value. */
export interface PartitionSlot {
  min: number;
  max: number;
  /** Relative expected size (before scaling to the total). */
  weight: number;
  /** A value that must stay as it is (a planted text number …). */
  fixed?: number;
  /** Spread of this slot's log-normal draw (default: the partition's sigma). */
  sigma?: number;
}

/**
 * Random-looking integers within their bounds whose sum is exactly `total`.
 * Values are multiples of `grain` (after rounding the bounds inwards) except
 * the last free slot, which absorbs the remainder below one grain.
 */
export function partitionInt(
  rng: Rng,
  slots: readonly PartitionSlot[],
  total: number,
  grain: number,
  sigma: number
): number[] {
  const lo = (s: PartitionSlot): number => Math.ceil(s.min / grain) * grain;
  const hi = (s: PartitionSlot): number => Math.floor(s.max / grain) * grain;
  const free: number[] = [];
  let target = total;
  let minSum = 0;
  let maxSum = 0;
  slots.forEach((s, i) => {
    if (s.fixed !== undefined) {
      target -= s.fixed;
    } else {
      free.push(i);
      minSum += s.min;
      maxSum += s.max;
    }
  });
  if (!Number.isInteger(total) || target < minSum || target > maxSum || free.length === 0) {
    throw new Error(`partitionInt: ${total} cannot be split over ${slots.length} slots`);
  }
  const values = slots.map((s) => (s.fixed === undefined ? 0 : s.fixed));
  const raw = free.map((i) => slots[i].weight * rng.factor(slots[i].sigma ?? sigma));
  let weightSum = 0;
  for (const i of free) weightSum += slots[i].weight;
  const rawSum = raw.reduce((a, b) => a + b, 0);
  const scale = target / rawSum;
  let sum = 0;
  free.forEach((i, k) => {
    const s = slots[i];
    const v = Math.round((raw[k] * scale) / grain) * grain;
    values[i] = Math.min(hi(s), Math.max(lo(s), v));
    sum += values[i];
  });
  let diff = target - sum;
  // Spread the difference over many slots, in steps proportional to their size.
  let misses = 0;
  while (Math.abs(diff) >= grain && misses < 50 * free.length) {
    const i = free[Math.floor(rng.next() * free.length)];
    const s = slots[i];
    const room = diff > 0 ? hi(s) - values[i] : values[i] - lo(s);
    if (room < grain) {
      misses++;
      continue;
    }
    const want = Math.abs(diff);
    const share = (want * s.weight * 3) / weightSum;
    const chunk = grain * Math.max(1, Math.ceil(share / grain));
    const step = Math.min(Math.floor(want / grain) * grain, room, chunk);
    values[i] += diff > 0 ? step : -step;
    diff += diff > 0 ? -step : step;
  }
  // Whatever is left (less than a grain, or stuck slots) goes to the last rows.
  for (let k = free.length - 1; k >= 0 && diff !== 0; k--) {
    const i = free[k];
    const s = slots[i];
    const next = Math.min(s.max, Math.max(s.min, values[i] + diff));
    diff -= next - values[i];
    values[i] = next;
  }
  if (diff !== 0) throw new Error("partitionInt: could not reach the total");
  return values;
}

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

/** Splits a comma-separated list of names. */
function names(list: string): readonly string[] {
  return list.split(",").map((n) => n.trim());
}

export interface DistrictInfo {
  /** The unit's name without prefix ("Rạch Giá"). */
  name: string;
  /** The prefix staff sometimes write ("TP. Rạch Giá", "Huyện Hòn Đất"). */
  prefix: "TP." | "Huyện";
  communes: readonly string[];
  coastal: boolean;
  /** Relative weights: agricultural THT, non-agricultural THT, HTX. */
  nn: number;
  pnn: number;
  htx: number;
}

/** Kiên Giang's 15 district-level units as of 2022. */
export const DISTRICTS: readonly DistrictInfo[] = [
  {
    name: "Rạch Giá",
    prefix: "TP.",
    communes: names(
      "Vĩnh Thanh Vân, Vĩnh Lạc, Vĩnh Bảo, Vĩnh Quang, Vĩnh Thanh, An Hòa, An Bình, Rạch Sỏi, Vĩnh Lợi, Vĩnh Thông, Phi Thông"
    ),
    coastal: true,
    nn: 2,
    pnn: 10,
    htx: 4,
  },
  {
    name: "Hà Tiên",
    prefix: "TP.",
    communes: names("Tô Châu, Đông Hồ, Bình San, Pháo Đài, Mỹ Đức, Thuận Yên, Tiên Hải"),
    coastal: true,
    nn: 2,
    pnn: 5,
    htx: 2,
  },
  {
    name: "Phú Quốc",
    prefix: "TP.",
    communes: names(
      "Dương Đông, An Thới, Cửa Cạn, Gành Dầu, Cửa Dương, Hàm Ninh, Dương Tơ, Bãi Thơm, Thổ Châu"
    ),
    coastal: true,
    nn: 3,
    pnn: 8,
    htx: 3,
  },
  {
    name: "Kiên Lương",
    prefix: "Huyện",
    communes: names(
      "Kiên Lương, Bình An, Bình Trị, Hòa Điền, Kiên Bình, Dương Hòa, Hòn Nghệ, Sơn Hải"
    ),
    coastal: true,
    nn: 5,
    pnn: 5,
    htx: 5,
  },
  {
    name: "Giang Thành",
    prefix: "Huyện",
    communes: names("Tân Khánh Hòa, Phú Lợi, Phú Mỹ, Vĩnh Điều, Vĩnh Phú"),
    coastal: false,
    nn: 6,
    pnn: 3,
    htx: 5,
  },
  {
    name: "Hòn Đất",
    prefix: "Huyện",
    communes: names(
      "Hòn Đất, Sóc Sơn, Bình Giang, Bình Sơn, Mỹ Hiệp Sơn, Mỹ Lâm, Mỹ Phước, Mỹ Thái, Mỹ Thuận, Nam Thái Sơn, Sơn Bình, Sơn Kiên, Thổ Sơn, Lình Huỳnh"
    ),
    coastal: true,
    nn: 12,
    pnn: 6,
    htx: 10,
  },
  {
    name: "Tân Hiệp",
    prefix: "Huyện",
    communes: names(
      "Tân Hiệp, Tân Hội, Tân Thành, Tân Hiệp A, Tân Hiệp B, Tân An, Thạnh Đông, Thạnh Đông A, Thạnh Đông B, Thạnh Trị, Tân Hòa"
    ),
    coastal: false,
    nn: 11,
    pnn: 6,
    htx: 9,
  },
  {
    name: "Châu Thành",
    prefix: "Huyện",
    communes: names(
      "Minh Lương, Bình An, Giục Tượng, Minh Hòa, Mong Thọ, Mong Thọ A, Mong Thọ B, Thạnh Lộc, Vĩnh Hòa Hiệp, Vĩnh Hòa Phú"
    ),
    coastal: false,
    nn: 8,
    pnn: 7,
    htx: 7,
  },
  {
    name: "Giồng Riềng",
    prefix: "Huyện",
    communes: names(
      "Giồng Riềng, Bàn Tân Định, Bàn Thạch, Hòa An, Hòa Hưng, Hòa Lợi, Hòa Thuận, Long Thạnh, Ngọc Chúc, Ngọc Hòa, Ngọc Thành, Ngọc Thuận, Thạnh Bình, Thạnh Hòa, Thạnh Hưng, Thạnh Lộc, Thạnh Phước, Vĩnh Phú, Vĩnh Thạnh"
    ),
    coastal: false,
    nn: 12,
    pnn: 7,
    htx: 10,
  },
  {
    name: "Gò Quao",
    prefix: "Huyện",
    communes: names(
      "Gò Quao, Định An, Định Hòa, Thới Quản, Thủy Liễu, Vĩnh Hòa Hưng Bắc, Vĩnh Hòa Hưng Nam, Vĩnh Phước A, Vĩnh Phước B, Vĩnh Thắng, Vĩnh Tuy"
    ),
    coastal: false,
    nn: 10,
    pnn: 6,
    htx: 8,
  },
  {
    name: "An Biên",
    prefix: "Huyện",
    communes: names(
      "Thứ Ba, Đông Thái, Đông Yên, Hưng Yên, Nam Thái, Nam Thái A, Nam Yên, Tây Yên, Tây Yên A"
    ),
    coastal: true,
    nn: 9,
    pnn: 5,
    htx: 7,
  },
  {
    name: "An Minh",
    prefix: "Huyện",
    communes: names(
      "Thứ Mười Một, Đông Hòa, Đông Hưng, Đông Hưng A, Đông Hưng B, Đông Thạnh, Tân Thạnh, Thuận Hòa, Vân Khánh, Vân Khánh Đông, Vân Khánh Tây"
    ),
    coastal: true,
    nn: 9,
    pnn: 5,
    htx: 7,
  },
  {
    name: "U Minh Thượng",
    prefix: "Huyện",
    communes: names("An Minh Bắc, Hòa Chánh, Minh Thuận, Thạnh Yên, Thạnh Yên A, Vĩnh Hòa"),
    coastal: false,
    nn: 7,
    pnn: 3,
    htx: 5,
  },
  {
    name: "Vĩnh Thuận",
    prefix: "Huyện",
    communes: names(
      "Vĩnh Thuận, Bình Minh, Phong Đông, Tân Thuận, Vĩnh Bình Bắc, Vĩnh Bình Nam, Vĩnh Phong"
    ),
    coastal: false,
    nn: 8,
    pnn: 4,
    htx: 6,
  },
  {
    name: "Kiên Hải",
    prefix: "Huyện",
    communes: names("Hòn Tre, Lại Sơn, An Sơn, Nam Du"),
    coastal: true,
    nn: 1,
    pnn: 3,
    htx: 1,
  },
];

const DISTRICT_INDEX = new Map(DISTRICTS.map((d, i) => [d.name, i]));

/** The district as staff write it: mostly the bare name, now and then with its prefix. */
function districtLabel(rng: Rng, d: DistrictInfo): string {
  return rng.chance(0.04) ? `${d.prefix} ${d.name}` : d.name;
}

const HAMLETS: readonly string[] = names(
  "Tân Lợi, Vàm Răng, Kinh Tám, Xẻo Rô, Thạnh An, Phước Lợi, Tân Điền, Kênh Ngang, " +
    "Giồng Kè, Bào Môn, Kênh Xáng, Thứ Bảy, Tân Phước, Hòa Lợi, Ngã Ba, Xẻo Nhàu, " +
    "Vàm Chút, Ba Hòn, Bến Nhứt, Rạch Tràm, Cái Nhum, Xà Xiêm, Tà Keo, Kinh Mới, " +
    "Tân Hưng, Thạnh Hòa, Phú Hưng, Vĩnh Lộc, Hòa Thạnh, Bình Hòa, An Ninh, Trung Sơn, " +
    "Kinh Năm, Kinh Sáu, Kinh Chín, Ông Cò, Cả Nước, Thầy Quơn, Rạch Gốc, Hòn Me, " +
    "Tà Lóc, Lung Lớn, Minh Hưng, Đường Xuồng, Cây Bàng, Bờ Đập, Thạnh Phú, Tân Bình, " +
    "Mương Đào, Vĩnh Thành, Hòa Bình, Long Hòa, An Thạnh, Rạch Dung, Cầu Sắt, " +
    "Kênh Làng, Đập Đá, Ba Núi, Mũi Rãnh, Tràm Dưới, Bình Lợi, Phú Đông, Kim Qui, " +
    "Tân Quới, Xẻo Đước, Cái Nước Nhỏ, Thạnh Lợi, Tám Ngàn, Vàm Biển, Ngọn Cái Lớn"
);

const COOP_PLACES: readonly string[] = names(
  "Thành Công, Tân Tiến, Phước Thạnh, Hưng Thịnh, Phú Lợi, Bình An, Thạnh Phát, " +
    "Hòa Bình, Tiến Phát, Đoàn Kết, Quyết Thắng, Hiệp Thành, Thuận Phát, Phát Đạt, " +
    "Thành Đạt, An Phú, Tân Phú, Mỹ Phước, Long Thạnh, Kim Quy, Sao Mai, Hòa Phát, " +
    "Tân Thành, Phú Thạnh, Toàn Thắng, Hiệp Lực, Thịnh Vượng, Ánh Dương, Nhật Tân, " +
    "Đồng Tâm, Tân Lập, Hữu Nghị"
);

// ---------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------

interface Activity {
  text: string;
  weight: number;
  /** Only in coastal districts. */
  coastal?: boolean;
  /** Only in these districts. */
  only?: readonly string[];
}

const THT_NN_ACTIVITIES: readonly Activity[] = [
  { text: "trồng lúa", weight: 14 },
  { text: "sản xuất lúa giống", weight: 5 },
  { text: "sản xuất lúa chất lượng cao", weight: 4 },
  {
    text: "tôm - lúa",
    weight: 5,
    only: ["An Biên", "An Minh", "U Minh Thượng", "Vĩnh Thuận", "Hòn Đất"],
  },
  { text: "nuôi tôm", weight: 4, coastal: true },
  { text: "nuôi cua", weight: 2, coastal: true },
  { text: "nuôi cá đồng", weight: 2 },
  { text: "nuôi lươn", weight: 1 },
  { text: "trồng rau màu", weight: 4 },
  { text: "trồng rau an toàn", weight: 2 },
  {
    text: "trồng khóm",
    weight: 3,
    only: ["Gò Quao", "Châu Thành", "Tân Hiệp", "Vĩnh Thuận", "U Minh Thượng"],
  },
  { text: "trồng tiêu", weight: 4, only: ["Phú Quốc"] },
  { text: "trồng dưa hấu", weight: 1 },
  { text: "trồng cây ăn trái", weight: 2 },
  { text: "trồng khoai lang", weight: 1 },
  { text: "trồng nấm rơm", weight: 1 },
  { text: "chăn nuôi bò", weight: 2 },
  { text: "chăn nuôi heo", weight: 1 },
  { text: "nuôi vịt", weight: 1 },
  {
    text: "nuôi ong lấy mật",
    weight: 1,
    only: ["U Minh Thượng", "An Minh", "Vĩnh Thuận", "An Biên"],
  },
  { text: "nuôi ốc hương", weight: 2, only: ["Kiên Hải", "Phú Quốc", "Kiên Lương", "Hà Tiên"] },
  { text: "nuôi cá lồng bè", weight: 2, only: ["Kiên Hải", "Phú Quốc", "Kiên Lương", "Hà Tiên"] },
  { text: "khai thác thủy sản", weight: 2, coastal: true },
  { text: "bơm tưới", weight: 2 },
  { text: "làm đất bằng máy", weight: 1 },
];

const THT_PNN_ACTIVITIES: readonly Activity[] = [
  { text: "đan đát lục bình", weight: 4 },
  { text: "đan lưới", weight: 2, coastal: true },
  { text: "may mặc", weight: 2 },
  { text: "làm nước mắm", weight: 3, only: ["Phú Quốc", "Kiên Hải", "Hà Tiên"] },
  { text: "chế biến khô cá", weight: 2, coastal: true },
  { text: "sửa chữa máy nông nghiệp", weight: 2 },
  { text: "dịch vụ vận chuyển", weight: 2 },
  { text: "xây dựng dân dụng", weight: 2 },
  { text: "làm bánh tráng", weight: 1 },
  { text: "mua bán vật tư nông nghiệp", weight: 2 },
  { text: "làm nhang", weight: 1 },
  { text: "dệt chiếu", weight: 1 },
  { text: "thu gom rác", weight: 2 },
  { text: "đóng ghe", weight: 1, coastal: true },
  { text: "làm mộc", weight: 1 },
  { text: "cơ khí", weight: 1 },
  {
    text: "dịch vụ du lịch",
    weight: 2,
    only: ["Phú Quốc", "Hà Tiên", "Kiên Hải", "Rạch Giá", "Kiên Lương"],
  },
  { text: "làm bún", weight: 1 },
];

function activitiesFor(list: readonly Activity[], d: DistrictInfo): readonly Activity[] {
  return list.filter(
    (a) => (a.coastal ? d.coastal : true) && (a.only ? a.only.includes(d.name) : true)
  );
}

// ---------------------------------------------------------------------------
// Row types
// ---------------------------------------------------------------------------

export const DEMO_YEAR = 2022;
/** The executive committee meeting that approved the 2022 report. */
export const REPORT_DATE = utcDate(2022, 12, 19);
export const DEMO_SEED = 20221219;
export const ALLIANCE_TITLE = "LIÊN MINH HỢP TÁC XÃ TỈNH KIÊN GIANG";
export const WORKBOOK_CREATOR = "htx-report demo";

export const STATUS_ACTIVE = "Đang hoạt động";
export const STATUS_DISSOLVED = "Giải thể";
export type Status = typeof STATUS_ACTIVE | typeof STATUS_DISSOLVED;

export type ThtSector = "Nông nghiệp" | "Phi nông nghiệp";

export interface ThtRow {
  name: string;
  /** As written in the sheet (sometimes with "Huyện"/"TP."). */
  district: string;
  /** The unit's bare name (one of DISTRICTS). */
  districtKey: string;
  commune: string;
  sector: ThtSector;
  founded: Date;
  dissolved: Date | null;
  status: Status;
  members: number;
  /** Vốn góp in triệu đồng (at most one decimal). */
  capital: number;
  /** Diện tích in ha (at most two decimals); null = blank. */
  area: number | null;
  workers: number;
  /** Cells written as text instead of numbers (the planted number-as-text cells). */
  text: { capital?: string; area?: string };
}

export type HtxKind = "HTX" | "Quỹ TDND" | "Liên hiệp HTX";

export const HTX_NN_SECTORS = [
  "Nông nghiệp",
  "Trồng trọt",
  "Chăn nuôi",
  "Thủy sản",
  "Lâm nghiệp",
  "Dịch vụ nông nghiệp",
] as const;
export const HTX_PNN_SECTORS = [
  "Thương mại - dịch vụ",
  "Vận tải",
  "Xây dựng",
  "CN-TTCN",
  "Môi trường",
] as const;
export const HTX_CREDIT_SECTOR = "Tín dụng";

export interface HtxRow {
  name: string;
  /** Mã số HTX, 10 digits, written as text. */
  regCode: string;
  district: string;
  districtKey: string;
  commune: string;
  kind: HtxKind;
  /** Lĩnh vực as written (a sub-sector of nông nghiệp / phi nông nghiệp, or "Tín dụng"). */
  sector: string;
  founded: Date;
  dissolved: Date | null;
  status: Status;
  /** Vốn điều lệ in đồng (a multiple of 1,000). */
  charterCapital: number;
  /** Diện tích in ha (at most two decimals); null = blank. */
  area: number | null;
  members: number | null;
  memberCoops: number | null;
  workers: number | null;
  text: { charterCapital?: string; area?: string };
}

export const TRAINING_KINDS = {
  quan_ly: "Tập huấn cán bộ quản lý HTX",
  nang_luc: "Đào tạo, bồi dưỡng nâng cao năng lực",
  tuyen_truyen: "Tuyên truyền",
} as const;
export type TrainingKindLabel = (typeof TRAINING_KINDS)[keyof typeof TRAINING_KINDS];

export interface TrainingRow {
  title: string;
  kind: TrainingKindLabel;
  date: Date;
  /** When set, the Thời gian cell is this text instead of a date. */
  dateText?: string;
  location: string;
  partner: string;
  participants: number;
}

export const FAIR_KINDS = {
  hoi_cho: "Hội chợ",
  hoi_nghi_xttm: "Hội nghị XTTM",
  ket_noi: "Tọa đàm kết nối",
} as const;
export type FairKindLabel = (typeof FAIR_KINDS)[keyof typeof FAIR_KINDS];

export interface FairRow {
  event: string;
  kind: FairKindLabel;
  location: string;
  date: Date;
  htxCount: number | null;
  products: number | null;
  /** Written joined with "; " (blank when empty). */
  htxNames: string[];
}

export interface LoanRow {
  project: string;
  htxName: string;
  fund: string;
  /** Số tiền giải ngân in triệu đồng. */
  amount: number;
  date: Date;
}

export interface PlanRow {
  code: string;
  label: string;
  unit: string;
  year: number;
  target: number;
  /** "Tỷ lệ đạt (%)" as the report typed it (null = blank). */
  percent: number | null;
}

export interface DemoData {
  tht: ThtRow[];
  htx: HtxRow[];
  training: TrainingRow[];
  fairs: FairRow[];
  loans: LoanRow[];
  plan: PlanRow[];
}

// ---------------------------------------------------------------------------
// Reference figures the demo must reproduce (spec/reference-2022.md)
// ---------------------------------------------------------------------------

/** THT: active at 31/12/2022 and new in 2022 (capital in tenths of triệu, area in hundredths of ha). */
const THT_TARGET = {
  activeNn: 1529,
  activePnn: 654,
  newNn: 36,
  newPnn: 15,
  dissolvedNn: 27,
  dissolvedPnn: 10,
  capital10: 177920,
  area100: 6457000,
  members: 43860,
  workers: 7014,
  newCapital10: 5810,
  newArea100: 5600,
  newMembers: 585,
  newWorkers: 153,
};

/** HTX: charter capital in thousands of đồng, area in hundredths of ha. */
const HTX_TARGET = {
  activeNn: 463,
  activePnn: 41,
  activeQtdnd: 21,
  newNn: 27,
  newPnn: 6,
  dissolved2022: 22,
  dissolvedEarlier: 5,
  charter1000: 403589137,
  area100: 6585095,
  members: 54798,
  workers: 10088,
  newCharter1000: 8076287,
  newArea100: 183051,
  newMembers: 940,
  newWorkers: 246,
};

/** The planted number-as-text cells (Vietnamese form). */
export const PLANTED_TEXT = {
  thtCapital: { text: "12,5", value: 12.5 },
  thtArea: { text: "45,25", value: 45.25 },
  htxArea: { text: "145,25", value: 145.25 },
  htxCharter: { text: "1.250.000.000", value: 1250000000 },
} as const;

/** Two training dates typed as text. */
export const TEXT_DATES = ["14/02/2022", "23/09/2021"] as const;

// ---------------------------------------------------------------------------
// THT
// ---------------------------------------------------------------------------

type Sector2 = "nn" | "pnn";

interface ThtDraft {
  cat: "new" | "old" | "dissolved";
  sector: Sector2;
  district: DistrictInfo;
}

function pickDistrict(rng: Rng, key: "nn" | "pnn" | "htx"): DistrictInfo {
  return rng.weighted(
    DISTRICTS,
    DISTRICTS.map((d) => d[key])
  );
}

function uniqueName(rng: Rng, used: Set<string>, districtKey: string, make: () => string): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const name = make();
    const key = `${districtKey}|${name}`;
    if (!used.has(key)) {
      used.add(key);
      return name;
    }
  }
  // Practically unreachable with the pools above; keep names unique anyway.
  for (let n = 2; ; n++) {
    const name = `${make()} ${n}`;
    const key = `${districtKey}|${name}`;
    if (!used.has(key)) {
      used.add(key);
      return name;
    }
  }
}

function thtName(rng: Rng, d: DistrictInfo, sector: Sector2): string {
  const acts = activitiesFor(sector === "nn" ? THT_NN_ACTIVITIES : THT_PNN_ACTIVITIES, d);
  const act = rng.weighted(
    acts,
    acts.map((a) => a.weight)
  );
  return `THT ${act.text} ấp ${rng.pick(HAMLETS)}`;
}

function generateTht(seed: number): ThtRow[] {
  const rng = new Rng(seed);
  const t = THT_TARGET;
  const drafts: ThtDraft[] = [];
  const add = (cat: ThtDraft["cat"], sector: Sector2, n: number): void => {
    for (let i = 0; i < n; i++) drafts.push({ cat, sector, district: pickDistrict(rng, sector) });
  };
  add("old", "nn", t.activeNn - t.newNn);
  add("old", "pnn", t.activePnn - t.newPnn);
  add("new", "nn", t.newNn);
  add("new", "pnn", t.newPnn);
  add("dissolved", "nn", t.dissolvedNn);
  add("dissolved", "pnn", t.dissolvedPnn);

  const old = drafts.filter((d) => d.cat === "old");
  const fresh = drafts.filter((d) => d.cat === "new");
  const gone = drafts.filter((d) => d.cat === "dissolved");
  // The planted text cells go on two old agricultural rows.
  const oldNn = old.filter((d) => d.sector === "nn");
  const plantCapital = old.indexOf(oldNn[17]);
  const plantArea = old.indexOf(oldNn[402]);

  const oldCapital = partitionInt(
    rng,
    old.map((_, i) => ({
      min: 10,
      max: 400,
      weight: 1,
      fixed: i === plantCapital ? PLANTED_TEXT.thtCapital.value * 10 : undefined,
    })),
    t.capital10 - t.newCapital10,
    10,
    0.45
  );
  const newCapital = partitionInt(
    rng,
    fresh.map(() => ({ min: 30, max: 300, weight: 1 })),
    t.newCapital10,
    5,
    0.4
  );
  const oldNnIdx = old.map((d, i) => (d.sector === "nn" ? i : -1)).filter((i) => i >= 0);
  const oldArea = partitionInt(
    rng,
    oldNnIdx.map((i) => ({
      min: 300,
      max: 9500,
      weight: 1,
      fixed: i === plantArea ? PLANTED_TEXT.thtArea.value * 100 : undefined,
    })),
    t.area100 - t.newArea100,
    100,
    0.3
  );
  const newNnIdx = fresh.map((d, i) => (d.sector === "nn" ? i : -1)).filter((i) => i >= 0);
  const newArea = partitionInt(
    rng,
    newNnIdx.map(() => ({ min: 30, max: 500, weight: 1 })),
    t.newArea100,
    10,
    0.5
  );
  const oldMembers = partitionInt(
    rng,
    old.map((d) => ({ min: 3, max: 60, weight: d.sector === "nn" ? 1.05 : 0.9 })),
    t.members - t.newMembers,
    1,
    0.45
  );
  const newMembers = partitionInt(
    rng,
    fresh.map(() => ({ min: 4, max: 25, weight: 1 })),
    t.newMembers,
    1,
    0.35
  );
  const oldWorkers = partitionInt(
    rng,
    old.map(() => ({ min: 1, max: 12, weight: 1 })),
    t.workers - t.newWorkers,
    1,
    0.5
  );
  const newWorkers = partitionInt(
    rng,
    fresh.map(() => ({ min: 1, max: 8, weight: 1 })),
    t.newWorkers,
    1,
    0.5
  );

  const used = new Set<string>();
  const rows: ThtRow[] = [];
  const base = (
    d: ThtDraft
  ): Omit<
    ThtRow,
    "founded" | "dissolved" | "status" | "members" | "capital" | "area" | "workers" | "text"
  > => ({
    name: uniqueName(rng, used, d.district.name, () => thtName(rng, d.district, d.sector)),
    district: districtLabel(rng, d.district),
    districtKey: d.district.name,
    commune: rng.pick(d.district.communes),
    sector: d.sector === "nn" ? "Nông nghiệp" : "Phi nông nghiệp",
  });
  const areaOf = (list: number[], idx: number[], i: number): number | null => {
    const k = idx.indexOf(i);
    return k < 0 ? null : list[k] / 100;
  };

  old.forEach((d, i) => {
    const year = recentYear(rng, 2008, 2021);
    const text: ThtRow["text"] = {};
    // The THT sheet has a "Tổng cộng" row of SUM formulas, and Excel's SUM skips text: numbers
    // typed as text are planted in the HTX sheet only, so the totals agree with Excel's own.
    void plantCapital;
    void plantArea;
    rows.push({
      ...base(d),
      founded: randomDateBetween(rng, utcDate(year, 1, 1), utcDate(year, 12, 31)),
      dissolved: null,
      status: STATUS_ACTIVE,
      members: oldMembers[i],
      capital: oldCapital[i] / 10,
      area: areaOf(oldArea, oldNnIdx, i),
      workers: oldWorkers[i],
      text,
    });
  });
  fresh.forEach((d, i) => {
    rows.push({
      ...base(d),
      founded: randomDateBetween(rng, utcDate(DEMO_YEAR, 1, 1), REPORT_DATE),
      dissolved: null,
      status: STATUS_ACTIVE,
      members: newMembers[i],
      capital: newCapital[i] / 10,
      area: areaOf(newArea, newNnIdx, i),
      workers: newWorkers[i],
      text: {},
    });
  });
  for (const d of gone) {
    const year = recentYear(rng, 2008, 2019);
    const founded = randomDateBetween(rng, utcDate(year, 1, 1), utcDate(year, 12, 31));
    const dissolved = randomDateBetween(rng, utcDate(2021, 1, 1), REPORT_DATE);
    rows.push({
      ...base(d),
      founded,
      dissolved,
      status: STATUS_DISSOLVED,
      members: rng.int(3, 15),
      capital: rng.int(4, 30) * 0.5,
      area: d.sector === "nn" ? rng.int(10, 80) * 0.5 : null,
      workers: rng.int(1, 5),
      text: {},
    });
  }
  return sortByDistrict(rows);
}

function sortByDistrict<T extends { districtKey: string; founded: Date; name: string }>(
  rows: T[]
): T[] {
  return rows.sort(
    (a, b) =>
      (DISTRICT_INDEX.get(a.districtKey) ?? 0) - (DISTRICT_INDEX.get(b.districtKey) ?? 0) ||
      a.founded.getTime() - b.founded.getTime() ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

// ---------------------------------------------------------------------------
// HTX
// ---------------------------------------------------------------------------

/** How an HTX of a sub-sector is named ("HTX Nông nghiệp Tân Thành" …). */
const HTX_NAME_PATTERNS: Record<string, readonly string[]> = {
  "Nông nghiệp": [
    "HTX Nông nghiệp",
    "HTX Nông nghiệp",
    "HTX Sản xuất nông nghiệp",
    "HTX Nông nghiệp công nghệ cao",
  ],
  "Trồng trọt": [
    "HTX Sản xuất lúa giống",
    "HTX Lúa gạo",
    "HTX Rau an toàn",
    "HTX Trồng trọt",
    "HTX Khóm",
    "HTX Cây ăn trái",
  ],
  "Chăn nuôi": ["HTX Chăn nuôi", "HTX Chăn nuôi bò", "HTX Nuôi chim yến"],
  "Thủy sản": ["HTX Thủy sản", "HTX Nuôi tôm", "HTX Khai thác thủy sản", "HTX Nuôi trồng thủy sản"],
  "Lâm nghiệp": ["HTX Lâm nghiệp", "HTX Trồng rừng"],
  "Dịch vụ nông nghiệp": [
    "HTX Dịch vụ nông nghiệp",
    "HTX Dịch vụ nông nghiệp tổng hợp",
    "HTX Cơ giới hóa nông nghiệp",
  ],
  "Thương mại - dịch vụ": ["HTX Thương mại dịch vụ", "HTX Du lịch", "HTX Dịch vụ tổng hợp"],
  "Vận tải": ["HTX Vận tải", "HTX Vận tải thủy", "HTX Vận tải hành khách"],
  "Xây dựng": ["HTX Xây dựng", "HTX Vật liệu xây dựng"],
  "CN-TTCN": ["HTX Tiểu thủ công nghiệp", "HTX Đan đát", "HTX Chế biến hải sản", "HTX Nước mắm"],
  "Môi trường": ["HTX Dịch vụ môi trường", "HTX Vệ sinh môi trường"],
};

const NN_SECTOR_WEIGHTS = [34, 24, 6, 17, 2, 17];
const PNN_SECTOR_WEIGHTS = [10, 9, 5, 8, 6];

/** Where the 21 people's credit funds are. */
const QTDND_PLACES: readonly [string, string, string?][] = [
  ["Rạch Giá", "Rạch Giá", "Vĩnh Thanh"],
  ["Rạch Giá", "Vĩnh Thanh Vân"],
  ["Hà Tiên", "Hà Tiên", "Đông Hồ"],
  ["Phú Quốc", "Dương Đông"],
  ["Kiên Lương", "Kiên Lương"],
  ["Giang Thành", "Tân Khánh Hòa"],
  ["Hòn Đất", "Hòn Đất"],
  ["Hòn Đất", "Sóc Sơn"],
  ["Tân Hiệp", "Tân Hiệp"],
  ["Tân Hiệp", "Thạnh Đông"],
  ["Châu Thành", "Minh Lương"],
  ["Châu Thành", "Mong Thọ"],
  ["Giồng Riềng", "Giồng Riềng"],
  ["Giồng Riềng", "Hòa An"],
  ["Gò Quao", "Gò Quao"],
  ["Gò Quao", "Vĩnh Hòa Hưng Bắc"],
  ["An Biên", "Thứ Ba"],
  ["An Minh", "Thứ Mười Một"],
  ["U Minh Thượng", "Minh Thuận"],
  ["Vĩnh Thuận", "Vĩnh Thuận"],
  ["Vĩnh Thuận", "Vĩnh Bình Bắc"],
];

function districtByName(name: string): DistrictInfo {
  const i = DISTRICT_INDEX.get(name);
  if (i === undefined) throw new Error(`unknown district ${name}`);
  return DISTRICTS[i];
}

function htxName(rng: Rng, d: DistrictInfo, sector: string): string {
  let pattern = rng.pick(HTX_NAME_PATTERNS[sector]);
  if (pattern === "HTX Nước mắm" && !["Phú Quốc", "Kiên Hải", "Hà Tiên"].includes(d.name)) {
    pattern = "HTX Tiểu thủ công nghiệp";
  }
  const place = rng.chance(0.45) ? rng.pick(d.communes) : rng.pick(COOP_PLACES);
  return `${pattern} ${place}`;
}

function regCodeMaker(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const code = `170${String(rng.int(0, 9999999)).padStart(7, "0")}`;
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
}

interface HtxDraft {
  cat: "old" | "new" | "dissolved2022" | "dissolvedEarlier";
  kind: "HTX" | "Quỹ TDND";
  sector: string;
  district: DistrictInfo;
  commune: string;
  agri: boolean;
  /** The place in a credit fund's name ("Quỹ TDND Rạch Giá"). */
  place?: string;
}

function generateHtx(seed: number): HtxRow[] {
  const rng = new Rng(seed);
  const t = HTX_TARGET;
  const drafts: HtxDraft[] = [];
  const addHtx = (cat: HtxDraft["cat"], agri: boolean, n: number): void => {
    for (let i = 0; i < n; i++) {
      const district = pickDistrict(rng, "htx");
      const sector = agri
        ? rng.weighted(HTX_NN_SECTORS, NN_SECTOR_WEIGHTS)
        : rng.weighted(HTX_PNN_SECTORS, PNN_SECTOR_WEIGHTS);
      drafts.push({
        cat,
        kind: "HTX",
        sector,
        district,
        commune: rng.pick(district.communes),
        agri,
      });
    }
  };
  addHtx("old", true, t.activeNn - t.newNn);
  addHtx("old", false, t.activePnn - t.newPnn);
  for (const [dn, place, commune] of QTDND_PLACES) {
    drafts.push({
      place,
      cat: "old",
      kind: "Quỹ TDND",
      sector: HTX_CREDIT_SECTOR,
      district: districtByName(dn),
      commune: commune ?? place,
      agri: false,
    });
  }
  addHtx("new", true, t.newNn);
  addHtx("new", false, t.newPnn);
  addHtx("dissolved2022", true, t.dissolved2022 - 4);
  addHtx("dissolved2022", false, 4);
  addHtx("dissolvedEarlier", true, t.dissolvedEarlier - 1);
  addHtx("dissolvedEarlier", false, 1);

  const old = drafts.filter((d) => d.cat === "old");
  const fresh = drafts.filter((d) => d.cat === "new");
  const gone = drafts.filter((d) => d.cat === "dissolved2022" || d.cat === "dissolvedEarlier");
  const isQ = (d: HtxDraft): boolean => d.kind === "Quỹ TDND";
  const oldAgriIdx = old.map((d, i) => (d.agri ? i : -1)).filter((i) => i >= 0);
  const newAgriIdx = fresh.map((d, i) => (d.agri ? i : -1)).filter((i) => i >= 0);
  const plantCharter = 41; // an old agricultural HTX (the first 436 old rows are)
  const plantArea = oldAgriIdx[288];

  const oldCharter = partitionInt(
    rng,
    old.map((d, i) =>
      isQ(d)
        ? { min: 1500000, max: 6000000, weight: 3000000, sigma: 0.3 }
        : {
            min: 50000,
            max: 5000000,
            weight: d.agri ? 720000 : 600000,
            fixed: i === plantCharter ? PLANTED_TEXT.htxCharter.value / 1000 : undefined,
          }
    ),
    t.charter1000 - t.newCharter1000,
    10000,
    0.7
  );
  const newCharter = partitionInt(
    rng,
    fresh.map(() => ({ min: 50000, max: 1000000, weight: 1 })),
    t.newCharter1000,
    10000,
    0.6
  );
  const oldArea = partitionInt(
    rng,
    oldAgriIdx.map((i) => ({
      min: 500,
      max: 50000,
      weight: old[i].sector === "Chăn nuôi" ? 0.25 : 1,
      fixed: i === plantArea ? PLANTED_TEXT.htxArea.value * 100 : undefined,
    })),
    t.area100 - t.newArea100,
    100,
    0.6
  );
  const newArea = partitionInt(
    rng,
    newAgriIdx.map(() => ({ min: 500, max: 30000, weight: 1 })),
    t.newArea100,
    100,
    0.5
  );
  const oldMembers = partitionInt(
    rng,
    old.map((d) =>
      isQ(d) ? { min: 800, max: 2500, weight: 1500, sigma: 0.3 } : { min: 7, max: 300, weight: 45 }
    ),
    t.members - t.newMembers,
    1,
    0.55
  );
  const newMembers = partitionInt(
    rng,
    fresh.map(() => ({ min: 7, max: 80, weight: 1 })),
    t.newMembers,
    1,
    0.4
  );
  const oldWorkers = partitionInt(
    rng,
    old.map((d) =>
      isQ(d) ? { min: 6, max: 25, weight: 12, sigma: 0.3 } : { min: 3, max: 150, weight: 20 }
    ),
    t.workers - t.newWorkers,
    1,
    0.6
  );
  const newWorkers = partitionInt(
    rng,
    fresh.map(() => ({ min: 3, max: 20, weight: 1 })),
    t.newWorkers,
    1,
    0.4
  );

  const used = new Set<string>();
  const nextCode = regCodeMaker(rng);
  const rows: HtxRow[] = [];
  const nameFor = (d: HtxDraft): string =>
    isQ(d)
      ? uniqueName(rng, used, d.district.name, () => `Quỹ TDND ${d.place ?? d.commune}`)
      : uniqueName(rng, used, d.district.name, () => htxName(rng, d.district, d.sector));
  const common = (
    d: HtxDraft
  ): Pick<
    HtxRow,
    "name" | "regCode" | "district" | "districtKey" | "commune" | "kind" | "sector" | "memberCoops"
  > => ({
    name: nameFor(d),
    regCode: nextCode(),
    district: districtLabel(rng, d.district),
    districtKey: d.district.name,
    commune: d.commune,
    kind: d.kind,
    sector: d.sector,
    memberCoops: null,
  });
  const areaOf = (list: number[], idx: number[], i: number): number | null => {
    const k = idx.indexOf(i);
    return k < 0 ? null : list[k] / 100;
  };

  old.forEach((d, i) => {
    const year = isQ(d) ? rng.int(2000, 2008) : recentYear(rng, 2000, 2021);
    const text: HtxRow["text"] = {};
    if (i === plantCharter) text.charterCapital = PLANTED_TEXT.htxCharter.text;
    if (i === plantArea) text.area = PLANTED_TEXT.htxArea.text;
    rows.push({
      ...common(d),
      founded: randomDateBetween(rng, utcDate(year, 1, 1), utcDate(year, 12, 31)),
      dissolved: null,
      status: STATUS_ACTIVE,
      charterCapital: oldCharter[i] * 1000,
      area: areaOf(oldArea, oldAgriIdx, i),
      members: oldMembers[i],
      workers: oldWorkers[i],
      text,
    });
  });
  fresh.forEach((d, i) => {
    rows.push({
      ...common(d),
      founded: randomDateBetween(rng, utcDate(DEMO_YEAR, 1, 1), REPORT_DATE),
      dissolved: null,
      status: STATUS_ACTIVE,
      charterCapital: newCharter[i] * 1000,
      area: areaOf(newArea, newAgriIdx, i),
      members: newMembers[i],
      workers: newWorkers[i],
      text: {},
    });
  });
  for (const d of gone) {
    const early = d.cat === "dissolvedEarlier";
    const year = early ? rng.int(2005, 2016) : rng.int(2008, 2020);
    const founded = randomDateBetween(rng, utcDate(year, 1, 1), utcDate(year, 12, 31));
    const dissolved = early
      ? randomDateBetween(rng, utcDate(2019, 1, 1), utcDate(2020, 12, 31))
      : randomDateBetween(rng, utcDate(DEMO_YEAR, 1, 1), REPORT_DATE);
    rows.push({
      ...common(d),
      founded,
      dissolved,
      status: STATUS_DISSOLVED,
      charterCapital: rng.int(5, 50) * 10000000,
      area: d.agri ? rng.int(10, 200) : null,
      members: rng.int(7, 40),
      workers: rng.int(3, 15),
      text: {},
    });
  }
  const gt = districtByName("Giang Thành");
  rows.push({
    name: "Liên hiệp HTX Giang Thành",
    regCode: nextCode(),
    district: gt.name,
    districtKey: gt.name,
    commune: "Tân Khánh Hòa",
    kind: "Liên hiệp HTX",
    sector: "Nông nghiệp",
    founded: utcDate(DEMO_YEAR, 9, 16),
    dissolved: null,
    status: STATUS_ACTIVE,
    charterCapital: 210000000,
    area: 5982,
    members: null,
    memberCoops: 7,
    workers: null,
    text: {},
  });
  used.add(`${gt.name}|Liên hiệp HTX Giang Thành`);
  return sortByDistrict(rows);
}

// ---------------------------------------------------------------------------
// Training, fairs, loans, plan
// ---------------------------------------------------------------------------

const TRAINING_PARTNERS: readonly string[] = [
  "Trường Cao đẳng Kiên Giang",
  "Sở Nông nghiệp và PTNT",
  "Trường Cán bộ quản lý nông nghiệp và PTNT II",
  "Liên minh HTX Việt Nam",
  "Sở Công Thương",
  "Trường Chính trị tỉnh Kiên Giang",
  "Hội Nông dân tỉnh",
];

const QUAN_LY_TITLES: readonly string[] = [
  "Tập huấn nghiệp vụ quản lý cho cán bộ HTX",
  "Tập huấn kế toán HTX",
  "Tập huấn Luật HTX năm 2012 và văn bản hướng dẫn",
  "Tập huấn quản trị HTX nông nghiệp",
  "Tập huấn kiểm soát viên HTX",
  "Tập huấn xây dựng phương án sản xuất kinh doanh",
];

const NANG_LUC_TITLES: readonly string[] = [
  "Bồi dưỡng nâng cao năng lực cho HTX quy mô nhỏ",
  "Đào tạo giám đốc HTX",
  "Bồi dưỡng kỹ năng thương mại điện tử cho HTX",
  "Bồi dưỡng kỹ năng tiếp cận tín dụng",
  "Đào tạo nâng cao năng lực quản trị tài chính HTX",
  "Bồi dưỡng xây dựng sản phẩm OCOP",
  "Đào tạo chuyển đổi số cho HTX",
];

function trainingRows(rng: Rng): TrainingRow[] {
  const rows: TrainingRow[] = [];
  const spec: [keyof typeof TRAINING_KINDS, number, number, number, number, number][] = [
    // kind, year, count, total participants, min, max
    ["quan_ly", 2022, 6, 176, 20, 40],
    ["nang_luc", 2022, 7, 333, 35, 60],
    ["tuyen_truyen", 2022, 33, 825, 15, 40],
    ["quan_ly", 2021, 4, 118, 20, 40],
    ["nang_luc", 2021, 5, 236, 35, 60],
    ["tuyen_truyen", 2021, 20, 512, 15, 40],
  ];
  for (const [kind, year, count, total, min, max] of spec) {
    const people = partitionInt(
      rng,
      Array.from({ length: count }, () => ({ min, max, weight: 1 })),
      total,
      1,
      0.2
    );
    const last = utcDate(year, 12, year === DEMO_YEAR ? 15 : 20);
    for (let i = 0; i < count; i++) {
      const d = rng.pick(DISTRICTS);
      const commune = rng.pick(d.communes);
      const date = randomDateBetween(rng, utcDate(year, 1, 10), last);
      let title: string;
      let location: string;
      let partner: string;
      if (kind === "tuyen_truyen") {
        title = `Tuyên truyền Luật HTX và chính sách hỗ trợ kinh tế tập thể tại xã ${commune}`;
        location = `Hội trường UBND xã ${commune}, ${d.prefix === "TP." ? "TP." : "huyện"} ${d.name}`;
        partner = rng.chance(0.5)
          ? `UBND ${d.prefix === "TP." ? "TP." : "huyện"} ${d.name}`
          : "Hội Nông dân tỉnh";
      } else {
        const titles = kind === "quan_ly" ? QUAN_LY_TITLES : NANG_LUC_TITLES;
        title = `${titles[i % titles.length]} (${d.prefix === "TP." ? "TP." : "huyện"} ${d.name})`;
        location = rng.chance(0.5)
          ? "Hội trường Liên minh HTX tỉnh"
          : `UBND ${d.prefix === "TP." ? "TP." : "huyện"} ${d.name}`;
        partner = rng.pick(TRAINING_PARTNERS);
      }
      rows.push({
        title,
        kind: TRAINING_KINDS[kind],
        date,
        location,
        partner,
        participants: people[i],
      });
    }
  }
  rows.sort((a, b) => a.date.getTime() - b.date.getTime() || (a.title < b.title ? -1 : 1));
  // Two dates typed as text by staff.
  const plant = (text: string, kind: TrainingKindLabel): void => {
    const [dd, mm, yyyy] = text.split("/").map(Number);
    const year = yyyy;
    const row = rows.find(
      (r) => r.kind === kind && r.date.getUTCFullYear() === year && r.dateText === undefined
    );
    if (!row) throw new Error("no training row to plant a text date");
    row.date = utcDate(yyyy, mm, dd);
    row.dateText = text;
  };
  plant(TEXT_DATES[0], TRAINING_KINDS.tuyen_truyen);
  plant(TEXT_DATES[1], TRAINING_KINDS.nang_luc);
  rows.sort((a, b) => a.date.getTime() - b.date.getTime() || (a.title < b.title ? -1 : 1));
  return rows;
}

/** Active HTX (founded before the demo year) whose names are unique in the whole sheet. */
function fairCandidates(htx: readonly HtxRow[]): HtxRow[] {
  const count = new Map<string, number>();
  for (const r of htx) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return htx.filter(
    (r) =>
      r.kind === "HTX" &&
      r.status === STATUS_ACTIVE &&
      r.founded.getUTCFullYear() < DEMO_YEAR &&
      count.get(r.name) === 1 &&
      r.text.charterCapital === undefined &&
      r.text.area === undefined
  );
}

/** Sub-sectors whose HTX bring products to fairs. */
const PRODUCT_SECTORS = ["Nông nghiệp", "Trồng trọt", "Chăn nuôi", "Thủy sản", "CN-TTCN"];

function fairRows(rng: Rng, htx: readonly HtxRow[]): FairRow[] {
  const pool = rng.shuffle(fairCandidates(htx).filter((r) => PRODUCT_SECTORS.includes(r.sector)));
  return [
    {
      event: "Hội chợ Nông nghiệp - Thương mại vùng Đồng bằng sông Cửu Long 2021",
      kind: FAIR_KINDS.hoi_cho,
      location: "Cần Thơ",
      date: utcDate(2021, 4, 8),
      htxCount: 5,
      products: 32,
      htxNames: [],
    },
    {
      event: "Hội chợ Hàng Việt - Sản phẩm OCOP tại Hà Nội",
      kind: FAIR_KINDS.hoi_cho,
      location: "Hà Nội",
      date: utcDate(2022, 7, 21),
      htxCount: 8,
      products: 46,
      htxNames: pool.slice(0, 8).map((r) => r.name),
    },
    {
      event: "Hội chợ OCOP Quảng Ninh 2022",
      kind: FAIR_KINDS.hoi_cho,
      location: "Quảng Ninh",
      date: utcDate(2022, 11, 17),
      htxCount: 6,
      products: 38,
      htxNames: pool.slice(8, 14).map((r) => r.name),
    },
    {
      event: "Hội nghị xúc tiến thương mại Kiên Giang – Trà Vinh",
      kind: FAIR_KINDS.hoi_nghi_xttm,
      location: "Trà Vinh",
      date: utcDate(2022, 9, 29),
      htxCount: 30,
      products: null,
      htxNames: [],
    },
    {
      event: "Tọa đàm kết nối tiêu thụ sản phẩm tại Hà Tiên",
      kind: FAIR_KINDS.ket_noi,
      location: "Hà Tiên",
      date: utcDate(2022, 10, 14),
      htxCount: null,
      products: 100,
      htxNames: [],
    },
  ];
}

function loanRows(rng: Rng, htx: readonly HtxRow[]): LoanRow[] {
  const candidates = fairCandidates(htx);
  const fund = "Quỹ Quốc gia về việc làm";
  // Project, amount (triệu đồng), date, which HTX fit it (sub-sectors, name pattern).
  const projects: [string, number, Date, readonly string[], RegExp][] = [
    [
      "Dự án mở rộng sản xuất lúa chất lượng cao, tạo việc làm cho thành viên",
      100,
      utcDate(2022, 4, 12),
      ["Nông nghiệp", "Trồng trọt"],
      /lúa|Nông nghiệp/,
    ],
    [
      "Dự án phát triển nuôi tôm - lúa, giải quyết việc làm tại chỗ",
      80,
      utcDate(2022, 6, 9),
      ["Thủy sản"],
      /tôm|Nuôi trồng/,
    ],
    [
      "Dự án đầu tư máy sấy lúa, tạo việc làm cho lao động nông thôn",
      70,
      utcDate(2022, 8, 23),
      ["Dịch vụ nông nghiệp"],
      /Dịch vụ nông nghiệp|Cơ giới/,
    ],
    [
      "Dự án mở rộng sản xuất rau an toàn",
      50,
      utcDate(2022, 10, 5),
      ["Trồng trọt", "Nông nghiệp"],
      /Rau/,
    ],
  ];
  const taken = new Set<string>();
  return projects.map(([project, amount, date, sectors, fits]) => {
    const pool = candidates.filter((r) => sectors.includes(r.sector) && !taken.has(r.name));
    const best = pool.filter((r) => fits.test(r.name));
    const htxName = rng.pick(best.length > 0 ? best : pool).name;
    taken.add(htxName);
    return { project, htxName, fund, amount, date };
  });
}

export const PLAN_ROWS: readonly PlanRow[] = [
  {
    code: "tht.new",
    label: "THT thành lập mới",
    unit: "THT",
    year: 2022,
    target: 50,
    percent: 102,
  },
  {
    code: "htx.new",
    label: "HTX thành lập mới",
    unit: "HTX",
    year: 2022,
    target: 15,
    percent: 220,
  },
  {
    code: "training.quan_ly.courses",
    label: "Lớp tập huấn cán bộ quản lý HTX",
    unit: "lớp",
    year: 2022,
    target: 4,
    percent: 150,
  },
  {
    code: "training.nang_luc.courses",
    label: "Lớp đào tạo nâng cao năng lực",
    unit: "lớp",
    year: 2022,
    target: 4,
    percent: 175,
  },
  {
    code: "training.tuyen_truyen.sessions",
    label: "Cuộc tuyên truyền",
    unit: "cuộc",
    year: 2022,
    target: 15,
    percent: 220,
  },
  {
    code: "fairs.htx",
    label: "Lượt HTX tham gia hội chợ",
    unit: "lượt HTX",
    year: 2022,
    target: 8,
    percent: 75,
  },
  {
    code: "tht.new",
    label: "THT thành lập mới",
    unit: "THT",
    year: 2023,
    target: 50,
    percent: null,
  },
  {
    code: "htx.new",
    label: "HTX thành lập mới",
    unit: "HTX",
    year: 2023,
    target: 10,
    percent: null,
  },
  {
    code: "tht.new.members",
    label: "Tổ viên THT mới",
    unit: "người",
    year: 2023,
    target: 600,
    percent: null,
  },
  {
    code: "htx.new.members",
    label: "Thành viên HTX mới",
    unit: "người",
    year: 2023,
    target: 500,
    percent: null,
  },
  {
    code: "tht.revenue.avg",
    label: "Doanh thu bình quân của THT",
    unit: "triệu đồng/năm",
    year: 2023,
    target: 520,
    percent: null,
  },
  {
    code: "htx.revenue.avg",
    label: "Doanh thu bình quân của HTX",
    unit: "triệu đồng/năm",
    year: 2023,
    target: 3000,
    percent: null,
  },
];

/** Builds all demo rows. Pure and deterministic: two calls give equal data. */
export function buildDemoData(seed: number = DEMO_SEED): DemoData {
  const tht = generateTht(seed);
  const htx = generateHtx(seed + 1);
  const rng = new Rng(seed + 2);
  return {
    tht,
    htx,
    training: trainingRows(rng),
    fairs: fairRows(rng, htx),
    loans: loanRows(rng, htx),
    plan: PLAN_ROWS.map((r) => ({ ...r })),
  };
}

// ---------------------------------------------------------------------------
// Sheet specs (what demo-workbook.ts renders)
// ---------------------------------------------------------------------------

export interface DemoFormula {
  formula: string;
  result: number;
}

export type DemoCell = string | number | Date | DemoFormula | null;

export type ColumnKind = "stt" | "text" | "code" | "int" | "money" | "decimal1" | "area" | "date";

export interface DemoColumn {
  header: string;
  width: number;
  kind: ColumnKind;
}

export const NUM_FMT: Record<ColumnKind, string | undefined> = {
  stt: "0",
  text: undefined,
  code: "@",
  int: "#,##0",
  money: "#,##0",
  decimal1: "#,##0.0",
  area: "#,##0.00",
  date: "dd/mm/yyyy",
};

export interface DemoSheetSpec {
  name: string;
  /** Title rows from row 1 (empty strings leave a row blank). */
  titleRows: string[];
  /** 1-based row of the headers. */
  headerRow: number;
  /** 1-based row of "(1) (2) …", or null. */
  columnNumberRow: number | null;
  firstDataRow: number;
  columns: DemoColumn[];
  rows: DemoCell[][];
  /** Written on the row right after the last data row. */
  totalRow: DemoCell[] | null;
  /** Which title row (1-based) is merged across the table and bold. */
  mergedTitleRow: number | null;
}

export const SHEET_NAMES = {
  tht: "DS THT",
  htx: "DS HTX",
  training: "Đào tạo, tập huấn",
  fairs: "Hội chợ - XTTM",
  loans: "Vốn vay",
  plan: "Kế hoạch",
} as const;

export const THT_COLUMNS: readonly DemoColumn[] = [
  { header: "STT", width: 6, kind: "stt" },
  { header: "Tên tổ hợp tác", width: 42, kind: "text" },
  { header: "Huyện/TP", width: 16, kind: "text" },
  { header: "Xã/Phường", width: 18, kind: "text" },
  { header: "Lĩnh vực", width: 16, kind: "text" },
  { header: "Ngày thành lập", width: 13, kind: "date" },
  { header: "Ngày giải thể", width: 13, kind: "date" },
  { header: "Tình trạng", width: 15, kind: "text" },
  { header: "Số tổ viên", width: 10, kind: "int" },
  { header: "Vốn góp (triệu đồng)", width: 12, kind: "decimal1" },
  { header: "Diện tích (ha)", width: 12, kind: "area" },
  { header: "Lao động thời vụ", width: 11, kind: "int" },
];

export const HTX_COLUMNS: readonly DemoColumn[] = [
  { header: "STT", width: 6, kind: "stt" },
  { header: "Tên hợp tác xã", width: 40, kind: "text" },
  { header: "Mã số HTX", width: 13, kind: "code" },
  { header: "Huyện/TP", width: 16, kind: "text" },
  { header: "Xã/Phường", width: 18, kind: "text" },
  { header: "Loại hình", width: 13, kind: "text" },
  { header: "Lĩnh vực", width: 20, kind: "text" },
  { header: "Ngày thành lập", width: 13, kind: "date" },
  { header: "Ngày giải thể", width: 13, kind: "date" },
  { header: "Tình trạng", width: 15, kind: "text" },
  { header: "Vốn điều lệ (đồng)", width: 17, kind: "money" },
  { header: "Diện tích (ha)", width: 12, kind: "area" },
  { header: "Số thành viên", width: 11, kind: "int" },
  { header: "Số HTX thành viên", width: 11, kind: "int" },
  { header: "Số lao động", width: 10, kind: "int" },
];

export const TRAINING_COLUMNS: readonly DemoColumn[] = [
  { header: "STT", width: 6, kind: "stt" },
  { header: "Tên lớp", width: 60, kind: "text" },
  { header: "Loại", width: 26, kind: "text" },
  { header: "Thời gian", width: 13, kind: "date" },
  { header: "Địa điểm", width: 40, kind: "text" },
  { header: "Đơn vị phối hợp", width: 34, kind: "text" },
  { header: "Số người tham dự", width: 11, kind: "int" },
];

export const FAIR_COLUMNS: readonly DemoColumn[] = [
  { header: "STT", width: 6, kind: "stt" },
  { header: "Tên hội chợ", width: 52, kind: "text" },
  { header: "Loại", width: 17, kind: "text" },
  { header: "Địa điểm", width: 14, kind: "text" },
  { header: "Thời gian", width: 13, kind: "date" },
  { header: "Số HTX tham gia", width: 11, kind: "int" },
  { header: "Số sản phẩm", width: 11, kind: "int" },
  { header: "HTX tham gia", width: 80, kind: "text" },
];

export const LOAN_COLUMNS: readonly DemoColumn[] = [
  { header: "STT", width: 6, kind: "stt" },
  { header: "Tên dự án", width: 66, kind: "text" },
  { header: "Tên HTX", width: 40, kind: "text" },
  { header: "Nguồn vốn", width: 26, kind: "text" },
  { header: "Số tiền giải ngân (triệu đồng)", width: 14, kind: "int" },
  { header: "Ngày giải ngân", width: 13, kind: "date" },
];

export const PLAN_COLUMNS: readonly DemoColumn[] = [
  { header: "Mã chỉ tiêu", width: 30, kind: "text" },
  { header: "Chỉ tiêu", width: 36, kind: "text" },
  { header: "ĐVT", width: 16, kind: "text" },
  { header: "Năm", width: 8, kind: "stt" },
  { header: "Kế hoạch", width: 11, kind: "int" },
  { header: "Tỷ lệ đạt (%)", width: 11, kind: "int" },
];

/** Layout shared by the demo and the large workbook: title rows 1–2, headers on row 4. */
export const LIST_LAYOUT = { headerRow: 4, columnNumberRow: 5, firstDataRow: 6 } as const;
export const ACTIVITY_LAYOUT = { headerRow: 4, columnNumberRow: null, firstDataRow: 5 } as const;
export const PLAN_LAYOUT = { headerRow: 1, columnNumberRow: null, firstDataRow: 2 } as const;

export const TITLES = {
  tht: "DANH SÁCH TỔ HỢP TÁC TRÊN ĐỊA BÀN TỈNH ĐẾN NGÀY 31/12/2022",
  htx: "DANH SÁCH HỢP TÁC XÃ, QUỸ TÍN DỤNG NHÂN DÂN, LIÊN HIỆP HTX ĐẾN NGÀY 31/12/2022",
  training: "DANH SÁCH LỚP ĐÀO TẠO, TẬP HUẤN, TUYÊN TRUYỀN NĂM 2021 - 2022",
  fairs: "HỘI CHỢ, XÚC TIẾN THƯƠNG MẠI NĂM 2021 - 2022",
  loans: "DỰ ÁN GIỚI THIỆU VAY VỐN NĂM 2022",
} as const;

const blank = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

export function thtCells(r: ThtRow, stt: number): DemoCell[] {
  return [
    stt,
    r.name,
    r.district,
    r.commune,
    r.sector,
    r.founded,
    r.dissolved,
    r.status,
    r.members,
    r.text.capital ?? r.capital,
    r.text.area ?? blank(r.area),
    r.workers,
  ];
}

export function htxCells(r: HtxRow, stt: number): DemoCell[] {
  return [
    stt,
    r.name,
    r.regCode,
    r.district,
    r.commune,
    r.kind,
    r.sector,
    r.founded,
    r.dissolved,
    r.status,
    r.text.charterCapital ?? r.charterCapital,
    r.text.area ?? blank(r.area),
    r.members,
    r.memberCoops,
    r.workers,
  ];
}

export function trainingCells(r: TrainingRow, stt: number): DemoCell[] {
  return [stt, r.title, r.kind, r.dateText ?? r.date, r.location, r.partner, r.participants];
}

export function fairCells(r: FairRow, stt: number): DemoCell[] {
  return [
    stt,
    r.event,
    r.kind,
    r.location,
    r.date,
    r.htxCount,
    r.products,
    r.htxNames.length > 0 ? r.htxNames.join("; ") : null,
  ];
}

export function loanCells(r: LoanRow, stt: number): DemoCell[] {
  return [stt, r.project, r.htxName, r.fund, r.amount, r.date];
}

export function planCells(r: PlanRow): DemoCell[] {
  return [r.code, r.label, r.unit, r.year, r.target, r.percent];
}

/**
 * Column sums of the THT sheet's numeric columns (I..L) over all data rows,
 * computed in integers: members, capital (tenths of triệu), area
 * (hundredths of ha), workers.
 */
export interface ThtTotals {
  members: number;
  capital10: number;
  area100: number;
  workers: number;
}

export function addThtTotals(acc: ThtTotals, r: ThtRow): ThtTotals {
  acc.members += r.members;
  acc.capital10 += Math.round(r.capital * 10);
  acc.area100 += r.area === null ? 0 : Math.round(r.area * 100);
  acc.workers += r.workers;
  return acc;
}

/** The "Tổng cộng" row under the THT data rows. */
export function thtTotalRow(
  totals: ThtTotals,
  firstDataRow: number,
  lastDataRow: number
): DemoCell[] {
  const sum = (col: string, result: number): DemoFormula => ({
    formula: `SUM(${col}${firstDataRow}:${col}${lastDataRow})`,
    result,
  });
  return [
    null,
    "Tổng cộng",
    null,
    null,
    null,
    null,
    null,
    null,
    sum("I", totals.members),
    sum("J", totals.capital10 / 10),
    sum("K", totals.area100 / 100),
    sum("L", totals.workers),
  ];
}

export function thtSheetSpec(rows: readonly ThtRow[]): DemoSheetSpec {
  const totals = rows.reduce(addThtTotals, { members: 0, capital10: 0, area100: 0, workers: 0 });
  const first = LIST_LAYOUT.firstDataRow;
  return {
    name: SHEET_NAMES.tht,
    titleRows: [ALLIANCE_TITLE, TITLES.tht],
    ...LIST_LAYOUT,
    columns: THT_COLUMNS.slice(),
    rows: rows.map((r, i) => thtCells(r, i + 1)),
    totalRow: thtTotalRow(totals, first, first + rows.length - 1),
    mergedTitleRow: 2,
  };
}

export function htxSheetSpec(rows: readonly HtxRow[]): DemoSheetSpec {
  return {
    name: SHEET_NAMES.htx,
    titleRows: [ALLIANCE_TITLE, TITLES.htx],
    ...LIST_LAYOUT,
    columns: HTX_COLUMNS.slice(),
    rows: rows.map((r, i) => htxCells(r, i + 1)),
    totalRow: null,
    mergedTitleRow: 2,
  };
}

export function trainingSheetSpec(rows: readonly TrainingRow[]): DemoSheetSpec {
  return {
    name: SHEET_NAMES.training,
    titleRows: [ALLIANCE_TITLE, TITLES.training],
    ...ACTIVITY_LAYOUT,
    columns: TRAINING_COLUMNS.slice(),
    rows: rows.map((r, i) => trainingCells(r, i + 1)),
    totalRow: null,
    mergedTitleRow: 2,
  };
}

export function fairSheetSpec(rows: readonly FairRow[]): DemoSheetSpec {
  return {
    name: SHEET_NAMES.fairs,
    titleRows: [ALLIANCE_TITLE, TITLES.fairs],
    ...ACTIVITY_LAYOUT,
    columns: FAIR_COLUMNS.slice(),
    rows: rows.map((r, i) => fairCells(r, i + 1)),
    totalRow: null,
    mergedTitleRow: 2,
  };
}

export function loanSheetSpec(rows: readonly LoanRow[]): DemoSheetSpec {
  return {
    name: SHEET_NAMES.loans,
    titleRows: [ALLIANCE_TITLE, TITLES.loans],
    ...ACTIVITY_LAYOUT,
    columns: LOAN_COLUMNS.slice(),
    rows: rows.map((r, i) => loanCells(r, i + 1)),
    totalRow: null,
    mergedTitleRow: 2,
  };
}

export function planSheetSpec(rows: readonly PlanRow[]): DemoSheetSpec {
  return {
    name: SHEET_NAMES.plan,
    titleRows: [],
    ...PLAN_LAYOUT,
    columns: PLAN_COLUMNS.slice(),
    rows: rows.map(planCells),
    totalRow: null,
    mergedTitleRow: null,
  };
}

/** The six sheets of the demo workbook, in order. */
export function demoSheetSpecs(data: DemoData = buildDemoData()): DemoSheetSpec[] {
  return [
    thtSheetSpec(data.tht),
    htxSheetSpec(data.htx),
    trainingSheetSpec(data.training),
    fairSheetSpec(data.fairs),
    loanSheetSpec(data.loans),
    planSheetSpec(data.plan),
  ];
}

// ---------------------------------------------------------------------------
// Unconstrained row generators (for the large benchmark workbook)
// ---------------------------------------------------------------------------

const ALL_THT_ACTIVITIES: readonly { text: string; sector: ThtSector }[] = [
  ...THT_NN_ACTIVITIES.filter((a) => !a.only && !a.coastal).map((a) => ({
    text: a.text,
    sector: "Nông nghiệp" as const,
  })),
  ...THT_PNN_ACTIVITIES.filter((a) => !a.only && !a.coastal).map((a) => ({
    text: a.text,
    sector: "Phi nông nghiệp" as const,
  })),
];

/**
 * The i-th synthetic THT of a large workbook. Names are unique per district
 * by construction (mixed-radix over activity × hamlet × serial).
 */
export function largeThtRow(rng: Rng, i: number, year: number = DEMO_YEAR): ThtRow {
  const d = DISTRICTS[i % DISTRICTS.length];
  const j = Math.floor(i / DISTRICTS.length);
  const act = ALL_THT_ACTIVITIES[j % ALL_THT_ACTIVITIES.length];
  const k = Math.floor(j / ALL_THT_ACTIVITIES.length);
  const hamlet = HAMLETS[k % HAMLETS.length];
  const serial = Math.floor(k / HAMLETS.length);
  const nn = act.sector === "Nông nghiệp";
  const foundedYear = rng.chance(0.03) ? year : recentYear(rng, 2008, year - 1);
  const founded = randomDateBetween(
    rng,
    utcDate(foundedYear, 1, 1),
    foundedYear === year ? REPORT_DATE : utcDate(foundedYear, 12, 31)
  );
  const dissolvedNow = foundedYear < year - 1 && rng.chance(0.02);
  const text: ThtRow["text"] = {};
  if (i % 997 === 500) text.capital = "12,5";
  return {
    name: `THT ${act.text} ấp ${hamlet}${serial > 0 ? ` ${serial + 1}` : ""}`,
    district: districtLabel(rng, d),
    districtKey: d.name,
    commune: rng.pick(d.communes),
    sector: act.sector,
    founded,
    dissolved: dissolvedNow ? randomDateBetween(rng, utcDate(year - 1, 1, 1), REPORT_DATE) : null,
    status: dissolvedNow ? STATUS_DISSOLVED : STATUS_ACTIVE,
    members: rng.int(3, 40),
    capital: text.capital ? 12.5 : rng.int(2, 60) * 0.5,
    area: nn ? rng.int(30, 8000) / 100 : null,
    workers: rng.int(1, 10),
    text,
  };
}

const ALL_HTX_SECTORS: readonly string[] = [
  ...HTX_NN_SECTORS,
  ...HTX_NN_SECTORS,
  ...HTX_PNN_SECTORS,
];

/** The i-th synthetic HTX of a large workbook (names unique per district, codes unique). */
export function largeHtxRow(rng: Rng, i: number, year: number = DEMO_YEAR): HtxRow {
  const d = DISTRICTS[i % DISTRICTS.length];
  const j = Math.floor(i / DISTRICTS.length);
  const credit = j % 40 === 39;
  // Slot r of each cycle of 17 picks the sector; the agricultural sectors appear twice.
  const r = j % ALL_HTX_SECTORS.length;
  const q = Math.floor(j / ALL_HTX_SECTORS.length);
  const sector = credit ? HTX_CREDIT_SECTOR : ALL_HTX_SECTORS[r];
  const agri = (HTX_NN_SECTORS as readonly string[]).includes(sector);
  const patterns = credit ? ["Quỹ TDND"] : Array.from(new Set(HTX_NAME_PATTERNS[sector]));
  const pattern = patterns[credit ? 0 : q % patterns.length];
  const k = credit ? Math.floor(j / 40) : Math.floor(q / patterns.length);
  const copies = credit || !agri ? 1 : 2;
  const copy = r >= HTX_NN_SECTORS.length && r < 2 * HTX_NN_SECTORS.length ? 1 : 0;
  const places = Array.from(new Set([...d.communes, ...COOP_PLACES]));
  const m = k * copies + (credit ? 0 : copy);
  const place = places[m % places.length];
  const serial = Math.floor(m / places.length);
  const foundedYear = credit
    ? rng.int(2000, 2008)
    : rng.chance(0.03)
      ? year
      : recentYear(rng, 2000, year - 1);
  const founded = randomDateBetween(
    rng,
    utcDate(foundedYear, 1, 1),
    foundedYear === year ? REPORT_DATE : utcDate(foundedYear, 12, 31)
  );
  const dissolvedNow = !credit && foundedYear < year - 1 && rng.chance(0.04);
  const text: HtxRow["text"] = {};
  if (i % 991 === 300 && agri) text.area = "145,25";
  return {
    name: `${pattern} ${place}${serial > 0 ? ` ${serial + 1}` : ""}`,
    regCode: `17${String(10000000 + i).padStart(8, "0")}`,
    district: districtLabel(rng, d),
    districtKey: d.name,
    commune: rng.pick(d.communes),
    kind: credit ? "Quỹ TDND" : "HTX",
    sector,
    founded,
    dissolved: dissolvedNow ? randomDateBetween(rng, utcDate(year - 1, 1, 1), REPORT_DATE) : null,
    status: dissolvedNow ? STATUS_DISSOLVED : STATUS_ACTIVE,
    charterCapital: credit ? rng.int(150, 600) * 10000000 : rng.int(5, 300) * 10000000,
    area: agri ? (text.area ? 145.25 : rng.int(500, 50000) / 100) : null,
    members: credit ? rng.int(800, 2500) : rng.int(7, 200),
    memberCoops: null,
    workers: credit ? rng.int(6, 25) : rng.int(3, 100),
    text,
  };
}

/** A synthetic training row for the large workbook. */
export function largeTrainingRow(rng: Rng, i: number, year: number = DEMO_YEAR): TrainingRow {
  const kinds = [TRAINING_KINDS.quan_ly, TRAINING_KINDS.nang_luc, TRAINING_KINDS.tuyen_truyen];
  const kind = kinds[i % 3];
  const d = DISTRICTS[i % DISTRICTS.length];
  const commune = rng.pick(d.communes);
  const y = rng.chance(0.5) ? year : year - 1;
  return {
    title:
      kind === TRAINING_KINDS.tuyen_truyen
        ? `Tuyên truyền Luật HTX tại xã ${commune} (đợt ${i + 1})`
        : `${kind === TRAINING_KINDS.quan_ly ? QUAN_LY_TITLES[i % QUAN_LY_TITLES.length] : NANG_LUC_TITLES[i % NANG_LUC_TITLES.length]} (lớp ${i + 1})`,
    kind,
    date: randomDateBetween(rng, utcDate(y, 1, 1), y === year ? REPORT_DATE : utcDate(y, 12, 31)),
    location: `Hội trường UBND xã ${commune}, ${d.name}`,
    partner: rng.pick(TRAINING_PARTNERS),
    participants: rng.int(15, 60),
  };
}

/** A synthetic fair row naming some of the given HTX. */
export function largeFairRow(
  rng: Rng,
  i: number,
  htxNames: readonly string[],
  year: number = DEMO_YEAR
): FairRow {
  const n = htxNames.length > 0 ? rng.int(1, Math.min(10, htxNames.length)) : 0;
  const start = htxNames.length > 0 ? rng.int(0, htxNames.length - n) : 0;
  const y = rng.chance(0.5) ? year : year - 1;
  return {
    event: `Hội chợ xúc tiến thương mại số ${i + 1}`,
    kind: FAIR_KINDS.hoi_cho,
    location: rng.pick(["Hà Nội", "TP. Hồ Chí Minh", "Cần Thơ", "Quảng Ninh", "Rạch Giá"]),
    date: randomDateBetween(rng, utcDate(y, 1, 1), y === year ? REPORT_DATE : utcDate(y, 12, 31)),
    htxCount: n,
    products: rng.int(5, 80),
    htxNames: htxNames.slice(start, start + n),
  };
}
