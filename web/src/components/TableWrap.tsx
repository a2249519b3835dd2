import { useEffect, useRef, useState, type ReactNode } from 'react';

/** The frame can scroll, either way (what axe's scrollable-region rule looks at too). */
const scrolls = (frame: HTMLElement) => frame.scrollWidth > frame.clientWidth + 1 || frame.scrollHeight > frame.clientHeight + 1;

/**
 * The frame of a table. When the table is wider than its frame (a phone, a narrow column), the
 * frame scrolls sideways and becomes a group in the tab order named after the table (its caption
 * or aria-label), so a keyboard can scroll it and a screen reader says what it holds; otherwise it
 * is only a frame and no extra tab stop. A group, not a region: a table is not a landmark of the
 * page, and its section usually carries the same name already.
 */
export function TableWrap({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollingName, setScrollingName] = useState<string | null>(null);
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const measure = () => {
      const table = frame.querySelector('table');
      const name = table?.caption?.textContent ?? table?.getAttribute('aria-label') ?? 'Table';
      setScrollingName(scrolls(frame) ? name : null);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    for (const child of frame.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-wrap" {...(scrollingName === null ? {} : { role: 'group', 'aria-label': scrollingName, tabIndex: 0 })}>
      {children}
    </div>
  );
}
