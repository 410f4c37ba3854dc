import { useSession } from '../auth/sessionContext';
import { ReportQueue } from '../reports/ReportQueue';
import { AdminNav, AdminOnly } from './AdminNav';

/** `/admin/reports`: every report on the platform, open ones newest first, each resolved with a note. */
export function ReportsPage() {
  const { session, api } = useSession();
  if (session?.user.role !== 'admin') {
    return <AdminOnly />;
  }
  return (
    <div className="page" data-testid="admin-reports-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Reports</h1>
          <p className="page-head__lead">What viewers reported, in every stream and on profiles. Each resolution is in the audit log.</p>
        </div>
      </header>
      <AdminNav />
      <ReportQueue
        scope="admin"
        lead="Every report, newest first."
        load={(open, signal) => api.getAdminReports(open, signal)}
        resolve={(reportId, resolution) => api.resolveAdminReport(reportId, resolution)}
      />
    </div>
  );
}
