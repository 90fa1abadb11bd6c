#!/usr/bin/env python3
"""Counts what the tools get wrong on a set of articles, by kind, without showing any text.

The held-out set (corpora/heldout/) may only be scored: reading its articles while writing
rules turns it into tuning material. This script is the other thing allowed on it: it runs the
pipeline like tests/eval/score-corpora.sh and prints, pooled over the set, which gold block
types are taken for which kinds, the shapes of the lines involved (length, first character's
class and the classes of the first two, final punctuation, whether it holds a date or a
time, place in the article, the mark it opens with (※ ■ 【 …), the lengths and endings of the lines around
them, whether the document ends its paragraphs with punctuation: never the text), how speaker
turns fail, and
which factuality labels are confused, and which glosses (a Japanese term and its English
rendering written beside it) are missed or found where the gold has none, by the shape of the
pair (scripts, length, the mark between the two, which comes first): never the pair. A rule
written from these counts has to be a general one, since no sentence is visible.

usage: confusion.py [BIN_DIR] [--set heldout|tuning|PATH] [--per-article] [--turns] [--fact-shapes [--pre-quote] [--hedge-words]] [--probe REGEX]
  BIN_DIR        folder of the built tools (default build/tools)
  --set          heldout (default), tuning (corpora/*.txt), or a folder of NAME.txt + NAME.gold.json
  --per-article  also one line per article with its error counts (names only)
  --turns        also, per article, each wrongly attributed turn: whether gold and output label
                 it, how it fails (no <sp>, another participant, an extra person) and the shape of
                 its first line (length, first classes, end, mark, colon, date; no text)
  --joint G:P    also the whole shape of each line of gold type G taken as kind P, one a line,
                 sorted (which features go together; still no text, no article); repeatable
  --fact-shapes  also the shape of each sentence whose factuality is confused: the rule of
                 jatei-claims --explain that decided it, the predicate's inflection (past,
                 polite, passive, quote と), its block, its length and which grammatical markers
                 of a closed list it holds (brackets, quotative と, hearsay, によると…): no text
  --pre-quote    with --fact-shapes: the chunk before the quotative particle by class (its
                 word's categories in the claims lexicon, or verb/adj/noun) and its function words
  --hedge-words  with --fact-shapes: which families of the claims lexicon's hedge and plan words
                 the sentence holds (予定, 見込, 可能性, だろう, かも, 思…): a closed list
  --probe REGEX  counts (gold, predicted, block) of the sentences that match REGEX (a shape such
                 as [？?]$ or か$): how a rule on that shape would fare, no text
Environment: JATEI_SHARED, the shared folder holding eval/score.py (default ../shared).
"""
import collections, concurrent.futures, difflib, glob, json, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
root_dir = os.path.abspath(os.path.join(here, '..', '..'))
shared = os.environ.get('JATEI_SHARED', os.path.join(root_dir, '..', 'shared'))
score_py = os.path.join(shared, 'eval', 'score.py')
if '-h' in sys.argv or '--help' in sys.argv:
    print(__doc__.strip())
    sys.exit(0)
if not os.path.isfile(score_py):
    print(f'confusion: {score_py} not found (set JATEI_SHARED)', file=sys.stderr)
    sys.exit(77)
sys.path.insert(0, here)
import goldmatch  # noqa: E402
score = goldmatch.load_score(shared)
norm, walk, kind, local, ACCEPT = (score[k] for k in ('norm', 'walk', 'kind', 'local', 'ACCEPT'))
DIALOGUE = {'turn', 'item', 'quote'}
TEI = '{http://www.tei-c.org/ns/1.0}'
XML_ID = '{http://www.w3.org/XML/1998/namespace}id'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

args = [a for a in sys.argv[1:] if not a.startswith('--') and ':' not in a]
if '--probe' in sys.argv:
    args = [a for a in args if a != sys.argv[sys.argv.index('--probe') + 1]]
opts = sys.argv[1:]
bin_dir = os.path.abspath(args[0]) if args else os.path.join(root_dir, 'build', 'tools')
which = 'heldout'
if '--set' in opts:
    which = opts[opts.index('--set') + 1]
    if which in args:
        args.remove(which)
        bin_dir = os.path.abspath(args[0]) if args else os.path.join(root_dir, 'build', 'tools')
folder = {'heldout': os.path.join(root_dir, 'corpora', 'heldout'),
          'tuning': os.path.join(root_dir, 'corpora')}.get(which, which)
articles = sorted(glob.glob(os.path.join(folder, '*.txt')))
articles = [a for a in articles if os.path.isfile(a[:-4] + '.gold.json')]
if not articles:
    sys.exit(f'confusion: no NAME.txt with NAME.gold.json in {folder}')
stages = [s for s in ('speakers', 'claims', 'terms') if os.access(os.path.join(bin_dir, 'jatei-' + s), os.X_OK)]


def run(txt, tmp):
    name = os.path.basename(txt)[:-4]
    data = subprocess.run([os.path.join(bin_dir, 'jatei-segment'), txt], capture_output=True, check=True).stdout
    for s in stages:
        explain = ['--explain'] if s == 'claims' and '--fact-shapes' in sys.argv else []
        r = subprocess.run([os.path.join(bin_dir, 'jatei-' + s), '-'] + explain, input=data,
                           capture_output=True, check=True)
        data = r.stdout
        if explain:
            open(os.path.join(tmp, name + '.explain'), 'wb').write(r.stderr)
    out = os.path.join(tmp, name + '.xml')
    open(out, 'wb').write(data)
    return out


# Grammatical markers a sentence may hold (a closed list of function words and punctuation:
# what kind of sentence it is, never what it says).
MARKERS = [('bracket', r'「'), ('ends-bracket', r'」[。．]?$'), ('bracket-to', r'」(と|って)'),
           ('to-verb', r'[^」]と(言|話|語|述|説明|強調|指摘|明か|し|い|伝|報|聞|み|考|思)'),
           ('toiu', r'という|といい|とのこと|との'), ('niyoru', r'によると|によれば|では、'),
           ('souda', r'そうだ|そうです'), ('rashii', r'らしい'), ('tosareru', r'とされ'),
           ('mirareru', r'とみられ|と見られ'), ('passive', r'られ(る|た|て)'), ('comma', r'、'),
           ('tte', r'って'), ('ka', r'か[。？?]?$'), ('desu-masu', r'(です|ます|ました|でした)。?$'),
           ('past', r'た。?$'), ('kanji-end', r'[一-龯]。?$'), ('digit', r'[0-9０-９一二三四五六七八九十百千万億]')]


# With --hedge-words: the hedge and plan words of the claims lexicon a sentence holds (a closed
# list of the lexicon's own families, never the article's words).
HEDGE_WORDS = [('w-yotei', r'予定'), ('w-mikomi', r'見込'), ('w-yosou', r'予想|予測|推定|推測|推計|試算'),
               ('w-kanousei', r'可能性'), ('w-osore', r'恐れ|おそれ|懸念'), ('w-hazu', r'はず'),
               ('w-darou', r'だろう|でしょう|であろう'), ('w-kamo', r'かも'), ('w-youda', r'よう(だ|です|な|に)|みたい'),
               ('w-omou', r'思'), ('w-kangae', r'考え'), ('w-mitooshi', r'見通し'), ('w-plan', r'計画|方針|目指|目標|予算'),
               ('w-tai', r'たい'), ('w-sou', r'[^な]そう(だ|です|な|に)'), ('w-mieru', r'見え|みえ|感じ'), ('w-ka', r'か'),
               ('w-kamoshire', r'かもしれ'), ('w-eru', r'得る|うる'), ('w-toshite', r'として'), ('w-nda', r'んです|のです|んだ'),
               ('w-adverb', r'おそらく|たぶん|多分|きっと|どうやら|もしかすると|恐らく')]


def lexicon_kinds():
    """dictionary form -> the categories of lib/data/claims/categories.tsv it is in."""
    kinds = collections.defaultdict(set)
    path = os.path.join(root_dir, 'lib', 'data', 'claims', 'categories.tsv')
    for line in open(path, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if len(f) >= 2 and not line.startswith('#') and '/' in f[1]:
            kinds[f[0]].add(f[1].split('/')[1])
    return kinds


KINDS = lexicon_kinds() if '--fact-shapes' in sys.argv else {}


def pre_quote(line):
    """The chunk before the quotative particle, by class: its word's categories (or a coarse
    part of speech) and its function words (a closed list), never the word."""
    m = re.search(r'chunks: (.*?) \*', line)
    if not m:
        return '?'
    chunks = m.group(1).split()
    if not chunks:
        return '?'
    c = chunks[-1].split('+')
    word, tail = c[0], ''.join(c[1:])
    cls = ','.join(sorted(KINDS.get(word, ()))) or (
        'verb' if re.search(r'[うくぐすつぬぶむるる]$', word) else 'adj' if word.endswith('い') else 'noun')
    return f'{cls}/{tail or "-"}'


def explain_rules(path):
    """sentence id -> (rule, predicate flags) from a --explain listing: the head's categories
    in the lexicon, never the head itself."""
    out, cur = {}, None
    if not os.path.isfile(path):
        return out
    for line in open(path, encoding='utf-8', errors='replace'):
        m = re.match(r'^(s\d+)\t(\w+)\t(.*)$', line.rstrip('\n'))
        if m:
            cur = m.group(1)
            out[cur] = [m.group(3), '']
        elif cur and line.strip().startswith('predicate:'):
            m2 = re.search(r'\| head \S+ ?([^|]*)', line)
            flags = sorted(set((m2.group(1) if m2 else '').split()) & {'past', 'polite', 'passive', 'negative', 'progressive'})
            out[cur][1] = ','.join(flags) or '-'
            if '| quote' in line:
                out[cur][1] += '+quote'
                m3 = re.search(r'\| quote (\S+)((?: [a-z-]+)*)', line)
                if m3:
                    qp = m3.group(1) if m3.group(1) in ('と', 'って', 'とか', 'などと', 'という', 'との', 'として', 'とも', 'とは') else 'other'
                    out[cur][1] += f' quote={qp}' + ''.join(f' quote-{x}' for x in m3.group(2).split())
            if '--pre-quote' in sys.argv and '| quote' in line:
                out[cur][1] += ' pre=' + pre_quote(line)
            if m2:
                head = (m2.group(0).split() + ['', ''])[2]
                out[cur][1] += ' head-kind=' + (','.join(sorted(KINDS.get(head, ()))) or 'none')
    return out


def char_class(c):
    o = ord(c)
    if c in '・･': return 'bullet'
    if c == 'ー': return 'prolonged'
    if 0x3041 <= o <= 0x309f: return 'hiragana'
    if 0x30a0 <= o <= 0x30ff or 0x31f0 <= o <= 0x31ff: return 'katakana'
    if 0x4e00 <= o <= 0x9fff or 0x3400 <= o <= 0x4dbf or c in '々〆': return 'kanji'
    if c.isdigit(): return 'digit'
    if c.isascii() and c.isalpha() or 0xff21 <= o <= 0xff5a: return 'latin'
    if c in '「『（(【［[〈《〔“"\'': return 'open-bracket'
    return 'symbol'


# Marks a line may open with that say what it is (a note, a heading, a bullet): shown as the mark
# itself, since a mark is no text of the article.
LEAD_MARKS = '※＊*■□◆◇●○▼▽▶▷★☆◎#＃【［[〈<＜(（・-－'


def lead_mark(t):
    return t[0] if t and t[0] in LEAD_MARKS else '-'


def shape(lines, line_no, n_sent):
    t = lines[line_no - 1].strip() if 0 < line_no <= len(lines) else ''
    n_lines = len(lines)
    prev = lines[line_no - 2].strip() if line_no >= 2 else ''
    nxt = lines[line_no].strip() if line_no < len(lines) else ''
    n = len(t)
    length = '<=10' if n <= 10 else '<=25' if n <= 25 else '<=60' if n <= 60 else '>60'
    end = t[-1:] if t else ''
    end = 'final-punct' if end in '。！？!?' else 'close-bracket' if end in '」』）)】］]' else \
        'colon' if end in ':：' else 'none'
    place = 'top3' if line_no <= 3 else 'last5' if line_no > n_lines - 5 else 'body'
    def bucket(x):
        n = len(x)
        return 'blank' if n == 0 else '<=10' if n <= 10 else '<=25' if n <= 25 else '<=60' if n <= 60 else '>60'

    def ending(x):
        e = x[-1:]
        return '-' if not e else 'final-punct' if e in '。！？!?' else 'close-bracket' if e in '」』）)】］]' else \
            'colon' if e in ':：' else 'none'
    long_lines = [x.strip() for x in lines if len(x.strip()) > 30]
    punct = sum(1 for x in long_lines if x[-1] in '。！？!?')
    return dict(length=length, first=char_class(t[0]) if t else '-', end=end, place=place,
                prev_len=bucket(prev), prev_end=ending(prev), next_len=bucket(nxt), next_end=ending(nxt),
                digit=str(any(c.isdigit() for c in t)).lower(),
                last=char_class(t[-1]) if t else '-',
                inner_punct=str(any(c in t[:-1] for c in '。、！？!?．，')).lower(),
                start='+'.join(char_class(c) if not c.isspace() else 'space' for c in t[:2]) or '-',
                dated=str(bool(re.search(r'[0-9０-９]\s*(月|日|年|時|分|[:：][0-9０-９])', t))).lower(),
                doc_punctuated=str(len(long_lines) >= 5 and punct * 10 >= len(long_lines) * 8).lower(),
                around=('blank' if not prev else 'text') + '/' + ('blank' if not nxt else 'text'),
                next_same_first=str(bool(t and nxt and char_class(t[0]) == char_class(nxt[0]))).lower(),
                colon=str(any(c in t for c in ':：')).lower(),
                mark=lead_mark(t),
                sentences='1' if n_sent == 1 else '2-3' if n_sent <= 3 else '4+')


def best_map(pairs):
    """Gold speaker -> predicted @who maximising agreements (same optimum as score.py)."""
    cnt = collections.Counter((g, w) for w, g in pairs if w)
    gold = sorted({g for _, g in pairs})
    pred = sorted({w for w, _ in pairs if w})
    idx = {w: i for i, w in enumerate(pred)}
    dp = {0: (0, ())}
    for g in gold:
        nd = {}
        for mask, (v, mp) in dp.items():
            if nd.get(mask, (-1,))[0] < v: nd[mask] = (v, mp + ((g, None),))
            for w, i in idx.items():
                c = cnt.get((g, w), 0)
                if c == 0 or mask >> i & 1: continue
                m2 = mask | 1 << i
                if nd.get(m2, (-1,))[0] < v + c: nd[m2] = (v + c, mp + ((g, w),))
        dp = nd
    return dict(max(dp.values(), key=lambda vm: vm[0])[1]) if dp else {}


def script(t):
    """The scripts of a string: kanji, kana, katakana, latin, digit, other (sorted, joined)."""
    out = set()
    for c in t:
        if '\u4e00' <= c <= '\u9fff' or c in '々〆': out.add('kanji')
        elif '\u3041' <= c <= '\u309f': out.add('hira')
        elif '\u30a0' <= c <= '\u30ff': out.add('kata')
        elif c.isascii() and c.isalpha(): out.add('latin')
        elif c.isdigit(): out.add('digit')
        elif not c.isspace(): out.add('other')
    return '+'.join(sorted(out)) or 'none'


def pair_shape(term, gl, text):
    """Where and how the article writes a gloss pair: which comes first, the mark between them,
    the term's scripts and length, the gloss's kind. No text."""
    words = len(gl.split())
    g_kind = 'acronym' if gl.isupper() and words == 1 and len(gl) <= 6 else f'{min(words, 4)}w'
    t, g = norm(term).lower(), norm(gl).lower()
    src = norm(text).lower()
    where = 'apart'
    for first, second, order in ((t, g, 'term-first'), (g, t, 'gloss-first')):
        i = src.find(first)
        while i >= 0:
            j = src.find(second, i + len(first), i + len(first) + 12)
            if j >= 0:
                between = src[i + len(first):j]
                mark = ''.join('(' if c in '(（[［' else '/' if c in '/／' else '=' if c in '=＝' else ':' if c in ':：'
                               else ',' if c in '、,，' else '「' if c in '「『"“' else '.' if not c.isspace() else ''
                               for c in between)[:4]
                where = f'{order} mark={mark or "none"}'
                break
            i = src.find(first, i + 1)
        if where != 'apart':
            break
    tlen = len(t)
    return f'term={script(term)} len={"1-2" if tlen <= 2 else "3-4" if tlen <= 4 else "5-8" if tlen <= 8 else "9+"} gloss={g_kind} {where}'


def glosses(root, gold, text):
    """Counts the gold glosses found, missed (and how) and the extra ones, by shape."""
    ids = {e.get(XML_ID): e for e in root.iter() if e.get(XML_ID)}
    found = set()
    for gl in root.iter(TEI + 'gloss'):
        term = ids.get((gl.get('target') or '').lstrip('#'))
        gtext = ''.join(gl.itertext())
        # ＯＥＣＤ, ＤＸ: Latin letters written wide (minutes, official documents) count as Latin.
        latin = sum(c.isascii() and c.isalpha() for c in norm(gtext)) >= max(1, len(gtext.strip()) // 2)
        if (gl.get(XML_LANG) or '').startswith('ja') or not latin or term is None:
            continue
        found.add((norm(''.join(term.itertext())).lower(), norm(gtext).lower()))
    want = {(norm(a).lower(), norm(b).lower()): (a, b) for a, b in gold.get('glosses', [])}
    terms_found = {t for t, _ in found}
    glosses_found = {g for _, g in found}
    for key, (a, b) in want.items():
        if key in found:
            outcome = 'found'
        elif key[1] in glosses_found:
            outcome = 'missed: the gloss given to another term (span)'
        elif key[0] in terms_found:
            outcome = 'missed: the term given another gloss'
        else:
            outcome = 'missed: not found'
        gloss[(outcome, pair_shape(a, b, text))] += 1
    for t, g in found - set(want):
        other = 'gold has its gloss' if g in {k[1] for k in want} else 'gold has its term' if t in {k[0] for k in want} else 'neither in gold'
        gloss[(f'extra ({other})', pair_shape(t, g, text))] += 1


blocks = collections.Counter()        # (gold type, predicted kind) over every gold block
wrong_shapes = collections.defaultdict(collections.Counter)  # (gold, pred) -> feature=value counts
joint = collections.defaultdict(list)  # (gold, pred) -> each confused line's shape, all features together
spk = collections.Counter()
spk_people = []
fact = collections.Counter()          # (gold label, predicted classes, context)
fact_shapes = collections.defaultdict(collections.Counter)  # (gold, predicted) -> shape -> count
gloss = collections.Counter()         # (outcome, shape of the pair)
per_article = []
turn_wrong = collections.defaultdict(collections.Counter)  # --turns: article -> outcome and shape -> count
probe = collections.Counter()  # --probe REGEX: (gold, predicted, block) of the sentences it matches
with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(2) as pool:
    outs = dict(zip(articles, pool.map(lambda a: run(a, tmp), articles)))
    for txt in articles:
        gold = json.load(open(txt[:-4] + '.gold.json', encoding='utf-8'))
        root = ET.parse(outs[txt]).getroot()
        lines = open(txt, encoding='utf-8').read().split('\n')
        P, G = goldmatch.sentences(score, root, gold)
        rules = explain_rules(outs[txt][:-4] + '.explain')
        sm = difflib.SequenceMatcher(None, [p['text'] for p in P], [g['text'] for g in G], autojunk=False)
        pair = {}
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == 'equal':
                pair.update(zip(range(j1, j2), range(i1, i2)))
        n_bad = n_blk = 0
        who_pairs, turn_rows, turn_lines = [], [], []
        for j, g in enumerate(G):
            b = g['block']
            p = P[pair[j]] if j in pair else None
            if p is not None:
                sp = [a for a in p['anc'] if local(a.tag) == 'sp']
                ctx = 'in-turn' if sp else 'outside-turn'
                got = {x.lstrip('#') for x in (p['el'].get('ana') or '').split()} or {'none'}
                fact[(g['fact'][0], '+'.join(sorted(got)), ctx)] += 1
                if '--fact-shapes' in opts:
                    cat = dict(S='speculation', R='reported', Q='question').get(g['fact'][0])
                    ok = cat in got if cat else not ({'speculation', 'reported', 'question'} & got)
                    if not ok:
                        t = g['text']
                        sid = p['el'].get('{http://www.w3.org/XML/1998/namespace}id')
                        rule, flags = rules.get(sid, ['?', '?'])
                        n = len(t)
                        feats = [f'rule={rule}', f'pred={flags}', f'block={kind(p["anc"])}',
                                 'len=' + ('<=15' if n <= 15 else '<=40' if n <= 40 else '<=80' if n <= 80 else '>80')]
                        feats += [name for name, rx in MARKERS if re.search(rx, t)]
                        if '--hedge-words' in opts:
                            feats += [name for name, rx in HEDGE_WORDS if re.search(rx, t)]
                        fact_shapes[(g['fact'][0], '+'.join(sorted(got)))][' '.join(feats)] += 1
            if p is not None and '--probe' in opts:
                rx = opts[opts.index('--probe') + 1]
                if re.search(rx, g['text']):
                    got = {x.lstrip('#') for x in (p['el'].get('ana') or '').split()} - {'checkworthy'}
                    probe[('/'.join(g['fact']), '+'.join(sorted(got)), kind(p['anc']))] += 1
            if not g['first']:
                continue
            n_blk += 1
            if p is None:
                blocks[(b['type'], 'unmatched')] += 1
                n_bad += 1
                continue
            k = kind(p['anc'])
            blocks[(b['type'], k)] += 1
            if k not in ACCEPT[b['type']]:
                n_bad += 1
                sh = shape(lines, b['line'], len(b['sentences']))
                for f, v in sh.items():
                    wrong_shapes[(b['type'], k)][f'{f}={v}'] += 1
                joint[(b['type'], k)].append(' '.join(f'{f}={v}' for f, v in sh.items()))
            sp = [a for a in p['anc'] if local(a.tag) == 'sp']
            who = sp[-1].get('who', '') if sp else ''
            has_label = bool(sp) and sp[-1].find(TEI + 'speaker') is not None
            if b['type'] in DIALOGUE and b['speaker']:
                who_pairs.append((who, b['speaker']))
                turn_rows.append((who, b['speaker'], bool(b.get('label')), has_label))
                turn_lines.append(b['line'])
            elif b['type'] not in DIALOGUE:
                spk['non-dialogue block inside a turn' if sp else 'non-dialogue block outside turns'] += 1
        mp = best_map(who_pairs)
        n_spk_bad = 0
        for who, g, gl, pl in turn_rows:
            lab = 'labelled' if gl else 'unlabelled'
            if not who:
                spk[f'{lab} turn: no <sp>'] += 1
            elif mp.get(g) == who:
                spk[f'{lab} turn: right speaker'] += 1
            else:
                # wrong: is the predicted person someone else's best match, or an extra person?
                other = who in mp.values()
                spk[f'{lab} turn: given to {"another participant" if other else "an extra person"}'] += 1
            n_spk_bad += not (who and mp.get(g) == who)
        if '--turns' in opts:
            # each wrong turn: its outcome and its first line's shape (no text, no name)
            for (who, g, gl, pl), ln in zip(turn_rows, turn_lines):
                if who and mp.get(g) == who:
                    continue
                why = 'no <sp>' if not who else 'another participant' if who in mp.values() else 'an extra person'
                sh = shape(lines, ln, 1)
                feats = ' '.join(f'{f}={sh[f]}' for f in ('length', 'start', 'end', 'mark', 'colon', 'dated', 'prev_len', 'prev_end', 'next_len'))
                turn_wrong[os.path.basename(txt)[:-4]][f'{"labelled" if gl else "unlabelled"} gold, {"label" if pl else "no label"} predicted: {why}: {feats}'] += 1
        if turn_rows:
            gold_n = len({g for _, g, _, _ in turn_rows})
            pred_n = len({w for w, _, _, _ in turn_rows if w})
            spk_people.append((gold_n, pred_n))
        glosses(root, gold, '\n'.join(lines))
        n_lab_bad = sum(1 for who, g, gl, pl in turn_rows if gl and not (who and mp.get(g) == who))
        people = (len({g for _, g, _, _ in turn_rows}), len({w for w, _, _, _ in turn_rows if w}))
        per_article.append((os.path.basename(txt)[:-4], n_bad, n_blk, n_spk_bad, len(turn_rows), n_lab_bad, people))


def table(title, counter, fmt=lambda k: '\t'.join(k)):
    print(f'## {title}')
    for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f'{v}\t{fmt(k)}')
    print()


print(f'# {len(articles)} articles in {folder}; tools {bin_dir}; stages segment {" ".join(stages)}\n')
wrong = collections.Counter({k: v for k, v in blocks.items() if k[1] not in ACCEPT.get(k[0], ()) })
right = sum(v for k, v in blocks.items() if k not in wrong)
print(f'## blocks: {right} of {sum(blocks.values())} of the right kind')
table('block confusions (count, gold type, predicted kind)', wrong)
print('## shapes of the confused blocks (gold -> predicted: feature=value counts)')
for k in sorted(wrong_shapes, key=lambda k: -wrong[k]):
    feats = wrong_shapes[k]
    print(f'{k[0]} -> {k[1]} ({wrong[k]}): ' + ', '.join(f'{f} {n}' for f, n in sorted(feats.items(), key=lambda x: (x[0].split("=")[0], -x[1]))))
print()
for i, o in enumerate(opts):
    # --joint GOLD:PRED (repeatable): each confused line's whole shape on a line of its own,
    # sorted (no order, no article, no text).
    if o != '--joint' or i + 1 >= len(opts):
        continue
    g, p = opts[i + 1].split(':')
    print(f'## shapes of each {g} -> {p} line')
    for row in sorted(joint[(g, p)]):
        print(row)
    print()
table('speaker turns (count, outcome)', spk, fmt=lambda k: k)
if spk_people:
    c = collections.Counter('same' if g == p else f'{"more" if p > g else "fewer"} than gold' for g, p in spk_people)
    print('## people in the turns, predicted against gold (articles): ' + ', '.join(f'{k} {v}' for k, v in sorted(c.items())))
    print()
names = dict(S='speculation', R='reported', Q='question', F='fact', O='other', X='none')
fx = collections.Counter()
for (g, got, ctx), v in fact.items():
    cat = names.get(g)
    ok = cat in got.split('+') if cat and g in 'SRQ' else not ({'speculation', 'reported', 'question'} & set(got.split('+')))
    if not ok:
        fx[(f'gold {g}', f'got {got}', ctx)] += v
print(f'## sentences: {sum(fact.values())}; factuality errors on speculation/reported/question: {sum(fx.values())}')
table('factuality confusions (count, gold, predicted, where)', fx)
if '--probe' in opts:
    print('## probe (count, gold, predicted, block)')
    for k, v in probe.most_common():
        print(v, *k, sep='\t')
if '--fact-shapes' in opts:
    print('## shapes of the confused sentences (gold, predicted: count, rule, inflection, block, length, markers)')
    for k in sorted(fact_shapes, key=lambda k: -sum(fact_shapes[k].values())):
        print(f'# gold {k[0]} got {k[1]} ({sum(fact_shapes[k].values())})')
        for row, v in sorted(fact_shapes[k].items(), key=lambda kv: (-kv[1], kv[0])):
            print(f'{v}\t{row}')
    print()
n_gold = sum(v for k, v in gloss.items() if not k[0].startswith('extra'))
n_found = sum(v for k, v in gloss.items() if k[0] == 'found')
n_extra = sum(v for k, v in gloss.items() if k[0].startswith('extra'))
print(f'## glosses: {n_found} of {n_gold} gold pairs found, {n_extra} extra')
table('gloss outcomes by shape (count, outcome, shape)', collections.Counter({k: v for k, v in gloss.items() if k[0] != 'found'}))
if '--per-article' in opts:
    print('## per article: wrong blocks / blocks, wrong turns / turns (of them labelled), people in the turns gold/predicted')
    for name, nb, n, ns, nt, nl, (pg, pp) in sorted(per_article, key=lambda r: -r[1]):
        print(f'{name}\t{nb}/{n}\t{ns}/{nt} ({nl})\t{pg}/{pp}' if nt else f'{name}\t{nb}/{n}\t{ns}/{nt}')
if '--turns' in opts:
    print('## wrong turns per article (count, whether gold and output label the turn, outcome, the shape of its first line)')
    for name in sorted(turn_wrong):
        for k, v in sorted(turn_wrong[name].items(), key=lambda kv: -kv[1]):
            print(f'{name}\t{v}\t{k}')
