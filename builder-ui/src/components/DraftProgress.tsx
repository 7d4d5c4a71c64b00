/**
 * Under the live score beside a draft form: the section navigator with progress and, for those
 * who may edit, whether the answers are saved. Part of the first load: the form waits for nothing else.
 */
import type { SectionProgress } from '../model/form-progress.ts';
import { AutosaveStatus, type LastSave } from './AutosaveStatus.tsx';
import { SectionNavigator } from './SectionNavigator.tsx';

interface Props {
  sections: SectionProgress[];
  /** The form's idPrefix (see SectionNavigator). */
  idPrefix: string;
  /** The save status; null for a reader who cannot edit. */
  save: { unsaved: boolean; busy: boolean; lastSave: LastSave | null } | null;
}

export function DraftProgress({ sections, idPrefix, save }: Props) {
  return (
    <>
      <SectionNavigator sections={sections} idPrefix={idPrefix} />
      {save && <AutosaveStatus unsaved={save.unsaved} busy={save.busy} lastSave={save.lastSave} />}
    </>
  );
}
