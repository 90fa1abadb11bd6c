// Page furniture found by where a line stands and the shapes a page repeats: rows of tags,
// counters, the stamps of a live blog, a table of contents, references, tag lines under the
// title, the headings of a reply slip and of a byline. The pass runs the page's other furniture
// in its order: embedded posts and FAQs (posts.cpp, faq.cpp), the links and contacts that close
// a page (close.cpp), the rosters of minutes (rosters.cpp), signatures (signatures.cpp) and the
// short lines that head what follows them (heads.cpp).
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace jatei::seg {
namespace {

class Furniture : Pass {
 public:
  explicit Furniture(Plan& p) : Pass(p) {}

  // Page furniture found by where a line stands: a lone row of tags, the links and contacts
  // that close a page, and the short lines that head what follows them.
  void run() {
    seg::mark_repeated_label_lines(plan_);
    mark_tag_rows();
    mark_stamp_heads();
    mark_contents();
    seg::mark_posts(plan_);
    seg::mark_faq(plan_);
    mark_references();
    mark_tag_lines();
    mark_slip_heads();
    mark_byline_heads();
    seg::mark_close(plan_);
    seg::mark_rosters(plan_);
    find_punctuation();
    seg::mark_signatures(plan_);
    seg::mark_heads(plan_);
  }

 private:
  void mark_tag_rows() {
    // A lone row of four or more short words without figures or punctuation: tags.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind != LineKind::para || l.chars > 80 || has_clause_punctuation(l.content()) || has_digit(l.content()) ||
          has_bar(l.content()))
        continue;
      std::vector<std::string_view> cells = row_cells(l.content());
      if (cells.size() < 4) continue;
      bool short_cells = std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return count_chars(c, 16) <= 15; });
      if (short_cells) l.kind = LineKind::boilerplate;
    }
    // A count alone on its line over a line of chrome (42 / いいね): the button's counter.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind != LineKind::para || l.chars > 7) continue;
      std::string_view c = l.content();
      bool count = std::all_of(c.begin(), c.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == ','; });
      std::size_t n = next_nonblank(i);
      if (count && n != npos && lines_[n].kind == LineKind::boilerplate) l.kind = LineKind::boilerplate;
    }
    // A question right over a row of answer buttons (あなたは今年、節電に取り組みましたか？ over
    // はい　いいえ): the poll's question, chrome with its buttons.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      std::string_view c = l.content();
      if (l.kind != LineKind::para || l.chars > 80 || l.r_count != 1 || (!c.ends_with("？") && !c.ends_with("?"))) continue;
      std::size_t n = next_nonblank(i);
      if (n != npos && lines_[n].kind == LineKind::boilerplate && is_answer_row(lines_[n].content(), rules_))
        l.kind = LineKind::boilerplate;
    }
    // A row of hashtags (#エッセイ #転職): tags.
    for (auto& l : lines_)
      if (l.kind == LineKind::para && l.chars <= 150 && is_hashtag_row(l.content())) l.kind = LineKind::boilerplate;
    mark_shop_buttons();
  }

  // Buttons to a shop ([shop-button]: Amazonで見る, 楽天市場で購入する): a short line without
  // punctuation that is a shop's name and the button's words, where the page has three or more
  // of them (the same buttons after each product), is chrome, not a claim of the review.
  void mark_shop_buttons() {
    const std::vector<RuleEntry>& ends = rules_.section("shop-button");
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      std::string_view c = l.content();
      // (A shop's name may hold a ! of its own: Yahoo!ショッピング.)
      if (l.kind != LineKind::para || l.chars > 25 || c.find("。") != std::string_view::npos ||
          c.find("、") != std::string_view::npos)
        continue;
      for (const RuleEntry& e : ends)
        if (c.size() > e.pattern.size() && c.ends_with(e.pattern)) {
          found.push_back(i);
          break;
        }
    }
    if (found.size() >= 3)
      for (std::size_t i : found) lines_[i].kind = LineKind::boilerplate;
    mark_repeated_buttons();
  }

  void mark_repeated_buttons();

  // The first line under a rule across the page (a reply slip's 希望調査票 under the cut
  // line), short and over rows or text: the heading of what the rule sets apart.
  void mark_slip_heads() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kind != LineKind::boilerplate || !is_rule_line(lines_[i].content(), lines_[i].chars)) continue;
      std::size_t j = next_nonblank(i);
      if (j == npos) continue;
      Line& t = lines_[j];
      std::size_t n = next_nonblank(j);
      if ((t.kind == LineKind::para || (t.kind == LineKind::bullet && !has_bullet_mark(t.content()))) && t.chars <= 30 &&
          !ends_like_sentence(t.content()) && !has_clause_punctuation(t.content()) && n != npos &&
          (lines_[n].kind == LineKind::bullet || lines_[n].kind == LineKind::number || is_body(n)))
        t.kind = LineKind::section_head;
    }
  }

  // A [byline-head] line over a short line of a name: a heading (a byline itself before the
  // body, see sections.cpp) over the person's byline.
  void mark_byline_heads() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if ((l.kind != LineKind::para && l.kind != LineKind::section_head) || l.chars > 20 ||
          !rules_.matches_whole("byline-head", l.content()))
        continue;
      std::size_t n = next_nonblank(i);
      if (n == npos) continue;
      Line& t = lines_[n];
      if (t.kind != LineKind::para || t.chars > 40 || ends_like_sentence(t.content()) || has_clause_punctuation(t.content()) ||
          t.dateline)
        continue;
      l.kind = LineKind::section_head;
      t.kind = LineKind::byline;
    }
  }

  void find_punctuation() {
    // Whether the paragraphs of the text end like sentences: five or more paragraphs of more
    // than 30 characters, four in five of them ending with 。！？ or the like (the title may not),
    // or with the close of a quotation (…と話す「…」, 『…』, 「…」（会社員・40代）): the writer
    // closes what he writes.
    std::size_t long_paras = 0, ended = 0;
    for (const Line& l : lines_)
      if (l.kind == LineKind::para && l.chars > 30) {
        ++long_paras;
        std::string_view c = l.content();
        ended += ends_like_sentence(c) || c.ends_with("？") || c.ends_with("?") || c.ends_with("」") || c.ends_with("』") ||
                 is_statement(l);  // 「…」（会社員・40代）
      }
    punctuated_ = long_paras >= 5 && ended * 10 >= long_paras * 8;
  }

  // Tags one a line under the title (Python / OCR / SQLite): before the first paragraph of the
  // body, a run of three or more short lines of one word each (no space, no punctuation, no
  // hiragana: nouns, not a sentence nor a date) after some other line.
  void mark_tag_lines() {
    std::size_t first = first_nonblank();
    auto tag = [&](const Line& l) {
      std::string_view c = l.content();
      return l.kind == LineKind::para && l.chars <= 20 && !l.dateline && !ends_like_sentence(c) &&
             !has_clause_punctuation(c) && !has_date_or_time(c) && c.find(' ') == std::string_view::npos &&
             c.find("\xE3\x80\x80") == std::string_view::npos && has_word_char(c) && !has_hiragana(c) &&
             !c.starts_with(">");
    };
    for (std::size_t i = first; i != npos; i = next_nonblank(i)) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::para && l.chars > 30 && ends_like_sentence(l.content())) return;  // the body
      if (i == first || !tag(l)) continue;
      std::vector<std::size_t> run;
      for (std::size_t j = i; j != npos && j == (run.empty() ? i : next_nonblank(run.back())) && tag(lines_[j]);
           j = next_nonblank(j))
        run.push_back(j);
      i = run.back();
      if (is_body(next_nonblank(run.back()))) run.pop_back();  // the last one heads the body: はじめに
      if (run.size() >= 3)
        for (std::size_t j : run) lines_[j].kind = LineKind::boilerplate;
    }
  }

  // The entries of a live blog: two or more lines that are only a time (14:05, 【14:05】,
  // 14:05更新), each over the text of its entry (a sentence, a list), head what follows them; so
  // do the day lines of a log or a diary (2026/04/11(土) over that day's messages), though each
  // reads like a dateline (the page's own dateline, at the top, stays the page's byline).
  void mark_stamp_heads() {
    std::vector<std::size_t> stamps;
    bool body = false;  // (a day line counts once the body has begun: the one above it dates the page)
    auto stamp = [&](const Line& l) {
      return (!l.dateline && is_time_stamp_line(l.content())) || (body && is_day_line(l.content()));
    };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      body = body || (i > 0 && is_body(i - 1));
      if ((l.kind != LineKind::para && l.kind != LineKind::section_head) || l.chars > 25 || !stamp(l)) continue;
      std::size_t n = next_nonblank(i);
      if (n == npos || lines_[n].kind == LineKind::blank || is_time_stamp_line(lines_[n].content()) ||
          is_day_line(lines_[n].content()))
        continue;
      const LineKind k = lines_[n].kind;
      if (k != LineKind::para && k != LineKind::bullet && k != LineKind::number && k != LineKind::caption &&
          k != LineKind::code)
        continue;
      stamps.push_back(i);
    }
    if (stamps.size() < 2) return;
    for (std::size_t i : stamps) lines_[i].kind = LineKind::section_head;
  }

  // A list of references: a [reference-head] line (参考文献, 参考資料) over lines that are not
  // sentences of the text (a title, a source in brackets, a citation in English ending with
  // its page numbers): the head is a heading, the lines the items of a list, up to the first
  // line that is neither.
  void mark_references() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank || l.chars > 20 || !rules_.matches_whole("reference-head", l.content())) continue;
      if (l.kind != LineKind::para && l.kind != LineKind::section_head && l.kind != LineKind::bullet) continue;
      std::vector<std::size_t> run;
      for (std::size_t j = next_nonblank(i); j != npos; j = next_nonblank(j)) {
        const Line& t = lines_[j];
        if ((t.kind != LineKind::para && t.kind != LineKind::bullet && t.kind != LineKind::number) ||
            t.chars > kMaxCueChars || ends_like_sentence(t.content()) || t.content().starts_with("※"))
          break;
        run.push_back(j);
      }
      if (run.empty()) continue;
      l.kind = LineKind::section_head;
      for (std::size_t j : run) lines_[j].kind = LineKind::bullet;
      i = run.back();
    }
  }

  // A line's words without the marks that number or head it (## 1. 手順 -> 手順).
  static std::string_view core_text(std::string_view s) {
    static constexpr std::u32string_view kMarks = U"#＃■□◆◇●○▼▽▶▷・-*+.．、)）(（[]［］第章節0123456789０１２３４５６７８９";
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t len = 0;
      char32_t c = utf8::decode(s, i, len);
      if (!is_space(c) && kMarks.find(c) == std::u32string_view::npos) break;
      i += len;
    }
    return trim(s.substr(i));
  }

  // A table of contents: a [toc-head] line (目次) over short lines that are not sentences, or,
  // without a head, three or more such lines in a row that each come back later in the
  // document as a line of their own (the headings they list). The head is a heading, the
  // lines the items of a list.
  void mark_contents() {
    auto entry = [&](const Line& l) {
      return (l.kind == LineKind::para || l.kind == LineKind::number) && l.chars <= 40 && !ends_like_sentence(l.content()) &&
             !has_clause_punctuation(l.content()) && !core_text(l.content()).empty();
    };
    // The lines that can come back (not blank, 60 characters at most), each linked to the next
    // such line with the same core text, in one pass from the end: whether a line comes back
    // later is one look-up, not a scan of the rest of the document (which made this quadratic).
    // No kind turns blank below and the texts do not change, so the links stay true.
    std::vector<std::size_t> next_same(lines_.size(), npos);
    {
      std::unordered_map<std::string_view, std::size_t> later;
      for (std::size_t j = lines_.size(); j-- > 0;) {
        if (lines_[j].kind == LineKind::blank || lines_[j].chars > 60) continue;
        auto [it, added] = later.try_emplace(core_text(lines_[j].content()), j);
        if (!added) {
          next_same[j] = it->second;
          it->second = j;
        }
      }
    }
    // (An entry is 40 characters at most, so it is linked itself.)
    auto comes_back = [&](std::size_t i) { return next_same[i] != npos; };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank || l.chars > 30) continue;
      bool head = l.kind != LineKind::boilerplate && rules_.matches_whole("toc-head", l.content());
      std::vector<std::size_t> run;
      for (std::size_t j = head ? next_nonblank(i) : i; j != npos && entry(lines_[j]); j = next_nonblank(j)) {
        if (!head && !comes_back(j)) break;
        // The first entry again: the sections themselves begin.
        std::string_view c = core_text(lines_[j].content());
        if (std::any_of(run.begin(), run.end(), [&](std::size_t k) { return core_text(lines_[k].content()) == c; }))
          break;
        run.push_back(j);
      }
      if (run.size() < (head ? 2u : 3u)) continue;
      if (head) l.kind = LineKind::section_head;
      for (std::size_t j : run) lines_[j].kind = LineKind::bullet;
      // Where an entry comes back as a short line of its own, it is the heading it lists
      // (グラフにする reads like a predicate, but the contents name it).
      // (The lines after the run with an entry's core text: those its links reach.)
      for (std::size_t k : run)
        for (std::size_t j = next_same[k]; j != npos; j = next_same[j]) {
          Line& t = lines_[j];
          // (Numbered as in the contents, 1. 逆流性食道炎とは: a heading, not an item beside the
          // contents' last line or the list under it.)
          if (j <= run.back() || (t.kind != LineKind::para && t.kind != LineKind::number) || t.chars > 40 ||
              ends_like_sentence(t.content()))
            continue;
          t.kind = LineKind::section_head;
        }
      i = run.back();
    }
  }
};

// A button the page repeats under each entry ([repeated-button]: 答えを見る under each question
// of a quiz, 解説はこちら; or words that point down or on to what they open, 解答▼, 正解は→): a
// short line without punctuation ending so, said word for word three times or more, is
// chrome; said once, it may be a heading (星空を見る).
void Furniture::mark_repeated_buttons() {
  const std::vector<RuleEntry>& ends = rules_.section("repeated-button");
  std::unordered_map<std::string_view, std::vector<std::size_t>> found;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const Line& l = lines_[i];
    std::string_view c = l.content();
    if (l.kind != LineKind::para || l.chars > 15 || has_clause_punctuation(c) || ends_like_sentence(c)) continue;
    std::string_view words = c;
    for (std::string_view mark : {"▼", "▽", "↓", "→", "▶", "▷", "≫", "»"})
      if (words.size() > mark.size() && words.ends_with(mark)) {
        words = trim(words.substr(0, words.size() - mark.size()));
        break;
      }
    if (words.size() < c.size() ||
        std::any_of(ends.begin(), ends.end(), [&](const RuleEntry& e) { return words.size() > e.pattern.size() && words.ends_with(e.pattern); }))
      found[c].push_back(i);
  }
  for (auto& by_text : found)
    if (by_text.second.size() >= 3)
      for (std::size_t i : by_text.second) lines_[i].kind = LineKind::boilerplate;
}

}  // namespace

void mark_furniture(Plan& plan) { Furniture(plan).run(); }

}  // namespace jatei::seg
