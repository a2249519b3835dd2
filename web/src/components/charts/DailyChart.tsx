import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { TableWrap } from '../TableWrap.tsx';

export interface DailySeries {
  label: string;
  /** What is drawn; money arrives as decimal strings and is turned into numbers for drawing only. */
  values: number[];
  /** What a person reads, one per day (the API's figures, formatted). */
  shown: string[];
  color: string;
  /** Counts on the left axis, money on the right. */
  axis: 'count' | 'money';
}

const HEIGHT = 240;
const DAY_SECONDS = 86_400;

/**
 * A per-day chart of a report. The canvas is hidden from assistive technology: the caption says what
 * the range adds up to and the same figures sit in a table with headers (docs/decisions/0009).
 */
export function DailyChart({ title, summary, days, series }: { title: string; summary: string; days: string[]; series: DailySeries[] }) {
  const plotRef = useRef<HTMLDivElement>(null);
  const captionId = useId();

  useEffect(() => {
    const target = plotRef.current;
    if (!target) return;
    const xs = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
    const money = series.some((s) => s.axis === 'money');
    const options: uPlot.Options = {
      width: Math.max(280, target.clientWidth),
      height: HEIGHT,
      // Days are calendar days of the report's zone: draw them as they are named, never shifted.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: {
        x: { time: true, range: (_u, min, max) => (min === max ? [min - DAY_SECONDS, max + DAY_SECONDS] : [min, max]) },
        count: { auto: true },
        money: { auto: true },
      },
      axes: [{}, { scale: 'count', label: 'Count' }, ...(money ? [{ scale: 'money', side: 1 as const, label: 'Amount', grid: { show: false } }] : [])],
      series: [{ label: 'Day' }, ...series.map((s) => ({ label: s.label, scale: s.axis, stroke: s.color, width: 2, points: { show: days.length <= 31 } }))],
      legend: { show: true },
    };
    const plot = new uPlot(options, [xs, ...series.map((s) => s.values)], target);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, target.clientWidth), height: HEIGHT }));
    resize.observe(target);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days, series]);

  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{title}</strong> <span className="muted">{summary}</span>
      </figcaption>
      <div ref={plotRef} className="chart-plot" aria-hidden="true" />
      <details className="chart-data">
        <summary>Figures per day</summary>
        <TableWrap>
          <table>
            <caption className="visually-hidden">{title}, per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day, i) => (
                <tr key={day}>
                  <th scope="row">{day}</th>
                  {series.map((s) => (
                    <td key={s.label}>{s.shown[i]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </figure>
  );
}
