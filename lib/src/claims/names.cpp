// Names of people, organisations and products: what a fact-checker looks up.
//
// Found on the NFKC copy of the sentence and mapped back to source bytes, by rules tried in a
// fixed order: the gazetteer first (names.tsv), then shapes a name takes in running text (a
// credit, a title or honorific after it, a reading written with ・, a role in brackets, an
// organisation's suffix, a company introduced by its kind, an alias in brackets, a product in
// brackets, a Latin model name). A rule never names a range an earlier rule named. The words
// the rules look for are in entities.tsv (EntityWords).
#include <algorithm>

#include "claims/entity_words.hpp"
#include "claims/spans.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;
using detail::make;

namespace {

// Start of the run of name characters that ends at e.
std::size_t run_start(std::string_view n, std::size_t e, bool (*pred)(char32_t)) {
  std::size_t b = e;
  while (b > 0) {
    char32_t c = before(n, b);
    if (!pred(c)) break;
    b = prev(n, b);
  }
  return b;
}

bool kanji_c(char32_t c) { return is_kanji(c); }
bool katakana_name_c(char32_t c) { return katakana_word(c) || c == 0x30FB; }
bool latin_name_c(char32_t c) { return is_ascii_alpha(c) || is_ascii_digit(c) || c == '-' || c == '.'; }
bool org_c(char32_t c) { return is_kanji(c) || katakana_word(c) || c == 0x30FB || is_ascii_alpha(c) || is_ascii_digit(c); }
bool latin_or_digit(char32_t c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

bool contains_katakana_or_latin(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); i = next(s, i)) {
    char32_t c = at(s, i);
    if (katakana_word(c) || is_ascii_alpha(c)) return true;
  }
  return false;
}

bool all_of_chars(std::string_view s, bool (*pred)(char32_t)) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); i = next(s, i))
    if (!pred(at(s, i))) return false;
  return true;
}

bool ends_with_any(std::string_view s, const std::vector<std::string>& words) {
  for (auto& w : words)
    if (s.ends_with(w)) return true;
  return false;
}

// The mentions of one sentence, built rule by rule.
class NameFinder {
 public:
  NameFinder(const Normalised& norm, const Gazetteer& gaz, const EntityWords& words)
      : norm_(norm), n_(norm.text), gaz_(gaz), w_(words), tech_(detail::technical_spans(n_)) {}

  std::vector<Mention> run() {
    gazetteer();
    credits();
    titled();
    titles_before();
    readings();
    roles_in_parens();
    org_suffixes();
    company_kinds();
    seats();
    aliases();
    products();
    model_names();
    std::sort(out_.begin(), out_.end(), [](const Mention& a, const Mention& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      return a.end > b.end;
    });
    out_.erase(std::unique(out_.begin(), out_.end()), out_.end());
    return std::move(out_);
  }

 private:
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  // A normalised range already named: what the later rules must not name again, and what the
  // alias rule copies. `index` points into out_ while the mention may still be extended.
  struct Named {
    std::size_t b, e;
    std::string element, type;
    std::size_t index = kNoIndex;
  };

  const Normalised& norm_;
  std::string_view n_;
  const Gazetteer& gaz_;
  const EntityWords& w_;
  std::vector<detail::Range> tech_;
  std::vector<Mention> out_;
  std::vector<Named> named_;

  void add(std::size_t b, std::size_t e, const std::string& element, const std::string& type = {}) {
    Mention m = make(norm_, b, e, element);
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

  // 2. Credits: 著者:谷田部卓, 聞き手:佐藤あかね
  void credits() {
    std::string_view n = n_;
    if (n.find(':') == std::string_view::npos) return;
    for (auto& label : w_.credits) {
      for (std::size_t k = 0; (k = n.find(label, k)) != std::string_view::npos; k += label.size()) {
        char32_t p = before(n, k);
        if (p && !is_white_space(p) && p != '(' && p != 0x3001 && p != 0x30FB && p != '/') continue;
        std::size_t b = k + label.size();
        if (!starts_with(n, b, ":")) continue;
        ++b;
        while (b < n.size() && at(n, b) == ' ') ++b;
        std::size_t e = b;
        int chars = 0;
        while (e < n.size() && (is_kanji(at(n, e)) || (hiragana_word(at(n, e)) && chars > 0)) && chars < 8) {
          e = next(n, e);
          ++chars;
        }
        char32_t a = at(n, e);
        if (chars < 2 || !(a == 0 || is_white_space(a) || a == ')' || a == 0x3001 || a == 0x30FB || a == '/' || a == 0x3002))
          continue;
        if (ends_with_any(n.substr(b, e - b), w_.desks)) continue;
        if (!is_named(b, e)) name(b, e, "persName");
      }
    }
  }

  // The longest title that starts at i, or null.
  const EntityWords::Title* title_at(std::size_t i) const {
    if (std::find(w_.title_first.begin(), w_.title_first.end(), at(n_, i)) == w_.title_first.end()) return nullptr;
    const EntityWords::Title* best = nullptr;
    for (auto& t : w_.titles)
      if (starts_with(n_, i, t.text) && (!best || t.text.size() > best->text.size())) best = &t;
    return best;
  }

  // Where the name before a title ending at ne starts (ne when there is none).
  std::size_t name_before_title(std::size_t ne, const EntityWords::Title& title, std::size_t te) const {
    std::string_view n = n_;
    char32_t last = before(n, ne);
    if (katakana_word(last) && last != 0x30FB) {
      std::size_t nb = run_start(n, ne, katakana_name_c);
      if (title.honorific && w_.common_noun(n.substr(nb, ne - nb))) return ne;  // スタッフさん
      return text::length(n.substr(nb, ne - nb)) < 2 ? ne : nb;
    }
    if (is_ascii_alpha(last)) {
      std::size_t nb = run_start(n, ne, latin_name_c);
      // Two capitalised words: Sam Altman
      if (nb >= 2 && before(n, nb) == ' ' && is_ascii_alpha(before(n, nb - 1))) {
        std::size_t nb2 = run_start(n, nb - 1, latin_name_c);
        if (is_ascii_upper(at(n, nb2)) && is_ascii_upper(at(n, nb))) nb = nb2;
      }
      return is_ascii_upper(at(n, nb)) ? nb : ne;
    }
    if (is_kanji(last)) {
      std::size_t nb = run_start(n, ne, kanji_c);
      std::string_view run = n.substr(nb, ne - nb);
      std::size_t chars = text::length(run);
      if (chars > 4 || w_.not_person(run)) return ne;
      if (title.honorific && w_.common_noun(run)) return ne;  // お客さん, 運転手さん: no one named
      // 先生 alone is a role (先生!); 孫会長 is a name.
      if (title.text == "先生" && chars < 2) return ne;
      // 聞くんです, 書くんだ: a verb stem, く and the explanatory ん, not 聞 + くん.
      if (title.text == "くん" && chars == 1) {
        std::string_view rest = n.substr(te);
        for (std::string_view tail : {"です", "だ", "じゃ", "でしょ", "ですけど", "だけど", "なら", "ですか"})
          if (rest.starts_with(tail)) return ne;
      }
      return nb;
    }
    return ne;  // ～さん after hiragana is a word (みなさん), not a name; other characters name no one
  }

  // 3. A name followed by a title or an honorific.
  void titled() {
    std::string_view n = n_;
    for (std::size_t i = 0; i < n.size(); i = next(n, i)) {
      const EntityWords::Title* best = title_at(i);
      if (!best || i == 0) continue;
      std::size_t te = i + best->text.size();
      if (is_ascii_alpha(best->text[0]) && is_ascii_alpha(at(n, te))) continue;
      // The name just before it (a space may separate a Latin name or a kanji name from CEO).
      std::size_t ne = i;
      if (before(n, ne) == ' ') ne = prev(n, ne);
      char32_t last = before(n, ne);
      std::size_t nb = name_before_title(ne, *best, te);
      if (nb == ne) continue;
      // アグリノーツ代表・中村健太氏: a company, its title, then the person.
      if (!best->honorific && starts_with(n, te, "・") && (is_kanji(at(n, te + 3)) || katakana_word(at(n, te + 3)))) {
        if (!is_named(nb, ne) && !is_kanji(last)) name(nb, ne, "orgName");
        continue;
      }
      if (is_named(nb, ne)) {
        // A known person with a title (トランプ大統領): the title joins the name.
        auto it = std::find_if(named_.begin(), named_.end(), [&](const Named& x) {
          return x.b == nb && x.e == ne && x.element == "persName" && x.index != kNoIndex;
        });
        if (it == named_.end()) continue;
        out_[it->index] = make(norm_, nb, te, "persName");
        it->e = te;
        it->index = kNoIndex;
      } else {
        name(nb, te, "persName");
      }
      Mention part = make(norm_, i, te, best->honorific ? "addName" : "roleName");
      if (best->honorific) part.attrs.set("type", "honorific");
      out_.push_back(std::move(part));
    }
  }

  // A title before a Latin name: 創業者Karpathy, CEOのSatya Nadella
  void titles_before() {
    std::string_view n = n_;
    for (auto& t : w_.titles_before) {
      for (std::size_t k = 0; (k = n.find(t, k)) != std::string_view::npos; k += t.size()) {
        std::size_t b = k + t.size();
        if (starts_with(n, b, "の")) b += 3;
        if (at(n, b) == ' ') ++b;
        if (!is_ascii_upper(at(n, b))) continue;
        std::size_t e = b;
        while (e < n.size() && is_ascii_alpha(at(n, e))) ++e;
        if (at(n, e) == ' ' && is_ascii_upper(at(n, e + 1))) {
          std::size_t e2 = e + 1;
          while (e2 < n.size() && is_ascii_alpha(at(n, e2))) ++e2;
          e = e2;
        }
        if (e - b < 3 || is_named(b, e) || is_ascii_digit(at(n, e)) || at(n, e) == '-') continue;
        name(b, e, "persName");
      }
    }
  }

  // 4. Reading names and foreign names written with ・ : なかむら・けんた, サム・アルトマン
  void readings() {
    std::string_view n = n_;
    for (std::size_t k = 0; (k = n.find("・", k)) != std::string_view::npos; k += 3) {
      bool hira = hiragana_word(before(n, k)) && hiragana_word(at(n, k + 3));
      bool kata = katakana_word(before(n, k)) && before(n, k) != 0x30FB && katakana_word(at(n, k + 3));
      if (!hira && !kata) continue;
      auto pred = hira ? +[](char32_t c) { return hiragana_word(c); } : +[](char32_t c) { return katakana_word(c) && c != 0x30FB; };
      std::size_t b = run_start(n, k, pred);
      std::size_t e = k + 3;
      while (e < n.size() && pred(at(n, e))) e = next(n, e);
      std::size_t l1 = text::length(n.substr(b, k - b)), l2 = text::length(n.substr(k + 3, e - k - 3));
      if (l1 < 2 || l2 < 2 || l1 > 8 || l2 > 8) continue;
      if (katakana_word(before(n, b)) || before(n, b) == 0x30FB || at(n, e) == 0x30FB) continue;
      if (is_named(b, e)) continue;
      name(b, e, "persName");
    }
  }

  // 5. A kanji name with a role in parentheses: 山田亮(自動車アナリスト)
  void roles_in_parens() {
    std::string_view n = n_;
    for (std::size_t k = 0; (k = n.find('(', k)) != std::string_view::npos; ++k) {
      std::size_t close = n.find(')', k);
      if (close == std::string_view::npos) break;
      std::string_view inner = n.substr(k + 1, close - k - 1);
      if (text::length(inner) > 20) continue;
      bool role = false;
      for (auto& r : w_.roles_in_parens)
        if (inner.find(r) != std::string_view::npos) role = true;
      if (!role) continue;
      std::size_t b = run_start(n, k, kanji_c);
      std::size_t chars = text::length(n.substr(b, k - b));
      if (chars < 2 || chars > 4 || w_.not_person(n.substr(b, k - b)) || is_named(b, k)) continue;
      name(b, k, "persName");
    }
  }

  // The longest organisation suffix that starts at i, or null.
  const EntityWords::OrgSuffix* org_suffix_at(std::size_t i) const {
    if (std::find(w_.org_suffix_first.begin(), w_.org_suffix_first.end(), at(n_, i)) == w_.org_suffix_first.end())
      return nullptr;
    const EntityWords::OrgSuffix* best = nullptr;
    for (auto& s : w_.org_suffixes)
      if (starts_with(n_, i, s.text) && (!best || s.text.size() > best->text.size())) best = &s;
    return best;
  }

  // X株式会社 or 株式会社X, the suffix at [i, e).
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
      bool kabushiki = best && best->text == "株式会社";
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
    for (std::size_t k = 0; (k = n.find('(', k)) != std::string_view::npos; ++k) {
      std::size_t close = n.find(')', k);
      if (close == std::string_view::npos) break;
      std::string_view inner = n.substr(k + 1, close - k - 1);
      if (text::length(inner) > 12 || inner.empty()) continue;
      if (!ends_with_any(inner, w_.seat_suffixes) || !all_of_chars(inner, kanji_c)) continue;
      std::size_t b = run_start(n, k, org_c);
      if (text::length(n.substr(b, k - b)) < 2 || !contains_katakana_or_latin(n.substr(b, k - b)) || is_named(b, k)) continue;
      name(b, k, "orgName");
    }
  }

  // 8. Aliases: X(Y) where one side is a name: 台湾積体電路製造(TSMC), Stargate(スターゲート)
  void aliases() {
    std::string_view n = n_;
    for (std::size_t k = 0; (k = n.find('(', k)) != std::string_view::npos; ++k) {
      std::size_t close = n.find(')', k);
      if (close == std::string_view::npos) break;
      std::size_t ib = k + 1, ie = close;
      std::size_t ob = run_start(n, k, org_c);
      if (ob == k || ie <= ib) continue;
      if (!all_of_chars(n.substr(ib, ie - ib), org_c)) continue;
      const Named* inner = nullptr;
      const Named* outer = nullptr;
      for (auto& x : named_) {
        if (x.b == ib && x.e == ie) inner = &x;
        if (x.e == k && x.b >= ob) outer = &x;
      }
      if (inner && inner->element == "persName") inner = nullptr;
      if (outer && outer->element == "persName") outer = nullptr;
      if (ends_with_any(n.substr(ib, ie - ib), w_.seat_suffixes)) continue;  // a seat (7. above), not an alias
      if (inner && !outer && !is_named(ob, k) && text::length(n.substr(ob, k - ob)) <= 20) {
        Named copy = *inner;
        name(ob, k, copy.element, copy.type);
      } else if (outer && !inner && !is_named(ib, ie) && text::length(n.substr(ib, ie - ib)) <= 20) {
        Named copy = *outer;
        name(ib, ie, copy.element, copy.type);
      }
    }
  }

  // 9. Products named in brackets after a product noun: チップ「Willow」, 推論AI「o3-mini」
  void products() {
    std::string_view n = n_;
    if (n.find("「") == std::string_view::npos) return;
    for (auto& pn : w_.product_nouns) {
      for (std::size_t k = 0; (k = n.find(pn, k)) != std::string_view::npos; k += pn.size()) {
        std::size_t b = k + pn.size();
        if (!starts_with(n, b, "「")) continue;
        std::size_t close = n.find("」", b);
        if (close == std::string_view::npos) continue;
        std::size_t ib = b + 3;
        std::string_view inner = n.substr(ib, close - ib);
        if (inner.empty() || text::length(inner) > 24 || inner.find('(') != std::string_view::npos ||
            inner.find("、") != std::string_view::npos || inner.find("。") != std::string_view::npos)
          continue;
        if (is_named(ib, close)) continue;
        name(ib, close, "name", "product");
      }
    }
  }

  // 10. Latin model names: DeepSeek-R1, o3-mini, MS-1, GPT-4
  void model_names() {
    std::string_view n = n_;
    for (std::size_t i = 0; i < n.size();) {
      char32_t c = at(n, i);
      if (!is_ascii_alpha(c) || latin_or_digit(before(n, i)) || detail::inside(tech_, i)) {
        i = next(n, i);
        continue;
      }
      std::size_t e = i;
      bool digit = false, hyphen = false;
      while (e < n.size()) {
        char32_t d = at(n, e);
        if (latin_or_digit(d)) {
          digit = digit || is_ascii_digit(d);
          ++e;
        } else if (d == '-' && e + 1 < n.size() && latin_or_digit(at(n, e + 1))) {
          hyphen = true;
          ++e;
        } else {
          break;
        }
      }
      if (digit && hyphen && !is_named(i, e)) name(i, e, "name", "product");
      i = e;
    }
  }
};

}  // namespace

std::vector<Mention> find_names(std::string_view sentence, const Gazetteer& gaz) {
  return find_names(sentence, normalise(sentence), gaz);
}

std::vector<Mention> find_names(std::string_view, const Normalised& norm, const Gazetteer& gaz) {
  return NameFinder(norm, gaz, EntityWords::builtin()).run();
}

}  // namespace jatei::claims
