import { useState } from 'react';
import { lastDays, PRESETS, REPORT_TIME_ZONE, todayIn, type Period } from './report-period.ts';

/** The period a report page shows; the last 30 days at first. */
export function useReportPeriod(): [Period, (period: Period) => void] {
  return useState<Period>(() => lastDays(30, todayIn(REPORT_TIME_ZONE)));
}

/** Last 7, 30 or 90 days, or a custom range of calendar days (Kathmandu time). */
export function ReportPeriodPicker({ period, onChange }: { period: Period; onChange(period: Period): void }) {
  const today = todayIn(REPORT_TIME_ZONE);
  const preset = PRESETS.find((days) => {
    const candidate = lastDays(days, today);
    return candidate.from === period.from && candidate.to === period.to;
  });
  const [custom, setCustom] = useState(preset === undefined);
  const [draft, setDraft] = useState(period);
  return (
    <div className="period-picker">
      <div className="mode-switch" role="group" aria-label="Period">
        {PRESETS.map((days) => (
          <button
            key={days}
            type="button"
            className="button button--quiet"
            aria-pressed={!custom && preset === days}
            onClick={() => {
              setCustom(false);
              onChange(lastDays(days, today));
            }}
          >
            {days} days
          </button>
        ))}
        <button type="button" className="button button--quiet" aria-pressed={custom} onClick={() => setCustom(true)}>
          Custom
        </button>
      </div>
      {custom && (
        <form
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.from && draft.to) onChange(draft);
          }}
        >
          <div className="field">
            <label htmlFor="period-from">From</label>
            <input id="period-from" type="date" value={draft.from} max={draft.to || today} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="period-to">To</label>
            <input id="period-to" type="date" value={draft.to} min={draft.from} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </div>
          <button type="submit" className="button button--small">
            Show
          </button>
        </form>
      )}
      <p className="muted" role="status">
        {period.from} to {period.to}, days in Kathmandu time
      </p>
    </div>
  );
}
