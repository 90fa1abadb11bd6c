// Sentence splitting within one line.
//
// One pass over the line's code points after two cheap pre-passes: protected ranges (URLs,
// names like モー娘。) and bracket matching. Brackets are matched per family with a stack, so
// an opener that never closes on this line is ignored instead of swallowing the rest of it;
// depth is only counted between matched pairs.
//
// The line's code points (split_decode.hpp), what no sentence ends inside (split_marks.hpp)
// and where one may end (split_endings.hpp) are layers under the Splitter's one pass.
#include "jatei/segment.hpp"
#include "jatei/text.hpp"
#include "jatei/utf8.hpp"
#include "segment/split_endings.hpp"

#include <string>
#include <vector>

namespace jatei {

bool is_space(char32_t c) { return text::is_space(c); }

namespace {

using namespace seg::split;

class Splitter : public Endings {
 public:
  using Endings::Endings;

  // Appends the line's sentences to out.
  void run(std::vector<Range>& out) {
    std::size_t n = cps_.size();
    std::size_t next_special = 0;  // into specials_: the first not yet passed
    std::size_t start = skip_ws(0);
    std::size_t i = start;
    bool has_text = false;
    std::size_t initial_close = npos;
    int depth = 0;
    auto emit = [&](std::size_t end_idx) {
      std::size_t b = start, e = end_idx;
      while (e > b && is_space(cps_[e - 1].c)) --e;
      if (e > b) out.emplace_back(off(b), off(e));
      start = skip_ws(end_idx);
      has_text = false;
      initial_close = npos;
      depth = 0;
      return start;
    };
    while (i < n) {
      char32_t c = cps_[i].c;
      // Kana, kanji, ASCII letters and digits ('w' aside): text, never a bracket or an ending.
      if (is_plain(c) || (c < 0x80 && is_ascii_alnum(c) && c != 'w')) {
        has_text = true;
        ++i;
        // Up to the next code point that is not is_plain(), all is text: step over it.
        while (next_special < specials_.size() && specials_[next_special] < i) ++next_special;
        std::size_t to = next_special < specials_.size() ? specials_[next_special] : n;
        if (to > i) i = to;
        continue;
      }
      if (is_protected(i)) {
        has_text = true;
        ++i;
        continue;
      }
      // Bracket bookkeeping (matched pairs only).
      if (match_[i] != kNoMatch) {
        if (depth == 0 && opens(c) == 1) {
          std::size_t close = match_[i];
          if (is_emoticon_group(i, close)) {
            if (has_text) {
              std::size_t e = absorb(close + 1, true);
              if (boundary_at(e)) {
                i = emit(e);
                continue;
              }
              i = e;
              continue;
            }
            i = close + 1;  // a face at the start of a sentence is not an ending
            continue;
          }
          if (!has_text && i == start) initial_close = close;
        }
        ++depth;
        ++i;
        continue;
      }
      if (closes_[i]) {
        --depth;
        if (depth == 0 && i == initial_close) {
          initial_close = npos;
          // A bracketed sentence of its own: （…。） or （…）（…）, not （あ（いう）。え）お.
          bool ends = (i + 1 < n && opens(cps_[i + 1].c) == 1) || (i > start && is_terminator(cps_[i - 1].c));
          if (ends) {
            has_text = true;
            std::size_t e = absorb(i + 1, false);
            if (boundary_at(e)) {
              i = emit(e);
              continue;
            }
            i = e;
            continue;
          }
        }
        has_text = true;
        ++i;
        continue;
      }
      if (depth > 0) {
        if (!has_text && is_wordlike(c)) has_text = true;
        ++i;
        continue;
      }
      std::size_t end = terminator_end(i, start, has_text);
      if (end != npos) {
        std::size_t e = absorb(end, false);
        if (boundary_at(e)) {
          i = emit(e);
          continue;
        }
        has_text = true;
        i = e;
        continue;
      }
      if (!has_text && (is_wordlike(c) || (!is_space(c) && !is_emoji_part(c)))) has_text = true;
      ++i;
    }
    if (start < n) emit(n);
  }
};

}  // namespace

SentenceSplitter::SentenceSplitter(const Rules& rules)
    : sections_{&rules.section("sentence-start"), &rules.section("sentence-continuation"), &rules.section("protected"),
                &rules.section("emoticon-word"),  &rules.section("symbol-terminator"),     &rules.section("abbreviation"),
                &rules.section("emoji-particle"),   &rules.section("emoji-predicate")} {
  for (const char* scheme : {"http://", "https://", "www.", "ftp://"}) index_.protected_patterns.push_back({scheme, true});
  for (auto& entry : *sections_.protected_)
    if (!entry.pattern.empty()) index_.protected_patterns.push_back({entry.pattern, false});
  for (auto& p : index_.protected_patterns) {
    std::size_t len = 0;
    char32_t c = utf8::decode(p.text, 0, len);
    if (c >= 0x10000) {
      index_.astral_first = true;
    } else {
      if (is_plain(c) && !index_.may_start_protected(c))  // each character once
        index_.plain_stops.push_back({static_cast<unsigned char>(p.text[0]), static_cast<unsigned char>(p.text[1]),
                                      static_cast<unsigned char>(p.text[2])});
      index_.first_bits[c >> 6] |= std::uint64_t(1) << (c & 63);
    }
  }
}

void SentenceSplitter::split(std::string_view line, std::vector<Range>& out, bool valid_utf8) const {
  if (line.empty()) return;
  Splitter(line, sections_, index_, valid_utf8).run(out);
}

std::vector<Range> split_sentences(std::string_view line, const Rules& rules) {
  std::vector<Range> out;
  SentenceSplitter(rules).split(line, out);
  return out;
}

}  // namespace jatei
