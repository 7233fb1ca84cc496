"""Validate eval/news questions against the corpus.

Checks: every gold string is 8-60 chars, occurs exactly once in the normalised
concatenation of all corpus files (front matter included), lies in the intended
article's body inside a single paragraph; ids are n001..; unanswerables have no gold.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

def norm(s):
    s = unicodedata.normalize('NFKC', s).replace('\u2019', "'").replace('\u2018', "'").replace('\u00a0', ' ').lower()
    return re.sub(r'\s+', ' ', s)

def body(text):
    return text.split('\n---\n', 1)[1] if text.startswith('---\n') else text

def main():
    cdir = os.path.join(HERE, 'corpus')
    files = sorted(f for f in os.listdir(cdir) if f.endswith('.md'))
    raw = {f: open(os.path.join(cdir, f), encoding='utf-8').read() for f in files}
    full = ' '.join(norm(t) for t in raw.values())
    paras = {f: [norm(p) for p in re.split(r'\n\s*\n', body(t))] for f, t in raw.items()}
    amap = {}
    for line in open(os.path.join(HERE, 'question_articles.tsv'), encoding='utf-8').read().splitlines()[1:]:
        i, a, l = line.split('\t'); amap[i] = (a, l)
    qs = [json.loads(l) for l in open(os.path.join(HERE, 'questions.jsonl'), encoding='utf-8')]
    errs = 0
    for n, q in enumerate(qs, 1):
        if q['id'] != f'n{n:03d}':
            print('bad id', q['id']); errs += 1
        art = amap[q['id']][0]
        if not q['answerable']:
            if q['gold_any']:
                print('unanswerable with gold', q['id']); errs += 1
            continue
        for g in q['gold_any']:
            ng = norm(g)
            if not (8 <= len(g) <= 60):
                print(q['id'], 'length', len(g), g); errs += 1
            c = full.count(ng)
            if c != 1:
                print(q['id'], 'corpus count', c, g); errs += 1
            if not any(ng in p for p in paras[art]):
                print(q['id'], 'not inside one paragraph of', art, g); errs += 1
    print(len(qs), 'questions checked,', errs, 'errors')
    return errs

if __name__ == '__main__':
    sys.exit(1 if main() else 0)
