import { z } from 'zod';
import { PROFILE_LIMITS, type ProfileChangeRequest, type PublicProfile } from '../../api/contract';

/** What the profile editor's inputs hold. */
export interface ProfileDraft {
  displayName: string;
  bio: string;
  avatarUrl: string;
  links: { label: string; url: string }[];
}

/** The draft of a profile as the server has it. */
export function draftOf(profile: PublicProfile): ProfileDraft {
  return {
    displayName: profile.displayName ?? '',
    bio: profile.bio ?? '',
    // An uploaded picture's own address is not edited as a URL: uploading replaces it, '' removes it.
    avatarUrl: profile.avatarUrl ?? '',
    links: profile.links.map((l) => ({ label: l.label ?? '', url: l.url ?? '' })),
  };
}

/** An absolute https address without a user name or password, as the server takes it (ProfileRules.IsHttpsUrl). */
export function isHttpsUrl(value: string): boolean {
  if (value.length === 0 || value.length > PROFILE_LIMITS.url || /[\s\p{Cc}]/u.test(value)) {
    return false;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const URL_RULE = 'An https:// address of at most 300 characters, without a user name or password.';
const isOwnAvatar = (value: string) => value.startsWith('/api/users/');

/** The editor's checks in the server's words and keys (`links[0].url`); its output is the PATCH body. */
export const profileDraftSchema: z.ZodType<ProfileChangeRequest, ProfileDraft> = z
  .object({
    displayName: z.string().trim().max(PROFILE_LIMITS.displayName, 'A display name is 1–40 characters with something visible, or "" to clear it.'),
    bio: z.string().trim().max(PROFILE_LIMITS.bio, 'A bio is at most 300 characters, or "" to clear it.'),
    avatarUrl: z.string().trim().refine((v) => v === '' || isOwnAvatar(v) || isHttpsUrl(v), URL_RULE),
    links: z
      .array(
        z.object({
          label: z.string().trim().min(1, 'Give the link a label (1–30 characters).').max(PROFILE_LIMITS.linkLabel, 'A label is at most 30 characters.'),
          url: z.string().trim().refine(isHttpsUrl, URL_RULE),
        }),
      )
      .max(PROFILE_LIMITS.links, 'At most 5 links.'),
  })
  .transform((d) => ({
    displayName: d.displayName,
    bio: d.bio,
    // The uploaded picture stays unless removed: its own address is not sent back as a URL.
    avatarUrl: isOwnAvatar(d.avatarUrl) ? null : d.avatarUrl,
    links: d.links,
  }));
