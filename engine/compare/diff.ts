/**
 * Structural diff of two rubric versions: what was added, removed, renamed, moved or changed,
 * matched by id, as data (for the API and UI) and as text (for the CLI). Each change says what it
 * can affect (scores, tiers, requirement findings, or wording only); from that the diff suggests
 * the version step and drafts the changelog the editor then writes.
 */
import { canonicalJson } from '../document/canonical-json.ts';
import { pick } from '../document/localized.ts';
import { indexRubric } from '../document/structure.ts';
import { staleTextWarnings } from '../document/lint.ts';
import { GLOSSARY } from '../glossary.ts';
import { tierBasisOf } from '../scoring/tiers.ts';
import type { Issue, Language, Localized, RubricDocument } from '../types.ts';

export type ChangeTarget = 'rubric' | 'group' | 'indicator' | 'criterion' | 'input' | 'tier' | 'requirement';
export type ChangeKind = 'added' | 'removed' | 'renamed' | 'moved' | 'changed';

/**
 * What a change can affect for an assessment: its score (points, scoring, conditions, inputs,
 * rounding, structure), its tier (tiers, gates), a requirement's finding, or nothing but words.
 */
export type ChangeEffect = 'score' | 'tier' | 'findings' | 'wording';

/** The version step a diff calls for: major when a score or tier can differ, minor for findings, patch for words. */
export type VersionStep = 'major' | 'minor' | 'patch';

export interface RubricChange {
  target: ChangeTarget;
  kind: ChangeKind;
  effect: ChangeEffect;
  id: string;
  title: Localized;
  /** The field that changed (points, scoring, conditions, ...), for kind "changed". */
  field?: string;
  before?: unknown;
  after?: unknown;
}

export interface RubricDiff {
  from: { id: string; version: string };
  to: { id: string; version: string };
  changes: RubricChange[];
  /** Changes by effect. */
  effects: Record<ChangeEffect, number>;
  /** null when nothing changed. */
  suggestedStep: VersionStep | null;
  /** The version `from` takes that step to, e.g. 1.0.0 → 2.0.0; null when nothing changed or `from` is not x.y.z. */
  suggestedVersion: string | null;
  /** A changelog drafted from the changes, in both languages, for the editor to rewrite. */
  changelogDraft: Required<Localized>;
  /** Text in `to` that still states points it no longer awards (a title saying "2分" after a change to 3). */
  staleText: Issue[];
}

interface Node {
  title: Localized;
  parent: string;
  fields: Record<string, unknown>;
}

export function diffRubrics(a: RubricDocument, b: RubricDocument): RubricDiff {
  const changes: RubricChange[] = [];
  const metaFields = ['title', 'rounding', 'effectiveDate', 'status'] as const;
  for (const field of metaFields) {
    if (canonicalJson(a[field]) !== canonicalJson(b[field])) {
      changes.push({ target: 'rubric', kind: 'changed', effect: field === 'rounding' ? 'score' : 'wording', id: b.id, title: b.title, field, before: a[field], after: b[field] });
    }
  }
  // By the basis each document is read by: a rubric/1 version and its rubric/2 copy by ratio do not differ.
  const basis = { before: tierBasisOf(a), after: tierBasisOf(b) };
  if (basis.before !== basis.after) changes.push({ target: 'rubric', kind: 'changed', effect: 'tier', id: b.id, title: b.title, field: 'tierBasis', ...basis });
  compare('group', nodesOf(a).groups, nodesOf(b).groups, changes);
  compare('indicator', nodesOf(a).indicators, nodesOf(b).indicators, changes);
  compare('criterion', nodesOf(a).criteria, nodesOf(b).criteria, changes);
  const inputs = (doc: RubricDocument): Map<string, Node> =>
    new Map(doc.inputs.map(({ id, label, ...fields }) => [id, { title: label, parent: '', fields }]));
  compare('input', inputs(a), inputs(b), changes);
  const tiers = (doc: RubricDocument): Map<string, Node> =>
    new Map(doc.tiers.map((t, i) => [t.id, { title: t.label, parent: '', fields: { min: t.min, max: t.max, rank: i } }]));
  compare('tier', tiers(a), tiers(b), changes);
  const requirements = (doc: RubricDocument): Map<string, Node> =>
    new Map(doc.requirements.map(({ id, text, ...fields }) => [id, { title: text, parent: '', fields: { ...fields, gate: fields.gate ?? null } }]));
  compare('requirement', requirements(a), requirements(b), changes);
  const effects: Record<ChangeEffect, number> = { score: 0, tier: 0, findings: 0, wording: 0 };
  for (const change of changes) effects[change.effect] += 1;
  const suggestedStep: VersionStep | null = effects.score + effects.tier > 0 ? 'major' : effects.findings > 0 ? 'minor' : effects.wording > 0 ? 'patch' : null;
  const from = { id: a.id, version: a.version };
  const to = { id: b.id, version: b.version };
  return { from, to, changes, effects, suggestedStep, suggestedVersion: suggestedStep && nextVersion(a.version, suggestedStep), changelogDraft: changelogDraft(changes), staleText: staleTextOf(b) };
}

/** The stale-text warnings of a document; none for a draft too broken to index yet (the editor shows its errors). */
function staleTextOf(doc: RubricDocument): Issue[] {
  try {
    return staleTextWarnings(indexRubric(doc));
  } catch {
    return [];
  }
}

/** x.y.z after a step; null for a version not of that form. */
function nextVersion(version: string, step: VersionStep): string | null {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) return null;
  const [major, minor, patch] = match.slice(1).map(Number);
  return step === 'major' ? `${major + 1}.0.0` : step === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

const EFFECT_HEADINGS: Record<ChangeEffect, Required<Localized>> = {
  score: { zh: '影响得分', en: 'Changes scores' },
  tier: { zh: '影响档次', en: 'Changes tiers' },
  findings: { zh: '影响基本要求结论', en: 'Changes requirement findings' },
  wording: { zh: '仅文字', en: 'Wording only' },
};

/** The changes as a changelog, grouped by effect, one line each (formatDiff's words). */
function changelogDraft(changes: RubricChange[]): Required<Localized> {
  const draft = (lang: Language): string =>
    (['tier', 'score', 'findings', 'wording'] as const)
      .map((effect) => {
        // The status always differs between a published version and its draft: not news for readers.
        const lines = changes.filter((c) => c.effect === effect && c.field !== 'status').map((c) => `- ${changeLine(c, lang)}`);
        return lines.length ? `${EFFECT_HEADINGS[effect][lang]}${lang === 'zh' ? '：' : ':'}\n${lines.join('\n')}` : '';
      })
      .filter(Boolean)
      .join('\n');
  return { zh: draft('zh'), en: draft('en') };
}

function nodesOf(doc: RubricDocument): { groups: Map<string, Node>; indicators: Map<string, Node>; criteria: Map<string, Node> } {
  const index = indexRubric(doc);
  return {
    groups: new Map(index.groups.map(({ group, parent }) => [group.id, { title: group.title, parent: parent ?? '', fields: { points: group.points, cap: group.cap ?? false, weight: group.weight ?? null } }])),
    indicators: new Map(
      index.indicators.map(({ indicator, group }) => [indicator.id, { title: indicator.title, parent: group, fields: { points: indicator.points, cap: indicator.cap ?? false, clause: indicator.clause } }]),
    ),
    criteria: new Map(
      index.criteria.map(({ criterion, indicator }) => [
        criterion.id,
        {
          title: criterion.title,
          parent: indicator.id,
          fields: {
            points: criterion.points,
            cap: criterion.cap ?? false,
            parent: criterion.parent ?? null,
            notApplicable: criterion.notApplicable?.allowed ?? false,
            scoring: criterion.rules.map((r) => r.event.params),
            conditions: criterion.rules.map((r) => r.conditions),
          },
        },
      ]),
    ),
  };
}

function compare(target: ChangeTarget, before: Map<string, Node>, after: Map<string, Node>, changes: RubricChange[]): void {
  for (const [id, node] of before) if (!after.has(id)) changes.push({ target, kind: 'removed', effect: presenceEffect(target, node), id, title: node.title });
  for (const [id, node] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({ target, kind: 'added', effect: presenceEffect(target, node), id, title: node.title, after: node.fields });
      continue;
    }
    if (canonicalJson(old.title) !== canonicalJson(node.title)) changes.push({ target, kind: 'renamed', effect: 'wording', id, title: node.title, before: old.title, after: node.title });
    if (old.parent !== node.parent) changes.push({ target, kind: 'moved', effect: 'score', id, title: node.title, before: old.parent, after: node.parent });
    for (const field of new Set([...Object.keys(old.fields), ...Object.keys(node.fields)])) {
      const [was, is] = [old.fields[field], node.fields[field]];
      if (canonicalJson(was ?? null) !== canonicalJson(is ?? null)) {
        changes.push({ target, kind: 'changed', effect: fieldEffect(target, field, was, is, node), id, title: node.title, field, before: was, after: is });
      }
    }
  }
}

/** What adding or removing a node can affect. */
function presenceEffect(target: ChangeTarget, node: Node): ChangeEffect {
  if (target === 'tier') return 'tier';
  if (target === 'requirement') return node.fields.gate ? 'tier' : 'findings';
  return 'score';
}

// Fields that only say something: their changes cannot move a score, a tier or a finding.
const WORDING_FIELDS = new Set(['clause', 'help', 'unit', 'itemLabels', 'reading', 'description']);

/** What a changed field can affect. */
function fieldEffect(target: ChangeTarget, field: string, before: unknown, after: unknown, node: Node): ChangeEffect {
  if (WORDING_FIELDS.has(field)) return 'wording';
  if (target === 'tier') return 'tier';
  if (target === 'requirement') return field === 'gate' || node.fields.gate ? 'tier' : 'findings';
  // Options relabelled keep their values: a wording change; new, removed or reordered values are not.
  if (target === 'input' && field === 'options') {
    const values = (options: unknown): string => canonicalJson(Array.isArray(options) ? options.map((o) => (o as { value: string }).value) : null);
    return values(before) === values(after) ? 'wording' : 'score';
  }
  return 'score';
}

/** One line per change, in the rubric's language. */
export function formatDiff(diff: RubricDiff, lang: Language): string {
  const zh = lang === 'zh';
  const lines = [`${diff.from.id} ${diff.from.version} → ${diff.to.id} ${diff.to.version}: ${diff.changes.length} ${zh ? '处变更' : 'changes'}`];
  if (diff.suggestedStep) {
    const step = zh ? { major: '主版本', minor: '次版本', patch: '修订号' }[diff.suggestedStep] : `a ${diff.suggestedStep} version`;
    lines.push(zh ? `  建议升${step}${diff.suggestedVersion ? `：${diff.suggestedVersion}` : ''}` : `  suggests ${step}${diff.suggestedVersion ? `: ${diff.suggestedVersion}` : ''}`);
  }
  for (const c of diff.changes) lines.push(`  [${EFFECT_HEADINGS[c.effect][lang]}] ${changeLine(c, lang)}`);
  for (const w of diff.staleText) lines.push(`  [${lang === 'zh' ? '文字未随分值更新' : 'Stale text'}] ${w.path}: ${pick(w.text, lang) || w.message}`);
  return lines.join('\n');
}

const KIND_WORDS: Record<ChangeKind, Required<Localized>> = {
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  renamed: { zh: '改名', en: 'renamed' },
  moved: { zh: '移动', en: 'moved' },
  changed: { zh: '修改', en: 'changed' },
};

const TARGET_WORDS: Record<ChangeTarget, Required<Localized>> = {
  rubric: GLOSSARY.rubric,
  group: { zh: '分组', en: 'group' },
  indicator: GLOSSARY.indicator,
  criterion: GLOSSARY.criterion,
  input: GLOSSARY.input,
  tier: GLOSSARY.tier,
  requirement: GLOSSARY.requirement,
};

/** The compared fields in words; one not listed is shown by its name. */
const FIELD_WORDS: Record<string, Required<Localized>> = {
  title: { zh: '标题', en: 'title' },
  rounding: { zh: '取整规则', en: 'rounding' },
  effectiveDate: { zh: '生效日期', en: 'effective date' },
  status: { zh: '状态', en: 'status' },
  tierBasis: { zh: '档次依据（得分率 ratio / 分数 points）', en: 'tier basis (ratio / points)' },
  points: { zh: '分值', en: 'points' },
  cap: { zh: '封顶', en: 'cap' },
  weight: { zh: '权重', en: 'weight' },
  clause: { zh: '条款', en: 'clause' },
  parent: { zh: '所属评分项', en: 'parent criterion' },
  notApplicable: { zh: '可不适用', en: 'may be not applicable' },
  scoring: { zh: '计分方式', en: 'scoring' },
  conditions: { zh: '得分条件', en: 'conditions' },
  type: { zh: '类型', en: 'type' },
  options: { zh: '选项', en: 'options' },
  unit: { zh: '单位', en: 'unit' },
  minimum: { zh: '最小值', en: 'minimum' },
  maximum: { zh: '最大值', en: 'maximum' },
  help: { zh: '填写说明', en: 'help' },
  min: { zh: '下限', en: 'lower bound' },
  max: { zh: '上限', en: 'upper bound' },
  rank: { zh: '排序', en: 'order' },
  modality: { zh: '要求程度', en: 'modality' },
  gate: { zh: GLOSSARY.gate.zh, en: 'gate' },
};

/**
 * One change in words: "修改 评分项 i18.1 满意度：分值 25 → 23" / "changed criterion i18.1 …:
 * points 25 → 23". Plain values are shown; a structure (a scoring, conditions, options) is named,
 * not dumped as JSON: the change table and the builder show it in full.
 */
function changeLine(c: RubricChange, lang: Language): string {
  const zh = lang === 'zh';
  const plain = (value: unknown): value is string | number | boolean | null => value === null || ['string', 'number', 'boolean'].includes(typeof value);
  const show = (value: unknown): string => (value === undefined || value === null ? '—' : typeof value === 'boolean' ? (zh ? (value ? '是' : '否') : value ? 'yes' : 'no') : String(value));
  const head = `${KIND_WORDS[c.kind][lang]} ${TARGET_WORDS[c.target][lang]} ${c.id} ${pick(c.title, lang)}`;
  const colon = zh ? '：' : ': ';
  if (c.kind === 'changed') {
    const field = c.field === undefined ? '' : (FIELD_WORDS[c.field]?.[lang] ?? c.field);
    if (plain(c.before) && plain(c.after)) return `${head}${colon}${field} ${show(c.before)} → ${show(c.after)}`;
    if (c.field === 'title') return `${head}${colon}${field} ${pick(c.before as Localized, lang)} → ${pick(c.after as Localized, lang)}`;
    return `${head}${colon}${field}${zh ? '已修改' : ' changed'}`;
  }
  if (c.kind === 'renamed') return `${head}${colon}${pick(c.before as Localized, lang)} → ${pick(c.after as Localized, lang)}`;
  if (c.kind === 'moved') return `${head}${colon}${show(c.before)} → ${show(c.after)}`;
  return head;
}
