import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { createQueryClient } from '../api/queries';
import { SessionProvider } from '../features/auth/SessionProvider';
import { AccountPage } from '../features/signin/AccountPage';
import { HandlePickerPage } from '../features/signin/HandlePickerPage';
import { SignInCompletePage } from '../features/signin/SignInCompletePage';
import { SignInPage } from '../features/signin/SignInPage';
import { ProfileEditPage } from '../features/accounts/ProfileEditPage';
import { AuditPage } from '../features/admin/AuditPage';
import { ReportsPage } from '../features/admin/ReportsPage';
import { RolesPage } from '../features/admin/RolesPage';
import { LeaderboardsPage } from '../features/leaderboards/LeaderboardsPage';
import { CustomizePage } from '../features/overlay/CustomizePage';
import { ProfilePage } from '../features/progression/ProfilePage';
import { ProgressProvider } from '../features/progression/ProgressProvider';
import { CommandGiftsPage } from '../features/studio/CommandGiftsPage';
import { ModerationPage } from '../features/studio/ModerationPage';
import { GoLivePage } from '../features/media/GoLivePage';
import { HomePage } from '../features/streams/HomePage';
import { StudioPage } from '../features/streams/StudioPage';
import { WatchPage } from '../features/streams/WatchPage';
import { VodPage } from '../features/vod/VodPage';
import { WalletPage } from '../features/wallet/WalletPage';
import { CheckoutCancelPage, CheckoutSuccessPage } from '../features/store/CheckoutResultPages';
import { StorePage } from '../features/store/StorePage';
import { PayoutsPage } from '../features/payouts/PayoutsPage';
import { PayoutQueuePage } from '../features/admin/PayoutQueuePage';
import { Layout } from './Layout';
import { LiveProvider } from './LiveProvider';
import { NotFoundPage } from './NotFoundPage';
import { SegmentsPage } from '../features/segments/SegmentsPage';
import { SegmentQueuePage } from '../features/segments/SegmentQueuePage';

// Its own chunk: the charting library is loaded by the creators who open analytics, not by every viewer.
const AnalyticsPage = lazy(() => import('../features/analytics/AnalyticsPage').then((module) => ({ default: module.AnalyticsPage })));

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
    <SessionProvider>
      <LiveProvider>
        <BrowserRouter>
          <ProgressProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="watch/:streamId" element={<WatchPage />} />
              <Route path="vod/:streamId" element={<VodPage />} />
              <Route path="studio" element={<StudioPage />} />
              <Route path="studio/streams/:streamId/commands" element={<CommandGiftsPage />} />
              <Route path="studio/streams/:streamId/customize" element={<CustomizePage />} />
              <Route path="studio/moderation" element={<ModerationPage />} />
              <Route path="studio/streams/:streamId/go-live" element={<GoLivePage />} />
              <Route path="studio/streams/:streamId/analytics" element={
                  <Suspense fallback={<div className="skeleton skeleton--title" role="status" aria-label="Loading" />}>
                    <AnalyticsPage />
                  </Suspense>
                } />
              <Route path="wallet" element={<WalletPage />} />
              <Route path="leaderboards" element={<LeaderboardsPage />} />
              <Route path="u/:userId" element={<ProfilePage />} />
              <Route path="signin" element={<SignInPage />} />
              <Route path="signin/handle" element={<HandlePickerPage />} />
              <Route path="signin/complete" element={<SignInCompletePage />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="me/profile" element={<ProfileEditPage />} />
              <Route path="admin/audit" element={<AuditPage />} />
              <Route path="admin/roles" element={<RolesPage />} />
              <Route path="admin/reports" element={<ReportsPage />} />
              <Route path="studio/segments" element={<SegmentsPage />} />
              <Route path="studio/streams/:streamId/segments" element={<SegmentQueuePage />} />
              <Route path="store" element={<StorePage />} />
              <Route path="store/success" element={<CheckoutSuccessPage />} />
              <Route path="store/cancel" element={<CheckoutCancelPage />} />
              <Route path="earnings" element={<PayoutsPage />} />
              <Route path="admin/payouts" element={<PayoutQueuePage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
          </ProgressProvider>
        </BrowserRouter>
      </LiveProvider>
    </SessionProvider>
    </QueryClientProvider>
  );
}
