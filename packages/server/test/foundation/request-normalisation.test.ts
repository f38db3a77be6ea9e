import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  canonicalQuery,
  emptyStringsToNull,
  findUnstorable,
  parseQueryString,
  prepareForSchema,
} from '../../src/api/request-normalisation.js';

describe('request normalisation', () => {
  it('parses a query string with the last value of a repeated parameter, "" as null', () => {
    const parsed = parseQueryString('limit=10&page=2&limit=100&sort=&__proto__=x&a+b=c%20d');
    expect({ ...parsed }).toEqual({
      limit: '100',
      page: '2',
      sort: null,
      ['__proto__']: 'x',
      'a b': 'c d',
    });
    expect(Object.getPrototypeOf(parsed)).toBeNull();
  });

  it('builds pagination queries with one value per parameter, in the order sent', () => {
    expect(canonicalQuery('?limit=100&sort=desc&page=2&limit=100&sort=desc', { page: '3' })).toBe(
      'limit=100&sort=desc&page=3',
    );
    expect(canonicalQuery('?status=&limit=5', { page: '1' })).toBe('limit=5&page=1');
  });

  it('turns "" into null everywhere in a body', () => {
    expect(emptyStringsToNull({ a: '', b: [' ', ''], c: { d: '' }, e: 0 })).toEqual({
      a: null,
      b: [' ', null],
      c: { d: null },
      e: 0,
    });
  });

  it('names the first value a database cannot store', () => {
    expect(findUnstorable({ a: { b: ['ok', 'x\u0000'] } })).toEqual({
      field: 'a.b.1',
      problem: 'must not contain NUL characters',
    });
    expect(findUnstorable({ name: 'half \ud83d' })?.field).toBe('name');
    expect(findUnstorable({ name: 'whole 😀' })).toBeUndefined();
    expect(findUnstorable({ amount: 2 ** 60 })?.field).toBe('amount');
    expect(findUnstorable({ amount: 99.99, n: -(2 ** 53 - 1) })).toBeUndefined();
    expect(findUnstorable({ 'k\u0000': 1 })).toMatchObject({ field: '' });
  });

  it('drops null where an optional member cannot hold it, so "not given" applies', () => {
    const schema = z.union([
      z.object({ update: z.object({ name: z.string().optional(), site: z.string().nullish() }) }),
      z.object({ name: z.string().optional(), limit: z.number().default(10), need: z.string() }),
    ]);
    const data = { update: { name: null, site: null }, limit: null, need: null };
    expect(prepareForSchema(schema, data, 'body')).toEqual({ update: { site: null }, need: null });
    expect(prepareForSchema(z.object({ a: z.string() }), undefined, 'body')).toEqual({});
    expect(
      prepareForSchema(z.object({ a: z.string() }).nullish(), undefined, 'body'),
    ).toBeUndefined();
    const list = z.object({ items: z.array(z.object({ tag: z.string().optional() })) });
    expect(prepareForSchema(list, { items: [{ tag: null }] })).toEqual({ items: [{}] });
  });
});
