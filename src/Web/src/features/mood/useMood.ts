import { useCallback, useEffect, useReducer, useState } from 'react';
import { useSession } from '../auth/sessionContext';
import type { StreamFeed } from '../streams/streamFeed';
import { initialMood, moodReducer, type MoodView } from './moodState';
import { moodTheme, type MoodTheme } from './moodTheme';

export interface MoodController {
  mood: MoodView;
  /** The theme the watch page wears (off unless the creator enabled it). */
  theme: MoodTheme;
  /** The host's switch: `PUT /api/streams/{id}/mood-theme`. */
  setThemeEnabled(enabled: boolean): void;
  themeBusy: boolean;
  themeError: string | null;
}

/**
 * The audience's mood from the join snapshot and `mood:state` (a REST fetch when the snapshot does not carry it),
 * the theme it gives the page, and the host's theme switch.
 */
export function useMood(feed: StreamFeed, streamId: string): MoodController {
  const { api } = useSession();
  const [mood, dispatch] = useReducer(moodReducer, initialMood);
  const [themeBusy, setThemeBusy] = useState(false);
  const [themeError, setThemeError] = useState<string | null>(null);

  useEffect(() => {
    let fetching: AbortController | null = null;
    const fetchMood = () => {
      fetching?.abort();
      const controller = new AbortController();
      fetching = controller;
      api.getMood(streamId, controller.signal).then(
        (state) => {
          if (!controller.signal.aborted) {
            dispatch({ type: 'state', mood: state });
          }
        },
        () => {
          // The next mood:state brings it.
        },
      );
    };

    const unsubscribe = feed.subscribe((message) => {
      if (message.kind === 'reset') {
        fetching?.abort();
        dispatch({ type: 'reset' });
        setThemeError(null);
      } else if (message.kind === 'snapshot') {
        dispatch({ type: 'snapshot', mood: message.result.mood ?? null });
        if (!message.result.mood) {
          fetchMood(); // a server whose snapshot does not carry the mood (yet), or none announced so far
        }
      } else if (message.event.type === 'mood:state') {
        dispatch({ type: 'state', mood: message.event });
      }
    });
    return () => {
      fetching?.abort();
      unsubscribe();
    };
  }, [api, feed, streamId]);

  const setThemeEnabled = useCallback(
    (enabled: boolean) => {
      setThemeBusy(true);
      setThemeError(null);
      dispatch({ type: 'theme', enabled });
      api.setMoodTheme(streamId, enabled).then(
        () => {
          // The server also announces the switch as a mood:state to every viewer.
        },
        (caught: unknown) => {
          dispatch({ type: 'theme', enabled: !enabled });
          setThemeError(caught instanceof Error ? caught.message : String(caught));
        },
      ).finally(() => setThemeBusy(false));
    },
    [api, streamId],
  );

  return { mood, theme: moodTheme(mood), setThemeEnabled, themeBusy, themeError };
}
