# Tables for report.md from rows.json (misses.tsv) and cv.json.
import json, collections, math
rows = json.load(open('/work/miss20/rows.json'))
cv = json.load(open('/work/miss20/cv.json'))
NAMES = {'P': 'product page, drug + price/buy claim', 'Q': 'product page, drug description only', 'C': 'catalogue/category list',
         'S': 'shop FAQ/terms/delivery/payment/policy', 'L': 'shop home/landing pitch', 'D': 'careful/explanatory article on shop or doorway site',
         'B': 'review/ranking/how-to-buy blog pushing shop/import', 'N': 'news/encyclopaedic/drug label', 'T': 'very short (<400 chars)',
         'I': 'import/shipping page not about medicines', 'O': 'other (GitHub page source, /tag/ page)'}
def wilson(k, n, z=1.96):
    if n == 0: return (0, 0)
    p = k / n; d = 1 + z * z / n; c = p + z * z / (2 * n); h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return ((c - h) / d, (c + h) / d)
tot = {(r['class'], r['lang']): 0 for r in cv['rows']}
miss = collections.Counter((r['class'], r['lang']) for r in cv['rows'] if r['class'] in ('rogue', 'affiliate') and not r['warned'])
allpos = collections.Counter(r['lang'] for r in cv['rows'] if r['class'] in ('rogue', 'affiliate'))
def table(group, title, scale=False):
    sub = [r for r in rows if r['group'] == group]
    langs = ['ja', 'en'] if group != 'F' else ['ja', 'en']
    c = collections.Counter((r['kind'], r['lang']) for r in sub)
    n = collections.Counter(r['lang'] for r in sub)
    print(f'\n### {title}\n')
    hdr = '| kind | ' + ' | '.join(f'{l} (n={n[l]})' for l in langs) + (' | ' + ' | '.join(f'{l} scaled to {miss[("affiliate", l)]} misses (95% CI)' for l in langs) if scale else '') + ' | within 10 pts (30–39) |'
    print(hdr); print('|' + '---|' * (hdr.count('|') - 1))
    kinds = sorted({k for k, _ in c}, key=lambda k: -sum(c[(k, l)] for l in langs))
    for k in kinds:
        cells = [str(c[(k, l)]) for l in langs]
        if scale:
            for l in langs:
                lo, hi = wilson(c[(k, l)], n[l]); M = miss[('affiliate', l)]
                cells.append(f'{round(c[(k, l)] / n[l] * M)} ({round(lo * M)}–{round(hi * M)})')
        near = sum(1 for r in sub if r['kind'] == k and 30 <= r['score'] < 40)
        print(f'| {k} {NAMES[k]} | ' + ' | '.join(cells) + f' | {near} |')
table('R', 'Missed rogue pages (all 210)')
table('A', 'Missed affiliate pages (seeded sample 30 ja + 30 en of 117 ja / 145 en)', scale=True)
sub = [r for r in rows if r['group'] == 'F']
print('\n### False alarms (all 31)\n')
c = collections.Counter((r['kind'], r['cls'], r['lang']) for r in sub)
for k, v in sorted(c.items(), key=lambda kv: -kv[1]): print(f'- {k[0]} ({NAMES[k[0]]}), {k[1]} {k[2]}: {v}')
print('\n### Flags by kind (missed rogue + affiliate sample): share of pages whose own text has ...\n')
print('| kind | pages | a drug | lexicon drug | b price | c no-Rx | d import | e shipping | f payment | median score |')
print('|---|---|---|---|---|---|---|---|---|---|')
pos = [r for r in rows if r['group'] in 'RA']
for k in sorted({r['kind'] for r in pos}, key=lambda k: -sum(r['kind'] == k for r in pos)):
    s = [r for r in pos if r['kind'] == k]
    sc = sorted(r['score'] for r in s)
    print(f'| {k} | {len(s)} | ' + ' | '.join(f"{sum(r[x] for r in s)}" for x in ['a', 'lex', 'b', 'c', 'd', 'e', 'f']) + f' | {sc[len(sc)//2]} |')
print('\n### by language, missed rogue: lexicon drug named')
for l in ('ja', 'en'):
    s = [r for r in rows if r['group'] == 'R' and r['lang'] == l]
    print(l, 'any drug', sum(r['a'] for r in s), 'lexicon drug', sum(r['lex'] for r in s), 'of', len(s), '; no-rx claim', sum(r['c'] for r in s), '; site has a warned page', sum(r['site_warned'] > 0 for r in s))
