/**
 * The engine's messages to people, in Chinese and English: every validation error, lint warning,
 * input check and test failure the engine reports takes its words from here (a scoring kind keeps
 * its own in its module, engine/kinds/<kind>.ts, in the same shape). Each message names the field
 * and says how to fix it, in both languages; the English text is also an issue's `message`.
 *
 * Chinese terms, used throughout: 评分细则 rubric, 版本 version, 评价 assessment, 分组 group,
 * 指标 indicator, 评分项 criterion, 输入项 input, 要求 requirement, 门槛 gate, 档次 tier,
 * 解读 reading, 测试用例 test, 得分率 ratio, 阈值 threshold (of a step).
 *
 * Browser-safe: no `node:` modules (the builder shows these messages).
 */
import type { SubjectAttribute } from '../deployment.ts';
import type { Localized } from '../types.ts';
import { BASIC_MESSAGES } from './messages-basic.ts';

/** A message in both languages. */
export type MessageText = Required<Localized>;

/** The lists whose ids must be unique. */
export type IdList = 'node' | 'input' | 'tier' | 'requirement' | 'reading' | 'test';

const ID_LISTS: Record<IdList, MessageText> = {
  node: { en: 'group, indicator and criterion', zh: '分组、指标和评分项' },
  input: { en: 'input', zh: '输入项' },
  tier: { en: 'tier', zh: '档次' },
  requirement: { en: 'requirement', zh: '要求' },
  reading: { en: 'reading', zh: '解读' },
  test: { en: 'test', zh: '测试用例' },
};

/** What a node's declared points are compared with: its rules, its criteria or its children. */
export type PointsSource = 'rules' | 'criteria' | 'children';

const POINTS_SOURCES: Record<PointsSource, MessageText> = {
  rules: { en: 'its rules can award at most', zh: '其规则最多可得' },
  criteria: { en: 'its criteria add up to', zh: '其评分项合计' },
  children: { en: 'its children add up to', zh: '其下级合计' },
};

/** Where a stale number was found: a criterion's own text, or the help of an input criteria read. */
export type StaleTextOwner = { criterion: string } | { input: string };

/** JSON Schema types in Chinese, for the meta-schema's type errors. */
export const TYPES_ZH: Record<string, string> = { object: '对象', array: '数组', string: '文本', number: '数值', integer: '整数', boolean: '布尔值', null: 'null' };

/** ajv's comparisons in Chinese (minimum, maximum, exclusiveMinimum, exclusiveMaximum). */
export const COMPARISONS_ZH: Record<string, string> = { '>=': '不小于', '>': '大于', '<=': '不大于', '<': '小于' };

/** ajv's count keywords in Chinese: what is counted and whether the limit is a least or a most. */
export const COUNTS_ZH: Record<string, [string, string]> = {
  minItems: ['至少', '项'],
  maxItems: ['至多', '项'],
  minLength: ['至少', '个字符'],
  maxLength: ['至多', '个字符'],
  minProperties: ['至少', '个属性'],
  maxProperties: ['至多', '个属性'],
};

/**
 * The meta-schema's descriptions of patterned fields, in Chinese. Keyed by the English description:
 * released meta-schemas never change (rubric-schemas/), so neither do these keys.
 */
const PATTERN_HINTS_ZH: Record<string, string> = {
  'Semantic version, e.g. 1.0.0 or 1.1.0-rc.1': '语义化版本号，如 1.0.0 或 1.1.0-rc.1',
  'Last day this version is in force (optional; open-ended without it).': '本版本有效的最后一天（YYYY-MM-DD；可不填，不填则长期有效）',
  'lower-case letters, digits and hyphens': '小写字母、数字和连字符',
  'a plain key: a letter, then letters, digits or underscores': '普通键名：以字母开头，后接字母、数字或下划线',
  'plain dotted keys such as $.a.b; JSONPath filters and wildcards are not allowed': '以点分隔的普通键名，如 $.a.b；不允许使用 JSONPath 过滤表达式和通配符',
  'a letter, then up to 39 letters, digits, hyphens or underscores': '以字母开头，后接至多 39 个字母、数字、连字符或下划线',
};

/** A JSON pointer's last segment as a field name; the whole document when the pointer is "". */
function fieldName(field: string | null): MessageText {
  return field ? { en: field, zh: field } : { en: 'the document', zh: '文档' };
}

/** The meta-schema's note on a field, after an ajv message: "(…)" / "（说明：…）". */
function schemaHint(hint: string | undefined): MessageText {
  if (!hint) return { en: '', zh: '' };
  return { en: ` (${hint})`, zh: `（说明：${PATTERN_HINTS_ZH[hint] ?? hint}）` };
}

/** " from 0 to 10" / "，取值 0 至 10" and the like: the bounds of an expected value. */
function valueRange(lo: number | undefined, hi: number | undefined): MessageText {
  if (lo !== undefined && hi !== undefined) return { en: ` from ${lo} to ${hi}`, zh: `，取值 ${lo} 至 ${hi}` };
  if (lo !== undefined) return { en: ` of at least ${lo}`, zh: `，不小于 ${lo}` };
  if (hi !== undefined) return { en: ` of at most ${hi}`, zh: `，不大于 ${hi}` };
  return { en: '', zh: '' };
}

/** Every message of the document checks, lint, limits, input checks and test cases. */
export const MESSAGES = {
  ...BASIC_MESSAGES,
  // Structure: ids and input definitions ---------------------------------------------------------
  duplicateId: (list: IdList, id: string, firstAt: string): MessageText => ({
    en: `duplicate ${ID_LISTS[list].en} id "${id}" (first used at ${firstAt}): give each a unique id`,
    zh: `${ID_LISTS[list].zh}的标识 "${id}" 重复（首次使用于 ${firstAt}）：请为每一项设置唯一的标识`,
  }),
  optionsMissing: (type: string): MessageText => ({
    en: `a ${type} input needs "options": list the answers an assessor can choose`,
    zh: `${type} 类型的输入项须有 "options"：请列出评价人员可选择的答案`,
  }),
  optionsNotAllowed: (): MessageText => ({
    en: `only choice and multiChoice inputs take "options": remove it or change "type"`,
    zh: `只有 choice 和 multiChoice 类型的输入项可设 "options"：请删除该字段，或修改 "type"`,
  }),
  optionListedTwice: (value: string): MessageText => ({
    en: `option "${value}" is listed twice: keep one`,
    zh: `选项 "${value}" 重复列出：请只保留一个`,
  }),
  orderedChoiceOnly: (): MessageText => ({
    en: `"ordered" applies to choice inputs only: remove it`,
    zh: `"ordered" 仅适用于 choice 类型的输入项：请删除该字段`,
  }),
  seriesNeedsLength: (): MessageText => ({
    en: 'a series input needs "length" (e.g. 12 for per-month counts)',
    zh: 'series 类型的输入项须有 "length"（如按月计数时填 12）：请补充',
  }),
  lengthSeriesOnly: (): MessageText => ({
    en: `"length" and "itemLabels" apply to series inputs only: remove them`,
    zh: `"length" 和 "itemLabels" 仅适用于 series 类型的输入项：请删除这两个字段`,
  }),
  itemLabelsCount: (labels: number, length: number): MessageText => ({
    en: `${labels} item labels for a series of length ${length}: give exactly ${length}`,
    zh: `序列长度为 ${length}，"itemLabels" 却有 ${labels} 个：请恰好给出 ${length} 个`,
  }),
  boundsNumericOnly: (type: string): MessageText => ({
    en: `bounds apply to numeric inputs only: remove "minimum"/"maximum" from this ${type} input`,
    zh: `取值范围仅适用于数值类输入项：请从此 ${type} 类型的输入项中删除 "minimum"/"maximum"`,
  }),
  maximumBelowMinimum: (maximum: number, minimum: number): MessageText => ({
    en: `maximum ${maximum} is below minimum ${minimum}: swap or correct them`,
    zh: `最大值 ${maximum} 小于最小值 ${minimum}：请对调或更正`,
  }),
  countBoundsWhole: (): MessageText => ({
    en: 'bounds of a count must be whole numbers',
    zh: '计数类输入项的 "minimum"/"maximum" 须为整数',
  }),
  percentageBounds: (): MessageText => ({
    en: 'a percentage lies within 0 and 100: correct the bounds',
    zh: '百分比的取值在 0 至 100 之间：请更正 "minimum"/"maximum"',
  }),

  // References: inputs, options, parents, tiers --------------------------------------------------
  conditionUnknownInput: (fact: string): MessageText => ({
    en: `condition reads "${fact}", which is not an input: add it to "inputs" or correct the name`,
    zh: `条件读取的 "${fact}" 不是输入项：请将其加入 "inputs"，或更正名称`,
  }),
  ruleReadsResult: (fact: string): MessageText => ({
    en: `a rule reads "${fact}", a scored result: rules decide the points, so they read inputs only; put the condition in a requirement, which is judged after scoring`,
    zh: `规则读取了评分结果 "${fact}"：规则决定得分，只能读取输入项；请把此条件放在基本要求中（基本要求在评分之后判断）`,
  }),
  resultOfUnknownNode: (fact: string, node: string): MessageText => ({
    en: `condition reads "${fact}", but no criterion, indicator or group has the id "${node}": use "@total", "@ratio" or "@" and an existing id`,
    zh: `条件读取的 "${fact}" 中，没有 id 为 "${node}" 的评分细则、指标或分组：请使用 "@total"、"@ratio" 或 "@" 加现有 id`,
  }),
  scoringUnknownInput: (input: string): MessageText => ({
    en: `scoring reads input "${input}", which does not exist: add it to "inputs" or correct the name`,
    zh: `计分方式读取的输入项 "${input}" 不存在：请将其加入 "inputs"，或更正名称`,
  }),
  scoringInputType: (kind: string, type: string, input: string, accepted: readonly string[]): MessageText => ({
    en: `a ${kind} scoring cannot read the ${type} input "${input}": use an input of type ${accepted.join(' / ')}`,
    zh: `${kind} 计分方式不能读取 ${type} 类型的输入项 "${input}"：请改用 ${accepted.join(' / ')} 类型的输入项`,
  }),
  notAnOption: (value: string, input: string, options: readonly string[]): MessageText => ({
    en: `"${value}" is not an option of input "${input}" (options: ${options.join(', ')}): correct the value`,
    zh: `"${value}" 不是输入项 "${input}" 的选项（可选：${options.join('、')}）：请更正该值`,
  }),
  parentNotInIndicator: (parent: string, indicator: string): MessageText => ({
    en: `parent "${parent}" is not a criterion of indicator "${indicator}": name a criterion of the same indicator`,
    zh: `"parent" 所指的 "${parent}" 不是指标 "${indicator}" 的评分项：请指定同一指标下的评分项`,
  }),
  parentIsSelf: (): MessageText => ({
    en: 'a criterion cannot be its own parent: remove "parent"',
    zh: '评分项不能以自身为 "parent"：请删除 "parent"',
  }),
  parentIsBonus: (parent: string): MessageText => ({
    en: `parent "${parent}" is itself a bonus: name the criterion it depends on instead`,
    zh: `"parent" 所指的 "${parent}" 本身是加分项：请改为指定它所依附的评分项`,
  }),
  unknownTier: (tier: string, tiers: readonly string[]): MessageText => ({
    en: `tier "${tier}" does not exist (tiers: ${tiers.join(', ')})`,
    zh: `档次 "${tier}" 不存在：请改用现有档次之一（${tiers.join('、')}）`,
  }),

  // Points: what a node declares and what its children can award ----------------------------------
  unboundedRule: (): MessageText => ({
    en: 'this rule can award without limit: give its inputs a "maximum" or the scoring a "cap"',
    zh: '此规则的得分没有上限：请为其输入项设 "maximum"，或为计分方式设 "cap"',
  }),
  capUnreachable: (declared: number, source: PointsSource, reachable: string): MessageText => ({
    en: `cap ${declared} can never be reached: ${POINTS_SOURCES[source].en} ${reachable}; lower "points" to ${reachable} or remove "cap"`,
    zh: `上限 ${declared} 分永远无法达到：${POINTS_SOURCES[source].zh} ${reachable} 分；请将 "points" 降为 ${reachable}，或删除 "cap"`,
  }),
  weightMissing: (group: string, weighted: string[]): MessageText => ({
    en: `group "${group}" has no weight while its siblings ${weighted.map((g) => `"${g}"`).join(', ')} have one: it counts its raw points beside their weights; give it a "weight" too, or remove theirs`,
    zh: `分组 "${group}" 没有权重，而同级的 ${weighted.map((g) => `"${g}"`).join('、')} 有：它按原始分值计入，与其他分组的权重并列；请也为它设 "weight"，或删除其他分组的权重`,
  }),
  subGroupsMismatch: (declared: number, reachable: string): MessageText => ({
    en: `declares ${declared} points but its sub-groups are worth ${reachable} (their weights, or their points where they have none): set "points" to ${reachable}, or change the sub-groups' "weight" so that they add up to ${declared} (rubric/2; "cap": true would cut the sum, not rescale it)`,
    zh: `声明 ${declared} 分，但其下级分组合计 ${reachable} 分（有权重的按权重，否则按分值）：请将 "points" 设为 ${reachable}，或调整下级分组的 "weight" 使其合计 ${declared}（rubric/2；"cap": true 只会截断合计，不会按比例折算）`,
  }),
  pointsMismatch: (declared: number, source: PointsSource, reachable: string): MessageText => ({
    en: `declares ${declared} points but ${POINTS_SOURCES[source].en} ${reachable}: set "points" to ${reachable}, or add "cap": true if ${declared} is a cap`,
    zh: `声明 ${declared} 分，但${POINTS_SOURCES[source].zh} ${reachable} 分：请将 "points" 设为 ${reachable}；若 ${declared} 分是上限，请加上 "cap": true`,
  }),

  // Dates ----------------------------------------------------------------------------------------
  notACalendarDay: (day: string): MessageText => ({
    en: `${day} is not a day of the calendar: give a real date (YYYY-MM-DD)`,
    zh: `${day} 不是日历上存在的日期：请填写真实日期（YYYY-MM-DD）`,
  }),
  endsBeforeStart: (until: string, start: string): MessageText => ({
    en: `the version would end (${until}) before it starts (${start}): set effectiveUntil on or after effectiveDate, or remove it`,
    zh: `版本的失效日期（${until}）早于生效日期（${start}）：请将 effectiveUntil 设为不早于 effectiveDate 的日期，或删除该字段`,
  }),

  // Readings and embedded tests: the ids they name -------------------------------------------------
  readingUnknownTarget: (id: string): MessageText => ({
    en: `"${id}" is not a group, indicator, criterion, requirement, input or tier of this rubric`,
    zh: `"${id}" 不是本评分细则的分组、指标、评分项、要求、输入项或档次：请更正 "appliesTo"`,
  }),
  testUnknownInput: (id: string): MessageText => ({
    en: `"${id}" is not an input of this rubric: remove it or correct the name`,
    zh: `"${id}" 不是本评分细则的输入项：请删除或更正名称`,
  }),
  testNotApplicable: (id: string): MessageText => ({
    en: `"${id}" is not a criterion that may be marked not applicable`,
    zh: `"${id}" 不是允许标为不适用的评分项：请从 "notApplicable" 中删除`,
  }),
  testUnknownIndicator: (id: string): MessageText => ({
    en: `"${id}" is not an indicator of this rubric`,
    zh: `"${id}" 不是本评分细则的指标：请删除或更正标识`,
  }),
  testUnknownRequirement: (id: string): MessageText => ({
    en: `"${id}" is not a requirement of this rubric`,
    zh: `"${id}" 不是本评分细则的要求：请删除或更正标识`,
  }),

  // Input mapping from the previous version --------------------------------------------------------
  renamedNotAnInput: (to: string, from: string): MessageText => ({
    en: `"${to}" is not an input of this version (the key is the new name, the value the old one "${from}")`,
    zh: `"${to}" 不是本版本的输入项（键为新名称，值为旧名称 "${from}"）：请更正键名`,
  }),
  combinedNotAnInput: (to: string): MessageText => ({
    en: `"${to}" is not an input of this version (the key is the new input, "from" the old inputs merged into it)`,
    zh: `"${to}" 不是本版本的输入项（键为新输入项，"from" 为合并到其中的旧输入项）：请更正键名`,
  }),
  renamedAndCombined: (to: string): MessageText => ({
    en: `"${to}" is also in inputMapping.renamed: a value comes from one place, so keep either the rename or the merge`,
    zh: `"${to}" 也出现在 inputMapping.renamed 中：一个值只能有一个来源，请在重命名与合并中保留其一`,
  }),
  combinationCannotGive: (by: string, type: string, fitting: readonly string[], mergeable: readonly string[]): MessageText => ({
    en: `"${by}" cannot give a ${type} input: ${fitting.length ? `use ${fitting.join(' or ')}` : `merge only into ${mergeable.join(', ')} inputs`}`,
    zh: `"${by}" 不能得出 ${type} 类型的输入项：${fitting.length ? `请改用 ${fitting.join(' 或 ')}` : `只能合并为 ${mergeable.join('、')} 类型的输入项`}`,
  }),
  defaultsNotAnInput: (id: string): MessageText => ({
    en: `"${id}" is not an input of this version`,
    zh: `"${id}" 不是本版本的输入项：请从 "defaults" 中删除或更正名称`,
  }),

  // Lint -----------------------------------------------------------------------------------------
  impossibleCondition: (fact: string, operator: string, value: number, lowest: number | undefined, highest: number | undefined): MessageText => ({
    en: `"${fact}" ${operator} ${value} is impossible within its bounds ${lowest ?? '−∞'}..${highest ?? '∞'}`,
    zh: `"${fact}" ${operator} ${value} 在其取值范围 ${lowest ?? '−∞'}..${highest ?? '∞'} 内不可能成立`,
  }),
  unreachablePoints: (why: MessageText): MessageText => ({
    en: `points no input can reach: ${why.en}; correct the condition or the input's bounds`,
    zh: `任何输入都无法得到此分值：${why.zh}；请更正条件或输入项的取值范围`,
  }),
  tierUnreachable: (tier: MessageText, lowest: string, highest: string, max: string): MessageText => ({
    en: `no assessment can end in the tier "${tier.en}": totals run from ${lowest} to ${highest} of ${max}, and no gate caps at it; correct its bounds or the points`,
    zh: `没有评价能落入档次“${tier.zh}”：总分可在 ${lowest} 至 ${highest}（满分 ${max}）之间，也没有门槛把档次限定于它；请更正其界限或分值`,
  }),
  boundRoundedAbove: (tier: MessageText, bound: string, total: string, max: string, fraction: string): MessageText => ({
    en: `the bound ${bound} of "${tier.en}" looks like ${total}/${max} rounded up: a total of ${total} is ${fraction}…, below it only past the decimals written, so it stays one tier down; write the bound in full, or set tierBasis to "points" and write ${total}`,
    zh: `档次“${tier.zh}”的下限 ${bound} 像是 ${total}/${max} 向上取整所得：总分 ${total} 为 ${fraction}…，只在未写出的小数位上低于下限，因而落在低一档；请写出完整的下限，或将 tierBasis 设为 "points" 并写 ${total}`,
  }),
  gateNeverBites: (clause: string, cap: MessageText, highest: MessageText): MessageText => ({
    en: `the gate of requirement ${clause} can never lower a tier: it caps at "${cap.en}", and the highest tier any score reaches is "${highest.en}"; cap at a lower tier or remove the gate`,
    zh: `要求 ${clause} 的门槛永远不会降低档次：它限定至“${cap.zh}”，而任何得分最高只能达到“${highest.zh}”；请限定至更低的档次或删除门槛`,
  }),
  requirementNeverMet: (clause: string, why: MessageText): MessageText => ({
    en: `requirement ${clause} can never be met: ${why.en}`,
    zh: `要求 ${clause} 永远无法满足：${why.zh}；请更正条件或输入项的取值范围`,
  }),
  nothingDoneEarnsMore: (label: MessageText, value: MessageText, nothing: string, done: string, rule: number): MessageText => ({
    en: `"nothing done" (${label.en} = ${value.en}) earns ${nothing}, more than the ${done} that doing it partly can earn under rule ${rule}: probably meant ${done}`,
    zh: `"未做"（${label.zh} = ${value.zh}）得 ${nothing} 分，多于按规则 ${rule} 部分完成可得的 ${done} 分：可能应为 ${done} 分`,
  }),
  staleText: (stated: string, quoted: string, owner: StaleTextOwner, amounts: readonly number[]): MessageText => ({
    en: `the text states ${stated} points ("${quoted}"), but ${'criterion' in owner ? `criterion ${owner.criterion}` : `the criteria reading "${owner.input}"`} award or mention none: their points and amounts are ${amounts.join(', ')}; update the text`,
    zh: `文字写明 ${stated} 分（"${quoted}"），但${'criterion' in owner ? `评分项 ${owner.criterion}` : `读取 "${owner.input}" 的评分项`}既不给出也未提及该分值：其分值和数额为 ${amounts.join('、')}；请更新文字`,
  }),


  // Limits (checked before anything is compiled) ---------------------------------------------------
  notJson: (reason: string): MessageText => ({
    en: `The rubric document is not valid JSON: ${reason}`,
    zh: `评分细则文档不是有效的 JSON：${reason}`,
  }),
  fixJsonSyntax: (): MessageText => ({
    en: 'fix the JSON syntax',
    zh: '请修正 JSON 语法',
  }),
  tooManyValues: (limit: number): MessageText => ({
    en: `The rubric document has more than ${limit} values.`,
    zh: `评分细则文档的值超过 ${limit} 个。`,
  }),
  keepValuesUnder: (limit: number): MessageText => ({
    en: `keep it under ${limit} values`,
    zh: `请将值的个数控制在 ${limit} 个以内`,
  }),
  tooDeep: (limit: number): MessageText => ({
    en: `The rubric document nests deeper than ${limit} levels.`,
    zh: `评分细则文档的嵌套超过 ${limit} 层。`,
  }),
  flattenNesting: (depth: number, limit: number): MessageText => ({
    en: `nesting reaches level ${depth} here; flatten it to at most ${limit}`,
    zh: `此处嵌套达到第 ${depth} 层：请减少嵌套，至多 ${limit} 层`,
  }),
  tooLarge: (bytes: number, limit: number): MessageText => ({
    en: `The rubric document is ${bytes} bytes; the limit is ${limit}.`,
    zh: `评分细则文档大小为 ${bytes} 字节，上限为 ${limit} 字节。`,
  }),
  reduceSize: (limit: number): MessageText => ({
    en: `reduce it below ${limit} bytes`,
    zh: `请将其缩减到 ${limit} 字节以下`,
  }),
  rubricInvalid: (errors: number): MessageText => ({
    en: `The rubric document has ${errors} error${errors > 1 ? 's' : ''}.`,
    zh: `评分细则文档有 ${errors} 处错误。`,
  }),

  // The meta-schema (ajv's errors, by keyword) -----------------------------------------------------
  rubric1BoundAboveOne: (value: number): MessageText => ({
    en: `tiers of a rubric/1 document are by ratio: bounds run 0 to 1; ${value} looks like points: divide it by the maximum total, or write the document as rubric/2 with "tierBasis": "points" (npx rubric migrate gives the rubric/2 document)`,
    zh: `rubric/1 文档的档次按得分率划分：界限取 0 至 1；${value} 看来是分数：请除以满分，或将文档改为 rubric/2 格式并设 "tierBasis": "points"（npx rubric migrate 可生成 rubric/2 文档）`,
  }),
  rubric1ReadsResult: (fact: string): MessageText => ({
    en: `"${fact}" is a scored result, which requirements read in format rubric/2 only: write the document as rubric/2 (npx rubric migrate gives it), or read an input here`,
    zh: `"${fact}" 是评分结果，仅 rubric/2 格式的基本要求可以读取：请将文档改为 rubric/2 格式（npx rubric migrate 可生成），或在此读取输入项`,
  }),
  schemaRequired: (property: string): MessageText => ({
    en: `missing property "${property}": add it`,
    zh: `缺少属性 "${property}"：请补充`,
  }),
  schemaUnknownProperty: (property: string, allowed: readonly string[]): MessageText => ({
    en: `unknown property "${property}": remove it or check its spelling${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
    zh: `未知属性 "${property}"：请删除或检查拼写${allowed.length ? `（允许的属性：${allowed.join('、')}）` : ''}`,
  }),
  schemaEnum: (field: string | null, allowed: readonly unknown[]): MessageText => ({
    en: `"${fieldName(field).en}" must be one of: ${allowed.join(', ')}`,
    zh: `"${fieldName(field).zh}" 须为以下之一：${allowed.join('、')}`,
  }),
  schemaConst: (field: string | null, allowed: unknown): MessageText => ({
    en: `"${fieldName(field).en}" must be ${JSON.stringify(allowed)}`,
    zh: `"${fieldName(field).zh}" 须为 ${JSON.stringify(allowed)}`,
  }),
  schemaType: (field: string | null, type: string): MessageText => ({
    en: `"${fieldName(field).en}" must be of type ${type}`,
    zh: `"${fieldName(field).zh}" 须为${type
      .split(',')
      .map((t) => TYPES_ZH[t] ?? t)
      .join('或')}（${type}）`,
  }),
  schemaPattern: (field: string | null, value: string, hint: string | undefined, pattern: string): MessageText => ({
    en: `"${fieldName(field).en}" value ${value} is not allowed: use ${hint ?? `text matching ${pattern}`}`,
    zh: `"${fieldName(field).zh}" 的值 ${value} 不符合要求：请使用${(hint && PATTERN_HINTS_ZH[hint]) ?? `与 ${pattern} 相符的文本`}`,
  }),
  schemaComparison: (field: string | null, comparison: string, limit: number, ajvText: string, hint?: string): MessageText => ({
    en: `"${fieldName(field).en}" ${ajvText}${schemaHint(hint).en}`,
    zh: `"${fieldName(field).zh}" 须${COMPARISONS_ZH[comparison] ?? comparison} ${limit}${schemaHint(hint).zh}`,
  }),
  schemaCount: (field: string | null, keyword: string, limit: number, ajvText: string, hint?: string): MessageText => ({
    en: `"${fieldName(field).en}" ${ajvText}${schemaHint(hint).en}`,
    zh: `"${fieldName(field).zh}" 须${COUNTS_ZH[keyword]?.[0] ?? ''}有 ${limit} ${COUNTS_ZH[keyword]?.[1] ?? ''}${schemaHint(hint).zh}`,
  }),
  schemaUniqueItems: (field: string | null, first: number, second: number, ajvText: string, hint?: string): MessageText => ({
    en: `"${fieldName(field).en}" ${ajvText}${schemaHint(hint).en}`,
    zh: `"${fieldName(field).zh}" 的第 ${first + 1} 项与第 ${second + 1} 项相同：请删除重复项${schemaHint(hint).zh}`,
  }),
  schemaOther: (field: string | null, ajvText: string, hint?: string): MessageText => ({
    en: `"${fieldName(field).en}" ${ajvText}${schemaHint(hint).en}`,
    zh: `"${fieldName(field).zh}" 不符合评分细则格式的要求：请对照 rubric-schemas/ 中的元模式更正${schemaHint(hint).zh}`,
  }),

  // Assessment inputs ----------------------------------------------------------------------------
  noInputsObject: (): MessageText => ({
    en: 'The assessment has no "inputs" object.',
    zh: '评价缺少 "inputs" 对象。',
  }),
  sendInputsObject: (): MessageText => ({
    en: 'send "inputs" as an object of input id → value',
    zh: '请以"输入项标识 → 值"的对象形式提交 "inputs"',
  }),
  inputsInvalid: (count: number): MessageText => ({
    en: `${count} input${count > 1 ? 's are' : ' is'} invalid: nothing was scored.`,
    zh: `${count} 个输入项的值无效：未评分。`,
  }),
  inputsMissing: (count: number): MessageText => ({
    en: `${count} required input${count > 1 ? 's are' : ' is'} missing.`,
    zh: `缺少 ${count} 个必填输入项。`,
  }),
  inputRequired: (label: MessageText, expected: MessageText): MessageText => ({
    en: `${label.en}: required, expected ${expected.en}`,
    zh: `${label.zh}：必填，应填${expected.zh}`,
  }),
  inputValueWrong: (label: MessageText, expected: MessageText, got: MessageText): MessageText => ({
    en: `${label.en}: expected ${expected.en}, got ${got.en}`,
    zh: `${label.zh}：应填${expected.zh}；实际为 ${got.zh}`,
  }),
  // A long submitted value, cut short where a message quotes it.
  shortenedValue: (start: string, length: number): MessageText => ({
    en: `${start}… (${length} characters)`,
    zh: `${start}…（共 ${length} 个字符）`,
  }),
  notAnInputOfRubric: (id: string, rubric: string, version: string): MessageText => ({
    en: `"${id}" is not an input of rubric ${rubric} ${version}: remove it or check its spelling`,
    zh: `"${id}" 不是评分细则 ${rubric} ${version} 的输入项：请删除或检查拼写`,
  }),
  sendNotApplicableObject: (): MessageText => ({
    en: 'send "notApplicable" as an object of criterion id → reason',
    zh: '请以"评分项标识 → 理由"的对象形式提交 "notApplicable"',
  }),
  notApplicableNotAllowed: (id: string): MessageText => ({
    en: `"${id}" is not a criterion that this rubric allows to be marked not applicable`,
    zh: `"${id}" 不是本评分细则允许标为不适用的评分项：请删除该标记`,
  }),
  notApplicableReason: (): MessageText => ({
    en: 'give the reason the criterion does not apply, as text',
    zh: '请以文字说明该评分项不适用的理由',
  }),
  // What a valid value is, inside inputRequired and inputValueWrong.
  expectBoolean: (): MessageText => ({ en: 'true or false', zh: '是或否（true 或 false）' }),
  expectWholeNumber: (lo: number | undefined, hi: number | undefined): MessageText => ({
    en: `a whole number${valueRange(lo, hi).en}`,
    zh: `整数${valueRange(lo, hi).zh}`,
  }),
  expectNumber: (lo: number | undefined, hi: number | undefined): MessageText => ({
    en: `a number${valueRange(lo, hi).en}`,
    zh: `数值${valueRange(lo, hi).zh}`,
  }),
  expectPercentage: (lo: number, hi: number): MessageText => ({
    en: `a percentage${valueRange(lo, hi).en}`,
    zh: `百分比${valueRange(lo, hi).zh}`,
  }),
  expectOneOf: (options: readonly string[]): MessageText => ({
    en: `one of: ${options.join(', ')}`,
    zh: `以下选项之一：${options.join('、')}`,
  }),
  expectListOf: (options: readonly string[]): MessageText => ({
    en: `a list without repeats of: ${options.join(', ')}`,
    zh: `不含重复项的选项列表，选项为：${options.join('、')}`,
  }),
  expectSeries: (length: number | undefined, lo: number, hi: number | undefined): MessageText => ({
    en: `a list of exactly ${length} whole numbers${valueRange(lo, hi).en}`,
    zh: `由 ${length} 个整数组成的列表${valueRange(lo, hi).zh}`,
  }),

  // Embedded test cases --------------------------------------------------------------------------
  expectedTotal: (expected: number, actual: number): MessageText => ({
    en: `expected total ${expected}, got ${actual}`,
    zh: `预期总分 ${expected}，实际为 ${actual}：请更正评分细则或预期值`,
  }),
  expectedTier: (expected: string | null, actual: string | null): MessageText => ({
    en: `expected tier ${expected}, got ${actual}`,
    zh: `预期档次 ${expected}，实际为 ${actual}：请更正评分细则或预期值`,
  }),
  expectedIndicator: (indicator: string, expected: number, actual: number | undefined): MessageText => ({
    en: `expected ${indicator} = ${expected}, got ${actual}`,
    zh: `预期指标 ${indicator} 得 ${expected} 分，实际为 ${actual} 分：请更正评分细则或预期值`,
  }),
  expectedFinding: (requirement: string, expected: string, actual: string | undefined): MessageText => ({
    en: `expected ${requirement} ${expected}, got ${actual}`,
    zh: `预期要求 ${requirement} 的结论为 ${expected}，实际为 ${actual}：请更正评分细则或预期值`,
  }),

  // Deployment profiles (engine/deployment-check.ts) ---------------------------------------------
  profileIdUsedTwice: (id: string): MessageText => ({
    en: `"${id}" is used twice: give each one its own id`,
    zh: `"${id}" 重复使用：请为每一项另取标识`,
  }),
  fieldOfEverySubject: (id: string, fields: readonly string[]): MessageText => ({
    en: `"${id}" is a field every subject has (${fields.join(', ')}): choose another attribute id`,
    zh: `"${id}" 是每个评价对象都有的字段（${fields.join('、')}）：请另选属性标识`,
  }),
  choiceNeedsOptions: (): MessageText => ({
    en: 'a choice attribute needs its options: add "options": [{"id", "label": {"zh", "en"}}, …]',
    zh: '选择型属性须列出选项：请添加 "options": [{"id", "label": {"zh", "en"}}, …]',
  }),
  optionsOnlyForChoice: (): MessageText => ({
    en: 'options belong to a choice attribute: remove them, or set "type": "choice"',
    zh: '只有选择型属性才有选项：请删除选项，或将 "type" 设为 "choice"',
  }),
  notAPeriodKind: (id: string, kinds: readonly string[]): MessageText => ({
    en: `"${id}" is not one of the period kinds (${kinds.join(', ')}): name one of them, or leave defaultPeriodKind out`,
    zh: `"${id}" 不是所列评价期类型（${kinds.join('、')}）之一：请指定其中之一，或删除 defaultPeriodKind`,
  }),

  // Impact filters (by the deployment profile's subject attributes) ------------------------------
  impactFilterInvalid: (path: string, count: number): MessageText => ({
    en: `The impact filter names ${count === 1 ? 'an attribute' : `${count} attributes`} the subjects of this deployment do not have (first at ${path}); nothing was analysed.`,
    zh: `影响分析的筛选条件含有 ${count} 个本部署评价对象没有的属性（首个位于 ${path}），未进行分析。`,
  }),
  notASubjectAttribute: (id: string, attributes: readonly Pick<SubjectAttribute, 'id' | 'label'>[]): MessageText => ({
    en: `"${id}" is not an attribute of the subjects: filter by ${attributes.length === 0 ? 'period or tier only (the deployment profile declares no attributes)' : `one of ${attributes.map((a) => `${a.id} (${a.label.en})`).join(', ')}`}`,
    zh: `"${id}" 不是评价对象的属性：${attributes.length === 0 ? '部署配置未声明属性，只能按评价期或档次筛选' : `请按以下属性之一筛选：${attributes.map((a) => `${a.id}（${a.label.zh}）`).join('、')}`}`,
  }),
} satisfies Record<string, (...args: never[]) => MessageText>;
