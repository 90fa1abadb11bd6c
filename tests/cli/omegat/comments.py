# Checks that OmegaT's comment for every segment of an XLIFF 1.2 file is its unit's id and notes,
# as written, one a line. Arguments: the XLIFF, what Comments.java printed, then lines that
# must start some comment line ("Speaker: ") or, after --line, stand whole in one comment.
import sys, xml.etree.ElementTree as ET

xlf, printed, *wants = sys.argv[1:]
ns = "{urn:oasis:names:tc:xliff:document:1.2}"
units = [[tu.get("resname")] + [n.text for n in tu.findall(ns + "note")]
         for tu in ET.parse(xlf).getroot().iter(ns + "trans-unit")]


def unescape(c):
    out, i = [], 0
    while i < len(c):
        if c[i] == "\\" and i + 1 < len(c):
            out.append("\n" if c[i + 1] == "n" else c[i + 1])
            i += 2
        else:
            out.append(c[i])
            i += 1
    return "".join(out)


lines = open(printed, encoding="utf-8").read().splitlines()
assert "FILTER\torg.omegat.filters3.xml.xliff.XLIFFFilter" in lines, lines[-3:]
comments = [unescape(l.split("\t", 1)[1]).split("\n") for l in lines if l.startswith("ENTRY\t")]
assert len(comments) == len(units), (len(comments), len(units))
for c, u in zip(comments, units):
    assert c == u, (c, u)
whole = False
for want in wants:
    if want == "--line":
        whole = True
        continue
    if whole:
        assert any(want in c for c in comments), (want, comments)
    else:
        assert any(l.startswith(want) for c in comments for l in c), want
print(len(comments), "segments, every note in OmegaT's comment")
