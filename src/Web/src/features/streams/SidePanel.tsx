import { useId, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ChatMessageEvent } from '../../api/contract';

export const SIDE_TABS = ['chat', 'qa', 'moments', 'top'] as const;

export type SideTab = (typeof SIDE_TABS)[number];

const LABELS: Record<SideTab, string> = { chat: 'Chat', qa: 'Q&A', moments: 'Moments', top: 'Top' };

export function isSideTab(value: string | null): value is SideTab {
  return value !== null && (SIDE_TABS as readonly string[]).includes(value);
}

interface SidePanelProps {
  /** Each tab's content; `active` while it shows. */
  panels: Record<SideTab, (active: boolean) => ReactNode>;
  /** A number beside a tab's name (open questions, moments). */
  counts: Partial<Record<SideTab, number>>;
  /** The chat's messages, to count the unread ones while another tab shows. */
  messages: readonly ChatMessageEvent[];
}

/**
 * The watch page's side panel: Chat, Q&A, Moments and Top (the stream's top gifters) as tabs. The tab is in the URL (`?tab=qa`), so a link can open
 * one; every panel stays mounted (the chat keeps its scroll position), only the chosen one shows.
 */
export function SidePanel({ panels, counts, messages }: SidePanelProps) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: SideTab = isSideTab(requested) ? requested : 'chat';
  const lastSeq = messages.at(-1)?.seq ?? null;
  // The last message seen while the chat tab showed.
  const [seen, setSeen] = useState<number | null>(lastSeq);
  if (tab === 'chat' && seen !== lastSeq) {
    setSeen(lastSeq);
  }

  const unread = tab === 'chat' || seen === null ? 0 : messages.filter((m) => m.seq > seen).length;

  function choose(next: SideTab) {
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next === 'chat') {
          copy.delete('tab');
        } else {
          copy.set('tab', next);
        }
        return copy;
      },
      { replace: true },
    );
  }

  return (
    <section className="side-panel" aria-label="Chat, questions, moments and top gifters">
      <div className="side-panel__tabs" role="tablist" aria-label="Side panel">
        {SIDE_TABS.map((name) => {
          const count = name === 'chat' ? unread : (counts[name] ?? 0);
          return (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${id}-tab-${name}`}
              className={`side-panel__tab${tab === name ? ' side-panel__tab--active' : ''}`}
              data-testid={`side-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`${id}-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => choose(name)}
              onKeyDown={(e) => {
                const at = SIDE_TABS.indexOf(name);
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  e.preventDefault();
                  const next = SIDE_TABS[(at + (e.key === 'ArrowRight' ? 1 : SIDE_TABS.length - 1)) % SIDE_TABS.length]!;
                  choose(next);
                  document.getElementById(`${id}-tab-${next}`)?.focus();
                }
              }}
            >
              {LABELS[name]}
              {count > 0 && (
                <span className={`side-panel__count${name === 'chat' ? ' side-panel__count--unread' : ''}`}>
                  {count > 99 ? '99+' : count}
                </span>
              )}
            </button>
          );
        })}
      </div>
      {SIDE_TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`${id}-panel-${name}`}
          aria-labelledby={`${id}-tab-${name}`}
          className={`side-panel__panel side-panel__panel--${name}`}
          hidden={tab !== name}
        >
          {panels[name](tab === name)}
        </div>
      ))}
    </section>
  );
}
