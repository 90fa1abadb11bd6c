// Names of people, organisations and products: what a fact-checker looks up.
//
// Found on the NFKC copy of the sentence and mapped back to source bytes, by rules tried in a
// fixed order: the gazetteer first (names.tsv), then shapes a name takes in running text (a
// credit, a title or honorific after it, a reading written with ・, a role in brackets, an
// organisation's suffix, a company introduced by its kind, an alias in brackets, a product in
// brackets, a Latin model name). A rule never names a range an earlier rule named. The words
// the rules look for are in entities.tsv (EntityWords).
#include <algorithm>

#include "claims/names.hpp"

namespace jatei::claims {
namespace names {
namespace {

class GazetteerRule : NameRules {
 public:
  using NameRules::NameRules;
  void run() { gazetteer(); }

 private:
  // 1. Gazetteer: longest match, with word boundaries for Latin and katakana entries.
  void gazetteer() {
    std::string_view n = n_;
    for (std::size_t i = 0; i < n.size();) {
      if (detail::inside(tech_, i)) {
        i = next(n, i);
        continue;
      }
      std::size_t len = 0;
      const NameEntry* e = gaz_.match_at(n, i, len);
      if (e && stands_as_word(i, i + len)) {
        add(i, i + len, e->element, e->type);
        named_.push_back({i, i + len, e->element, e->type, out_.size() - 1});
        i += len;
        continue;
      }
      i = next(n, i);
    }
  }

  // A Latin or katakana match is not part of a longer word (Meta is not in Metadata).
  bool stands_as_word(std::size_t b, std::size_t e) const {
    std::string_view n = n_;
    char32_t first = at(n, b), last = before(n, e), p = before(n, b), a = at(n, e);
    if (latin_or_digit(first) && latin_or_digit(p)) return false;
    if (latin_or_digit(last) && (latin_or_digit(a) || (a == '-' && latin_or_digit(at(n, e + 1))))) return false;
    if (katakana_word(first) && katakana_word(p) && p != 0x30FB) return false;
    if (katakana_word(last) && katakana_word(a) && a != 0x30FB) return false;
    return true;
  }
};

}  // namespace

void name_from_gazetteer(NameState& s) { GazetteerRule(s).run(); }

}  // namespace names

std::vector<Mention> find_names(std::string_view sentence, const Gazetteer& gaz) {
  return find_names(sentence, normalise(sentence), gaz);
}

std::vector<Mention> find_names(std::string_view, const Normalised& norm, const Gazetteer& gaz) {
  names::NameState s{norm, gaz, EntityWords::builtin(), detail::technical_spans(norm.text), {}, {}};
  names::name_from_gazetteer(s);
  names::name_people(s);
  names::name_organisations(s);
  names::name_places(s);
  names::name_products(s);
  std::sort(s.out.begin(), s.out.end(), [](const Mention& a, const Mention& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  s.out.erase(std::unique(s.out.begin(), s.out.end()), s.out.end());
  return std::move(s.out);
}

}  // namespace jatei::claims
