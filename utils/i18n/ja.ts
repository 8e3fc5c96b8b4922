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
  'level.unchecked': '対象外',
  'badge.title.none': 'くすりガード:このサイトに警告はありません',
  'badge.title.caution': 'くすりガード:注意 — 詳しくはポップアップをご覧ください',
  'badge.title.warning': 'くすりガード:警告 — 不正なネット薬局の疑いがあります',
  'badge.title.danger': 'くすりガード:危険 — ブロックリストに登録されたサイトです',
  'badge.title.unchecked': 'くすりガード:このページはチェックの対象外です',

  'category.rogue-pharmacy': '不正なネット薬局',
  'category.unapproved-drug-ads': '未承認薬・処方薬の宣伝サイト',
  'category.breached-service': '情報漏えいのあったサービス',
  'category.scam': '詐欺サイト',

  'warning.pageTitle': 'くすりガードがブロックしました',
  'warning.stopped': 'くすりガードが、このページを読み込む前に止めました',
  'warning.headline.rogue-pharmacy': 'このサイトは不正なネット薬局として登録されています',
  'warning.headline.unapproved-drug-ads':
    'このサイトは未承認薬や処方薬を宣伝するサイトとして登録されています',
  'warning.headline.breached-service':
    'このサイトは情報漏えいのあったサービスとして登録されています',
  'warning.headline.scam': 'このサイトは詐欺サイトとして登録されています',
  'warning.explain':
    'このようなサイトで売られている薬は、偽物だったり、不純物が混じっていたり、成分量が違ったりすることがあります。処方薬や未承認薬をこのように販売することは医薬品医療機器等法(薬機法)で禁じられており、健康被害が出ても医薬品副作用被害救済制度の対象になりません。',
  'warning.site': 'サイト',
  'warning.idn': 'アドレスバーでは {ascii} と表示されます',
  'warning.address': '開こうとしたアドレス',
  'warning.why': '登録されている理由',
  'warning.list': 'リスト',
  'warning.listedEntry': '登録されている項目',
  'warning.category': '分類',
  'warning.network': 'ネットワーク',
  'warning.evidence': '根拠',
  'warning.source': '出典',
  'warning.noDetails': 'このリストには項目ごとの詳細がありません。リストの提供元:{attribution}',
  'warning.goBack': '前のページに戻る(おすすめ)',
  'warning.continue': 'それでも開く…',
  'warning.continueOnce': '今回だけ開く',
  'warning.continueAlways': 'このサイトを常に許可する',
  'warning.continueAlwaysHint':
    '{site} を許可リストに追加します。ポップアップや設定画面からいつでも取り消せます。',
  'warning.continueCancel': 'やめる',
  'warning.badUrl': 'ブロックしたページのアドレスを読み取れないため、開くことはできません。',
  'warning.unknownEntry':
    'このサイトは現在有効なリストに含まれていないか、リストが更新されました。もう一度開いてみてください。',
  'warning.retry': 'もう一度開く',
  'warning.failed': 'うまくいきませんでした:{error}',

  'popup.title': 'くすりガード',
  'popup.loading': 'チェックしています…',
  'popup.noTab': 'このタブではページが開かれていません。',
  'popup.unsupported': 'ウェブサイトではない(ブラウザの設定画面など)ため、チェックしていません。',
  'popup.local': 'お使いのパソコンや社内ネットワーク上のアドレスのため、チェックしていません。',
  'popup.reasons': '理由',
  'popup.noReasons': 'くすりガードが使っているリストに、このサイトは含まれていません。',
  'popup.allowlisted': 'このサイトはあなたが許可したため、ブロックしていません。',
  'popup.undoAllow': 'このサイトの許可を取り消す',
  'popup.allowlist': '許可したサイト',
  'popup.allowlistEmpty': '許可したサイトはありません。',
  'popup.remove': '削除',
  'popup.addedOn': '{date}に追加',
  'popup.error': 'エラーが発生しました:{error}',

  'reason.list.block': '「{list}」に{category}として登録されています。',
  'reason.list.warn': '「{list}」に{category}として登録されています(警告のみ)。',
  'reason.list.user': 'あなた自身がこのサイトをブロックしています。',

  'error.bad-request': 'リクエストを処理できませんでした',
  'error.forbidden': 'この画面からはこの操作を行えません',
  'error.not-found': '見つかりませんでした',
  'error.internal': '内部エラーが発生しました',
};
