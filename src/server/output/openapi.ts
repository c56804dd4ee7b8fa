import { z } from 'zod';
import { INDICATOR_IDS, INDICATOR_UNITS } from '#src/domain/indicators/definitions.ts';
import { TARGET_STATUSES } from '#src/domain/indicators/targets.ts';
import { ViewQuerySchema } from '#src/server/services/indicators.ts';
import { ScoreRequestSchema } from '#src/server/services/score-request.ts';
import { FRAMEWORK_STATUSES } from '#src/domain/framework/schema.ts';
import { DEFAULT_FRAMEWORKS } from '#src/domain/framework/questionnaire.ts';
import { PAIN_IDS } from '#src/domain/recommendations/pains.ts';
import { PRICE_MAX_VND } from '#src/domain/ocop/price.ts';
import { PLATFORM_CATEGORY_IDS } from '#src/reference/platform-categories.ts';

/**
 * JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a zod schema, so that the document states
 * the same enums and limits as the validation itself. Output side: what the schema accepts after
 * the query's empty-to-undefined preprocessing.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const viewQuery = jsonSchema(ViewQuerySchema) as { properties: Record<string, Record<string, unknown>> };

/** The public indicator, as `publicIndicators` builds it (documentation only: the server writes it). */
const IndicatorSchema = z.object({
  id: z.enum(INDICATOR_IDS),
  name: z.object({ vi: z.string(), en: z.string() }),
  value: z.number().nullable(),
  numerator: z.int().nullable(),
  denominator: z.int().nullable(),
  unit: z.enum(INDICATOR_UNITS),
  target: z.number().nullable(),
  status: z.enum(TARGET_STATUSES).nullable(),
  suppressed: z.boolean(),
});

/** GET /api/v1/pains, as `publicPains` builds it (documentation only). */
const PainsResponseSchema = z.object({
  pains: z.array(
    z.object({
      id: z.enum(PAIN_IDS),
      label: z.object({ vi: z.string(), en: z.string() }),
      categories: z.array(z.enum(PLATFORM_CATEGORY_IDS)),
    }),
  ),
});

const error = { $ref: '#/components/schemas/Error' };
const localized = { type: 'object', required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } };
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/** The OpenAPI 3.1 description of the public JSON API (served at /api/v1/openapi.json). */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cổng đánh giá chuyển đổi số doanh nghiệp — API dữ liệu mở / Business digital transformation portal — open data API',
      version: '1.0.0',
      description:
        'Chỉ số tổng hợp, không có tên doanh nghiệp; ô dựa trên dưới 5 doanh nghiệp bị ẩn (kể cả ô suy ra được bằng phép trừ theo xã, theo nhóm, theo quý); số liệu cập nhật theo đợt ít nhất 5 doanh nghiệp. / Aggregates only, never a business name; cells built on fewer than 5 businesses are suppressed, including cells recoverable by subtraction along communes, categories and quarters; numbers move on in batches of at least 5 businesses.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/v1/indicators': {
        get: {
          summary: 'Chỉ số của tỉnh hoặc một xã/phường / Indicators of the province or one commune',
          parameters: [
            // The period is read by parsePeriod after the schema's length check: its shape is stated here.
            q('period', 'Năm hoặc quý: 2026, 2026-Q3 (mặc định năm hiện tại) / Year or quarter', {
              ...viewQuery.properties.period,
              pattern: '^\\d{4}(-[Qq][1-4])?$',
            }),
            q('unit', '"province" hoặc mã xã/phường 5 chữ số / "province" or a 5-digit commune code', viewQuery.properties.unit),
            q('sector', 'Ngành VSIC cấp 1 (A–U) / VSIC section', viewQuery.properties.sector),
            q('size', 'Quy mô / Size class', viewQuery.properties.size),
            q('producerType', 'Loại hình / Producer type', viewQuery.properties.producerType),
          ],
          responses: {
            '200': {
              description: 'OK (JSON, or CSV with Accept: text/csv)',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Indicators' } },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            '400': { description: 'Tham số không hợp lệ / Invalid parameters', content: { 'application/json': { schema: error } } },
          },
        },
      },
      '/api/v1/frameworks': {
        get: {
          summary: 'Bộ tiêu chí, căn cứ pháp lý và trạng thái / Frameworks, their legal basis and status',
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/FrameworkList' } } } },
          },
        },
      },
      '/api/v1/frameworks/{id}': {
        get: {
          summary: 'Cấu trúc một bộ tiêu chí / One framework',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'OK: the summary fields plus answerRules, scoring, levels, pillarLevels, pillars, extraSections',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/FrameworkSummary' } } },
            },
            '404': { description: 'Không có / Not found', content: { 'application/json': { schema: error } } },
          },
        },
      },
      '/api/v1/score': {
        post: {
          summary: 'Chấm điểm một bộ câu trả lời (không lưu) / Score an answer set (nothing stored)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ScoreRequest' } } } },
          responses: {
            '200': { description: 'OK' },
            '400': {
              description: 'Sai dữ liệu, có đường dẫn trường / Invalid body with field paths',
              content: { 'application/json': { schema: error } },
            },
          },
        },
      },
      '/api/v1/platforms': {
        get: {
          summary: 'Danh mục nền tảng số / Platform catalog',
          parameters: [
            q('category', 'Nhóm / Category id'),
            q('sector', 'Ngành / VSIC section'),
            q('q', 'Tìm không dấu / Accent-insensitive search'),
          ],
          responses: {
            '200': { description: 'OK' },
            '400': { description: 'Invalid', content: { 'application/json': { schema: error } } },
          },
        },
      },
      '/api/v1/pains': {
        get: {
          summary:
            'Những khó khăn chủ doanh nghiệp có thể chọn (tối đa 3), với nhóm nền tảng giải quyết / The pains an owner may choose (up to 3), with the platform categories that address them',
          responses: {
            '200': {
              description: 'OK',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Pains' } } },
            },
          },
        },
      },
      '/api/v1/platform-categories': {
        get: { summary: '17 nhóm nền tảng / The 17 platform categories', responses: { '200': { description: 'OK' } } },
      },
      '/api/v1/ocop-products': {
        get: {
          summary: 'Sản phẩm OCOP (trường công khai) / OCOP products (public fields)',
          parameters: [
            q('q', 'Tên, không dấu / Name, accents optional'),
            q('stars', '3–5', { type: 'integer', minimum: 3, maximum: 5 }),
            q('group', 'Nhóm / Group'),
            q('commune', 'Mã xã/phường / Commune code'),
          ],
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/OcopProducts' } } } },
            '400': { description: 'Invalid', content: { 'application/json': { schema: error } } },
          },
        },
      },
    },
    components: {
      schemas: {
        OcopProducts: {
          type: 'object',
          required: ['products'],
          properties: {
            products: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'name', 'group', 'stars', 'communeCode', 'producerName', 'price', 'photos', 'listings'],
                properties: {
                  id: { type: 'integer' },
                  name: { type: 'string' },
                  group: { type: 'string' },
                  stars: { type: 'integer', minimum: 3, maximum: 5 },
                  communeCode: { type: 'string' },
                  producerName: { type: 'string' },
                  price: {
                    description: 'Giá bán, đồng; null khi chưa có / Price in đồng; null when not given',
                    anyOf: [
                      {
                        type: 'object',
                        required: ['vnd', 'unit', 'text'],
                        properties: {
                          vnd: { type: 'integer', minimum: 0, maximum: PRICE_MAX_VND },
                          unit: { type: ['string', 'null'], description: 'Đơn vị tính / Unit of sale, e.g. "hộp 500 g"' },
                          text: { type: 'string', description: 'vi-VN, e.g. "120.000 ₫ / hộp 500 g"' },
                        },
                      },
                      { type: 'null' },
                    ],
                  },
                  photos: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['url', 'width', 'height', 'thumbUrl', 'thumbWidth', 'thumbHeight'],
                      properties: {
                        url: { type: 'string', description: 'WebP, đường dẫn tương đối / WebP, relative path' },
                        width: { type: 'integer' },
                        height: { type: 'integer' },
                        thumbUrl: { type: 'string' },
                        thumbWidth: { type: 'integer' },
                        thumbHeight: { type: 'integer' },
                      },
                    },
                  },
                  listings: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        floor: { type: 'string' },
                        status: { type: 'string' },
                        url: { type: ['string', 'null'] },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'string' },
            code: { type: 'string' },
            issues: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'array', items: { type: ['string', 'integer'] } }, message: { type: 'string' } },
              },
            },
          },
        },
        // Input side: a plain object does not promise that no field is ever added.
        Indicator: jsonSchema(IndicatorSchema, 'input'),
        Indicators: {
          type: 'object',
          required: ['period', 'unit', 'indicators'],
          properties: {
            period: { type: 'string' },
            unit: { type: 'string' },
            indicators: { type: 'array', items: { $ref: '#/components/schemas/Indicator' } },
            levelDistribution: { type: 'object' },
            pillarMeans: { type: 'array' },
            asOf: {
              type: ['string', 'null'],
              format: 'date-time',
              description:
                'Số liệu công bố cập nhật theo đợt: khi có ít nhất 5 doanh nghiệp thay đổi và khi hết mỗi quý / Public numbers move on in batches: once at least 5 businesses changed, and at each quarter close',
            },
          },
        },
        ScoreRequest: jsonSchema(ScoreRequestSchema),
        FrameworkMeta: {
          type: 'object',
          required: ['status', 'legalBasis', 'validFrom', 'validTo', 'sources'],
          properties: {
            status: {
              enum: [...FRAMEWORK_STATUSES],
              description: 'current: official, in force; superseded: official, replaced; local: our own reading, not official',
            },
            legalBasis: localized,
            validFrom: { type: ['string', 'null'], format: 'date' },
            validTo: { type: ['string', 'null'], format: 'date' },
            sources: {
              type: 'array',
              items: { type: 'object', required: ['title', 'url'], properties: { title: { type: 'string' }, url: { type: 'string' } } },
            },
            reading: localized,
          },
        },
        FrameworkSummary: {
          allOf: [
            { $ref: '#/components/schemas/FrameworkMeta' },
            {
              type: 'object',
              required: ['id', 'version', 'title', 'default', 'defaultFor'],
              properties: {
                id: { type: 'string' },
                version: { type: 'integer' },
                title: localized,
                default: { type: 'boolean', description: 'Offered by default to new businesses of an audience' },
                defaultFor: { enum: [...Object.keys(DEFAULT_FRAMEWORKS), null] },
              },
            },
          ],
        },
        FrameworkList: {
          type: 'object',
          required: ['frameworks', 'withoutQuestionnaire'],
          properties: {
            frameworks: { type: 'array', items: { $ref: '#/components/schemas/FrameworkSummary' } },
            withoutQuestionnaire: {
              description: 'National frameworks whose official tables could not be found: never offered or scored',
              type: 'array',
              items: {
                allOf: [
                  { $ref: '#/components/schemas/FrameworkMeta' },
                  {
                    type: 'object',
                    required: ['id', 'title', 'published', 'missing'],
                    properties: {
                      id: { type: 'string' },
                      title: localized,
                      published: {
                        description:
                          'What could be read of the official tables, verbatim in Vietnamese (English: our translation); null if nothing. Never completed by guesswork: the rest is in missing.',
                        anyOf: [
                          { type: 'null' },
                          {
                            type: 'object',
                            required: ['pillarCount', 'pillars', 'levels', 'respondents', 'sources'],
                            properties: {
                              pillarCount: { type: 'integer', description: 'How many pillars the official text says the index has' },
                              pillars: {
                                type: 'array',
                                description: 'The pillars that could be read, numbered as published',
                                items: {
                                  type: 'object',
                                  required: ['number', 'name', 'content', 'contentComplete'],
                                  properties: {
                                    number: { type: 'integer' },
                                    name: localized,
                                    content: { anyOf: [{ type: 'null' }, localized] },
                                    contentComplete: { type: 'boolean', description: 'False when the text read stops inside the content' },
                                  },
                                },
                              },
                              levels: {
                                type: 'array',
                                description: 'Level names that could be read, lowest first',
                                items: { type: 'object', required: ['name'], properties: { name: localized } },
                              },
                              respondents: localized,
                              sources: {
                                type: 'array',
                                items: { type: 'object', properties: { title: { type: 'string' }, url: { type: 'string' } } },
                              },
                            },
                          },
                        ],
                      },
                      missing: localized,
                    },
                  },
                ],
              },
            },
          },
        },
        Pains: jsonSchema(PainsResponseSchema, 'input'),
      },
    },
  };
}
