#!/usr/bin/env python3
"""Writes NAME.gold.json (the format of ../../../../shared/eval/README.md) from NAME.txt and
NAME.ann, the hand annotation: one line per source line, `type|speaker|label`, where label is
the line's speaker label exactly as in the source (empty when there is none; the whole line
for a header line over a post). The sentences are the text after the label, split where a
careful reader would (。！？ and their runs with the closing brackets after them, never inside
brackets or quotes; the end of a line). The fact labels were first assigned by a few rules
(question, hedge, hearsay, greeting) and then checked by hand against the seed gold's
conventions (2026-12-06): a sentence whose id and text are unchanged keeps the label of the
existing NAME.gold.json; only a new or changed sentence gets the rule's label, to be checked.

usage: make-gold.py NAME...      (writes NAME.gold.json beside NAME.txt)
"""
import json, re, sys

OPEN, CLOSE = '「『（(【〔［[', '」』）)】〕］]'
ENDS = '。！？!?'

def split(text):
    out, cur, depth, i = [], '', 0, 0
    while i < len(text):
        c = text[i]
        cur += c
        if c in OPEN: depth += 1
        elif c in CLOSE and depth: depth -= 1
        if depth == 0 and c in ENDS:
            while i + 1 < len(text) and (text[i + 1] in ENDS or text[i + 1] in CLOSE):
                i += 1
                cur += text[i]
            if i + 1 < len(text) and text[i + 1] in 'とっ' and cur[-1] in CLOSE + '？！':
                i += 1
                continue
            out.append(cur)
            cur = ''
        i += 1
    if cur.strip():
        out.append(cur)
    res = []
    for s in out:
        s = s.strip(' \u3000')
        if s: res.append(s)
    return res

def fact(s):
    if re.search(r'[？?]$|[？?]」$|ですか。$|ますか。$|でしょうか。$|ませんか。$|の？$', s): return ['Q']
    if re.search(r'ありがとう|よろしくお願い|こんにちは|お願いします|お待ちください|しましょう|ください。$|てみて|ておいて', s): return ['X']
    if re.search(r'らしい|そうです|と聞いた|って聞いた|報告されて|によると|と言われ', s): return ['R']
    if re.search(r'かもしれ|でしょう|と思い|と思う|可能性|だろう|見込|予定|ではないか|ないでしょうか', s): return ['S']
    return ['F']

for name in sys.argv[1:]:
    lines = open(name + '.txt', encoding='utf-8').read().split('\n')
    if lines and lines[-1] == '': lines.pop()
    ann = open(name + '.ann', encoding='utf-8').read().split('\n')
    if ann and ann[-1] == '': ann.pop()
    if len(ann) != len(lines):
        sys.exit(f'{name}: {len(lines)} lines but {len(ann)} annotations')
    kept = {}
    try:
        old = json.load(open(name + '.gold.json', encoding='utf-8'))
        kept = {(s['id'], s['text']): s['fact'] for b in old['blocks'] for s in b['sentences']}
    except FileNotFoundError:
        pass
    blocks = []
    for n, (line, a) in enumerate(zip(lines, ann), 1):
        typ, speaker, label = a.split('|', 2)
        if not line.startswith(label):
            sys.exit(f'{name}:{n}: the label {label!r} does not start the line')
        body = line[len(label):]
        sents = split(body)
        blocks.append(dict(line=n, type=typ, speaker=speaker, label=label,
                           sentences=[dict(id=f'{n}.{k + 1}', text=s, fact=kept.get((f'{n}.{k + 1}', s)) or fact(s)) for k, s in enumerate(sents)]))
    json.dump(dict(doc=name, source=name + '.txt', blocks=blocks, glosses=[]),
              open(name + '.gold.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    print(f'{name}.gold.json: {len(blocks)} blocks')
