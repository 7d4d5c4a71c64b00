/**
 * The generated assessment form (@rjsf): schema validation with messages in the form's language
 * (no browser validation: noHtml5Validate), server errors placed on fields through `extraErrors`.
 * Its sections come in two stages: the first at once, the rest straight after (see SectionsInStages).
 */
import Form, { type IChangeEvent } from '@rjsf/core';
import type { ObjectFieldTemplateProps, RJSFSchema, UiSchema } from '@rjsf/utils';
import { type ReactNode, startTransition, useEffect, useMemo, useState } from 'react';
import type { AssessmentForm, Language } from '../../../engine/browser.ts';
import type { ErrorSchema } from '../model/assessment.ts';
import { formStrings, formValidator } from '../model/form-validator.ts';

export type FormData = Record<string, unknown>;

/**
 * Nothing is pre-answered: rjsf would otherwise default a yes/no to its first option (是), a choice
 * to its first option, a required boolean to false and a monthly series to twelve blanks, and an
 * assessor could submit answers nobody gave.
 */
const NO_PREFILLED_ANSWERS = {
  constAsDefaults: 'never',
  requiredBooleanDefault: 'skip',
  arrayMinItems: { populate: 'never' },
  emptyObjectFields: 'skipEmptyDefaults',
} as const;

/** Sections in the first stage: what fills the first screen. */
const FIRST_STAGE_SECTIONS = 1;

/**
 * The form's top level, its sections, rendered in two stages: the first section at once, so the
 * assessor can start as soon as the form arrives, and the rest in a transition right after, which
 * React renders in slices between the assessor's input. A form of ~140 questions otherwise renders
 * in one task that holds the page for longer than the form takes to arrive. Until every section is
 * there the list is marked aria-busy. Each section is rjsf's own (the registry's template).
 */
function SectionsInStages(props: ObjectFieldTemplateProps<FormData>) {
  const [all, setAll] = useState(false);
  useEffect(() => startTransition(() => setAll(true)), []);
  const Sections = props.registry.templates.ObjectFieldTemplate;
  const properties = all ? props.properties : props.properties.slice(0, FIRST_STAGE_SECTIONS);
  return (
    <div className="form-sections" aria-busy={!all}>
      <Sections {...props} properties={properties} />
    </div>
  );
}

interface Props {
  form: AssessmentForm;
  formData: FormData;
  onChange: (formData: FormData) => void;
  onSubmit?: (formData: FormData) => void;
  extraErrors?: ErrorSchema;
  readOnly?: boolean;
  idPrefix?: string;
  lang: Language;
  /** Buttons; without children the form has none (rjsf's default submit button is suppressed). */
  children?: ReactNode;
}

export function AssessmentFormView({ form, formData, onChange, onSubmit, extraErrors, readOnly, idPrefix = 'root', lang, children }: Props) {
  // Not ajv: see model/form-validator.ts (the served app's CSP forbids ajv's code generation).
  const validator = useMemo(() => formValidator<FormData>(lang), [lang]);
  const translateString = useMemo(() => formStrings(lang), [lang]);
  const uiSchema = useMemo(() => ({ ...(form.uiSchema as UiSchema<FormData>), 'ui:ObjectFieldTemplate': SectionsInStages }), [form.uiSchema]);
  return (
    <Form<FormData>
      className="assessment-form"
      schema={form.schema as RJSFSchema}
      uiSchema={uiSchema}
      formData={formData}
      validator={validator}
      translateString={translateString}
      noHtml5Validate
      experimental_defaultFormStateBehavior={NO_PREFILLED_ANSWERS}
      showErrorList="top"
      focusOnFirstError
      readonly={readOnly}
      idPrefix={idPrefix}
      extraErrors={extraErrors as never}
      onChange={(event: IChangeEvent<FormData>) => onChange(event.formData ?? {})}
      onSubmit={(event: IChangeEvent<FormData>) => onSubmit?.(event.formData ?? {})}
    >
      {children ?? <span />}
    </Form>
  );
}
