#!/usr/bin/env python3
"""Summarises tests/eval/score-corpora.sh: one row per article, then per set the pooled
(micro-averaged) claims figures and the lowest block-kind and speaker accuracy.

usage: tests/eval/score-corpora.sh | tests/eval/summary.py [--set heldout]
"""
import ast
import collections
import sys

COLUMNS = [('block_type_acc', 'blocks'), ('speaker_acc', 'speakers'), ('nondialogue_in_sp', 'nondlg_in_sp'),
           ('speculation_f1', 'spec'), ('reported_f1', 'rep'), ('question_f1', 'q'), ('gloss_r', 'gloss_r'),
           ('content_ratio', 'content'), ('sentence_f1', 'sent')]
CLAIMS = ('speculation', 'reported', 'question')


def main():
    only = sys.argv[sys.argv.index('--set') + 1] if '--set' in sys.argv else None
    rows = collections.OrderedDict()
    for line in sys.stdin:
        parts = line.rstrip('\n').split('\t')
        if len(parts) < 4:
            continue
        st, doc, key, value = parts[0], parts[1], parts[2], '\t'.join(parts[3:])
        if only and st != only:
            continue
        rows.setdefault((st, doc), {})[key] = value
    print('\t'.join(['set', 'article'] + [c for _, c in COLUMNS]))
    pooled = collections.defaultdict(lambda: {c: [0, 0, 0] for c in CLAIMS})
    lowest = collections.defaultdict(dict)
    for (st, doc), m in rows.items():
        print('\t'.join([st, doc] + [m.get(k, '-') for k, _ in COLUMNS]))
        for c in CLAIMS:
            if c + '_counts' in m:
                for i, v in enumerate(ast.literal_eval(m[c + '_counts'])):
                    pooled[st][c][i] += v
        for k in ('block_type_acc', 'speaker_acc'):
            v = m.get(k)
            if v not in (None, 'None', '-'):
                if k not in lowest[st] or float(v) < lowest[st][k][0]:
                    lowest[st][k] = (float(v), doc)
    print()
    for st in pooled:
        parts = []
        for c, (tp, fp, fn) in pooled[st].items():
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            parts.append(f'{c} P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp} fp {fp} fn {fn})')
        low = ', '.join(f'lowest {k} {v:.3f} ({d})' for k, (v, d) in lowest[st].items())
        print(f'{st}: pooled ' + '; '.join(parts))
        if low:
            print(f'{st}: {low}')


if __name__ == '__main__':
    main()
