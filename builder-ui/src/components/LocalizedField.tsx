/** Chinese and English text of one Localized value, side by side. */
import { useLanguage } from '../i18n/language.tsx';
import { type Path, pointerOf } from '../model/document.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  path: Path;
  label: string;
  multiline?: boolean;
}

/** Each box names the language it holds, in the page language: 标题（中文）/ 标题（英文）, Title (Chinese) / Title (English). */
export function LocalizedField({ path, label, multiline }: Props) {
  const { t } = useLanguage();
  return (
    <div className="localized">
      <TextField path={[...path, 'zh']} label={t('editor.localized.zh', { label })} multiline={multiline} optional />
      <TextField path={[...path, 'en']} label={t('editor.localized.en', { label })} multiline={multiline} optional />
      <FieldIssues pointer={pointerOf(path)} />
    </div>
  );
}
