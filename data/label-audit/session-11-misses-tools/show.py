import json,sys
sel=json.load(open('/work/miss20/selected.json'))
g,l,a,b=sys.argv[1],sys.argv[2],int(sys.argv[3]),int(sys.argv[4])
n=int(sys.argv[5]) if len(sys.argv)>5 else 280
items=[x for x in sel if x['group']==g and (l=='*' or x['lang']==l)]
for i,x in enumerate(items[a:b],a):
    body=' / '.join(s.strip() for s in x['body'].split('\n') if s.strip())
    print(f"#{i} {x['slug'][:70]} s={x['score']} sw={x['site_warned']} ch={x['chars']} fl={x['flags']} {x['url'][:90]}\n N: {x['note'][:230]}\n B: {body[:n]}")
