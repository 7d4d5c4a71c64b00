/** Chinese and English text of one Localized value, side by side. */
import { type Path, pointerOf } from '../model/document.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  path: Path;
  label: string;
  multiline?: boolean;
}

export function LocalizedField({ path, label, multiline }: Props) {
  return (
    <div className="localized">
      <TextField path={[...path, 'zh']} label={`${label} (中文)`} multiline={multiline} optional />
      <TextField path={[...path, 'en']} label={`${label} (English)`} multiline={multiline} optional />
      <FieldIssues pointer={pointerOf(path)} />
    </div>
  );
}
