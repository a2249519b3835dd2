import { useState } from 'react';
import { asApiError } from '../../api.ts';

/** Fetches a report as CSV through the session (so the test/live header goes with it) and saves it. */
export function CsvDownloadButton({ label, fileName, fetchCsv }: { label: string; fileName: string; fetchCsv(): Promise<string> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const url = URL.createObjectURL(new Blob([await fetchCsv()], { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (failure) {
      setError(asApiError(failure).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void download()}>
        {label}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
