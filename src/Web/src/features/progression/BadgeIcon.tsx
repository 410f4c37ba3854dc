import { badgeInfo } from './badges';

/** A badge's icon, named for screen readers and on hover. */
export function BadgeIcon({ code, testId, className = 'badge-icon' }: { code: string; testId?: string; className?: string }) {
  const badge = badgeInfo(code);
  const title = badge.description ? `${badge.name}: ${badge.description}` : badge.name;
  return (
    <span className={className} data-testid={testId} data-badge={code} title={title} role="img" aria-label={badge.name}>
      {badge.icon}
    </span>
  );
}
