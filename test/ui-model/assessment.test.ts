/** Assessment form helpers (builder-ui/src/model/assessment.ts) on the forms the engine derives. */
import { describe, expect, test } from 'vitest';
import { type AssessmentInputs, assessmentToFormData, deriveForm, indexRubric, type RubricDocument } from '../../engine/browser.ts';
import { detailsToErrorSchema, fieldLocations, inputsToSend } from '../../builder-ui/src/model/assessment.ts';
import { appendixC, venueAccessibility } from './documents.ts';

/** Form data of stored inputs, placed as the version's form nests them (as the assessment page fills it). */
const formDataOf = (doc: RubricDocument, assessment: AssessmentInputs): Record<string, unknown> => assessmentToFormData(deriveForm(indexRubric(doc)), assessment);

const venue = venueAccessibility();
const venueSchema = deriveForm(indexRubric(venue), 'en').schema;

describe('fieldLocations', () => {
  test('finds every input of the rubric and every not-applicable field, at its place in the form', () => {
    const doc = appendixC();
    const locations = fieldLocations(deriveForm(indexRubric(doc), 'en').schema);
    for (const input of doc.inputs) expect(locations.has(input.id), input.id).toBe(true);
    expect(locations.get('hygieneProblems')?.path).toEqual(['basic-setup', 'i04', 'hygieneProblems']);
    expect(locations.get('licensedWorkerEducationHours')?.path).toEqual(['requirements', 'licensedWorkerEducationHours']);
    expect(locations.get('hygieneProblems')?.title).toMatch(/hygiene/i);
    expect(fieldLocations(venueSchema).get('B1.1')?.path).toEqual(['notApplicable', 'B1.1']);
  });
});

describe('server error details on the form', () => {
  test('places /inputs/<id> and /notApplicable/<id> details on their fields, the others above the form', () => {
    const details = [
      { path: '/inputs/doorWidthCm', message: 'expected a number from 0 to 400, got 500' },
      { path: '/inputs/doorWidthCm', message: 'second message' },
      { path: '/notApplicable/B1.1', message: 'give the reason' },
      { path: '/inputs/unknownInput', message: 'not an input' },
      { path: '/inputs', message: 'send "inputs" as an object' },
    ];
    const { errorSchema, placed, unplaced } = detailsToErrorSchema(details, venueSchema);
    const door = fieldLocations(venueSchema).get('doorWidthCm');
    expect(door?.path).toHaveLength(3);
    const [section, indicator, field] = door?.path ?? [];
    expect(((errorSchema[section] as Record<string, Record<string, { __errors: string[] }>>)[indicator][field]).__errors).toEqual(['expected a number from 0 to 400, got 500', 'second message']);
    expect((errorSchema.notApplicable as Record<string, { __errors: string[] }>)['B1.1'].__errors).toEqual(['give the reason']);
    expect(placed.map((p) => p.message)).toEqual(['expected a number from 0 to 400, got 500', 'second message', 'give the reason']);
    expect(placed[0].title).toBe(door?.title);
    expect(unplaced.map((d) => d.path)).toEqual(['/inputs/unknownInput', '/inputs']);
  });
});

describe('form data and inputs', () => {
  test('stored inputs go into the form and come back out unchanged (every test case of both rubrics)', () => {
    for (const doc of [appendixC(), venue]) {
      for (const testCase of doc.tests) {
        const assessment = testCase.notApplicable ? { inputs: testCase.inputs, notApplicable: testCase.notApplicable } : { inputs: testCase.inputs };
        const sent = inputsToSend(formDataOf(doc, assessment));
        expect(sent.inputs, testCase.name).toEqual(testCase.inputs);
        expect(sent.notApplicable, testCase.name).toEqual(testCase.notApplicable);
      }
    }
  });

  test('a half-filled series is left out, so a draft saves and the server reports it missing', () => {
    const doc = appendixC();
    const inputs = { ...doc.tests[0].inputs, themedActivitiesPerMonth: [5, 5, null, 5] as unknown as number[] };
    const sent = inputsToSend(formDataOf(doc, { inputs }));
    expect('themedActivitiesPerMonth' in sent.inputs).toBe(false);
    expect(sent.inputs.hygieneProblems).toBe(doc.tests[0].inputs.hygieneProblems);
  });

  test('an empty not-applicable reason is not sent', () => {
    const sent = inputsToSend({ ...formDataOf(venue, { inputs: venue.tests[0].inputs }), notApplicable: { 'B1.1': '  ' } });
    expect(sent.notApplicable).toBeUndefined();
  });
});
