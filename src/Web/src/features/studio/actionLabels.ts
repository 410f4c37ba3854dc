// How the overlay actions of `GET /api/commands` are named and explained to creators.

export const ACTION_LABELS: Record<string, string> = {
  confetti: 'Confetti',
  'spotlight-message': 'Spotlight message',
  'theme-flash': 'Theme flash',
  'sound-effect': 'Sound effect',
  'spin-wheel': 'Spin the wheel',
  'slow-mo-chat': 'Slow-mo chat',
};

export const ACTION_HELP: Record<string, string> = {
  confetti: 'Confetti rains over the video.',
  'spotlight-message': 'A big message across the video.',
  'theme-flash': 'The page flashes a colour.',
  'sound-effect': 'A short sound for everyone with sound on.',
  'spin-wheel': 'A wheel spins and lands on one of your segments, provably fair.',
  'slow-mo-chat': 'Chat scrolls in slow motion for a while.',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
