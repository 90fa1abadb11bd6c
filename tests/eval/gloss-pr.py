#!/usr/bin/env python3
"""Precision and recall of bilingual gloss pairs (jatei-terms) against gold files.

usage: gloss-pr.py OUT.tei.xml GOLD.json [OUT2 GOLD2 ...]
       gloss-pr.py --run BIN_DIR [--sets seed,tuning,heldout]

A found pair is (text of the <term> a <gloss> points at, text of the gloss) for every gloss
that is Latin script or xml:lang="en" and not a Japanese synonym, compared with the gold file's
"glosses" after NFKC, dropping spaces, ・ and ―, and lower-casing (as ../shared/eval/score.py
does). Prints one TSV line per article (set, article, found, gold, correct, precision, recall)
and the missed and extra pairs, then the micro-averaged figures per set.

--run segments every article of the set (the seed in ../shared, corpora/*.txt, and
corpora/heldout/*.txt) with BIN_DIR/jatei-segment | BIN_DIR/jatei-terms.
"""
import json, os, re, subprocess, sys, tempfile, unicodedata
import xml.etree.ElementTree as ET

T = '{http://www.tei-c.org/ns/1.0}'
XID = '{http://www.w3.org/XML/1998/namespace}id'
LANG = '{http://www.w3.org/XML/1998/namespace}lang'
DROP = re.compile(r'[\s・―]')


def norm(s):
    return DROP.sub('', unicodedata.normalize('NFKC', s)).lower()


def found_pairs(xml_path):
    root = ET.parse(xml_path).getroot()
    ids = {e.get(XID): e for e in root.iter() if e.get(XID)}
    out = set()
    for g in root.iter(T + 'gloss'):
        text = ''.join(g.itertext())
        # Full-width Latin (ＤＸ, ＯＥＣＤ) is Latin: decided on the NFKC form.
        wide = unicodedata.normalize('NFKC', text)
        latin = sum(c.isascii() and c.isalpha() for c in wide) >= max(1, len(wide.strip()) // 2)
        if (g.get(LANG) or '').startswith('ja') or not latin:
            continue
        term = ids.get((g.get('target') or '').lstrip('#'))
        if term is not None:
            out.add((norm(''.join(term.itertext())), norm(text)))
    return out


def score(xml_path, gold_path):
    gold = json.load(open(gold_path, encoding='utf-8'))
    want = {(norm(a), norm(b)) for a, b in gold.get('glosses', [])}
    got = found_pairs(xml_path)
    return got, want


def report(rows):
    """rows: (set, name, got, want). Prints per article, then per set."""
    totals = {}
    print('set\tarticle\tfound\tgold\tcorrect\tprecision\trecall')
    for st, name, got, want in rows:
        tp = len(got & want)
        p = tp / len(got) if got else (1.0 if not want else 0.0)
        r = tp / len(want) if want else 1.0
        print(f'{st}\t{name}\t{len(got)}\t{len(want)}\t{tp}\t{p:.3f}\t{r:.3f}')
        for a, b in sorted(want - got):
            print(f'  missed\t{a}\t{b}')
        for a, b in sorted(got - want):
            print(f'  extra\t{a}\t{b}')
        t = totals.setdefault(st, [0, 0, 0])
        t[0] += len(got); t[1] += len(want); t[2] += tp
    for st, (f, g, tp) in totals.items():
        p = tp / f if f else 0.0
        r = tp / g if g else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f'{st}\tALL\t{f}\t{g}\t{tp}\t{p:.3f}\t{r:.3f}\t(F1 {f1:.3f})')


def run(bin_dir, sets):
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.normpath(os.path.join(here, '..', '..'))
    shared = os.environ.get('JATEI_SHARED', os.path.join(src, '..', 'shared'))
    articles = []
    if 'seed' in sets:
        seed = os.path.join(shared, 'corpora', 'deepseek-r1-lecture.txt')
        if os.path.exists(seed):
            articles.append(('seed', seed))
    for st, folder in (('tuning', os.path.join(src, 'corpora')), ('heldout', os.path.join(src, 'corpora', 'heldout'))):
        if st in sets and os.path.isdir(folder):
            for f in sorted(os.listdir(folder)):
                if f.endswith('.txt'):
                    articles.append((st, os.path.join(folder, f)))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for st, txt in articles:
            name = os.path.basename(txt)[:-4]
            gold = txt[:-4] + '.gold.json'
            out = os.path.join(tmp, name + '.xml')
            seg = subprocess.run([os.path.join(bin_dir, 'jatei-segment'), txt], check=True, capture_output=True)
            with open(out, 'wb') as fh:
                subprocess.run([os.path.join(bin_dir, 'jatei-terms')], input=seg.stdout, check=True, stdout=fh)
            got, want = score(out, gold)
            rows.append((st, name, got, want))
    report(rows)


def main(argv):
    if len(argv) >= 2 and argv[1] == '--run':
        sets = 'seed,tuning,heldout'
        if '--sets' in argv:
            sets = argv[argv.index('--sets') + 1]
        run(argv[2], sets.split(','))
        return 0
    if len(argv) < 3 or len(argv) % 2 == 0:
        print(__doc__, file=sys.stderr)
        return 64
    rows = []
    for x, g in zip(argv[1::2], argv[2::2]):
        got, want = score(x, g)
        rows.append(('-', os.path.basename(x), got, want))
    report(rows)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
