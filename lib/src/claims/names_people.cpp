// People named in running text: a credit, a title or honorific after the name (or before a
// Latin one), a reading written with ・, a role in brackets.
#include <algorithm>

#include "claims/names.hpp"
#include "text/morph.hpp"

namespace jatei::claims::names {
namespace {

using detail::make;

// The text is one word for MeCab (仕様, 奥様), not a name and a suffix (田中様: 田中 + 様).
bool one_word(std::string_view t) {
  std::vector<text::Morph> ms;
  text::analyse_morphs(t, ms);
  return ms.size() == 1 && ms.front().pos2 != "人名";
}

class PeopleRules : NameRules {
 public:
  using NameRules::NameRules;
  void run() {
    credits();
    titled();
    titles_before();
    readings();
    roles_in_parens();
  }

 private:
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
      // 仕様, 同様, 奥様: the kanji and the honorific are one word (MeCab), no name and title
      if (title.honorific && chars <= 2 && one_word(n.substr(nb, te - nb))) return ne;
      // 先生 alone is a role (先生!); 孫会長 is a name.
      if (title.text == "先生" && chars < 2) return ne;
      // 聞くんです, 書くんだ: a verb stem, く and the explanatory ん, not 聞 + くん.
      if (title.text == "くん" && chars == 1) {
        std::string_view rest = n.substr(te);
        for (std::string_view tail : {"です", "だ", "じゃ", "でしょ", "ですけど", "だけど", "なら", "ですか"})
          if (rest.starts_with(tail)) return ne;
      }
      return surname_before_space(nb, chars);
    }
    if (text::hiragana_word(last)) return hiragana_given_name(ne);
    return ne;  // other characters name no one
  }

  // 森田 健一さん, 北村　里美君: a given name of one to three kanji starting at nb after one space
  // (a full-width one is a space once normalised), and before it a surname of one to three
  // kanji that opens the phrase (nothing but a non-name character before it): where the whole
  // name starts, or nb when the run before the space is no surname.
  std::size_t surname_before_space(std::size_t nb, std::size_t given_chars) const {
    std::string_view n = n_;
    if (given_chars > 3 || nb < 2 || before(n, nb) != ' ') return nb;
    std::size_t se = prev(n, nb);
    if (!is_kanji(before(n, se))) return nb;
    std::size_t sb = run_start(n, se, kanji_c);
    std::string_view surname = n.substr(sb, se - sb);
    std::size_t chars = text::length(surname);
    if (chars > 3 || w_.not_person(surname) || w_.common_noun(surname)) return nb;
    // 会長 山田さん: a title before the name, not a surname.
    for (auto& t : w_.titles)
      if (surname.ends_with(t.text)) return nb;
    char32_t p = before(n, sb);
    if (katakana_word(p) || is_ascii_alpha(p) || is_ascii_digit(p)) return nb;
    return sb;
  }

  // A surname of one to three kanji, then a given name of two to four hiragana (西田ゆかりさん,
  // 林さくら選手): where the name before ne starts, or ne. ～さん after hiragana alone is a word
  // (みなさん), and hiragana that open with a particle or a plural suffix or end in みな
  // (先生のみなさん, 先生とみなさん, 子どもさん, 私たちさん) continue the word before them, and
  // so do hiragana MeCab reads as an inflection (走り切った選手).
  std::size_t hiragana_given_name(std::size_t ne) const {
    std::string_view n = n_;
    std::size_t hb = run_start(n, ne, [](char32_t c) { return c >= 0x3041 && c <= 0x3096; });
    std::size_t given = text::length(n.substr(hb, ne - hb));
    if (given < 2 || given > 4 || !is_kanji(before(n, hb))) return ne;
    std::string_view g = n.substr(hb, ne - hb);
    static constexpr std::u32string_view kParticles = U"のがはをにもでへや";
    if (kParticles.find(at(n, hb)) != std::u32string_view::npos || g.ends_with("みな") || g.ends_with("みんな")) return ne;
    for (std::string_view suffix : {"たち", "ども", "がた", "ら"})
      if (g.starts_with(suffix)) return ne;
    std::size_t kb = run_start(n, hb, kanji_c);
    std::string_view surname = n.substr(kb, hb - kb);
    std::size_t chars = text::length(surname);
    if (chars < 1 || chars > 3 || w_.not_person(surname) || w_.common_noun(surname)) return ne;
    // The hiragana are no inflection (走り切った選手, 優勝した選手): MeCab reads no verb,
    // adjective, auxiliary or particle in them.
    std::vector<text::Morph> morphs;
    text::analyse_morphs(n.substr(kb, ne - kb), morphs);
    for (const text::Morph& m : morphs)
      if (m.end > hb - kb && (m.pos == text::Pos::verb || m.pos == text::Pos::adjective ||
                              m.pos == text::Pos::auxiliary || m.pos == text::Pos::particle))
        return ne;
    return kb;
  }

  // 3. A name followed by a title or an honorific.
  void titled() {
    std::string_view n = n_;
    // (Emily Baker)准教授: a title inside a longer one (教授 in 准教授) is not looked at again.
    std::size_t covered = 0;
    for (std::size_t i = 0; i < n.size(); i = next(n, i)) {
      const EntityWords::Title* best = i < covered ? nullptr : title_at(i);
      if (!best || i == 0) continue;
      std::size_t te = i + best->text.size();
      covered = te;
      if (is_ascii_alpha(best->text[0]) && is_ascii_alpha(at(n, te))) continue;
      // The name just before it (a space may separate a Latin name or a kanji name from CEO).
      std::size_t ne = i;
      if (before(n, ne) == ' ') ne = prev(n, ne);
      char32_t last = before(n, ne);
      std::size_t nb = name_before_title(ne, *best, te);
      if (nb == ne) continue;
      // 青葉市長 相沢典子氏: a role, then a space and a person's name: the title is that
      // person's, and the kanji before it (青葉市) is where, not a surname.
      if (!best->honorific && names_a_person_after(te)) continue;
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

  // After a space at te, a person's name (MeCab's 人名) opens.
  bool names_a_person_after(std::size_t te) const {
    std::string_view n = n_;
    if (!starts_with(n, te, " ") || !is_kanji(at(n, te + 1))) return false;
    std::size_t e = te + 1;
    for (int k = 0; k < 6 && e < n.size() && is_kanji(at(n, e)); ++k) e = next(n, e);
    std::vector<text::Morph> ms;
    text::analyse_morphs(n.substr(te + 1, e - te - 1), ms);
    return !ms.empty() && ms.front().pos1 == "固有名詞" && ms.front().pos2 == "人名";
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
      // 中川由佳(なかがわ・ゆか): a reading in parentheses right after a kanji name is how the
      // name is read; the person is the kanji before it.
      if (hira && before(n, b) == '(' && at(n, e) == ')') {
        std::size_t open = b - 1;
        std::size_t kb = run_start(n, open, kanji_c);
        std::size_t chars = text::length(n.substr(kb, open - kb));
        if (chars >= 2 && chars <= 6 && !w_.not_person(n.substr(kb, open - kb)) && !is_named(kb, open))
          name(kb, open, "persName");
        continue;
      }
      if (is_named(b, e)) continue;
      name(b, e, "persName");
    }
  }

  // 5. A kanji name with a role in parentheses: 山田亮(自動車アナリスト)
  void roles_in_parens() {
    std::string_view n = n_;
    each_parenthesis([&](std::size_t k, std::size_t close) {
      std::string_view inner = n.substr(k + 1, close - k - 1);
      if (text::length(inner) > 20) return;
      bool role = false;
      for (auto& r : w_.roles_in_parens)
        if (inner.find(r) != std::string_view::npos) role = true;
      if (!role) return;
      std::size_t b = run_start(n, k, kanji_c);
      std::size_t chars = text::length(n.substr(b, k - b));
      if (chars < 2 || chars > 4 || w_.not_person(n.substr(b, k - b)) || is_named(b, k)) return;
      name(b, k, "persName");
    });
  }
};

}  // namespace

void name_people(NameState& s) { PeopleRules(s).run(); }

}  // namespace jatei::claims::names
