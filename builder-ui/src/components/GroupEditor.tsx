/**
 * One group's own fields, with its sub-groups and indicators listed as links: the outline holds
 * the hierarchy, the property panel only the selected group (each child opens on its own).
 */
import { type Group, weightWords } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { addItem, getAt, newGroup, newIndicator, type Path, pointerOf, positions } from '../model/document.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { useEditor } from './EditorContext.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { ItemControls } from './ItemControls.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { NumberField } from './NumberField.tsx';
import { PointsField } from './PointsField.tsx';
import { TextField } from './TextField.tsx';

export function GroupEditor({ path }: { path: Path }) {
  const { doc, readOnly, edit, select } = useEditor();
  const { t, l, lang } = useLanguage();
  const group = getAt(doc, path) as Group;
  const pointer = pointerOf(path);
  const index = path.at(-1) as number;
  const siblings = (getAt(doc, path.slice(0, -1)) as Group[]).length;
  const name = t('editor.name.group', { label: l(group.title, group.id) });
  const add = (list: 'indicators' | 'groups'): void => {
    const at = (group[list]?.length ?? 0) as number;
    edit((d) => addItem(d, [...path, list], list === 'indicators' ? newIndicator(d) : newGroup(d)), { step: true });
    select(pointerOf([...path, list, at]));
  };
  return (
    <section className="group card" data-pointer={pointer} data-group={group.id} aria-labelledby={`${pointer}-heading`}>
      <div className="item-header">
        <h2 id={`${pointer}-heading`}>
          <span className="badge">{t('editor.group.heading', { id: group.id })}</span> {l(group.title) || t('editor.untitled')} — {weightWords(group, lang) ?? group.points}
        </h2>
        <ItemControls listPath={path.slice(0, -1)} index={index} count={siblings} name={name} onMoved={select} />
      </div>
      <FieldIssues pointer={pointer} />
      <div className="row">
        <TextField path={[...path, 'id']} label={t('editor.group.id')} />
        <PointsField path={path} name={name} />
        <CheckboxField path={[...path, 'cap']} label={t('editor.cap')} optional />
        {doc.format === 'rubric/2' && <NumberField path={[...path, 'weight']} label={t('editor.group.weight')} optional min={0} />}
      </div>
      <LocalizedField path={[...path, 'title']} label={t('editor.group.title')} />
      {(group.groups?.length || group.indicators?.length) ? (
        <div className="sublist">
          <h3>{t('editor.group.children')}</h3>
          <ul className="child-links">
            {positions(group.groups).map((g) => (
              <li key={`g${g}`}>
                <button type="button" className="link" onClick={() => select(pointerOf([...path, 'groups', g]))}>
                  {t('editor.name.group', { label: l(group.groups?.[g].title, group.groups?.[g].id) })}
                </button>
              </li>
            ))}
            {positions(group.indicators).map((i) => (
              <li key={`i${i}`}>
                <button type="button" className="link" onClick={() => select(pointerOf([...path, 'indicators', i]))}>
                  {t('editor.name.indicator', { label: l(group.indicators?.[i].title, group.indicators?.[i].id) })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!readOnly && (
        <div className="actions">
          {!group.groups?.length && (
            <button type="button" onClick={() => add('indicators')}>
              {t('editor.add.indicator')}
            </button>
          )}
          {!group.indicators?.length && (
            <button type="button" onClick={() => add('groups')}>
              {t('editor.add.subgroup')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
