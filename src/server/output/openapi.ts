import { INDICATOR_IDS } from '#src/domain/indicators/definitions.ts';

const error = { $ref: '#/components/schemas/Error' };
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });

/** The OpenAPI 3.1 description of the public JSON API (served at /api/v1/openapi.json). */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cổng đánh giá chuyển đổi số doanh nghiệp — API dữ liệu mở / Business digital transformation portal — open data API',
      version: '1.0.0',
      description:
        'Chỉ số tổng hợp, không có tên doanh nghiệp; ô dựa trên dưới 5 doanh nghiệp bị ẩn (kể cả ô suy ra được bằng phép trừ). / Aggregates only, never a business name; cells built on fewer than 5 businesses are suppressed, including cells recoverable by subtraction.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/v1/indicators': {
        get: {
          summary: 'Chỉ số của tỉnh hoặc một xã/phường / Indicators of the province or one commune',
          parameters: [
            q('period', 'Năm hoặc quý: 2026, 2026-Q3 (mặc định năm hiện tại) / Year or quarter', { type: 'string', pattern: '^\\d{4}(-[Qq][1-4])?$' }),
            q('unit', '"province" hoặc mã xã/phường 5 chữ số / "province" or a 5-digit commune code', { type: 'string', pattern: '^(province|\\d{5})$' }),
            q('sector', 'Ngành VSIC cấp 1 (A–U) / VSIC section', { type: 'string', pattern: '^[A-U]$' }),
            q('size', 'Quy mô / Size class', { type: 'string', enum: ['micro', 'small', 'medium', 'large'] }),
            q('producerType', 'Loại hình / Producer type', { type: 'string', enum: ['enterprise', 'cooperative', 'cooperative_group', 'household'] }),
          ],
          responses: {
            '200': {
              description: 'OK (JSON, or CSV with Accept: text/csv)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Indicators' } }, 'text/csv': { schema: { type: 'string' } } },
            },
            '400': { description: 'Tham số không hợp lệ / Invalid parameters', content: { 'application/json': { schema: error } } },
          },
        },
      },
      '/api/v1/frameworks': { get: { summary: 'Bộ tiêu chí / Frameworks', responses: { '200': { description: 'OK' } } } },
      '/api/v1/frameworks/{id}': {
        get: {
          summary: 'Cấu trúc một bộ tiêu chí / One framework',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'OK' }, '404': { description: 'Không có / Not found', content: { 'application/json': { schema: error } } } },
        },
      },
      '/api/v1/score': {
        post: {
          summary: 'Chấm điểm một bộ câu trả lời (không lưu) / Score an answer set (nothing stored)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ScoreRequest' } } } },
          responses: { '200': { description: 'OK' }, '400': { description: 'Sai dữ liệu, có đường dẫn trường / Invalid body with field paths', content: { 'application/json': { schema: error } } } },
        },
      },
      '/api/v1/platforms': {
        get: {
          summary: 'Danh mục nền tảng số / Platform catalog',
          parameters: [q('category', 'Nhóm / Category id'), q('sector', 'Ngành / VSIC section'), q('q', 'Tìm không dấu / Accent-insensitive search')],
          responses: { '200': { description: 'OK' }, '400': { description: 'Invalid', content: { 'application/json': { schema: error } } } },
        },
      },
      '/api/v1/platform-categories': { get: { summary: '17 nhóm nền tảng / The 17 platform categories', responses: { '200': { description: 'OK' } } } },
      '/api/v1/ocop-products': {
        get: {
          summary: 'Sản phẩm OCOP (trường công khai) / OCOP products (public fields)',
          parameters: [q('q', 'Tên, không dấu / Name, accents optional'), q('stars', '3–5', { type: 'integer', minimum: 3, maximum: 5 }), q('group', 'Nhóm / Group'), q('commune', 'Mã xã/phường / Commune code')],
          responses: { '200': { description: 'OK' }, '400': { description: 'Invalid', content: { 'application/json': { schema: error } } } },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'string' }, code: { type: 'string' }, issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'array', items: { type: ['string', 'integer'] } }, message: { type: 'string' } } } } },
        },
        Indicator: {
          type: 'object',
          required: ['id', 'name', 'value', 'numerator', 'denominator', 'unit', 'target', 'status', 'suppressed'],
          properties: {
            id: { type: 'string', enum: [...INDICATOR_IDS] },
            name: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } },
            value: { type: ['number', 'null'] },
            numerator: { type: ['integer', 'null'] },
            denominator: { type: ['integer', 'null'] },
            unit: { type: 'string', enum: ['percent', 'count', 'score'] },
            target: { type: ['number', 'null'] },
            status: { type: ['string', 'null'], enum: ['on_track', 'at_risk', 'off_track', 'achieved', 'no_data', null] },
            suppressed: { type: 'boolean' },
          },
        },
        Indicators: {
          type: 'object',
          required: ['period', 'unit', 'indicators'],
          properties: {
            period: { type: 'string' },
            unit: { type: 'string' },
            indicators: { type: 'array', items: { $ref: '#/components/schemas/Indicator' } },
            levelDistribution: { type: 'object' },
            pillarMeans: { type: 'array' },
          },
        },
        ScoreRequest: {
          type: 'object',
          required: ['framework', 'profile', 'answers'],
          properties: {
            framework: { type: 'string' },
            profile: { type: 'object', required: ['sector', 'employees'], properties: { sector: { type: 'string' }, employees: { type: 'integer' }, revenueVnd: { type: 'number' }, capitalVnd: { type: 'number' }, producerType: { type: 'string' }, communeCode: { type: 'string' } } },
            answers: { type: 'object', additionalProperties: true },
          },
        },
      },
    },
  };
}
