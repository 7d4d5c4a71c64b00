/**
 * The deployment profile in the UI: read once at sign-in (api.session), provided to every screen,
 * and the one place screens take the subject's name, its attributes and the period kinds from,
 * in the page language. Outside a provider (a component rendered alone in a test) it is the
 * Appendix C profile.
 */
import { createContext, useContext } from 'react';
import {
  APPENDIX_C_DEPLOYMENT,
  attributeText,
  type DeploymentProfile,
  defaultPeriodKind,
  type Language,
  type PeriodKindDefinition,
  periodKindLabel,
  periodWords,
  type SubjectAttribute,
} from '../../engine/browser.ts';
import type { Community, Period } from './api.ts';

const DeploymentContext = createContext<DeploymentProfile>(APPENDIX_C_DEPLOYMENT);

export const DeploymentProvider = DeploymentContext.Provider;

/** What screens say with the profile, in one language. */
export interface DeploymentWords {
  profile: DeploymentProfile;
  kinds: readonly PeriodKindDefinition[];
  /** The subject, as a label or column heading: 社区 / Community. */
  subject: string;
  /** The subject inside a sentence: 社区 / community. */
  subjectInText: string;
  /** Several subjects, as a heading: 社区 / Communities. */
  subjects: string;
  /** An attribute's label as a field label or heading: 街道 / Street. */
  attribute: (attribute: SubjectAttribute) => string;
  /** A subject's attribute values as people read them: "浦沿街道" (a record, or an impact row's `attributes`). */
  attributesOf: (subject: Community | Record<string, unknown>) => string;
  /** A period kind's label: 终期 / final. */
  kind: (id: string) => string;
  /** A period in words: 2025 终期 / 2025 final. */
  period: (period: Period | string) => string;
  /** The kind a new assessment starts with. */
  defaultKind: string;
}

/** English labels start lower-case to sit inside sentences; a heading or field label starts with a capital. */
function asHeading(text: string, lang: Language): string {
  return lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The profile's words in `lang`. */
export function deploymentWords(profile: DeploymentProfile, lang: Language): DeploymentWords {
  const { subject, periodKinds } = profile;
  return {
    profile,
    kinds: periodKinds,
    subject: asHeading(subject.label[lang], lang),
    subjectInText: subject.label[lang],
    subjects: asHeading(subject.plural[lang], lang),
    attribute: (attribute) => asHeading(attribute.label[lang], lang),
    attributesOf: (record) =>
      subject.attributes
        .map((attribute) => attributeText(attribute, (record as Record<string, unknown>)[attribute.id], lang))
        .filter(Boolean)
        .join(' · '),
    kind: (id) => periodKindLabel(periodKinds, id, lang),
    period: (period) => periodWords(period, lang, periodKinds),
    defaultKind: defaultPeriodKind(profile),
  };
}

/** The deployment's words in `lang` (the page language, from useLanguage). */
export function useDeployment(lang: Language): DeploymentWords {
  return deploymentWords(useContext(DeploymentContext), lang);
}
