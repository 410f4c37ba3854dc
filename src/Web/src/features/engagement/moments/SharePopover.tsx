import { useEffect, useId, useRef, useState } from 'react';
import type { Moment } from '../../../api/contract';
import { shareLinks } from './shareLinks';

interface SharePopoverProps {
  moment: Pick<Moment, 'momentId' | 'sharePath'>;
  streamTitle: string;
  /** The trigger's test hook (`moment-share` on toasts). */
  testId: string;
  /** Told when the popover opens or closes (a toast stays while it is open). */
  onOpenChange?(open: boolean): void;
}

async function copyText(text: string, fallback: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed (no secure context, or denied): select the text for the user instead.
  }
  if (fallback) {
    fallback.focus();
    fallback.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * "Share": a popover with the moment page's absolute link (copy it) and the same X, Facebook and Reddit links as
 * the server's share page. Closes on Escape or a click elsewhere.
 */
export function SharePopover({ moment, streamTitle, testId, onOpenChange }: SharePopoverProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const links = shareLinks(window.location.origin, moment, streamTitle);

  const told = useRef(onOpenChange);
  useEffect(() => {
    told.current = onOpenChange;
  }, [onOpenChange]);
  useEffect(() => {
    told.current?.(open);
  }, [open]);

  useEffect(() => {
    if (!open) {
      return;
    }
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="share" ref={root}>
      <button
        type="button"
        className="button button--ghost share__trigger"
        data-testid={testId}
        aria-expanded={open}
        aria-controls={`${id}-popover`}
        onClick={() => {
          setOpen((o) => !o);
          setCopied(null);
        }}
      >
        <span aria-hidden="true">↗</span> Share
      </button>
      {open && (
        <div className="share__popover" id={`${id}-popover`} role="dialog" aria-label="Share this moment">
          <label className="field__label" htmlFor={`${id}-link`}>
            Link to this moment
          </label>
          <div className="share__copy">
            <input
              id={`${id}-link`}
              ref={input}
              className="input share__link"
              data-testid="moment-link"
              readOnly
              value={links.page}
              onFocus={(e) => e.target.select()}
            />
            <button
              type="button"
              className="button button--primary"
              data-testid="moment-copy"
              onClick={() => void copyText(links.page, input.current).then((ok) => setCopied(ok ? 'yes' : 'no'))}
            >
              {copied === 'yes' ? 'Copied!' : 'Copy'}
            </button>
          </div>
          {copied === 'no' && <p className="share__note">Press Ctrl+C (⌘C) to copy the selected link.</p>}
          <div className="share__networks">
            <a className="share__network share__network--x" data-testid="moment-share-x" href={links.x} target="_blank" rel="noopener noreferrer">
              X
            </a>
            <a
              className="share__network share__network--facebook"
              data-testid="moment-share-facebook"
              href={links.facebook}
              target="_blank"
              rel="noopener noreferrer"
            >
              Facebook
            </a>
            <a
              className="share__network share__network--reddit"
              data-testid="moment-share-reddit"
              href={links.reddit}
              target="_blank"
              rel="noopener noreferrer"
            >
              Reddit
            </a>
            <a className="share__network" href={links.page} target="_blank" rel="noopener">
              Open page
            </a>
          </div>
        </div>
      )}
    </div>
  );
}
