/**
 * The functions of the tool-inventory framework (`sme-tools`, src/content/frameworks/sme-tools.ts) and what
 * each one means for the plan. One list feeds both the questionnaire (one "which tools" question and one
 * "do they exchange data" question per function) and the recommender's evidence (a function without a tool
 * is a need of the plan), so the two cannot drift apart.
 *
 * This is our reading of the 2025 principles (docs/frameworks.md): the level shows which digital tools a
 * business uses and how they are linked; a common part for every business plus a part per sector.
 *
 * Pure data: no astro, no database, no clock.
 */
import type { NeedId } from '#src/domain/platforms/schema.ts';
import type { VsicCode } from '#src/reference/vsic.ts';

export interface ToolFunction {
  /** Short key; the questions are `t_<key>` (tools) and `l_<key>` (links). */
  readonly key: string;
  /** Sector module (VSIC section) or undefined for the common part. */
  readonly sector?: VsicCode;
  /** Catalog platform ids offered as answers, besides "another tool" and "none yet". */
  readonly tools: readonly string[];
  /** Offer "a spreadsheet (Excel, Google Sheets)" as a tool for this function. */
  readonly spreadsheet?: boolean;
  /** Needs of the plan this function answers: without a tool, these are recommended. */
  readonly needs: readonly NeedId[];
}

export const NO_TOOL = 'none';
export const OTHER_TOOL = 'other';
export const SPREADSHEET = 'spreadsheet';

export const TOOL_FUNCTIONS: readonly ToolFunction[] = [
  // Common part: every business.
  {
    key: 'sell',
    tools: ['kiotviet', 'sapo', 'haravan', 'nhanh-vn', 'pos365', 'ipos-vn', 'meta-business-suite', 'zalo-oa', 'google-business-profile'],
    needs: ['sales_management'],
  },
  {
    key: 'pay',
    tools: ['vietqr-napas', 'momo', 'vnpay', 'zalopay', 'viettel-money', 'vnpt-money', 'shopeepay'],
    needs: ['cashless_payment'],
  },
  {
    key: 'invoice',
    tools: [
      'viettel-sinvoice',
      'vnpt-invoice',
      'misa-meinvoice',
      'bkav-ehoadon',
      'fpt-einvoice',
      'm-invoice',
      'easyinvoice',
      'viettel-sme-hub',
      'gdt-etax-mobile',
      'gdt-thuedientu',
    ],
    needs: ['e_invoice', 'e_tax'],
  },
  {
    key: 'accounting',
    tools: ['misa-sme', 'misa-amis-ketoan', 'fast-accounting', 'bravo', 'easybooks'],
    spreadsheet: true,
    needs: ['accounting'],
  },
  {
    key: 'customers',
    tools: ['zalo-oa', 'getfly-crm', 'subiz', 'stringee', 'misa-amis', '1office', 'meta-business-suite'],
    needs: ['customer_care'],
  },
  {
    key: 'staff',
    tools: ['misa-amis-nhansu', 'base-hrm', '1office', 'base-vn', 'google-workspace', 'microsoft-365'],
    spreadsheet: true,
    needs: ['hr'],
  },
  { key: 'stock', tools: ['kiotviet', 'sapo', 'nhanh-vn', 'pos365', 'haravan', 'odoo', 'bravo'], spreadsheet: true, needs: ['inventory'] },
  {
    key: 'data',
    tools: ['google-workspace', 'microsoft-365', 'viettel-cloud', 'vnpt-cloud', 'fpt-cloud', 'bkav-pro', 'cloudflare'],
    needs: ['cloud_office', 'cybersecurity'],
  },
  // Sector modules (VSIC sections common in the province).
  {
    key: 'g_online',
    sector: 'G',
    tools: ['shopee', 'lazada', 'tiktok-shop', 'tiki', 'postmart', 'voso', 'haravan', 'sapo'],
    needs: ['ecommerce_marketplace'],
  },
  { key: 'g_delivery', sector: 'G', tools: ['ghtk', 'ghn', 'viettel-post', 'vnpost', 'jt-express', 'ahamove'], needs: ['logistics'] },
  { key: 'c_production', sector: 'C', tools: ['odoo', 'bravo', 'misa-amis', 'base-vn', '1office'], spreadsheet: true, needs: ['erp'] },
  {
    key: 'c_contracts',
    sector: 'C',
    tools: ['vnpt-econtract', 'viettel-vcontract', 'fpt-econtract', 'misa-amis-wesign'],
    needs: ['e_contract'],
  },
  { key: 'a_market', sector: 'A', tools: ['postmart', 'voso', 'shopee', 'tiktok-shop', 'zalo-oa'], needs: ['farm_ocop_floor'] },
  { key: 'a_delivery', sector: 'A', tools: ['vnpost', 'viettel-post', 'ghtk', 'ghn', 'ahamove'], needs: ['logistics'] },
  { key: 'i_booking', sector: 'I', tools: ['booking-com', 'agoda', 'ezcloud', 'zalo-oa'], needs: ['ecommerce_marketplace'] },
  {
    key: 'i_presence',
    sector: 'I',
    tools: ['google-business-profile', 'meta-business-suite', 'wix', 'wordpress-com'],
    needs: ['online_presence'],
  },
  {
    key: 'h_orders',
    sector: 'H',
    tools: ['ahamove', 'ghn', 'ghtk', 'viettel-post', 'jt-express', 'vnpost', 'nhanh-vn'],
    needs: ['logistics'],
  },
  {
    key: 'f_contracts',
    sector: 'F',
    tools: ['vnpt-econtract', 'viettel-vcontract', 'fpt-econtract', 'misa-amis-wesign', 'google-workspace', 'microsoft-365'],
    needs: ['e_contract'],
  },
];

export const toolQuestionId = (f: ToolFunction): string => `t_${f.key}`;
export const linkQuestionId = (f: ToolFunction): string => `l_${f.key}`;

/** Every answer value that names a tool in use (everything but "none yet"). */
export function toolValues(f: ToolFunction): string[] {
  return [...f.tools, ...(f.spreadsheet ? [SPREADSHEET] : []), OTHER_TOOL];
}
