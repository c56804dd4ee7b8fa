export const STATUS_NAMES: Record<string, { vi: string; en: string }> = {
  on_track: { vi: 'Đúng lộ trình', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ chậm', en: 'At risk' },
  off_track: { vi: 'Chậm so với lộ trình', en: 'Off track' },
  achieved: { vi: 'Đã đạt', en: 'Achieved' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
};

/** Audit actions on a platform catalogue entry, as listed in its history. */
export const PLATFORM_ACTION_NAMES: Record<string, { vi: string; en: string }> = {
  platform_create: { vi: 'Tạo', en: 'Created' },
  platform_update: { vi: 'Sửa', en: 'Edited' },
  platform_retire: { vi: 'Ngừng giới thiệu', en: 'Retired' },
  platform_restore: { vi: 'Giới thiệu lại', en: 'Restored' },
};

/** Audit actions on a business, as listed in its history. */
export const BUSINESS_ACTION_NAMES: Record<string, { vi: string; en: string }> = {
  register: { vi: 'Đăng ký tài khoản', en: 'Registered' },
  register_producer: { vi: 'Đăng ký hộ sản xuất (có ghi nhận đồng ý)', en: 'Registered the producer (consent recorded)' },
  submit_assessment: { vi: 'Nộp bài đánh giá', en: 'Submitted an assessment' },
  profile_update: { vi: 'Sửa thông tin doanh nghiệp', en: 'Edited the business profile' },
  product_create: { vi: 'Thêm sản phẩm', en: 'Added a product' },
  product_update: { vi: 'Sửa sản phẩm', en: 'Edited a product' },
  product_checklist: { vi: 'Cập nhật danh sách chuẩn bị lên sàn', en: 'Updated a listing checklist' },
  listing_status: { vi: 'Cập nhật trạng thái trên sàn', en: 'Updated a listing status' },
  claim_code_issued: { vi: 'Tạo mã nhận tài khoản', en: 'Created a claim code' },
  account_claimed: { vi: 'Nhận tài khoản', en: 'Claimed the account' },
  plan_adopt: { vi: 'Đánh dấu đã áp dụng', en: 'Marked adopted' },
  plan_dismiss: { vi: 'Đánh dấu không phù hợp', en: 'Marked not suitable' },
  plan_restore: { vi: 'Đưa lại vào lộ trình', en: 'Put back in the plan' },
  help_request: { vi: 'Gửi yêu cầu hỗ trợ', en: 'Asked for help' },
  consent_grant: { vi: 'Ghi nhận sự đồng ý', en: 'Recorded a consent' },
  consent_withdraw: { vi: 'Rút lại sự đồng ý', en: 'Withdrew a consent' },
  consent_correct: { vi: 'Sửa thông tin người đồng ý', en: 'Corrected who gave consent' },
};

/** Steps of a help request on the worklist. */
export const HELP_STATUS_NAMES: Record<string, { vi: string; en: string }> = {
  new: { vi: 'Mới', en: 'New' },
  contacted: { vi: 'Đã liên hệ', en: 'Contacted' },
  in_progress: { vi: 'Đang hỗ trợ', en: 'Being helped' },
  done: { vi: 'Đã xong', en: 'Done' },
  unreachable: { vi: 'Không liên lạc được', en: 'Could not be reached' },
};

/** How a business asked to be called back about a help request. */
export const CONTACT_METHOD_NAMES: Record<string, { vi: string; en: string }> = {
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'E-mail', en: 'E-mail' },
  zalo: { vi: 'Zalo', en: 'Zalo' },
};

/** Lines of a help request's own history. */
export const HELP_ACTION_NAMES: Record<string, { vi: string; en: string }> = {
  help_create: { vi: 'Gửi yêu cầu', en: 'Request sent' },
  help_update: { vi: 'Cập nhật', en: 'Updated' },
  help_contact_withdraw: { vi: 'Doanh nghiệp rút lại thông tin liên hệ', en: 'The business withdrew its contact details' },
};

/** Dimensions the dashboard breaks indicators down by. */
export const BREAKDOWN_NAMES: Record<string, { vi: string; en: string }> = {
  commune: { vi: 'Xã/phường', en: 'Commune/ward' },
  formerDistrict: { vi: 'Huyện cũ (trước 7/2025)', en: 'Former district (before 7/2025)' },
  sector: { vi: 'Ngành', en: 'Sector' },
  size: { vi: 'Quy mô', en: 'Size' },
  producerType: { vi: 'Loại hình', en: 'Type' },
};

/** Where a tax code takeover request stands. */
export const TAKEOVER_STATUS_NAMES: Readonly<Record<'pending' | 'approved' | 'rejected', { vi: string; en: string }>> = {
  pending: { vi: 'Đang chờ xem xét', en: 'Waiting for review' },
  approved: { vi: 'Đã chấp thuận', en: 'Approved' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
};

/** Status of an assessment framework (docs/frameworks.md), as shown on its badge. */
export const FRAMEWORK_STATUS_NAMES: Readonly<Record<'current' | 'superseded' | 'local', { vi: string; en: string }>> = {
  current: { vi: 'đang áp dụng', en: 'in force' },
  superseded: { vi: 'đã được thay thế', en: 'superseded' },
  local: { vi: 'cách đọc của cổng, không phải bộ chỉ số chính thức', en: 'our reading, not an official index' },
};

/** Administrator actions on uploaded frameworks, as listed in the audit log. */
export const FRAMEWORK_ACTION_NAMES: Record<string, { vi: string; en: string }> = {
  framework_upload: { vi: 'Tải lên bộ tiêu chí', en: 'Uploaded a framework' },
  framework_publish: { vi: 'Công bố bộ tiêu chí', en: 'Published a framework' },
};
