// What no sentence ends inside, found before the splitter's pass over a line (internal to
// lib/src/segment): protected ranges (URLs, names like モー娘。) and brackets matched per
// family with a stack, so that an opener never closed on the line is ignored instead of
// swallowing the rest of it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "segment/split_decode.hpp"

namespace jatei::seg::split {

class MarkedLine : public LineCodePoints {
 public:
  MarkedLine(std::string_view line, const SentenceSplitter::Sections& sections, const SentenceSplitter::Index& index,
             bool valid_utf8)
      : LineCodePoints(line, sections, index, valid_utf8) {
    mark_protected();
    match_brackets();
  }

 protected:
  static constexpr std::uint32_t kNoMatch = static_cast<std::uint32_t>(-1);

  bool is_protected(std::size_t i) const { return any_protected_ && protected_[i]; }

  std::vector<char>& protected_ = buffers_.protected_;
  bool any_protected_ = false;  // protected_ is only filled for a line with something protected
  std::vector<std::uint32_t>& match_ = buffers_.match;
  std::vector<char>& closes_ = buffers_.closes;

 private:
  // URLs and protected names: no terminator inside them. Each pattern is found left to right,
  // a match starting after the end of its previous one (a URL: after its extent); a match can
  // only start at a code point the pattern starts with, which decode() noted.
  void mark_protected() {
    any_protected_ = false;
    if (candidates_.size() == 0) return;
    const auto& patterns = index_.protected_patterns;
    auto& next = buffers_.next_match;
    next.assign(patterns.size(), 0);
    auto protect_bytes = [&](std::size_t b, std::size_t e) {
      if (!any_protected_) {
        protected_.assign(cps_.size(), false);
        any_protected_ = true;
      }
      auto lo = std::lower_bound(cps_.begin(), cps_.end(), b, [](const Cp& x, std::size_t v) { return x.at < v; });
      for (auto it = lo; it != cps_.end() && it->at < e; ++it) protected_[static_cast<std::size_t>(it - cps_.begin())] = true;
    };
    for (std::uint32_t p : candidates_) {
      std::string_view at = line_.substr(p);
      for (std::size_t j = 0; j < patterns.size(); ++j) {
        const auto& pat = patterns[j];
        if (p < next[j] || at.size() < pat.text.size() || at[0] != pat.text[0] || at.substr(0, pat.text.size()) != pat.text)
          continue;
        std::size_t e = p + pat.text.size();
        if (pat.url) {
          e = p;
          while (e < line_.size()) {
            unsigned char b = static_cast<unsigned char>(line_[e]);
            if (b <= 0x20 || b >= 0x7F || b == '"' || b == '<' || b == '>' || b == '`') break;
            ++e;
          }
          // A URL does not end with the punctuation that follows it in prose.
          while (e > p && std::string_view(".,!?)]'").find(line_[e - 1]) != std::string_view::npos) --e;
          protect_bytes(p, e);
          next[j] = e > p ? e : p + 1;
        } else {
          protect_bytes(p, e);
          next[j] = e;
        }
      }
    }
  }

  void match_brackets() {
    std::size_t n = cps_.size();
    match_.assign(n, kNoMatch);
    closes_.assign(n, false);
    std::vector<std::pair<int, std::size_t>> stack;
    for (std::uint32_t i : specials_) {  // kana and kanji: no brackets there
      if (is_protected(i)) continue;
      char32_t c = cps_[i].c;
      if (int f = opens(c)) {
        stack.emplace_back(f, i);
        continue;
      }
      if (int f = closes(c)) {
        for (std::size_t k = stack.size(); k-- > 0;) {
          if (stack[k].first == f) {
            match_[stack[k].second] = static_cast<std::uint32_t>(i);
            closes_[i] = true;
            stack.resize(k);
            break;
          }
        }
      }
    }
  }
};

}  // namespace jatei::seg::split
