import { z } from 'zod';
import { REPORT_TEXT_MAX } from '../../api/contract';

/** What the report form holds. */
export interface ReportDraft {
  reason: string;
}

/** The reason, in the server's words (ReportsApi: 1–500 characters with something visible), trimmed. */
export const reportDraftSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, `A reason is 1–${REPORT_TEXT_MAX} characters with something visible.`)
    .max(REPORT_TEXT_MAX, `A reason is 1–${REPORT_TEXT_MAX} characters with something visible.`),
});

/** What the resolve form holds: an optional note. */
export interface ResolveDraft {
  note: string;
}

/** The server needs a resolution; a moderator who writes none resolves with this one. */
export const DEFAULT_RESOLUTION = 'Resolved.';

/** The note, trimmed, at most 500 characters; empty becomes DEFAULT_RESOLUTION. */
export const resolveDraftSchema = z.object({
  note: z
    .string()
    .trim()
    .max(REPORT_TEXT_MAX, `A resolution is 1–${REPORT_TEXT_MAX} characters.`)
    .transform((note) => (note === '' ? DEFAULT_RESOLUTION : note)),
});
