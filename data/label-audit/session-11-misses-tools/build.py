# Builds misses.tsv from selected.json and the hand annotations (ann_*.txt: index|kind|extra flags|why).
# Flags a-f are keyword-assisted (regexes below) and OR-ed with flags added by hand while reading.
import json, re, collections
sel = json.load(open('/work/miss20/selected.json'))
lex = json.load(open('/work/main/data/drug-lexicon.json'))
def hira(s): return ''.join(chr(ord(c) - 0x60) if 'ァ' <= c <= 'ヶ' else c for c in s)
LEX = sorted({n['term'].lower() for d in lex['drugs'] for n in d['names']}, key=len, reverse=True)
EXTRA = r'oxycodone|oxynorm|oxycontin|tramadol|tapentadol|codeine|hydrocodone|fentanyl|xanax|alprazolam|valium|diazepam|etizolam|lorazepam|clonazepam|benzodiazepine|zolpidem|ambien|carisoprodol|\bsoma\b|modafinil|armodafinil|provigil|nuvigil|modalert|adderall|phentermine|ketamine|pregabalin|lyrica|gabapentin|neurontin|steroid|anadrol|dianabol|nolvadex|tamoxifen|clomid|clomiphene|\bhcg\b|tirzepatide|retatrutide|peptide|ozempic|furosemide|lasix|metformin|propranolol|lexapro|zoloft|sertraline|misoprostol|cytotec|lumigan|bimatoprost|fluconazole|amoxicillin|antibiotic|hydroxychloroquine|accutane|priligy|cenforce|sildex|oxymetholone|antidepressant|ed pills|\bpills?\b|ピル|抗生物質|クラビット|ジスロマック|ステロイド|メトホルミン|デパス|エチラーム|ブスピロン|バスパー|トレチノイン|ハイドロキノン|チャンピックス|バレニス|オーグメンチン|クロミッド|ルミガン|メラトニン|ザガーロ|ミノキシジル|イベルメク|睡眠薬|抗うつ|トリキュラー|ヤスミン|オルリガル|フィラリア|ED治療薬|AGA治療薬'
NORX = [(t['term'] if isinstance(t, dict) else t).lower() for t in lex['phrases']['noPrescription']] + ['need no prescription', 'non-prescription purchase', 'without perscription', 'prescription not required', '処方箋がいら', '処方せんなし', '診察や処方箋はいりません', '医師の診察や処方箋', 'without seeing a doctor']
F = {
 'b': r'[$€£¥￥]\s?\d|\d[\d,]*\s?円|\d\s?(usd|eur|gbp)\b|per pill|/pill|1錠あたり',
 'd': r'個人輸入|輸入代行|personal import|import(ing)? for personal use|import agent|importer',
 'e': r'shipping|deliver|dispatch|customs|tracking|discreet|worldwide|airmail|\bems\b|reship|発送|配送|送料|税関|通関|追跡|国際書留|届',
 'f': r'credit card|\bvisa\b|mastercard|paypal|bitcoin|crypto|bank transfer|wire transfer|western union|moneygram|e-?check|e-?cheque|zelle|venmo|cash app|クレジットカード|銀行振込|振込|コンビニ|代引|ビットコイン|支払',
}
def flags(t):
    tl = t.lower(); th = hira(tl)
    lexhit = any(x in tl or x in th for x in LEX)
    out = {'a': lexhit or bool(re.search(EXTRA, t, re.I)), 'lex': lexhit,
           'c': any(x in tl or x in th for x in NORX)}
    for k, v in F.items(): out[k] = bool(re.search(v, tl))
    return out
def ann(path):
    d = {}
    for line in open(path, encoding='utf8'):
        if line.strip():
            i, k, extra, why = line.rstrip('\n').split('|', 3); d[int(i)] = (k, extra, why)
    return d
groups = [('R', 'ja', 'ann_R_ja.txt'), ('R', 'en', 'ann_R_en.txt'), ('A', 'ja', 'ann_A_ja.txt'), ('A', 'en', 'ann_A_en.txt'), ('F', '*', 'ann_F.txt')]
rows = []
for g, l, p in groups:
    a = ann('/work/miss20/' + p)
    items = [x for x in sel if x['group'] == g and (l == '*' or x['lang'] == l)]
    assert len(a) == len(items), (p, len(a), len(items))
    for i, x in enumerate(items):
        k, extra, why = a[i]
        fl = flags(x['body'])
        for c in extra: fl[c] = True
        rows.append(dict(group=g, slug=x['slug'], cls=x['cls'], lang=x['lang'], score=x['score'], kind=k, chars=x['chars'],
                         site_warned=x['site_warned'], lex=fl['lex'], **{c: fl[c] for c in 'abcdef'}, why=why, url=x['url']))
json.dump(rows, open('/work/miss20/rows.json', 'w'), ensure_ascii=False)
with open('/work/miss20/misses.tsv', 'w') as f:
    f.write('group\tslug\tclass\tlang\tscore\tkind\tchars\ta_drug\tlexicon_drug\tb_price\tc_no_rx\td_import\te_shipping\tf_payment\tsite_has_warned_page\twhy\n')
    for r in rows:
        f.write('\t'.join([r['group'], r['slug'], r['cls'], r['lang'], str(r['score']), r['kind'], str(r['chars'])] +
                ['1' if r[c] else '0' for c in ['a', 'lex', 'b', 'c', 'd', 'e', 'f']] + [str(r['site_warned']), r['why']]) + '\n')
print(len(rows))
