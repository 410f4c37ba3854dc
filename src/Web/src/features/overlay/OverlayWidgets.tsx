import { useState } from 'react';
import type { CountdownWidget, GoalWidget, ImageWidget, OverlayWidget } from '../../api/contract';
import { formatCountdown, msUntil } from '../../lib/countdown';
import { cssVars } from '../../lib/cssVars';
import { useNow } from '../../lib/useNow';
import { goalView, isSafeImageUrl, widgetBox } from './overlayLayout';

/**
 * The creator's widgets over the video, in list order (later ones on top), placed by percentages. Text is rendered
 * as text and images only from https: or /assets/ URLs, whatever the layout says.
 */
export function OverlayWidgets({ widgets, offsetMs = 0 }: { widgets: readonly OverlayWidget[]; offsetMs?: number }) {
  if (widgets.length === 0) {
    return null;
  }
  return (
    <div className="overlay-widgets" aria-label="Stream overlay">
      {widgets.map((widget, i) => (
        <div
          key={`${widget.id}:${i}`}
          className={`overlay-widget overlay-widget--${widget.kind}`}
          data-testid="overlay-widget"
          data-kind={widget.kind}
          data-widget-id={widget.id}
          style={widgetBox(widget)}
        >
          <WidgetBody widget={widget} offsetMs={offsetMs} />
        </div>
      ))}
    </div>
  );
}

function WidgetBody({ widget, offsetMs }: { widget: OverlayWidget; offsetMs: number }) {
  switch (widget.kind) {
    case 'banner':
      return <p className="overlay-widget__banner">{widget.text}</p>;
    case 'image':
      return <ImageBody widget={widget} />;
    case 'goal':
      return <GoalBody widget={widget} />;
    case 'countdown':
      return <CountdownBody widget={widget} offsetMs={offsetMs} />;
  }
}

function ImageBody({ widget }: { widget: ImageWidget }) {
  const [broken, setBroken] = useState<string | null>(null);
  if (!isSafeImageUrl(widget.src) || broken === widget.src) {
    return null;
  }
  return (
    <img
      className="overlay-widget__image"
      src={widget.src}
      alt=""
      draggable={false}
      referrerPolicy="no-referrer"
      onError={() => setBroken(widget.src)}
    />
  );
}

function GoalBody({ widget }: { widget: GoalWidget }) {
  const view = goalView(widget);
  return (
    <div className={`overlay-goal${view.reached ? ' overlay-goal--reached' : ''}`} style={cssVars({ '--fill': view.fraction })}>
      <div className="overlay-goal__head">
        <span className="overlay-goal__label">{widget.label}</span>
        <span className="overlay-goal__numbers">{view.text}</span>
      </div>
      <div
        className="overlay-goal__track"
        role="progressbar"
        aria-label={widget.label}
        aria-valuemin={0}
        aria-valuemax={widget.target}
        aria-valuenow={Math.min(widget.current, widget.target)}
      >
        <span className="overlay-goal__fill" />
      </div>
    </div>
  );
}

function CountdownBody({ widget, offsetMs }: { widget: CountdownWidget; offsetMs: number }) {
  const now = useNow(true, 1000);
  const left = msUntil(widget.endsAt, now, offsetMs);
  return (
    <div className={`overlay-countdown${left === 0 ? ' overlay-countdown--done' : ''}`}>
      <span className="overlay-countdown__label">{widget.label}</span>
      <span className="overlay-countdown__time" role="timer">
        {left === 0 ? 'Now!' : formatCountdown(left)}
      </span>
    </div>
  );
}
