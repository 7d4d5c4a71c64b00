/**
 * The deployment profile: what a deployment of Rubric Studio assesses (its subject, e.g. a
 * community with its street, or a building with its type) and in which periods (e.g. mid-term,
 * final, quarterly). It is data of the deployment (DATA_DIR/deployment.json, loaded and checked
 * by server/deployment.ts), not of the code; the server, the UI and the exports name subjects,
 * their attributes and period kinds by its labels. APPENDIX_C_DEPLOYMENT is the profile a new
 * data directory starts with.
 */
import type { Language } from './types.ts';

/** A label a person reads, in both languages. */
export interface ProfileLabel {
  zh: string;
  en: string;
}

/** One attribute a subject record holds besides its id and name (Appendix C: the street, 街道). */
export interface SubjectAttribute {
  /** The field of the subject record and of the API body (`street`); never renamed once records exist. */
  id: string;
  /** What the field is called on screens, in exports and in messages. */
  label: ProfileLabel;
  /** Whether every subject must have it. */
  required: boolean;
  /** `text`: free text; `choice`: one of `options`. */
  type: 'text' | 'choice';
  /** The values a `choice` attribute takes, in the order they are offered. */
  options?: { id: string; label: ProfileLabel }[];
}

/** What is assessed: its name in both languages and the attributes each one records. */
export interface SubjectDefinition {
  /** One subject: 社区 / community. */
  label: ProfileLabel;
  /** Several, for list headings: 社区 / communities. */
  plural: ProfileLabel;
  attributes: SubjectAttribute[];
}

/** A kind of assessment period, e.g. final (终期) or quarterly (季度). */
export interface PeriodKindDefinition {
  /** What records and the API carry (`period.kind`): letters, digits, hyphens and underscores, no spaces. */
  id: string;
  label: ProfileLabel;
}

/** The whole profile, as deployment.json holds it. */
export interface DeploymentProfile {
  /** Layout of the file; 1 is the only one so far. */
  format: 'deployment/1';
  subject: SubjectDefinition;
  /** In the order they are offered. */
  periodKinds: PeriodKindDefinition[];
  /** The kind a new assessment is offered first; the first kind when absent. */
  defaultPeriodKind?: string;
}

/**
 * Appendix C of the Binjiang draft standard: communities (社区) by their sub-district (街道),
 * assessed mid-term and final (7.1.2) and monitored quarterly (7.2.1).
 */
export const APPENDIX_C_DEPLOYMENT: DeploymentProfile = {
  format: 'deployment/1',
  subject: {
    label: { zh: '社区', en: 'community' },
    plural: { zh: '社区', en: 'communities' },
    attributes: [{ id: 'street', label: { zh: '街道', en: 'street' }, required: true, type: 'text' }],
  },
  periodKinds: [
    { id: 'mid-term', label: { zh: '中期', en: 'mid-term' } },
    { id: 'final', label: { zh: '终期', en: 'final' } },
    { id: 'quarterly', label: { zh: '季度', en: 'quarterly' } },
  ],
  defaultPeriodKind: 'final',
};

/** A period kind's label in `lang`; an id the profile does not know (a record older than the profile) stays as written. */
export function periodKindLabel(kinds: readonly PeriodKindDefinition[], kind: string, lang: Language): string {
  return kinds.find((k) => k.id === kind)?.label[lang] ?? kind;
}

/** The kind a new assessment starts with. */
export function defaultPeriodKind(profile: DeploymentProfile): string {
  return profile.defaultPeriodKind ?? profile.periodKinds[0]?.id ?? '';
}

/** A subject attribute's value as people read it: a choice by its option's label, text as written. */
export function attributeText(attribute: SubjectAttribute, value: unknown, lang: Language): string {
  if (value === undefined || value === null) return '';
  const option = attribute.type === 'choice' ? attribute.options?.find((o) => o.id === value) : undefined;
  return option ? option.label[lang] : String(value);
}

