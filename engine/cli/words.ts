/**
 * What the command line says, in Chinese and English (`--lang`, Chinese by default): its help,
 * its usage errors and the words of its reports. Terms come from the glossary, like the UI's.
 */
import { FINDINGS, GLOSSARY as G, MODALITIES } from '../glossary.ts';
import type { Language, TierBasis } from '../types.ts';

type Words = { zh: string; en: string };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const CLI_WORDS = {
  valid: (file: string, warnings: number): Words => ({
    zh: `${file}：有效（${warnings} 条起草提示；运行 "rubric lint" 查看）`,
    en: `${file}: valid (${plural(warnings, 'lint warning')}; run "rubric lint" to see them)`,
  }),
  errors: (file: string, count: number): Words => ({ zh: `${file}：${count} 处错误`, en: `${file}: ${plural(count, 'error')}` }),
  noWarnings: (file: string): Words => ({ zh: `${file}：没有起草提示`, en: `${file}: no warnings` }),
  warnings: (file: string, count: number): Words => ({ zh: `${file}：${count} 条起草提示`, en: `${file}: ${plural(count, 'warning')}` }),
  warning: (): Words => ({ zh: '提示', en: 'warning' }),
  testPassed: (): Words => ({ zh: '通过', en: 'ok  ' }),
  testFailed: (): Words => ({ zh: '失败', en: 'FAIL' }),
  testSummary: (passed: number, failed: number): Words => ({ zh: `${passed} 个通过，${failed} 个失败`, en: `${passed} passed, ${failed} failed` }),
  migrated: (file: string, out: string, from: string): Words => ({
    zh: `已将 ${file}（${from}）转换为 rubric/2 并写入 ${out}；档次界限仍按得分率（tierBasis "ratio"），计分结果不变`,
    en: `wrote ${out}: ${file} (${from}) as rubric/2; tier bounds stay by ratio (tierBasis "ratio"), every score unchanged`,
  }),
  alreadyMigrated: (file: string, out: string): Words => ({
    zh: `${file} 已是 rubric/2 格式，原样写入 ${out}`,
    en: `${file} is rubric/2 already: wrote it unchanged to ${out}`,
  }),
  group: (): Words => ({ zh: '分组', en: 'group' }),
  total: (): Words => ({ zh: G.total.zh, en: 'Total' }),
  ratio: (): Words => ({ zh: '得分率', en: 'ratio' }),
  tier: (): Words => ({ zh: G.tier.zh, en: 'tier' }),
  noTier: (): Words => ({ zh: '未定（不完整）', en: 'none (incomplete)' }),
  byScore: (tier: string, basis: TierBasis): Words =>
    basis === 'points'
      ? { zh: `按总分为${tier}，因未满足基本要求而降档`, en: `by points ${tier}, capped by a failed requirement` }
      : { zh: `按得分率为${tier}，因未满足基本要求而降档`, en: `by ratio ${tier}, capped by a failed requirement` },
  gateCap: (tier: string): Words => ({ zh: `→ 档次最高为${tier}`, en: `→ tier capped at ${tier}` }),
  finding: (finding: keyof typeof FINDINGS): Words => FINDINGS[finding],
  modality: (modality: keyof typeof MODALITIES): Words => MODALITIES[modality],
  seeHelp: (): Words => ({ zh: '运行 "rubric --help" 查看各命令。', en: 'Run "rubric --help" for the commands.' }),
  badLanguage: (given: string): Words => ({ zh: `--lang 只能是 zh 或 en，不能是 "${given}"`, en: `--lang must be zh or en, not "${given}"` }),
  unknownCommand: (name: string, known: string[]): Words => ({ zh: `没有命令 "${name}"；可用命令：${known.join('、')}`, en: `unknown command "${name}"; commands: ${known.join(', ')}` }),
  arity: (name: string, wanted: number, got: number): Words => ({ zh: `"${name}" 需要 ${wanted} 个文件参数，实际给了 ${got} 个`, en: `"${name}" takes ${plural(wanted, 'file argument')}, got ${got}` }),
  badOptions: (reason: string): Words => ({ zh: `命令行选项有误：${reason}`, en: reason }),
  deploymentInvalid: (file: string, path: string, first: Words, count: number): Words => ({
    en: `The deployment profile ${file} is invalid at ${path || '/'}: ${first.en}${count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : ''}. Nothing was written.`,
    zh: `部署配置文件 ${file} 在 ${path || '/'} 处有误：${first.zh}${count > 1 ? `（另有 ${count - 1} 处问题）` : ''}。未写入任何文件。`,
  }),
  /** `parserText` is JSON.parse's own words (with the position), which only exist in English. */
  deploymentNotJson: (file: string, parserText: string): Words => ({
    en: `The deployment profile ${file} is not valid JSON: ${parserText}. Nothing was written.`,
    zh: `部署配置文件 ${file} 不是有效的 JSON（解析器提示：${parserText}）。未写入任何文件。`,
  }),
  fixDeploymentJson: (): Words => ({ en: 'fix the JSON syntax of the file near the position given', zh: '请更正该文件在所示位置附近的 JSON 语法' }),
  attributeNotPair: (given: string): Words => ({
    zh: `--attribute 须写作 属性标识=值（如 --attribute street=西兴街道），不能是 "${given}"`,
    en: `--attribute takes attribute-id=value (e.g. --attribute street=Xixing), not "${given}"`,
  }),
} as const;

/** The help, in the language asked for. */
export const HELP: Record<Language, string> = {
  en: `rubric — validate, lint and run points rubrics

Usage:
  rubric validate <rubric.json>              check a rubric document (exit 1 when invalid)
  rubric lint <rubric.json>                  list probable drafting defects (warnings)
  rubric form <rubric.json> [--lang zh|en]   print the assessment form (JSON Schema + uiSchema)
  rubric score <rubric.json> <assessment.json> [--json] [--explain] [--lang zh|en] [--partial]
                                             score an assessment: {"inputs": {...}, "notApplicable": {...}}
  rubric test <rubric.json>                  run the rubric's embedded test cases
  rubric migrate <rubric.json> [--out file]  the document in format rubric/2 (tiers by ratio, scores
                                             unchanged), printed or written to a file
  rubric diff <a.json> <b.json> [--json]     compare two rubric versions
  rubric impact <base.json> <candidate.json> <assessments-dir> [--json] [--csv file] [--xlsx file] [--html file]
                [--deployment file] [--attribute id=value]… [--street s] [--period p] [--tier t|none]
                                             what a revision does to every assessment in a folder
  rubric gap <rubric.json> <assessment.json> [--json]
                                             points missing to the next tier and where to find them
  rubric rescore <rubric.json> <assessment.json> [--json]
                                             re-score under another version (its input mapping)

Options:
  --json      machine-readable output (errors too)
  --lang      zh (default) or en: the language of everything printed
  --explain   print every criterion's explanation line
  --partial   score with missing inputs (criteria not assessed) instead of rejecting them
  --csv, --xlsx, --html  impact: also write the report as CSV, XLSX or a printable HTML page
  --attribute impact: only subjects whose attribute has this value (repeatable, all must match);
              the assessment file's "community" holds the attributes; --street s is --attribute street=s
  --deployment impact: the deployment profile (deployment.json, checked as the server checks it) that
              names the subject and its attributes in the report and its files; Appendix C's without it
  --out       migrate: write the document to this file instead of printing it
  -h, --help  this help`,
  zh: `rubric — 校验、检查并运行计分式评价细则

用法：
  rubric validate <细则.json>                校验评价细则文档（无效时退出码为 1）
  rubric lint <细则.json>                    列出可能的起草问题（提示）
  rubric form <细则.json> [--lang zh|en]     输出评价表（JSON Schema + uiSchema）
  rubric score <细则.json> <评价.json> [--json] [--explain] [--lang zh|en] [--partial]
                                             为一份评价计分：{"inputs": {...}, "notApplicable": {...}}
  rubric test <细则.json>                    运行细则内置的测试用例
  rubric migrate <细则.json> [--out 文件]    将文档转换为 rubric/2 格式（档次仍按得分率，计分不变），
                                             输出或写入文件
  rubric diff <a.json> <b.json> [--json]     比较两个版本
  rubric impact <基准.json> <候选.json> <评价目录> [--json] [--csv 文件] [--xlsx 文件] [--html 文件]
                [--deployment 文件] [--attribute 属性标识=值]… [--street 街道] [--period 评价期] [--tier 档次|none]
                                             修订对目录中每份评价的影响
  rubric gap <细则.json> <评价.json> [--json]
                                             距下一档次还差的分数及可得分之处
  rubric rescore <细则.json> <评价.json> [--json]
                                             按另一版本（及其输入项对应）重新计分

选项：
  --json      机器可读的输出（错误也是）
  --lang      zh（默认）或 en：所有输出的语言
  --explain   输出每个评分项的说明
  --partial   缺少输入时照常计分（相应评分项记为未评价），而不是拒绝
  --csv, --xlsx, --html  impact：另将报告写为 CSV、XLSX 或可打印的 HTML 页面
  --attribute impact：只分析该属性为此值的评价对象（可多次给出，须全部相符）；
              属性取自评价文件的 "community"；--street 街道 即 --attribute street=街道
  --deployment impact：部署配置文件（deployment.json，按服务器的规则检查），报告及导出文件据此称呼
              评价对象及其属性；不给出时为附录 C 的配置
  --out       migrate：将文档写入此文件，而不是输出
  -h, --help  本帮助`,
};
