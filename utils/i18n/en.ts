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
  'badge.title.warning': 'Kusuri Guard: warning — this site is on a list of rogue or unsafe sites',
  'badge.title.danger': 'Kusuri Guard: danger — this site is on a blocklist',
  'badge.title.page.warning':
    'Kusuri Guard: warning — this page looks like a rogue online pharmacy',
  'badge.title.page.danger':
    'Kusuri Guard: danger — this page looks very much like a rogue online pharmacy',
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
  'warning.idn': 'In ASCII (Punycode): {ascii}',
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
  'warning.hiddenStopped': 'Kusuri Guard moved you here from the page',
  'warning.headline.hidden': 'This page tried to hide Kusuri Guard’s warning',
  'warning.hiddenExplain':
    'Kusuri Guard showed a warning on this page, and the page hid, covered or removed it. A trustworthy shop has no reason to do that.',
  'warning.framed': 'Kusuri Guard stopped a listed site from loading inside this page.',
  'warning.unverified':
    'Kusuri Guard did not stop a page in this tab, so there is nothing to open from here.',
  'warning.confirmAlways':
    'Always allow {site}? Kusuri Guard will no longer stop it or warn about it, in any tab.',
  'warning.confirmAlwaysYes': 'Yes, always allow this site',

  'popup.title': 'Kusuri Guard',
  'popup.confirmDismiss':
    'Stop warning you on {site}? Kusuri Guard will no longer show its banner there. You can undo this here or in the options.',
  'popup.confirmDismissYes': 'Yes, don’t warn me on this site',
  'popup.loading': 'Checking…',
  'popup.noTab': 'No page is open in this tab.',
  'popup.unsupported': 'This is not a website (for example a browser page), so it is not checked.',
  'popup.local': 'This is an address on your own computer or network; it is not checked.',
  'popup.topReasons': 'Main reasons',
  'popup.allReasons': 'All reasons, by kind',
  'popup.groupCount': '{group} ({count})',
  'popup.noReasons': 'Nothing on the lists Kusuri Guard uses matches this site.',
  'popup.allowlisted': 'You allowed this site; pages on it are not blocked.',
  'popup.undoAllow': 'Stop allowing this site',
  'popup.allowlist': 'Sites you allowed',
  'popup.allowlistEmpty': 'You have not allowed any listed site.',
  'popup.remove': 'Remove',
  'popup.addedOn': 'added {date}',
  'popup.listsDisagree':
    'Lists disagree about this site: “{blocking}” blocks it, “{warning}” only warns.',
  'popup.licensed': 'Licensed seller:',
  'popup.licensedRegister': 'Register: {register}.',
  'popup.licensedNumber': ' Licence: {licence}.',
  'popup.licensedConflict':
    'Kusuri Guard does not warn on this site: {count} list entries or page signals disagree with the register (shown below).',
  'popup.group.overridden': 'Set aside because the seller is licensed',
  'popup.score': 'Score {score}/100',
  'popup.blocked': 'Visits to this site are stopped before the page loads.',
  'popup.group.registrar': 'Registrar and domain age',
  'popup.group.breach': 'Known breaches of this site',
  'popup.lookingUp': 'Looking up the registrar and the registration date…',
  'popup.lookUp': 'Look up the registrar and domain age',
  'popup.lookUpHint': 'Sends only “{domain}” to the registry’s RDAP service.',
  'popup.detailsAndSources': 'Details and sources ({count})',
  'popup.details': 'Details',
  'popup.sources': 'Sources ({count})',
  'popup.backToTab': '← Back to the current tab',
  'popup.openOptions': 'Lists and settings',
  'check.label': 'Check a site without visiting it',
  'check.placeholder': 'example.com or https://…',
  'check.button': 'Check',
  'check.error.empty': 'Type a web address or a domain name.',
  'check.error.invalid': 'That is not a web address or a domain name.',
  'check.error.too-long': 'That name is too long to be a real domain.',
  'check.error.scheme': 'Only web addresses (http or https) can be checked.',
  'check.error.credentials':
    'Addresses with a user name or password are not checked: they are a common phishing trick.',
  'check.error.local': 'That is an address on your own computer or network; it is not checked.',
  'popup.error': 'Something went wrong: {error}',

  'reason.list.block': 'Listed as a {category} in “{list}”.',
  'reason.list.warn': 'Listed as a {category} in “{list}” (warning only).',
  'reason.list.user': 'You blocked this site yourself.',

  'reason.page.unapproved-drug': 'Sells {drug}, which is not approved in Japan.',
  'reason.page.rx-drug': 'Offers {drug}, a prescription-only medicine in Japan.',
  'reason.page.no-prescription': 'Says no prescription is needed.',
  'reason.page.import-agency': 'Calls itself a personal-import agency.',
  'reason.page.personal-import': 'Sells medicines as “personal import” from abroad.',
  'reason.page.abroad': 'Ships from abroad and talks about customs.',
  'reason.page.payment':
    'Takes payment the way rogue shops do (one card brand only, billing in US dollars, a new bank account per order, crypto).',
  'reason.page.legality': 'Claims to be “legal”, “FDA approved” or “guaranteed genuine”.',
  'reason.page.discreet': 'Promises packaging that hides what is inside.',
  'reason.page.self-responsibility': 'Puts all responsibility for taking the medicines on you.',
  'reason.page.quantity-rules': 'Explains personal-import quantity limits, as import agencies do.',
  'reason.page.drug-domain': 'The site’s name is made of drug words.',
  'reason.page.lookalike':
    'Its address imitates that of a licensed seller, {domain}: this is a different site.',
  'reason.page.rx-mail-order': 'Offers prescription medicines by mail order.',
  'reason.page.cheap-bulk': 'Advertises cheap generics, bulk deals or free pills.',
  'reason.page.paid-prescription': 'Sells a “prescription” as a paid extra.',
  'reason.page.shop-context': 'Sells online: prices, a cart or an order form.',
  'reason.page.licence-missing': 'No pharmacy licence details on a page that sells medicines.',
  'reason.page.licence-contradiction':
    'Shows licence details, but sells medicines no licensed seller in Japan may sell this way.',
  'reason.page.licence-present':
    'Shows pharmacy licence details (type of licence, licence number).',
  'reason.page.clinic': 'Prescribes after a doctor’s consultation, as legal online clinics do.',
  'reason.page.info': 'Reads as information or news rather than a shop.',
  'reason.page.priced': 'Medicines are priced for sale, with a currency.',
  'reason.page.cart-form':
    'An add-to-cart button or a quantity field: medicines can be bought on this page.',
  'reason.page.product-drug':
    "The page's product data (schema.org) lists a medicine as a product for sale.",
  'reason.page.drug-links': 'Menus and links name drugs or kinds of drugs.',
  'reason.page.legal-link':
    'Links to the seller notices the law requires or to licence pages (特定商取引法に基づく表記, 医薬品の販売に関する表示, licence, registration).',
  'reason.page.footer-licence': 'A licence or registration number at the end of the page.',
  'reason.page.phrase':
    'Its wording is like that of the rogue pharmacies the detector learned from.',
  'reason.page.site-evidence': 'Another page of this site looks like a rogue online pharmacy.',
  'reason.page.listed-links': 'Links to sites on a block list: {hosts}',
  'reason.page.listedLinksMore': 'Also links to {count} more sites on a block list: {hosts}',
  'reason.page.siteEvidenceQuote': 'That page: {url} (seen {date})',
  'reason.page.domainQuote': 'Site name: {text}',
  'reason.page.quote': 'On the page: “{text}”',

  'notice.title': 'Kusuri Guard: {site} had a data breach',
  'notice.more': 'And {count} more.',
  'notice.dismiss': 'Got it',
  'banner.brand': 'Kusuri Guard',
  'banner.title.page': 'This page looks like a rogue online pharmacy',
  'banner.title.links': 'This page sends you to sites on a block list',
  'banner.title.list': 'This site is listed as a {category}',
  'banner.details': 'Details',
  'banner.report': 'Report',
  'banner.dismiss': 'Don’t warn me on this site',
  'banner.close': 'Close this warning',

  'popup.group.list': 'Lists',
  'popup.group.page': 'What the page says',
  'popup.group.against': 'Signs of a legitimate site',
  'popup.pageScore': 'Page score {score}/100',
  'popup.dismissed': 'You turned off in-page warnings for this site.',
  'popup.undoDismiss': 'Turn them back on',

  'options.title': 'Kusuri Guard settings',
  'options.lists.title': 'Lists',
  'options.lists.intro':
    'Kusuri Guard checks sites against these lists inside your browser. Updating a list downloads the whole list (for the project’s own list, usually only the changes); nothing about the sites you visit is sent.',
  'options.list.source': 'Source',
  'options.list.noUrl':
    'No update address was set when this copy of Kusuri Guard was built, so the list packaged with the extension is the only source.',
  'options.list.licence': 'Licence',
  'options.list.licenceUnknown': 'unknown (a list you added)',
  'options.list.credits': 'Credits',
  'options.list.entries': '{count} entries',
  'options.list.lastUpdate': 'Last successful update: {when}',
  'options.list.notDownloaded': 'Not downloaded yet: nothing from this list is in use.',
  'options.list.packaged': 'Using the copy packaged with the extension.',
  'options.list.nextCheck': 'Next check: {when}',
  'options.list.updateNow': 'Update now',
  'options.list.updating': 'Updating…',
  'options.list.enabled': 'Use this list',
  'options.list.level': 'When a site is on this list',
  'options.list.level.block': 'Stop the page before it loads',
  'options.list.level.warn': 'Warn on the page only',
  'options.list.level.notice': 'Breach notices only (never blocks)',
  'options.list.level.allow':
    'Licensed sellers: no warning from a warn-level list or the page check (a block still applies)',
  'options.list.remove': 'Remove this list',
  'options.list.signed':
    'Each download must carry a valid signature by the Kusuri Guard maintainers.',
  'options.list.problem': 'Last problem ({when}): {problem}; keeping the list from {age}.',
  'options.list.problemNoList': 'Last problem ({when}): {problem}.',
  'options.list.pendingShrink':
    'A new version would shrink this list from {from} to {to} entries. Such a change is held back until you decide.',
  'options.list.applyShrink': 'Apply the smaller list',
  'options.list.result.updated': 'Updated: {count} entries.',
  'options.list.result.unchanged': 'Already up to date.',
  'options.list.result.failed': 'Update failed: {problem}.',
  'options.list.result.shrink': 'The new version removes too many entries; see above.',
  'options.list.result.skipped': 'This list has no update address.',
  'options.add.title': 'Add a list by URL',
  'options.add.url': 'Address of the list',
  'options.add.name': 'Name (optional)',
  'options.add.format': 'Format',
  'options.add.submit': 'Add list',
  'options.add.adding': 'Adding…',
  'options.add.badUrl': 'Enter an address that starts with https:// or http://.',
  'options.format.kusuri-guard': 'Kusuri Guard list (JSON)',
  'options.format.domains': 'Plain domains or hosts file',
  'options.format.ublacklist': 'uBlacklist subscription',
  'options.format.hibp': 'Have I Been Pwned breach list',
  'options.list.rejected': '{count} lines rejected ({kinds})',
  'options.list.rejectedKind': '{kind}: {count}',
  'options.list.held': '{count} entries held because they would block important sites',
  'options.list.held.blocked': 'blocked: you confirmed it',
  'options.list.held.undo': 'Undo',
  'options.list.held.blockAnyway': 'Block anyway',
  'options.list.held.confirm':
    'Block {host} and every site under it? Kusuri Guard itself relies on it or many people use it. Block it only if you are sure this list is right.',
  'options.list.held.confirmYes': 'Block',
  'options.list.held.cancel': 'Cancel',
  'reject.invalid-host': 'unparsable',
  'reject.public-suffix': 'public suffix',
  'reject.bare-tld': 'bare top-level domain',
  'reject.private-address': 'private, loopback, link-local or CGNAT address',
  'reject.never-block': 'a site Kusuri Guard itself relies on',
  'reject.popular-site': 'popular site',
  'reject.free-hosting': 'free-hosting platform',
  'reject.unsupported-host': 'unsupported host',
  'reject.duplicate': 'duplicate',
  'reject.schema': 'invalid entry',
  'reject.unsupported-rule': 'form not supported (*.x, paths, options…)',
  'reject.skipped-breach': 'breach record not used',
  'reject.too-many': 'over the entry limit',
  'options.format.licensed': 'Licensed-seller list (Kusuri Guard JSON)',
  'options.licensed.title': 'Licensed sellers',
  'options.licensed.intro':
    '{count} pharmacies, drugstores, clinics and drug-information sites named by a public register or by their own legally required licence display. Kusuri Guard does not warn on them because of a warn-level list or the page check; a block-level list entry still applies and is shown below.',
  'options.licensed.conflicts': 'Lists naming a licensed seller ({count})',
  'options.licensed.noConflicts': 'No list names a licensed seller.',
  'options.licensed.register': 'Register: {register}',
  'options.licensed.listBlocks': '“{list}” lists {listed} and blocks it',
  'options.licensed.listWarns':
    '“{list}” lists {listed} (warning only; not shown because the seller is licensed)',
  'options.licensed.all': 'All licensed sellers ({count})',
  'options.disagree.title': 'Lists that disagree',
  'options.disagree.intro':
    'Sites that one list blocks while another only warns, and sites you allowed that a list names. The blocking side applies unless you allowed the site.',
  'options.disagree.none': 'No lists disagree.',
  'options.disagree.more': 'and {count} more sites',
  'options.disagree.show': 'Show the {count} sites',
  'options.disagree.listBlocks': '“{list}” lists {listed} and blocks it',
  'options.disagree.listWarns': '“{list}” lists {listed} and only warns',
  'options.disagree.allowed': 'You allowed {site}: it is not stopped',
  'options.disagree.allow': 'Allow this site',
  'options.disagree.block': 'Block this site',
  'options.disagree.unallow': 'Remove from allowed sites',
  'options.allow.title': 'Sites you allowed',
  'options.allow.intro': 'Pages on these sites are never stopped, even when a list names them.',
  'options.block.title': 'Sites you blocked',
  'options.block.intro': 'These sites are stopped before they load, like a listed rogue pharmacy.',
  'options.block.note': 'Why (optional)',
  'options.dismiss.title': 'Sites without in-page warnings',
  'options.dismiss.intro':
    'You chose “Don’t warn me on this site” on these sites. Pre-load blocking still applies to them.',
  'options.sites.empty': 'None.',
  'options.sites.add': 'Site or address',
  'options.sites.allowButton': 'Allow',
  'options.sites.blockButton': 'Block',
  'options.sites.error.invalid': 'That is not a web address or domain name.',
  'options.sites.error.public-suffix':
    'That is a shared ending (such as co.jp or github.io) that many unrelated sites use, not one site.',
  'options.sites.error.local': 'That is a name on your own computer or network, not a website.',
  'options.sites.error.private-address':
    'That is an address on your own computer or network (such as a router), not a website.',
  'options.sites.storedInvalid': '(not a single site: ignored)',
  'options.sites.invalid': 'That is not a web address or domain name.',
  'options.col.site': 'Site',
  'options.col.added': 'Added',
  'options.col.why': 'Why',
  'options.via.warning-page': '“Always allow” on the warning page',
  'options.via.popup': 'From the popup',
  'options.via.options': 'Added here',
  'options.via.import': 'Imported from a file',
  'options.via.report': 'When reporting the site',
  'options.settings.title': 'Settings',
  'options.settings.language': 'Language',
  'options.settings.language.auto': 'Same as the browser',
  'options.settings.autoLookups': 'Look up the registrar and the registration date automatically',
  'options.settings.autoLookupsHint':
    'When on, Kusuri Guard asks the domain registry’s public RDAP service about a site when you open the popup, or by itself when a page already looks suspicious. Only the domain name is sent. When off, it asks only when you press “Look up” or check a site.',
  'options.data.title': 'Export and import',
  'options.data.intro':
    'Save your settings, the sites you allowed, blocked or silenced, and your lists to a file, or load them from one. List contents are not in the file; they are downloaded again.',
  'options.data.export': 'Export to a file',
  'options.data.import': 'Import from a file',
  'options.data.imported':
    'Imported. Sites allowed: {allowlist}; blocked: {blocks}; silenced: {dismissals}.',
  'options.data.importing': 'Checking and importing the file…',
  'options.data.checking': '{checked} / {total} entries checked…',
  'options.data.writing': 'All {total} entries are valid; importing them…',
  'options.data.interrupted':
    'The import was interrupted before it finished; nothing was changed. Try again.',
  'options.data.newerVersion':
    'This file was made by a newer version of Kusuri Guard; update the extension to import it. Nothing was changed.',
  'options.data.invalidEntries':
    'The file has {count} invalid entries, so nothing was imported: {examples}',
  'options.data.damaged': 'The settings file is damaged ({detail}); nothing was changed.',
  'options.data.proposedLists':
    'The file names lists added by address. They are not downloaded until you add them:',
  'options.data.addList': 'Add this list',
  'options.data.importFailed':
    'This file is not a Kusuri Guard settings file; nothing was changed.',
  'options.rules.title': 'Pre-load blocking',
  'options.rules.status':
    '{domains} domains are stopped before they load (browser rules: {rules}).',
  'options.rules.error':
    'The browser refused the last change to the rules ({error}); the previous rules stay in force.',
  'options.rules.overflow':
    'Not every block-level domain got a browser rule ({error}; block-level domains: {total}). The remaining {left} domains are stopped as soon as their pages start loading, which means each of those sites is contacted once.',
  'time.never': 'never',

  'status.timeout': 'the server did not answer in time',
  'status.network': 'the server could not be reached',
  'status.http': 'the server answered with an error ({detail})',
  'status.rate-limited': 'the server asked to be contacted less often',
  'status.too-large': 'the list is larger than the 64 MB limit',
  'status.dropped': 'the connection dropped during the download',
  'status.refused-address':
    'the address or a redirect is not a public https site, so it was not downloaded ({detail})',
  'status.redirects': 'the server redirected too many times or to a hidden address ({detail})',
  'status.bad-encoding': 'the download is not readable text',
  'status.empty': 'the server sent an empty file',
  'status.not-json': 'the server sent a broken file instead of a list',
  'status.html-page': 'the server answered with a web page instead of a list',
  'status.wrong-format': 'the file is not in the format chosen for this list',
  'status.wrong-schema': 'the list does not follow the expected format',
  'status.no-entries': 'the list has no usable entry',
  'status.binary': 'the server sent binary data instead of a list',
  'status.missing-signature': 'the list came without its signature',
  'status.bad-signature': 'the list’s signature is not valid, so it may have been tampered with',
  'status.older-version': 'the server sent an older version than the one in use',

  'reason.registrar.identity': 'Registered through {registrar}{id}.',
  'reason.registrar.abuse': 'Abuse contact: {contact}',
  'reason.registrar.breach': '{registrar} had a data breach ({date}; {records}).',
  'reason.registrar.noncooperation':
    '{registrar} is reported to ignore takedown requests for rogue pharmacies ({date}).',
  'reason.registrar.noncooperation.context':
    'Together with what this page shows, this makes a rogue pharmacy more likely.',
  'reason.registrar.noncooperation.alone':
    'This says nothing about this site by itself: most sites registered there are legitimate.',
  'reason.registrar.positive': '{registrar} is reported to suspend rogue pharmacies.',
  'reason.registrar.abuse-rank':
    '{registrar} ranked #{rank} among registrars in a spam-domain measurement ({period}).',
  'reason.registrar.no-rdap':
    'This domain’s registry offers no RDAP lookup, so the registrar and the registration date cannot be shown here.',
  'reason.registrar.no-rdap.whois':
    'You can look the domain up on the registry’s public WHOIS page ({registry}).',
  'reason.registrar.lookup-failed': 'The registrar could not be looked up just now ({error}).',
  'reason.registrar.not-found': 'The registry has no record of this domain.',
  'reason.registrar.not-looked-up': 'The registrar and the registration date were not looked up.',
  'reason.records': '{count} records',
  'reason.records.unknown': 'number not disclosed',
  'reason.age.new': 'The domain was registered only {days} days ago ({date}).',
  'reason.age.young': 'The domain was registered less than a year ago ({date}).',
  'reason.age.established': 'The domain was registered on {date} ({years} years ago).',
  'reason.age.expires': 'Registration expires on {date}.',
  'reason.breach.site': 'This site’s service had a data breach: {title} ({date}).',
  'reason.breach.data': 'Data exposed: {classes}.',
  'reason.breach.count': 'Accounts affected: {count}.',
  'lookup.error.timeout': 'the server did not answer in time',
  'lookup.error.network': 'the server could not be reached',
  'lookup.error.http': 'the server answered with an error',
  'lookup.error.rate-limited': 'the server asked to be contacted less often',
  'lookup.error.bad-response': 'the server’s answer could not be read',
  'lookup.error.refused-address':
    'the server sent the lookup to an address that is not a public https site, so it was not followed',
  'lookup.error.too-large': 'the server’s answer was too large',

  'report.kind.no-prescription': 'Sells prescription drugs without a prescription',
  'report.kind.unapproved': 'Sells or advertises unapproved drugs',
  'report.kind.fake-licence': 'Shows a fake or copied licence',
  'report.kind.breach-or-scam': 'Breached or scam site',
  'report.kind.other': 'Something else',
  'report.md.title': '[Report] {host} — {kind}',
  'report.md.site': 'Site',
  'report.md.url': 'Address',
  'report.md.pageTitle': 'Page title',
  'report.md.kind': 'What is wrong',
  'report.md.when': 'Seen on',
  'report.md.registrar': 'Registrar',
  'report.md.abuse': 'Registrar abuse contact',
  'report.md.reasons': 'What Kusuri Guard found',
  'report.md.comment': 'Reporter’s comment',
  'report.md.footer': 'Prepared with Kusuri Guard. No personal data of the reporter is included.',
  'report.md.overflow': '(The rest of this report was copied to your clipboard: paste it here.)',
  'report.mail.greeting': 'Dear abuse team of {registrar},',
  'report.mail.facts':
    'I am writing about the domain {site}, which is registered through your company.',
  'report.mail.law':
    'Under section 3.18 of the ICANN Registrar Accreditation Agreement, registrars must investigate reports of abuse and respond appropriately.',
  'report.mail.request': 'Please investigate this domain and take action under your abuse policy.',
  'report.mail.evidence': 'Evidence (seen on {when}):',
  'report.mail.comment': 'Comment:',
  'report.mail.closing':
    'This report was prepared with Kusuri Guard, a browser extension that warns against rogue online pharmacies.',
  'report.text.site': 'Site: {site}',
  'report.text.url': 'Address: {url}',
  'report.text.title': 'Page title: {title}',
  'report.text.kind': 'What is wrong: {kind}',
  'report.text.when': 'Seen on: {when}',
  'report.text.reasons': 'What the page shows:',
  'report.text.comment': 'Comment: {comment}',

  'menu.reportPage': 'Report this page with Kusuri Guard',
  'menu.reportLink': 'Report the linked site with Kusuri Guard',

  'popup.report': 'Report this site',
  'popup.blockSite': 'Block this site for me',
  'popup.blockedNow':
    'Added to your block list: from the next visit, the site is stopped with a full-page warning.',
  'popup.myReports': 'My reports',
  'warning.report': 'Report this site',

  'reportPage.title': 'Report a suspicious site',
  'reportPage.savedTitle': 'Report saved',
  'reportPage.intro':
    'Nothing is sent until you choose where it goes. You can read every word first, below.',
  'reportPage.myReports': 'My reports',
  'reportPage.noTarget':
    'There is no web page to report here. Open the report from a page, the popup or the warning page.',
  'reportPage.kind': 'What is wrong?',
  'reportPage.kindRequired': 'Choose what is wrong with the site.',
  'reportPage.comment': 'Comment (optional)',
  'reportPage.commentHint': 'Do not write your own name, address or order details.',
  'reportPage.evidence': 'Evidence that will be included',
  'reportPage.noTitle': '(none: the page was stopped before it loaded)',
  'reportPage.noReasons':
    'Kusuri Guard found no signs on this page; your choice and comment are the report.',
  'reportPage.keepQuery':
    'Keep the part of the address after “?” and “#” (it can contain personal data such as a session ID)',
  'reportPage.screenshot': 'Attach a screenshot of the page as it looks now',
  'reportPage.screenshotHint':
    'From the toolbar button or the context menu, no permission is needed; otherwise your browser asks once whether Kusuri Guard may capture pages.',
  'reportPage.screenshotTaking': 'Taking the screenshot…',
  'reportPage.screenshotAlt': 'Screenshot of the reported page',
  'reportPage.screenshot.no-permission':
    'No screenshot was taken: Kusuri Guard may not capture this page. Tick the box again to give the permission; the report works without one.',
  'reportPage.screenshot.not-loaded': 'The page is no longer open in its tab.',
  'reportPage.screenshot.too-large': 'The screenshot is too large to attach.',
  'reportPage.screenshot.failed': 'The screenshot could not be taken.',
  'reportPage.noScreenshot': 'No screenshot is possible: the page was stopped before it loaded.',
  'reportPage.where': 'Where to send it',
  'reportPage.ch.maintainers': 'Kusuri Guard’s list maintainers',
  'reportPage.ch.maintainersHint':
    'Opens a prefilled issue on the project’s public tracker; you submit it there. Everything in it will be public.',
  'reportPage.ch.maintainersOff':
    'Not available in this build: neither a tracker nor the maintainers’ e-mail address is set.',
  'reportPage.ch.registrar': 'The registrar’s abuse contact ({email})',
  'reportPage.ch.registrarHint':
    'Opens a ready e-mail in your mail program that states the facts and the evidence (and the law, where one applies).',
  'reportPage.ch.registrarOff':
    'No abuse contact is known for this site’s registrar. Look the registrar up in the popup first.',
  'reportPage.ch.authorities': 'The authorities',
  'reportPage.ch.authoritiesHint':
    'Links to MHLW’s “Ayashii Yakubutsu Renraku Net”, the prefectural pharmaceutical affairs desks and Google Safe Browsing, with the report text ready to paste.',
  'reportPage.ch.endpoint': 'Your report server ({url})',
  'reportPage.ch.endpointHint':
    'Sent by Kusuri Guard in the background and retried until it arrives.',
  'reportPage.ch.endpointOff': 'No report server is set. You can add one in the settings.',
  'reportPage.block': 'Block {site} for me (a full-page warning from now on)',
  'reportPage.alreadyBlocked': 'This site is already on your block list.',
  'reportPage.language': 'Language of the report',
  'reportPage.preview': 'Exactly what will be sent',
  'reportPage.previewKind': 'Choose what is wrong above; the preview follows your choices.',
  'reportPage.preview.to': 'To',
  'reportPage.preview.subject': 'Subject',
  'reportPage.preview.title': 'Title',
  'reportPage.preview.public': 'The issue will be public on the tracker.',
  'reportPage.preview.overflow':
    'Too long for one link: the link carries the first part, and the whole text is copied to your clipboard when you open it.',
  'reportPage.preview.screenshotNote': 'The screenshot is sent as image data ({size} KB).',
  'reportPage.preview.none': 'Nothing will be sent: the report is only kept in My reports.',
  'reportPage.save': 'Save the report',
  'reportPage.saveHint': 'It is saved first; then you send it from the next screen.',
  'reportPage.saving': 'Saving…',
  'reportPage.saveFailed':
    'The report could not be saved ({error}). Nothing was sent, and what you wrote is still here.',
  'reportPage.saveUnknown':
    'Kusuri Guard did not answer, so it is not known whether the report was saved. Nothing was sent, and what you wrote is still here. Press Save again: the report will not be saved twice.',
  'reportPage.unfinished':
    'Your report is saved but not sent yet: Kusuri Guard stopped before it finished.',
  'reportPage.finish': 'Send it now',
  'reportPage.earlier': 'A report about this site was saved on {date} and has not been sent yet.',
  'reportPage.openEarlier': 'Open it',
  'reportPage.storageFull':
    'Your disk is full, so the report could not be saved. Nothing was sent. Free some space and press Save again.',
  'reportPage.next': 'Send your report',
  'reportPage.saved': 'Report saved. Whatever happens next, you will find it in My reports.',
  'reportPage.savedBlocked': '{site} is now on your block list.',
  'reportPage.screenshotDropped':
    'Storage is nearly full: the report was saved without its screenshot.',

  'channel.maintainers': 'List maintainers',
  'channel.registrar': 'Registrar',
  'channel.authorities': 'Authorities',
  'channel.endpoint': 'Report server',

  'act.issue': 'Open the prefilled issue',
  'act.mail': 'Write the e-mail to {email}',
  'act.copyMail': 'Copy the e-mail text',
  'act.copyText': 'Copy the report text',
  'act.copied': 'Copied to the clipboard.',
  'act.copyFailed': 'Could not copy. Select the text in the preview and copy it yourself.',

  'authority.mhlw-yakubutsu': 'MHLW: Ayashii Yakubutsu Renraku Net (あやしいヤクブツ連絡ネット)',
  'authority.mhlw-yakubutsu.hint':
    'the Ministry of Health’s desk for tips about dubious medicines sold online',
  'authority.mhlw-prefectures': 'Prefectural pharmaceutical affairs desks (MHLW list)',
  'authority.mhlw-prefectures.hint':
    'the prefecture enforces the pharmaceutical law where the seller operates',
  'authority.google-safe-browsing': 'Google Safe Browsing: report a dangerous site',
  'authority.google-safe-browsing.hint': 'protects users of Chrome, Firefox and Safari',

  'status.not-used': 'not used',
  'status.ready': 'not opened yet',
  'status.opened': 'opened {date}',
  'status.queued': 'waiting to be sent (next try {time})',
  'status.lastError': '— attempts so far: {count}; last error: {error}',
  'status.sending': 'sending…',
  'status.delivered': 'delivered {date}',
  'status.failed': 'not delivered (attempts: {count}; last error: {error})',

  'myReports.title': 'My reports',
  'myReports.intro':
    'Every report you saved and what happened to it on each channel. They are stored only in this browser.',
  'myReports.empty': 'You have not reported any site yet.',
  'myReports.export': 'Export all reports (JSON)',
  'myReports.saved': 'saved {date}',
  'myReports.screenshot': 'with screenshot',
  'myReports.blocked': 'blocked for you',
  'myReports.reopen': 'Send again…',
  'myReports.resend': 'Retry the report server now',
  'myReports.delete': 'Delete',
  'myReports.confirmDelete': 'Delete for good',
  'myReports.cancel': 'Cancel',

  'options.reports.title': 'Reports',
  'options.reports.intro':
    'Reports are saved in this browser and sent only where you choose. You can also have every report sent to a report server of your own (HTTPS), for example your organisation’s.',
  'options.reports.endpoint': 'Report server (HTTPS address)',
  'options.reports.save': 'Save',
  'options.reports.reset': 'Use the default',
  'options.reports.current': 'Reports can be sent to {url}.',
  'options.reports.none': 'No report server is set.',
  'options.reports.build': '(This build’s default is {url}; save an empty address to turn it off.)',
  'options.reports.invalid': 'Only https:// addresses can be used.',
  'options.reports.saved': 'Saved.',
  'options.reports.open': 'Open My reports',

  'error.bad-request': 'the request was not understood',
  'error.forbidden': 'this action is not allowed from here',
  'error.not-found': 'nothing was found',
  'error.internal': 'an internal error occurred',

  // issue 16: the Japanese reviewer's pass (per-kind report text, punctuation helpers)
  'report.mail.greetingNoName': 'Dear abuse team,',
  'report.mail.observed.no-prescription':
    'The page {url} sells prescription-only medicines without a prescription.',
  'report.mail.observed.unapproved':
    'The page {url} sells or advertises medicines that are not approved in Japan.',
  'report.mail.observed.fake-licence':
    'The page {url} displays a licence to sell medicines that appears to be fake or copied from another seller.',
  'report.mail.observed.breach-or-scam':
    'The site at {url} appears to be a scam, or to have leaked its users’ data.',
  'report.mail.observed.other': 'The page {url} appears to involve abuse of this domain.',
  'report.mail.law.no-prescription':
    'In Japan, selling prescription-only medicines without a prescription is prohibited by the Act on Securing Quality, Efficacy and Safety of Products Including Pharmaceuticals and Medical Devices (医薬品医療機器等法).',
  'report.mail.law.unapproved':
    'In Japan, selling or advertising medicines that have not been approved is prohibited by the Act on Securing Quality, Efficacy and Safety of Products Including Pharmaceuticals and Medical Devices (医薬品医療機器等法).',
  'report.mail.law.fake-licence':
    'In Japan, selling medicines requires a pharmacy or drug-seller licence under the Act on Securing Quality, Efficacy and Safety of Products Including Pharmaceuticals and Medical Devices (医薬品医療機器等法).',
  'report.mail.subject.no-prescription':
    'Abuse report: {host} (prescription drugs sold without a prescription)',
  'report.mail.subject.unapproved': 'Abuse report: {host} (unapproved drugs sold or advertised)',
  'report.mail.subject.fake-licence': 'Abuse report: {host} (fake licence to sell medicines)',
  'report.mail.subject.breach-or-scam': 'Abuse report: {host} (suspected scam or data breach)',
  'report.mail.subject.other': 'Abuse report: {host}',
  'report.text.heading.no-prescription':
    'Information about a website suspected of selling medicines illegally',
  'report.text.heading.unapproved':
    'Information about a website suspected of selling or advertising medicines illegally',
  'report.text.heading.fake-licence':
    'Information about a website suspected of showing a fake licence to sell medicines',
  'report.text.heading.breach-or-scam':
    'Information about a website suspected of fraud or a data breach',
  'report.text.heading.other': 'Information about a suspicious website',
  'report.snippet': ' (“{snippet}”)',
  'warning.explain.scam':
    'On a scam site, you may pay and receive nothing, and card or personal details you enter may be misused.',
  'warning.explain.breached-service':
    'This service has had a data breach. If you use the same password elsewhere, change it, and be careful with unexpected e-mails and text messages.',
  'ui.labelSep': ': ',
  'ui.listSep': ', ',
  'options.list.lastUpdateWhen': '{date} ({relative})',
  'popup.allowlistCount': 'Sites you allowed ({count})',
  'popup.hostAscii': ' ({host})',
  'reason.sourceDate': ' ({date})',

  // issue 16: first-run and privacy pages
  'welcome.title': 'Welcome to Kusuri Guard',
  'welcome.lead':
    'Kusuri Guard is now on. It works at once, offline, with no account: the lists it needs are packaged with it.',
  'welcome.what.title': 'What it does',
  'welcome.what.block':
    'Sites on its lists of rogue online pharmacies are stopped before they load, with a full-page warning that says why.',
  'welcome.what.detect':
    'Unlisted pages that sell prescription or unapproved drugs the way rogue shops do get a warning banner.',
  'welcome.what.report':
    'From the toolbar button you can see why, check a site without visiting it, and report a suspicious page.',
  'welcome.what.local':
    'Matching happens in your browser: the sites you visit are not sent anywhere.',
  'welcome.lookups.title': 'Registrar lookups',
  'welcome.lookups.explain':
    "To show who registered a domain and when, Kusuri Guard can ask the domain's registry (RDAP). Only the domain name is sent (for example example.com), when you open the popup on a site or when a page already looks suspicious.",
  'welcome.lookups.later':
    'Turned off, nothing is looked up until you press "Look up the registrar and domain age" in the popup. You can change this on the settings page at any time.',
  'welcome.lists.title': 'The lists it starts with',
  'welcome.hostAccess.title': 'Kusuri Guard cannot check sites yet',
  'welcome.hostAccess.missing':
    'The browser has not given Kusuri Guard access to websites, so it cannot stop listed sites or read pages. Allow it with the button below.',
  'welcome.hostAccess.button': 'Allow access to websites',
  'welcome.hostAccess.ok':
    'Access to websites is granted: listed sites are stopped before they load.',
  'welcome.privacyLink': 'Privacy policy',
  'welcome.optionsLink': 'Settings',
  'privacy.title': 'Kusuri Guard privacy policy',
  'privacy.intro':
    'This page says exactly what leaves your browser and when. Kusuri Guard has no account, no analytics and no server of its own that sees your browsing.',
  'privacy.local.title': 'Checking pages happens in your browser',
  'privacy.local.text':
    "A page's verdict is computed in your browser from the address's host name and, on pages that mention medicines, from a sample of the page's text and the sites its links lead to, which stay inside the extension. Nothing about the sites you visit is sent anywhere to check them.",
  'privacy.lists.title': 'List downloads',
  'privacy.lists.text':
    "Lists are downloaded whole from their addresses and carry nothing about your browsing: the Have I Been Pwned breach list and the Block List Project drugs list daily, IANA's RDAP directory weekly, the project's list every 6 hours if the build sets its address, and any list you add daily. Requests carry no cookies and no referrer.",
  'privacy.rdap.title': 'Domain lookups (RDAP)',
  'privacy.rdap.text':
    "A lookup sends only the registered domain (for example example.com; never the page, path, query or subdomain) to the RDAP server that IANA lists for its top-level domain, and then to the registrar's RDAP server if the registry names one. Answers are kept for 24 hours. Local and IP addresses are never looked up.",
  'privacy.rdap.when':
    'A lookup happens only when you open the popup on a site, when you check a site with "Check a site without visiting it", or when a page you visit already looks suspicious (caution or above).',
  'privacy.rdap.setting':
    'The setting "Look up the registrar and the registration date automatically" controls the first and the last: turned off, nothing is looked up until you press "Look up the registrar and domain age". In Firefox this is the optional "browsing activity" data permission, asked for when you turn the setting on.',
  'privacy.reports.title': 'Reports',
  'privacy.reports.text':
    "A report leaves the browser only when you save it, and only through the channels you chose: the report server (yours, or the one the build sets) receives the report shown in the preview; the issue tracker, your mail program and the authorities' sites are opened by you, with the text you saw. A screenshot is taken only if you tick it.",
  'privacy.stored.title': 'What is kept in your browser',
  'privacy.stored.text':
    'Settings, the sites you allowed or blocked, the lists, lookup answers and your reports are kept in the extension\'s own storage in your browser. "Open it this time only" grants end with the browser session. Removing the extension removes them all.',
  'privacy.none.title': 'What is never done',
  'privacy.none.text':
    'No tracking, no analytics, no advertising, no sale or sharing of data, and no request while you merely browse an ordinary site.',
  'options.privacyLink': 'Privacy policy',
  // "Listed by mistake?" (issue 16): a dispute of a warning, from the warning page and the popup.
  'dispute.button': 'Listed by mistake?',
  'dispute.button.flagged': 'Warned by mistake?',
  'dispute.hint': 'Site owners and users can ask the list maintainers to check this warning.',
  'dispute.title': 'Listed or warned by mistake?',
  'dispute.intro':
    'Tell the list maintainers why you think this warning is wrong. They check every request and remove or correct the entry when it is a mistake. Nothing is sent until you choose how below.',
  'report.kind.false-positive': 'Listed or flagged by mistake (I think this site is fine)',
  'report.md.title.false-positive': '[Listed by mistake?] {host}',
  'report.mail.observed.false-positive':
    'Kusuri Guard warns about the page {url}, but I believe the site is listed or flagged by mistake.',
  'report.mail.subject.false-positive': 'Listed by mistake: {host}',
  'report.text.heading.false-positive': 'Information about a site that may be listed by mistake',
  'report.maint.greeting': 'Dear Kusuri Guard list maintainers,',
  'report.maint.facts': 'I am writing about the site {site}.',
  'report.maint.request': 'Please consider this site for the list.',
  'report.maint.request.false-positive':
    'Please check the listing and the warning, and remove or correct them if they are wrong.',
  'reportPage.ch.maintainersMailHint':
    'No GitHub account? A ready e-mail to the list maintainers ({email}) works as well.',
  'reportPage.ch.notForDispute':
    'Not for a “listed by mistake” request: this channel is for reporting abuse.',
  'reportPage.preview.maintainersMail': 'Or by e-mail, with no GitHub account',
  'act.maintainersMail': 'E-mail the list maintainers ({email})',
} as const;

export type MessageKey = keyof typeof en;
