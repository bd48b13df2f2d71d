import type { OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_EVENT_TYPES } from '@frontdoor/pathway';
import { EVENT_BODY_SCHEMA, eventSchemaName, withEventSchemas } from './event-schemas';

describe('the OpenAPI of the events people send', () => {
  const document = withEventSchemas({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {} } as OpenAPIObject);
  const schemas = document.components!.schemas! as Record<string, Record<string, any>>;

  it('has a schema per event type, chosen by type', () => {
    expect(EVENT_BODY_SCHEMA.oneOf).toHaveLength(PUBLIC_EVENT_TYPES.length);
    expect(EVENT_BODY_SCHEMA.discriminator).toMatchObject({ propertyName: 'type', mapping: { CLOSE: '#/components/schemas/CloseEvent' } });
    for (const type of PUBLIC_EVENT_TYPES) expect(schemas[eventSchemaName(type)].properties.type).toEqual({ type: 'string', enum: [type] });
  });

  it('gives each field its type, code list, limits and when it is required', () => {
    const decision = schemas.ProposeDecisionEvent;
    expect(decision.required).toEqual(['type', 'outcome', 'thresholdLevel', 'rationale', 'feedbackForReferrer']);
    expect(decision.additionalProperties).toBe(false);
    expect(decision.properties.thresholdLevel).toMatchObject({ type: 'integer', minimum: 1, maximum: 4 });
    expect(decision.properties.rationale).toMatchObject({ type: 'string', minLength: 1, maxLength: 5000 });
    expect(decision.properties.outcome.enum).toEqual(['nfa', 'family_help', 'assessment', 'strategy_discussion']);
    expect(decision.properties.signposting).toMatchObject({ nullable: true, description: expect.stringContaining('Required when outcome is nfa') });
  });

  it('describes the rules that need the episode beside their fields', () => {
    const assessment = schemas.CompleteAssessmentEvent;
    expect(assessment.properties.completedAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(assessment.properties.completedAt.description).toContain("Must not be before the episode's previous step.");
    expect(assessment.properties.reasonForDelay.description).toContain('more than 45 working days after the referral');
    expect(assessment.properties.factors).toMatchObject({ type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } });
    expect(schemas.RateEvent.properties.rag.description).toContain('immediate risk');
  });

  it('says when a field is required unless another has a value, and when a body must give one of several fields', () => {
    expect(schemas.ProposeDecisionEvent.properties.primaryNeed.description).toContain('Required when outcome is not nfa');
    const amendment = schemas.AmendRecordEvent;
    expect(amendment.required).toEqual(['type', 'reason']);
    expect(amendment.anyOf).toContainEqual({ required: ['disabilities'] });
    expect(amendment.description).toContain('must amend at least one of: primaryNeed,');
    expect(schemas.CompleteAssessmentEvent.properties.disabilities).toMatchObject({ type: 'array', uniqueItems: true, items: { enum: expect.arrayContaining(['NONE', 'AUT']) } });
  });
});
