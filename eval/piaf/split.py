import json, os, re, unicodedata, hashlib
root='../shared/eval/piaf'
def norm(s):
    s=unicodedata.normalize('NFKC',s).replace('\u2019',"'").replace('\u2018',"'").replace('\u00a0',' ').lower()
    return re.sub(r'\s+',' ',s)
arts={}
for f in sorted(os.listdir(root+'/corpus')):
    arts[f]=norm(open(root+'/corpus/'+f,encoding='utf-8').read())
qs=[json.loads(l) for l in open(root+'/questions.jsonl',encoding='utf-8')]
look,held,unk=[],[],0
byart={}
for q in qs:
    g=norm(q['gold_any'][0]) if q['gold_any'] else None
    a=None
    if g:
        m=[f for f,t in arts.items() if g in t]
        if len(m)==1: a=m[0]
    if a is None:
        unk+=1; continue
    byart.setdefault(a,[]).append(q)
print('unassigned',unk, 'articles with q', len(byart))
for a,l in byart.items():
    h=int(hashlib.sha1(a.encode()).hexdigest(),16)%2
    (held if h else look).extend(l)
print(len(look),len(held))
for q in qs:
    if not q['answerable']:
        h=int(hashlib.sha1(q['id'].encode()).hexdigest(),16)%2
        (held if h else look).append(q)
os.makedirs('eval/piaf',exist_ok=True)
order={q['id']:i for i,q in enumerate(qs)}
for name,l in (('look',look),('held',held)):
    l.sort(key=lambda q:order[q['id']])
    with open(f'eval/piaf/{name}.jsonl','w',encoding='utf-8') as f:
        for q in l: f.write(json.dumps(q,ensure_ascii=False)+'\n')
with open('eval/piaf/articles.tsv','w') as f:
    f.write('article\thalf\n')
    for a in sorted(byart):
        f.write(a+'\t'+('held' if int(hashlib.sha1(a.encode()).hexdigest(),16)%2 else 'look')+'\n')
print(len(look),len(held), sum(not q['answerable'] for q in held))
