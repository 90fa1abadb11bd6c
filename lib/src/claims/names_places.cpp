// Places named by their shape: a run of kanji before the suffix of a municipality or a
// prefecture (瀬名川市, 静岡県, 名古屋市中区), the suffixes and the common nouns that end the same
// way (都市, 選挙区, 都道府県) in entities.tsv.
#include <algorithm>

#include "claims/names.hpp"

namespace jatei::claims::names {
namespace {

// A character of a place's name: kanji, and the ヶ or ケ between them (西ヶ浜, 霞ケ関).
bool place_c(char32_t c) { return is_kanji(c) || c == 0x30F6 || c == 0x30B1; }

class PlaceRules : NameRules {
 public:
  using NameRules::NameRules;

  // 6b. A municipality or a prefecture by its suffix. The run before the suffix is two or more
  // kanji (one after a place just named: 名古屋市中区), starts no word that refers back (同市,
  // 各県), and with the suffix is no common noun of not-place; what follows is no kanji, or a
  // word of place-after (市内, 県警, 市長).
  void run() {
    std::string_view n = n_;
    std::size_t last_place = 0;
    for (std::size_t i = 0; i < n.size(); i = next(n, i)) {
      const std::string* suffix = suffix_at(i);
      if (!suffix) continue;
      std::size_t e = i + suffix->size();
      std::size_t b = run_start(n, i, place_c);
      bool after_place = last_place > 0 && b < last_place && last_place <= i;
      if (after_place) b = last_place;
      std::size_t chars = text::length(n.substr(b, i - b));
      if (chars < (after_place ? 1u : 2u) || chars > 5) continue;
      if (w_.generic(n.substr(b, i - b)) || common_noun(n.substr(b, e - b)) || !ends_here(e)) continue;
      if (is_named(b, e)) continue;
      name(b, e, "placeName");
      last_place = e;
    }
  }

 private:
  const std::string* suffix_at(std::size_t i) const {
    for (auto& s : w_.place_suffixes)
      if (starts_with(n_, i, s)) return &s;
    return nullptr;
  }
  bool common_noun(std::string_view word) const {
    return std::any_of(w_.not_places.begin(), w_.not_places.end(), [&](const std::string& c) { return word.ends_with(c); });
  }
  // The name ends at e: no kanji follows, a word that continues a place (市内, 県警), or
  // another place (静岡県瀬名川市, 名古屋市中区).
  bool ends_here(std::size_t e, bool or_a_place = true) const {
    if (!is_kanji(at(n_, e))) return true;
    if (std::any_of(w_.place_after.begin(), w_.place_after.end(), [&](const std::string& a) { return starts_with(n_, e, a); }))
      return true;
    if (!or_a_place) return false;
    for (std::size_t j = next(n_, e); j < n_.size() && place_c(at(n_, j)); j = next(n_, j))
      if (const std::string* s = suffix_at(j); s && ends_here(j + s->size(), false)) return true;
    return false;
  }
};

}  // namespace

void name_places(NameState& s) { PlaceRules(s).run(); }

}  // namespace jatei::claims::names
