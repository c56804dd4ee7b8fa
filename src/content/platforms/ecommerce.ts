/**
 * Step 4 (new value): e-commerce marketplaces, the postal and Viettel floors
 * for farm and OCOP products (national target: every 3★+ OCOP product on
 * Postmart/Voso, docs/domain.md §5), cross-border selling, and tourism booking.
 *
 * Within a need the catalog order is the last tie-break of the recommender
 * (never the name): marketplaces follow their 2025 sales share (Metric.vn,
 * docs/catalog.md), Shopee, TikTok Shop, Lazada, Tiki.
 *
 * No provincial floor is listed: no official URL of the Ninh Bình floor was
 * confirmed (docs/domain.md §4), and we do not guess one.
 */
import type { PlatformInput } from '#src/domain/platforms/schema.ts';
import { ALL_PRODUCERS, ALL_SIZES, CONTACT_VENDOR, GOODS_SECTORS, MARKETPLACE_FEES, ORGANISATIONS } from './common.ts';

const MARKETPLACE_REQUIRES: PlatformInput['requires'] = ['bank_account', 'citizen_id', 'smartphone'];
const MARKETPLACE_IMPROVES = ['c1_ecommerce_floor', 'c1_ecommerce_revenue', 'c1_catalogue', 'p_on_floor', 'p_floor_products'];
const FARM_FLOOR_IMPROVES = [...MARKETPLACE_IMPROVES, 'p_product_info'];
const BOOKING_IMPROVES = ['c1_ecommerce_floor', 'c1_ecommerce_revenue', 'c1_catalogue', 'c1_cross_border'];

export const ECOMMERCE_PLATFORMS: PlatformInput[] = [
  {
    id: 'shopee',
    name: 'Shopee (Kênh Người Bán)',
    provider: 'Shopee (Sea Group)',
    url: 'https://banhang.shopee.vn',
    category: 'ecommerce',
    needs: ['ecommerce_marketplace'],
    description: {
      vi: 'Sàn thương mại điện tử có lượng người mua lớn nhất Việt Nam; người bán mở gian hàng, đăng sản phẩm và giao qua đối tác vận chuyển của sàn.',
      en: 'Vietnam’s largest marketplace by buyers; sellers open a shop, list products and ship through the marketplace’s carriers.',
    },
    costModel: 'freemium',
    priceNote: MARKETPLACE_FEES,
    makeInVietnam: false,
    fits: { sizes: ALL_SIZES, sectors: GOODS_SECTORS, producerTypes: ALL_PRODUCERS },
    requires: MARKETPLACE_REQUIRES,
    improves: MARKETPLACE_IMPROVES,
    lastChecked: '2026-11-30T22:45:47Z',
    source: 'https://vnexpress.net/shopee-tiktok-shop-chiem-8-thi-phan-nganh-ban-le-5005886.html',
  },
  {
    id: 'tiktok-shop',
    name: 'TikTok Shop',
    provider: 'TikTok (ByteDance)',
    url: 'https://seller-vn.tiktok.com',
    category: 'ecommerce',
    needs: ['ecommerce_marketplace', 'digital_marketing'],
    description: {
      vi: 'Bán hàng ngay trong video và phát trực tiếp trên TikTok; năm 2025 chiếm khoảng 41% doanh số các sàn bán lẻ trực tuyến ở Việt Nam (Metric.vn). Nhiều tỉnh đã tổ chức phiên livestream bán sản phẩm OCOP.',
      en: 'Sell directly inside TikTok videos and live streams; in 2025 it took about 41% of online marketplace sales in Vietnam (Metric.vn). Several provinces have run live-stream sales of OCOP products.',
    },
    costModel: 'freemium',
    priceNote: MARKETPLACE_FEES,
    makeInVietnam: false,
    fits: { sizes: ALL_SIZES, sectors: GOODS_SECTORS, producerTypes: ALL_PRODUCERS },
    requires: MARKETPLACE_REQUIRES,
    improves: [...MARKETPLACE_IMPROVES, 'c1_social', 'p_social'],
    // Market share 2025 (Metric.vn full-year report, as reported by VnExpress), read in the stored copy at this time.
    lastChecked: '2026-11-30T22:45:48Z',
    source: 'https://vnexpress.net/shopee-tiktok-shop-chiem-8-thi-phan-nganh-ban-le-5005886.html',
  },
  {
    id: 'lazada',
    name: 'Lazada (Seller Center)',
    provider: 'Lazada (Alibaba Group)',
    url: 'https://sellercenter.lazada.vn',
    category: 'ecommerce',
    needs: ['ecommerce_marketplace'],
    description: {
      vi: 'Sàn thương mại điện tử lớn, có khu LazMall cho thương hiệu chính hãng và dịch vụ kho vận của sàn.',
      en: 'A major marketplace with LazMall for official brands and the marketplace’s own fulfilment services.',
    },
    costModel: 'freemium',
    priceNote: MARKETPLACE_FEES,
    makeInVietnam: false,
    fits: { sizes: ALL_SIZES, sectors: GOODS_SECTORS, producerTypes: ALL_PRODUCERS },
    requires: MARKETPLACE_REQUIRES,
    improves: MARKETPLACE_IMPROVES,
    lastChecked: '2026-11-30T22:45:49Z',
    source: 'https://vnexpress.net/shopee-tiktok-shop-chiem-8-thi-phan-nganh-ban-le-5005886.html',
  },
  {
    id: 'tiki',
    name: 'Tiki',
    provider: 'Công ty Cổ phần Ti Ki',
    url: 'https://tiki.vn',
    category: 'ecommerce',
    needs: ['ecommerce_marketplace'],
    description: {
      vi: 'Sàn thương mại điện tử của Việt Nam, chú trọng hàng chính hãng; đã cùng Sở Công Thương TP.HCM đưa sản phẩm OCOP lên sàn.',
      en: 'A Vietnamese marketplace focused on genuine goods; it has worked with the HCMC Department of Industry and Trade to list OCOP products.',
    },
    costModel: 'freemium',
    priceNote: MARKETPLACE_FEES,
    makeInVietnam: true,
    fits: { sizes: ALL_SIZES, sectors: GOODS_SECTORS, producerTypes: ORGANISATIONS },
    requires: [...MARKETPLACE_REQUIRES, 'business_registration'],
    improves: MARKETPLACE_IMPROVES,
    lastChecked: '2026-11-30T22:45:50Z',
    source: 'https://vnexpress.net/shopee-tiktok-shop-chiem-8-thi-phan-nganh-ban-le-5005886.html',
  },
  {
    id: 'sendo',
    name: 'Sendo',
    provider: 'Công ty Cổ phần Công nghệ Sen Đỏ',
    url: 'https://www.sendo.vn',
    category: 'ecommerce',
    needs: ['ecommerce_marketplace'],
    description: {
      vi: 'Sàn thương mại điện tử của Việt Nam; đã đóng sàn giao dịch chính ngày 15/4/2025 và chuyển sang Sendo Farm (bán thực phẩm trực tuyến). Không còn nhận người bán mới.',
      en: 'A Vietnamese marketplace; it closed its main marketplace on 15 April 2025 and became Sendo Farm (online groceries). It no longer takes new sellers.',
    },
    costModel: 'freemium',
    priceNote: MARKETPLACE_FEES,
    makeInVietnam: true,
    fits: { sizes: ['micro', 'small', 'medium'], sectors: GOODS_SECTORS, producerTypes: ALL_PRODUCERS },
    requires: MARKETPLACE_REQUIRES,
    improves: MARKETPLACE_IMPROVES,
    retired: true,
    // Closure reported by Doanh nghiệp & Kinh doanh (05/2025); re-checked at this time against 24h.com.vn
    // (14/01/2026: Sendo changed its business and is no longer counted among the marketplaces).
    lastChecked: '2026-11-30T22:45:57Z',
    source:
      'https://doanhnghiepkinhdoanh.doanhnhanvn.vn/doi-dau-shopee-lazada-bat-thanh-sendo-lang-le-rut-lui-khong-con-khuyen-mai-nguoi-dung-dung-mua-422025513111733869.htm',
  },
  {
    id: 'postmart',
    name: 'Postmart',
    provider: 'Tổng Công ty Bưu điện Việt Nam (Vietnam Post)',
    url: 'https://postmart.vn',
    category: 'ecommerce',
    needs: ['farm_ocop_floor', 'ecommerce_marketplace'],
    description: {
      vi: 'Sàn nông sản và đặc sản của Bưu điện Việt Nam; bưu điện xã giúp đăng sản phẩm, nhận hàng và giao khắp cả nước.',
      en: 'Vietnam Post’s floor for farm produce and local specialities; commune post offices help list products, collect and deliver nationwide.',
    },
    costModel: 'freemium',
    priceNote: {
      vi: 'Mở gian hàng miễn phí; cước vận chuyển và phí dịch vụ khác theo chính sách của Bưu điện, liên hệ bưu điện gần nhất',
      en: 'Opening a shop is free; shipping and other service fees follow Vietnam Post’s policy, ask your nearest post office',
    },
    makeInVietnam: true,
    fits: { sizes: ['micro', 'small', 'medium'], sectors: ['A', 'C'], producerTypes: ALL_PRODUCERS },
    requires: ['product_papers', 'smartphone', 'bank_account'],
    improves: FARM_FLOOR_IMPROVES,
    // Not re-verified on 2026-11-30: Latest stored report found is Vietnam Post's own news of 22/06/2023 (https://guicaniemtin.vn/buu-dien-toi-yeu/tin-tuc-su-kien/vai-thieu-luc-ngan-co-mat-tai-cac-buu-dien-tinh-tren-toan-quoc_2012.html: Lục Ngạn lychee ordered on Postmart); nothing from 2024-2026 (pages: "Postmart sàn nông sản Bưu điện Việt Nam", "Postmart Voso 2025 OCOP")
    lastChecked: '2026-11-01',
    source: 'https://postmart.vn',
    unverified: true,
  },
  {
    id: 'voso',
    name: 'Voso (Vỏ Sò)',
    provider: 'Tổng Công ty Cổ phần Bưu chính Viettel (Viettel Post)',
    url: 'https://voso.vn',
    category: 'ecommerce',
    needs: ['farm_ocop_floor', 'ecommerce_marketplace'],
    description: {
      vi: 'Sàn thương mại điện tử của Viettel Post, ưu tiên nông sản và sản phẩm OCOP, giao hàng bằng mạng lưới Viettel Post.',
      en: 'Viettel Post’s marketplace, prioritising farm and OCOP products and delivering through the Viettel Post network.',
    },
    costModel: 'freemium',
    priceNote: {
      vi: 'Mở gian hàng miễn phí; cước vận chuyển và phí dịch vụ khác theo chính sách của sàn, liên hệ nhà cung cấp',
      en: 'Opening a shop is free; shipping and other service fees follow the marketplace’s policy, ask the provider',
    },
    makeInVietnam: true,
    fits: { sizes: ['micro', 'small', 'medium'], sectors: ['A', 'C'], producerTypes: ALL_PRODUCERS },
    requires: ['product_papers', 'smartphone', 'bank_account'],
    improves: FARM_FLOOR_IMPROVES,
    // Not re-verified on 2026-11-30: Latest stored report found is from 2022 (SGGP: https://www.sggpnews.org.vn/business/vietnam-to-transform-postal-industry-into-foundation-for-digital-agriculture-99821.html, 5.2 million households on Postmart.vn and Voso.vn by 02/2022); nothing from 2024-2026
    lastChecked: '2026-11-01',
    source: 'https://voso.vn',
    unverified: true,
  },
  {
    id: 'amazon-global-selling',
    name: 'Amazon Global Selling',
    provider: 'Amazon',
    url: 'https://sell.amazon.com',
    category: 'ecommerce',
    needs: ['cross_border'],
    description: {
      vi: 'Bán lẻ trực tiếp cho người tiêu dùng ở Mỹ, châu Âu, Nhật Bản… trên Amazon; Amazon có thể lưu kho và giao hàng thay người bán.',
      en: 'Sell retail to consumers in the US, Europe, Japan and more on Amazon; Amazon can store and ship for the seller.',
    },
    costModel: 'paid',
    priceNote: {
      vi: 'Gói Professional thu phí hằng tháng, gói Individual thu phí theo từng sản phẩm bán ra, cộng phí giới thiệu theo phần trăm giá bán; xem biểu phí của từng thị trường Amazon',
      en: 'The Professional plan has a monthly fee and the Individual plan a fee per item sold, plus a referral fee as a share of the sale price; see each Amazon marketplace’s fee schedule',
    },
    makeInVietnam: false,
    fits: { sizes: ALL_SIZES, sectors: ['C', 'G'], producerTypes: ORGANISATIONS },
    requires: ['business_registration', 'bank_account', 'product_papers'],
    improves: ['c1_cross_border', 'c1_ecommerce_floor', 'c1_ecommerce_revenue'],
    lastChecked: '2026-11-30T22:46:07Z',
    source: 'https://sell.amazon.co.jp/en/grow/global-selling/guide?lang=en-US',
  },
  {
    id: 'alibaba-com',
    name: 'Alibaba.com',
    provider: 'Alibaba Group',
    url: 'https://www.alibaba.com',
    category: 'ecommerce',
    needs: ['cross_border'],
    description: {
      vi: 'Sàn thương mại điện tử B2B toàn cầu: doanh nghiệp xuất khẩu giới thiệu sản phẩm, nhận yêu cầu báo giá từ người mua nước ngoài.',
      en: 'A global B2B marketplace: exporters show their products and receive requests for quotation from foreign buyers.',
    },
    costModel: 'paid',
    priceNote: {
      vi: 'Gói thành viên nhà cung cấp trả phí theo năm; liên hệ Alibaba.com hoặc đối tác tại Việt Nam để nhận báo giá',
      en: 'Yearly paid supplier membership; ask Alibaba.com or its Vietnamese partners for a quote',
    },
    makeInVietnam: false,
    fits: { sizes: ['small', 'medium', 'large'], sectors: GOODS_SECTORS, producerTypes: ORGANISATIONS },
    requires: ['business_registration', 'product_papers'],
    improves: ['c1_cross_border', 'c1_ecommerce_floor', 'c2_b2b', 'c2_online_purchasing', 'p_inputs_online'],
    lastChecked: '2026-11-30T22:46:09Z',
    source: 'https://www.maplesourcing.com/does-alibaba-gold-supplier-mean-verified-quality.html',
  },
  {
    id: 'booking-com',
    name: 'Booking.com (dành cho cơ sở lưu trú)',
    provider: 'Booking Holdings',
    url: 'https://www.booking.com',
    category: 'tourism',
    needs: ['ecommerce_marketplace', 'cross_border'],
    description: {
      vi: 'Kênh đặt phòng trực tuyến toàn cầu cho khách sạn, nhà nghỉ, homestay, kể cả điểm du lịch cộng đồng OCOP.',
      en: 'A global online booking channel for hotels, guesthouses and homestays, including OCOP community-tourism sites.',
    },
    costModel: 'paid',
    priceNote: {
      vi: 'Đăng cơ sở lưu trú miễn phí; trả hoa hồng theo mỗi lượt đặt phòng thành công',
      en: 'Listing a property is free; a commission is paid on each completed booking',
    },
    makeInVietnam: false,
    fits: { sizes: ['micro', 'small', 'medium'], sectors: ['I'], producerTypes: ALL_PRODUCERS },
    requires: ['bank_account', 'business_registration'],
    improves: BOOKING_IMPROVES,
    lastChecked: '2026-11-30T22:46:12Z',
    source:
      'https://partner.booking.com/vi/tr%E1%BB%A3-gi%C3%BAp/h%E1%BB%A3p-t%C3%A1c-c%C3%B9ng-booking/l%C3%A0m-sao-%C4%91%E1%BB%83-tham-gia-bookingcom',
  },
  {
    id: 'agoda',
    name: 'Agoda (dành cho cơ sở lưu trú)',
    provider: 'Agoda (Booking Holdings)',
    url: 'https://www.agoda.com',
    category: 'tourism',
    needs: ['ecommerce_marketplace', 'cross_border'],
    description: {
      vi: 'Kênh đặt phòng trực tuyến phổ biến với khách châu Á; cơ sở lưu trú tự quản lý giá, phòng trống và đánh giá.',
      en: 'An online booking channel popular with Asian travellers; properties manage their own rates, availability and reviews.',
    },
    costModel: 'paid',
    priceNote: {
      vi: 'Đăng cơ sở lưu trú miễn phí; trả hoa hồng theo mỗi lượt đặt phòng thành công',
      en: 'Listing a property is free; a commission is paid on each completed booking',
    },
    makeInVietnam: false,
    fits: { sizes: ['micro', 'small', 'medium'], sectors: ['I'], producerTypes: ALL_PRODUCERS },
    requires: ['bank_account', 'business_registration'],
    improves: BOOKING_IMPROVES,
    lastChecked: '2026-11-30T22:46:13Z',
    source: 'https://partnerhub.agoda.com/vi-vn/?p=42739',
  },
  {
    id: 'ezcloud',
    name: 'ezCloud (quản lý khách sạn, homestay)',
    provider: 'ezCloud',
    url: 'https://ezcloud.vn',
    category: 'tourism',
    needs: ['sales_management'],
    description: {
      vi: 'Phần mềm quản lý khách sạn, nhà nghỉ, homestay: sơ đồ phòng, đặt phòng, thu tiền và đồng bộ phòng trống với các kênh đặt phòng trực tuyến.',
      en: 'Management software for hotels, guesthouses and homestays: room plan, bookings, billing and availability synced with online booking channels.',
    },
    costModel: 'paid',
    priceNote: CONTACT_VENDOR,
    makeInVietnam: true,
    fits: { sizes: ['micro', 'small', 'medium'], sectors: ['I'], producerTypes: ['enterprise', 'cooperative', 'household'] },
    requires: ['internet'],
    improves: ['d1_database', 'i2_automation', 'c1_catalogue'],
    lastChecked: '2026-11-30T22:46:14Z',
    source: 'https://ezcloud.vn/thoa-thuan-cung-cap-dich-vu-goi-ezcloud-hotel-co-ban/',
  },
];
