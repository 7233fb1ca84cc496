"""Split eval/news/questions.jsonl by article into look.jsonl / held.jsonl.

Half of an article = sha1(article filename) mod 2 (1 -> held, 0 -> look), as in eval/piaf/split.py.
Answerable questions are assigned to the article whose normalised text contains their gold
string (must be exactly one article, and must agree with question_articles.tsv); unanswerable
questions go to the half of the article they were written about (question_articles.tsv).
Run from anywhere: python3 eval/news/split.py
"""
import hashlib, json, os, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

def norm(s):
    s = unicodedata.normalize('NFKC', s).replace('\u2019', "'").replace('\u2018', "'").replace('\u00a0', ' ').lower()
    return re.sub(r'\s+', ' ', s)

def half(article):
    return 'held' if int(hashlib.sha1(article.encode()).hexdigest(), 16) % 2 else 'look'

def main():
    cdir = os.path.join(HERE, 'corpus')
    arts = {f: norm(open(os.path.join(cdir, f), encoding='utf-8').read())
            for f in sorted(os.listdir(cdir)) if f.endswith('.md')}
    amap = {}
    for line in open(os.path.join(HERE, 'question_articles.tsv'), encoding='utf-8').read().splitlines()[1:]:
        qid, art, _lang = line.split('\t')
        amap[qid] = art
    qs = [json.loads(l) for l in open(os.path.join(HERE, 'questions.jsonl'), encoding='utf-8')]
    out = {'look': [], 'held': []}
    for q in qs:
        art = amap[q['id']]
        if q['answerable']:
            m = {f for g in q['gold_any'] for f, t in arts.items() if norm(g) in t}
            assert m == {art}, (q['id'], m, art)
        out[half(art)].append(q)
    for name, l in out.items():
        with open(os.path.join(HERE, f'{name}.jsonl'), 'w', encoding='utf-8') as f:
            for q in l:
                f.write(json.dumps(q, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'articles.tsv'), 'w', encoding='utf-8') as f:
        f.write('article\thalf\n')
        for a in arts:
            f.write(f'{a}\t{half(a)}\n')
    for name, l in out.items():
        print(name, len(l), 'questions,', sum(not q['answerable'] for q in l), 'unanswerable,',
              sum(half(a) == name for a in arts), 'articles')

if __name__ == '__main__':
    main()
