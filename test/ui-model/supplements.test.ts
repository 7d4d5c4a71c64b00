/** Supplementary answers and carried-forward drafts, without React (builder-ui/src/model/supplements.ts). */
import { describe, expect, test } from 'vitest';
import type { InputDefinition, RubricDocument } from '../../engine/browser.ts';
import { compareVersions, flagWords, inputLabel, newerVersions, parseDraftValue, periodText, unansweredInputs, valueText } from '../../builder-ui/src/model/supplements.ts';

const yesNo: InputDefinition = { id: 'digitalServices', type: 'boolean', label: { zh: '提供线上预约服务', en: 'Online booking offered' } };
const rate: InputDefinition = { id: 'satisfactionRate', type: 'percentage', label: { zh: '满意率', en: 'Satisfaction rate' }, minimum: 0, maximum: 100 };
const rooms: InputDefinition = { id: 'rooms', type: 'count', label: { zh: '房间数', en: 'Rooms' } };
const grade: InputDefinition = {
  id: 'grade',
  type: 'choice',
  label: { zh: '等级', en: 'Grade' },
  options: [
    { value: 'a', label: { zh: '优', en: 'Good' } },
    { value: 'b', label: { zh: '差', en: 'Poor' } },
  ],
};
const services: InputDefinition = { ...grade, id: 'services', type: 'multiChoice', label: { zh: '服务', en: 'Services' } };
const monthly: InputDefinition = { id: 'monthly', type: 'series', label: { zh: '每月', en: 'Monthly' } };
const doc = { inputs: [rate, yesNo, grade] } as unknown as RubricDocument;

describe('which versions and which inputs', () => {
  test('versions compare by number, not by text; a pre-release comes before its release', () => {
    expect(compareVersions('1.10.0', '1.9.2')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('2.0.0-rc.1', '2.0.0')).toBeLessThan(0);
  });

  test('the newer versions, newest first, whatever their status', () => {
    const versions = [{ version: '1.0.0' }, { version: '1.2.0' }, { version: '0.9.0' }, { version: '1.1.0' }];
    expect(newerVersions(versions, '1.0.0').map((v) => v.version)).toEqual(['1.2.0', '1.1.0']);
    expect(newerVersions(versions, '1.2.0')).toEqual([]);
  });

  test('the inputs a version asks that the assessment never answered, in the version’s order', () => {
    expect(unansweredInputs(doc, { satisfactionRate: 93.7 }).map((i) => i.id)).toEqual(['digitalServices', 'grade']);
    // false and 0 are answers.
    expect(unansweredInputs(doc, { satisfactionRate: 0, digitalServices: false, grade: 'a' })).toEqual([]);
    // With how the version carried the answers: a renamed input counts as answered, a defaulted one may still be answered.
    expect(unansweredInputs(doc, { satisfactionRate: 93.7 }, { missing: ['grade'], supplied: [], defaulted: ['digitalServices'] }).map((i) => i.id)).toEqual(['digitalServices', 'grade']);
    expect(unansweredInputs(doc, {}, { missing: [], supplied: ['grade'], defaulted: [] }).map((i) => i.id)).toEqual(['grade']);
  });

  test('inputs are named by their label in the language asked', () => {
    expect(inputLabel(doc, 'digitalServices', 'zh')).toBe('提供线上预约服务');
    expect(inputLabel(doc, 'digitalServices', 'en')).toBe('Online booking offered');
  });
});

describe('a widget’s answer as the input’s value', () => {
  test('yes/no, numbers, options and series', () => {
    expect(parseDraftValue(yesNo, 'true', 'en')).toEqual({ value: true });
    expect(parseDraftValue(yesNo, 'false', 'en')).toEqual({ value: false });
    expect(parseDraftValue(rate, ' 93.7 ', 'en')).toEqual({ value: 93.7 });
    expect(parseDraftValue(grade, 'b', 'en')).toEqual({ value: 'b' });
    expect(parseDraftValue(services, ['a', 'b'], 'en')).toEqual({ value: ['a', 'b'] });
    expect(parseDraftValue(monthly, '1, 2，3', 'en')).toEqual({ value: [1, 2, 3] });
  });

  test('what does not read gives a sentence in the language asked, never a value', () => {
    expect(parseDraftValue(yesNo, undefined, 'zh')).toEqual({ problem: '请先填写答案。' });
    expect(parseDraftValue(rate, 'abc', 'en')).toEqual({ problem: 'Give a number.' });
    expect(parseDraftValue(rooms, '2.5', 'zh')).toEqual({ problem: '请填写整数。' });
    expect(parseDraftValue(grade, 'c', 'en')).toEqual({ problem: 'Choose an option.' });
  });

  test('stored values read in words, options by their labels', () => {
    expect(valueText(yesNo, true, 'zh')).toBe('是');
    expect(valueText(yesNo, false, 'en')).toBe('no');
    expect(valueText(grade, 'a', 'zh')).toBe('优');
    expect(valueText(services, ['a', 'b'], 'en')).toBe('Good, Poor');
    expect(valueText(undefined, 12, 'en')).toBe('12');
  });
});

describe('carried-forward drafts', () => {
  test('flags and periods in words, in both languages', () => {
    expect([flagWords('added', 'zh'), flagWords('changed', 'zh'), flagWords('unanswered', 'zh')]).toEqual(['新增', '评分已改', '待回答']);
    expect([flagWords('added', 'en'), flagWords('changed', 'en'), flagWords('unanswered', 'en')]).toEqual(['added', 'changed', 'unanswered']);
    expect(periodText({ year: 2025, kind: 'final' }, 'zh')).toBe('2025 终期');
    expect(periodText({ year: 2025, kind: 'mid-term' }, 'en')).toBe('2025 mid-term');
  });
});
