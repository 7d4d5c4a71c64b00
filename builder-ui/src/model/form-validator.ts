/**
 * An @rjsf validator for the assessment forms the engine derives, without code generation.
 *
 * Why not @rjsf/validator-ajv8: ajv compiles each schema to a function with `new Function`,
 * which the server's Content Security Policy (script-src 'self', no 'unsafe-eval') forbids, so
 * in the served app ajv8 validation fails to compile and lets every value through. The derived
 * forms use a small, fixed part of JSON Schema (engine/scoring/inputs.ts, engine/scoring/form.ts): object /
 * array / string / number / integer / boolean, required, minimum / maximum, const / enum /
 * oneOf-of-consts, minItems / maxItems / tuple items, uniqueItems, maxLength. This checks exactly
 * those, interpreting the schema, and ignores keywords it does not know.
 */
import { type ErrorSchema, ErrorSchemaBuilder, englishStringTranslator, type RJSFSchema, type RJSFValidationError, TranslatableString, type ValidationData, type ValidatorType } from '@rjsf/utils';
import type { Language } from '../../../engine/browser.ts';
import { message } from '../i18n/message.ts';
import type { MessageKey } from '../i18n/messages/index.ts';

type Schema = {
  type?: string | string[];
  title?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema | Schema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  minLength?: number;
  const?: unknown;
  enum?: unknown[];
  oneOf?: Schema[];
};

/** The validation messages, from the catalogue (`validation.*`), in the form's language. */
function wordsFor(lang: Language) {
  const limit = (key: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum' | 'minItems' | 'maxItems' | 'maxLength' | 'minLength') => (n: number) => message(`validation.${key}`, lang, { limit: n });
  const TYPES = ['integer', 'number', 'boolean', 'string', 'array', 'object'] as const;
  return {
    required: () => message('validation.required', lang),
    type: (t: string) => message('validation.type', lang, { type: (TYPES as readonly string[]).includes(t) ? message(`validation.type.${t as (typeof TYPES)[number]}`, lang) : t }),
    minimum: limit('minimum'),
    maximum: limit('maximum'),
    exclusiveMinimum: limit('exclusiveMinimum'),
    exclusiveMaximum: limit('exclusiveMaximum'),
    minItems: limit('minItems'),
    maxItems: limit('maxItems'),
    uniqueItems: () => message('validation.uniqueItems', lang),
    maxLength: limit('maxLength'),
    minLength: limit('minLength'),
    enum: () => message('validation.enum', lang),
  };
}

/** rjsf's own words (the "Errors" heading, yes / no, list buttons) in the form's language: pass as `<Form translateString>`. */
export function formStrings(lang: Language): (text: TranslatableString, params?: string[]) => string {
  const keys: Partial<Record<TranslatableString, MessageKey>> = {
    [TranslatableString.ErrorsLabel]: 'form.errors',
    [TranslatableString.YesLabel]: 'form.yes',
    [TranslatableString.NoLabel]: 'form.no',
    [TranslatableString.AddButton]: 'form.add',
    [TranslatableString.AddItemButton]: 'form.add',
    [TranslatableString.RemoveButton]: 'form.remove',
    [TranslatableString.MoveUpButton]: 'form.moveUp',
    [TranslatableString.MoveDownButton]: 'form.moveDown',
    [TranslatableString.CopyButton]: 'form.copy',
    [TranslatableString.ArrayItemTitle]: 'form.item',
    [TranslatableString.EmptyArray]: 'form.emptyArray',
  };
  return (text, params) => {
    const key = keys[text];
    // Words the derived forms never show fall back to rjsf's English.
    return key ? message(key, lang) : englishStringTranslator(text, params);
  };
}

/** rjsf property notation: `.a.b`, with `['x.y']` for keys a dot would otherwise split (criterion ids such as "B1.1"). */
function property(path: (string | number)[]): string {
  return path.map((step) => (typeof step === 'number' ? `.${step}` : /^[A-Za-z_$][\w$-]*$/.test(step) ? `.${step}` : `['${step.replace(/'/g, "\\'")}']`)).join('');
}

/**
 * The steps of a property written by `property`. rjsf's own toPath splits at every dot and
 * bracket (quoted keys included), so the error schema is built from these steps instead.
 */
function stepsOf(property: string): string[] {
  return [...property.matchAll(/\.([^.[]+)|\['((?:[^'\\]|\\.)*)'\]/g)].map((match) => match[1] ?? match[2].replace(/\\'/g, "'"));
}

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Every violation of `schema` by `value`, with the path of the offending value. */
export function checkValue(schema: Schema, value: unknown, lang: Language, path: (string | number)[] = []): RJSFValidationError[] {
  const words = wordsFor(lang);
  const errors: RJSFValidationError[] = [];
  const fail = (name: string, message: string, at = path, title = schema.title): void => {
    errors.push({ name, message, property: property(at), stack: `${title ? `${title}: ` : ''}${message}`, params: {}, schemaPath: '', title });
  };
  // A section nobody touched is still checked for its required fields.
  if (value === undefined && schema.type === 'object') return checkValue(schema, {}, lang, path);
  if (value === undefined) return errors;
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length && !types.some((t) => typeMatches(value, t))) {
    fail('type', words.type(types[0]));
    return errors;
  }
  if (schema.const !== undefined && !same(schema.const, value)) fail('const', words.enum());
  if (schema.enum && !schema.enum.some((option) => same(option, value))) fail('enum', words.enum());
  if (schema.oneOf?.length && schema.oneOf.every((option) => option.const !== undefined) && !schema.oneOf.some((option) => same(option.const, value))) fail('oneOf', words.enum());
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail('minimum', words.minimum(schema.minimum));
    if (schema.maximum !== undefined && value > schema.maximum) fail('maximum', words.maximum(schema.maximum));
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) fail('exclusiveMinimum', words.exclusiveMinimum(schema.exclusiveMinimum));
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) fail('exclusiveMaximum', words.exclusiveMaximum(schema.exclusiveMaximum));
  }
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) fail('maxLength', words.maxLength(schema.maxLength));
    if (schema.minLength !== undefined && [...value].length < schema.minLength) fail('minLength', words.minLength(schema.minLength));
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail('minItems', words.minItems(schema.minItems));
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail('maxItems', words.maxItems(schema.maxItems));
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) fail('uniqueItems', words.uniqueItems());
    value.forEach((item, i) => {
      const itemSchema = Array.isArray(schema.items) ? schema.items[i] : schema.items;
      if (itemSchema) errors.push(...checkValue(itemSchema, item, lang, [...path, i]));
    });
  }
  if (typeMatches(value, 'object')) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      // A missing section or indicator is not an error of its own: its fields are checked below
      // (as {}), so only the inputs it requires are reported, and one with none passes.
      if (object[key] === undefined && schema.properties?.[key]?.type !== 'object') fail('required', words.required(), [...path, key], schema.properties?.[key]?.title ?? key);
    }
    for (const [key, child] of Object.entries(schema.properties ?? {})) errors.push(...checkValue(child, object[key], lang, [...path, key]));
  }
  return errors;
}

/** The validator to pass to `<Form validator>`; messages in the form's language. */
export function formValidator<T = Record<string, unknown>>(lang: Language): ValidatorType<T, RJSFSchema> {
  return {
    validateFormData(formData, schema, customValidate, transformErrors, uiSchema): ValidationData<T> {
      let errors = checkValue(schema as Schema, formData ?? {}, lang);
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      const builder = new ErrorSchemaBuilder<T>();
      for (const error of errors) if (error.message) builder.addErrors(error.message, stepsOf(error.property ?? ''));
      const errorSchema = builder.ErrorSchema as ErrorSchema<T>;
      // Custom validation is not used by the derived forms; it would need the rjsf error handler plumbing.
      void customValidate;
      return { errors, errorSchema };
    },
    isValid(schema, formData) {
      return checkValue(schema as Schema, formData, lang).length === 0;
    },
    rawValidation<Result = unknown>(schema: RJSFSchema, formData?: T) {
      return { errors: checkValue(schema as Schema, formData, lang) as Result[] };
    },
  };
}
