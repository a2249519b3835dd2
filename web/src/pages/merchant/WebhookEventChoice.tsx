import { useId } from 'react';
import { fieldMessage } from '../../components/field-message.ts';

/** One checkbox per event type, named `events`, with the group's error announced with each box. */
export function WebhookEventChoice({ eventTypes, error }: { eventTypes: readonly string[]; error?: string | undefined }) {
  const errorId = useId();
  return (
    <fieldset className={`field event-choice${error ? ' field--invalid' : ''}`}>
      <legend>Events to send</legend>
      {eventTypes.map((type) => (
        <label key={type} className="switch">
          <input type="checkbox" name="events" value={type} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
          <span className="mono">{type}</span>
        </label>
      ))}
      {error && (
        <p id={errorId} className="field-error">
          {fieldMessage('Events', error)}
        </p>
      )}
    </fieldset>
  );
}
