/** Whether the answers on screen are saved: "Unsaved changes", "Saving…", or when they were last saved. */
import { useLanguage } from '../i18n/language.tsx';

/** When the answers were last saved, and whether by the autosave rather than the Save button. */
export interface LastSave {
  at: Date;
  auto: boolean;
}

/** "14:05", in the reader's clock. */
const clock = (at: Date): string => `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;

export function AutosaveStatus({ unsaved, busy, lastSave }: { unsaved: boolean; busy: boolean; lastSave: LastSave | null }) {
  const { t } = useLanguage();
  let text: string;
  if (unsaved) text = t(busy ? 'autosave.saving' : 'autosave.unsaved');
  else if (lastSave) text = t(lastSave.auto ? 'autosave.auto' : 'autosave.manual', { time: clock(lastSave.at) });
  else text = t('autosave.allSaved');
  return (
    <p className={`autosave-status${unsaved ? ' unsaved' : ''}`} role="status" data-testid="autosave-status">
      {text}
    </p>
  );
}
