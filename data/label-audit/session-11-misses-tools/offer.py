# Counts, over the whole corpus (en), pages with an *assertive* no-prescription offer ("buy X no prescription",
# "you can order X online without prescription", "Prescription required?: No Prescription") versus any
# no-prescription phrase. Designed after reading the misses, so its counts here are optimistic: judge it on held-out pages.
import json, re, collections
idx = json.load(open('/work/main/data/corpus/index.json'))
cv = {r['slug']: r for r in json.load(open('/work/miss20/cv.json'))['rows']}
NORX = r'(with no|no|without( a)?|non-?)[ -]?(prescription|perscription|rx)\b'
OFFER = re.compile(r'(^|[.!/|:]\s*|\byou can\s+|\bwe\s+)(buy|order|purchase|get)\s+[^.?\n/|]{0,40}?' + NORX + r'(?![^.\n]{0,40}\?)|prescription required[^.\n]{0,40}:\s*no\b', re.I | re.M)
QUESTION_OR_WARN = re.compile(r'\b(how|can you|can i|avoid|never|illegal|risky|red flag|warn|trying to)\b', re.I)
c = collections.Counter(); ex = collections.defaultdict(list)
for p in idx:
    if p['class'] == 'unsure' or p['lang'] != 'en': continue
    t = open(f"/work/main/data/corpus/pages/{p['slug']}.txt", encoding='utf8').read().split('\n', 2)[2]
    hits = [m for m in OFFER.finditer(t) if not QUESTION_OR_WARN.search(t[max(0, m.start() - 40):m.end()])]
    pos = p['class'] in ('rogue', 'affiliate'); w = cv[p['slug']]['warned']
    if re.search(NORX, t, re.I): c[('phrase', pos, w)] += 1
    if hits:
        c[('offer', pos, w)] += 1; ex[(pos, w)].append((p['slug'], hits[0].group(0)[:70].replace('\n', ' ')))
for k in ('phrase', 'offer'):
    print(k, 'positives warned', c[(k, True, True)], 'missed', c[(k, True, False)], '| negatives warned', c[(k, False, True)], 'quiet', c[(k, False, False)])
for key, v in ex.items():
    print(key); [print('  ', s, '|', h) for s, h in v]
