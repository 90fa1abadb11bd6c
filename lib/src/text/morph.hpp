// Morphological analysis, part of the text layer: a small wrapper around MeCab with the IPA
// dictionary (Debian mecab-ipadic-utf8), used on short windows of text, never on whole
// documents: the claims stage on the few dozen characters of a sentence that carry its final
// predicate (claims/predicate.hpp), the terms stage on the noun compound at the left edge of a
// glossed term (terms/gloss.cpp).
//
// One MeCab::Model is loaded for the process (the dictionary is mapped once); each thread
// that analyses gets its own Tagger and Lattice (thread_local), so jatei-annotate's threads
// can call analyse() at the same time.
//
// The dictionary: $JATEI_MECAB_DICDIR when set, else the folder found at build time
// (JATEI_MECAB_DICDIR, /var/lib/mecab/dic/ipadic-utf8 on Debian). It must be an IPA
// dictionary in UTF-8: the analysis reads its part-of-speech names, conjugation forms and base
// forms (the nine ipadic fields). Without it analyse() throws IoError (exit 66) naming the
// folder and the package to install.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jatei::text {

enum class Pos : unsigned char {
  noun, verb, adjective, auxiliary, particle, adverb, adnominal, conjunction, interjection, prefix, symbol, filler, other
};

// One morpheme. The views point into the dictionary (valid while the process runs) or, for
// surface, into the analysed text.
struct Morph {
  std::size_t begin = 0, end = 0;  // byte offsets in the analysed text
  std::string_view surface;
  Pos pos = Pos::other;
  std::string_view pos1, pos2;      // ipadic sub-categories (名詞,接尾,助動詞語幹 → 接尾, 助動詞語幹)
  std::string_view ctype, cform;    // conjugation type and form (五段・ラ行, 連用タ接続), "*" when none
  std::string_view base;            // dictionary form; the surface for unknown words

  bool is(Pos p, std::string_view b) const { return pos == p && base == b; }
};

// Analyses `text` into `out` (cleared first). Thread-safe. A text analysed before on the same
// thread is answered from a per-thread cache. Throws IoError when the dictionary cannot be
// loaded.
void analyse_morphs(std::string_view text, std::vector<Morph>& out);

// What the analyses of this thread cost (for JATEI_PROFILE): calls, bytes, nanoseconds.
struct MorphCost {
  std::size_t calls = 0, bytes = 0;
  std::size_t cached = 0;  // windows answered from the cache (the same text analysed before)
  long long nanoseconds = 0;
};
MorphCost& morph_cost();

// The dictionary folder in use (after the first analysis), for --explain and --version.
std::string morph_dictionary();

}  // namespace jatei::text
