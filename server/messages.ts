/**
 * The server's messages to people, in Chinese and English: every error the server itself raises
 * (requests, access, revisions, rubrics, communities, assessments, supplements, storage, the
 * deployment profile) and every detail of one takes its words from here, and so does the storage
 * command (npm run storage), in the shape of the engine's catalogue (engine/document/messages.ts).
 * Each message names the field and says how to fix it, in both languages; the English text is
 * also the error's or the issue's `message`, and tests and the README quote some of it: change it
 * only together with them.
 *
 * Chinese terms, from the glossary (engine/glossary.ts): 评价细则 rubric, 版本 version, 档次 tier,
 * 评价 assessment, 评价期 period, 社区 community, 输入项 input, 要求 requirement, 门槛 gate,
 * 补充答案 supplement; roles as the UI names them: 细则编辑 editor, 评价人 assessor, 查阅人 viewer.
 */
import { COMPARISONS_ZH, COUNTS_ZH, type MessageText, TYPES_ZH } from '../engine/index.ts';
import { SERVER_ERRORS } from './errors.ts';

/** Roles as the UI names them (builder-ui/src/i18n/messages/common.ts). */
const ROLES_ZH: Record<string, string> = { editor: '细则编辑', assessor: '评价人', viewer: '查阅人' };

/** A rubric version's status as the predicate of a sentence ("… is published"). */
const STATUSES_ZH: Record<string, string> = { draft: '为草稿', published: '已发布', retired: '已停用' };

/** The parts of a request a route schema checks (Fastify's validationContext). */
const PARTS_ZH: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** Roles in both languages: "editor or assessor" / "细则编辑或评价人". */
function roles(names: readonly string[]): MessageText {
  return { en: names.join(' or '), zh: names.map((name) => ROLES_ZH[name] ?? name).join('或') };
}

/** A record named in a stale-revision message, in both languages. */
export const RECORDS = {
  rubricVersion: (id: string, version: string): MessageText => ({ en: `rubric ${id} ${version}`, zh: `评价细则 ${id} ${version}` }),
  community: (id: string): MessageText => ({ en: `community ${id}`, zh: `社区 ${id}` }),
  assessment: (id: string): MessageText => ({ en: `assessment ${id}`, zh: `评价 ${id}` }),
};

/** Requests as HTTP carries them: connections, bodies, content types, unknown routes, faults. */
export const REQUEST_MESSAGES = {
  // Before any route runs (Node's HTTP parser, server/app.ts) ------------------------------------
  requestTimedOut: (seconds: number): MessageText => ({
    en: `The request did not arrive within ${seconds} s.`,
    zh: `请求未在 ${seconds} 秒内送达。`,
  }),
  headersTooLarge: (): MessageText => ({
    en: 'The request headers are too large.',
    zh: '请求头过大。',
  }),
  notHttp: (): MessageText => ({
    en: 'The request is not well-formed HTTP.',
    zh: '请求不是格式正确的 HTTP 请求。',
  }),
  sendInTime: (): MessageText => ({
    en: SERVER_ERRORS.REQUEST_TIMEOUT.howToFix,
    zh: '请在 README 所列的时限内发送完整的请求；上传过慢或中断的请求会被断开。',
  }),
  sendWellFormed: (): MessageText => ({
    en: SERVER_ERRORS.MALFORMED_REQUEST.howToFix,
    zh: '请发送格式正确的 HTTP/1.1 请求，全部请求头合计不超过 16 KiB。',
  }),

  // Bodies ---------------------------------------------------------------------------------------
  bodyTimedOut: (seconds: number): MessageText => ({
    en: `The request body did not arrive within ${seconds} s; nothing was stored.`,
    zh: `请求体未在 ${seconds} 秒内送达，未保存任何内容。`,
  }),
  sendWholeBody: (): MessageText => ({
    en: 'send the whole body at once, or check the connection',
    zh: '请一次发送完整的请求体，或检查网络连接',
  }),
  bodyNotUtf8: (): MessageText => ({
    en: 'The request body is not valid UTF-8; nothing was read from it.',
    zh: '请求体不是有效的 UTF-8 编码，未读取其中任何内容。',
  }),
  encodeUtf8: (): MessageText => ({
    en: 'encode the body as UTF-8',
    zh: '请以 UTF-8 编码请求体',
  }),
  /** `parserText` is JSON.parse's own words (with the position), which only exist in English. */
  bodyNotJsonAt: (parserText: string): MessageText => ({
    en: `The request body is not valid JSON: ${parserText}`,
    zh: `请求体不是有效的 JSON（解析器提示：${parserText}）。`,
  }),
  fixJsonSyntax: (): MessageText => ({
    en: 'fix the JSON syntax',
    zh: '请更正 JSON 语法',
  }),
  bodyNotJson: (): MessageText => ({
    en: 'The request body is not valid JSON.',
    zh: '请求体不是有效的 JSON。',
  }),
  sendJson: (): MessageText => ({
    en: 'send a JSON document',
    zh: '请发送 JSON 文档',
  }),
  forbiddenKey: (pointer: string): MessageText => ({
    en: `The request body contains the forbidden key at ${pointer}.`,
    zh: `请求体在 ${pointer} 处含有禁用的键名。`,
  }),
  removeKey: (): MessageText => ({
    en: 'remove this key',
    zh: '请删除此键名',
  }),
  bodyTooLarge: (): MessageText => ({
    en: 'The request body is larger than the server accepts.',
    zh: '请求体超出服务器可接受的大小。',
  }),
  seeLimits: (): MessageText => ({
    en: 'see the limits in the README',
    zh: '大小限制见 README',
  }),
  /** `fastifyText` is Fastify's own message, kept as the English. */
  mediaTypeUnsupported: (fastifyText: string): MessageText => ({
    en: fastifyText,
    zh: '不支持此 Content-Type 的请求体：请以 JSON 格式发送。',
  }),
  contentLengthMismatch: (fastifyText: string): MessageText => ({
    en: fastifyText,
    zh: '请求体的长度与 Content-Length 不符：请发送与其一致的完整请求体。',
  }),
  jsonContentType: (): MessageText => ({
    en: 'use application/json',
    zh: '请使用 application/json',
  }),

  // Route schemas (Fastify's validation of body, query string, params, headers) ------------------
  requestInvalid: (part: string, details: readonly { path: string; text: MessageText }[]): MessageText => ({
    en: `The request ${part} is invalid: ${details.map((d) => `${d.path} ${d.text.en}`).join('; ')}.`,
    zh: `${PARTS_ZH[part] ?? part}不符合要求：${details.map((d) => `${d.path} ${d.text.zh}`).join('；')}。`,
  }),
  unknownField: (name: string): MessageText => ({
    en: `unknown field "${name}": remove it`,
    zh: `未知字段 "${name}"：请删除`,
  }),
  fieldRequired: (): MessageText => ({
    en: 'is required',
    zh: '为必填项：请补充',
  }),
  /**
   * Any other keyword of a route schema: ajv's words stay the English; the Chinese says the same
   * for the keywords route schemas use, and points to the API description for the rest.
   */
  schemaKeyword: (keyword: string, params: Record<string, unknown>, ajvText: string | undefined): MessageText => ({
    // ajv's enum message does not say which values are allowed (period kinds, option ids): list them.
    en: keyword === 'enum' ? `must be one of: ${(params.allowedValues as unknown[]).join(', ')}` : (ajvText ?? 'is invalid'),
    zh: schemaKeywordZh(keyword, params),
  }),

  // Routes and faults ----------------------------------------------------------------------------
  noRoute: (method: string, path: string): MessageText => ({
    en: `There is no ${method} ${path}.`,
    zh: `不存在 ${method} ${path} 接口。`,
  }),
  seeDocs: (): MessageText => ({
    en: 'see /docs for the routes',
    zh: '可用接口见 /docs',
  }),
  /** Fastify's other refusals: its own words stay the English. */
  notFound: (fastifyText: string): MessageText => ({
    en: fastifyText,
    zh: '未找到所请求的资源：请核对网址。',
  }),
  tooLarge: (fastifyText: string): MessageText => ({
    en: fastifyText,
    zh: '请求超出服务器可接受的大小：大小限制见 README。',
  }),
  refused: (fastifyText: string): MessageText => ({
    en: fastifyText,
    zh: '服务器无法处理此请求：请核对请求的网址、请求头和请求体。',
  }),
  unexpectedFault: (): MessageText => ({
    en: 'An unexpected fault occurred; nothing was stored by this request.',
    zh: '发生意外故障，本次请求未保存任何内容。',
  }),
};

/** ajv's errors of a route schema in Chinese, by keyword (the words ajv gives stay the English). */
function schemaKeywordZh(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'type':
      return `须为${String(params.type)
        .split(',')
        .map((t) => TYPES_ZH[t] ?? t)
        .join('或')}（${params.type}）`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `须${COMPARISONS_ZH[String(params.comparison)] ?? params.comparison} ${params.limit}`;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return `须${COUNTS_ZH[keyword][0]}有 ${params.limit} ${COUNTS_ZH[keyword][1]}`;
    case 'pattern':
      return `格式不符合要求：须与 ${params.pattern} 相符`;
    case 'enum':
      return `须为以下之一：${(params.allowedValues as unknown[]).join('、')}`;
    case 'format':
      return `须为 ${params.format} 格式`;
    default:
      return `不符合接口规定（${keyword}）：请对照 /docs 中的接口说明更正`;
  }
}

/** Tokens and roles (server/plugins/auth.ts). */
export const ACCESS_MESSAGES = {
  tokenMissing: (): MessageText => ({
    en: 'This needs a bearer token: send "Authorization: Bearer <token>".',
    zh: '此操作须提供访问令牌：请发送 "Authorization: Bearer <token>" 请求头。',
  }),
  headerMalformed: (): MessageText => ({
    en: 'missing or not of the form "Bearer <token>"',
    zh: '缺失，或不是 "Bearer <token>" 格式',
  }),
  tokenUnknown: (): MessageText => ({
    en: 'The bearer token is not known to this server.',
    zh: '本服务器不认可此访问令牌。',
  }),
  knownToken: (): MessageText => ({
    en: 'use a token from the tokens file or RUBRIC_TOKENS',
    zh: '请使用令牌文件或 RUBRIC_TOKENS 中的令牌',
  }),
  noAccessRule: (route: string): MessageText => ({
    en: `${route} declares no access rule, so it is refused to everyone.`,
    zh: `${route} 未声明访问规则，因此拒绝任何人访问。`,
  }),
  declareAccess: (): MessageText => ({
    en: 'declare config.access on the route',
    zh: '请在该路由上声明 config.access',
  }),
  roleNeeded: (route: string, needed: readonly string[], role: string): MessageText => ({
    en: `${route} needs the ${roles(needed).en} role; this token has the ${role} role.`,
    zh: `${route} 须由${roles(needed).zh}角色操作；此令牌的角色为${ROLES_ZH[role] ?? role}。`,
  }),
  tokenWithRole: (needed: readonly string[]): MessageText => ({
    en: `use a token with the ${roles(needed).en} role`,
    zh: `请使用${roles(needed).zh}角色的令牌`,
  }),
};

/** Revisions of mutable records: If-Match and stale writes (server/revisions.ts, server/storage/revision.ts). */
export const REVISION_MESSAGES = {
  ifMatchMalformed: (header: string): MessageText => ({
    en: `If-Match must be one quoted revision such as "3", got ${JSON.stringify(header)}.`,
    zh: `If-Match 须为一个带引号的修订号，如 "3"，收到的是 ${JSON.stringify(header)}。`,
  }),
  sendEtag: (): MessageText => ({
    en: 'send the ETag of the record as you read it',
    zh: '请发送读取该记录时得到的 ETag',
  }),
  revisionsDisagree: (fromHeader: number, fromBody: number): MessageText => ({
    en: `If-Match says revision ${fromHeader} but the body says ${fromBody}.`,
    zh: `If-Match 给出的修订号为 ${fromHeader}，请求体中却为 ${fromBody}。`,
  }),
  sendOneRevision: (): MessageText => ({
    en: 'send one revision, or the same in both',
    zh: '请只发送一个修订号，或在两处填写相同的修订号',
  }),
  revisionRequired: (method: string, route: string): MessageText => ({
    en: `${method} ${route} needs the revision you read, so that a change made by someone else is never overwritten.`,
    zh: `${method} ${route} 须提供您读取时的修订号，以免覆盖他人所作的修改。`,
  }),
  sendIfMatch: (): MessageText => ({
    en: 'send If-Match: "<revision>" with the ETag of your GET (or "revision" in the body)',
    zh: '请以 If-Match: "<revision>" 发送 GET 响应中的 ETag（或在请求体中填写 "revision"）',
  }),
  stale: (record: MessageText, sent: number, latest: number): MessageText => ({
    en: `The ${record.en} changed since you read it (you sent revision ${sent}; it is now at revision ${latest}); nothing was changed.`,
    zh: `${record.zh} 在您读取后已被修改（您发送的修订号为 ${sent}，当前修订号为 ${latest}），本次未作任何修改。`,
  }),
  readAgain: (latest: number): MessageText => ({
    en: `current revision is ${latest}: read it again, reapply your change and send If-Match: "${latest}"`,
    zh: `当前修订号为 ${latest}：请重新读取，重新作出修改，并发送 If-Match: "${latest}"`,
  }),
};

/** Rubrics and their versions (server/routes/rubrics.ts, comparisons.ts, compiled-rubrics.ts, storage). */
export const RUBRIC_MESSAGES = {
  noRubric: (id: string): MessageText => ({
    en: `There is no rubric ${id}.`,
    zh: `不存在评价细则 ${id}。`,
  }),
  noRubricCreateIt: (id: string): MessageText => ({
    en: `There is no rubric ${id}; create it with POST /api/rubrics.`,
    zh: `不存在评价细则 ${id}：请用 POST /api/rubrics 创建。`,
  }),
  noVersion: (id: string, version: string): MessageText => ({
    en: `Rubric ${id} has no version ${version}.`,
    zh: `评价细则 ${id} 没有 ${version} 版本。`,
  }),
  noRubricVersion: (id: string, version: string): MessageText => ({
    en: `There is no rubric ${id} version ${version}.`,
    zh: `不存在评价细则 ${id} 的 ${version} 版本。`,
  }),
  listVersions: (): MessageText => ({
    en: 'list the rubric versions with GET /api/rubrics',
    zh: '请用 GET /api/rubrics 列出评价细则的各个版本',
  }),
  listExistingVersions: (): MessageText => ({
    en: 'list GET /api/rubrics for the versions that exist',
    zh: '现有版本请用 GET /api/rubrics 列出',
  }),
  rubricExists: (id: string): MessageText => ({
    en: `Rubric ${id} already exists; add a version with POST /api/rubrics/${id}/versions.`,
    zh: `评价细则 ${id} 已存在：请用 POST /api/rubrics/${id}/versions 添加版本。`,
  }),
  chooseAnotherRubricId: (): MessageText => ({
    en: 'choose another id, or add a version to the existing rubric',
    zh: '请另选标识，或为现有评价细则添加版本',
  }),
  versionExists: (id: string, version: string): MessageText => ({
    en: `Rubric ${id} already has a version ${version}.`,
    zh: `评价细则 ${id} 已有 ${version} 版本。`,
  }),
  chooseUnusedVersion: (): MessageText => ({
    en: 'choose a version number not used yet',
    zh: '请选用尚未使用的版本号',
  }),
  documentElsewhere: (): MessageText => ({
    en: 'The document does not belong to this rubric version.',
    zh: '该文档不属于此评价细则版本。',
  }),
  documentIdMustBe: (id: string): MessageText => ({
    en: `must be "${id}", the rubric in the URL`,
    zh: `须为 "${id}"，即网址中的评价细则`,
  }),
  documentVersionMustBe: (version: string): MessageText => ({
    en: `must be "${version}", the version in the URL; to change the version, create a new one`,
    zh: `须为 "${version}"，即网址中的版本；如需更改版本号，请新建版本`,
  }),
  testsFail: (failed: number, total: number): MessageText => ({
    en: `${failed} of ${total} tests fail; the version stays a draft.`,
    zh: `${total} 个测试用例中有 ${failed} 个未通过，该版本仍为草稿。`,
  }),
  testFailure: (test: string, failure: MessageText): MessageText => ({
    en: `${test}: ${failure.en}`,
    zh: `${test}：${failure.zh}`,
  }),
  retireDraft: (id: string, version: string): MessageText => ({
    en: `Version ${version} of ${id} is a draft; only published versions can be retired (delete a draft instead).`,
    zh: `${id} 的 ${version} 版本为草稿，只有已发布的版本才能停用（草稿可直接删除）。`,
  }),
  versionImmutable: (id: string, version: string, status: string): MessageText => ({
    en: `Version ${version} of ${id} is ${status} and never changes; create a new draft version from it.`,
    zh: `${id} 的 ${version} 版本${STATUSES_ZH[status] ?? status}，不可再修改：请以它为基础新建草稿版本。`,
  }),
  copyInto: (id: string, version: string): MessageText => ({
    en: `POST /api/rubrics/${id}/versions with {"version": "<next>", "copyFrom": {"version": "${version}"}}`,
    zh: `请发送 POST /api/rubrics/${id}/versions，请求体为 {"version": "<next>", "copyFrom": {"version": "${version}"}}`,
  }),
  hashMismatch: (id: string, version: string): MessageText => ({
    en: `Stored rubric ${id} ${version} does not match its recorded hash; the data file was edited by hand.`,
    zh: `已存储的评价细则 ${id} ${version} 与记录的哈希值不符：数据文件曾被手工修改。`,
  }),
};

/** Communities (server/routes/communities.ts, storage). */
/**
 * The assessed subjects (communities under Appendix C). Each message names the subject as the
 * deployment profile does (`subject`: its label in both languages); the storage layer, which has
 * no profile, says it in Appendix C's words: a route checks first, so only a race reaches it.
 */
const APPENDIX_C_SUBJECT: MessageText = { zh: '社区', en: 'community' };

export const COMMUNITY_MESSAGES = {
  noCommunity: (id: string, subject: MessageText = APPENDIX_C_SUBJECT): MessageText => ({
    en: `There is no ${subject.en} ${id}.`,
    zh: `不存在${subject.zh} ${id}。`,
  }),
  addCommunityFirst: (subject: MessageText = APPENDIX_C_SUBJECT): MessageText => ({
    en: `add the ${subject.en} first (POST /api/communities)`,
    zh: `请先添加该${subject.zh}（POST /api/communities）`,
  }),
  communityExists: (id: string, subject: MessageText = APPENDIX_C_SUBJECT): MessageText => ({
    en: `A ${subject.en} with id ${id} already exists.`,
    zh: `标识为 ${id} 的${subject.zh}已存在。`,
  }),
  chooseAnotherCommunityId: (subject: MessageText = APPENDIX_C_SUBJECT): MessageText => ({
    en: `choose another id, or update the existing ${subject.en}`,
    zh: `请另选标识，或修改现有${subject.zh}`,
  }),
  idNeverChanges: (subject: MessageText = APPENDIX_C_SUBJECT): MessageText => ({
    en: `The id of a ${subject.en} never changes.`,
    zh: `${subject.zh}的标识不可更改。`,
  }),
  idMustBe: (id: string): MessageText => ({
    en: `must be "${id}" or left out`,
    zh: `须为 "${id}"，或不填`,
  }),
};

/** Assessments (server/routes/assessments.ts, comparisons.ts, storage). */
export const ASSESSMENT_MESSAGES = {
  noAssessment: (id: string): MessageText => ({
    en: `There is no assessment ${id}.`,
    zh: `不存在评价 ${id}。`,
  }),
  assessmentExists: (id: string): MessageText => ({
    en: `An assessment with id ${id} already exists.`,
    zh: `标识为 ${id} 的评价已存在。`,
  }),
  nameExistingVersion: (): MessageText => ({
    en: 'name an existing rubric version (GET /api/rubrics lists them)',
    zh: '请指定现有的评价细则版本（可用 GET /api/rubrics 列出）',
  }),
  notPublished: (id: string, version: string, status: string): MessageText => ({
    en: `Rubric ${id} ${version} is ${status}; assessments are made under published versions.`,
    zh: `评价细则 ${id} ${version} ${STATUSES_ZH[status] ?? status}；评价只能依据已发布的版本进行。`,
  }),
  choosePublished: (): MessageText => ({
    en: 'choose a published version',
    zh: '请选择已发布的版本',
  }),
  versionNotInForce: (id: string, version: string, inForce: string | null, day: string): MessageText => ({
    en: `Rubric ${id} ${version} was chosen, but ${inForce ? `version ${inForce} is in force on ${day}` : `no version is in force on ${day}`}.`,
    zh: `选用了评价细则 ${id} ${version}，但${inForce ? ` ${day} 有效的是 ${inForce} 版本` : ` ${day} 没有有效的版本`}。`,
  }),
  giveVersionReason: (version: string, inForce: string | null): MessageText =>
    inForce
      ? { en: `choose version ${inForce}, or give the reason for ${version} in "versionReason"`, zh: `请选用 ${inForce} 版本，或在 "versionReason" 中说明选用 ${version} 版本的理由` }
      : { en: `give the reason for ${version} in "versionReason", or correct "assessedOn"`, zh: `请在 "versionReason" 中说明选用 ${version} 版本的理由，或更正 "assessedOn"` },
  nothingToCarryInto: (id: string): MessageText => ({
    en: `Rubric ${id} has no published version to carry the assessment into.`,
    zh: `评价细则 ${id} 没有可供转入该评价的已发布版本。`,
  }),
  publishOrName: (): MessageText => ({
    en: 'publish a version, or name one',
    zh: '请发布一个版本，或指定版本',
  }),
  draftHasNoResult: (): MessageText => ({
    en: 'The assessment is a draft and has no stored result; submit it, or score its inputs with POST /api/rubrics/{id}/versions/{version}/score.',
    zh: '该评价为草稿，没有已保存的结果：请提交该评价，或用 POST /api/rubrics/{id}/versions/{version}/score 对其输入项计分。',
  }),
  frozen: (id: string, submittedAt: string | null): MessageText => ({
    en: `Assessment ${id} was submitted on ${submittedAt} and never changes.`,
    zh: `评价 ${id} 已于 ${submittedAt} 提交，不可再修改。`,
  }),
};

/** Supplementary answers, one at a time or from a file (server/routes/supplements.ts). */
export const SUPPLEMENT_MESSAGES = {
  nameVersionOfRubric: (): MessageText => ({
    en: 'name an existing version of the assessment’s rubric',
    zh: '请指定该评价所用评价细则的现有版本',
  }),
  otherRubric: (id: string, version: string, rubric: string): MessageText => ({
    en: `Version ${id} ${version} is not a version of the assessment’s rubric ${rubric}.`,
    zh: `${id} ${version} 不是该评价所用评价细则 ${rubric} 的版本。`,
  }),
  nameSameRubric: (): MessageText => ({
    en: 'name a version of the same rubric',
    zh: '请指定同一评价细则的版本',
  }),
  noInput: (id: string, version: string, input: string): MessageText => ({
    en: `Rubric ${id} ${version} has no input "${input}".`,
    zh: `评价细则 ${id} ${version} 没有输入项 "${input}"。`,
  }),
  nameOneOfInputs: (inputs: readonly string[]): MessageText => ({
    en: `name one of its inputs: ${inputs.join(', ')}`,
    zh: `请指定其输入项之一：${inputs.join('、')}`,
  }),
  answeredWhenAssessed: (assessment: string, input: string, readFrom: string | undefined, version: string): MessageText => ({
    en: `Assessment ${assessment} answered "${input}"${readFrom ? ` (as "${readFrom}", which ${version} reads it from)` : ''} when it was assessed; the original answer stands.`,
    zh: `评价 ${assessment} 在评价时已回答 "${input}"${readFrom ? `（以 "${readFrom}" 作答，${version} 版本从中读取）` : ''}，原答案保持不变。`,
  }),
  onlyUnasked: (): MessageText => ({
    en: 'supplements answer only what the assessment never asked',
    zh: '补充答案只用于评价时未询问的输入项',
  }),
  noSupplement: (assessment: string, input: string): MessageText => ({
    en: `Assessment ${assessment} has no supplementary answer for "${input}".`,
    zh: `评价 ${assessment} 没有 "${input}" 的补充答案。`,
  }),
  fileType: (types: readonly string[]): MessageText => ({
    en: `Send the file as ${types.join(' or ')}.`,
    zh: `请以 ${types.join(' 或 ')} 格式发送文件。`,
  }),
  setContentType: (types: readonly string[]): MessageText => ({
    en: `set Content-Type to ${types.join(' or ')}`,
    zh: `请将 Content-Type 设为 ${types.join(' 或 ')}`,
  }),
  noMatchingAssessment: (community: string, period: string, rubric: string): MessageText => ({
    en: `no submitted assessment of community "${community}" for period "${period}" under ${rubric}`,
    zh: `评价细则 ${rubric} 下没有社区 "${community}" 在评价期 "${period}" 已提交的评价`,
  }),
  severalMatching: (count: number, community: string, period: string): MessageText => ({
    en: `${count} submitted assessments of "${community}" for "${period}": supplement them one by one`,
    zh: `社区 "${community}" 在评价期 "${period}" 有 ${count} 个已提交的评价：请逐一补充`,
  }),
  alreadySupplied: (input: string, assessment: string): MessageText => ({
    en: `"${input}" already has a supplementary answer for this assessment: remove it first (DELETE /api/assessments/${assessment}/supplements/${input}); an upload never replaces one`,
    zh: `该评价的 "${input}" 已有补充答案：请先删除（DELETE /api/assessments/${assessment}/supplements/${input}）；上传文件不会替换已有的补充答案`,
  }),
  rowInput: (input: string, problem: MessageText): MessageText => ({
    en: `${input}: ${problem.en}`,
    zh: `${input}：${problem.zh}`,
  }),
  rowsRefused: (refused: number, rows: number): MessageText => ({
    en: `${refused} of ${rows} rows cannot be stored; nothing was stored from this file.`,
    zh: `${rows} 行中有 ${refused} 行无法保存，此文件的内容均未保存。`,
  }),
  /** `parserText` is the spreadsheet reader's own words, which only exist in English. */
  fileUnreadable: (format: string, parserText: string): MessageText => ({
    en: `The file cannot be read as ${format}: ${parserText}`,
    zh: `无法按 ${format} 格式读取该文件（读取程序提示：${parserText}）。`,
  }),
  sendReadableFile: (): MessageText => ({
    en: 'send a CSV (UTF-8) or XLSX file whose first row names the columns',
    zh: '请发送首行为列名的 CSV（UTF-8 编码）或 XLSX 文件',
  }),
  columnsMissing: (columns: readonly string[]): MessageText => ({
    en: `The file's first row lacks the column${columns.length > 1 ? 's' : ''} ${columns.join(', ')}.`,
    zh: `文件首行缺少以下列：${columns.join('、')}。`,
  }),
  /** The columns by their first English and first Chinese name. */
  nameColumns: (english: readonly string[], chinese: readonly string[]): MessageText => ({
    en: `name the columns: ${english.join(', ')} (or ${chinese.join(', ')})`,
    zh: `请将各列命名为：${chinese.join('、')}（或 ${english.join(', ')}）`,
  }),
  noRows: (): MessageText => ({
    en: 'The file has no rows below its header.',
    zh: '文件在标题行以下没有数据行。',
  }),
  addRows: (): MessageText => ({
    en: 'add one row per answer',
    zh: '请每个答案填写一行',
  }),
  tooManyRows: (rows: number, max: number): MessageText => ({
    en: `The file has ${rows} rows; at most ${max} are read at once.`,
    zh: `文件有 ${rows} 行，每次最多读取 ${max} 行。`,
  }),
  splitFile: (): MessageText => ({
    en: 'split the file',
    zh: '请拆分文件',
  }),
};

/** The data file and the data directory, or the PostgreSQL database (server/storage/). */
export const STORAGE_MESSAGES = {
  closed: (): MessageText => ({
    en: 'The storage is closed; the server is shutting down.',
    zh: '存储已关闭，服务器正在停止运行。',
  }),
  diskFull: (location: string): MessageText => ({
    en: `The disk holding ${location} is full; nothing was stored by this request.`,
    zh: `${location} 所在的磁盘已满，本次请求未保存任何内容。`,
  }),
  freeSpace: (): MessageText => ({
    en: 'free space on this disk or move the data directory, then retry',
    zh: '请清理该磁盘的空间或迁移数据目录，然后重试',
  }),
  readOnly: (location: string, code: string): MessageText => ({
    en: `${location} cannot be written (${code}); nothing was stored by this request.`,
    zh: `无法写入 ${location}（${code}），本次请求未保存任何内容。`,
  }),
  makeWritable: (): MessageText => ({
    en: 'make the data directory writable for the server, then retry',
    zh: '请为服务器开放数据目录的写入权限，然后重试',
  }),
  writeFailed: (location: string, reason: string): MessageText => ({
    en: `Writing ${location} failed (${reason}); nothing was stored by this request.`,
    zh: `写入 ${location} 失败（${reason}），本次请求未保存任何内容。`,
  }),
  dataDirInUse: (dataDir: string, pid: number, since: string, lockFile: string): MessageText => ({
    en: `Data directory ${dataDir} is in use by another Rubric Studio server (pid ${pid}, since ${since}; lock file ${lockFile}). Stop that server, or start this one with another DATA_DIR.`,
    zh: `数据目录 ${dataDir} 正由另一个 Rubric Studio 服务器使用（进程号 ${pid}，自 ${since} 起；锁文件 ${lockFile}）。请停止该服务器，或以其他 DATA_DIR 启动本服务器。`,
  }),
  stopOtherServer: (): MessageText => ({
    en: 'stop the other server or choose another data directory',
    zh: '请停止另一个服务器，或选用其他数据目录',
  }),
  lockRace: (lockFile: string, dataDir: string): MessageText => ({
    en: `Could not take the lock file ${lockFile}; another server is starting on ${dataDir}.`,
    zh: `无法获取锁文件 ${lockFile}：另一个服务器正在以数据目录 ${dataDir} 启动。`,
  }),
  databaseUnreachable: (location: string, reason: string): MessageText => ({
    en: `The database ${location} cannot be reached (${reason}); nothing was stored by this request.`,
    zh: `无法连接数据库 ${location}（${reason}），本次请求未保存任何内容。`,
  }),
  checkDatabase: (): MessageText => ({
    en: 'check that PostgreSQL is running and that DATABASE_URL names its host, port, database and user, then retry',
    zh: '请确认 PostgreSQL 正在运行，且 DATABASE_URL 写明了其主机、端口、数据库和用户，然后重试',
  }),
  databaseFailed: (location: string, reason: string): MessageText => ({
    en: `The database ${location} refused the request (${reason}); nothing was stored by this request.`,
    zh: `数据库 ${location} 拒绝了本次请求（${reason}），本次请求未保存任何内容。`,
  }),
  freeDatabaseSpace: (): MessageText => ({
    en: 'free space on the database server\'s disk, then retry',
    zh: '请清理数据库服务器所在磁盘的空间，然后重试',
  }),
  grantDatabaseWrite: (): MessageText => ({
    en: 'connect to a primary (not a read-only standby) as a user allowed to write the tables, then retry',
    zh: '请连接到主库（而非只读备库），并使用有写入权限的用户，然后重试',
  }),
  databaseNewer: (location: string, version: number, known: number): MessageText => ({
    en: `The database ${location} has schema version ${version}, newer than this release understands (${known}); run a newer Rubric Studio.`,
    zh: `数据库 ${location} 的结构版本为 ${version}，高于本版本所能识别的版本（${known}），请运行更新版本的 Rubric Studio。`,
  }),
};

/** What is copied, by kind, as the copy's summary and its check name them. */
export type CopyKind = 'rubricVersions' | 'communities' | 'assessments' | 'audit';

/** Each kind's name (English plural), its English singular and its Chinese measure word. */
const COPY_KINDS: Record<CopyKind, MessageText & { enOne: string; unitZh: string }> = {
  rubricVersions: { en: 'rubric versions', enOne: 'rubric version', zh: '评价细则版本', unitZh: '个' },
  communities: { en: 'communities', enOne: 'community', zh: '社区', unitZh: '个' },
  assessments: { en: 'assessments', enOne: 'assessment', zh: '评价', unitZh: '份' },
  audit: { en: 'audit entries', enOne: 'audit entry', zh: '审计记录', unitZh: '条' },
};

/** Records per kind: "3 rubric versions, 5 communities, …" / "评价细则版本 3 个、社区 5 个、…". */
function countsText(counts: Record<CopyKind, number>): MessageText {
  const kinds = Object.keys(COPY_KINDS) as CopyKind[];
  return { en: kinds.map((kind) => `${counts[kind]} ${counts[kind] === 1 ? COPY_KINDS[kind].enOne : COPY_KINDS[kind].en}`).join(', '), zh: kinds.map((kind) => `${COPY_KINDS[kind].zh} ${counts[kind]} ${COPY_KINDS[kind].unitZh}`).join('、') };
}

/**
 * `npm run storage` (server/storage-command.ts, server/storage/copy.ts): migrating a database, and
 * copying a district's records between a data directory and a PostgreSQL database, said in both languages.
 */
export const STORAGE_COMMAND_MESSAGES = {
  help: (dataFile: string): MessageText => ({
    en: [
      'npm run storage -- <command> [options]',
      '',
      'Commands:',
      '  migrate --database-url URL       bring the PostgreSQL database of URL to the current schema; prints the versions applied',
      '  copy --from SOURCE --to TARGET   copy every record of SOURCE (rubric versions, communities, assessments with their',
      '                                   results, the audit log) into the empty TARGET, then check the copy against SOURCE',
      '',
      'SOURCE and TARGET are each a data directory or a postgres:// (postgresql://) URL.',
      `TARGET must be empty: a data directory without ${dataFile}, or a database without records; it is never merged into.`,
      'SOURCE is only read: a data directory in use by a running server is refused; stop the servers of a source database first.',
      '',
      'Options:',
      '  --lang zh|en   language of the messages (default zh)',
      '  --help, -h     this help',
      '',
      'Exit codes: 0 done, 1 the migration, the copy or its check failed, 2 usage error.',
    ].join('\n'),
    zh: [
      'npm run storage -- <命令> [选项]',
      '',
      '命令：',
      '  migrate --database-url URL       将 URL 所指的 PostgreSQL 数据库升级到当前结构，并列出所应用的结构版本',
      '  copy --from SOURCE --to TARGET   将 SOURCE 中的全部记录（评价细则版本、社区、评价及其结果、审计日志）复制到空的',
      '                                   TARGET，然后对照 SOURCE 核对副本',
      '',
      'SOURCE 与 TARGET 均可为数据目录，或 postgres://（postgresql://）开头的数据库 URL。',
      `TARGET 必须为空：不含 ${dataFile} 的数据目录，或没有任何记录的数据库；复制从不与已有数据合并。`,
      'SOURCE 只读不写：正被运行中的服务器使用的数据目录会被拒绝；源数据库请先停止其服务器。',
      '',
      '选项：',
      '  --lang zh|en   提示信息的语言（默认 zh）',
      '  --help, -h     显示本帮助',
      '',
      '退出码：0 完成，1 升级、复制或核对失败，2 用法错误。',
    ].join('\n'),
  }),
  seeHelp: (): MessageText => ({
    en: 'Run "npm run storage -- --help" for the commands and their options.',
    zh: '运行 "npm run storage -- --help" 查看各命令及其选项。',
  }),
  /** `parserText` is node's own words about the options, which only exist in English. */
  badOptions: (parserText: string): MessageText => ({
    en: `The options cannot be read: ${parserText}`,
    zh: `命令行选项有误（解析器提示：${parserText}）。`,
  }),
  badLanguage: (given: string): MessageText => ({
    en: `--lang must be zh or en, not "${given}".`,
    zh: `--lang 只能是 zh 或 en，不能是 "${given}"。`,
  }),
  missingCommand: (): MessageText => ({
    en: 'Name a command: migrate or copy.',
    zh: '请给出命令：migrate 或 copy。',
  }),
  unknownCommand: (name: string): MessageText => ({
    en: `There is no command "${name}"; the commands are migrate and copy.`,
    zh: `没有命令 "${name}"；可用命令为 migrate 和 copy。`,
  }),
  extraArguments: (command: string, extra: string[]): MessageText => ({
    en: `${command} takes nothing but its options; remove ${extra.map((arg) => `"${arg}"`).join(', ')}.`,
    zh: `${command} 只接受选项；请删除 ${extra.map((arg) => `"${arg}"`).join('、')}。`,
  }),
  optionNotOf: (option: string, command: string): MessageText => ({
    en: `${option} is not an option of ${command}; remove it.`,
    zh: `${option} 不是 ${command} 的选项，请删除。`,
  }),
  missingDatabaseUrl: (): MessageText => ({
    en: 'migrate needs --database-url: give the database to migrate, e.g. --database-url postgresql://rubric@localhost:5432/rubric',
    zh: 'migrate 需要 --database-url：请给出要升级的数据库，例如 --database-url postgresql://rubric@localhost:5432/rubric',
  }),
  notDatabaseUrl: (): MessageText => ({
    en: '--database-url must be a URL starting with postgres:// or postgresql://, e.g. postgresql://rubric@localhost:5432/rubric',
    zh: '--database-url 须为以 postgres:// 或 postgresql:// 开头的 URL，例如 postgresql://rubric@localhost:5432/rubric',
  }),
  missingFrom: (): MessageText => ({
    en: 'copy needs --from: give the data directory or the postgres:// URL to copy from.',
    zh: 'copy 需要 --from：请给出要复制的数据目录或 postgres:// 数据库 URL。',
  }),
  missingTo: (): MessageText => ({
    en: 'copy needs --to: give an empty data directory or the postgres:// URL of an empty database to copy into.',
    zh: 'copy 需要 --to：请给出要复制到的空数据目录，或空数据库的 postgres:// URL。',
  }),
  migrated: (location: string, versions: number[], current: number): MessageText => ({
    en: `Applied schema version${versions.length === 1 ? '' : 's'} ${versions.join(', ')} to ${location}; it is now at schema version ${current}.`,
    zh: `已对 ${location} 应用结构版本 ${versions.join('、')}，现为结构版本 ${current}。`,
  }),
  alreadyCurrent: (location: string, current: number): MessageText => ({
    en: `${location} is at schema version ${current} already; nothing was applied.`,
    zh: `${location} 已是结构版本 ${current}，无需升级。`,
  }),
  sameStore: (location: string): MessageText => ({
    en: `--from and --to both name ${location}; a copy needs another, empty target. Nothing was copied.`,
    zh: `--from 与 --to 指向同一处存储 ${location}；复制需要另一个空的目标。未复制任何内容。`,
  }),
  chooseOtherTarget: (): MessageText => ({
    en: 'give --to another, empty target: a new data directory or a new database',
    zh: '请为 --to 另选一个空的目标：新的数据目录或新建的数据库',
  }),
  noSourceData: (dataDir: string, dataFile: string): MessageText => ({
    en: `The source ${dataDir} has no data file ${dataFile}; nothing was copied.`,
    zh: `源数据目录 ${dataDir} 中没有数据文件 ${dataFile}，未复制任何内容。`,
  }),
  noSourceSchema: (location: string): MessageText => ({
    en: `The source database ${location} holds no Rubric Studio tables; nothing was copied.`,
    zh: `源数据库 ${location} 中没有 Rubric Studio 的数据表，未复制任何内容。`,
  }),
  checkSource: (): MessageText => ({
    en: 'check the data directory or URL given to --from',
    zh: '请检查 --from 所给的数据目录或 URL',
  }),
  sourceInUse: (dataDir: string, lockFile: string): MessageText => ({
    en: `The source data directory ${dataDir} is in use by a running Rubric Studio server (lock file ${lockFile}); it is copied only while no server writes to it. Nothing was copied.`,
    zh: `源数据目录 ${dataDir} 正由运行中的 Rubric Studio 服务器使用（锁文件 ${lockFile}）；只有在没有服务器写入时才能复制。未复制任何内容。`,
  }),
  targetInUse: (dataDir: string, lockFile: string): MessageText => ({
    en: `The target data directory ${dataDir} is in use by a running Rubric Studio server (lock file ${lockFile}). Nothing was copied.`,
    zh: `目标数据目录 ${dataDir} 正由运行中的 Rubric Studio 服务器使用（锁文件 ${lockFile}）。未复制任何内容。`,
  }),
  stopServer: (): MessageText => ({
    en: 'stop the server using this data directory, then run the copy again',
    zh: '请停止使用该数据目录的服务器，然后重新运行复制',
  }),
  targetHasData: (dataDir: string, dataFile: string): MessageText => ({
    en: `The target ${dataDir} already holds a data file (${dataFile}); a copy never merges into or overwrites a store, so nothing was copied.`,
    zh: `目标数据目录 ${dataDir} 中已有数据文件（${dataFile}）；复制从不合并或覆盖已有数据，因此未复制任何内容。`,
  }),
  targetHasRecords: (location: string, counts: Record<CopyKind, number>): MessageText => ({
    en: `The target database ${location} already holds records (${countsText(counts).en}); a copy never merges into or overwrites a store, so nothing was copied.`,
    zh: `目标数据库 ${location} 中已有记录（${countsText(counts).zh}）；复制从不合并或覆盖已有数据，因此未复制任何内容。`,
  }),
  chooseEmptyTarget: (dataFile: string): MessageText => ({
    en: `give --to an empty target: a data directory without ${dataFile}, or a new database (createdb); to replace this one, move it away or drop it first`,
    zh: `请为 --to 给出空的目标：不含 ${dataFile} 的数据目录，或新建的数据库（createdb）；若要替换现有数据，请先将其移走或删除`,
  }),
  /** `reason` is the failure's own words; the target keeps nothing of the copy. */
  copyFailed: (target: string, reason: MessageText): MessageText => ({
    en: `Copying into ${target} failed: ${reason.en} The target keeps nothing of the copy; it is as empty as before.`,
    zh: `复制到 ${target} 失败：${reason.zh} 目标中未留下任何复制的内容，仍与复制前一样为空。`,
  }),
  fixAndRetry: (): MessageText => ({
    en: 'remove the cause named above, then run the copy again',
    zh: '请排除上述原因，然后重新运行复制',
  }),
  copyDiffers: (target: string, count: number): MessageText => ({
    en: `The copy in ${target} does not match its source in ${count} respect${count === 1 ? '' : 's'}, listed below. Remove the copy (drop the database, or delete the data file and results/ of the directory) and run the copy again.`,
    zh: `${target} 中的副本有 ${count} 处与源不符（见下）。请删除该副本（删除数据库，或删除该目录中的数据文件和 results/），然后重新运行复制。`,
  }),
  countDiffers: (kind: CopyKind, source: number, target: number): MessageText => ({
    en: `${COPY_KINDS[kind].en}: ${source} in the source, ${target} in the copy`,
    zh: `${COPY_KINDS[kind].zh}：源中 ${source} ${COPY_KINDS[kind].unitZh}，副本中 ${target} ${COPY_KINDS[kind].unitZh}`,
  }),
  assessmentDiffers: (position: number, source: string, target: string): MessageText => ({
    en: `assessment number ${position}: ${source} in the source, ${target} in the copy`,
    zh: `第 ${position} 份评价：源中为 ${source}，副本中为 ${target}`,
  }),
  resultDiffers: (id: string): MessageText => ({
    en: `the result of assessment ${id} has another SHA-256 in the copy`,
    zh: `评价 ${id} 的结果在副本中的 SHA-256 不同`,
  }),
  lastAuditDiffers: (): MessageText => ({
    en: 'the last entry of the audit log differs',
    zh: '审计日志的最后一条不同',
  }),
  copied: (from: string, to: string, counts: Record<CopyKind, number>, results: number, seconds: number): MessageText => ({
    en: [
      `Copied ${from} to ${to} in ${seconds.toFixed(1)} s:`,
      `  ${countsText(counts).en} (${results} of the assessments with a result).`,
      `Checked against the source: the same count of each kind, the same SHA-256 of each of the ${results} result${results === 1 ? '' : 's'}, the same last audit entry.`,
    ].join('\n'),
    zh: [
      `已将 ${from} 复制到 ${to}，用时 ${seconds.toFixed(1)} 秒：`,
      `  ${countsText(counts).zh}（其中有结果的评价 ${results} 份）。`,
      `已对照源核对：各类记录数量相同，全部 ${results} 份结果的 SHA-256 相同，审计日志最后一条相同。`,
    ].join('\n'),
  }),
};

/** The deployment profile, DATA_DIR/deployment.json (server/deployment.ts), checked at start; what is wrong inside it is said by the engine (engine/deployment-check.ts). */
export const DEPLOYMENT_MESSAGES = {
  profileInvalid: (file: string, path: string, first: MessageText, count: number): MessageText => ({
    en: `The deployment profile ${file} is invalid at ${path || '/'}: ${first.en}${count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : ''}. The server did not start; nothing in the data directory was changed. Correct the file (README, "The assessed subject and period kinds") and start again.`,
    zh: `部署配置文件 ${file} 在 ${path || '/'} 处有误：${first.zh}${count > 1 ? `（另有 ${count - 1} 处问题）` : ''}。服务器未启动，数据目录未作任何修改。请按 README 中“The assessed subject and period kinds”一节更正该文件后重新启动。`,
  }),
  unreadable: (file: string, reason: string): MessageText => ({
    en: `The deployment profile ${file} cannot be read (${reason}); the server did not start and nothing in the data directory was changed.`,
    zh: `无法读取部署配置文件 ${file}（${reason}），服务器未启动，数据目录未作任何修改。`,
  }),
  makeReadable: (): MessageText => ({
    en: 'make the file readable for the server, or move it away to start with the Appendix C profile',
    zh: '请为服务器开放该文件的读取权限，或将其移走，以附录 C 的默认配置启动',
  }),
  /** `parserText` is JSON.parse's own words (with the position), which only exist in English. */
  notJson: (file: string, parserText: string): MessageText => ({
    en: `The deployment profile ${file} is not valid JSON: ${parserText}. The server did not start; nothing in the data directory was changed.`,
    zh: `部署配置文件 ${file} 不是有效的 JSON（解析器提示：${parserText}）。服务器未启动，数据目录未作任何修改。`,
  }),
  fixJson: (): MessageText => ({
    en: 'fix the JSON syntax of the file near the position given',
    zh: '请更正该文件在所示位置附近的 JSON 语法',
  }),
  attributeMissing: (id: string): MessageText => ({
    en: `the required attribute "${id}" is missing`,
    zh: `缺少必填属性 "${id}"`,
  }),
  notAnOption: (id: string, value: string): MessageText => ({
    en: `"${value}" is not an option of the attribute "${id}"`,
    zh: `"${value}" 不是属性 "${id}" 的选项`,
  }),
};

/** Every table of this catalogue by its exported name (test/server/messages.test.ts checks each entry is used). */
export const SERVER_MESSAGES = { RECORDS, REQUEST_MESSAGES, ACCESS_MESSAGES, REVISION_MESSAGES, RUBRIC_MESSAGES, COMMUNITY_MESSAGES, ASSESSMENT_MESSAGES, SUPPLEMENT_MESSAGES, STORAGE_MESSAGES, STORAGE_COMMAND_MESSAGES, DEPLOYMENT_MESSAGES };
