// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DevLoginResponse, PendingSignUp } from '../../api/contract';
import { ApiError } from '../../api/errors';
import { renderView } from '../../test/render';
import { HandlePickerPage } from './HandlePickerPage';
import { SignInCompletePage } from './SignInCompletePage';
import { SignInPage } from './SignInPage';

afterEach(cleanup);

const pending: PendingSignUp = { provider: 'google', displayName: 'Ada L.', suggestedHandle: 'AdaL' };
const signedIn: DevLoginResponse = {
  accessToken: 'token',
  expiresAt: '2030-01-01T00:00:00+00:00',
  user: { id: 'u_1', handle: 'ada', role: 'viewer', createdAt: '2026-11-24T12:00:00+00:00' },
};

describe('the sign-in page', () => {
  it('offers a full-page sign-in per configured provider, back to where the user was', async () => {
    const signInOptions = vi.fn(() => Promise.resolve({ providers: [{ id: 'google', name: 'Google' }, { id: 'kc', name: 'Company ID' }], devLogin: false }));
    renderView(<SignInPage />, { api: { signInOptions }, path: '/signin?returnUrl=/studio' });

    const google = await screen.findByTestId('signin-provider-google');
    expect(google.getAttribute('href')).toBe('/api/auth/login/google?returnUrl=%2Fstudio');
    expect(screen.getByTestId('signin-provider-kc').textContent).toBe('Continue with Company ID');
    expect(screen.queryByText('Development sign-in')).toBeNull();
  });

  it('never sends the user back off the site', async () => {
    const signInOptions = vi.fn(() => Promise.resolve({ providers: [{ id: 'x', name: 'X' }], devLogin: true }));
    renderView(<SignInPage />, { api: { signInOptions }, path: '/signin?returnUrl=//evil.example' });

    expect((await screen.findByTestId('signin-provider-x')).getAttribute('href')).toBe('/api/auth/login/x?returnUrl=%2F');
    expect(screen.getByText('Development sign-in')).toBeTruthy();
  });

  it('says why a sign-in came back refused', async () => {
    const signInOptions = vi.fn(() => Promise.resolve({ providers: [], devLogin: true }));
    renderView(<SignInPage />, { api: { signInOptions }, path: '/signin?error=invalid_input&message=Sign-in%20failed%3A%20used%20already' });

    expect((await screen.findByTestId('signin-error')).textContent).toBe('Sign-in failed: used already');
  });
});

describe('the handle picker', () => {
  it('suggests the provider name, creates the account and takes its session', async () => {
    const signUp = vi.fn(() => Promise.resolve(signedIn));
    const adopt = vi.fn();
    renderView(<HandlePickerPage />, { api: { pendingSignUp: () => Promise.resolve(pending), signUp }, sessionFunctions: { adopt } });

    const input = await screen.findByTestId('signup-handle');
    expect((input as HTMLInputElement).value).toBe('AdaL');
    fireEvent.change(input, { target: { value: ' ada ' } });
    fireEvent.change(screen.getByTestId('signup-role'), { target: { value: 'creator' } });
    fireEvent.click(screen.getByTestId('signup-submit'));

    await waitFor(() => expect(adopt).toHaveBeenCalledWith(signedIn));
    expect(signUp).toHaveBeenCalledWith({ handle: 'ada', role: 'creator' });
  });

  it('shows a taken handle at the field, and lets the user pick again', async () => {
    const signUp = vi.fn(() => Promise.reject(new ApiError(409, 'conflict', "The handle 'ada' is taken.", {}, null)));
    renderView(<HandlePickerPage />, { api: { pendingSignUp: () => Promise.resolve(pending), signUp } });

    fireEvent.click(await screen.findByTestId('signup-submit'));

    expect(await screen.findByText("The handle 'ada' is taken.")).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('signup-submit').disabled).toBe(false);
  });

  it('sends the user back to sign in when no sign-in waits for a handle', async () => {
    const pendingSignUp = vi.fn(() => Promise.reject(new ApiError(404, 'not_found', 'No sign-in is waiting.', {}, null)));
    renderView(<HandlePickerPage />, { api: { pendingSignUp } });

    expect(await screen.findByText('This sign-in has expired or was finished already.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in again' })).toBeTruthy();
  });
});

describe('the return from a provider', () => {
  it('says so when the session cookie buys no session', async () => {
    const resume = vi.fn(() => Promise.resolve(null));
    renderView(<SignInCompletePage />, { sessionFunctions: { resume }, path: '/signin/complete?returnUrl=/studio' });

    expect(await screen.findByText(/did not finish/)).toBeTruthy();
    expect(resume).toHaveBeenCalledTimes(1);
  });
});
