/** Words of the app shell, navigation, sign-in and those every screen shares. `{name}` marks a placeholder. */
import { GLOSSARY as G, PERIOD_KINDS } from '../../../../engine/glossary.ts';
import type { Catalogue } from './catalogue.ts';

export const COMMON_MESSAGES = {
  'nav.main': { zh: '主导航', en: 'Main' },
  'nav.rubrics': { zh: G.rubric.zh, en: 'Rubrics' },
  'nav.assessments': { zh: G.assessment.zh, en: 'Assessments' },
  'nav.compare': { zh: '版本对比', en: 'Compare' },
  'shell.signedInAs': { zh: '当前身份', en: 'Signed in as' },
  'shell.signOut': { zh: '退出', en: 'Sign out' },
  'shell.loading': { zh: '加载中…', en: 'Loading…' },
  'shell.language': { zh: '界面语言', en: 'Language' },
  'role.editor': { zh: '细则编辑', en: 'editor' },
  'role.assessor': { zh: '评价人', en: 'assessor' },
  'role.viewer': { zh: '查阅人', en: 'viewer' },
  'term.tier': { zh: G.tier.zh, en: 'Tier' },
  'term.version': { zh: G.version.zh, en: 'Version' },
  'term.assessment': { zh: G.assessment.zh, en: 'Assessment' },
  'term.base': { zh: G.base.zh, en: 'Base' },
  'term.candidate': { zh: G.candidate.zh, en: 'Candidate' },
  'status.draft': { zh: G.draft.zh, en: 'draft' },
  'status.published': { zh: G.published.zh, en: 'published' },
  'status.submitted': { zh: G.submitted.zh, en: 'submitted' },
  'period.mid-term': PERIOD_KINDS['mid-term'],
  'period.final': PERIOD_KINDS.final,
  'period.quarterly': PERIOD_KINDS.quarterly,
} satisfies Catalogue;
