import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import {
  atLeastOneOfInWords,
  type ContextualRule,
  EVENT_DEFINITIONS,
  type EventDefinition,
  type FieldDefinition,
  type ListItemDefinition,
  presenceInWords,
  PUBLIC_EVENT_TYPES,
  type PublicEventType,
} from '@frontdoor/pathway';

/**
 * The OpenAPI of POST /api/v1/episodes/:id/events, derived from the pathway's event definitions:
 * a schema per event type (its fields, which are required, code lists, limits, and in each
 * field's description when it is required and the rules that need the episode), chosen by
 * `type`. Nothing here is written by hand, so it cannot drift from what the validator checks.
 */

/** `PROPOSE_DECISION` → `ProposeDecisionEvent`. */
export function eventSchemaName(type: PublicEventType): string {
  return `${type
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('')}Event`;
}

/** The request body: one of the event schemas, by `type`. */
export const EVENT_BODY_SCHEMA: SchemaObject = {
  oneOf: PUBLIC_EVENT_TYPES.map((type) => ({ $ref: `#/components/schemas/${eventSchemaName(type)}` })),
  discriminator: {
    propertyName: 'type',
    mapping: Object.fromEntries(PUBLIC_EVENT_TYPES.map((type) => [type, `#/components/schemas/${eventSchemaName(type)}`])),
  },
};

/** Adds every event's schema to the document's components (EVENT_BODY_SCHEMA refers to them). */
export function withEventSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = Object.fromEntries(
    PUBLIC_EVENT_TYPES.map((type) => [eventSchemaName(type), eventSchema(EVENT_DEFINITIONS[type] as unknown as EventDefinition<PublicEventType>)]),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  return document;
}

function eventSchema(definition: EventDefinition<PublicEventType>): SchemaObject {
  const fields = Object.entries(definition.fields) as [string, FieldDefinition][];
  const rules = definition.rules as ContextualRule<PublicEventType>[];
  const atLeastOne = definition.atLeastOneOf;
  return {
    type: 'object',
    title: definition.type,
    // A body that must give one of some optional fields says so, and its schema asks for one of them.
    description: atLeastOne ? `${definition.summary} The body ${atLeastOneOfInWords(atLeastOne)}.` : definition.summary,
    ...(atLeastOne ? { anyOf: atLeastOne.fields.map((field) => ({ required: [field] })) } : {}),
    required: ['type', ...fields.filter(([, field]) => field.presence === 'required').map(([name]) => name)],
    properties: {
      type: { type: 'string', enum: [definition.type] },
      ...Object.fromEntries(
        fields.map(([name, field]) => {
          const ruleWords = rules.filter((rule) => rule.field === name).map((rule) => rule.description);
          const description = [field.description, presenceInWords(field.presence), ...ruleWords].join(' ');
          // A field not always required may be given as null, which counts as not given.
          return [name, { ...valueSchema(field), description, ...(field.presence === 'required' ? {} : { nullable: true }) }];
        }),
      ),
    },
    additionalProperties: false,
  };
}

function valueSchema(field: FieldDefinition | ListItemDefinition): SchemaObject {
  switch (field.type) {
    case 'text':
      return { type: 'string', minLength: 1, maxLength: field.maxLength };
    case 'code':
      return { type: 'string', enum: [...field.codes] };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer', minimum: field.minimum, maximum: field.maximum };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'dateTime':
      return { type: 'string', format: 'date-time', example: '2026-11-20T09:15:00Z' };
    case 'list':
      return { type: 'array', minItems: 1, items: valueSchema(field.items), ...(field.unique ? { uniqueItems: true } : {}) };
  }
}
