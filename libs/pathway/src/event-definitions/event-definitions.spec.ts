import { PUBLIC_EVENT_TYPES } from '../events';
import { EVENT_DEFINITIONS } from './index';
import { type FieldDefinition, presenceInWords } from './field-definition';

describe('the definitions of the events people send', () => {
  it('define every public event, under its own type', () => {
    expect(Object.keys(EVENT_DEFINITIONS).sort()).toEqual([...PUBLIC_EVENT_TYPES].sort());
    for (const [type, definition] of Object.entries(EVENT_DEFINITIONS)) expect(definition.type).toBe(type);
  });

  it('make a field depend only on a field defined before it, with a value that field can take', () => {
    for (const definition of Object.values(EVENT_DEFINITIONS)) {
      const fields = Object.entries(definition.fields) as [string, FieldDefinition][];
      fields.forEach(([name, field], index) => {
        if (typeof field.presence === 'string') return;
        const condition = 'allowedWhen' in field.presence ? field.presence.allowedWhen : field.presence.requiredWhen;
        const governing = fields.findIndex(([other]) => other === condition.field);
        expect({ event: definition.type, field: name, governedBy: governing >= 0 && governing < index }).toEqual({ event: definition.type, field: name, governedBy: true });
        const codes = fields[governing][1];
        expect(codes.type === 'code' && codes.codes.includes(condition.is)).toBe(true);
      });
    }
  });

  it('give each rule a field of its own event', () => {
    for (const definition of Object.values(EVENT_DEFINITIONS)) {
      for (const rule of definition.rules) expect(Object.keys(definition.fields)).toContain(rule.field);
    }
  });

  it('say in words when a field is required', () => {
    expect(presenceInWords(EVENT_DEFINITIONS.PROPOSE_DECISION.fields.signposting.presence)).toBe('Required when outcome is nfa; optional otherwise.');
    expect(presenceInWords(EVENT_DEFINITIONS.SCREEN.fields.redirectedTo.presence)).toBe('Required when outcome is redirect; not allowed otherwise.');
    expect(presenceInWords(EVENT_DEFINITIONS.HOLD_ICPC.fields.nextStep.presence)).toBe('Only allowed when outcome is no_plan.');
    expect(presenceInWords(EVENT_DEFINITIONS.PROPOSE_DECISION.fields.primaryNeed.presence)).toBe(
      'Required when outcome is not nfa (the CIN census needs it for every referral that leads to further action); optional otherwise.',
    );
  });
});
