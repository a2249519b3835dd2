import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ResponseOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';

export type EmailSettings = ResponseOf<'/api/auth/email-settings', 'get'>;
export type NotificationKind = EmailSettings['notifications'][number]['kind'];

export const EMAIL_SETTINGS_KEY = ['email-settings'] as const;

export function useEmailSettings(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: EMAIL_SETTINGS_KEY, queryFn: () => call(api.GET('/api/auth/email-settings')), enabled });
}

export function useUpdateEmailSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notifications: EmailSettings['notifications']) => call(api.PATCH('/api/auth/email-settings', { body: { notifications } })),
    onSuccess: (settings) => queryClient.setQueryData(EMAIL_SETTINGS_KEY, settings),
  });
}

export function useResendVerification() {
  const api = useApi();
  return useMutation({ mutationFn: () => call(api.POST('/api/auth/verification-email')) });
}
