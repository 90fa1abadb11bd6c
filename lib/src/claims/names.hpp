// The rules that name people, organisations and products in a sentence (names.cpp runs them in
// order; a rule never names a range an earlier rule named). Internal to the claims stage: each
// group of rules is a class in a file of its own, over one NameState.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "claims/entity_words.hpp"
#include "claims/spans.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"

namespace jatei::claims::names {

using namespace text;

// The mentions of one sentence so far. `named`: the normalised ranges already named, what later
// rules must not name again and what the alias rule copies; `index` points into `out` while the
// mention may still be extended (a title joins a known person's name).
struct Named {
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  std::size_t b, e;
  std::string element, type;
  std::size_t index = kNoIndex;
};
struct NameState {
  const Normalised& norm;
  const Gazetteer& gaz;
  const EntityWords& words;
  std::vector<detail::Range> tech;
  std::vector<Mention> out;
  std::vector<Named> named;
};

// What every group of rules reads, and how it names.
class NameRules {
 public:
  explicit NameRules(NameState& s)
      : norm_(s.norm), n_(s.norm.text), gaz_(s.gaz), w_(s.words), tech_(s.tech), out_(s.out), named_(s.named) {}

 protected:
  static constexpr std::size_t kNoIndex = Named::kNoIndex;
  const Normalised& norm_;
  std::string_view n_;
  const Gazetteer& gaz_;
  const EntityWords& w_;
  const std::vector<detail::Range>& tech_;
  std::vector<Mention>& out_;
  std::vector<Named>& named_;

  void add(std::size_t b, std::size_t e, const std::string& element, const std::string& type = {}) {
    Mention m = detail::make(norm_, b, e, element);
    if (!type.empty()) m.attrs.set("type", type);
    out_.push_back(std::move(m));
  }
  // Adds the mention and remembers its range.
  void name(std::size_t b, std::size_t e, const std::string& element, const std::string& type = {}) {
    add(b, e, element, type);
    named_.push_back({b, e, element, type});
  }
  bool is_named(std::size_t b, std::size_t e) const {
    for (auto& x : named_)
      if (x.b < e && b < x.e) return true;
    return false;
  }
  // f(open, close) for each "(…)" of the sentence in turn, up to the first one left open.
  template <class F>
  void each_parenthesis(F&& f) const {
    for (std::size_t k = 0; (k = n_.find('(', k)) != std::string_view::npos; ++k) {
      std::size_t close = n_.find(')', k);
      if (close == std::string_view::npos) break;
      f(k, close);
    }
  }
};

// Shapes of names the rules share.
// Start of the run of name characters that ends at e.
inline std::size_t run_start(std::string_view n, std::size_t e, bool (*pred)(char32_t)) {
  std::size_t b = e;
  while (b > 0) {
    char32_t c = before(n, b);
    if (!pred(c)) break;
    b = prev(n, b);
  }
  return b;
}

inline bool kanji_c(char32_t c) { return is_kanji(c); }
inline bool katakana_name_c(char32_t c) { return katakana_word(c) || c == 0x30FB; }
inline bool latin_name_c(char32_t c) { return is_ascii_alpha(c) || is_ascii_digit(c) || c == '-' || c == '.'; }
inline bool org_c(char32_t c) { return is_kanji(c) || katakana_word(c) || c == 0x30FB || is_ascii_alpha(c) || is_ascii_digit(c); }
inline bool latin_or_digit(char32_t c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

inline bool contains_katakana_or_latin(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); i = next(s, i)) {
    char32_t c = at(s, i);
    if (katakana_word(c) || is_ascii_alpha(c)) return true;
  }
  return false;
}

inline bool all_of_chars(std::string_view s, bool (*pred)(char32_t)) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); i = next(s, i))
    if (!pred(at(s, i))) return false;
  return true;
}

inline bool ends_with_any(std::string_view s, const std::vector<std::string>& words) {
  for (auto& w : words)
    if (s.ends_with(w)) return true;
  return false;
}

// The groups, in the order names.cpp runs them.
void name_from_gazetteer(NameState& s);  // names.cpp: 1. the gazetteer (names.tsv)
void name_people(NameState& s);          // names_people.cpp: 2.-5. credits, titles, readings, roles
void name_organisations(NameState& s);   // names_orgs.cpp: 6.-7. suffixes, kinds, seats
void name_places(NameState& s);          // names_places.cpp: 6b. municipalities and prefectures
void name_products(NameState& s);        // names_products.cpp: 8.-10. aliases, products, model names

}  // namespace jatei::claims::names
