// Renders a view for a component test with the app's providers around it: a fresh QueryClient (no retries, so a
// failure shows at once), a session whose REST client is the test's, a hub connection the test stubs, and a router.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import type { LiveConnection } from '../api/hub';
import type { RestClient } from '../api/rest';
import { LiveContext } from '../app/liveContext';
import { SessionContext, type SessionContextValue } from '../features/auth/sessionContext';
import type { Session } from '../features/auth/sessionStorage';

export interface ViewOptions {
  api?: Partial<RestClient>;
  live?: Partial<LiveConnection>;
  session?: Session | null;
  path?: string;
  /** Session functions the view calls (adopt, resume…), over stubs that fail. */
  sessionFunctions?: Partial<Pick<SessionContextValue, 'adopt' | 'resume' | 'signOut'>>;
}

export function renderView(view: ReactElement, { api = {}, live = {}, session = null, path = '/', sessionFunctions = {} }: ViewOptions = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const value: SessionContextValue = {
    session,
    api: api as RestClient,
    signIn: () => Promise.reject(new Error('not in this test')),
    signOut: () => {},
    adopt: () => {
      throw new Error('not in this test');
    },
    resume: () => Promise.resolve(null),
    ...sessionFunctions,
  };
  return render(
    <QueryClientProvider client={queryClient}>
      <SessionContext.Provider value={value}>
        <LiveContext.Provider value={live as LiveConnection}>
          <MemoryRouter initialEntries={[path]}>{view}</MemoryRouter>
        </LiveContext.Provider>
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
}
