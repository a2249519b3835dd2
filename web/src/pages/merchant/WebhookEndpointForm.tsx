import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call, type BodyOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { WebhookEventChoice } from './WebhookEventChoice.tsx';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpointWithSecret, webhookEndpointsKey } from './webhook-api.ts';

const INPUTS = ['url', 'events', 'description'] as const;
/** The server names one event as `events[2]`; the form has one group of checkboxes for them all. */
const ERROR_OPTIONS = { rename: (field: string) => field.replace(/\[\d+\]$/, '') };

type NewEndpoint = BodyOf<'/api/v1/webhook-endpoints', 'post'>;

const noEventChosen = (data: FormData): Record<string, string> => (data.getAll('events').length === 0 ? { events: 'Choose at least one event type' } : {});

/** Register an endpoint in the mode shown; its secret goes to `onCreated`, to be shown once. */
export function WebhookEndpointForm({ livemode, onCreated }: { livemode: boolean; onCreated(endpoint: WebhookEndpointWithSecret): void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const headingId = useId();
  // A new key after each creation gives a blank form.
  const [formKey, setFormKey] = useState(0);
  const create = useMutation({
    mutationFn: (body: NewEndpoint) => call(api.forMode(livemode ? 'live' : 'test').POST('/api/v1/webhook-endpoints', { body })),
    onSuccess: (endpoint) => {
      onCreated(endpoint);
      setFormKey((key) => key + 1);
      return queryClient.invalidateQueries({ queryKey: webhookEndpointsKey(endpoint.livemode) });
    },
  });
  const errors = useFormErrors(create, INPUTS, ERROR_OPTIONS);

  const submit = (data: FormData) => {
    if (!errors.validate(data, ['url'], noEventChosen)) return;
    const description = String(data.get('description') ?? '').trim();
    create.mutate({
      url: String(data.get('url')).trim(),
      events: data.getAll('events').map(String) as NewEndpoint['events'],
      ...(description ? { description } : {}),
    });
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>Add a {livemode ? 'live' : 'test'} endpoint</h3>
      <FormAlert message={errors.message} />
      <Form key={formKey} onSubmit={submit} errorKey={errors.errorKey} label={`Add a ${livemode ? 'live' : 'test'} webhook endpoint`}>
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          required
          placeholder="https://shop.example.com/webhooks/influencemart"
          hint="Influencemart POSTs signed JSON here."
          error={errors.fields.url}
        />
        <WebhookEventChoice eventTypes={WEBHOOK_EVENT_TYPES} error={errors.fields.events} />
        <TextField label="Description" name="description" maxLength={500} error={errors.fields.description} />
        <SubmitButton pending={create.isPending} pendingLabel="Adding…">
          Add endpoint
        </SubmitButton>
      </Form>
    </section>
  );
}
