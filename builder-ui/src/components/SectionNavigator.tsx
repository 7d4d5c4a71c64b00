/**
 * The form's sections with their progress (answered / total), each a button that scrolls to its
 * fieldset, and the progress over the whole form. Questions not needed under the current answers
 * leave the totals (model/form-progress.ts).
 */
import { useRef } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import type { SectionProgress } from '../model/form-progress.ts';

interface Props {
  sections: SectionProgress[];
  /** The form's idPrefix: a section's fieldset is `<idPrefix>_<section id>`. */
  idPrefix: string;
}

export function SectionNavigator({ sections, idPrefix }: Props) {
  const { t } = useLanguage();
  const answered = sections.reduce((n, s) => n + s.answered, 0);
  const total = sections.reduce((n, s) => n + s.total, 0);
  const nav = useRef<HTMLElement>(null);
  const jump = (id: string): void => {
    const target = document.getElementById(`${idPrefix}_${id}`);
    if (!target) return;
    // Where the navigator's sticky bar sits above the form (narrow screens), the section starts
    // below it, not under it; its height depends on the language and the width, so it is measured.
    const bar = nav.current?.parentElement;
    const barBox = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect() : null;
    const above = barBox !== null && barBox.right > target.getBoundingClientRect().left;
    const offset = above ? barBox.height + 8 : 8;
    window.scrollTo({ top: window.scrollY + target.getBoundingClientRect().top - offset });
    // Keyboard users land in the section, not back at the navigator.
    target.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  };
  return (
    <nav ref={nav} className="section-nav panel" aria-label={t('sections.label')} data-testid="section-nav">
      <p className="section-nav-overall" data-testid="overall-progress">
        <span>{t('sections.answered', { answered, total })}</span>
        <progress max={total || 1} value={answered} aria-label={t('sections.overall')} />
      </p>
      <ol>
        {sections.map((s) => (
          <li key={s.id} className={s.answered === s.total ? 'done' : undefined}>
            <button type="button" className="section-nav-jump" onClick={() => jump(s.id)} data-section={s.id}>
              <span className="section-nav-title">{s.title}</span>
              <span className="section-nav-count" data-testid={`progress-${s.id}`}>
                {s.answered}/{s.total}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
