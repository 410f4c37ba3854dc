import type { ComponentType } from 'react';
import { Link, useParams } from 'react-router-dom';
import { SignInForm } from '../auth/SignInForm';
import { useSession } from '../auth/sessionContext';

/** What a studio editor of one stream receives. */
export interface StudioEditorProps {
  streamId: string;
  userId: string;
  isAdmin: boolean;
}

/**
 * The shell of a studio page about one stream (`/studio/streams/:streamId/…`): the breadcrumb back to the
 * studio, and either the editor (remounted when the user or stream changes) or a sign-in for the creator.
 */
export function StudioStreamPage({
  title,
  gateText,
  className,
  testId,
  Editor,
}: {
  title: string;
  gateText: string;
  className: string;
  testId: string;
  Editor: ComponentType<StudioEditorProps>;
}) {
  const { streamId = '' } = useParams();
  const { session } = useSession();
  return (
    <div className={className} data-testid={testId}>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/studio">← Studio</Link>
      </nav>
      {session ? (
        <Editor key={`${session.user.id}|${streamId}`} streamId={streamId} userId={session.user.id} isAdmin={session.user.role === 'admin'} />
      ) : (
        <>
          <header className="page-head">
            <h1 className="page-head__title">{title}</h1>
          </header>
          <section className="card gate">
            <h2>Sign in as the stream&rsquo;s creator</h2>
            <p>{gateText}</p>
            <SignInForm defaultRole="creator" layout="stacked" />
          </section>
        </>
      )}
    </div>
  );
}
