import type { FiredAlert } from '../report/index.js';
import { postAlert } from './post-alert.js';
import { logToStderr } from './options.js';
import type { ScheduleSettings } from './schedule-settings.js';

/** The webhook's JSON body (after `source: "contagion"`): an alert, or a run that failed. */
export type WebhookEvent =
  | { event: 'alert'; runId: number; startedAt: string; snapshotId: number; reportDir: string; changes: string[]; alerts: FiredAlert[] }
  | { event: 'failed'; runId: number | null; startedAt: string; error: string };

/** POSTs an event to the configured webhook (none configured: nothing), logging the outcome but never the URL. */
export async function notify(schedule: ScheduleSettings['schedule'], payload: WebhookEvent): Promise<void> {
  const webhook = schedule.webhook;
  if (webhook === undefined) return;
  const sent = await postAlert(webhook.url, { source: 'contagion', ...payload }, {
    ...(webhook.timeoutMs === undefined ? {} : { timeoutMs: webhook.timeoutMs }),
    ...(webhook.retries === undefined ? {} : { retries: webhook.retries }),
    ...(webhook.retryDelayMs === undefined ? {} : { retryDelayMs: webhook.retryDelayMs }),
  });
  const tries = sent.attempts === 1 ? '1 attempt' : `${sent.attempts} attempts`;
  logToStderr(`contagion schedule: ${payload.event} webhook ${sent.ok ? 'delivered' : 'failed'} (${sent.outcome}, ${tries})`);
}

/** A failure's text goes to the log and the webhook: never with the webhook's own URL (it may hold a token). */
export const redactUrl = (text: string, url: string | undefined): string => (url === undefined ? text : text.split(url).join('[webhook url]'));
