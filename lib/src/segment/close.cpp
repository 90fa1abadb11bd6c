// The chrome around and after the body that links elsewhere: the links a [links-head] line heads,
// the instalments of a serial listed after the body, and the run of short lines that closes a
// page (related links, contacts, buttons). A step of mark_furniture (furniture.cpp).
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <algorithm>
#include <string>

namespace jatei::seg {
namespace {

class Close : Pass {
 public:
  explicit Close(Plan& p) : Pass(p) {}

  void run() {
    mark_links();
    mark_instalment_links();
    mark_page_close();
  }

 private:
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

  static constexpr std::size_t kTextRun = 5;
  static bool is_text_line(const Line& l) {
    return l.kind == LineKind::para || l.kind == LineKind::bullet || l.kind == LineKind::number ||
           l.kind == LineKind::caption;
  }

  void mark_page_close() {
    // The close of a page: the run of short lines at the end (one sentence at most each, or
    // chrome of any length); from its first line of chrome on (or the first heading that names
    // a page function: 【本件に関するお問い合わせ先】), what is neither a heading nor a credit is
    // chrome too (related links, contacts, buttons), up to five lines of text in a row.
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
        if (!is_text_line(l)) continue;
        // (Five lines or more of text in a row, none of them chrome, are no links or buttons:
        // the text goes on after a button (もっと見る over a video's transcript), the next
        // entries of the page after a footer. They stay what they are, and so does the rest
        // until the next chrome.)
        std::size_t run = 0;
        for (std::size_t j = i; j < lines_.size() && run < kTextRun; ++j) {
          if (lines_[j].kind == LineKind::blank) continue;
          if (!is_text_line(lines_[j])) break;
          ++run;
        }
        if (run >= kTextRun) {
          on = false;
          continue;
        }
        l.kind = LineKind::boilerplate;
      }
    }
  }
};

}  // namespace

void mark_close(Plan& plan) { Close(plan).run(); }

}  // namespace jatei::seg
