#!/usr/bin/env python3
"""Shows, block by block, what the tools made of an article beside its gold file: the gold
type and speaker, the predicted kind and speaker (@who mapped to the gold names the way
score.py maps them), and a mark where they differ. For tuning: it prints the article's text,
so it refuses the held-out set (corpora/heldout/), which may only be scored.

usage: diff-gold.py TEI GOLD [--all]     (--all: every block, not only the differing ones)
"""
import itertools, json, sys, os, xml.etree.ElementTree as ET

if any('heldout' in os.path.abspath(p).split(os.sep) for p in sys.argv[1:3]):
    sys.exit('diff-gold: the held-out set is for scores only (tests/eval/score-corpora.sh)')
here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get('JATEI_SHARED', os.path.join(here, '..', '..', '..', 'shared'))
sys.path.insert(0, here)
import goldmatch  # noqa: E402
score = goldmatch.load_score(shared)
norm, walk, kind, local, ACCEPT = score['norm'], score['walk'], score['kind'], score['local'], score['ACCEPT']

tei, gold_path = sys.argv[1], sys.argv[2]
show_all = '--all' in sys.argv
gold = json.load(open(gold_path, encoding='utf-8'))
root = ET.parse(tei).getroot()
P, G = goldmatch.sentences(score, root, gold)
import difflib
sm = difflib.SequenceMatcher(None, [p['text'] for p in P], [g['text'] for g in G], autojunk=False)
pair = {}
for tag, i1, i2, j1, j2 in sm.get_opcodes():
    if tag == 'equal':
        for i, j in zip(range(i1, i2), range(j1, j2)):
            pair[j] = i
rows, who_pairs = [], []
for j, g in enumerate(G):
    if not g['first']:
        continue
    b = g['block']
    if j not in pair:
        rows.append((b, None, None, None))
        continue
    p = P[pair[j]]
    sp = [a for a in p['anc'] if local(a.tag) == 'sp']
    who = sp[-1].get('who', '') if sp else ''
    speaker = sp[-1].find('{http://www.tei-c.org/ns/1.0}speaker') if sp else None
    rows.append((b, kind(p['anc']), who, speaker.text if speaker is not None else None))
    if b['type'] in ('turn', 'item', 'quote') and b['speaker']:
        who_pairs.append((who, b['speaker']))
gold_spk = sorted({g for _, g in who_pairs})
pred_spk = sorted({w for w, _ in who_pairs})
best, best_map = -1, {}
for perm in itertools.permutations(pred_spk + [None] * len(gold_spk), len(gold_spk)):
    mp = dict(zip(gold_spk, perm))
    n = sum(1 for w, g in who_pairs if mp[g] == w and w)
    if n > best:
        best, best_map = n, mp
inv = {v: k for k, v in best_map.items() if v}
for b, k, who, spk in rows:
    text = (b['sentences'][0]['text'] if b['sentences'] else '')[:28]
    if k is None:
        print(f"{b['line']:>3} ?? gold {b['type']}/{b['speaker']} (sentence not matched) {text}")
        continue
    name = inv.get(who, who) if who else '-'
    ok_type = k in ACCEPT[b['type']]
    ok_who = (not b['speaker'] and not who) or (b['speaker'] and inv.get(who) == b['speaker']) or \
             (b['type'] not in ('turn', 'item', 'quote') and not who)
    mark = '  ' if ok_type and ok_who else '!!'
    if show_all or mark == '!!':
        print(f"{b['line']:>3} {mark} gold {b['type']}/{b['speaker'] or '-'}  got {k}/{name}"
              f"{' label=' + repr(spk) if spk else ''}  {text}")
