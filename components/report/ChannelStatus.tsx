// What happened to a report on one channel, in words: never opened, opened when, queued until
// when, delivered when, or why it failed.
import { t, type Lang } from '../../utils/i18n';
import { dateTime } from '../../utils/i18n/time';
import type { EndpointChannel, Report } from '../../utils/reports/model';

type Manual = Report['channels']['maintainers'];

export function channelStatusText(lang: Lang, channel: Manual | EndpointChannel): string {
  switch (channel.state) {
    case 'not-used':
      return t(lang, 'status.not-used');
    case 'ready':
      return t(lang, 'status.ready');
    case 'opened':
      return t(lang, 'status.opened', { date: dateTime(lang, channel.at ?? 0) });
    case 'queued': {
      const next = channel.nextAttempt ?? 0;
      const base = t(lang, 'status.queued', { time: dateTime(lang, next) });
      return channel.lastError
        ? // ja's status.lastError opens with a full-width bracket: no space before it.
          `${base}${lang === 'ja' ? '' : ' '}${t(lang, 'status.lastError', { error: channel.lastError, count: channel.attempts })}`
        : base;
    }
    case 'sending':
      return t(lang, 'status.sending');
    case 'delivered':
      return t(lang, 'status.delivered', { date: dateTime(lang, channel.deliveredAt ?? 0) });
    case 'failed':
      return t(lang, 'status.failed', { error: channel.lastError ?? '?', count: channel.attempts });
  }
}

export function ChannelStatus({
  lang,
  channel,
}: {
  lang: Lang;
  channel: Manual | EndpointChannel;
}) {
  return (
    <span class={`status status-${channel.state}`} data-state={channel.state}>
      {channelStatusText(lang, channel)}
    </span>
  );
}
