/**
 * Public sources of the frameworks' legal basis (docs/frameworks.md, docs/research/frameworks-2023-2025.md).
 * Only addresses whose text was read are listed; what each one does and does not show is in the docs.
 */
import type { Localized } from '#src/domain/framework/schema.ts';

export const SOURCES = {
  qd1970: {
    title: 'Quyết định 1970/QĐ-BTTTT ngày 13/12/2021 (thuvienphapluat.vn)',
    url: 'https://thuvienphapluat.vn/van-ban/doanh-nghiep/quyet-dinh-1970-qd-btttt-2021-xac-dinh-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep-497354.aspx',
  },
  qd2158: {
    title: 'Quyết định 2158/QĐ-BTTTT ngày 07/11/2023 (vanbanphapluat.co)',
    url: 'https://vanbanphapluat.co/quyet-dinh-2158-qd-btttt-2023-xac-dinh-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep',
  },
  dbiSme2023: {
    title: 'Chỉ số đánh giá mức độ sẵn sàng chuyển đổi số cho doanh nghiệp nhỏ và vừa (dbi.gov.vn)',
    url: 'https://dbi.gov.vn/chi-tiet-bo-chi-so?Tinbai=doanh-nghiep-vua-va-nho',
  },
  dbiIntro: { title: 'Giới thiệu Bộ chỉ số DBI (dbi.gov.vn)', url: 'https://dbi.gov.vn/gioi-thieu' },
  replaces1970: {
    title: 'IDAS: QĐ 2158/QĐ-BTTTT thay thế QĐ 1970/QĐ-BTTTT (bên thứ ba)',
    url: 'https://idasonline.com/ngay-07112023-bo-thong-tin-va-truyen-thong-da-ban-hanh-quyet-dinh-2158qd-btttt-phe-duyet-de-an-xac-dinh-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep-va-ho-tro-thuc-day-doanh-nghiep-chuyen-doi-so-thay-the-quyet-dinh-1970qd-btttt-ban-hanh-ngay-13122021',
  },
  most2025: {
    title: 'VietNamNet 11/08/2025: Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp (Phiên bản 1.0)',
    url: 'https://vietnamnet.vn/bo-tieu-chi-danh-gia-muc-do-chuyen-doi-so-cho-2-nhom-doanh-nghiep-2430734.html',
  },
  dbiSme2023Hoabinh: {
    title: 'Hòa Bình: thực hiện Quyết định 2158/QĐ-BTTTT (Văn phòng UBND tỉnh, 13/12/2023)',
    url: 'https://hoabinh.gov.vn/tin-chi-tiet/-/bai-viet/thuc-hien-phe-duyet-de-an-xac-dinh-chi-so-danh-gia-muc-do-chuyen-49606-1500.html',
  },
  most2025Decision: {
    title: 'Quyết định 1567/QĐ-BKHCN ngày 30/06/2025 (nhansu.vn, trang thông tin văn bản)',
    url: 'https://nhansu.vn/van-ban-phap-luat/Quyet-dinh-1567-QD-BKHCN-2025-Bo-tieu-chi-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep-663482.html',
  },
  most2025Principles: {
    title: 'Doanh Nghiệp Hội Nhập: Bộ KH&CN ban hành bộ tiêu chí chuyển đổi số cho doanh nghiệp',
    url: 'https://doanhnghiephoinhap.vn/bo-khoa-hoc-va-cong-nghe-ban-hanh-bo-tieu-chi-chuyen-doi-so-cho-doanh-nghiep-109219.html',
  },
} as const;

/** The day the 2025 criteria are known to have been published by (VietNamNet); the decision's own date was not found. */
export const MOST_2025_REPORTED = '2025-08-11';

/**
 * Signature and entry into force of 1567/QĐ-BKHCN, which issued the 2025 criteria that replace the 2023 Đề án
 * (date: nhansu.vn's record of the decision; replacement: VietNamNet, 11/08/2025).
 */
export const MOST_2025_DECISION_DATE = '2025-06-30';

export const LOCAL_READING: Localized = {
  vi: 'Cách đọc của cổng (không phải bộ chỉ số chính thức)',
  en: "The portal's own reading (not an official index)",
};
