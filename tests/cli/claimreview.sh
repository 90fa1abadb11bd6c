#!/bin/sh
# ClaimReview as Google's fact-check markup documentation asks for it, field by field, read back
# with Python's json: one ClaimReview per verdict merged back (an unrated claim gives none; it
# stays in JSON Lines and CSV), url and datePublished from the verdict (--date for a verdict
# without one), author the organisation of --publisher/--publisher-url (else the reviewer),
# claimReviewed the sentence, itemReviewed a Claim whose author is the source of a reported
# claim or the speaker (what the JSON Lines export says), whose date is the article's and whose
# appearance is the article's URL (--source-url, else the header's), reviewRating with
# alternateName and, on a --rating-scale, ratingValue/bestRating/worstRating. On the fixture and
# on an article of corpora/ through the pipeline (its dateline dates the claim). Skips (77)
# without python3.
set -eu
. "$JATEI_SRC/tests/cli/common.inc"
need_tools jatei-export jatei-merge
command -v python3 >/dev/null 2>&1 || { echo "claimreview.sh: python3 missing; skipped"; exit 77; }
X="$B/jatei-export"
M="$B/jatei-merge"
D=$SRC/tests/data/export
F=$D/dialogue.tei.xml

# Unrated: no ClaimReview at all.
run "$X" claims --format claimreview "$F"
check_rc 0 "claimreview of an unrated document"
checks=$((checks + 1))
[ "$(tr -d ' \n' <"$T/out")" = "[]" ] || { fail "unrated claims written as ClaimReview"; show "$T/out"; }

# Verdicts on a five-step scale: by name (any case), by value, one off the scale, one undated,
# one without a link, two reviewers on the same sentence.
cat >"$T/verdicts.csv" <<'EOF'
id,rating,note,reviewer,url,date
s5,True,Released on 20 January 2025.,Desk A,https://factcheck.example.jp/checks/5,2025-02-02
s6,mostly false,Only the final training run.,Desk A,https://factcheck.example.jp/checks/6,
s11,4,The fall was 16.97%.,Desk A,,2025-01-30
s11,Unproven,Not checked against the exchange.,Desk B,https://factcheck.example.jp/checks/11b,2025-02-04
s12,,still checking,Desk A,,
EOF
run "$M" verdicts "$F" "$T/verdicts.csv" -q -o "$T/rated.xml"
check_rc 0 "merge the verdicts"
run "$X" claims --no-termbase "$T/rated.xml" -o "$T/claims.jsonl"
check_rc 0 "claims JSON Lines"
run "$X" claims --format claimreview --no-termbase --date 2025-02-10 --publisher "神田ファクトチェック" \
  --publisher-url https://factcheck.example.jp --source-url https://news.example.jp/a/1 \
  --rating-scale "False, Mostly false, Half true, Mostly true, True" "$T/rated.xml" -o "$T/cr.json"
check_rc 0 "claimreview with a publisher and a scale"
run "$X" claims --format claimreview --no-termbase --date 2025-02-10 "$T/rated.xml" -o "$T/cr-plain.json"
check_rc 0 "claimreview without options"

checks=$((checks + 1))
python3 - "$T/rated.xml" "$T/claims.jsonl" "$T/verdicts.csv" "$T/cr.json" "$T/cr-plain.json" >"$T/py.out" 2>&1 <<'EOF' || { fail "ClaimReview fields"; show "$T/py.out" 40; }
import csv, json, sys
import xml.etree.ElementTree as ET
tei, jsonl, verdicts, cr, plain = sys.argv[1:6]
NS = "{http://www.tei-c.org/ns/1.0}"
XID = "{http://www.w3.org/XML/1998/namespace}id"
root = ET.parse(tei).getroot()
text = {s.get(XID): "".join(s.itertext()) for s in root.iter(NS + "s")}
header_url = root.find(f"{NS}teiHeader/{NS}fileDesc/{NS}sourceDesc/{NS}bibl/{NS}ref").get("target")
article_date = root.find(f"{NS}teiHeader/{NS}fileDesc/{NS}sourceDesc/{NS}bibl/{NS}date").get("when")
records = {r["id"]: r for r in map(json.loads, open(jsonl, encoding="utf-8"))}
rows = [r for r in csv.DictReader(open(verdicts, encoding="utf-8")) if r["rating"]]
scale = ["False", "Mostly false", "Half true", "Mostly true", "True"]

def claim_author(sid):
    r = records[sid]
    if r["said_by"]:
        return r["said_by"]["name"]
    return r["speaker"]["name"] if r["speaker"] else None

def check(path, with_options):
    reviews = json.load(open(path, encoding="utf-8"))
    assert isinstance(reviews, list)
    assert len(reviews) == len(rows), (len(reviews), len(rows))
    got = {(c["identifier"], c["reviewRating"].get("ratingExplanation")): c for c in reviews}
    for row in rows:
        c = got[(row["id"], row["note"])]
        assert c["@context"] == "https://schema.org" and c["@type"] == "ClaimReview", c
        # url: the page of the fact check (the verdict's link), never an empty string
        if row["url"]:
            assert c["url"] == row["url"], c
        else:
            assert "url" not in c, c
        assert c["datePublished"] == (row["date"] or "2025-02-10"), c
        if with_options:
            assert c["author"] == {"@type": "Organization", "name": "神田ファクトチェック",
                                   "url": "https://factcheck.example.jp"}, c["author"]
        else:
            assert c["author"] == {"@type": "Person", "name": row["reviewer"]}, c["author"]
        assert c["claimReviewed"] == text[row["id"]], c
        claim = c["itemReviewed"]
        assert claim["@type"] == "Claim", claim
        want = claim_author(row["id"])
        assert want and claim["author"]["name"] == want and claim["author"]["@type"] in ("Person", "Organization"), (claim, want)
        assert claim["datePublished"] == article_date, claim
        app = claim["appearance"]
        assert app["@type"] == "CreativeWork", app
        assert app["url"] == ("https://news.example.jp/a/1" if with_options else header_url), app
        rating = c["reviewRating"]
        assert rating["@type"] == "Rating", rating
        r = row["rating"]
        on_scale = [i for i, n in enumerate(scale) if n.lower() == r.lower() or str(i + 1) == r]
        if with_options and on_scale:
            i = on_scale[0]
            assert rating["alternateName"] == scale[i], rating
            assert rating["ratingValue"] == i + 1 and isinstance(rating["ratingValue"], int), rating
            assert rating["bestRating"] == 5 and rating["worstRating"] == 1, rating
        else:
            assert rating["alternateName"] == r, rating
            assert "ratingValue" not in rating and "bestRating" not in rating, rating
    return reviews

check(cr, True)
check(plain, False)
# Unrated claims stay in JSON Lines.
assert "s12" in records and "s19" in records, sorted(records)
print("ok")
EOF

# Options that make no sense are refused before anything is read.
run "$X" claims --format claimreview --rating-scale "1=False,x=True" "$F"
check_rc 64 "--rating-scale with a bad value"
run "$X" claims --format claimreview --rating-scale "False,false" "$F"
check_rc 64 "--rating-scale with a name twice"
run "$X" claims --format claimreview --publisher-url "https://a b" "$F"
check_rc 64 "--publisher-url with a space"
run "$X" xliff --publisher X "$F"
check_rc 64 "--publisher with xliff"

# Through the pipeline: a news article whose dateline is under its title dates its claims.
A=$SRC/corpora/news-earnings.txt
if [ -f "$A" ]; then
  run "$B/jatei-annotate" --quiet -j 1 "$A" -o "$T/ann"
  check_rc 0 "annotate news-earnings"
  cp "$T/ann/news-earnings.tei.xml" "$T/news.xml"
  run "$X" claims --no-termbase "$T/news.xml" -o "$T/news.jsonl"
  check_rc 0 "news claims"
  python3 - "$T/news.jsonl" "$T/news.csv" <<'EOF'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("id,rating,reviewer\n")
    for r in recs[:3]:
        out.write(f"{r['id']},True,Desk\n")
EOF
  run "$M" verdicts "$T/news.xml" "$T/news.csv" -q -o "$T/news-rated.xml"
  check_rc 0 "merge verdicts into news-earnings"
  run "$X" claims --format claimreview --no-termbase --source-url https://news.example.jp/earnings "$T/news-rated.xml" -o "$T/news.json"
  check_rc 0 "news claimreview"
  checks=$((checks + 1))
  python3 - "$T/news.json" >"$T/py.out" 2>&1 <<'EOF' || { fail "news-earnings ClaimReview"; show "$T/py.out"; }
import json, sys
reviews = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(reviews) == 3, len(reviews)
for c in reviews:
    claim = c["itemReviewed"]
    # the dateline 2025年5月14日 18:30 under the title
    assert claim["datePublished"].startswith("2025-05-14"), claim
    assert claim["appearance"]["url"] == "https://news.example.jp/earnings", claim
EOF
fi

finish
