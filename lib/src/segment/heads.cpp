// The short lines that head what follows them, decided once the page's furniture is known: lists
// without marks under a heading (and the heading over three or more such lines), titles behind
// the bracketed labels a document repeats, the heads of the part of a page that holds its
// entries, short lines between a block and the body they head, a noun phrase alone between
// sentences, and the headings that name a summary. The last step of mark_furniture
// (furniture.cpp).
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace jatei::seg {
namespace {

class Heads : Pass {
 public:
  explicit Heads(Plan& p) : Pass(p) {}

  void run() {
    mark_plain_lists();
    mark_label_heads();
    mark_entries_heads();
    mark_short_heads();
    mark_summary_heads();
  }

 private:
  // Lists without marks, in a text whose paragraphs end with punctuation: a run of short lines
  // that are not sentences (no full stop, no final particle, no date), under a heading, are the
  // items of a list; after body text, a run of three or more is a heading over such items
  // (この記事でやること / …を暗号化する / …で毎晩動かす / …を確かめる; まとめ / …).
  void mark_plain_lists() {
    if (!punctuated_) return;
    auto item_like = [&](std::size_t j) {
      if (j == npos) return false;
      const Line& l = lines_[j];
      if (l.kind != LineKind::para || l.chars > 60 || l.chars < 2 || l.dateline || l.r_count != 1) return false;
      std::string_view c = l.content();
      if (ends_like_sentence(c) || has_date_or_time(c) || c.ends_with("：") || c.ends_with(":") ||
          (c.starts_with("（") && c.ends_with("）")) || (c.starts_with("(") && c.ends_with(")")) ||
          rules_.matches_whole("final-particle", c))
        return false;
      std::size_t len = 0;
      char32_t f = utf8::decode(c, 0, len);
      static constexpr std::u32string_view kNotFirst = U"「『“\"―—‐-－…@＠>＞〈<〔［[:#";
      if (kNotFirst.find(f) != std::u32string_view::npos) return false;
      // 第1部 / 第2章: a chain of section headings, not a list.
      std::size_t len2 = 0;
      if (f == U'第' && len < c.size() && text::is_digit(utf8::decode(c, len, len2))) return false;
      return true;
    };
    // A line said again elsewhere (a speaker's name over each of its speech bubbles) is no item.
    std::unordered_map<std::string_view, std::size_t> said;
    for (const Line& l : lines_)
      if (l.kind != LineKind::blank && l.chars <= 60) ++said[l.content()];
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (!item_like(i)) continue;
      std::vector<std::size_t> run{i};
      for (std::size_t j = next_nonblank(i); item_like(j); j = next_nonblank(j)) run.push_back(j);
      // The last one over a list (環境 over its rows) heads that list.
      if (std::size_t n = next_nonblank(run.back()); run.size() > 1 && n != npos &&
          (lines_[n].kind == LineKind::bullet || lines_[n].kind == LineKind::number) && could_head(lines_[run.back()]))
        run.pop_back();
      if (std::any_of(run.begin(), run.end(), [&](std::size_t k) { return said[lines_[k].content()] > 1; })) {
        i = run.back();
        continue;
      }
      std::size_t p = prev_nonblank(i), from = npos;
      if (p != npos && lines_[p].kind == LineKind::section_head && run.size() >= 2) from = 0;
      else if (p != npos && lines_[p].kind == LineKind::para && is_body(p) && run.size() >= 3 && could_head(lines_[i]))
        from = 1;
      if (from == 1) {
        std::string_view c = lines_[i].content();
        bool summary = cues_.summary_head.whole(c);
        lines_[i].kind = summary ? LineKind::summary_head : LineKind::section_head;
      }
      if (from != npos)
        for (std::size_t k = from; k < run.size(); ++k) lines_[run[k]].kind = LineKind::bullet;
      i = run.back();
    }
  }

  // A short title behind a bracketed label ([スライド3]連結業績の概要, 〔解説〕なぜ遅れたか, ［第2部］
  // 町の未来): where the document opens two or more lines so, with the same bracket and each time
  // another label, each over body text, they head what follows them. (A label said again is a
  // speaker's, ［司会］…; a sentence, a date or a clause's punctuation is no title; 【】 and
  // the marks of [section-head] are found by their own rules.)
  void mark_label_heads() {
    static constexpr std::u32string_view kOpen = U"［[〈〔＜<《≪";
    static constexpr std::u32string_view kClose = U"］]〉〕＞>》≫";
    // The label of a line that opens so, and whether the text after it could be a title.
    auto label_of = [&](const Line& l, char32_t& open) -> std::string_view {
      if (l.kind != LineKind::para || l.chars > 40 || l.dateline) return {};
      std::string_view c = l.content();
      std::size_t len = 0;
      open = utf8::decode(c, 0, len);
      std::size_t b = kOpen.find(open);
      if (b == std::u32string_view::npos) return {};
      std::string close;
      utf8::append(close, kClose[b]);
      std::size_t end = c.find(close, len);
      if (end == std::string_view::npos || end == len || count_chars(c.substr(len, end - len), 16) > 15) return {};
      std::string_view title = trim(c.substr(end + close.size()));
      if (title.empty() || ends_like_sentence(title) || title.ends_with("？") || title.ends_with("?") ||
          has_clause_punctuation(title) || has_date_or_time(c) || title.ends_with("：") || title.ends_with(":") ||
          rules_.matches_whole("final-particle", title))
        return {};
      return c.substr(0, end + close.size());
    };
    std::vector<std::size_t> found;
    std::unordered_map<std::string_view, std::size_t> labels;
    std::unordered_map<char32_t, std::size_t> brackets;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      char32_t open = 0;
      std::string_view label = label_of(lines_[i], open);
      if (label.empty()) continue;
      found.push_back(i);
      ++labels[label];
      ++brackets[open];
    }
    for (std::size_t i : found) {
      char32_t open = 0;
      std::string_view label = label_of(lines_[i], open);
      if (brackets[open] < 2 || labels[label] > 1 || !is_body(next_nonblank(i))) continue;
      lines_[i].kind = LineKind::section_head;
    }
  }

  // The head of the part of a page that holds its entries (a Q&A site's ベストアンサー and その他の
  // 回答（2件）, a recipe's つくれぽ（128件）, 回答 (3件中 1〜3件)): a short line, no sentence, that
  // [entries-head] names, or that holds a word of [entries-word] and ends with a count in brackets
  // (（3件）, (3), （全12件）, (3件中 1〜3件)), over something, is a heading.
  void mark_entries_heads() {
    const std::vector<RuleEntry>& words = rules_.section("entries-word");
    auto ends_with_count = [](std::string_view c) {
      bool full = c.ends_with("）");
      if (!full && !c.ends_with(")")) return false;
      std::size_t open = full ? c.rfind("（") : c.rfind('(');
      if (open == std::string_view::npos) return false;
      std::string_view in = c.substr(open + (full ? 3 : 1));
      in.remove_suffix(full ? 3 : 1);
      if (in.starts_with("全")) in.remove_prefix(3);
      std::size_t at = 0, digits = 0, len = 0;
      while (at < in.size() && is_ascii_digit_or_fw(utf8::decode(in, at, len))) at += len, ++digits;
      return digits >= 1 && digits <= 5 && (at == in.size() || in.substr(at).starts_with("件"));
    };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind != LineKind::para || l.chars > 30 || next_nonblank(i) == npos) continue;
      std::string_view c = l.content();
      if (ends_like_sentence(c) || c.ends_with("？") || c.ends_with("?")) continue;
      bool named = rules_.matches_whole("entries-head", c);
      if (!named && ends_with_count(c) && c.find("。") == std::string_view::npos && c.find("、") == std::string_view::npos)
        named = std::any_of(words.begin(), words.end(),
                            [&](const RuleEntry& e) { return c.find(e.pattern) != std::string_view::npos; });
      if (named) l.kind = LineKind::section_head;
    }
  }

  void mark_short_heads() {
    std::size_t first = first_nonblank();
    // A short line between a block and the body text it heads (変更の理由, 材料（2人分）,
    // ★塩レモンだれ over a list).
    // What a heading may head: body text, a line of code (検索してみる over the query), a
    // statement wholly in 「」 (a comment under the name of who made it).
    // So is a long paragraph however it ends (a casual sentence without 。), and one that ends
    // with a quotation (山田監督「…」), or a statement with who said it (「…」（出店者・山本さん）):
    // what is twice a heading's length, or closes what someone says, is no heading itself (a
    // name with its reading in brackets, 小田切 誠一（おだぎり・せいいち）, is none of these).
    auto headed = [&](std::size_t j) {
      if (is_body(j)) return true;
      if (j == npos) return false;
      const Line& t = lines_[j];
      if (t.kind == LineKind::code || is_statement(t)) return true;
      if (t.kind != LineKind::para) return false;
      std::string_view c = t.content();
      return t.chars > 60 || (t.chars > 15 && (c.ends_with("」") || c.ends_with("』")));
    };
    // A line said again elsewhere (a speaker's name over each of its speech bubbles) names
    // someone rather than heading a part.
    std::unordered_map<std::string_view, std::size_t> said;
    for (const Line& l : lines_)
      if (l.kind != LineKind::blank && l.chars <= 15) ++said[l.content()];
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (i == first || !could_head(l)) continue;
      std::size_t p = prev_nonblank(i), n = next_nonblank(i);
      if (p == npos) continue;
      if (lines_[p].kind == LineKind::para && could_head(lines_[p])) continue;  // a run of short lines
      // The title of a post under its header (not a heading under the last row of a timetable,
      // 14:30　閉会).
      if (lines_[p].kind != LineKind::bullet && has_stamp(lines_[p].content())) continue;
      if (p == first && lines_[p].kind == LineKind::para) continue;  // under a title: its subtitle or lead
      if (headed(n) || names_between_sentences(p, i, n, said)) {
        l.kind = LineKind::section_head;
      } else if (n != npos && could_head(lines_[n]) && headed(next_nonblank(n))) {
        // Two short lines between body texts, the second over the text: a heading and the
        // heading under it (試合後コメント / 大迫 勇人ヘッドコーチ / 「…」).
        l.kind = LineKind::section_head;
        lines_[n].kind = LineKind::section_head;
        i = n;
      }
    }
  }

  // A noun phrase alone between the sentences of the text: a short line (15 characters at most)
  // that ends with a noun (kanji, katakana, a figure or a letter), without a key's colon, said
  // once, after a line that ends like a sentence and over a sentence however short (後半戦
  // between …した。 and …だった。), or over two lines or more of the page's chrome (関連ファイル
  // over its links, 問い合わせ先 over the office's rows; then without hiragana: a label, not a
  // remark).
  bool names_between_sentences(std::size_t p, std::size_t i, std::size_t n,
                               const std::unordered_map<std::string_view, std::size_t>& said) const {
    const Line& l = lines_[i];
    auto sentence_end = [](std::string_view x) { return ends_like_sentence(x) || x.ends_with("？") || x.ends_with("?"); };
    if (n == npos || l.chars > 15 || !sentence_end(lines_[p].content())) return false;
    if (auto it = said.find(l.content()); it != said.end() && it->second > 1) return false;
    std::string_view c = l.content();
    if (c.empty()) return false;  // a line of U+3000 only
    // (A key and its value, 回答者：daikon, is a row of a post's header, not a heading.)
    if (c.find("：") != std::string_view::npos || c.find(':') != std::string_view::npos) return false;
    std::size_t len = 0;
    char32_t last = utf8::decode_before(c, c.size(), len);
    if (!(text::is_kanji(last) || text::katakana_word(last) || text::is_digit(last) || text::is_latin(last)))
      return false;
    const Line& t = lines_[n];
    if (t.kind == LineKind::para) return sentence_end(t.content()) && t.r_count >= 1;
    std::size_t m = next_nonblank(n);
    return t.kind == LineKind::boilerplate && m != npos && lines_[m].kind == LineKind::boilerplate && !has_hiragana(c);
  }

  // A heading that names a summary in other words than [summary-head] ([summary-word]: 3つの
  // ポイント, 今日のおさらい, この記事の要点) over a list, where a summary stands: the first
  // heading of the body (the points under the title and lead) or the last one (the points at
  // the end). Elsewhere such a heading heads a section of tips (撮影のポイント over its items).
  void mark_summary_heads() {
    // (The first heading under the first line, or the first after the first body text, since
    // the title may be a heading too.)
    std::vector<std::size_t> heads;
    std::size_t first_in_body = npos;
    bool body = false;
    for (std::size_t i = first_nonblank(); i != npos; i = next_nonblank(i)) {
      bool head = lines_[i].kind == LineKind::section_head || lines_[i].kind == LineKind::summary_head;
      if (head && i != first_nonblank()) heads.push_back(i);
      if (head && body && first_in_body == npos) first_in_body = i;
      body = body || (lines_[i].kind == LineKind::para && is_body(i));
    }
    for (std::size_t k = 0; k < heads.size(); ++k) {
      Line& l = lines_[heads[k]];
      if (l.kind != LineKind::section_head || l.chars > 30 || (k != 0 && k + 1 != heads.size() && heads[k] != first_in_body))
        continue;
      std::size_t n = next_nonblank(heads[k]);
      if (n == npos || (lines_[n].kind != LineKind::bullet && lines_[n].kind != LineKind::number)) continue;
      std::string_view c = trim(l.content());
      // (Without a mark around it: ■3つのポイント, 【今日のおさらい】.)
      std::size_t len = 0;
      char32_t f = utf8::decode(c, 0, len);
      static constexpr std::u32string_view kLead = U"■□◆◇●○▼▽▶▷★☆#＃";
      while (!c.empty() && (kLead.find(f) != std::u32string_view::npos || is_space(f))) {
        c.remove_prefix(len);
        if (!c.empty()) f = utf8::decode(c, 0, len);
      }
      if ((c.starts_with("【") && c.ends_with("】")) || (c.starts_with("［") && c.ends_with("］")))
        c = trim(c.substr(3, c.size() - 6));
      if (!c.empty() && rules_.matches_whole("summary-word", c)) l.kind = LineKind::summary_head;
    }
  }
};

}  // namespace

void mark_heads(Plan& plan) { Heads(plan).run(); }

}  // namespace jatei::seg
