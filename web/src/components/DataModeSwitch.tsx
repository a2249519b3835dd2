import type { DataMode } from '../api.ts';
import { navigate, useLocation } from '../router.tsx';

/** The data a page shows, test or live, kept in the address (`?mode=test`) so a reload or a shared link keeps it. */
export function useDataMode(): [DataMode, (mode: DataMode) => void] {
  const { pathname, search } = useLocation();
  const mode: DataMode = search.get('mode') === 'test' ? 'test' : 'live';
  const setMode = (next: DataMode) => {
    const params = new URLSearchParams(search);
    if (next === 'test') params.set('mode', 'test');
    else params.delete('mode');
    const query = params.toString();
    navigate(query ? `${pathname}?${query}` : pathname, { replace: true });
  };
  return [mode, setMode];
}

/** Two buttons, Live and Test; the pressed one is the data the page shows. */
export function DataModeSwitch({ mode, onChange }: { mode: DataMode; onChange(mode: DataMode): void }) {
  return (
    <div className="mode-switch" role="group" aria-label="Data">
      {(['live', 'test'] as const).map((option) => (
        <button key={option} type="button" className="button button--quiet" aria-pressed={mode === option} onClick={() => onChange(option)}>
          {option === 'live' ? 'Live data' : 'Test data'}
        </button>
      ))}
    </div>
  );
}
