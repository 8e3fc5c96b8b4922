# Selects the pages to read (missed rogue, seeded sample of missed affiliate, false alarms) from
# the out-of-fold CV rows, and writes a reading sheet per batch with auto-suggested flags.
import json, random, re, sys, collections, os
from urllib.parse import urlsplit
C='/work/main/data/corpus'
cv=json.load(open('/work/miss20/cv.json'))
idx={p['slug']:p for p in json.load(open(C+'/index.json'))}
rows=cv['rows']
S=json.load(open('/work/miss20/sites.json'))
NEG={'licensed','clinic','info','other'}
def body(slug):
    t=open(f'{C}/pages/{slug}.txt',encoding='utf8').read().split('\n',2)
    return t[2] if len(t)>2 else ''
FLAGS={
 'a_drug': r'viagra|cialis|levitra|kamagra|sildenafil|tadalafil|vardenafil|finasteride|propecia|dutasteride|avodart|minoxidil|isotretinoin|accutane|tramadol|xanax|alprazolam|valium|diazepam|modafinil|provigil|ambien|zolpidem|clomid|orlistat|xenical|semaglutide|ozempic|rybelsus|ivermectin|hydroxychloroquine|azithromycin|amoxicillin|doxycycline|metformin|cenforce|vidalista|fildena|super p-force|priligy|dapoxetine|codeine|oxycodone|adderall|phentermine|bimatoprost|careprost|lumigan|tretinoin|retin-a|levonorgestrel|ulipristal|ellaone|plan b|i-pill|\bed (pills|drugs|meds)|バイアグラ|シアリス|レビトラ|カマグラ|シルデナフィル|タダラフィル|フィナステリド|プロペシア|ザガーロ|デュタステリド|ミノキシジル|ミノタブ|イソトレチノイン|アキュテイン|モダフィニル|ケアプロスト|ルミガン|ビマトプロスト|トレチノイン|アフターピル|ノルレボ|ゼニカル|オルリスタット|リベルサス|オゼンピック|イベルメクチン|ストロメクトール|メラトニン|クロミッド|ダポキセチン|プリリジー|ベルソムラ|デパス|ハルシオン|マイスリー|ED治療薬|AGA治療薬|ピル|抗生物質|ジェネリック',
 'b_price': r'[$€£¥￥]\s?\d|\d\s?(円|usd|eur|gbp|dollars?)\b|\d円|price|価格|値段|料金|per pill|/pill',
 'c_norx': r'no prescription|without (a )?prescription|without rx|no rx|prescription not (needed|required)|no doctor|処方箋不要|処方せん不要|処方箋なし|処方箋無し|処方せんなし|診察不要|処方箋なしで|処方箋がなくても|処方箋がいらない',
 'd_import': r'個人輸入|personal import|import for personal use|輸入代行',
 'e_ship': r'shipping|delivery|deliver|dispatch|customs|tracking|discreet|worldwide|発送|配送|送料|税関|追跡|海外から|届く|到着',
 'f_pay': r'credit card|visa\b|mastercard|paypal|bitcoin|crypto|bank transfer|wire transfer|クレジットカード|銀行振込|振込|コンビニ払い|代引|ビットコイン|支払い方法|お支払い',
}
def flags(t):
    tl=t.lower()
    return ''.join(k[0] if re.search(v,tl) else '-' for k,v in FLAGS.items())
def site(url):
    h=urlsplit(url).hostname or ''
    p=h.split('.')
    two={'co.jp','ne.jp','or.jp','com.au','co.uk','org.uk','com.br','co.in','com.ua','net.ua','com.ru','co.nz'}
    return '.'.join(p[-3:]) if '.'.join(p[-2:]) in two else '.'.join(p[-2:])
if __name__=='__main__':
    for r in rows: r['url']=cv['urls'].get(r['slug'],'')
    warned_sites=collections.Counter(S[r['slug']] for r in rows if r['warned'] and r['class'] in('rogue','affiliate'))
    rogue=[r for r in rows if r['class']=='rogue' and not r['warned']]
    aff={l:sorted([r for r in rows if r['class']=='affiliate' and r['lang']==l and not r['warned']],key=lambda r:r['slug']) for l in('ja','en')}
    rng=random.Random(20261203)
    affs=[]
    for l in ('ja','en'): affs+=rng.sample(aff[l],30)
    fa=[r for r in rows if r['class'] in NEG and r['warned']]
    sel=[('R',r) for r in rogue]+[('A',r) for r in affs]+[('F',r) for r in fa]
    print('missed rogue',collections.Counter(r['lang'] for r in rogue),'missed aff',{l:len(v) for l,v in aff.items()},'FA',collections.Counter((r['class'],r['lang']) for r in fa))
    out=[]
    for g,r in sel:
        b=body(r['slug']); n=idx[r['slug']].get('note','')
        out.append(dict(group=g,slug=r['slug'],cls=r['class'],lang=r['lang'],score=r['score'],url=r['url'],site=S[r['slug']],
          site_warned=warned_sites[S[r['slug']]],chars=len(b),flags=flags(b),note=n,body=b))
    json.dump(out,open('/work/miss20/selected.json','w'),ensure_ascii=False,indent=0)
