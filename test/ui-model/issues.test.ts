/** Validation issues and the controls they belong to (builder-ui/src/model/issues.ts). */
import { describe, expect, test } from 'vitest';
// The pointer's words come from the editor's part of the catalogue, loaded with its screens.
import '../../builder-ui/src/i18n/messages/editor.ts';
import { pointerOf } from '../../builder-ui/src/model/document.ts';
import { controlId, describePointer, indexIssues, parentPointer, tabOf } from '../../builder-ui/src/model/issues.ts';
import { appendixC, venueAccessibility } from './documents.ts';

describe('controlId', () => {
  test('is a valid DOM id, different for different pointers', () => {
    // Not injective in general: '/n/B1.1' and '/n/B1_2e1' give the same id (both are valid criterion ids).
    const pointers = ['', '/groups/0/points', '/groups/0/indicators/1', '/inputs/0/label/zh', '/tests/0/notApplicable/B1.1', '/tests/0/notApplicable/B11', '/tests/0/inputs/a b', '/x/a~1b'];
    const ids = pointers.map(controlId);
    for (const id of ids) expect(id).toMatch(/^f[A-Za-z0-9_-]*$/);
    expect(new Set(ids).size).toBe(pointers.length);
    expect(controlId('/groups/0/points')).toBe('f-groups-0-points');
  });
});

describe('pointers', () => {
  test('parentPointer drops the last step', () => {
    expect(parentPointer('/groups/0/points')).toBe('/groups/0');
    expect(parentPointer('/groups')).toBe('');
    expect(parentPointer('')).toBe('');
  });

  test.each([
    ['/groups/0/indicators/1/points', 'structure'],
    ['/inputs/3/maximum', 'inputs'],
    ['/readings/0', 'readings'],
    ['/tiers/1/min/value', 'tiers'],
    ['/requirements/2/gate', 'requirements'],
    ['/tests/0/expect/total', 'tests'],
    ['/title/zh', 'metadata'],
    ['', 'metadata'],
  ])('%s is edited on the %s tab', (pointer, tab) => {
    expect(tabOf(pointer)).toBe(tab);
  });
});

describe('indexIssues', () => {
  test('groups issues by pointer, errors before warnings, with their severity', () => {
    const map = indexIssues(
      [
        { path: '/groups/0/points', message: 'sum differs' },
        { path: '/tiers', message: 'gap' },
      ],
      [{ path: '/groups/0/points', message: 'looks odd' }],
    );
    expect(map.get('/groups/0/points')).toEqual([
      { path: '/groups/0/points', message: 'sum differs', severity: 'error' },
      { path: '/groups/0/points', message: 'looks odd', severity: 'warning' },
    ]);
    expect(map.get('/tiers')?.map((i) => i.severity)).toEqual(['error']);
    expect(map.size).toBe(2);
  });
});

describe('describePointer', () => {
  const doc = appendixC();
  const criterion = pointerOf(['groups', 0, 'groups', 0, 'indicators', 3, 'criteria', 1]);

  test('names the groups, indicators and criteria along the path by their labels, in the page language', () => {
    expect(describePointer(doc, `${criterion}/points`, 'zh')).toBe('分组“基本设置” › 分组“环境设施” › 指标“环境卫生” › 评分项“室内外环境卫生整洁得2分,发现一处扣0.5分” › 分值');
    expect(describePointer(doc, `${criterion}/points`, 'en')).toBe('group “Basic setup” › group “Environment and facilit…” › indicator “Hygiene” › criterion “Clean inside and outsid…” › points');
  });

  test('numbers rules, names a scoring\'s fields as its kind does, and leaves out event and params', () => {
    const pointer = `${criterion}/rules/0/event/params/deductions/0/points`;
    expect(describePointer(doc, pointer, 'zh')).toMatch(/ › 规则 1 › 扣分项 1 › 每单位扣分$/);
    expect(describePointer(doc, pointer, 'en')).toMatch(/ › Rule 1 › Deduction 1 › Points deducted per unit$/);
    expect(describePointer(doc, '/inputs/23/options/2/value', 'zh')).toBe('输入项“工作人员管理制度落实情况” › 选项“严格按制度规定执行” › 取值');
  });

  test('names the option a choice scoring prices by its label, not its key', () => {
    const staffRules = pointerOf(['groups', 1, 'groups', 0, 'indicators', 0, 'criteria', 1]);
    const input = doc.inputs.find((i) => i.id === 'staffRulesImplementation');
    const partly = input?.options?.find((o) => o.value === 'partly')?.label;
    expect(describePointer(doc, `${staffRules}/rules/0/event/params/points/partly`, 'zh')).toMatch(new RegExp(` › 规则 1 › 各选项得分 › 选项“${partly?.zh}”$`));
    expect(describePointer(doc, `${staffRules}/rules/0/event/params/points/partly`, 'en')).toMatch(/ › Rule 1 › Points per option › option “.+”$/);
  });

  test('names tests by their name, and items that do not exist by their position', () => {
    const venue = venueAccessibility();
    expect(describePointer(venue, '/tests/1/expect/tier', 'zh')).toBe(`测试用例“${venue.tests[1].name}” › 预期 › 档次`);
    expect(describePointer(venue, '/tests/1/expect/tier', 'en')).toBe(`test “${venue.tests[1].name}” › expected › tier`);
    expect(describePointer(venue, '/tiers/9', 'en')).toBe('tier “#10”');
    expect(describePointer(venue, '', 'zh')).toBe('整个文档');
    expect(describePointer(venue, '', 'en')).toBe('Whole document');
  });

  test('unescapes ~1 and ~0 in steps', () => {
    expect(describePointer(doc, '/tests/0/inputs/a~1b~0c', 'en')).toBe(`test “${doc.tests[0].name}” › inputs › a/b~c`);
  });
});
