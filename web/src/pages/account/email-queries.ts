import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api-context.tsx';

export type NotificationKind = 'join_request_received' | 'join_request_decided' | 'commission_approved' | 'payout_paid';

export interface EmailSettings {
  emailVerified: boolean;
  notifications: Array<{ kind: NotificationKind; enabled: boolean }>;
}

export const EMAIL_SETTINGS_KEY = ['email-settings'] as const;

export function useEmailSettings(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: EMAIL_SETTINGS_KEY, queryFn: () => api.get<EmailSettings>('/api/auth/email-settings'), enabled });
}

export function useUpdateEmailSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notifications: EmailSettings['notifications']) => api.patch<EmailSettings>('/api/auth/email-settings', { notifications }),
    onSuccess: (settings) => queryClient.setQueryData(EMAIL_SETTINGS_KEY, settings),
  });
}

export function useResendVerification() {
  const api = useApi();
  return useMutation({ mutationFn: () => api.post<{ alreadyVerified: boolean }>('/api/auth/verification-email') });
}
