import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationMessage } from '../../src/api/validation-message.js';

// Issues come from real zod schemas, so a zod upgrade that changes their codes or parameters
// shows up here; zod's English wording is never read.
function messageOf(schema: z.ZodType, value: unknown, coerced = false): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  const issue = result.error.issues[0]!;
  return validationMessage('field', issue, value, coerced);
}

describe('validation messages', () => {
  it('turns zod issues into sentences', () => {
    expect(messageOf(z.object({ a: z.string() }).shape.a, undefined)).toBe(
      'The field field is required.',
    );
    expect(messageOf(z.number().min(0), -5)).toBe('The field must be at least 0.');
    expect(messageOf(z.number().max(100), 500)).toBe('The field must be at most 100.');
    expect(messageOf(z.number().positive(), 0)).toBe('The field must be greater than 0.');
    expect(messageOf(z.string().min(1), '')).toBe('The field must be at least 1 character long.');
    expect(messageOf(z.string().max(100), 'x'.repeat(101))).toBe(
      'The field must be at most 100 characters long.',
    );
    expect(messageOf(z.array(z.string()).min(1), [])).toBe('The field must have at least 1 item.');
    expect(messageOf(z.string(), 42)).toBe('The field must be a string, not a number.');
    expect(messageOf(z.boolean(), 'yes')).toBe('The field must be true or false, not a string.');
    expect(messageOf(z.enum(['percent', 'fixed']), 'half')).toBe(
      'The field must be one of "percent", "fixed".',
    );
    expect(messageOf(z.string().regex(/^[A-Z]{3}$/), 'usd!')).toBe(
      'The field has an invalid format.',
    );
  });

  it('keeps messages it does not know, with the field named', () => {
    expect(validationMessage('x', { code: 'custom', message: 'Something odd happened' })).toBe(
      'The x field is invalid: Something odd happened.',
    );
  });
});

describe('validation messages of query-string coercion', () => {
  it('never says "a number, not a number"', () => {
    expect(messageOf(z.coerce.number().int(), 'abc', true)).toBe('The field must be a number.');
    expect(messageOf(z.coerce.number().int(), '1.5', true)).toBe('The field must be an integer.');
    expect(messageOf(z.coerce.date(), 'soon', true)).toBe('The field must be a valid date.');
  });

  it('reads null (an empty string) in a required field as missing', () => {
    expect(messageOf(z.object({ a: z.string() }).shape.a, null)).toBe(
      'The field field is required.',
    );
  });
});
