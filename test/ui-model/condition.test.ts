/** The condition editor's data (builder-ui/src/model/condition.ts). */
import { describe, expect, test } from 'vitest';
import type { Condition, ConditionValue, Operator, TopLevelCondition } from '../../engine/browser.ts';
import { childrenOf, defaultValueFor, formatValue, isFactCondition, modeOf, newFactCondition, OPERATORS, parseValue, withChildren, withMode } from '../../builder-ui/src/model/condition.ts';
import { appendixC, everyInputType } from './documents.ts';

const a: Condition = { fact: 'flag', operator: 'equal', value: true };
const b: Condition = { fact: 'visits', operator: 'greaterThan', value: 3 };

describe('groups of rows', () => {
  test('modeOf and childrenOf read all, any and not groups', () => {
    expect([modeOf({ all: [a] }), modeOf({ any: [a] }), modeOf({ not: a })]).toEqual(['all', 'any', 'not']);
    expect(childrenOf({ all: [a, b] })).toEqual([a, b]);
    expect(childrenOf({ any: [b] })).toEqual([b]);
    expect(childrenOf({ not: a })).toEqual([a]);
  });

  test('withMode keeps the rows; a not group keeps the first row only, or an empty group', () => {
    expect(withMode({ all: [a, b] }, 'any')).toEqual({ any: [a, b] });
    expect(withMode({ any: [a, b] }, 'all')).toEqual({ all: [a, b] });
    expect(withMode({ all: [a, b] }, 'not')).toEqual({ not: a });
    expect(withMode({ all: [] }, 'not')).toEqual({ not: { all: [] } });
    expect(withMode({ not: b }, 'all')).toEqual({ all: [b] });
  });

  test('withChildren replaces the rows under the same mode', () => {
    expect(withChildren({ all: [a] }, [a, b])).toEqual({ all: [a, b] });
    expect(withChildren({ any: [a] }, [b])).toEqual({ any: [b] });
    expect(withChildren({ not: a }, [b, a])).toEqual({ not: b });
    expect(withChildren({ not: a }, [])).toEqual({ not: { all: [] } });
  });

  test('isFactCondition tells rows from nested groups', () => {
    expect(isFactCondition(a)).toBe(true);
    expect(isFactCondition({ all: [a] })).toBe(false);
    expect(isFactCondition({ not: a } as TopLevelCondition)).toBe(false);
  });
});

describe('new rows', () => {
  test('a new row reads the first input, equal to a value of its type', () => {
    const doc = appendixC();
    expect(newFactCondition(doc.inputs)).toEqual({ fact: 'siteWellLocated', operator: 'equal', value: true });
    expect(newFactCondition([])).toEqual({ fact: '', operator: 'equal', value: '' });
  });

  test('the default value fits each input type', () => {
    const byId = new Map(everyInputType().inputs.map((i) => [i.id, i]));
    expect(defaultValueFor(byId.get('flag'))).toBe(true);
    expect(defaultValueFor(byId.get('visits'))).toBe(0);
    expect(defaultValueFor(byId.get('hours'))).toBe(0);
    expect(defaultValueFor(byId.get('rate'))).toBe(0);
    expect(defaultValueFor(byId.get('monthly'))).toBe(0);
    expect(defaultValueFor(byId.get('grade'))).toBe('low');
    expect(defaultValueFor(byId.get('services'))).toBe('a');
    expect(defaultValueFor({ id: 'x', type: 'choice', label: { en: 'X' }, options: [] })).toBe('');
    expect(defaultValueFor(undefined)).toBe('');
  });
});

describe('values as text and back', () => {
  test.each<[ConditionValue, string]>([
    [['a', 'b', 3], 'a, b, 3'],
    [{ fact: 'visits' }, 'visits'],
    [null, 'null'],
    [true, 'true'],
    [2.5, '2.5'],
    ['mid', 'mid'],
  ])('formatValue(%j) = %j', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  test.each<[string, Operator, ConditionValue]>([
    ['3', 'greaterThan', 3],
    [' 2.5 ', 'lessThan', 2.5],
    ['true', 'equal', true],
    ['false', 'equal', false],
    ['null', 'equal', null],
    ['mid', 'equal', 'mid'],
    ['', 'equal', ''],
    ['a, b，3', 'in', ['a', 'b', 3]],
    ['a,,  ,b', 'notIn', ['a', 'b']],
    ['Infinity', 'equal', 'Infinity'],
  ])('parseValue(%j, %s) = %j', (text, operator, value) => {
    expect(parseValue(text, operator)).toEqual(value);
  });

  test('a list typed in and shown again reads the same', () => {
    const value = parseValue('low, mid', 'in');
    expect(parseValue(formatValue(value), 'in')).toEqual(value);
  });

  test('every operator is offered once with a label', () => {
    const operators = OPERATORS.map((o) => o.operator);
    expect(new Set(operators).size).toBe(10);
    expect(operators).toEqual(expect.arrayContaining(['equal', 'in', 'notIn', 'contains', 'doesNotContain', 'greaterThanInclusive']));
    for (const { label } of OPERATORS) for (const text of [label.zh, label.en]) expect(text.trim()).not.toBe('');
  });
});
