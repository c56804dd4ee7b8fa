/**
 * Shared values for the platform catalog data files.
 *
 * Every entry states its own `lastChecked` and the `source` it was checked
 * against (docs/catalog.md): there is no shared "checked" date. Prices: only
 * what providers publish in a stable form; otherwise the note says to ask the
 * provider — never an invented figure.
 */
import type { PlatformInput } from '#src/domain/platforms/schema.ts';

type Fits = PlatformInput['fits'];
type Sizes = Fits['sizes'];
type ProducerTypes = Fits['producerTypes'];
type Text = { vi: string; en: string };

export const ALL_SIZES: Sizes = ['micro', 'small', 'medium', 'large'];
export const SME_SIZES: Sizes = ['micro', 'small', 'medium'];
export const SMALL_UP: Sizes = ['small', 'medium', 'large'];
export const MICRO_SMALL: Sizes = ['micro', 'small'];

export const ALL_PRODUCERS: ProducerTypes = ['enterprise', 'cooperative', 'cooperative_group', 'household'];
/** Registered organisations with their own accounts (no household businesses). */
export const ORGANISATIONS: ProducerTypes = ['enterprise', 'cooperative'];
export const ENTERPRISES: ProducerTypes = ['enterprise'];

/** Sectors that sell physical goods: farming, processing/manufacturing, trade. */
export const GOODS_SECTORS: Fits['sectors'] = ['A', 'C', 'G'];
/** Shops, restaurants and personal services that sell at a counter. */
export const COUNTER_SECTORS: Fits['sectors'] = ['C', 'G', 'I', 'S'];

export const CONTACT_VENDOR: Text = {
  vi: 'Giá theo gói; liên hệ nhà cung cấp để nhận báo giá',
  en: 'Priced by plan; ask the provider for a quote',
};

export const INVOICE_PACKAGES: Text = {
  vi: 'Bán theo gói số lượng hóa đơn; liên hệ nhà cung cấp để nhận báo giá',
  en: 'Sold in packages by number of invoices; ask the provider for a quote',
};

export const CA_PRICE: Text = {
  vi: 'Thuê bao chứng thư số theo năm (1–3 năm), giá khác nhau theo USB token hay ký từ xa; liên hệ nhà cung cấp',
  en: 'Yearly certificate subscription (1–3 years), priced differently for USB token or remote signing; ask the provider',
};

export const VENDOR_TRIAL: Text = {
  vi: 'Có dùng thử miễn phí; thời hạn theo chính sách hiện hành của nhà cung cấp',
  en: 'Free trial available; length set by the provider’s current policy',
};

export const MARKETPLACE_FEES: Text = {
  vi: 'Mở gian hàng miễn phí; sàn thu phí cố định, phí thanh toán và phí dịch vụ trên mỗi đơn hàng bán được, mức phí theo ngành hàng',
  en: 'Opening a shop is free; the marketplace takes fixed, payment and service fees on each order sold, by product category',
};

export const TRANSACTION_FEES: Text = {
  vi: 'Phí tính theo giao dịch hoặc theo gói; liên hệ nhà cung cấp để nhận biểu phí',
  en: 'Fees per transaction or by plan; ask the provider for the fee schedule',
};

export const SHIPPING_FEES: Text = {
  vi: 'Cước tính theo khối lượng, khoảng cách và dịch vụ; tra cước trên website hoặc ứng dụng của hãng',
  en: 'Rates depend on weight, distance and service; check them on the carrier’s website or app',
};
