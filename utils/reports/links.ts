// The ready-made links and texts of the hand-worked channels (an issue, an e-mail to the list
// maintainers or to the registrar's abuse desk, the authorities' forms) for one report.
import { abuseEmail, mailtoLink, maintainersEmail } from './templates/email';
import { authorityText, AUTHORITY_LINKS } from './templates/authorities';
import { issueLink } from './templates/issue';
import type { Report } from './model';
import type { ChannelLinks } from './views';
import type { Platform } from '../platform/platform';

export function channelLinks(
  config: Platform['config'],
  report: Pick<Report, 'lang' | 'kind' | 'comment' | 'evidence'>,
): ChannelLinks {
  const issuesUrl = config.issuesUrl;
  const email = abuseEmail(report);
  const toMaintainers = maintainersEmail(report, config.maintainersEmail);
  return {
    issue: issuesUrl ? issueLink(report, issuesUrl) : null,
    maintainersMail: toMaintainers ? mailtoLink(toMaintainers) : null,
    mailto: email ? mailtoLink(email) : null,
    authority: {
      text: authorityText(report),
      links: AUTHORITY_LINKS.map((l) => ({ id: l.id, url: l.url })),
    },
  };
}
