// Organisations named in running text: by a suffix (機関, 協議会, 株式会社 before or after),
// by the kind of company that introduces them, by their seat in brackets.
#include <algorithm>

#include "claims/names.hpp"

namespace jatei::claims::names {
namespace {

using detail::make;

class OrgRules : NameRules {
 public:
  using NameRules::NameRules;
  void run() {
    org_suffixes();
    company_kinds();
    seats();
  }

 private:
  // The longest organisation suffix that starts at i, or null.
  const EntityWords::OrgSuffix* org_suffix_at(std::size_t i) const {
    if (std::find(w_.org_suffix_first.begin(), w_.org_suffix_first.end(), at(n_, i)) == w_.org_suffix_first.end())
      return nullptr;
    const EntityWords::OrgSuffix* best = nullptr;
    for (auto& s : w_.org_suffixes)
      if (starts_with(n_, i, s.text) && (!best || s.text.size() > best->text.size())) best = &s;
    return best;
  }

  // X株式会社 or 株式会社X, X(株) or (株)X: the suffix at [i, e).
  void kabushiki_gaisha(std::size_t i, std::size_t e) {
    std::string_view n = n_;
    // X株式会社: a name run before it (サイバーダイン株式会社の) is the name, with the suffix.
    std::size_t b = run_start(n, i, org_c);
    if (b < i && !is_ascii_digit(at(n, b)) && !w_.generic(n.substr(b, i - b)) && !is_named(b, e)) {
      name(b, e, "orgName");
      return;
    }
    // 株式会社X: the name follows.
    std::size_t e2 = e;
    while (e2 < n.size() && org_c(at(n, e2))) e2 = next(n, e2);
    if (e2 > e && !is_named(i, e2)) name(i, e2, "orgName");
  }

  // 6. Organisation suffixes: 国際エネルギー機関, フィッシング対策協議会, MdN社
  void org_suffixes() {
    std::string_view n = n_;
    for (std::size_t i = 0; i < n.size(); i = next(n, i)) {
      const EntityWords::OrgSuffix* best = org_suffix_at(i);
      bool kabushiki = best && best->either;
      if (!best || (i == 0 && !kabushiki)) continue;  // 株式会社X may open the sentence
      std::size_t e = i + best->text.size();
      // The suffix ends the name (東京工業研究所: not 東京工業), unless a part of the body follows.
      if (org_c(at(n, e)) && !kabushiki) {
        bool part = false;
        for (auto& pt : w_.org_parts)
          if (starts_with(n, e, pt)) part = true;
        if (!part) continue;
      }
      if (kabushiki) {
        kabushiki_gaisha(i, e);
        continue;
      }
      std::size_t b = run_start(n, i, org_c);
      if (b == i) continue;
      std::string_view run = n.substr(b, i - b);
      if (best->needs_foreign && !all_of_chars(run, +[](char32_t c) { return katakana_word(c) || is_ascii_alpha(c) || c == 0x30FB; }))
        continue;
      // A word that refers back (同社) or a leading number or date (2021年創業…) is no name.
      if (w_.generic(run) || is_ascii_digit(at(n, b))) continue;
      if (is_named(b, e)) continue;
      name(b, e, "orgName");
    }
  }

  // 7. A company introduced by its kind: 半導体スタートアップのミナトセミコン
  void company_kinds() {
    std::string_view n = n_;
    for (auto& kw : w_.company_kinds) {
      for (std::size_t k = 0; (k = n.find(kw, k)) != std::string_view::npos; k += kw.size()) {
        // 株式会社 is a suffix or prefix (6. above): X株式会社のロボットスーツ names no company.
        if (kw == "会社" && k >= 6 && n.substr(k - 6, 6) == "株式") continue;
        std::size_t b = k + kw.size();
        if (starts_with(n, b, "の")) b += 3;
        else if (starts_with(n, b, "、")) b += 3;
        char32_t c = at(n, b);
        if (!katakana_word(c) && !is_ascii_upper(c)) continue;
        std::size_t e = b;
        while (e < n.size() && (katakana_word(at(n, e)) || is_ascii_alpha(at(n, e)) || at(n, e) == 0x30FB)) e = next(n, e);
        if (text::length(n.substr(b, e - b)) < 3 || is_named(b, e)) continue;
        char32_t a = at(n, e);
        if (is_kanji(a) && a != U'社') continue;  // 企業のデータセンター事業…: a common noun
        name(b, e, "orgName");
      }
    }
  }

  // ... or by its seat in brackets: ミナトセミコン(東京都港区)
  void seats() {
    std::string_view n = n_;
    each_parenthesis([&](std::size_t k, std::size_t close) {
      std::string_view inner = n.substr(k + 1, close - k - 1);
      if (text::length(inner) > 12 || inner.empty()) return;
      if (!ends_with_any(inner, w_.seat_suffixes) || !all_of_chars(inner, kanji_c)) return;
      std::size_t b = run_start(n, k, org_c);
      if (text::length(n.substr(b, k - b)) < 2 || !contains_katakana_or_latin(n.substr(b, k - b)) || is_named(b, k)) return;
      name(b, k, "orgName");
    });
  }
};

}  // namespace

void name_organisations(NameState& s) { OrgRules(s).run(); }

}  // namespace jatei::claims::names
