// The questions of an FAQ: numbered in order over their answers, or marked (Ｑ１ over Ａ１)
// under a heading, they head what follows them.
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <string>
#include <vector>

namespace jatei::seg {
namespace {

class Faq : Pass {
 public:
  explicit Faq(Plan& p) : Pass(p) {}

  // An FAQ under a heading: each question (Ｑ１　…) over its answer (Ａ１　…) is a heading, the
  // answers paragraphs. Questions and answers that open the body are a Q&A column instead
  // (its speakers' turns), and stay as they are.
  void run() {
    mark_numbered_questions();
    bool in_faq = false;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      bool q = l.chars <= 100 && has_qa_mark(l.content(), 'Q', U'Ｑ') &&
               (l.kind == LineKind::para || l.kind == LineKind::number || l.kind == LineKind::bullet);
      if (!q) {
        if (l.kind == LineKind::section_head) in_faq = false;
        continue;
      }
      std::size_t p = prev_nonblank(i), n = next_nonblank(i);
      if (n == npos || !has_qa_mark(lines_[n].content(), 'A', U'Ａ')) continue;
      if (!in_faq && (p == npos || lines_[p].kind != LineKind::section_head)) continue;
      l.kind = LineKind::section_head;
      in_faq = true;
    }
  }

 private:
  // A line opened by a question's or an answer's mark: Ｑ１　…, Q. …, Ａ：…
  static bool has_qa_mark(std::string_view c, char32_t ascii, char32_t wide) {
    std::size_t len = 0, len2 = 0;
    if (c.empty()) return false;
    char32_t f = utf8::decode(c, 0, len);
    if (f != ascii && f != wide) return false;
    if (len >= c.size()) return false;
    char32_t n = utf8::decode(c, len, len2);
    return is_ascii_digit_or_fw(n) || n == '.' || n == U'．' || n == ':' || n == U'：' || n == U'、' || is_space(n);
  }

  // The number after a question's mark (Q1. → 1, Ｑ１２　→ 12), or -1: the mark, one or more
  // digits, then a dot, a colon or a space and the question.
  static int question_number(std::string_view c) {
    std::size_t len = 0, at = 0;
    if (c.empty()) return -1;
    char32_t f = utf8::decode(c, 0, len);
    if (f != 'Q' && f != U'Ｑ') return -1;
    at = len;
    int n = 0, digits = 0;
    while (at < c.size()) {
      char32_t d = utf8::decode(c, at, len);
      if (!is_ascii_digit_or_fw(d)) break;
      n = n * 10 + static_cast<int>(d >= U'０' ? d - U'０' : d - '0');
      ++digits;
      at += len;
    }
    if (digits == 0 || digits > 3 || at >= c.size()) return -1;
    char32_t sep = utf8::decode(c, at, len);
    if (!(sep == '.' || sep == U'．' || sep == ':' || sep == U'：' || sep == U'、' || is_space(sep))) return -1;
    return trim(c.substr(at + len)).empty() ? -1 : n;
  }

  // An FAQ by the shape it repeats: two or more questions numbered in order (Q1. … Q2. …), each
  // over an answer without an answer's mark (a paragraph, a list): the questions are headings of
  // what follows them. (With Ａ１ marks on the answers the page may be a Q&A column: see below.)
  void mark_numbered_questions() {
    std::vector<std::size_t> run;
    int last = 0;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::blank || l.chars > 100) continue;
      if (l.kind != LineKind::para && l.kind != LineKind::number && l.kind != LineKind::bullet) continue;
      int n = question_number(l.content());
      if (n < 0) continue;
      std::size_t next = next_nonblank(i);
      bool answered = next != npos && !has_qa_mark(lines_[next].content(), 'A', U'Ａ') &&
                      question_number(lines_[next].content()) < 0 &&
                      (lines_[next].kind == LineKind::para || lines_[next].kind == LineKind::bullet ||
                       lines_[next].kind == LineKind::number);
      if (!answered || n != last + 1) {
        if (run.size() >= 2)
          for (std::size_t j : run) lines_[j].kind = LineKind::section_head;
        run.clear();
        last = 0;
        if (!answered || n != 1) continue;
      }
      run.push_back(i);
      last = n;
    }
    if (run.size() >= 2)
      for (std::size_t j : run) lines_[j].kind = LineKind::section_head;
  }
};

}  // namespace

void mark_faq(Plan& plan) { Faq(plan).run(); }

}  // namespace jatei::seg
