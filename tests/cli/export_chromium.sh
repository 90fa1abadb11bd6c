#!/bin/sh
# The review page in a real browser: headless Chromium (Debian chromium) opens the page
# jatei-export html writes, offline, runs its script, and the DOM it renders is read back:
# the counts of turns, speculative highlights, questions, reported sentences, check-worthy
# claims (and their links into the text), terms, verdicts and translations must be the TEI's,
# and the page's own in-browser counts must agree. A screenshot and a printed PDF are kept as
# artefacts in $JATEI_BUILD/artifacts/ (export-review.png, export-review.pdf,
# export-review-<article>.png). Runs on the fixture after merging a translation and verdicts,
# and on real pipeline output. Skips (77) where Chromium is not installed
# (tools/install-deps.sh installs it) or cannot start.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$CHROME" ] || { echo "export_chromium.sh: chromium not installed; skipped"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "export_chromium.sh: python3 missing; skipped"; exit 77; }
X="$B/jatei-export"
D=$SRC/tests/data/export
ART=${JATEI_BUILD:-$T}/artifacts
mkdir -p "$ART"

# chrome ARGS...: headless, no network, a throw-away profile
chrome() {
  profile=$(mktemp -d "$T/profile.XXXXXX")
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-default-apps \
    --user-data-dir="$profile" "$@"
}

# page TEI LABEL SHOT: renders the page of TEI, checks its DOM, keeps a screenshot as SHOT
page() {
  tei=$1 label=$2 shot=$3
  run "$X" html "$tei" -o "$T/page.html"
  check_rc 0 "$label: html" || return 0
  set +e
  chrome --dump-dom "file://$T/page.html" >"$T/dom.html" 2>"$T/chrome.err"
  crc=$?
  set -e
  if [ $crc != 0 ] || [ ! -s "$T/dom.html" ]; then
    if [ $checks = 0 ]; then
      echo "export_chromium.sh: chromium could not render (exit $crc); skipped"
      tail -n 5 "$T/chrome.err"
      exit 77
    fi
    fail "$label: chromium exit $crc"
    show "$T/chrome.err"
    return 0
  fi
  checks=$((checks + 1))
  python3 - "$tei" "$T/dom.html" >"$T/py.out" 2>&1 <<'EOF' || { fail "$label: the rendered DOM does not match the TEI"; show "$T/py.out" 30; }
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

ns = "{http://www.tei-c.org/ns/1.0}"
XML = "{http://www.w3.org/XML/1998/namespace}"
root = ET.parse(sys.argv[1]).getroot()
want = {"turns": 0, "speculation": 0, "question": 0, "reported": 0, "claims": 0, "sentences": 0, "terms": 0,
        "translated": 0}
checkworthy = []
for div in root.iter(ns + "div"):
    if div.get("type") == "translation":
        continue
    want["turns"] += len(list(div.iter(ns + "sp")))
    for s in div.iter(ns + "s"):
        want["sentences"] += 1
        ana = [t.lstrip("#") for t in (s.get("ana") or "").split()]
        for k in ("speculation", "question", "reported"):
            want[k] += k in ana[:1]
        if "checkworthy" in ana:
            checkworthy.append(s.get(XML + "id"))
        want["terms"] += sum(1 for t in s.iter(ns + "term") if "".join(t.itertext()))
translated = set()
for div in root.iter(ns + "div"):
    if div.get("type") == "translation":
        translated |= {s.get("corresp")[1:] for s in div.iter(ns + "s")}
want["claims"] = len(checkworthy)
verdicts = sum(1 for n in root.iter(ns + "note") if n.get("type") == "factcheck")

class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.got, self.ids, self.stats, self.claim_links = [], {k: 0 for k in want}, set(), {}, []
        self.root_attrs, self.verdicts, self.translations, self.lang_main, self.sentence_ids = {}, 0, 0, None, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "html":
            self.root_attrs = a
        if "id" in a:
            self.ids.add(a["id"])
        in_main = "main" in self.stack
        in_aside = "aside" in self.stack
        if tag == "main":
            self.lang_main = a.get("lang")
        if in_main:
            if tag == "div" and "turn" in cls:
                self.got["turns"] += 1
            if "s" in cls and "id" in a:
                self.got["sentences"] += 1
                self.sentence_ids.append(a["id"])
                if tag == "mark" and "speculation" in cls:
                    self.got["speculation"] += 1
                for k in ("question", "reported"):
                    self.got[k] += k in cls
            if "term" in cls:
                self.got["terms"] += 1
            if "verdict" in cls:
                self.verdicts += 1
            if "translation" in cls:
                self.translations += 1
        if in_aside and tag == "li":
            self.got["claims"] += 1
        if in_aside and tag == "a" and self.stack[-1:] == ["li"]:
            self.claim_links.append(a.get("href"))
        if tag == "dd" and "data-count" in a:
            self.stats[a["data-count"]] = (a.get("data-dom"), self.stats.get(a["data-count"]))
        if tag not in ("meta", "br", "link", "img", "input", "hr", "wbr"):
            self.stack.append(tag)
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop() == tag:
                break

dom = Dom()
dom.feed(open(sys.argv[2], encoding="utf-8").read())
problems = []
if dom.root_attrs.get("data-rendered") != "yes":
    problems.append("the page's script did not run")
if dom.root_attrs.get("lang") != root.get(XML + "lang"):
    problems.append("html lang %r" % dom.root_attrs.get("lang"))
for k, v in want.items():
    if k == "translated":
        continue
    if dom.got[k] != v:
        problems.append("%s: %d rendered, %d in the TEI" % (k, dom.got[k], v))
# Every claim in the side list links to its sentence in the text, in order.
if dom.claim_links != ["#" + i for i in checkworthy]:
    problems.append("claim links %r, expected %r" % (dom.claim_links[:6], checkworthy[:6]))
missing = [i for i in checkworthy if i not in dom.ids]
if missing:
    problems.append("claims link to missing sentences %r" % missing)
# The counts the page computes in the browser agree with the TEI.
live = {"turns": want["turns"], "highlights": want["speculation"], "claims": want["claims"],
        "sentences": want["sentences"], "terms": want["terms"]}
for k, v in live.items():
    got = dom.stats.get(k, (None,))[0]
    if got != str(v):
        problems.append("in-browser count %s = %r, expected %d" % (k, got, v))
if dom.stats.get("verdicts", (None,))[0] != str(dom.verdicts):
    problems.append("verdict count")
if verdicts and dom.verdicts < verdicts:
    problems.append("%d verdicts rendered, %d in the TEI" % (dom.verdicts, verdicts))
if translated and dom.translations == 0:
    problems.append("no translation rendered")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(dom.got, "verdicts", dom.verdicts, "translations", dom.translations)
EOF
  set +e
  chrome --window-size=1280,1800 --hide-scrollbars --screenshot="$shot" "file://$T/page.html" >/dev/null 2>"$T/chrome.err"
  set -e
  checks=$((checks + 1))
  [ -s "$shot" ] || { fail "$label: no screenshot"; show "$T/chrome.err"; }
}

# The fixture with a translation and verdicts merged (everything the page can show).
"$B/jatei-merge" xliff "$D/dialogue.tei.xml" "$D/dialogue.en.xlf" -q -o "$T/t.xml"
"$B/jatei-merge" verdicts "$T/t.xml" "$D/verdicts.csv" -q -o "$T/reviewed.xml"
page "$T/reviewed.xml" fixture "$ART/export-review.png"
# It prints: a PDF with the print stylesheet.
set +e
chrome --no-pdf-header-footer --print-to-pdf="$ART/export-review.pdf" "file://$T/page.html" >/dev/null 2>"$T/chrome.err"
set -e
checks=$((checks + 1))
head -c 5 "$ART/export-review.pdf" 2>/dev/null | grep -q '%PDF-' || { fail "no PDF printed"; show "$T/chrome.err"; }
# Real pipeline output.
"$B/jatei-annotate" -q -o "$T/real" "$SRC/corpora/lecture-quantum.txt" "$SRC/corpora/news-chip.txt"
for tei in "$T"/real/*.tei.xml; do
  name=$(basename "$tei" .tei.xml)
  page "$tei" "$name" "$ART/export-review-$name.png"
done
echo "screenshots and PDF in $ART"
finish
