// 日本語メッセージ表。キーは en.ts と同じ(型で強制)。
import type { MessageKey } from './en';

export const ja: Record<MessageKey, string> = {
  'app.name': 'くすりガード',
  'app.tagline': '不正なネット薬局で薬を買う前に警告します',
  'lang.toggle': 'English',
  'lang.toggleLabel': '表示言語を英語に切り替える',
  'date.unknown': '日付不明',

  'level.none': '警告なし',
  'level.caution': '注意',
  'level.warning': '警告',
  'level.danger': '危険',
  'level.unchecked': 'チェック対象外',
  'badge.title.none': 'くすりガード：このサイトに警告はありません',
  'badge.title.caution': 'くすりガード：注意（詳しくはポップアップをご覧ください）',
  'badge.title.warning': 'くすりガード：警告（不正・危険なサイトのリストに掲載されています）',
  'badge.title.danger': 'くすりガード：危険（ブロックリストに掲載されているサイトです）',
  'badge.title.unchecked': 'くすりガード：このページはチェックの対象外です',
  'badge.title.page.warning': 'くすりガード：警告（このページは不正なネット薬局の疑いがあります）',
  'badge.title.page.danger': 'くすりガード：危険（このページは不正なネット薬局の疑いが強いです）',

  'category.rogue-pharmacy': '不正なネット薬局',
  'category.unapproved-drug-ads': '未承認薬・処方薬の宣伝サイト',
  'category.breached-service': '情報漏えいのあったサービス',
  'category.scam': '詐欺サイト',

  'warning.pageTitle': 'くすりガードがブロックしました',
  'warning.stopped': 'くすりガードが、このページを読み込む前に止めました',
  'warning.headline.rogue-pharmacy': 'このサイトは不正なネット薬局としてリストに掲載されています',
  'warning.headline.unapproved-drug-ads':
    'このサイトは未承認薬や処方薬を宣伝するサイトとしてリストに掲載されています',
  'warning.headline.breached-service':
    'このサイトは情報漏えいのあったサービスとしてリストに掲載されています',
  'warning.headline.scam': 'このサイトは詐欺サイトとしてリストに掲載されています',
  'warning.explain':
    'このようなサイトで売られている薬は、偽物だったり、不純物が混じっていたり、成分の量が表示と違ったりすることがあります。処方薬や未承認薬をこのように販売することは、医薬品医療機器等法（薬機法）で禁じられています。また、こうして手に入れた薬で健康被害が出ても、医薬品副作用被害救済制度の対象になりません。',
  'warning.site': 'サイト',
  'warning.idn': '英数字での表記：{ascii}',
  'warning.address': '開こうとしたアドレス',
  'warning.why': 'リストに掲載されている理由',
  'warning.list': 'リスト',
  'warning.listedEntry': '掲載されている項目',
  'warning.category': '分類',
  'warning.network': '関連サイト群',
  'warning.evidence': '根拠',
  'warning.source': '出典',
  'warning.noDetails': 'このリストには項目ごとの詳細がありません。リストの提供元：{attribution}',
  'warning.goBack': '前のページに戻る（おすすめ）',
  'warning.continue': 'それでも開く…',
  'warning.continueOnce': '今回だけ開く',
  'warning.continueAlways': 'このサイトを常に許可する',
  'warning.continueAlwaysHint':
    '{site} を「許可したサイト」に追加します。ポップアップや設定画面からいつでも取り消せます。',
  'warning.continueCancel': 'キャンセル',
  'warning.badUrl': 'ブロックしたページのアドレスを読み取れないため、開くことはできません。',
  'warning.unknownEntry':
    'このサイトは現在使っているリストに掲載されていないか、リストが更新されています。もう一度開いてみてください。',
  'warning.retry': 'もう一度開く',
  'warning.hiddenStopped': 'くすりガードがページからこの画面に切り替えました',
  'warning.headline.hidden': 'このページは、くすりガードの警告を隠そうとしました',
  'warning.hiddenExplain':
    'くすりガードがこのページに警告を表示したところ、ページ側が警告を隠したり、覆ったり、消したりしました。信頼できるお店がそのようなことをする理由はありません。',
  'warning.framed':
    'このページの中で、リストに掲載されたサイトが読み込まれるのを、くすりガードが止めました。',
  'warning.unverified':
    'このタブでくすりガードが止めたページはないため、ここから開けるページはありません。',
  'warning.confirmAlways':
    '{site} を常に許可しますか？今後どのタブでも、くすりガードはこのサイトを止めたり警告したりしなくなります。',
  'warning.confirmAlwaysYes': 'はい、このサイトを常に許可します',
  'warning.failed': 'この操作を完了できませんでした：{error}',

  'popup.title': 'くすりガード',
  'popup.confirmDismiss':
    '{site} で警告しないようにしますか？くすりガードはこのサイトでバナーを表示しなくなります。ここか設定画面で元に戻せます。',
  'popup.confirmDismissYes': 'はい、このサイトでは警告しません',
  'popup.loading': 'チェックしています…',
  'popup.noTab': 'このタブではページが開かれていません。',
  'popup.unsupported': 'ウェブサイトではない（ブラウザの設定画面など）ため、チェックしていません。',
  'popup.local': 'お使いのパソコンや社内ネットワーク上のアドレスのため、チェックしていません。',
  'popup.topReasons': '主な理由',
  'popup.allReasons': 'すべての理由（種類別）',
  'popup.groupCount': '{group}（{count}）',
  'popup.noReasons': 'くすりガードが使っているリストに、このサイトは掲載されていません。',
  'popup.allowlisted': 'このサイトはご自身で許可したため、ブロックしていません。',
  'popup.undoAllow': 'このサイトの許可を取り消す',
  'popup.allowlist': '許可したサイト',
  'popup.allowlistEmpty': '許可したサイトはありません。',
  'popup.remove': '削除',
  'popup.addedOn': '{date}に追加',
  'popup.listsDisagree':
    'このサイトについてリストの扱いが食い違っています：「{blocking}」はブロック、「{warning}」は警告のみです。',
  'popup.licensed': '許可を受けた販売者：',
  'popup.licensedRegister': '根拠：{register}。',
  'popup.licensedNumber': '許可番号等：{licence}。',
  'popup.licensedConflict':
    'このサイトには警告を表示しません。ただし、リストの掲載やページの特徴 {count} 件が許可の情報と食い違っています（下に表示）。',
  'popup.group.overridden': '許可を受けた販売者のため、判定に含めなかった理由',
  'popup.score': 'スコア {score}/100',
  'popup.blocked': 'このサイトは、ページを開く前に止めています。',
  'popup.group.registrar': 'ドメインの登録事業者（レジストラ）と登録日',
  'popup.group.breach': 'このサイトの情報漏えい',
  'popup.lookingUp': 'レジストラと登録日を調べています…',
  'popup.lookUp': 'レジストラと登録日を調べる',
  'popup.lookUpHint':
    'ドメイン名「{domain}」だけを、ドメインの管理団体（レジストリ）が公開しているRDAPサービスに送信します。',
  'popup.detailsAndSources': '詳細と出典（{count}件）',
  'popup.details': '詳細',
  'popup.sources': '出典（{count}件）',
  'popup.backToTab': '← 表示中のタブに戻る',
  'popup.openOptions': 'リストと設定',
  'check.label': 'サイトを開かずにチェック',
  'check.placeholder': 'example.com または https://…',
  'check.button': 'チェック',
  'check.error.empty': 'サイトのアドレス（URL）またはドメイン名を入力してください。',
  'check.error.invalid': 'サイトのアドレス（URL）またはドメイン名として読み取れません。',
  'check.error.too-long': '実在するドメイン名としては長すぎます。',
  'check.error.scheme': 'チェックできるのはウェブサイトのアドレス（http・https）だけです。',
  'check.error.credentials':
    'ユーザー名やパスワードを含むアドレスはチェックしません（フィッシングによく使われる手口です）。',
  'check.error.local': 'お使いのパソコンや社内ネットワーク上のアドレスのため、チェックしません。',
  'popup.error': 'エラーが発生しました：{error}',

  'reason.list.block': '「{list}」に{category}として掲載されています。',
  'reason.list.warn': '「{list}」に{category}として掲載されています（警告のみ）。',
  'reason.list.user': 'ご自身でこのサイトをブロックしています。',

  'reason.page.unapproved-drug': '日本で承認されていない{drug}を販売しています。',
  'reason.page.rx-drug': '日本では処方箋が必要な{drug}を扱っています。',
  'reason.page.no-prescription': '処方箋は不要だとうたっています。',
  'reason.page.import-agency': '「個人輸入代行」を名乗っています。',
  'reason.page.personal-import': '海外からの「個人輸入」として医薬品を扱っています。',
  'reason.page.abroad': '海外からの発送や税関について書かれています。',
  'reason.page.payment':
    '不正なショップによくある支払い方法（特定のカードのみ、米ドル建ての決済、注文ごとに変わる振込口座、暗号資産など）を使っています。',
  'reason.page.legality': '「合法」「FDA承認」「正規品保証」などとうたっています。',
  'reason.page.discreet': '中身が分からないように梱包して送ると書かれています。',
  'reason.page.self-responsibility': '服用はすべて自己責任だとしています。',
  'reason.page.quantity-rules':
    '個人輸入の数量制限を説明しています（個人輸入代行サイトによくある説明です）。',
  'reason.page.drug-domain': 'ドメイン名に薬の名前などが使われています。',
  'reason.page.lookalike':
    '許可を受けた販売者（{domain}）のアドレスに似せたアドレスです。その販売者とは別のサイトです。',
  'reason.page.rx-mail-order': '処方薬を通信販売しています。',
  'reason.page.cheap-bulk': '格安のジェネリックやまとめ買い、おまけの錠剤を宣伝しています。',
  'reason.page.paid-prescription': '処方箋を有料のオプションとして販売しています。',
  'reason.page.shop-context': '価格やカート、注文フォームがあり、ネットで販売しています。',
  'reason.page.licence-missing':
    '医薬品を販売しているのに、薬局・店舗販売業の許可の表示がありません。',
  'reason.page.licence-contradiction':
    '許可の表示はありますが、許可を受けた販売業者でもこの方法では販売できない医薬品を扱っています。',
  'reason.page.licence-present': '薬局・店舗販売業の許可の表示（許可の区分・許可番号）があります。',
  'reason.page.clinic': '医師の診察のうえで処方する、正規のオンライン診療の形をとっています。',
  'reason.page.info': '販売ではなく、情報提供や報道の記事のようです。',
  'reason.page.priced': '医薬品に通貨つきの価格が表示され、販売されています。',
  'reason.page.cart-form':
    '「カートに入れる」ボタンや数量の入力欄があり、このページで購入できます。',
  'reason.page.product-drug':
    'ページの商品データ（schema.org）で、医薬品が販売商品として扱われています。',
  'reason.page.drug-links': 'メニューやリンクに、薬の名前や薬の種類が並んでいます。',
  'reason.page.legal-link':
    '「特定商取引法に基づく表記」「医薬品の販売に関する表示」や許可のページへのリンクがあります。',
  'reason.page.footer-licence': 'ページの末尾に許可番号・登録番号が記載されています。',
  'reason.page.phrase': '検出器が学習した不正な通販サイトと似た言い回しがあります。',
  'reason.page.site-evidence': 'このサイトの別のページに、不正なネット薬局の疑いがあります。',
  'reason.page.listed-links': 'ブロックリストに載っているサイトへのリンクがあります：{hosts}',
  'reason.page.listedLinksMore':
    'ほかにも、ブロックリストに載っているサイト{count}件へのリンクがあります：{hosts}',
  'reason.page.siteEvidenceQuote': '該当ページ：{url}（{date}に確認）',
  'reason.page.domainQuote': 'サイト名：{text}',
  'reason.page.quote': 'ページの記載：「{text}」',

  'notice.title': 'くすりガード：{site} で情報漏えいがありました',
  'notice.more': 'ほかに{count}件あります。',
  'notice.dismiss': '確認しました',
  'banner.brand': 'くすりガード',
  'banner.title.page': 'このページは不正なネット薬局の疑いがあります',
  'banner.title.links': 'このページは、ブロックリストに載っているサイトへ誘導しています',
  'banner.title.list': 'このサイトは{category}としてリストに掲載されています',
  'banner.details': '詳細',
  'banner.report': '通報する',
  'banner.dismiss': 'このサイトでは警告しない',
  'banner.close': 'この警告を閉じる',

  'popup.group.list': 'リスト',
  'popup.group.page': 'ページの内容',
  'popup.group.against': '正規のサイトであることを示す点',
  'popup.pageScore': 'ページのスコア {score}/100',
  'popup.dismissed': 'このサイトではページ内の警告をオフにしています。',
  'popup.undoDismiss': '警告をオンに戻す',

  'options.title': 'くすりガードの設定',
  'options.lists.title': 'リスト',
  'options.lists.intro':
    'くすりガードは、これらのリストとの照合をブラウザの中だけで行います。リストを更新するときはリスト全体をダウンロードします（「くすりガード 標準リスト」は通常、変更分だけ）。閲覧したサイトの情報は送信しません。',
  'options.list.source': '入手元',
  'options.list.noUrl':
    'このくすりガードは更新先を設定せずにビルドされているため、拡張機能に同梱されたリストだけを使います。',
  'options.list.licence': 'ライセンス',
  'options.list.licenceUnknown': '不明（ご自身で追加したリスト）',
  'options.list.credits': '提供元',
  'options.list.entries': '{count}件',
  'options.list.lastUpdate': '最後に更新できた日時：{when}',
  'options.list.notDownloaded': 'まだダウンロードできていないため、このリストは使われていません。',
  'options.list.packaged': '拡張機能に同梱されたリストを使っています。',
  'options.list.nextCheck': '次回の確認：{when}',
  'options.list.updateNow': '今すぐ更新',
  'options.list.updating': '更新しています…',
  'options.list.enabled': 'このリストを使う',
  'options.list.level': 'このリストに掲載されているサイトでは',
  'options.list.level.block': 'ページを開く前に止める',
  'options.list.level.warn': 'ページ内で警告するだけにする',
  'options.list.level.notice': '情報漏えいのお知らせだけを表示する（ブロックしない）',
  'options.list.level.allow':
    '許可・登録のある販売者：警告レベルのリストやページの判定では警告しない（ブロックは有効）',
  'options.list.remove': 'このリストを削除',
  'options.list.signed': 'ダウンロードのたびに、くすりガードの管理者による有効な署名を確認します。',
  'options.list.problem':
    '前回の問題（{when}）：{problem}。{age}に取得したリストを引き続き使っています。',
  'options.list.problemNoList': '前回の問題（{when}）：{problem}。',
  'options.list.pendingShrink':
    '新しい版では、このリストが{from}件から{to}件に減ります。このような大きな変更は、適用するかどうかをご自身で選ぶまで保留します。',
  'options.list.applyShrink': '件数が減った新しい版を適用する',
  'options.list.result.updated': '更新しました（{count}件）。',
  'options.list.result.unchanged': 'すでに最新です。',
  'options.list.result.failed': '更新できませんでした：{problem}。',
  'options.list.result.shrink':
    '新しい版で削除される項目が多すぎるため、まだ適用していません。上の説明をご覧ください。',
  'options.list.result.skipped': 'このリストには更新先がありません。',
  'options.add.title': 'URLでリストを追加',
  'options.add.url': 'リストのアドレス（URL）',
  'options.add.name': '名前（任意）',
  'options.add.format': '形式',
  'options.add.submit': 'リストを追加',
  'options.add.adding': '追加しています…',
  'options.add.badUrl': 'https:// または http:// で始まるアドレスを入力してください。',
  'options.format.kusuri-guard': 'くすりガード形式のリスト（JSON）',
  'options.format.domains': 'ドメインの一覧またはhostsファイル',
  'options.format.ublacklist': 'uBlacklistの購読リスト',
  'options.format.hibp': 'Have I Been Pwned形式の情報漏えい一覧',
  'options.list.rejected': '{count}行を取り込みませんでした（{kinds}）',
  'options.list.rejectedKind': '{kind}：{count}行',
  'options.list.held': '重要なサイトをブロックしないよう、{count}件を保留しています',
  'options.list.held.blocked': 'ブロック中（確認済み）',
  'options.list.held.undo': '元に戻す',
  'options.list.held.blockAnyway': 'それでもブロックする',
  'options.list.held.confirm':
    '{host}（その下のサイトも含む）をブロックしますか？くすりガード自身が使うサイトか、多くの人が使うサイトです。このリストが正しいと確信できる場合にだけブロックしてください。',
  'options.list.held.confirmYes': 'ブロックする',
  'options.list.held.cancel': 'キャンセル',
  'reject.invalid-host': '解釈できない行',
  'reject.public-suffix': '公開サフィックス（co.jpなど）',
  'reject.bare-tld': 'トップレベルドメインだけ（comなど）',
  'reject.private-address': 'プライベート・ループバック・リンクローカル・CGNATのアドレス',
  'reject.never-block': 'くすりガード自身が使うサイト',
  'reject.popular-site': 'よく使われる有名サイト',
  'reject.free-hosting': '無料ホスティングなどの共用サービス',
  'reject.unsupported-host': '対応していないホスト',
  'reject.duplicate': '重複',
  'reject.schema': '形式が正しくない項目',
  'reject.unsupported-rule': '対応していない書き方（*.x、パス指定、オプションなど）',
  'reject.skipped-breach': '使わない情報漏えい記録',
  'reject.too-many': '件数の上限を超えた行',
  'options.format.licensed': '許可・登録のある販売者の一覧（くすりガード形式のJSON）',
  'options.licensed.title': '許可を受けた販売者',
  'options.licensed.intro':
    '公的な名簿や、法律で義務づけられた許可の表示で確認できた薬局・ドラッグストア・医療機関・医薬品情報サイト {count} 件です。警告のみのリストやページのチェックでは警告しません。ブロックするリストに載っている場合はブロックし、下に表示します。',
  'options.licensed.conflicts': '許可を受けた販売者を載せているリスト（{count} 件）',
  'options.licensed.noConflicts': '許可を受けた販売者を載せているリストはありません。',
  'options.licensed.register': '根拠：{register}',
  'options.licensed.listBlocks': '「{list}」に {listed} が掲載されており、ブロックしています',
  'options.licensed.listWarns':
    '「{list}」に {listed} が掲載されています（警告のみ。許可を受けた販売者のため表示しません）',
  'options.licensed.all': '許可を受けた販売者の一覧（{count} 件）',
  'options.disagree.title': '食い違っているリスト',
  'options.disagree.intro':
    'あるリストではブロック、別のリストでは警告のみになっているサイトと、許可したサイトのうちリストに掲載されているものです。許可したサイトでなければ、ブロックするリストに従います。',
  'options.disagree.none': '食い違っているリストはありません。',
  'options.disagree.more': 'ほかに {count} 件',
  'options.disagree.show': '{count}件のサイトを表示',
  'options.disagree.listBlocks': '「{list}」に {listed} が掲載されており、ブロックしています',
  'options.disagree.listWarns': '「{list}」に {listed} が掲載されており、警告のみです',
  'options.disagree.allowed': '{site} は許可したサイトのため、止めません',
  'options.disagree.allow': 'このサイトを許可',
  'options.disagree.block': 'このサイトをブロック',
  'options.disagree.unallow': '許可したサイトから外す',
  'options.allow.title': '許可したサイト',
  'options.allow.intro': 'これらのサイトのページは、リストに掲載されていても止めません。',
  'options.block.title': 'ブロックしたサイト',
  'options.block.intro':
    'これらのサイトは、リストに掲載された不正なネット薬局と同じように、開く前に止めます。',
  'options.block.note': '理由（任意）',
  'options.dismiss.title': 'ページ内の警告をオフにしたサイト',
  'options.dismiss.intro':
    'これらのサイトでは「このサイトでは警告しない」が選ばれています。ページを開く前のブロックは引き続き有効です。',
  'options.sites.empty': 'ありません。',
  'options.sites.add': 'サイトまたはアドレス',
  'options.sites.allowButton': '許可',
  'options.sites.blockButton': 'ブロック',
  'options.sites.invalid': 'サイトのアドレス（URL）またはドメイン名として読み取れません。',
  'options.sites.error.invalid': 'ウェブのアドレスまたはドメイン名ではありません。',
  'options.sites.error.public-suffix':
    '多くの無関係なサイトが共有する末尾（co.jp や github.io など）で、一つのサイトではありません。',
  'options.sites.error.local':
    'このパソコンまたは家庭内ネットワークの名前で、ウェブサイトではありません。',
  'options.sites.error.private-address':
    'このパソコンまたは家庭内ネットワーク（ルーターなど）のアドレスで、ウェブサイトではありません。',
  'options.sites.storedInvalid': '（一つのサイトではないため、無視しています）',
  'options.col.site': 'サイト',
  'options.col.added': '追加した日',
  'options.col.why': '理由',
  'options.via.warning-page': '警告画面で「このサイトを常に許可する」を選択',
  'options.via.popup': 'ポップアップから追加',
  'options.via.options': 'この画面で追加',
  'options.via.import': 'ファイルから読み込み',
  'options.via.report': '通報のときに追加',
  'options.settings.title': '設定',
  'options.settings.language': '表示言語',
  'options.settings.language.auto': 'ブラウザと同じ',
  'options.settings.autoLookups': 'レジストラと登録日を自動で調べる',
  'options.settings.autoLookupsHint':
    'オンにすると、ポップアップを開いたときや、ページに不審な点があるときに、ドメインの管理団体（レジストリ）が公開しているRDAPサービスに問い合わせます。送るのはドメイン名だけです。オフにすると、「レジストラと登録日を調べる」を押したときや、サイトをチェックしたときだけ問い合わせます。',
  'options.data.title': '書き出しと読み込み',
  'options.data.intro':
    '設定、許可・ブロック・警告オフにしたサイト、リストの構成をファイルに保存したり、ファイルから読み込んだりできます。リストの中身はファイルに含まれず、あらためてダウンロードされます。',
  'options.data.export': 'ファイルに書き出す',
  'options.data.import': 'ファイルから読み込む',
  'options.data.imported':
    '読み込みました：許可したサイト{allowlist}件、ブロックしたサイト{blocks}件、警告オフのサイト{dismissals}件。',
  'options.data.importing': 'ファイルを確認して読み込んでいます…',
  'options.data.checking': '{total}件中{checked}件を確認しました…',
  'options.data.writing': '{total}件すべて問題ありません。読み込んでいます…',
  'options.data.interrupted':
    '読み込みが途中で中断されたため、何も変更していません。もう一度お試しください。',
  'options.data.newerVersion':
    'このファイルは新しいバージョンのくすりガードで作られています。拡張機能を更新してから読み込んでください。何も変更していません。',
  'options.data.invalidEntries':
    'ファイルに正しくない項目が{count}件あるため、何も読み込んでいません：{examples}',
  'options.data.damaged': '設定ファイルが壊れているため（{detail}）、何も変更していません。',
  'options.data.proposedLists':
    'ファイルにはアドレスで追加したリストが含まれています。追加するまでダウンロードしません：',
  'options.data.addList': 'このリストを追加',
  'options.data.importFailed': 'くすりガードの設定ファイルではないため、何も変更していません。',
  'options.rules.title': 'ページを開く前のブロック',
  'options.rules.status':
    '{domains}件のドメインを、ページを開く前に止めています（ブラウザのルール{rules}件）。',
  'options.rules.error':
    'ブラウザがルールの前回の変更を受け付けませんでした（{error}）。以前のルールが引き続き有効です。',
  'options.rules.overflow':
    'ブロック対象のドメイン{total}件の一部について、ブラウザがルールを受け付けませんでした（{error}）。受け付けられなかった{left}件は、ページの読み込みが始まった時点で止めます（そのため、サイトへの接続が1回発生します）。',
  'time.never': 'なし',

  'status.timeout': 'サーバーから時間内に応答がありませんでした',
  'status.network': 'サーバーに接続できませんでした',
  'status.http': 'サーバーがエラーを返しました（{detail}）',
  'status.rate-limited': 'サーバーからアクセスの頻度を下げるよう求められました',
  'status.too-large': 'リストが上限の64MBを超えています',
  'status.dropped': 'ダウンロードの途中で接続が切れました',
  'status.bad-encoding': 'ダウンロードした内容を文字として読み取れません',
  'status.refused-address':
    'アドレスまたは転送先が公開の https サイトではないため、ダウンロードしていません（{detail}）',
  'status.redirects':
    'サーバーの転送が多すぎるか、転送先が分からないため、ダウンロードしていません（{detail}）',
  'status.empty': 'サーバーから空のファイルが届きました',
  'status.not-json': '届いたファイルが壊れていて、リストとして読み取れません',
  'status.html-page': 'リストの代わりにウェブページが返ってきました',
  'status.wrong-format': 'このリストに指定した形式のファイルではありません',
  'status.wrong-schema': 'リストが想定した形式に沿っていません',
  'status.no-entries': 'リストに使える項目がありません',
  'status.binary': 'リストではなくバイナリデータが届きました',
  'status.missing-signature': 'リストに署名が付いていませんでした',
  'status.bad-signature': 'リストの署名が正しくないため、改ざんされた可能性があります',
  'status.older-version': '使用中のものより古い版のリストが届きました',

  'reason.registrar.identity': 'このドメインは{registrar}{id}で登録されています。',
  'reason.registrar.abuse': '不正利用の連絡先：{contact}',
  'reason.registrar.breach': '{registrar}で情報漏えいがありました（{date}、{records}）。',
  'reason.registrar.noncooperation':
    '{registrar}は、不正なネット薬局の閉鎖要請に応じていないと報告されています（{date}）。',
  'reason.registrar.noncooperation.context':
    'このページの内容と合わせると、不正なネット薬局である可能性が高まります。',
  'reason.registrar.noncooperation.alone':
    'これだけでこのサイトについて何かが分かるわけではありません。このレジストラで登録されたサイトの大半は正当なものです。',
  'reason.registrar.positive':
    '{registrar}は、不正なネット薬局へのサービスを停止していると報告されています。',
  'reason.registrar.abuse-rank':
    'スパムとして報告されたドメインの多さを比べた調査で、{registrar}はレジストラの中で{rank}位でした（{period}）。',
  'reason.registrar.no-rdap':
    'このドメインのレジストリはRDAPに対応していないため、レジストラや登録日をここに表示できません。',
  'reason.registrar.no-rdap.whois':
    'レジストリの公開WHOISページ（{registry}）で調べることができます。',
  'reason.registrar.lookup-failed': '現在、レジストラを調べることができません（{error}）。',
  'reason.registrar.not-found': 'レジストリにこのドメインの登録情報がありません。',
  'reason.registrar.not-looked-up': 'レジストラと登録日はまだ調べていません。',
  'reason.records': '{count}件',
  'reason.records.unknown': '件数は非公表',
  'reason.age.new': 'このドメインは{days}日前（{date}）に登録されたばかりです。',
  'reason.age.young': 'このドメインは登録から1年たっていません（{date}に登録）。',
  'reason.age.established': 'このドメインは{date}に登録されました（{years}年前）。',
  'reason.age.expires': '登録の有効期限：{date}',
  'reason.breach.site': 'このサイトのサービスで情報漏えいがありました（{title}、{date}）。',
  'reason.breach.data': '漏えいした情報：{classes}。',
  'reason.breach.count': '影響を受けたアカウント：{count}件。',
  'lookup.error.timeout': 'サーバーから時間内に応答がありませんでした',
  'lookup.error.network': 'サーバーに接続できませんでした',
  'lookup.error.http': 'サーバーがエラーを返しました',
  'lookup.error.rate-limited': 'サーバーから照会の頻度を下げるよう求められました',
  'lookup.error.bad-response': 'サーバーの応答を読み取れませんでした',
  'lookup.error.refused-address':
    'サーバーが公開の https サイトではないアドレスに転送しようとしたため、従いませんでした',
  'lookup.error.too-large': 'サーバーの応答が大きすぎました',

  'report.kind.no-prescription': '処方箋なしでの処方薬の販売',
  'report.kind.unapproved': '未承認医薬品の販売・広告',
  'report.kind.fake-licence': '偽の許可表示、または他店の許可表示の流用',
  'report.kind.breach-or-scam': '詐欺サイト、または情報漏えいのあったサイト',
  'report.kind.other': 'その他',
  'report.md.title': '[通報] {host} — {kind}',
  'report.md.site': 'サイト',
  'report.md.url': 'アドレス',
  'report.md.pageTitle': 'ページのタイトル',
  'report.md.kind': '問題の内容',
  'report.md.when': '確認した日時',
  'report.md.registrar': 'レジストラ',
  'report.md.abuse': 'レジストラの不正利用窓口',
  'report.md.reasons': 'くすりガードが見つけた点',
  'report.md.comment': '通報者のコメント',
  'report.md.footer': 'くすりガードで作成しました。通報者の個人情報は含まれていません。',
  'report.md.overflow':
    '（この通報の続きはクリップボードにコピーしました。ここに貼り付けてください。）',
  'report.mail.greeting': '{registrar} 不正利用対応ご担当者様',
  'report.mail.facts': '貴社が登録を管理しているドメイン {site} について報告いたします。',
  'report.mail.law':
    'ICANNのレジストラ認定契約（RAA）第3.18条により、レジストラには不正利用の報告を調査し、適切に対応することが求められています。',
  'report.mail.request':
    'このドメインを調査し、貴社の不正利用ポリシーに基づいて対応してくださいますようお願いいたします。',
  'report.mail.evidence': '根拠（{when}に確認）：',
  'report.mail.comment': 'コメント：',
  'report.mail.closing':
    'この報告は、不正なネット薬局について警告するブラウザ拡張機能「くすりガード」で作成しました。',
  'report.text.site': 'サイト：{site}',
  'report.text.url': 'アドレス：{url}',
  'report.text.title': 'ページのタイトル：{title}',
  'report.text.kind': '問題の内容：{kind}',
  'report.text.when': '確認した日時：{when}',
  'report.text.reasons': 'くすりガードが見つけた点：',
  'report.text.comment': 'コメント：{comment}',

  'menu.reportPage': 'このページをくすりガードで通報',
  'menu.reportLink': 'リンク先のサイトをくすりガードで通報',

  'popup.report': 'このサイトを通報',
  'popup.blockSite': 'このサイトを自分用にブロック',
  'popup.blockedNow':
    '「ブロックしたサイト」に追加しました。次回からは、ページを開く前に全画面の警告を表示します。',
  'popup.myReports': '通報履歴',
  'warning.report': 'このサイトを通報',

  'reportPage.title': '不審なサイトを通報',
  'reportPage.savedTitle': '通報を保存しました',
  'reportPage.intro':
    '送り先を選ぶまで、何も送信されません。送る内容はすべて下で事前に確認できます。',
  'reportPage.myReports': '通報履歴',
  'reportPage.noTarget':
    '通報できるウェブページがありません。ページ、ポップアップ、または警告画面から通報画面を開いてください。',
  'reportPage.kind': '何が問題ですか？',
  'reportPage.kindRequired': 'このサイトの問題を選んでください。',
  'reportPage.comment': 'コメント（任意）',
  'reportPage.commentHint': 'ご自身の氏名・住所・注文内容などは書かないでください。',
  'reportPage.evidence': '添付される根拠',
  'reportPage.noTitle': '（なし：ページは表示前に止められました）',
  'reportPage.noReasons':
    'このページでは、くすりガードは問題点を見つけていません。選んだ内容とコメントが通報の内容になります。',
  'reportPage.keepQuery':
    'アドレスの「?」「#」以降も含める（セッションIDなどの個人情報が含まれることがあります）',
  'reportPage.screenshot': '現在のページのスクリーンショットを添付する',
  'reportPage.screenshotHint':
    'ツールバーのボタンや右クリックメニューから開いた場合は、許可は要りません。それ以外では、初回のみページを撮影してよいかブラウザが確認します。',
  'reportPage.screenshotTaking': 'スクリーンショットを撮っています…',
  'reportPage.screenshotAlt': '通報するページのスクリーンショット',
  'reportPage.screenshot.no-permission':
    'このページを撮影する許可がないため、スクリーンショットは撮っていません。もう一度チェックを入れると許可を求めます。なくても通報できます。',
  'reportPage.screenshot.not-loaded': 'このページはもうタブで開かれていません。',
  'reportPage.screenshot.too-large': 'スクリーンショットが大きすぎるため添付できません。',
  'reportPage.screenshot.failed': 'スクリーンショットを撮れませんでした。',
  'reportPage.noScreenshot': 'ページは表示前に止められたため、スクリーンショットは撮れません。',
  'reportPage.where': '送り先',
  'reportPage.ch.maintainers': 'くすりガードのリスト管理者',
  'reportPage.ch.maintainersHint':
    'プロジェクトの公開トラッカーに、内容を入力済みの投稿画面を開きます。投稿はそちらで行ってください。内容は公開されます。',
  'reportPage.ch.maintainersOff':
    'このビルドでは使えません（トラッカーもリスト管理者のメールアドレスも設定されていません）。',
  'reportPage.ch.registrar': 'レジストラの不正利用窓口（{email}）',
  'reportPage.ch.registrarHint':
    '事実と根拠（該当する場合は関係する法律も）を記載したメールを、お使いのメールソフトで作成します。',
  'reportPage.ch.registrarOff':
    'このサイトのレジストラの不正利用窓口が分かりません。先にポップアップでレジストラを調べてください。',
  'reportPage.ch.authorities': '行政機関など',
  'reportPage.ch.authoritiesHint':
    '厚生労働省「あやしいヤクブツ連絡ネット」、都道府県の薬務主管課、Google セーフ ブラウジングへのリンクと、貼り付け用の通報文を用意します。',
  'reportPage.ch.endpoint': '通報サーバー（{url}）',
  'reportPage.ch.endpointHint': 'くすりガードがバックグラウンドで送信し、届くまで再試行します。',
  'reportPage.ch.endpointOff': '通報サーバーは設定されていません。設定画面で追加できます。',
  'reportPage.block': '{site} を自分用にブロックする（次回から全画面で警告）',
  'reportPage.alreadyBlocked': 'このサイトはすでに「ブロックしたサイト」に追加されています。',
  'reportPage.language': '通報文の言語',
  'reportPage.preview': '送信される内容（このまま送られます）',
  'reportPage.previewKind': '上で問題の内容を選ぶと、プレビューに反映されます。',
  'reportPage.preview.to': '宛先',
  'reportPage.preview.subject': '件名',
  'reportPage.preview.title': 'タイトル',
  'reportPage.preview.public': 'この投稿はトラッカー上で公開されます。',
  'reportPage.preview.overflow':
    '1つのリンクには長すぎるため、リンクには前半だけを入れ、開くときに全文をクリップボードにコピーします。',
  'reportPage.preview.screenshotNote':
    'スクリーンショットは画像データ（{size} KB）として送信されます。',
  'reportPage.preview.none': '何も送信されません。通報は「通報履歴」に保存されるだけです。',
  'reportPage.save': '通報を保存',
  'reportPage.saveHint': 'まず保存し、次の画面から送信します。',
  'reportPage.saving': '保存しています…',
  'reportPage.saveFailed':
    '通報を保存できませんでした（{error}）。何も送信されておらず、入力した内容はこのまま残っています。',
  'reportPage.saveUnknown':
    'くすりガードから応答がなく、通報が保存されたかどうか確認できません。何も送信されておらず、入力した内容はこのまま残っています。もう一度「通報を保存」を押してください（二重に保存されることはありません）。',
  'reportPage.unfinished':
    '通報は保存されましたが、まだ送信されていません（くすりガードが途中で停止しました）。',
  'reportPage.finish': '今すぐ送信',
  'reportPage.earlier': 'このサイトの通報が{date}に保存されていますが、まだ送信されていません。',
  'reportPage.openEarlier': 'この通報を開く',
  'reportPage.storageFull':
    'ディスクの空き容量が足りないため、通報を保存できませんでした。何も送信されていません。空き容量を増やしてから、もう一度「通報を保存」を押してください。',
  'reportPage.next': '通報を送信',
  'reportPage.saved': '通報を保存しました。この後どうなっても「通報履歴」に残ります。',
  'reportPage.savedBlocked': '{site} を「ブロックしたサイト」に追加しました。',
  'reportPage.screenshotDropped':
    '保存領域が残りわずかのため、スクリーンショットを除いて保存しました。',

  'channel.maintainers': 'リスト管理者',
  'channel.registrar': 'レジストラ',
  'channel.authorities': '行政機関など',
  'channel.endpoint': '通報サーバー',

  'act.issue': '入力済みの投稿画面を開く',
  'act.mail': '{email} 宛てのメールを作成',
  'act.copyMail': 'メールの文面をコピー',
  'act.copyText': '通報文をコピー',
  'act.copied': 'クリップボードにコピーしました。',
  'act.copyFailed':
    'コピーできませんでした。プレビューの文章を選択して、手動でコピーしてください。',

  'authority.mhlw-yakubutsu': '厚生労働省「あやしいヤクブツ連絡ネット」',
  'authority.mhlw-yakubutsu.hint': 'ネットで売られるあやしい医薬品についての情報提供窓口',
  'authority.mhlw-prefectures': '都道府県の薬務主管課（厚生労働省の一覧）',
  'authority.mhlw-prefectures.hint':
    '販売業者の所在地の都道府県が医薬品医療機器等法に基づいて対応します',
  'authority.google-safe-browsing': 'Google セーフ ブラウジング：危険なサイトを報告',
  'authority.google-safe-browsing.hint': 'Chrome・Firefox・Safari の利用者を守る仕組みです',

  'status.not-used': '使用しない',
  'status.ready': 'まだ開いていません',
  'status.opened': '{date}に開きました',
  'status.queued': '送信待ち（次回：{time}）',
  'status.lastError': '（これまで{count}回試行、直近のエラー：{error}）',
  'status.sending': '送信中…',
  'status.delivered': '{date}に送信済み',
  'status.failed': '{count}回試行しましたが、届きませんでした（{error}）',

  'myReports.title': '通報履歴',
  'myReports.intro':
    '保存したすべての通報と、送り先ごとの状況です。このブラウザ内にのみ保存されています。',
  'myReports.empty': 'まだ通報したサイトはありません。',
  'myReports.export': 'すべての通報をファイルに書き出す（JSON）',
  'myReports.saved': '{date}に保存',
  'myReports.screenshot': 'スクリーンショットあり',
  'myReports.blocked': 'ブロック済み',
  'myReports.reopen': 'もう一度送る…',
  'myReports.resend': '通報サーバーへ今すぐ再送信',
  'myReports.delete': '削除',
  'myReports.confirmDelete': '完全に削除',
  'myReports.cancel': 'キャンセル',

  'options.reports.title': '通報',
  'options.reports.intro':
    '通報はこのブラウザに保存され、選んだ送り先にだけ送信されます。また、すべての通報を独自の通報サーバー（HTTPS。所属団体のサーバーなど）にも送信できます。',
  'options.reports.endpoint': '通報サーバー（HTTPSのアドレス）',
  'options.reports.save': '保存',
  'options.reports.reset': '既定に戻す',
  'options.reports.current': '通報は {url} に送信できます。',
  'options.reports.none': '通報サーバーは設定されていません。',
  'options.reports.build': '（このビルドの既定値は {url} です。空欄で保存すると無効になります。）',
  'options.reports.invalid': 'https:// で始まるアドレスのみ使えます。',
  'options.reports.saved': '保存しました。',
  'options.reports.open': '通報履歴を開く',

  'error.bad-request': 'リクエストを処理できませんでした',
  'error.forbidden': 'この画面からはこの操作を行えません',
  'error.not-found': '見つかりませんでした',
  'error.internal': '内部エラーが発生しました',

  // issue 16: the Japanese reviewer's pass (per-kind report text, punctuation helpers)
  'report.mail.greetingNoName': '不正利用対応ご担当者様',
  'report.mail.observed.no-prescription':
    '{url} のページでは、処方箋医薬品を処方箋なしで販売しています。',
  'report.mail.observed.unapproved':
    '{url} のページでは、日本で承認されていない医薬品を販売または広告しています。',
  'report.mail.observed.fake-licence':
    '{url} のページには、偽の、または他の販売業者から流用したとみられる医薬品販売の許可表示があります。',
  'report.mail.observed.breach-or-scam':
    '{url} のサイトは、詐欺サイトであるか、利用者の情報が漏えいしたサイトであるとみられます。',
  'report.mail.observed.other': '{url} のページに、このドメインの不正利用が疑われる点があります。',
  'report.mail.law.no-prescription':
    '日本では、処方箋医薬品を処方箋なしで販売することは「医薬品、医療機器等の品質、有効性及び安全性の確保等に関する法律」（医薬品医療機器等法）で禁じられています。',
  'report.mail.law.unapproved':
    '日本では、承認を受けていない医薬品を販売したり広告したりすることは「医薬品、医療機器等の品質、有効性及び安全性の確保等に関する法律」（医薬品医療機器等法）で禁じられています。',
  'report.mail.law.fake-licence':
    '日本では、医薬品を販売するには「医薬品、医療機器等の品質、有効性及び安全性の確保等に関する法律」（医薬品医療機器等法）に基づく薬局または医薬品販売業の許可が必要です。',
  'report.mail.subject.no-prescription': '不正利用の報告：{host}（処方箋医薬品の無処方販売）',
  'report.mail.subject.unapproved': '不正利用の報告：{host}（未承認医薬品の販売・広告）',
  'report.mail.subject.fake-licence': '不正利用の報告：{host}（医薬品販売の許可表示の偽装）',
  'report.mail.subject.breach-or-scam': '不正利用の報告：{host}（詐欺・情報漏えいの疑い）',
  'report.mail.subject.other': '不正利用の報告：{host}',
  'report.text.heading.no-prescription': '違法な医薬品販売の疑いがあるサイトについての情報提供',
  'report.text.heading.unapproved': '違法な医薬品販売・広告の疑いがあるサイトについての情報提供',
  'report.text.heading.fake-licence':
    '医薬品販売の許可表示を偽っている疑いがあるサイトについての情報提供',
  'report.text.heading.breach-or-scam': '詐欺または情報漏えいの疑いがあるサイトについての情報提供',
  'report.text.heading.other': '不審なサイトについての情報提供',
  'report.snippet': 'ページの記載：「{snippet}」',
  'warning.explain.scam':
    '詐欺サイトでは、代金を支払っても商品が届かなかったり、入力したカード情報や個人情報を悪用されたりするおそれがあります。',
  'warning.explain.breached-service':
    'このサービスでは過去に情報漏えいがありました。同じパスワードをほかのサービスでも使っている場合は変更し、不審なメールやSMSにご注意ください。',
  'ui.labelSep': '：',
  'ui.listSep': '、',
  'options.list.lastUpdateWhen': '{date}（{relative}）',
  'popup.allowlistCount': '許可したサイト（{count}件）',
  'popup.hostAscii': '（{host}）',
  'reason.sourceDate': '（{date}）',

  // issue 16: first-run and privacy pages
  'welcome.title': 'くすりガードへようこそ',
  'welcome.lead':
    'くすりガードが有効になりました。必要なリストは同梱されているので、アカウントなしで、オフラインでもすぐに使えます。',
  'welcome.what.title': 'できること',
  'welcome.what.block':
    '不正なネット薬局のリストに掲載されているサイトは、ページを開く前に止め、理由を示す警告を表示します。',
  'welcome.what.detect':
    'リストにないページでも、不正なネット薬局と同じやり方で処方薬や未承認薬を売っていれば、警告のバナーを表示します。',
  'welcome.what.report':
    'ツールバーのボタンから、理由の確認、サイトを開かずにチェック、不審なページの通報ができます。',
  'welcome.what.local':
    '判定はブラウザの中で行います。閲覧したサイトの情報をどこかへ送ることはありません。',
  'welcome.lookups.title': 'ドメインの登録事業者の確認',
  'welcome.lookups.explain':
    'ドメインの登録事業者（レジストラ）と登録日を表示するため、ドメインの管理団体（レジストリ）に問い合わせることができます（RDAP）。送るのはドメイン名（例：example.com）だけで、サイトでポップアップを開いたときと、ページがすでに不審と判定されたときに限ります。',
  'welcome.lookups.later':
    'オフにすると、ポップアップで「レジストラと登録日を調べる」を押すまで何も問い合わせません。設定画面でいつでも変更できます。',
  'welcome.lists.title': '最初から使うリスト',
  'welcome.hostAccess.title': 'まだサイトをチェックできません',
  'welcome.hostAccess.missing':
    'ブラウザがウェブサイトへのアクセスを許可していないため、リストに掲載されているサイトを止めることも、ページを読むこともできません。下のボタンから許可してください。',
  'welcome.hostAccess.button': 'ウェブサイトへのアクセスを許可する',
  'welcome.hostAccess.ok':
    'ウェブサイトへのアクセスは許可されています。リストに掲載されているサイトは、開く前に止めます。',
  'welcome.privacyLink': 'プライバシーポリシー',
  'welcome.optionsLink': '設定',
  'privacy.title': 'くすりガードのプライバシーポリシー',
  'privacy.intro':
    'この拡張機能が、いつ、何をブラウザの外へ送るかをすべて説明します。くすりガードにはアカウントも利用状況の計測もなく、閲覧内容を受け取る独自のサーバーもありません。',
  'privacy.local.title': 'ページのチェックはブラウザの中で行います',
  'privacy.local.text':
    'ページの判定は、アドレスのホスト名と、薬に触れているページではページの文章の一部とリンク先のサイト名から、ブラウザの中で行います。これらは拡張機能の外へ出ません。チェックのために閲覧したサイトの情報を送ることはありません。',
  'privacy.lists.title': 'リストのダウンロード',
  'privacy.lists.text':
    'リストは配布元からまるごとダウンロードし、閲覧内容は一切含みません。Have I Been Pwned の情報漏えいリストと The Block List Project の薬のリストは1日1回、IANA の RDAP 一覧は週1回、プロジェクトのリストはビルド時にアドレスが設定されている場合に6時間ごと、ご自身で追加したリストは1日1回です。Cookie とリファラーは送りません。',
  'privacy.rdap.title': 'ドメインの問い合わせ（RDAP）',
  'privacy.rdap.text':
    '問い合わせで送るのは登録ドメイン（例：example.com）だけです。ページ、パス、クエリ、サブドメインは送りません。送り先は、IANA がそのトップレベルドメインについて公開している RDAP サーバーと、レジストリが示す場合はレジストラの RDAP サーバーです。回答は24時間保存します。ローカルアドレスと IP アドレスは問い合わせません。',
  'privacy.rdap.when':
    '問い合わせは、サイトでポップアップを開いたとき、「サイトを開かずにチェック」を使ったとき、閲覧中のページがすでに「注意」以上と判定されたときだけ行います。',
  'privacy.rdap.setting':
    '設定「レジストラと登録日を自動で調べる」は、このうち1つ目と3つ目を切り替えます。オフにすると、「レジストラと登録日を調べる」を押すまで何も問い合わせません。Firefox では任意のデータ収集の許可「閲覧行動」にあたり、設定をオンにしたときに許可を求めます。',
  'privacy.reports.title': '通報',
  'privacy.reports.text':
    '通報がブラウザの外へ出るのは、保存したときに、選んだ送り先に対してだけです。通報サーバー（ご自身のもの、またはビルド時に設定されたもの）はプレビューに表示された通報を受け取ります。課題の投稿ページ、メールソフト、行政機関のサイトは、表示された文面でご自身が開きます。スクリーンショットはチェックを入れたときだけ撮ります。',
  'privacy.stored.title': 'ブラウザに保存するもの',
  'privacy.stored.text':
    '設定、許可したサイトとブロックしたサイト、リスト、問い合わせの回答、通報は、ブラウザの中の拡張機能専用の保存領域に保存します。「今回だけ開く」の許可はブラウザを閉じると消えます。拡張機能を削除すると、すべて削除されます。',
  'privacy.none.title': '行わないこと',
  'privacy.none.text':
    '追跡、利用状況の計測、広告、データの販売や共有は行いません。普通のサイトを閲覧しているだけで通信することもありません。',
  'options.privacyLink': 'プライバシーポリシー',
  'dispute.button': '誤って掲載されていますか？',
  'dispute.button.flagged': '誤って警告されていますか？',
  'dispute.hint': 'サイトの運営者や利用者は、この警告の確認をリスト管理者に依頼できます。',
  'dispute.title': '誤って掲載・警告されていますか？',
  'dispute.intro':
    'この警告が誤りだと考える理由をリスト管理者にお知らせください。管理者がすべての依頼を確認し、誤りであれば掲載を削除または訂正します。送り方を下で選ぶまで、何も送信されません。',
  'report.kind.false-positive': '誤って掲載・警告されている（問題のないサイトだと思う）',
  'report.md.title.false-positive': '[誤掲載の申し立て] {host}',
  'report.mail.observed.false-positive':
    'くすりガードは {url} のページについて警告していますが、このサイトは誤ってリストに掲載されているか、誤って判定されていると考えます。',
  'report.mail.subject.false-positive': '誤掲載の申し立て：{host}',
  'report.text.heading.false-positive': '誤って掲載されている可能性があるサイトについての情報',
  'report.maint.greeting': 'くすりガード リスト管理者様',
  'report.maint.facts': '{site} について連絡いたします。',
  'report.maint.request': 'このサイトのリストへの掲載をご検討ください。',
  'report.maint.request.false-positive':
    '掲載内容と警告をご確認のうえ、誤りであれば削除または訂正をお願いいたします。',
  'reportPage.ch.maintainersMailHint':
    'GitHubのアカウントがない場合は、リスト管理者（{email}）あてのメールでも送れます。',
  'reportPage.ch.notForDispute':
    '誤掲載の申し立てには使いません（不正利用を通報するための窓口です）。',
  'reportPage.preview.maintainersMail': 'またはメールで（GitHubのアカウントは不要）',
  'act.maintainersMail': 'リスト管理者にメールする（{email}）',
};
