/**
 * Sheet kinds, their fields and header aliases (DOMAIN §2).
 * Pure data plus the enum tables used to read categories.
 */

export type SheetKind = "tht" | "htx" | "training" | "fairs" | "loans" | "plan" | "units";

export type FieldType = "text" | "int" | "number" | "money" | "area" | "date" | "enum" | "names";

export interface FieldDef {
  key: string;
  type: FieldType;
  aliases: string[];
  required?: boolean;
  /** enum table name, for type "enum" */
  enumName?: EnumName;
  /** negative numbers allowed */
  signed?: boolean;
}

export interface KindDef {
  kind: SheetKind;
  /** Sheet-name aliases. */
  sheetAliases: string[];
  fields: FieldDef[];
  /** Fields whose presence makes a header row belong to this kind. */
  anchors: string[];
  /** One anchor is enough (a plan names its rows by code or by label). */
  anyAnchor?: boolean;
}

const districtAliases = [
  "Huyện",
  "Huyện/TP",
  "Huyện/Thành phố",
  "Huyện, thành phố",
  "Địa bàn",
  "Đơn vị",
  "Huyện/thị xã/thành phố",
];
const communeAliases = ["Xã", "Xã/Phường", "Xã, phường", "Xã/Phường/Thị trấn", "Phường/Xã"];
const statusAliases = ["Tình trạng", "Tình trạng hoạt động", "Trạng thái"];
const foundedAliases = [
  "Ngày thành lập",
  "Năm thành lập",
  "Ngày TL",
  "Thời điểm thành lập",
  "Ngày đăng ký",
  "Năm TL",
];
const dissolvedAliases = ["Ngày giải thể", "Năm giải thể"];
const suspendedAliases = ["Ngày ngừng hoạt động", "Ngày tạm ngừng", "Ngày tạm ngừng hoạt động"];

export const KINDS: KindDef[] = [
  {
    kind: "tht",
    sheetAliases: ["THT", "Tổ hợp tác", "DS THT"],
    anchors: ["name"],
    fields: [
      {
        key: "name",
        type: "text",
        required: true,
        aliases: ["Tên THT", "Tên tổ hợp tác", "Tổ hợp tác", "Tên tổ"],
      },
      { key: "district", type: "text", aliases: districtAliases },
      { key: "commune", type: "text", aliases: communeAliases },
      {
        key: "sector",
        type: "enum",
        enumName: "sector",
        required: true,
        aliases: ["Lĩnh vực", "Ngành nghề", "Lĩnh vực hoạt động"],
      },
      { key: "founded", type: "date", required: true, aliases: foundedAliases },
      { key: "dissolved", type: "date", aliases: dissolvedAliases },
      { key: "suspended", type: "date", aliases: suspendedAliases },
      { key: "status", type: "enum", enumName: "status", aliases: statusAliases },
      {
        key: "members",
        type: "int",
        aliases: ["Số tổ viên", "Tổ viên", "Số thành viên", "Thành viên"],
      },
      { key: "capital", type: "money", aliases: ["Vốn góp", "Tổng vốn góp", "Vốn"] },
      {
        key: "area",
        type: "area",
        aliases: ["Diện tích", "Diện tích đất sản xuất", "Diện tích sản xuất"],
      },
      {
        key: "workers",
        type: "int",
        aliases: ["Lao động", "Số lao động", "Lao động thời vụ", "Số lao động thời vụ"],
      },
      { key: "revenue", type: "money", aliases: ["Doanh thu", "Doanh thu bình quân"] },
    ],
  },
  {
    kind: "htx",
    sheetAliases: ["HTX", "Hợp tác xã", "DS HTX"],
    anchors: ["name"],
    fields: [
      {
        key: "name",
        type: "text",
        required: true,
        aliases: ["Tên HTX", "Tên hợp tác xã", "Hợp tác xã", "Tên đơn vị"],
      },
      {
        key: "reg_code",
        type: "text",
        aliases: [
          "Mã số HTX",
          "Mã số thuế",
          "Số GCNĐK",
          "Mã số",
          "MST",
          "Số giấy chứng nhận đăng ký",
          "Mã HTX",
        ],
      },
      { key: "district", type: "text", aliases: districtAliases.filter((a) => a !== "Đơn vị") },
      { key: "commune", type: "text", aliases: communeAliases },
      {
        key: "kind",
        type: "enum",
        enumName: "htxKind",
        aliases: ["Loại hình", "Loại hình tổ chức", "Loại"],
      },
      {
        key: "sector",
        type: "enum",
        enumName: "htxSector",
        required: true,
        aliases: ["Lĩnh vực", "Ngành nghề", "Lĩnh vực hoạt động"],
      },
      { key: "founded", type: "date", required: true, aliases: foundedAliases },
      { key: "dissolved", type: "date", aliases: dissolvedAliases },
      { key: "suspended", type: "date", aliases: suspendedAliases },
      { key: "status", type: "enum", enumName: "status", aliases: statusAliases },
      {
        key: "charter_capital",
        type: "money",
        aliases: ["Vốn điều lệ", "Tổng vốn điều lệ", "VĐL"],
      },
      { key: "area", type: "area", aliases: ["Diện tích", "Diện tích đất sản xuất"] },
      { key: "members", type: "int", aliases: ["Số thành viên", "Thành viên", "Số xã viên"] },
      { key: "member_coops", type: "int", aliases: ["Số HTX thành viên", "HTX thành viên"] },
      {
        key: "workers",
        type: "int",
        aliases: ["Số lao động", "Lao động", "Lao động thường xuyên"],
      },
      { key: "revenue", type: "money", aliases: ["Doanh thu", "Doanh thu bình quân"] },
      {
        key: "rating",
        type: "enum",
        enumName: "rating",
        aliases: ["Xếp loại", "Phân loại", "Đánh giá xếp loại"],
      },
    ],
  },
  {
    kind: "training",
    sheetAliases: ["Đào tạo", "Tập huấn", "Bồi dưỡng", "Tuyên truyền"],
    anchors: ["title", "participants"],
    fields: [
      {
        key: "title",
        type: "text",
        required: true,
        aliases: ["Tên lớp", "Nội dung", "Tên lớp học", "Nội dung tập huấn", "Tên khóa học"],
      },
      {
        key: "kind",
        type: "enum",
        enumName: "training",
        required: true,
        aliases: ["Loại", "Hình thức", "Loại lớp", "Loại hình"],
      },
      {
        key: "date",
        type: "date",
        aliases: ["Thời gian", "Ngày", "Ngày tổ chức", "Thời gian tổ chức", "Ngày khai giảng"],
      },
      { key: "location", type: "text", aliases: ["Địa điểm", "Nơi tổ chức"] },
      { key: "partner", type: "text", aliases: ["Đơn vị phối hợp", "Phối hợp"] },
      {
        key: "participants",
        type: "int",
        required: true,
        aliases: [
          "Số người tham dự",
          "Số học viên",
          "Người tham dự",
          "Số lượt người tham dự",
          "Số người",
        ],
      },
    ],
  },
  {
    kind: "fairs",
    sheetAliases: ["Hội chợ", "Xúc tiến thương mại", "XTTM"],
    anchors: ["event"],
    fields: [
      {
        key: "event",
        type: "text",
        required: true,
        aliases: ["Tên hội chợ", "Sự kiện", "Tên sự kiện", "Hội chợ"],
      },
      { key: "kind", type: "enum", enumName: "fair", aliases: ["Loại", "Loại hình", "Hình thức"] },
      { key: "location", type: "text", aliases: ["Địa điểm", "Tỉnh", "Nơi tổ chức"] },
      { key: "date", type: "date", aliases: ["Thời gian", "Ngày", "Thời gian tổ chức"] },
      { key: "htx_count", type: "int", aliases: ["Số HTX tham gia", "Số lượng HTX", "Số HTX"] },
      { key: "products", type: "int", aliases: ["Số sản phẩm", "Sản phẩm"] },
      {
        key: "htx_names",
        type: "names",
        aliases: ["HTX tham gia", "Tên HTX tham gia", "Danh sách HTX"],
      },
    ],
  },
  {
    kind: "loans",
    sheetAliases: ["Vốn vay", "Hỗ trợ vốn"],
    anchors: ["amount"],
    fields: [
      { key: "project", type: "text", aliases: ["Tên dự án", "Dự án"] },
      { key: "htx_name", type: "text", aliases: ["Tên HTX", "HTX", "Đơn vị vay"] },
      { key: "fund", type: "text", aliases: ["Nguồn vốn", "Quỹ", "Nguồn"] },
      {
        key: "amount",
        type: "money",
        required: true,
        aliases: [
          "Số tiền giải ngân",
          "Số tiền",
          "Số vốn vay",
          "Vốn vay",
          "Số vốn giải ngân",
          "Giải ngân",
        ],
      },
      { key: "date", type: "date", aliases: ["Ngày giải ngân", "Thời gian", "Ngày"] },
    ],
  },
  {
    kind: "plan",
    sheetAliases: ["Kế hoạch", "KH", "Chỉ tiêu"],
    anchors: ["label", "code"],
    anyAnchor: true,
    fields: [
      { key: "code", type: "text", aliases: ["Mã chỉ tiêu", "Mã"] },
      { key: "label", type: "text", aliases: ["Chỉ tiêu", "Tên chỉ tiêu", "Nội dung"] },
      { key: "unit", type: "text", aliases: ["ĐVT", "Đơn vị tính"] },
      { key: "year", type: "int", aliases: ["Năm"] },
      {
        key: "target",
        type: "number",
        signed: true,
        aliases: ["Kế hoạch", "KH", "Chỉ tiêu kế hoạch", "Kế hoạch năm"],
      },
      {
        key: "percent",
        type: "number",
        aliases: ["Tỷ lệ đạt", "% so KH", "Tỷ lệ", "% KH", "Tỷ lệ so KH", "So KH"],
      },
    ],
  },
  {
    kind: "units",
    sheetAliases: ["Danh mục đơn vị"],
    anchors: ["unit_name"],
    fields: [
      { key: "unit_name", type: "text", required: true, aliases: ["Tên đơn vị", "Đơn vị"] },
      { key: "level", type: "text", aliases: ["Cấp"] },
      { key: "valid_from", type: "date", aliases: ["Hiệu lực từ", "Từ ngày"] },
      { key: "valid_to", type: "date", aliases: ["Hiệu lực đến", "Đến ngày"] },
    ],
  },
];

export const KIND_BY_NAME: Record<SheetKind, KindDef> = Object.fromEntries(
  KINDS.map((k) => [k.kind, k])
) as Record<SheetKind, KindDef>;

export function fieldDef(kind: SheetKind, key: string): FieldDef | undefined {
  return KIND_BY_NAME[kind].fields.find((f) => f.key === key);
}

// ---------------------------------------------------------------- enums

export type EnumName =
  "sector" | "htxSector" | "status" | "htxKind" | "training" | "fair" | "rating";

export interface EnumValue {
  value: string;
  /** The canonical label written by a fix. */
  label: string;
  /** Other spellings accepted silently (compared with case and tone placement folded). */
  accepted?: string[];
  /** Synonyms that are read but flagged `enum-variant` (compared without diacritics). */
  variants?: string[];
  /** Phrases (folded words) whose presence anywhere in the text selects this value. */
  contains?: string[];
}

export const ENUMS: Record<EnumName, EnumValue[]> = {
  sector: [
    {
      value: "nong_nghiep",
      label: "Nông nghiệp",
      accepted: [
        "Trồng trọt",
        "Chăn nuôi",
        "Thủy sản",
        "Lâm nghiệp",
        "Dịch vụ nông nghiệp",
        "Nông nghiệp tổng hợp",
        "Nuôi trồng thủy sản",
        "Nông, lâm, thủy sản",
        "Nông lâm thủy sản",
      ],
      variants: ["NN", "Nông", "N.nghiệp", "Nong nghiep"],
      contains: [
        "nong nghiep",
        "trong trot",
        "chan nuoi",
        "thuy san",
        "lam nghiep",
        "nuoi tom",
        "trong lua",
      ],
    },
    {
      value: "phi_nong_nghiep",
      label: "Phi nông nghiệp",
      accepted: [
        "Thương mại - dịch vụ",
        "Thương mại, dịch vụ",
        "Vận tải",
        "Xây dựng",
        "CN-TTCN",
        "Công nghiệp - TTCN",
        "Tiểu thủ công nghiệp",
        "Môi trường",
        "Dịch vụ",
        "Thương mại",
      ],
      variants: ["PNN", "Phi NN", "Phi nong nghiep"],
      contains: [
        "phi nong nghiep",
        "thuong mai",
        "van tai",
        "xay dung",
        "cong nghiep",
        "ttcn",
        "moi truong",
        "thu cong",
      ],
    },
  ],
  htxSector: [],
  status: [
    {
      value: "active",
      label: "Đang hoạt động",
      accepted: ["Hoạt động", "Đang HĐ"],
      variants: ["HĐ", "Dang hoat dong"],
      contains: ["dang hoat dong"],
    },
    {
      value: "suspended",
      label: "Ngừng hoạt động",
      accepted: ["Tạm ngừng hoạt động", "Tạm ngừng", "Ngưng hoạt động", "Tạm dừng hoạt động"],
      variants: ["Ngừng HĐ", "Ngung hoat dong"],
      contains: ["ngung", "tam dung"],
    },
    {
      value: "dissolved",
      label: "Giải thể",
      accepted: ["Đã giải thể"],
      variants: ["GT", "Giai the"],
      contains: ["giai the"],
    },
  ],
  htxKind: [
    {
      value: "qtdnd",
      label: "Quỹ TDND",
      accepted: ["Quỹ tín dụng nhân dân", "QTDND", "Quỹ tín dụng"],
      contains: ["quy tdnd", "qtdnd", "quy tin dung"],
    },
    {
      value: "lhhtx",
      label: "Liên hiệp HTX",
      accepted: ["Liên hiệp hợp tác xã", "LHHTX"],
      contains: ["lien hiep"],
    },
    { value: "htx", label: "HTX", accepted: ["Hợp tác xã"], contains: ["hop tac xa", "htx"] },
  ],
  training: [
    { value: "tuyen_truyen", label: "Tuyên truyền", variants: ["TT"], contains: ["tuyen truyen"] },
    {
      value: "quan_ly",
      label: "Tập huấn cán bộ quản lý HTX",
      accepted: ["Tập huấn"],
      variants: ["TH CBQL", "TH", "CBQL", "Tập huấn CBQL", "TH cán bộ quản lý"],
      contains: ["quan ly", "tap huan", "cbql"],
    },
    {
      value: "nang_luc",
      label: "Đào tạo, bồi dưỡng nâng cao năng lực",
      accepted: ["Đào tạo", "Bồi dưỡng", "Nâng cao năng lực"],
      variants: ["BD NCNL", "ĐT NCNL", "NCNL", "BD", "ĐT", "ĐTBD"],
      contains: ["nang cao nang luc", "dao tao", "boi duong", "nang luc", "ncnl"],
    },
  ],
  fair: [
    {
      value: "hoi_nghi_xttm",
      label: "Hội nghị XTTM",
      accepted: ["Hội nghị xúc tiến thương mại"],
      contains: ["xuc tien thuong mai", "xttm"],
    },
    {
      value: "ket_noi",
      label: "Tọa đàm kết nối",
      accepted: ["Kết nối tiêu thụ", "Tọa đàm"],
      contains: ["ket noi", "toa dam", "cung cau"],
    },
    // Any other "hội nghị" is a trade conference (checked after the connection events).
    { value: "hoi_nghi_xttm", label: "Hội nghị XTTM", contains: ["hoi nghi"] },
    {
      value: "hoi_cho",
      label: "Hội chợ",
      accepted: ["Hội chợ triển lãm"],
      contains: ["hoi cho", "trien lam"],
    },
  ],
  rating: [
    { value: "tot", label: "Tốt", accepted: ["Loại tốt"] },
    { value: "kha", label: "Khá", accepted: ["Loại khá"] },
    { value: "trung_binh", label: "Trung bình", accepted: ["Loại trung bình"], variants: ["TB"] },
    { value: "yeu", label: "Yếu", accepted: ["Kém", "Yếu kém", "Loại yếu"] },
  ],
};
ENUMS.htxSector = [
  ...ENUMS.sector,
  {
    value: "tin_dung",
    label: "Tín dụng",
    accepted: ["Tín dụng nhân dân"],
    variants: ["TD"],
    contains: ["tin dung"],
  },
];
// The credit sector must win over "dịch vụ" style containment: check it first.
ENUMS.htxSector.unshift(ENUMS.htxSector.pop() as EnumValue);
