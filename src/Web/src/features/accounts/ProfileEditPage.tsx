import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router-dom';
import { PROFILE_LIMITS, type PublicProfile } from '../../api/contract';
import { queryErrorMessage, queryKeys } from '../../api/queries';
import { Avatar } from '../../components/Avatar';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { useDraftForm } from '../../lib/useDraftForm';
import { errorMessage, useSubmit } from '../../lib/useSubmit';
import { SignInForm } from '../auth/SignInForm';
import { useSession } from '../auth/sessionContext';
import { draftOf, profileDraftSchema } from './profileForm';

/** `/me/profile`: my display name, bio, avatar (an https address or an upload) and links. */
export function ProfileEditPage() {
  const { session, api } = useSession();
  const userId = session?.user.id ?? '';
  const query = useQuery({
    queryKey: queryKeys.profile(userId),
    queryFn: ({ signal }) => api.getProfile(userId, signal),
    enabled: userId !== '',
  });

  if (!session) {
    return (
      <div className="page" data-testid="profile-edit-page">
        <div className="empty">
          <h1>Sign in to edit your profile</h1>
          <SignInForm layout="stacked" />
        </div>
      </div>
    );
  }
  return (
    <div className="page" data-testid="profile-edit-page">
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Edit profile</h1>
          <p className="page-head__lead">What everyone sees on your profile page.</p>
        </div>
        <Link className="button button--ghost" to={`/u/${encodeURIComponent(userId)}`}>
          View my profile
        </Link>
      </header>
      {query.data ? (
        <ProfileForm stored={query.data} />
      ) : query.error ? (
        <LoadError message={queryErrorMessage(query.error, 'Could not load your profile.') ?? ''} onRetry={() => void query.refetch()} />
      ) : (
        <div className="skeleton skeleton--title" role="status" aria-label="Loading" />
      )}
    </div>
  );
}

/** The editor, once loaded: the inputs start from `stored` once. */
function ProfileForm({ stored }: { stored: PublicProfile }) {
  const { api } = useSession();
  const client = useQueryClient();
  const id = useId();
  const [initial] = useState(() => draftOf(stored));
  const { draft, edit, errors, generalError, saving, savedAt, dirty, save } = useDraftForm(profileDraftSchema, initial);
  const upload = useSubmit();
  const [uploadError, setUploadError] = useState<string | null>(null);

  const keep = (profile: PublicProfile) => {
    client.setQueryData(queryKeys.profile(profile.id), profile);
  };

  const submit = () =>
    save(async (change) => {
      const saved = await api.updateMyProfile(change);
      keep(saved);
      return draftOf(saved);
    });

  async function choosePicture(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    setUploadError(null);
    if (!file) {
      return;
    }
    if (!(PROFILE_LIMITS.avatarTypes as readonly string[]).includes(file.type) || file.size > PROFILE_LIMITS.avatarBytes) {
      setUploadError('A PNG, JPEG, GIF or WebP picture of at most 256 KB.');
      return;
    }
    await upload.run(
      async () => {
        const saved = await api.uploadAvatar(file);
        keep(saved);
        edit((d) => ({ ...d, avatarUrl: saved.avatarUrl ?? '' }));
      },
      (error) => setUploadError(errorMessage(error)),
    );
  }

  return (
    <form
      className="card profile-edit"
      aria-label="Profile"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {generalError && (
        <div className="notice notice--error" role="alert" data-testid="profile-edit-error">
          <span>{generalError}</span>
        </div>
      )}

      <div className="profile-edit__avatar">
        <Avatar handle={stored.handle} size={72} url={draft.avatarUrl || null} />
        <div>
          <label className="button button--ghost" htmlFor={`${id}-upload`}>
            {upload.busy ? 'Uploading…' : 'Upload a picture'}
          </label>
          <input
            id={`${id}-upload`}
            className="visually-hidden"
            type="file"
            accept={PROFILE_LIMITS.avatarTypes.join(',')}
            data-testid="profile-avatar-upload"
            disabled={upload.busy}
            onChange={(e) => void choosePicture(e)}
          />
          {uploadError && (
            <p className="field-error" role="alert" data-testid="profile-avatar-error">
              {uploadError}
            </p>
          )}
        </div>
      </div>

      <FormField id={`${id}-avatar`} label="Avatar address (https://…), or empty for none" error={errors.get('avatarUrl')}>
        <input
          id={`${id}-avatar`}
          className="input"
          data-testid="profile-avatar-url"
          value={draft.avatarUrl}
          maxLength={PROFILE_LIMITS.url}
          onChange={(e) => edit((d) => ({ ...d, avatarUrl: e.target.value }))}
          aria-invalid={errors.has('avatarUrl') || undefined}
        />
      </FormField>

      <FormField id={`${id}-name`} label="Display name" error={errors.get('displayName')}>
        <input
          id={`${id}-name`}
          className="input"
          data-testid="profile-display-name-input"
          value={draft.displayName}
          maxLength={PROFILE_LIMITS.displayName + 10}
          onChange={(e) => edit((d) => ({ ...d, displayName: e.target.value }))}
          aria-invalid={errors.has('displayName') || undefined}
        />
      </FormField>

      <FormField id={`${id}-bio`} label={`Bio (${draft.bio.length}/${PROFILE_LIMITS.bio})`} error={errors.get('bio')}>
        <textarea
          id={`${id}-bio`}
          className="input"
          data-testid="profile-bio-input"
          rows={3}
          value={draft.bio}
          onChange={(e) => edit((d) => ({ ...d, bio: e.target.value }))}
          aria-invalid={errors.has('bio') || undefined}
        />
      </FormField>

      <fieldset className="profile-edit__links">
        <legend>
          Links <span className="muted">{draft.links.length}/{PROFILE_LIMITS.links}</span>
        </legend>
        {errors.get('links') && (
          <p className="field-error" role="alert">
            {errors.get('links')}
          </p>
        )}
        {draft.links.map((link, index) => (
          <div className="profile-edit__link" key={index} data-testid="profile-link-row">
            <FormField id={`${id}-link-${index}-label`} label="Label" error={errors.get(`links[${index}].label`)}>
              <input
                id={`${id}-link-${index}-label`}
                className="input"
                value={link.label}
                onChange={(e) => edit((d) => ({ ...d, links: d.links.map((l, i) => (i === index ? { ...l, label: e.target.value } : l)) }))}
              />
            </FormField>
            <FormField id={`${id}-link-${index}-url`} label="Address (https://…)" error={errors.get(`links[${index}].url`)}>
              <input
                id={`${id}-link-${index}-url`}
                className="input"
                value={link.url}
                onChange={(e) => edit((d) => ({ ...d, links: d.links.map((l, i) => (i === index ? { ...l, url: e.target.value } : l)) }))}
              />
            </FormField>
            <button
              className="button button--ghost"
              type="button"
              aria-label={`Remove link ${index + 1}`}
              onClick={() => edit((d) => ({ ...d, links: d.links.filter((_, i) => i !== index) }), true)}
            >
              Remove
            </button>
          </div>
        ))}
        {draft.links.length < PROFILE_LIMITS.links && (
          <button
            className="button button--ghost"
            type="button"
            data-testid="profile-add-link"
            onClick={() => edit((d) => ({ ...d, links: [...d.links, { label: '', url: '' }] }), true)}
          >
            Add a link
          </button>
        )}
      </fieldset>

      <div className="command-save">
        <span className="command-save__state" role="status">
          {saving ? 'Saving…' : savedAt ? '✓ Saved' : dirty ? 'Unsaved changes' : ''}
        </span>
        <button className="button button--primary" type="submit" data-testid="profile-save" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
