/** One scoring rule of a criterion: its name, its conditions and what it awards. */
import type { ScoringRule } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { getAt, type Path, pointerOf } from '../model/document.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { ScoringEditor } from './ScoringEditor.tsx';
import { TextField } from './TextField.tsx';

export function RuleEditor({ path, index, count, criterionId }: { path: Path; index: number; count: number; criterionId: string }) {
  const { doc } = useEditor();
  const { t } = useLanguage();
  const rule = getAt(doc, path) as ScoringRule;
  const pointer = pointerOf(path);
  const name = t('editor.rule.name', { n: index + 1, criterion: criterionId });
  return (
    <section className="rule" data-pointer={pointer} aria-label={name}>
      <div className="item-header">
        <h5>
          {t('editor.rule.heading', { n: index + 1 })}
          {rule.name ? `${t('common.colon')}${rule.name}` : ''}
        </h5>
        <ItemControls listPath={path.slice(0, -1)} index={index} count={count} name={name} />
      </div>
      <FieldIssues pointer={pointer} />
      <TextField path={[...path, 'name']} label={t('editor.rule.nameField')} optional />
      <ConditionEditor path={[...path, 'conditions']} label={t('editor.rule.conditions', { n: index + 1 })} />
      <ScoringEditor path={[...path, 'event', 'params']} />
    </section>
  );
}
