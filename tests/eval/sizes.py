#!/usr/bin/env python3
"""The size limits of issue 16, measured: no function over 150 lines, no class over 300.

    python3 tests/eval/sizes.py -p BUILD_DIR [--jobs N] [--functions N] [--classes N] [--all] [--root DIR]

Functions are measured by clang-tidy's readability-function-size (LineThreshold), run over every
translation unit of lib/ in BUILD_DIR/compile_commands.json (configure with
-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, the default of this project), headers of lib/ included: its
count is the lines from a body's opening brace to its closing one, comments and blank lines
included. Classes (class, struct, union; nested ones each on their own) are measured in the
sources of lib/ the same way, from the line of the opening brace of the definition to the line of
its closing brace, by a scan that skips comments, string and character literals; members defined
outside the class are functions of their own and counted there.

Prints one line per function and class over its limit (FILE:LINE kind NAME LINES) and a summary;
exits 1 when there is one, 0 when there is none, 77 when clang-tidy or the compile commands are
missing (a test skipped, tests/cli/sizes.sh). --all prints the classes' and functions' sizes over
half the limits too, for a report. --root measures DIR/lib instead of the project's lib/ (the
test's own small tree, which must fail).
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys

SRC = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
LIB = os.path.join(SRC, "lib")


def clang_tidy():
    for name in ("clang-tidy", "clang-tidy-19", "clang-tidy-18", "clang-tidy-17", "clang-tidy-16",
                 "clang-tidy-15", "clang-tidy-14"):
        path = shutil.which(name)
        if path:
            return path
    return None


WARNING = re.compile(r"^(.*):(\d+):\d+: warning: function '([^']*)' exceeds recommended size")
NOTE = re.compile(r"^(.*):(\d+):\d+: note: (\d+) lines including whitespace and comments")


def tidy_one(tidy, build, unit, threshold):
    config = "{CheckOptions: [{key: readability-function-size.LineThreshold, value: %d}]}" % threshold
    header_filter = "^" + re.escape(LIB + os.sep)
    p = subprocess.run([tidy, "-p", build, "--quiet", "-checks=-*,readability-function-size",
                        "-config=" + config, "-header-filter=" + header_filter, unit],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    found, errors = [], []
    name = None
    for line in p.stdout.splitlines():
        if ": error:" in line:
            errors.append(line)
        m = WARNING.match(line)
        if m:
            name = m.group(3)
            continue
        m = NOTE.match(line)
        if m and name is not None:
            found.append((os.path.realpath(m.group(1)), int(m.group(2)), name, int(m.group(3))))
            name = None
    if p.returncode != 0 and not found and not errors:
        errors.append("%s: clang-tidy exited %d: %s" % (unit, p.returncode, p.stderr.strip()[-400:]))
    return found, errors


def functions(tidy, build, threshold, jobs):
    """clang-tidy over the units of lib/: (units measured, {(path, line): (name, lines)}, errors)."""
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        units = sorted({os.path.realpath(os.path.join(c["directory"], c["file"])) for c in json.load(f)})
    units = [u for u in units if u.startswith(LIB + os.sep)]
    found, errors = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for f, e in pool.map(lambda u: tidy_one(tidy, build, u, threshold), units):
            for path, line, name, lines in f:
                found[(path, line)] = (name, lines)  # a header's function is seen from every unit
            errors += e
    return len(units), found, errors


def blank_out(text):
    """The text with comments, string and character literals replaced by spaces (newlines kept)."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif c == '"' or c == "'":
            prefix = re.search(r"(\w*)$", text[max(0, i - 8):i]).group(1)
            if c == "'" and prefix and prefix not in ("u8", "u", "U", "L"):
                i += 1  # a digit separator (1'000)
                continue
            if c == '"' and prefix.endswith("R"):
                m = re.match(r'"([^(\s]*)\(', text[i:])
                end = text.find(")" + m.group(1) + '"', i) if m else -1
                j = n if end < 0 else end + len(m.group(1)) + 2
                blank(i + 1, j - 1)
                i = j
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            blank(i + 1, j)
            i = j + 1
        else:
            i += 1
    return "".join(out)


CLASS = re.compile(r"\b(class|struct|union)\s+(\w+)\s*(?:final\s*)?(?::[^{};()]*)?\{")


def classes_of(path):
    with open(path, encoding="utf-8") as f:
        text = blank_out(f.read())
    found = []
    for m in CLASS.finditer(text):
        if re.search(r"\benum\s*$", text[:m.start()]):
            continue  # enum class
        depth, j = 0, m.end() - 1
        while j < len(text):
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        first = text.count("\n", 0, m.end() - 1) + 1
        last = text.count("\n", 0, j) + 1
        found.append((os.path.realpath(path), text.count("\n", 0, m.start()) + 1, m.group(2), last - first))
    return found


def classes():
    found = []
    for root, _, files in os.walk(LIB):
        for name in sorted(files):
            if name.endswith((".cpp", ".hpp", ".h", ".cc")):
                found += classes_of(os.path.join(root, name))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-p", dest="build", required=True, help="a build directory with compile_commands.json")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--functions", type=int, default=150, help="the most lines a function may have")
    ap.add_argument("--classes", type=int, default=300, help="the most lines a class may have")
    ap.add_argument("--all", action="store_true", help="also list sizes over half the limits")
    ap.add_argument("--root", help="measure ROOT/lib (default: this project's)")
    a = ap.parse_args()
    global SRC, LIB
    if a.root:
        SRC = os.path.realpath(a.root)
        LIB = os.path.join(SRC, "lib")
    tidy = clang_tidy()
    if not tidy:
        print("skipped: no clang-tidy on PATH (it measures the functions)")
        return 77
    if not os.path.isfile(os.path.join(a.build, "compile_commands.json")):
        print("skipped: no compile_commands.json in %s (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" % a.build)
        return 77
    rel = lambda p: os.path.relpath(p, SRC)
    shown_f = a.functions // 2 if a.all else a.functions
    units, fns, errors = functions(tidy, a.build, shown_f, a.jobs)
    for e in errors:
        print("clang-tidy:", e)
    over_f = 0
    for (path, line), (name, lines) in sorted(fns.items(), key=lambda kv: -kv[1][1]):
        over = lines > a.functions
        over_f += over
        print("%s:%d function %s %d%s" % (rel(path), line, name, lines, "  OVER" if over else ""))
    over_c = 0
    for path, line, name, lines in sorted(classes(), key=lambda c: -c[3]):
        if lines > (a.classes // 2 if a.all else a.classes):
            over = lines > a.classes
            over_c += over
            print("%s:%d class %s %d%s" % (rel(path), line, name, lines, "  OVER" if over else ""))
    print("%d translation units of lib/ measured: %d function(s) over %d lines, %d class(es) over %d lines"
          % (units, over_f, a.functions, over_c, a.classes))
    if errors:
        print("clang-tidy could not read every unit: the count is not complete")
        return 1
    return 1 if over_f or over_c else 0


if __name__ == "__main__":
    sys.exit(main())
