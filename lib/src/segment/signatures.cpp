// Signatures: a short line that names the person who wrote the text under it by role and name
// (ひばり不動産 北浜店　営業担当・森下 over the agent's comment, 店長　山田 over the shop's
// message) is that text's byline, not a heading over it (sections.cpp keeps it in the article,
// render.cpp opens a division at it). And the other way round: a credit's shape in brackets alone
// on its line that the document repeats over what is said (（記者） … （知事） … （記者） …, as a
// press conference's transcript writes who speaks) is a speaker's label, not a byline.
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <unordered_map>

namespace jatei::seg {

namespace {

// The name after a role: one to ten letters of kanji, katakana or the Latin alphabet, with
// spaces or ・ between (森下, 森下 健, ケン・モリ), no figure, no hiragana, no punctuation.
bool is_signed_name(std::string_view s) {
  s = trim(s);
  if (s.empty()) return false;
  std::size_t letters = 0;
  for (text::CodePoint cp : text::code_points(s)) {
    char32_t c = cp.c;
    if (text::is_kanji(c) || text::is_katakana(c) || text::is_latin(c) || c == U'ー' || c == U'々') ++letters;
    else if (!is_space(c) && c != U'・' && c != U'.') return false;
  }
  return letters >= 1 && letters <= 10;
}

bool is_separator(char32_t c) { return is_space(c) || c == U'・' || c == U'：' || c == ':'; }

}  // namespace

bool Pass::is_signature(const Line& l) const {
  if (l.chars > 40 || l.chars < 3) return false;
  std::string_view c = l.content();
  if (ends_like_sentence(c) || has_clause_punctuation(c) || has_digit(c) || c.ends_with("？") || c.ends_with("?"))
    return false;
  for (const RuleEntry& e : rules_.section("signature-role")) {
    const std::string& role = e.pattern;
    if (role.empty()) continue;
    for (std::size_t at = c.find(role); at != std::string_view::npos; at = c.find(role, at + 1)) {
      std::size_t len = 0;
      // The role stands at the start of the line or of a cell (after a space or ・) …
      if (at > 0 && !is_separator(utf8::decode_before(c, at, len))) continue;
      std::size_t end = at + role.size();
      if (end >= c.size()) continue;
      // … and a separator and the name follow it, to the end of the line.
      char32_t sep = utf8::decode(c, end, len);
      if (!is_separator(sep)) continue;
      std::string_view name = c.substr(end + len);
      while (!name.empty() && is_separator(utf8::decode(name, 0, len))) name.remove_prefix(len);
      if (is_signed_name(name)) return true;
    }
  }
  return false;
}

bool Pass::is_org_line(const Line& l) const {
  std::string_view c = l.content();
  if ((l.kind != LineKind::para && l.kind != LineKind::section_head) || l.chars > 30 || l.chars < 3 ||
      ends_like_sentence(c) || has_clause_punctuation(c) || has_date_or_time(c) || c.ends_with("？") || c.ends_with("?"))
    return false;
  // A name may hold kana (みどりの輪), a clause holds its particles and is longer (株式会社…が新
  // サービスを開始).
  if (has_hiragana(c) && (l.chars > 20 || c.find("が") != std::string_view::npos || c.find("を") != std::string_view::npos))
    return false;
  return rules_.matches_whole("org-form", c);
}

// A desk's credit signs an article once ((経済部　佐藤健一), （社会部記者）); a line in brackets that
// the document writes again and again, word for word, each time over text, says who speaks next
// (（記者） / 北海新報の村田です。… / （知事） / …): at least two of the same line, among at least
// three lines alone in brackets of that kind, each over a body line. They become plain lines,
// which the speaker stage reads as labels.
void mark_repeated_label_lines(Plan& plan) {
  struct Labels : Pass {
    explicit Labels(Plan& p) : Pass(p) {}
    static bool bracketed(std::string_view c) {
      return (c.starts_with("（") && c.ends_with("）")) || (c.starts_with("(") && c.ends_with(")")) ||
             (c.starts_with("【") && c.ends_with("】"));
    }
    void run() {
      std::unordered_map<std::string_view, std::size_t> said;
      std::size_t alone = 0;
      for (std::size_t i = 0; i < lines_.size(); ++i) {
        const Line& l = lines_[i];
        if (l.kind == LineKind::blank || l.chars > 30 || !bracketed(l.content())) continue;
        std::size_t n = next_nonblank(i);
        // (what is said under it: a sentence, or a list; the page's punctuation is not known yet)
        if (n == npos || (!is_body(n) && !(lines_[n].kind == LineKind::para && ends_like_sentence(lines_[n].content()))))
          continue;
        ++said[l.content()];
        ++alone;
      }
      if (alone < 3) return;
      for (std::size_t i = 0; i < lines_.size(); ++i) {
        Line& l = lines_[i];
        if ((l.kind != LineKind::credit && l.kind != LineKind::byline) || l.chars > 30 || !bracketed(l.content())) continue;
        auto s = said.find(l.content());
        if (s != said.end() && s->second >= 2) l.kind = LineKind::para;
      }
    }
  };
  Labels(plan).run();
}

void mark_signatures(Plan& plan) {
  struct Signatures : Pass {
    explicit Signatures(Plan& p) : Pass(p) {}
    void run() {
      std::size_t first = first_nonblank();
      for (std::size_t i = 0; i < lines_.size(); ++i) {
        Line& l = lines_[i];
        if (i == first || l.kind != LineKind::para || !is_signature(l)) continue;
        // Over the text the person wrote: a paragraph of sentences, a list, a statement.
        std::size_t n = next_nonblank(i);
        if (n == npos) continue;
        const Line& t = lines_[n];
        if (is_body(n) || t.kind == LineKind::bullet || t.kind == LineKind::number || is_statement(t))
          l.kind = LineKind::byline;
      }
    }
  };
  Signatures(plan).run();
}

}  // namespace jatei::seg
