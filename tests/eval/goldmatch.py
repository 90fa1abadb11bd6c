"""What the evaluation scripts of tests/eval share with ../shared/eval/score.py: its functions
(loaded from the shared folder, so that they judge exactly as the scorer does) and the
sentences of a TEI output and of a gold file, side by side.

    import goldmatch
    score = goldmatch.load_score(shared)       # score.py's norm, walk, kind, local, ACCEPT
    P, G = goldmatch.sentences(score, root, gold)
"""
import os


def load_score(shared):
    """score.py's definitions, without running its main()."""
    path = os.path.join(shared, 'eval', 'score.py')
    src = open(path, encoding='utf-8').read().replace('\nmain()\n', '\n')
    score = {}
    exec(compile(src, path, 'exec'), score)
    return score


def sentences(score, root, gold):
    """The predicted sentences P (element, ancestors, normalised text; empty ones dropped) and
    the gold sentences G (block, first of its block, normalised text, fact labels)."""
    preds = []
    score['walk'](root, [], preds)
    norm = score['norm']
    P = [dict(el=e, anc=a, text=norm(''.join(e.itertext()))) for e, a in preds]
    P = [p for p in P if p['text']]
    G = []
    for b in gold['blocks']:
        for k, s in enumerate(b['sentences']):
            G.append(dict(block=b, first=k == 0, text=norm(s['text']), fact=s['fact']))
    return P, G
