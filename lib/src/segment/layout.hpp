// Shapes of a line that say what it is on a web page whatever the site: a Markdown heading,
// a breadcrumb trail, a row of buttons and counters, the cells of a table row (internal to
// lib/src/segment; the decisions that look at a line's neighbours are the passes of plan.hpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jatei/rules.hpp"

#include "jatei/segment.hpp"
#include "jatei/text.hpp"
#include "jatei/utf8.hpp"
#include "segment/lines.hpp"

namespace jatei::seg {

inline bool is_ascii_digit_or_fw(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }

// ## 見出し: one to six '#' (ASCII or full-width), then a space, then text.
inline bool is_markdown_heading(std::string_view s) {
  std::size_t i = 0, hashes = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    if (c != '#' && c != U'＃') break;
    ++hashes;
    i += len;
  }
  if (hashes == 0 || hashes > 6 || i >= s.size()) return false;
  std::size_t len = 0;
  if (!is_space(utf8::decode(s, i, len))) return false;
  return !trim(s.substr(i)).empty();
}

// The words of a heading without the marks around them: the marks that open it (■ ◆ ● ▼ ★,
// Markdown's #, spaces) and a bracket that holds all of it (【略歴】, ［プロフィール］, 〈…〉).
inline std::string_view heading_words(std::string_view s) {
  static constexpr std::u32string_view kLead = U"■□◆◇●○▼▽▶▷★☆◎#＃";
  s = trim(s);
  while (!s.empty()) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, 0, len);
    if (kLead.find(c) == std::u32string_view::npos && !is_space(c)) break;
    s.remove_prefix(len);
  }
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"【", "】"}, {"［", "］"}, {"[", "]"}, {"〈", "〉"}, {"＜", "＞"}})
    if (s.size() > open.size() + close.size() && s.starts_with(open) && s.ends_with(close))
      return trim(s.substr(open.size(), s.size() - open.size() - close.size()));
  return s;
}

// The cells of a row: text between runs of whitespace that lay it out (U+3000, a tab, two or
// more ASCII spaces) and between vertical bars (｜ |). A single ASCII space stays inside a
// cell (参考になった 58).
inline std::vector<std::string_view> row_cells(std::string_view s) {
  std::vector<std::string_view> cells;
  std::size_t start = 0, i = 0;
  auto cut = [&](std::size_t end) {
    std::string_view cell = trim(s.substr(start, end - start));
    if (!cell.empty()) cells.push_back(cell);
  };
  while (i < s.size()) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    bool sep = c == 0x3000 || c == '\t' || c == U'｜' || c == '|';
    if (c == ' ' && i + 1 < s.size() && s[i + 1] == ' ') sep = true;
    if (sep) {
      cut(i);
      std::size_t j = i + len;
      while (j < s.size()) {  // the whole run of separators and spaces
        std::size_t l2 = 0;
        char32_t d = utf8::decode(s, j, l2);
        if (!(is_space(d) || d == U'｜' || d == '|')) break;
        j += l2;
      }
      i = start = j;
      continue;
    }
    i += len;
  }
  cut(s.size());
  return cells;
}

// Whether s is a row of two or more answer buttons of a poll ([answer-choice]: はい　いいえ).
inline bool is_answer_row(std::string_view s, const Rules& rules) {
  std::vector<std::string_view> cells = row_cells(s);
  if (cells.size() < 2) return false;
  for (std::string_view c : cells)
    if (!rules.matches_whole("answer-choice", c)) return false;
  return true;
}

// How many vertical bars separate cells in s.
inline std::size_t bars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t at = s.find("｜"); at != std::string_view::npos; at = s.find("｜", at + 1)) ++n;
  for (std::size_t at = s.find(" | "); at != std::string_view::npos; at = s.find(" | ", at + 1)) ++n;
  return n;
}

// A row of a Markdown table: | cell | cell | (or its rule | --- | --- |), three bars or more,
// the first and the last at its ends.
inline bool is_markdown_table_row(std::string_view s) {
  if (s.size() < 5 || s.front() != '|' || s.back() != '|') return false;
  return std::count(s.begin(), s.end(), '|') >= 3;
}

// A line of a Markdown block quotation: "> " and the quoted text (not >>2, an anchor).
inline bool is_markdown_quote(std::string_view s) {
  return s.size() > 2 && s[0] == '>' && s[1] == ' ' && s[2] != '>';
}

// 00:00 …, 1:02:15 …, [12:30] …: a line that starts with a time.
inline bool starts_with_time(std::string_view s) {
  if (s.starts_with("[") || s.starts_with("(")) s.remove_prefix(1);
  std::size_t i = 0, digits = 0, colons = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == ':')) {
    if (s[i] == ':') {
      if (digits == 0) return false;
      ++colons;
      digits = 0;
    } else {
      ++digits;
    }
    ++i;
  }
  return colons >= 1 && digits == 2;
}

// Whether s holds a vertical bar that separates cells (｜ or | with a space beside it).
inline bool has_bar(std::string_view s) {
  return s.find("｜") != std::string_view::npos || s.find(" |") != std::string_view::npos ||
         s.find("| ") != std::string_view::npos;
}

// A bare count (58, 1,204, 3.0, 12人, 86件): digits with separators, an optional counter word.
inline bool is_count(std::string_view s, const std::vector<RuleEntry>& units) {
  for (const RuleEntry& e : units)
    if (const std::string& u = e.pattern; !u.empty() && s.size() > u.size() && s.ends_with(u)) {
      s.remove_suffix(u.size());
      break;
    }
  if (s.empty() || s.back() == '.' || s.back() == ',') return false;  // 1. is an enumerator
  bool digit = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    if (is_ascii_digit_or_fw(c))
      digit = true;
    else if (c != ',' && c != '.' && c != U'，')
      return false;
    i += len;
  }
  return digit;
}

// A counter or a counted button: a word and a count with one space between (いいね 52,
// 52 いいね, 閲覧数 1,204, 参考になった 12人).
inline bool is_counter_cell(std::string_view cell, const std::vector<RuleEntry>& units) {
  std::size_t sp = cell.find(' ');
  if (sp == std::string_view::npos || cell.find(' ', sp + 1) != std::string_view::npos) return false;
  std::string_view a = cell.substr(0, sp), b = cell.substr(sp + 1);
  if (a.empty() || b.empty()) return false;
  std::string_view word = is_count(b, units) ? a : is_count(a, units) ? b : std::string_view();
  if (word.empty() || count_chars(word, 13) > 12 || is_count(word, units)) return false;
  // The word is a word (いいね, 閲覧数, Likes) or a like button's heart alone (♡ 128), not a
  // row of symbols (★★★★☆ 4.0 rates).
  std::size_t len = 0;
  char32_t f = utf8::decode(word, 0, len);
  if ((f == U'♡' || f == U'♥' || f == U'❤') && len == word.size()) return true;
  return text::is_kanji(f) || text::is_kana(f) || text::is_latin(f);
}

// The kanji numerals of a date or a time written in kanji (令和七年四月十一日, 午後一時二分): the
// digits, 十 and 百 (千 万 億 兆 count amounts, not days or hours).
inline bool is_date_numeral(char32_t c) { return text::is_kanji_digit(c) || c == U'十' || c == U'百'; }

// A line of a date or a time in figures: 2024/06/11, 21:40, 2025年9月2日, 令和七年四月十一日,
// 午後一時二分.
inline bool has_date_or_time(std::string_view s) {
  char32_t prev = 0, before = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    if (is_ascii_digit_or_fw(c) && (prev == '/' || prev == ':' || prev == U'／' || prev == U'：') &&
        is_ascii_digit_or_fw(before))
      return true;
    if ((c == U'年' || c == U'月' || c == U'時') && is_ascii_digit_or_fw(prev)) return true;
    if ((c == U'年' || c == U'月' || c == U'日' || c == U'時' || c == U'分') && is_date_numeral(prev) &&
        (is_date_numeral(before) || before == U'元' || before == U'和' || before == U'成' || before == U'後' ||
         before == U'前'))
      return true;
    before = prev;
    prev = c;
    i += len;
  }
  return false;
}

// A line that is only a time, perhaps with its date, in brackets or with 更新/ごろ after it:
// 14:05, 【14:05】, ［14時5分］, 10/2 14:05, 2025年10月2日 14:05更新. (The entries of a live blog.)
inline bool is_time_stamp_line(std::string_view s) {
  static constexpr std::u32string_view kBrackets = U"【】[]［］()（）〔〕<>〈〉";
  static constexpr std::u32string_view kDateTime = U"0123456789０１２３４５６７８９:：/／年月日時分.．";
  static constexpr std::string_view kAfter[] = {"更新", "ごろ", "頃", "時点", "現在", "追記"};
  s = trim(s);
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view w : kAfter)
      if (s.ends_with(w)) {
        s = trim(s.substr(0, s.size() - w.size()));
        cut = true;
      }
  }
  bool time = false;
  std::size_t digits = 0;
  char32_t prev = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    i += len;
    if (is_space(c) || kBrackets.find(c) != std::u32string_view::npos) continue;
    if (kDateTime.find(c) == std::u32string_view::npos) return false;
    if (is_ascii_digit_or_fw(c)) ++digits;
    if ((c == ':' || c == U'：' || c == U'時') && is_ascii_digit_or_fw(prev)) time = true;
    prev = c;
  }
  return time && digits >= 3 && digits <= 14;
}

// A line that is only a day: a date in figures, its weekday after it or not (2026/04/11(土),
// 2026.04.11 土曜日, 4月11日（土）): the day lines of a log or a diary.
inline bool is_day_line(std::string_view s) {
  static constexpr std::u32string_view kDate = U"0123456789０１２３４５６７８９/／.．-－年月日";
  static constexpr std::u32string_view kWeek = U"日月火水木金土祝曜・";
  s = trim(s);
  std::size_t digits = 0, seps = 0, i = 0;
  char32_t prev = 0;
  for (; i < s.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    if (kDate.find(c) == std::u32string_view::npos) break;
    if (is_ascii_digit_or_fw(c)) ++digits;
    else if (is_ascii_digit_or_fw(prev)) ++seps;
    else return false;  // two separators in a row
    prev = c;
    i += len;
  }
  if (digits < 3 || seps < 2 || (!is_ascii_digit_or_fw(prev) && prev != U'日')) return false;
  // The weekday: in brackets, or a word after a space.
  std::string_view rest = trim(s.substr(i));
  if (rest.empty()) return true;
  bool open = false, close = false, week = false;
  for (std::size_t j = 0; j < rest.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(rest, j, len);
    j += len;
    if (c == U'（' || c == '(') {
      if (open || week) return false;
      open = true;
    } else if (c == U'）' || c == ')') {
      if (!open || close || !week) return false;
      close = true;
    } else if (kWeek.find(c) != std::u32string_view::npos && !close) {
      week = true;
    } else {
      return false;
    }
  }
  return week && open == close;
}

// Hashtags: two or more words, each opened by # or ＃ with no space after it (#エッセイ #転職).
inline bool is_hashtag_row(std::string_view s) {
  std::size_t tags = 0, i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    if (is_space(c)) {
      i += len;
      continue;
    }
    if (c != '#' && c != U'＃') return false;
    i += len;
    std::size_t start = i;
    while (i < s.size()) {  // the word
      char32_t d = utf8::decode(s, i, len);
      if (is_space(d)) break;
      i += len;
    }
    if (i == start) return false;  // "# " is a Markdown heading's mark
    ++tags;
  }
  return tags >= 2;
}

// A date or a time in figures a post is stamped with: 2024/02/11, 21:40 (not 1/2 of a recipe).
inline bool has_stamp(std::string_view s) {
  int run_slashes = 0;
  char32_t prev = 0;
  bool digits_after_colon = false;
  std::size_t after_colon = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    bool d = is_ascii_digit_or_fw(c);
    if ((c == '/' || c == U'／') && is_ascii_digit_or_fw(prev)) {
      ++run_slashes;
      if (run_slashes >= 2) return true;
    } else if (!d) {
      run_slashes = 0;
    }
    if (c == U'分' && is_ascii_digit_or_fw(prev) && s.substr(0, i).find("時") != std::string_view::npos) return true;
    if (digits_after_colon) {
      if (d) {
        if (++after_colon == 2) return true;
      } else {
        digits_after_colon = false;
      }
    }
    if ((c == ':' || c == U'：') && is_ascii_digit_or_fw(prev)) {
      digits_after_colon = true;
      after_colon = 0;
    }
    prev = c;
    i += len;
  }
  return false;
}

// Whether s holds a character that punctuates a sentence or a clause (。、！？ and their ASCII
// and half-width forms).
inline bool has_clause_punctuation(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    if (c == U'。' || c == U'、' || c == U'！' || c == U'？' || c == '!' || c == '?' || c == U'．' || c == U'，' ||
        c == U'｡' || c == U'､')
      return true;
    i += len;
  }
  return false;
}

}  // namespace jatei::seg
