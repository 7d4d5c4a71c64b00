/** One criterion: id, title, points, clause, bonus parent, not-applicable option and its rules. */
import type { Criterion, Indicator } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { addItem, getAt, newRule, positions, type Path, pointerOf, renameCriterion, setAt } from '../model/document.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { NumberField } from './NumberField.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

export function CriterionEditor({ path, index, count, indicator }: { path: Path; index: number; count: number; indicator: Indicator }) {
  const { doc, readOnly, edit, select } = useEditor();
  const { t, l } = useLanguage();
  const criterion = getAt(doc, path) as Criterion;
  const pointer = pointerOf(path);
  const siblings = indicator.criteria.filter((c) => c.id !== criterion.id).map((c) => ({ value: c.id, label: l(c.title, c.id) }));
  return (
    <details className="criterion card" data-pointer={pointer} data-criterion={criterion.id} open>
      <summary>
        <span className="badge">{t('editor.criterion.heading', { id: criterion.id })}</span> {l(criterion.title) || t('editor.untitled')} — {criterion.points}
      </summary>
      <div className="item-header">
        <span />
        <ItemControls listPath={path.slice(0, -1)} index={index} count={count} name={t('editor.name.criterion', { label: l(criterion.title, criterion.id) })} onMoved={select} />
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        <TextField path={[...path, 'id']} label={t('editor.criterion.id')} onValue={(v) => edit((d) => renameCriterion(d, path, v))} />
        <NumberField path={[...path, 'points']} label={t('editor.points')} />
        <CheckboxField path={[...path, 'cap']} label={t('editor.cap')} optional />
        <TextField path={[...path, 'clause']} label={t('editor.clauseOptional')} optional />
        <SelectField path={[...path, 'parent']} label={t('editor.criterion.parent')} emptyLabel={t('editor.criterion.notBonus')} options={siblings} />
      </div>
      <LocalizedField path={[...path, 'title']} label={t('editor.criterion.title')} multiline />
      <div className="row">
        <CheckboxField
          path={[...path, 'notApplicable', 'allowed']}
          label={t('editor.criterion.naAllowed')}
          onValue={(allowed) => edit((d) => setAt(d, [...path, 'notApplicable'], allowed ? { allowed: true } : undefined))}
        />
      </div>
      {criterion.notApplicable?.allowed && <LocalizedField path={[...path, 'notApplicable', 'help']} label={t('editor.criterion.naHelp')} />}
      <div className="sublist">
        {positions(criterion.rules).map((r) => (
          <RuleEditor key={r} path={[...path, 'rules', r]} index={r} count={criterion.rules.length} criterionId={criterion.id} />
        ))}
        <FieldIssues pointer={`${pointer}/rules`} />
        {!readOnly && (
          <button type="button" onClick={() => edit((d) => addItem(d, [...path, 'rules'], newRule()), { step: true })}>
            {t('editor.rule.add')}
          </button>
        )}
      </div>
    </details>
  );
}
