/**
 * VSIC 2018 level-1 sections (Hệ thống ngành kinh tế Việt Nam, QĐ 27/2018/QĐ-TTg,
 * in force 20/8/2018): 21 sections A–U.
 * Vietnamese names as in the decision's list (docs/domain.md §7); English names are the
 * ISIC Rev. 4 section titles that VSIC 2018 follows (O is adapted: VSIC adds the
 * Communist Party and socio-political organisations).
 *
 * `group` is the sector group of Nghị định 80/2021/NĐ-CP, art. 5, used for SME
 * size: (i) agriculture, forestry, fishery, industry and construction = A–F;
 * (ii) trade and services = G–U.
 * `wordingGroup` is our own coarse grouping for questionnaire wording only
 * ("your products" vs "your goods" vs "your services"); it has no legal meaning.
 */

export const VSIC_CODES = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;

export type VsicCode = (typeof VSIC_CODES)[number];
export type VsicSizeGroup = 'agri_industry' | 'trade_services';
export type VsicWordingGroup = 'agriculture' | 'manufacturing' | 'trade' | 'services';

export interface VsicSection {
  code: VsicCode;
  name: { vi: string; en: string };
  group: VsicSizeGroup;
  wordingGroup: VsicWordingGroup;
}

export const VSIC_SECTIONS: readonly VsicSection[] = [
  {
    code: 'A',
    name: { vi: 'Nông nghiệp, lâm nghiệp và thủy sản', en: 'Agriculture, forestry and fishing' },
    group: 'agri_industry',
    wordingGroup: 'agriculture',
  },
  {
    code: 'B',
    name: { vi: 'Khai khoáng', en: 'Mining and quarrying' },
    group: 'agri_industry',
    wordingGroup: 'manufacturing',
  },
  {
    code: 'C',
    name: { vi: 'Công nghiệp chế biến, chế tạo', en: 'Manufacturing' },
    group: 'agri_industry',
    wordingGroup: 'manufacturing',
  },
  {
    code: 'D',
    name: {
      vi: 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí',
      en: 'Electricity, gas, steam and air conditioning supply',
    },
    group: 'agri_industry',
    wordingGroup: 'manufacturing',
  },
  {
    code: 'E',
    name: {
      vi: 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải',
      en: 'Water supply; sewerage, waste management and remediation activities',
    },
    group: 'agri_industry',
    wordingGroup: 'manufacturing',
  },
  {
    code: 'F',
    name: { vi: 'Xây dựng', en: 'Construction' },
    group: 'agri_industry',
    wordingGroup: 'manufacturing',
  },
  {
    code: 'G',
    name: {
      vi: 'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác',
      en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    },
    group: 'trade_services',
    wordingGroup: 'trade',
  },
  {
    code: 'H',
    name: { vi: 'Vận tải kho bãi', en: 'Transportation and storage' },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'I',
    name: { vi: 'Dịch vụ lưu trú và ăn uống', en: 'Accommodation and food service activities' },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'J',
    name: { vi: 'Thông tin và truyền thông', en: 'Information and communication' },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'K',
    name: { vi: 'Hoạt động tài chính, ngân hàng và bảo hiểm', en: 'Financial and insurance activities' },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'L',
    name: { vi: 'Hoạt động kinh doanh bất động sản', en: 'Real estate activities' },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'M',
    name: {
      vi: 'Hoạt động chuyên môn, khoa học và công nghệ',
      en: 'Professional, scientific and technical activities',
    },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'N',
    name: {
      vi: 'Hoạt động hành chính và dịch vụ hỗ trợ',
      en: 'Administrative and support service activities',
    },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'O',
    name: {
      vi: 'Hoạt động của Đảng Cộng sản, tổ chức chính trị – xã hội, quản lý nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc',
      en: 'Activities of the Communist Party and socio-political organisations, public administration and defence; compulsory social security',
    },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'P',
    name: { vi: 'Giáo dục và đào tạo', en: 'Education' },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'Q',
    name: { vi: 'Y tế và hoạt động trợ giúp xã hội', en: 'Human health and social work activities' },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'R',
    name: { vi: 'Nghệ thuật, vui chơi và giải trí', en: 'Arts, entertainment and recreation' },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'S',
    name: { vi: 'Hoạt động dịch vụ khác', en: 'Other service activities' },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'T',
    name: {
      vi: 'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình',
      en: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
    },
    group: 'trade_services',
    wordingGroup: 'services',
  },
  {
    code: 'U',
    name: {
      vi: 'Hoạt động của các tổ chức và cơ quan quốc tế',
      en: 'Activities of extraterritorial organisations and bodies',
    },
    group: 'trade_services',
    wordingGroup: 'services',
  },
];

const BY_CODE = new Map<string, VsicSection>(VSIC_SECTIONS.map((s) => [s.code, s]));

export function isVsicCode(value: unknown): value is VsicCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** The section for a code; throws on an unknown code (validate input with isVsicCode first). */
export function getVsicSection(code: VsicCode): VsicSection {
  const section = BY_CODE.get(code);
  if (!section) throw new RangeError(`unknown VSIC section ${JSON.stringify(code)}`);
  return section;
}
