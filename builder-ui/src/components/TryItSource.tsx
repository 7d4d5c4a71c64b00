/**
 * Fills the try-it form from a stored assessment of this rubric or from an embedded test, so an
 * editor sees what the draft makes of a real case before publishing.
 */
import { useEffect, useState } from 'react';
import type { AssessmentInputs, RubricDocument } from '../../../engine/browser.ts';
import { useDeployment } from '../deployment.tsx';
import { api, type AssessmentPage, type AssessmentSummary, type Community, errorMessage } from '../api.ts';
import { useLanguage } from '../i18n/language.tsx';
import { countText } from '../i18n/message.ts';

/** How many stored assessments the choice offers: the most recently changed, so a province's list stays a list. */
const OFFERED = 100;

interface Props {
  doc: RubricDocument;
  rubricId: string;
  onLoad: (assessment: AssessmentInputs, name: string) => void;
}

export function TryItSource({ doc, rubricId, onLoad }: Props) {
  const { t, lang } = useLanguage();
  const deployment = useDeployment(lang);
  const [stored, setStored] = useState<AssessmentPage>({ entries: [], total: 0 });
  const [communities, setCommunities] = useState<Community[]>([]);
  const [choice, setChoice] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .listAssessments({ rubric: rubricId, limit: OFFERED })
      .then((page) => live && setStored(page))
      // Without assessments to read (a role that may not list them), the embedded tests remain.
      .catch(() => live && setStored({ entries: [], total: 0 }));
    return () => {
      live = false;
    };
  }, [rubricId]);

  // Assessments are named by their community's name, not its id.
  useEffect(() => {
    let live = true;
    api
      .listCommunities()
      .then((list) => live && setCommunities(list))
      .catch(() => live && setCommunities([]));
    return () => {
      live = false;
    };
  }, []);

  const count = (n: number): string => countText(n, lang);
  const assessmentName = (a: AssessmentSummary): string =>
    `${communities.find((c) => c.id === a.communityId)?.name ?? a.communityId} · ${deployment.period(a.period)} · ${a.rubric.version}`;

  const load = async (): Promise<void> => {
    setMessage(null);
    try {
      if (choice.startsWith('test:')) {
        const test = doc.tests[Number(choice.slice(5))];
        if (!test) return;
        onLoad({ inputs: test.inputs, ...(test.notApplicable && { notApplicable: test.notApplicable }) }, test.name);
        setMessage(t('editor.try.loaded', { name: test.name }));
      } else if (choice.startsWith('assessment:')) {
        const assessment = await api.getAssessment(choice.slice(11));
        const name = assessmentName(assessment);
        onLoad({ inputs: assessment.inputs, ...(assessment.notApplicable && { notApplicable: assessment.notApplicable }) }, name);
        setMessage(t('editor.try.loaded', { name }));
      }
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };

  return (
    <div className="try-source">
      <div className="field">
        <label htmlFor="try-source">{t('editor.try.source')}</label>
        <select id="try-source" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('editor.try.choose')}</option>
          {stored.entries.length > 0 && (
            <optgroup
              label={stored.total > stored.entries.length ? t('editor.try.assessmentsNewest', { shown: count(stored.entries.length), total: count(stored.total) }) : t('editor.try.assessments')}
            >
              {stored.entries.map((a) => (
                <option key={a.id} value={`assessment:${a.id}`}>
                  {assessmentName(a)}
                </option>
              ))}
            </optgroup>
          )}
          {doc.tests.length > 0 && (
            <optgroup label={t('editor.try.tests')}>
              {doc.tests.map((test, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: tests are named freely; position identifies them
                <option key={i} value={`test:${i}`}>
                  {test.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <button type="button" disabled={!choice} onClick={() => void load()}>
        {t('editor.try.load')}
      </button>
      {message && (
        <p className="hint" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
