import type { PublicProfile } from '../../api/contract';

/** The part of a profile its owner writes: display name, bio and links (the avatar is shown by the page's head). */
export function ProfileDetails({ profile }: { profile: PublicProfile }) {
  if (!profile.displayName && !profile.bio && profile.links.length === 0) {
    return null;
  }
  return (
    <section className="profile__section profile-details" aria-label="About" data-testid="profile-details">
      {profile.displayName && (
        <p className="profile-details__name" data-testid="profile-display-name">
          {profile.displayName}
        </p>
      )}
      {profile.bio && (
        <p className="profile-details__bio" data-testid="profile-bio">
          {profile.bio}
        </p>
      )}
      {profile.links.length > 0 && (
        <ul className="profile-details__links">
          {profile.links.map((link, index) => (
            <li key={index}>
              <a href={link.url ?? undefined} rel="noopener noreferrer nofollow ugc" target="_blank">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
