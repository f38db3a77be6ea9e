import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_JSON_DEPTH, nestingExceeds } from '../../src/api/json-body.js';
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

  it('measures nesting without parsing: strings and escapes do not count', () => {
    expect(nestingExceeds('{"a":[[1]]}', 3)).toBe(false);
    expect(nestingExceeds('{"a":[[1]]}', 2)).toBe(true);
    expect(nestingExceeds(`{"a":"${'['.repeat(100)}"}`, 1)).toBe(false);
    // An escaped backslash ends the escape; an escaped quote does not end the string.
    expect(nestingExceeds('{"a\\\\":[[]]}', 2)).toBe(true);
    expect(nestingExceeds('["\\"[[", "]]"]', 1)).toBe(false);
    expect(nestingExceeds('[[[]],[[]],[[]]]', 3)).toBe(false);
    expect(nestingExceeds(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, MAX_JSON_DEPTH)).toBe(
      true,
    );
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    // Built by JSON.parse (iterative in V8), as a body would be were the parser not bounded.
    const deep = JSON.parse(`${'{"a":['.repeat(50_000)}""${']}'.repeat(50_000)}`) as unknown;
    expect(findUnstorable(deep)).toBeUndefined();
    emptyStringsToNull(deep);
    let leaf: unknown = deep;
    for (let i = 0; i < 50_000; i++) leaf = (leaf as { a: unknown[] }).a[0];
    expect(leaf).toBeNull();
    const bad = JSON.parse(`${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`) as unknown;
    expect(findUnstorable(bad)?.field.split('.').length).toBe(100_000);
    const schema = z.object({ a: z.array(z.unknown()).optional() });
    expect(() => prepareForSchema(schema, deep, 'body')).not.toThrow();
  });

  it('names the first unstorable value in document order', () => {
    expect(findUnstorable({ a: [1, { b: 'x\u0000' }], c: '\ud800' })?.field).toBe('a.1.b');
    expect(findUnstorable([['ok'], ['\ud800', 'x\u0000']])?.field).toBe('1.0');
  });

  it('reads only declared members: a body member named after Object.prototype is data', () => {
    const schema = z.object({ update: z.object({ name: z.string().optional() }) });
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      for (const value of [null, {}, [], 1]) {
        const data = { update: { [name]: value, name: null }, [name]: value };
        expect(prepareForSchema(schema, data, 'body')).toEqual({
          update: { [name]: value },
          [name]: value,
        });
      }
    }
    expect(canonicalQuery('?constructor=1&toString=2', { page: '2' })).toBe(
      'constructor=1&toString=2&page=2',
    );
  });
});
