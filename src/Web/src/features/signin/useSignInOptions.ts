import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/sessionContext';

/** The providers this server signs in with and whether dev-login is on; they change only with its settings. */
export function useSignInOptions() {
  const { api } = useSession();
  return useQuery({ queryKey: ['signin', 'options'], queryFn: ({ signal }) => api.signInOptions(signal), staleTime: Infinity });
}

/** Where a provider's sign-in starts: a full navigation, since the browser goes to the provider and back. */
export function providerLoginUrl(provider: string, returnUrl = '/'): string {
  return `/api/auth/login/${encodeURIComponent(provider)}?returnUrl=${encodeURIComponent(returnUrl)}`;
}

/** A return address of this site only (the server refuses others). */
export function localReturnUrl(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
