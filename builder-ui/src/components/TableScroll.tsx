/**
 * The box of a table wider than a narrow screen: it scrolls sideways, and while it does, it is a
 * named region with a tab stop, so it can be reached and scrolled from the keyboard (the arrow
 * keys scroll a focused box). A box that fits adds no tab stop.
 */
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = (): void => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    // The box narrows with the window; the table widens with its rows.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="table-scroll" {...(overflows && { tabIndex: 0, role: 'region', 'aria-label': label })}>
      {children}
    </div>
  );
}
