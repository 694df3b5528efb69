/** Vietnamese strings of the ribbon commands (the default language). */
import type { CommandStrings } from "./commands.types";

export const commandsVi: CommandStrings = {
  checkClean: (p) => `Đã kiểm tra dữ liệu năm ${p.year}: không phát hiện vấn đề nào.`,
  checkFound: (p) =>
    `Đã kiểm tra dữ liệu năm ${p.year}: ${p.errors} lỗi, ${p.warnings} cảnh báo, ` +
    `${p.infos} thông tin. Bấm vào từng dòng để đến ô có vấn đề.`,
  built: (p) =>
    p.replaced
      ? `Đã lập lại trang “${p.sheet}” theo dữ liệu hiện tại.`
      : `Đã lập trang “${p.sheet}”.`,
  builtWithErrors: (p) => `Dữ liệu còn ${p.errors} lỗi: hãy xem lại trước khi dùng số liệu.`,
  confirmReplace: (p) =>
    `Trang “${p.sheet}” đã được sửa tay nên chưa bị thay thế. Nếu lập lại, bản hiện tại sẽ ` +
    `được giữ với tên “${p.backup}”. Hãy xác nhận trong ngăn này.`,
  busy: () => `Báo cáo HTX đang làm một việc khác. Hãy chờ xong rồi bấm lại.`,
  checkFailed: (p) => `Chưa kiểm tra được dữ liệu. ${p.reason}`,
  buildFailed: (p) => `Chưa lập được bảng tổng hợp. ${p.reason}`,
  noExcel: () =>
    `Không kết nối được với Excel. Hãy đóng ngăn rồi mở lại Báo cáo HTX từ thẻ Trang đầu.`,
  unexpected: (p) => `Lỗi không mong muốn: ${p.detail}`,
};
