import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../platform/api.ts';

/** signs out on the server, forgets every cached answer and returns to the login page */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await api.post('/api/auth/logout', {}, { quietAuth: true });
    } catch {
      // the session may already be gone; signing out locally is what matters
    }
    await navigate('/login', { replace: true, state: { reason: 'logout' } });
    queryClient.clear();
  };
}
