// What a line says of itself, from the cue lists of the rules file and its shape alone:
// blank, paragraph, list item (bullet or number), caption, trailer, byline, credit, chrome,
// summary heading, section heading (found with each line, on either thread: analyse.cpp).
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <algorithm>
#include <string>

#include "jatei/text.hpp"
#include "jatei/utf8.hpp"

namespace jatei::seg {

// A turn of a dialogue, not a heading: a sentence ends inside the line (なるほど。では次は？), or a
// short name in 【】 is followed by a sentence (【山田】本当ですか？).
bool reads_like_a_turn(std::string_view s) {
  auto terminator = [](char32_t c) { return c == U'。' || c == U'？' || c == U'！' || c == '?' || c == '!'; };
  std::u32string u;
  for (std::size_t i = 0, len = 0; i < s.size(); i += len) u.push_back(utf8::decode(s, i, len));
  for (std::size_t i = 0; i + 1 < u.size(); ++i)
    if (terminator(u[i]) && !terminator(u[i + 1])) return true;
  std::size_t close = u.find(U'】');
  if (u.empty() || u[0] != U'【' || close == std::u32string::npos || close < 2 || close > 7 || close + 1 >= u.size())
    return false;
  for (std::size_t i = 1; i < close; ++i)
    if ((u[i] >= '0' && u[i] <= '9') || (u[i] >= U'０' && u[i] <= U'９')) return false;
  return terminator(u.back());
}

// A rule across the page: eight or more dashes, rules or scissors making up three quarters of
// the line, with at most a word inside (------ キリトリ ------, ✂‐‐‐‐‐‐‐‐).
bool is_rule_line(std::string_view s, std::size_t chars) {
  static constexpr std::u32string_view kRules = U"-‐‑–—―─━═=＝－~～_＿✂✄✁┈┄…‥・･.*＊";
  std::size_t marks = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    marks += kRules.find(c) != std::u32string_view::npos;
    i += len;
  }
  return marks >= 8 && marks * 4 >= chars * 3;
}

namespace {

bool is_circled_number(char32_t c) {
  return (c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF) ||
         (c >= 0x2776 && c <= 0x2793);
}

// 特徴① ポイント② ①: a short label then a circled number at the start of the line.
bool starts_with_numbered_label(std::string_view s) {
  std::size_t i = 0, chars = 0;
  while (i < s.size() && chars <= 8) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    if (is_circled_number(c)) return true;
    if (is_space(c) || c == U'、' || c == U'。' || c == U'「' || c == U'（' || c == U'(' || c == U':' || c == U'：')
      return false;
    i += len;
    ++chars;
  }
  return false;
}

// After a byline's key (聞き手：), a sentence rather than a name: at least eight characters
// ending with 。？！ (a credit names people and ends without them).
bool asks_or_says(std::string_view rest) {
  std::size_t n = 0;
  char32_t last = 0;
  for (text::CodePoint cp : text::code_points(rest))
    if (!text::is_white_space(cp.c)) ++n, last = cp.c;
  return n >= 8 && (last == U'。' || last == U'？' || last == U'！' || last == '?' || last == '!');
}

// A line that opens with a note's mark: ※, ＊ or * before its text (not ** of Markdown).
bool is_note_mark(std::string_view s) {
  return s.starts_with("※") || s.starts_with("＊") || (s.starts_with("*") && !s.starts_with("**"));
}

// The key of a credit: one or more words of a part in making the page ([credit-role]: 構成,
// 撮影, イラスト…; one at least not weak) joined by ・ or と, then what sets the name apart (： :
// ＝ = ／ / or a space).
// Returns its length in bytes (0: none), and whether a space set the name apart.
std::size_t credit_key(std::string_view s, const text::CueIndex& roles, bool& spaced) {
  std::size_t at = 0;
  bool strong = false;
  for (;;) {
    bool weak = false;
    std::size_t n = roles.prefix(s.substr(at), &weak);
    if (n == 0) return 0;
    strong = strong || !weak;
    at += n;
    std::string_view rest = s.substr(at);
    if (rest.starts_with("・") || rest.starts_with("と")) {
      at += 3;
      continue;
    }
    break;
  }
  if (!strong) return 0;
  spaced = false;
  std::size_t sep = 0;
  for (std::string_view mark : {"：", ":", "＝", "=", "／", "/"})
    if (s.substr(at).starts_with(mark)) sep = mark.size();
  if (sep == 0) {
    while (at + sep < s.size() && (s[at + sep] == ' ' || s.substr(at + sep).starts_with("\xE3\x80\x80")))
      sep += s[at + sep] == ' ' ? 1 : 3;
    spaced = sep > 0;
  }
  if (sep == 0) return 0;
  at += sep;
  while (at < s.size() && (s[at] == ' ' || s.substr(at).starts_with("\xE3\x80\x80"))) at += s[at] == ' ' ? 1 : 3;
  return at < s.size() ? at : 0;
}

// A credit line (構成＝山本あかり, 取材・文／北村, イラスト　森): a [credit-role] key, then names, no
// sentence (no 。, not a question or a statement after the key, no hiragana right after a space:
// 撮影 した写真 is a sentence's words), at most 40 characters of names.
bool is_credit_line(std::string_view s, const text::CueIndex& roles) {
  bool spaced = false;
  std::size_t n = credit_key(s, roles, spaced);
  if (n == 0 || s.find("。") != std::string_view::npos || asks_or_says(s.substr(n))) return false;
  std::size_t len = 0;
  char32_t first = utf8::decode(s, n, len);
  return !(spaced && text::is_hiragana(first)) && count_chars(s.substr(n), 41) <= 40;
}

bool is_ascii_marker(const std::string& p) { return p.size() == 1 || p == "‐" || p == "–"; }

// A row of a page's settings or choices (文字の大きさ 小 中 大　表示色 標準 反転): five words or
// more between spaces, none longer than eight characters, three or more of them one letter
// (the buttons: 小 中 大, A A A), no punctuation of a sentence or clause, hiragana in one word at
// most (the setting's name, 文字の大きさ). A roster or a tag list has names and words, not single
// letters; a table's row of ratings has marks (◎ ○ △); a casual sentence spaced out into words
// has its particles and verbs (使った道具は 鍋 皿 箸 と 包丁).
bool is_choice_row(std::string_view s, std::size_t chars) {
  if (chars > 50) return false;
  std::size_t words = 0, singles = 0, kana_words = 0, i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    if (is_space(c)) {
      i += len;
      continue;
    }
    std::size_t n = 0;
    char32_t first = c;
    bool kana = false;
    for (; i < s.size(); i += len, ++n) {
      c = utf8::decode(s, i, len);
      if (is_space(c)) break;
      kana = kana || text::is_hiragana(c);
      if (c == U'。' || c == U'、' || c == U'，' || c == U'！' || c == U'？' || c == '!' || c == '?' || c == ',') return false;
    }
    if (n > 8) return false;
    ++words;
    kana_words += kana;
    singles += n == 1 && (text::is_kanji(first) || text::is_latin(first) || text::is_katakana(first));
  }
  return words >= 5 && singles >= 3 && kana_words <= 1;
}

// Site chrome by its shape, whatever the site's words: a breadcrumb trail (ホーム ＞ くらし ＞
// ごみ), a row of counters and buttons (128 いいね　96 ストック, 参考になった 12人　｜　違反報告),
// a row of settings or choices (文字の大きさ 小 中 大), a row of three or more links between
// bars, or a short line naming a page function
// ([boilerplate-line]: お問い合わせ, 一覧へ戻る, …) that is not a bracketed or marked heading.
bool is_page_chrome(std::string_view s, std::size_t chars, const Cues& cues) {
  if (is_rule_line(s, chars)) return true;
  // A link to the previous or the next post (« 前の記事の題, 次の記事の題 »).
  if (chars <= 60 && (s.starts_with("«") || s.starts_with("‹") || s.ends_with("»") || s.ends_with("›"))) return true;
  // The same with an angle apart from the words (＜ 前の社説, 次の社説 ＞, ＜ 前へ　次へ ＞), not a
  // bracket around them (＜解説＞).
  if (chars <= 60 && !ends_like_sentence(s) &&
      (s.starts_with("＜ ") || s.starts_with("＜　") || s.starts_with("< ") || s.ends_with(" ＞") || s.ends_with("　＞") ||
       s.ends_with(" >")))
    return true;
  std::size_t seps = 0, seg_start = 0, longest = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 0;
    for (auto& e : cues.breadcrumb.entries())
      if (!e.pattern.empty() && s.substr(i, e.pattern.size()) == e.pattern) {
        n = e.pattern.size();
        break;
      }
    if (n) {
      std::string_view part = trim(s.substr(seg_start, i - seg_start));
      if (part.empty()) return false;  // >>2: an anchor, not a trail
      longest = std::max(longest, count_chars(part, 40));
      ++seps;
      i += n;
      seg_start = i;
    } else {
      i += utf8::sequence_length(static_cast<unsigned char>(s[i]));
    }
  }
  if (seps >= 2) {
    std::string_view part = trim(s.substr(seg_start));
    longest = std::max(longest, count_chars(part, 40));
    if (!part.empty() && longest <= 25) return true;
  }
  if (is_choice_row(s, chars)) return true;
  std::vector<std::string_view> cells = row_cells(s);
  std::size_t counters = 0, widest = 0;
  for (std::string_view c : cells) {
    counters += is_counter_cell(c, cues.counter_unit.entries());
    widest = std::max(widest, count_chars(c, 40));
  }
  if (counters >= 1 && widest <= 20 && (cells.size() >= 2 || chars <= 16)) return true;
  if (bars(s) >= 2 && widest <= 30) return true;
  if (chars <= 80 && !s.starts_with("【") && (!cues.section_head.prefix(s) || has_bar(s)) &&
      cues.boilerplate_line.contains(s))
    return true;
  return false;
}

// A heading's words without the marks around them: 【ポイント】 ■まとめ ＜要点＞ -> ポイント まとめ 要点.
std::string_view unmarked_head(std::string_view s) {
  static constexpr std::u32string_view kLead = U"■□◆◇●○▼▽▶▷★☆";
  static constexpr std::u32string_view kOpen = U"【［〈《＜〔[";
  static constexpr std::u32string_view kClose = U"】］〉》＞〕]";
  std::size_t len = 0;
  char32_t f = utf8::decode(s, 0, len);
  if (kLead.find(f) != std::u32string_view::npos) return trim(s.substr(len));
  std::size_t open = kOpen.find(f);
  if (open == std::u32string_view::npos || s.size() <= len) return s;
  std::size_t blen = 0;
  char32_t b = utf8::decode_before(s, s.size(), blen);
  if (b != kClose[open]) return s;
  return trim(s.substr(len, s.size() - len - blen));
}

}  // namespace

LineKind classify(std::string_view s, std::size_t chars, const Cues& cues) {
  if (s.empty()) return LineKind::blank;
  if (is_markdown_table_row(s)) return LineKind::bullet;  // a row of a table: an item of its list
  bool weak = false;
  if (chars <= kMaxCueChars) {
    if (cues.trailer.whole(s)) return LineKind::trailer;
    // 聞き手：佐藤あかね is a credit; 聞き手：売れる本は変わりましたか。 is a question someone asks.
    if (std::size_t n = chars <= 100 ? cues.byline.prefix(s) : 0; n && !asks_or_says(s.substr(n))) return LineKind::byline;
    // A credit in another shape than [byline]'s (撮影＝大川浩, イラスト・図版　森): not a caption's
    // line (写真：… says what a photo shows).
    if (chars <= 60 && !cues.caption.prefix(s) && is_credit_line(s, cues.credit_role)) return LineKind::byline;
    if (chars <= 100 && cues.credit.whole(s)) {
      // Only a bracketed line that names a credit (TEXT: 編集: 写真: …) is a credit line.
      std::string_view inner = s.substr(1);
      for (std::size_t i = 0; i < inner.size(); i += utf8::sequence_length(static_cast<unsigned char>(inner[i])))
        if (cues.byline.prefix(inner.substr(i))) return LineKind::credit;
      // (出典:…): a source named in brackets.
      inner = s.substr(utf8::sequence_length(static_cast<unsigned char>(s[0])));
      if (std::size_t n = cues.credit_source.prefix(inner);
          n && (inner.substr(n).starts_with(":") || inner.substr(n).starts_with("：")))
        return LineKind::credit;
    }
    // （文・写真　西岡）, (取材・文 山田): a whole line in brackets that opens with a credit's key.
    if (chars <= 60 && ((s.starts_with("（") && s.ends_with("）")) || (s.starts_with("(") && s.ends_with(")")))) {
      std::size_t open = utf8::sequence_length(static_cast<unsigned char>(s[0]));
      if (std::size_t n = cues.byline.prefix(s.substr(open)); n && !asks_or_says(s.substr(open + n))) return LineKind::credit;
      // （文・写真＝西岡）, (撮影＝大川): the same with a credit's key of another shape.
      std::size_t close = s.ends_with("）") ? 3 : 1;
      if (is_credit_line(s.substr(open, s.size() - open - close), cues.credit_role)) return LineKind::credit;
    }
    // (経済部　佐藤健一), not (第2部 参照): a desk is not numbered.
    if (chars <= 30 && cues.credit_desk.whole(s) && !has_digit(s)) return LineKind::credit;
    if (cues.caption.prefix(s, &weak)) {
      if (!weak || (chars <= 80 && !ends_like_sentence(s))) return LineKind::caption;
    }
    // 表彰式の様子（写真提供：…）: what a photo shows, then who took it; no sentence.
    if (chars <= 100 && s.find("。") == std::string_view::npos && cues.caption_credit.whole(s)) return LineKind::caption;
    if (chars <= 30 && (cues.summary_head.whole(s) || cues.summary_head.whole(unmarked_head(s))))
      return LineKind::summary_head;
    if (chars <= 150 && cues.boilerplate.contains(s)) return LineKind::boilerplate;
    // A reader's note that claims nothing of the article's subject (※表示価格は税込みです。,
    // ※内容は変更になる場合があります。): the page's furniture. A note that states a fact
    // (※講座の録画は3月末まで公開しています。) stays in the text.
    if (chars <= 150 && is_note_mark(s) && cues.note_boilerplate.contains(s)) return LineKind::boilerplate;
    if (chars <= 30 && cues.chrome_line.whole(s)) return LineKind::boilerplate;
    if (chars <= 80 && is_markdown_heading(s)) return LineKind::section_head;
    if (chars <= 150 && !ends_like_sentence(s) && is_page_chrome(s, chars, cues)) return LineKind::boilerplate;
  }
  for (auto& e : cues.list_bullet.entries()) {
    if (!e.pattern.empty() && e.pattern[0] != s[0]) continue;
    if (s.substr(0, e.pattern.size()) != e.pattern) continue;
    if (is_ascii_marker(e.pattern)) {
      std::string_view rest = s.substr(e.pattern.size());
      std::size_t len = 0;
      if (rest.empty() || !is_space(utf8::decode(rest, 0, len))) continue;
    }
    if (s.size() > e.pattern.size()) return LineKind::bullet;
  }
  if (starts_with_numbered_label(s)) return LineKind::number;
  bool number = cues.list_number.each_candidate(s, [&](std::uint32_t k) {
    std::size_t n = glob_prefix(cues.list_number.entries()[k].pattern, s);
    if (n == std::string_view::npos || n == 0 || n >= s.size()) return false;
    // "1.5倍" is a number, not an enumerator; 1．2026年3月期の業績 numbers a year's heading (four
    // figures and 年 make a year, never the decimals of a number: 1.5年 stays one).
    std::size_t len = 0, at = n, figures = 0;
    for (char32_t next; at < s.size() && is_ascii_digit_or_fw(next = utf8::decode(s, at, len)); at += len) ++figures;
    return figures == 0 || (figures == 4 && s.substr(at).starts_with("年"));
  });
  return number ? LineKind::number : LineKind::para;
}

}  // namespace jatei::seg
