// Page furniture found by where a line stands and the shapes a page repeats: rows of tags,
// counters, the stamps of a live blog, a table of contents, references, tag lines under the
// title, the links and contacts that close a page, and the short lines that head what follows
// them (embedded posts and FAQs: posts.cpp, faq.cpp).
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
    mark_tag_rows();
    mark_stamp_heads();
    mark_contents();
    seg::mark_posts(plan_);
    seg::mark_faq(plan_);
    mark_references();
    mark_tag_lines();
    mark_slip_heads();
    mark_byline_heads();
    mark_links();
    mark_instalment_links();
    mark_page_close();
    mark_rosters();
    find_punctuation();
    seg::mark_signatures(plan_);
    mark_plain_lists();
    mark_label_heads();
    mark_entries_heads();
    mark_short_heads();
    mark_summary_heads();
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
  }

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

  // Whether s starts with a [list-bullet] marker.
  bool has_bullet_mark(std::string_view s) const {
    for (auto& e : cues_.list_bullet.entries())
      if (!e.pattern.empty() && s.starts_with(e.pattern)) return true;
    return false;
  }

  void mark_links() {
    // A line that heads links to other pages ([links-head]) and the link titles under it.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank || l.chars > 30 || !cues_.links_head.whole(l.content())) continue;
      l.kind = LineKind::boilerplate;
      for (std::size_t j = next_nonblank(i); j != npos; j = next_nonblank(j)) {
        Line& t = lines_[j];
        if (t.kind != LineKind::para && t.kind != LineKind::section_head && t.kind != LineKind::bullet &&
            t.kind != LineKind::number && t.kind != LineKind::boilerplate)
          break;
        if (t.chars > 80 || ends_like_sentence(t.content()) || has_stamp(t.content())) break;
        t.kind = LineKind::boilerplate;
        i = j;
      }
    }
  }

  // The instalments of a serial listed after the body (第1回　…（6月6日）, 第2回　… one a line):
  // links to the other parts, the page's chrome; so is a short line right over them that heads
  // them (連載「…」の記事一覧). Two or more lines of one [instalment] shape numbered in order, up
  // or down by one, none a sentence, after the body and with no body text after them.
  void mark_instalment_links() {
    const std::vector<RuleEntry>& shapes = rules_.section("instalment");
    if (shapes.empty()) return;
    // The shape (the pattern without its digits) and the number of line l, or -1.
    auto numbered = [&](const Line& l, std::string& key) {
      std::string_view c = l.content();
      if (l.chars > 80 || ends_like_sentence(c) ||
          (l.kind != LineKind::para && l.kind != LineKind::number && l.kind != LineKind::section_head &&
           !(l.kind == LineKind::bullet && !has_bullet_mark(c))))
        return -1;
      std::size_t best = 0;
      const RuleEntry* shape = nullptr;
      for (const RuleEntry& e : shapes)
        if (std::size_t n = glob_prefix(e.pattern, c); n != std::string_view::npos && n > best) best = n, shape = &e;
      if (!shape) return -1;
      std::size_t len = 0;
      if (best < c.size() && text::is_digit(utf8::decode(c, best, len))) return -1;  // more digits than the shape takes
      int number = -1;  // the digits the shape's '#' took
      for (std::size_t at = 0; at < best; at += len) {
        char32_t d = utf8::decode(c, at, len);
        if (is_ascii_digit_or_fw(d)) number = std::max(number, 0) * 10 + static_cast<int>(d >= U'０' ? d - U'０' : d - '0');
        else if (number >= 0) break;
      }
      key = shape->pattern;
      key.erase(std::remove(key.begin(), key.end(), '#'), key.end());
      return number;
    };
    bool body = false;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kind == LineKind::blank) continue;
      std::string key, next_key;
      int number = body ? numbered(lines_[i], key) : -1;
      if (number < 0) {
        body = body || (lines_[i].kind == LineKind::para && (is_body(i) || ends_like_sentence(lines_[i].content())));
        continue;
      }
      std::vector<std::size_t> run{i};
      int step = 0;
      for (std::size_t j = next_nonblank(i); j != npos; j = next_nonblank(j)) {
        int m = numbered(lines_[j], next_key);
        if (m < 0 || next_key != key || (m - number != 1 && m - number != -1) || (step && m - number != step)) break;
        step = m - number;
        number = m;
        run.push_back(j);
      }
      bool after = false;  // body text after the run
      for (std::size_t j = next_nonblank(run.back()); j != npos && !after; j = next_nonblank(j))
        after = lines_[j].kind == LineKind::para && (is_body(j) || ends_like_sentence(lines_[j].content()));
      if (run.size() < 2 || after) {
        i = run.back();
        continue;
      }
      for (std::size_t j : run) lines_[j].kind = LineKind::boilerplate;
      if (std::size_t p = prev_nonblank(i); p != npos && (lines_[p].kind == LineKind::para || lines_[p].kind == LineKind::section_head) &&
                                            lines_[p].chars <= 40 && !ends_like_sentence(lines_[p].content()) && !is_body(p))
        lines_[p].kind = LineKind::boilerplate;
      i = run.back();
    }
  }

  void mark_page_close() {
    // The close of a page: the run of short lines at the end (one sentence at most each, or
    // chrome of any length); from its first line of chrome on (or the first heading that names
    // a page function: 【本件に関するお問い合わせ先】), what is neither a heading nor a credit is
    // chrome too (related links, contacts, buttons).
    std::size_t start = npos;
    for (std::size_t i = lines_.size(); i-- > 0;) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      bool fits = l.kind == LineKind::boilerplate || l.kind == LineKind::byline || l.kind == LineKind::credit ||
                  l.kind == LineKind::trailer || (l.chars <= 100 && l.r_count <= 1);
      if (!fits) break;
      start = i;
    }
    // (Where every line of the text is short, one sentence a paragraph as news often is, the
    // run reaches the top: the chrome above the title, a breadcrumb, opens no close; the close
    // follows the body, so it starts after the first line of it.)
    if (start != npos && start == first_nonblank()) {
      std::size_t i = start;
      while (i != npos && !is_body(i)) i = next_nonblank(i);
      start = i == npos ? npos : next_nonblank(i);
    }
    if (start != npos) {
      bool on = false;
      for (std::size_t i = start; i < lines_.size(); ++i) {
        Line& l = lines_[i];
        if (on && l.kind != LineKind::boilerplate && has_date_or_time(l.content())) {
          on = false;  // a dated post: the page's comments follow, not its chrome
          continue;
        }
        if (!on) {
          // (A rule across the page sets a part apart, a reply slip: no chrome of the close.)
          on = (l.kind == LineKind::boilerplate && !is_rule_line(l.content(), l.chars)) ||
               (l.kind == LineKind::section_head && cues_.boilerplate_line.contains(l.content()));
          continue;
        }
        if (l.kind == LineKind::para || l.kind == LineKind::bullet || l.kind == LineKind::number ||
            l.kind == LineKind::caption)
          l.kind = LineKind::boilerplate;
      }
    }
  }

  // The header of minutes: a [roster-head] line (出席委員, ○本日の会議に付した案件, 議事日程　第十四号),
  // short and no sentence, is a heading; the lines right under it that are no sentences (委員長
  // 佐藤一郎君, a bill's name), up to a blank line, the next such heading, a sentence, a time of
  // day (午後一時二分開議, 10:00開会) or a rule, are the items of its list.
  void mark_rosters() {
    auto words = [](std::string_view c) {
      for (std::string_view mark : {"○", "◯", "●", "■"})
        if (c.starts_with(mark)) return trim(c.substr(mark.size()));
      return c;
    };
    auto head = [&](const Line& l) {
      if ((l.kind != LineKind::para && l.kind != LineKind::bullet && l.kind != LineKind::section_head) || l.chars > 20 ||
          ends_like_sentence(l.content()))
        return false;
      std::string_view w = words(l.content());
      return !w.empty() && rules_.matches_whole("roster-head", w);
    };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (!head(lines_[i])) continue;
      std::vector<std::size_t> items;
      for (std::size_t j = i + 1; j < lines_.size(); ++j) {
        const Line& t = lines_[j];
        std::string_view c = t.content();
        if (t.kind == LineKind::blank || head(t) || t.chars > 80 || ends_like_sentence(c) || c.ends_with("？") ||
            (t.kind != LineKind::para && t.kind != LineKind::bullet && t.kind != LineKind::number) ||
            starts_with_time(c) || c.starts_with("午前") || c.starts_with("午後") || is_rule_line(c, t.chars))
          break;
        items.push_back(j);
      }
      if (items.empty()) continue;
      lines_[i].kind = LineKind::section_head;
      for (std::size_t j : items) lines_[j].kind = LineKind::bullet;
      i = items.back();
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

}  // namespace

void mark_furniture(Plan& plan) { Furniture(plan).run(); }

}  // namespace jatei::seg
