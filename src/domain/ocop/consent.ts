/**
 * Consent recorded in assisted mode, when a community digital team member
 * registers a producer on their behalf.
 *
 * Law 91/2025/QH15 on personal data protection (in force 1/1/2026, with
 * Nghị định 356/2025): consent is
 * given per purpose, never pre-ticked and never read from silence; data go to
 * vendors only with a separate consent. Hence:
 * - `processing` must be explicitly true: without it we cannot register anyone;
 * - `share_province` and `share_vendors` are separate, optional and default to
 *   false when the box was not ticked;
 * - the record keeps who consented, in what capacity, how (read aloud or on
 *   paper), when, and which version of the wording they were shown.
 *
 * Pure module: `recordedAt` is passed in by the caller (the server's clock).
 */
import { z } from 'zod';
import type { Text } from './schema.ts';
import { freeText } from '#src/domain/text.ts';

const msg = (vi: string, en: string): string => `${vi} / ${en}`;

export const CONSENT_RELATIONS = ['self', 'household_member', 'coop_representative'] as const;
export type ConsentRelation = (typeof CONSENT_RELATIONS)[number];

export const CONSENT_METHODS = ['assisted_verbal', 'assisted_paper'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const CONSENT_PURPOSES = ['processing', 'share_province', 'share_vendors', 'publish_products'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Bump when the wording below changes: each record says which wording was agreed to. */
export const CONSENT_TEXT_VERSION = '2026-02';

export const CONSENT_RELATION_LABELS: Readonly<Record<ConsentRelation, Text>> = {
  self: { vi: 'Chính chủ (người sản xuất)', en: 'The producer in person' },
  household_member: { vi: 'Thành viên trong hộ', en: 'A member of the household' },
  coop_representative: { vi: 'Người đại diện hợp tác xã / tổ hợp tác', en: 'Representative of the cooperative or cooperative group' },
};

export const CONSENT_METHOD_LABELS: Readonly<Record<ConsentMethod, Text>> = {
  assisted_verbal: {
    vi: 'Đồng ý bằng lời (cán bộ đã đọc nội dung cho người dùng nghe)',
    en: 'Verbal consent (the helper read the text aloud)',
  },
  assisted_paper: { vi: 'Đồng ý trên giấy (phiếu có chữ ký)', en: 'Written consent (signed paper form)' },
};

/**
 * The text of each purpose as shown on the form and read aloud in assisted
 * mode. Plain words; the producer may withdraw any consent later.
 */
export const CONSENT_PURPOSE_TEXT: Readonly<Record<ConsentPurpose, { label: Text; detail: Text; required: boolean }>> = {
  processing: {
    required: true,
    label: {
      vi: 'Đồng ý cho Cổng thông tin lưu và xử lý thông tin của tôi',
      en: 'I agree that the portal stores and processes my information',
    },
    detail: {
      vi: 'Họ tên, số điện thoại, xã/phường, thông tin cơ sở và sản phẩm được dùng để đánh giá mức độ chuyển đổi số, gợi ý giải pháp và hỗ trợ đưa sản phẩm lên sàn thương mại điện tử. Chỉ số liệu tổng hợp được công bố. Tôi có thể xem, sửa, tải về, xóa dữ liệu hoặc rút lại sự đồng ý bất cứ lúc nào.',
      en: 'My name, phone number, commune, business and product details are used to assess digital maturity, suggest solutions and help list products on e-commerce floors. Only aggregate figures are published. I can view, correct, download or delete my data, or withdraw consent, at any time.',
    },
  },
  share_province: {
    required: false,
    label: {
      vi: 'Đồng ý chia sẻ thông tin liên hệ và sản phẩm với Sở Công Thương để được liên hệ hỗ trợ (không bắt buộc)',
      en: 'I agree to share my contact and product details with the Department of Industry and Trade so they can contact me with support (optional)',
    },
    detail: {
      vi: 'Cán bộ của tỉnh có thể gọi điện mời tham gia hội chợ, chương trình xúc tiến thương mại hoặc hỗ trợ chuyển đổi số.',
      en: 'Provincial officers may call to invite me to fairs, trade promotion or digital-transformation support.',
    },
  },
  share_vendors: {
    required: false,
    label: {
      vi: 'Đồng ý chia sẻ họ tên và số điện thoại với nhà cung cấp nền tảng số để họ liên hệ giới thiệu dịch vụ (không bắt buộc)',
      en: 'I agree to share my name and phone number with digital platform providers so they can contact me about their services (optional)',
    },
    detail: {
      vi: 'Chỉ chia sẻ khi bạn đồng ý ở đây; Cổng không bán dữ liệu cá nhân.',
      en: 'Shared only if you agree here; the portal never sells personal data.',
    },
  },
  // Added in 2026-02: before it, the processing wording promised aggregate publication only, so
  // nobody is opted in by default; each producer (or a helper on its behalf) grants it explicitly.
  publish_products: {
    required: false,
    label: {
      vi: 'Đồng ý công khai sản phẩm OCOP của tôi trên trang “Sản phẩm OCOP” của Cổng (không bắt buộc)',
      en: 'I agree that my OCOP products are shown publicly on the portal’s “OCOP products” page (optional)',
    },
    detail: {
      vi: 'Ai cũng xem được: tên sản phẩm, hạng sao, nhóm sản phẩm, tên người sản xuất hoặc tên cơ sở, xã/phường, và liên kết tới gian hàng trên các sàn thương mại điện tử. Số điện thoại và mã số thuế không được công khai. Khi rút lại sự đồng ý, sản phẩm bị ẩn ngay.',
      en: 'Anyone can see: the product name, star rating and group, the producer or business name, the commune, and links to the listings on e-commerce floors. The phone number and tax code are never published. Withdrawing this consent hides the products at once.',
    },
  },
};

/** Purposes a producer may grant or withdraw at any time; `processing` is the basis of the account itself. */
export const OPTIONAL_CONSENT_PURPOSES = CONSENT_PURPOSES.filter((p) => !CONSENT_PURPOSE_TEXT[p].required) as Exclude<
  ConsentPurpose,
  'processing'
>[];

// ---------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------

/**
 * A checkbox: true or the value an HTML checkbox sends ("on"); false, an
 * absent field or "" count as not ticked. Anything else is refused rather than
 * guessed, so a stray value never becomes consent.
 */
function checkbox(message: string) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
      if (value === true || value === 'on' || value === 'true') return true;
      return value;
    },
    z.boolean({ error: message }),
  );
}

const PROCESSING_REQUIRED = msg(
  'Cần người dùng đồng ý cho xử lý dữ liệu để đăng ký tài khoản',
  'The user’s consent to data processing is needed to register the account',
);
const INVALID_CHOICE = msg('Lựa chọn đồng ý không hợp lệ', 'Invalid consent choice');

export const ConsentPurposesSchema = z.object(
  {
    processing: checkbox(PROCESSING_REQUIRED).refine((v) => v === true, PROCESSING_REQUIRED),
    share_province: checkbox(INVALID_CHOICE),
    share_vendors: checkbox(INVALID_CHOICE),
    publish_products: checkbox(INVALID_CHOICE),
  },
  { error: PROCESSING_REQUIRED },
);

export const ConsentRecordSchema = z.object({
  consentedBy: freeText({
    label: { vi: 'họ tên người đồng ý', en: 'name of the person giving consent' },
    min: 2,
    max: 100,
    messages: {
      required: msg('Vui lòng nhập họ tên người đồng ý', 'Please enter the name of the person giving consent'),
      min: msg(
        'Vui lòng nhập họ tên người đồng ý (ít nhất 2 ký tự)',
        'Please enter the name of the person giving consent (at least 2 characters)',
      ),
      max: msg('Họ tên tối đa 100 ký tự', 'The name can have at most 100 characters'),
      forbidden: msg('Họ tên chứa ký tự không hợp lệ', 'The name contains invalid characters'),
    },
  }),
  relation: z.enum(CONSENT_RELATIONS, { error: msg('Vui lòng chọn quan hệ của người đồng ý', 'Please choose who is giving consent') }),
  method: z.enum(CONSENT_METHODS, { error: msg('Vui lòng chọn hình thức đồng ý', 'Please choose how consent was given') }),
  purposes: ConsentPurposesSchema,
  recordedAt: z.date({ error: msg('Thiếu thời điểm ghi nhận', 'The time of recording is missing') }),
  textVersion: z.string().min(1).default(CONSENT_TEXT_VERSION),
});

const PERSON_NAME = ConsentRecordSchema.shape.consentedBy;

/** A helper acting for the producer records who asked, in what capacity and how. */
export const OnBehalfSchema = z.object({
  consentedBy: PERSON_NAME,
  relation: ConsentRecordSchema.shape.relation,
  method: ConsentRecordSchema.shape.method,
});
export type OnBehalf = z.output<typeof OnBehalfSchema>;

/** Correcting a record: the name of the person who consented and their relation to the producer. */
export const ConsentCorrectionSchema = z.object({
  consentedBy: PERSON_NAME,
  relation: ConsentRecordSchema.shape.relation,
});

export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES, { error: msg('Mục đích đồng ý không hợp lệ', 'Unknown consent purpose') });

export type ConsentRecordInput = z.input<typeof ConsentRecordSchema>;
export type ConsentRecord = z.output<typeof ConsentRecordSchema>;
