/**
 * The UI's message catalogue: every message in both languages, each key in one part only, the
 * same `{placeholders}` in Chinese and English, and the glossary's terms where the catalogue names
 * them, so no screen can show a word only in one language or a term the exports do not use.
 */
import { describe, expect, test } from 'vitest';
import { GLOSSARY } from '../../engine/glossary.ts';
import { message } from '../../builder-ui/src/i18n/message.ts';
import { MESSAGE_PARTS, MESSAGES } from '../../builder-ui/src/i18n/messages/parts.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const entries = Object.entries(MESSAGE_PARTS).flatMap(([part, messages]) => Object.entries(messages).map(([key, text]) => ({ part, key, text: text as { zh: string; en: string } })));

describe('the message catalogue', () => {
  test('every entry has a non-empty Chinese and English text', () => {
    const empty = entries.filter(({ text }) => !text.zh?.trim() || !text.en?.trim()).map(({ part, key }) => `${part}: ${key}`);
    expect(empty).toEqual([]);
  });

  test('keys are unique across the parts (a later part would silently replace an earlier one)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const { part, key } of entries) {
      if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${part}`);
      seen.set(key, part);
    }
    expect(twice).toEqual([]);
    expect(Object.keys(MESSAGES)).toHaveLength(entries.length);
  });

  test('the placeholders of the Chinese and the English text match', () => {
    const mismatched = entries.filter(({ text }) => placeholders(text.zh).join() !== placeholders(text.en).join()).map(({ key, text }) => `${key}: zh {${placeholders(text.zh)}} en {${placeholders(text.en)}}`);
    expect(mismatched).toEqual([]);
  });

  test('Chinese texts use the glossary: 档次 not 类型, 候选 not 修订, 评价 not 评估', () => {
    // 类型 stays right for a kind of thing (输入项类型, 问题类型); as a word for tier it is wrong.
    const misuse = /评估|修订(版本|影响|满分|平均|档次)|(^|[无基准候选最高])类型|类型(变化|转移|迁移)|^类型$/;
    const offending = entries.filter(({ text }) => misuse.test(text.zh)).map(({ key, text }) => `${key}: ${text.zh}`);
    expect(offending).toEqual([]);
    expect(MESSAGES['term.tier'].zh).toBe(GLOSSARY.tier.zh);
    expect(MESSAGES['term.candidate'].zh).toBe(GLOSSARY.candidate.zh);
    expect(MESSAGES['term.assessment'].zh).toBe(GLOSSARY.assessment.zh);
    expect(MESSAGES['term.base'].zh).toBe(GLOSSARY.base.zh);
    expect(MESSAGES['term.version'].zh).toBe(GLOSSARY.version.zh);
  });

  test('English texts hold no Chinese (a text copied into the wrong language)', () => {
    const chinese = entries.filter(({ text }) => /[\u3400-\u9fff]/.test(text.en)).map(({ key, text }) => `${key}: ${text.en}`);
    expect(chinese).toEqual([]);
  });

  test('message fills placeholders and leaves unknown ones visible', () => {
    expect(message('rubrics.newVersion', 'zh', { from: '1.0.0' })).toBe('新版本号（复制自 1.0.0）');
    expect(message('rubrics.newVersion', 'en', { from: '1.0.0' })).toBe('New version (copy of 1.0.0)');
    expect(message('rubrics.newVersion', 'en')).toBe('New version (copy of {from})');
  });
});
