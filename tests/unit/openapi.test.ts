import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#src/server/output/openapi.ts';
import { PRODUCER_TYPES } from '#src/reference/producer-types.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import { TARGET_STATUSES } from '#src/domain/indicators/targets.ts';
import { INDICATOR_IDS, INDICATOR_UNITS } from '#src/domain/indicators/definitions.ts';

type Schema = Record<string, unknown> & { enum?: unknown[]; properties?: Record<string, Schema>; anyOf?: Schema[]; required?: string[] };

describe('OpenAPI document', () => {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, { get?: { parameters: { name: string; schema: Schema }[] } }>;
    components: { schemas: Record<string, Schema> };
  };
  const param = (name: string) => doc.paths['/api/v1/indicators']!.get!.parameters.find((p) => p.name === name)!.schema;

  it('states the query enums the validation accepts', () => {
    expect(param('producerType').enum).toEqual([...PRODUCER_TYPES]);
    expect(param('sector').enum).toEqual([...VSIC_CODES]);
    expect(param('size').enum).toEqual(['micro', 'small', 'medium', 'large']);
    expect(param('unit').pattern).toBe('^(province|\\d{5})$');
    expect(param('period').pattern).toBe('^\\d{4}(-[Qq][1-4])?$');
  });

  it('states the response enums of the domain', () => {
    const indicator = doc.components.schemas.Indicator!;
    expect(indicator.properties!.id!.enum).toEqual([...INDICATOR_IDS]);
    expect(indicator.properties!.unit!.enum).toEqual([...INDICATOR_UNITS]);
    expect(indicator.properties!.status!.anyOf!.find((s) => s.enum)!.enum).toEqual([...TARGET_STATUSES]);
    expect(indicator.required).toEqual(['id', 'name', 'value', 'numerator', 'denominator', 'unit', 'target', 'status', 'suppressed']);
  });

  it('describes the score request from its validation schema', () => {
    const score = doc.components.schemas.ScoreRequest!;
    expect(score.required).toEqual(['framework', 'profile', 'answers']);
    expect(score.properties!.profile!.properties!.producerType!.enum).toEqual([...PRODUCER_TYPES]);
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });
});
