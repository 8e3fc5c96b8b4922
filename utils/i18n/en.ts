// English message table. Keys are shared with ja.ts (TypeScript enforces the same key set).
export const en = {
  'app.name': 'Kusuri Guard',
  'app.tagline': 'Warns you before you buy medicines from a rogue online pharmacy',
  'lang.toggle': '日本語',
  'lang.toggleLabel': 'Switch the language to Japanese',
  'date.unknown': 'date unknown',

  'level.none': 'No warnings',
  'level.caution': 'Caution',
  'level.warning': 'Warning',
  'level.danger': 'Danger',
  'level.unchecked': 'Not checked',
  'badge.title.none': 'Kusuri Guard: no warnings for this site',
  'badge.title.caution': 'Kusuri Guard: caution — see the popup for details',
  'badge.title.warning': 'Kusuri Guard: warning — this site looks like a rogue pharmacy',
  'badge.title.danger': 'Kusuri Guard: danger — this site is on a blocklist',
  'badge.title.unchecked': 'Kusuri Guard: this page is not checked',

  'category.rogue-pharmacy': 'rogue online pharmacy',
  'category.unapproved-drug-ads': 'advertising of unapproved or prescription drugs',
  'category.breached-service': 'service with a data breach',
  'category.scam': 'scam site',

  'warning.pageTitle': 'Blocked by Kusuri Guard',
  'warning.stopped': 'Kusuri Guard stopped this page before it loaded',
  'warning.headline.rogue-pharmacy': 'This site is listed as a rogue online pharmacy',
  'warning.headline.unapproved-drug-ads':
    'This site is listed for advertising unapproved or prescription drugs',
  'warning.headline.breached-service': 'This site is listed for a data breach',
  'warning.headline.scam': 'This site is listed as a scam',
  'warning.explain':
    'Medicines sold by such sites may be fake, contaminated or the wrong strength. In Japan, selling prescription or unapproved drugs this way is illegal under the Pharmaceutical and Medical Device Act, and buyers are not covered by the relief system for adverse drug reactions.',
  'warning.site': 'Site',
  'warning.idn': 'Written in the address bar as {ascii}',
  'warning.address': 'Address you tried to open',
  'warning.why': 'Why it is listed',
  'warning.list': 'List',
  'warning.listedEntry': 'Listed entry',
  'warning.category': 'Category',
  'warning.network': 'Network',
  'warning.evidence': 'Evidence',
  'warning.source': 'Source',
  'warning.noDetails':
    'This list gives no details for individual entries; it is credited as: {attribution}.',
  'warning.goBack': 'Go back (recommended)',
  'warning.continue': 'Continue anyway…',
  'warning.continueOnce': 'Open it this time only',
  'warning.continueAlways': 'Always allow this site',
  'warning.continueAlwaysHint':
    'Adds {site} to your allowlist. You can remove it at any time from the popup or the options page.',
  'warning.continueCancel': 'Cancel',
  'warning.badUrl': 'The address of the blocked page could not be read, so it cannot be opened.',
  'warning.unknownEntry':
    'This site is no longer on an active list, or the lists changed. You can try opening it again.',
  'warning.retry': 'Try again',
  'warning.failed': 'That did not work: {error}',

  'popup.title': 'Kusuri Guard',
  'popup.loading': 'Checking…',
  'popup.noTab': 'No page is open in this tab.',
  'popup.unsupported': 'This is not a website (for example a browser page), so it is not checked.',
  'popup.local': 'This is an address on your own computer or network; it is not checked.',
  'popup.reasons': 'Why',
  'popup.noReasons': 'Nothing on the lists Kusuri Guard uses matches this site.',
  'popup.allowlisted': 'You allowed this site; pages on it are not blocked.',
  'popup.undoAllow': 'Stop allowing this site',
  'popup.allowlist': 'Sites you allowed',
  'popup.allowlistEmpty': 'You have not allowed any listed site.',
  'popup.remove': 'Remove',
  'popup.addedOn': 'added {date}',
  'popup.error': 'Something went wrong: {error}',

  'reason.list.block': 'Listed as a {category} in “{list}”.',
  'reason.list.warn': 'Listed as a {category} in “{list}” (warning only).',
  'reason.list.user': 'You blocked this site yourself.',

  'error.bad-request': 'the request was not understood',
  'error.forbidden': 'this action is not allowed from here',
  'error.not-found': 'nothing was found',
  'error.internal': 'an internal error occurred',
} as const;

export type MessageKey = keyof typeof en;
