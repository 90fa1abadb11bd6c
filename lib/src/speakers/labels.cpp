// Label shapes read from one line (see labels.hpp): the parts of an inline label, and post
// header lines.
#include "speakers/labels.hpp"

#include <algorithm>
#include <vector>

#include "jatei/rules.hpp"
#include "speakers/model.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

// Bytes at the start of a paragraph looked at for a label, and the longest paragraph that may
// be a 名前「…」 turn (its quote must close at the end of the paragraph).
constexpr std::size_t kLabelHead = 256;
constexpr std::size_t kLabelScan = 8192;

// The code points at the start of a line, with their offsets.
class Head {
 public:
  explicit Head(std::string_view s) : s_(s) {
    cut_ = std::min(s.size(), kLabelHead);
    while (cut_ < s.size() && cut_ > 0 && (static_cast<unsigned char>(s[cut_]) & 0xC0) == 0x80) --cut_;
    text::decode_all(s.substr(0, cut_), cps_);
  }
  std::size_t size() const { return cps_.size(); }
  char32_t operator[](std::size_t i) const { return i < cps_.size() ? cps_[i].c : 0; }
  std::size_t byte(std::size_t i) const { return i < cps_.size() ? cps_[i].at : cut_; }
  std::string_view slice(std::size_t a, std::size_t b) const { return s_.substr(byte(a), byte(b) - byte(a)); }
  // Whether only whitespace follows code point i.
  bool rest_empty(std::size_t i) const {
    for (; i < cps_.size(); ++i)
      if (!text::is_white_space(cps_[i].c)) return false;
    return cut_ >= s_.size() || trim_space(s_.substr(cut_)).empty();
  }

 private:
  std::string_view s_;
  std::size_t cut_ = 0;
  std::vector<text::CodePoint> cps_;
};

bool ends_with_particle(char32_t c) {
  return c == U'は' || c == U'が' || c == U'を' || c == U'に' || c == U'で' || c == U'と' || c == U'の' || c == U'も' ||
         c == U'へ' || c == U'や' || c == U'か';
}

// A mark before a label's name (○議長… ◆１２番… ◎市長… └ 作者より：).
bool is_mark(char32_t c) {
  static constexpr char32_t kMarks[] = {U'○', U'◯', U'●', U'◎', U'◆', U'◇', U'■', U'□', U'▲', U'△', U'▼',
                                        U'▽', U'★', U'☆', U'►', U'▶', U'▷', U'└', U'├', U'┗', U'→', U'⇒'};
  return std::find(std::begin(kMarks), std::end(kMarks), c) != std::end(kMarks);
}

// A character of a name slot: 関東日報・高橋, ホスト・岡田, 記者A, No.2, kei_0921, お礼.
bool slot_char(char32_t c) {
  return text::is_kanji(c) || text::katakana_word(c) || text::is_hiragana(c) || text::is_latin(c) ||
         text::is_digit(c) || c == U'・' || c == '_' || c == U'＿' || c == '-' || c == '.' || c == U'．';
}

bool is_colon(char32_t c) { return c == ':' || c == U'：'; }

// A sentence rather than a name after a key: at least eight characters ending with 。？！.
bool sentence_after(std::string_view rest) {
  std::size_t n = 0;
  char32_t last = 0;
  for (text::CodePoint cp : text::code_points(trim_space(rest)))
    if (!text::is_white_space(cp.c)) ++n, last = cp.c;
  return n >= 8 && (last == U'。' || last == U'？' || last == U'！' || last == '?' || last == '!');
}
bool is_angle(char32_t c) { return c == '>' || c == U'＞'; }

}  // namespace

bool date_only(std::string_view rest) {
  static constexpr std::u32string_view kDateChars = U"年月日時分秒火水木金土曜/-.:：／（）()〜~～・";
  bool digit = false;
  for (text::CodePoint cp : text::code_points(trim_space(rest))) {
    if (text::is_digit(cp.c)) digit = true;
    else if (!text::is_white_space(cp.c) && kDateChars.find(cp.c) == std::u32string_view::npos) return false;
  }
  return digit;
}

namespace {

// A timestamp: [01:12:05] (12:30) 00:41:10 — hours or minutes, then :mm and maybe :ss(.cc).
struct Time {
  std::size_t end = 0;  // code point after it (and after the spaces that follow)
  bool bracketed = false;
};
std::optional<Time> parse_time(const Head& h, std::size_t i) {
  std::size_t k = i;
  int family = text::opens(h[k]);
  bool bracketed = family == 1 || family == 2;
  if (bracketed) ++k;
  std::size_t d = 0;
  while (text::is_digit(h[k]) && d < 3) ++k, ++d;
  if (d == 0 || d > 2 || !is_colon(h[k])) return std::nullopt;
  int groups = 0;
  while (is_colon(h[k]) && text::is_digit(h[k + 1]) && text::is_digit(h[k + 2])) {
    k += 3;
    ++groups;
  }
  if (groups == 0 || text::is_digit(h[k])) return std::nullopt;
  if ((h[k] == '.' || h[k] == U'．') && text::is_digit(h[k + 1])) {
    ++k;
    while (text::is_digit(h[k])) ++k;
  }
  if (bracketed) {
    if (text::closes(h[k]) != family) return std::nullopt;
    ++k;
  }
  std::size_t spaces = 0;
  while (text::is_space(h[k])) ++k, ++spaces;
  if (!bracketed && spaces == 0) return std::nullopt;  // 10:30から: a time in a sentence
  return Time{k, bracketed};
}

std::string role_for(const SpeakerModel::Compiled& cues, std::string_view name) { return cues.role_for(name); }

// A title or a name after a question or answer mark (答　市民課長　… 答（市長）… A．教育長：…): a
// name slot of two or more characters, not a phrase (no particle inside or at its end, not all
// hiragana), then a space or a colon and text. The label ends before the space or after the colon.
struct Title {
  std::size_t b = 0, e = 0, end = 0;  // code points: the name, and where the label ends
};
std::optional<Title> title_after_mark(const Head& h, std::size_t i, std::size_t max_name) {
  while (text::is_space(h[i])) ++i;
  Title t;
  if (text::opens(h[i]) == 1) {  // 答（市長）
    std::size_t k = i + 1;
    while (k < h.size() && k <= i + 1 + max_name && text::closes(h[k]) != 1) ++k;
    if (text::closes(h[k]) != 1) return std::nullopt;
    t.b = i + 1, t.e = k, t.end = k + 1;
  } else {
    std::size_t k = i;
    while (k < h.size() && k < i + max_name && slot_char(h[k])) ++k;
    if (slot_char(h[k])) return std::nullopt;
    t.b = i, t.e = t.end = k;
  }
  if (t.e < t.b + 2) return std::nullopt;
  std::size_t j = t.end;
  bool space = false;
  while (text::is_space(h[j])) ++j, space = true;
  if (is_colon(h[j])) t.end = j + 1;
  else if (!space && t.b == i) return std::nullopt;  // a bare title needs a space or a colon after it
  if (h.rest_empty(t.end)) return std::nullopt;
  bool hiragana_only = true;
  for (std::size_t k = t.b; k < t.e; ++k) {
    hiragana_only = hiragana_only && (text::is_hiragana(h[k]) || text::is_prolonged(h[k]));
    bool inner = k > t.b && k + 1 < t.e && !text::is_hiragana(h[k - 1]) && !text::is_hiragana(h[k + 1]);
    if (ends_with_particle(h[k]) && (inner || k + 1 == t.e)) return std::nullopt;
  }
  if (hiragana_only || text::is_digit(h[t.b])) return std::nullopt;
  return t;
}

// Whether a title after a mark names who speaks: letters of a name only (no hiragana: 現在、 はい
// are the answer's words), ending with a word of office ([role-word]: 市民課長 教育長) or an
// honorific ([honorific], [strip-honorific]: 川村議員 佐藤教授 森さん).
bool speaker_title(std::string_view t, const SpeakerModel::Compiled& cues) {
  for (text::CodePoint cp : text::code_points(t))
    if (!is_name_char(cp.c) && cp.c != U'・') return false;
  return cues["role-word"].suffix(t) > 0 || cues["honorific"].suffix(t) > 0 || cues["strip-honorific"].suffix(t) > 0;
}

// Extends a question or answer mark's label over the title or name after it (答　市民課長　…): the
// mark goes to SpeakerLabel::mark, the title becomes the name. `end`: the code point after the
// mark's label.
bool extend_mark(const Head& h, std::size_t end, std::size_t max_name, const SpeakerModel::Compiled& cues,
                 LabelCandidate& c) {
  SpeakerLabel& l = c.label;
  auto t = title_after_mark(h, end, max_name);
  if (!t || !speaker_title(h.slice(t->b, t->e), cues)) return false;
  l.mark = l.name;
  l.name = std::string(trim_space(h.slice(t->b, t->e)));
  l.length = h.byte(t->end);
  l.shape += text::opens(h[t->b - 1]) == 1 ? "（名前）" : "名前　";
  return true;
}

}  // namespace

int qa_word(std::string_view name, const SpeakerModel::Compiled& cues) {
  for (int side : {1, -1}) {
    const CueList& list = cues[side > 0 ? "qa-ask" : "qa-answer"];
    if (list.whole(name)) return side;
    // 弁護士の回答 先生からのアドバイス: a word of the list after の.
    std::size_t n = list.suffix(name);
    if (n > 0 && n < name.size() && ends_with(name.substr(0, name.size() - n), "の")) return side;
  }
  return 0;
}

namespace {

// The dash of an interviewer (―― —— ーー ── ––), or nothing.
std::optional<LabelCandidate> parse_dash(const Head& h) {
  std::size_t i = 0;
  while (i < h.size() && is_dash(h[i])) ++i;
  if (i < 2) return std::nullopt;
  std::size_t j = i;
  while (j < h.size() && text::is_space(h[j])) ++j;
  if (j >= h.size() || is_dash(h[j])) return std::nullopt;
  LabelCandidate c;
  c.label.style = SpeakerLabel::Style::dash;
  c.label.length = h.byte(i);
  c.label.role = "interviewer";
  c.label.shape = "――";
  c.family = "D";
  return c;
}

// Q. A. Q: A： Q1. A(名前):
std::optional<LabelCandidate> parse_qa(const Head& h, std::string_view text, std::size_t max_name,
                                       const SpeakerModel::Compiled& cues) {
  char32_t c0 = h[0];
  if (!(c0 == 'Q' || c0 == 'A' || c0 == U'Ｑ' || c0 == U'Ａ')) return std::nullopt;
  bool q = c0 == 'Q' || c0 == U'Ｑ';
  std::size_t k = 1;
  while (text::is_digit(h[k])) ++k;
  char32_t p = h[k];
  LabelCandidate c;
  SpeakerLabel& l = c.label;
  l.style = SpeakerLabel::Style::qa;
  l.role = q ? "interviewer" : "interviewee";
  l.name = q ? "Q" : "A";
  c.family = "QA";
  // Q　… A　市長　…: a space after the bare mark (Ｑ１　… with a number is an FAQ's heading).
  if (text::is_space(p) && k == 1 && !h.rest_empty(k)) {
    std::size_t j = k;
    while (text::is_space(h[j])) ++j;
    l.length = h.byte(k);
    l.shape = std::string(text.substr(0, h.byte(1))) + "　";
    extend_mark(h, j, max_name, cues, c);
    return c;
  }
  if (p == '.' || p == U'．' || is_colon(p)) {
    char32_t n1 = h[k + 1], n2 = h[k + 2];
    // A.I., Q.E.D.: dotted initials; Q.iPhoneで… and Q.AIは… are labels with their question.
    bool abbreviation = p == '.' && text::is_latin(n1) && n2 == '.';
    // Digits right after the mark: a section number when they are followed by a dot, a space or
    // nothing (Q.1. Q.1 概要 Q.1.2 概要), the answer's own text otherwise (A.2023年の春です。).
    bool section_number = false;
    if (text::is_digit(n1)) {
      std::size_t m = k + 1;
      while (text::is_digit(h[m])) ++m;
      while ((h[m] == '.' || h[m] == U'．') && text::is_digit(h[m + 1])) {
        m += 2;
        while (text::is_digit(h[m])) ++m;
      }
      char32_t after = h[m];
      section_number = m >= h.size() || after == '.' || after == U'．' || text::is_space(after);
    }
    if (abbreviation || section_number || h.rest_empty(k + 1)) return std::nullopt;
    l.length = h.byte(k + 1);
    l.shape = std::string(text.substr(0, h.byte(1))) + std::string(h.slice(k, k + 1));
    extend_mark(h, k + 1, max_name, cues, c);  // A．市長　…
    return c;
  }
  if (text::opens(p) == 1) {  // A(中村): A（中村）：
    std::size_t close = k + 1;
    while (close < h.size() && close < k + 2 + max_name && text::closes(h[close]) != 1) ++close;
    if (text::closes(h[close]) == 1 && close > k + 1 && is_colon(h[close + 1]) && !h.rest_empty(close + 2)) {
      l.name = std::string(trim_space(h.slice(k + 1, close)));
      l.length = h.byte(close + 2);
      l.shape = std::string(text.substr(0, h.byte(1))) + "（名前）：";
      return c;
    }
  }
  return std::nullopt;
}

// The key of a bracket family in a shape ((N) for （） and (), [N] for ［］ and []).
std::string_view bracket_key(int family) {
  switch (family) {
    case 1: return "(N)";
    case 2: return "[N]";
    case 5: case 6: return "<N>";
    case 8: return "【N】";
    case 9: return "〔N〕";
    default: return "";
  }
}

// A time and a mark before the body ([00:03:12] ホスト・岡田： ○議長（…君）　): where the body
// starts.
std::size_t parse_prefix(const Head& h, LabelCandidate& c) {
  SpeakerLabel& l = c.label;
  std::size_t i = 0;
  if (auto t = parse_time(h, 0)) {
    std::size_t end = t->end;
    while (end > 0 && text::is_space(h[end - 1])) --end;
    l.time = std::string(h.slice(0, end));
    c.family += t->bracketed ? "[T]" : "T";
    l.shape += t->bracketed ? "[時刻] " : "時刻 ";
    i = t->end;
  }
  if (is_mark(h[i])) {  // ○議長（…君）　 └ 作者より：
    std::size_t k = i + 1;
    while (text::is_space(h[k])) ++k;
    if (slot_char(h[k]) || text::opens(h[k])) {
      c.family += "M";
      utf8::append(l.shape, h[i]);
      i = k;
    }
  }
  return i;
}

// The body of a label, in code points: where the name is and where the body ends.
struct Body {
  std::size_t name_b = 0, name_e = 0, end = 0;
  bool bracketed = false, bold = false;
};

// A family name and a given name with one space between (三浦 早苗： 三浦　早苗＞), the space
// inside the label: the name runs from i over both parts when a colon or ＞ follows the second,
// or when the second ends with an honorific ([strip-honorific]) and a full-width space follows
// (○北村　里美君　…, as minutes write a member's full name). `k`: where the first part ends.
// Returns where the name ends.
std::size_t spaced_name_end(const Head& h, std::size_t i, std::size_t k, const SpeakerModel::Compiled& cues) {
  auto kanji_or_katakana = [&](std::size_t a, std::size_t b) {
    bool kanji = true, kata = true;
    for (std::size_t x = a; x < b; ++x) kanji = kanji && text::is_kanji(h[x]), kata = kata && text::katakana_word(h[x]);
    return kanji || kata;
  };
  if (k - i > 4 || !kanji_or_katakana(i, k) || !(h[k] == ' ' || h[k] == U'　')) return k;
  std::size_t j = k + 1;
  while (j < h.size() && j < k + 6 && (text::is_kanji(h[j]) || text::is_kana(h[j]))) ++j;
  if (j == k + 1 || j - (k + 1) > 4) return k;
  if (is_colon(h[j]) || is_angle(h[j])) return j;
  // (not a mark of a question or an answer, nor an office, before the name: 問　川村議員　…)
  if ((h[j] == U'　' || h.rest_empty(j)) && j - (k + 1) >= 2 && text::is_kanji(h[k + 1]) &&
      cues["strip-honorific"].suffix(h.slice(k + 1, j)) > 0 && qa_word(h.slice(i, k), cues) == 0 &&
      cues["role-word"].suffix(h.slice(i, k)) == 0)
    return j;
  return k;
}

// A member's seat (12番, １２番): digits and 番.
bool seat_number(std::string_view name) {
  bool digits = false;
  for (text::CodePoint cp : text::code_points(name)) {
    if (text::is_digit(cp.c)) digits = true;
    else return digits && cp.c == U'番' && text::end(cp) == name.size();
  }
  return false;
}

// After a word of office (or a seat) and a full-width space, the holder's name, an honorific closing it,
// then the line's end or a full-width space before the speech (○議長　森田　和夫君 on a line of
// its own, ○市長　大野正人君　お答えします。: minutes that write the holder after a space, not in
// brackets): where the name ends, or 0.
std::size_t holder_after_office(const Head& h, std::size_t j, const SpeakerModel::Compiled& cues) {
  if (h[j] != U'　') return 0;
  std::size_t a = j + 1;
  if (!text::is_kanji(h[a])) return 0;
  int spaces = 0;
  for (std::size_t e = a; e <= h.size() && e <= a + 12; ++e) {
    char32_t c = h[e];
    bool end = c == U'　' || h.rest_empty(e);
    if (end && e - a >= 3 && cues["strip-honorific"].suffix(h.slice(a, e)) > 0) return e;
    if (c == U'　' && spaces++ == 0) continue;  // 森田　和夫君: one space inside the name
    if (!(text::is_kanji(c) || text::is_kana(c))) return 0;
  }
  return 0;
}

// The body at i: **name**, a name in brackets, or a bare name with maybe a bracket after it.
std::optional<Body> parse_body(const Head& h, std::size_t i, std::size_t max_name, const SpeakerModel::Compiled& cues,
                               LabelCandidate& c) {
  SpeakerLabel& l = c.label;
  Body b{i, i, i, false, false};
  int family = text::opens(h[i]);
  if (h[i] == '*' && h[i + 1] == '*') {
    std::size_t k = i + 2;
    while (k < h.size() && k < i + 3 + max_name && !(h[k] == '*' && h[k + 1] == '*')) ++k;
    if (!(h[k] == '*' && h[k + 1] == '*')) return std::nullopt;
    b = {i + 2, k, k + 2, true, true};
    c.family += "**N**";
    l.shape += "**名前**";
  } else if (h[i] == '<' || h[i] == U'＜') {  // ＜編集部＞ <ken>: a name between angles, as 〈名前〉 is
    std::size_t k = i + 1;
    while (k < h.size() && k <= i + 1 + max_name && !is_angle(h[k]) && h[k] != '<' && h[k] != U'＜') ++k;
    if (!is_angle(h[k])) return std::nullopt;
    b = {i + 1, k, k + 1, true, false};
    c.family += bracket_key(5);
    utf8::append(l.shape, h[i]);
    l.shape += "名前";
    utf8::append(l.shape, h[k]);
  } else if (!bracket_key(family).empty()) {
    std::size_t k = i + 1;
    while (k < h.size() && k <= i + 1 + max_name && text::closes(h[k]) != family) ++k;
    if (text::closes(h[k]) != family) return std::nullopt;
    b = {i + 1, k, k + 1, true, false};
    c.family += bracket_key(family);
    utf8::append(l.shape, h[i]);
    l.shape += "名前";
    utf8::append(l.shape, h[k]);
  } else {
    std::size_t k = i;
    while (k < h.size() && k < i + max_name && (slot_char(h[k]) || h[k] == '*' || h[k] == U'＊' ||
                                                (k > i && h[k] == ' ' && text::is_latin(h[k - 1]) && text::is_latin(h[k + 1]))))
      ++k;
    if (k == i || slot_char(h[k])) return std::nullopt;  // nothing, or longer than a name
    k = spaced_name_end(h, i, k, cues);
    b.name_b = i, b.name_e = b.end = k;
    if (text::opens(h[k]) == 1) {  // 議長（大河内正君） 山田(アナリスト) 森義人（もり・よしと）
      std::size_t close = k + 1;
      while (close < h.size() && close < k + 25 && text::closes(h[close]) != 1 && !text::opens(h[close])) ++close;
      if (text::closes(h[close]) == 1 && close > k + 1) {
        l.note = std::string(trim_space(h.slice(k + 1, close)));
        b.end = close + 1;
      }
    }
    bool time_after = false;
    if (b.end == b.name_e && l.time.empty()) {  // 村田 [00:12:30]： 森［01:05］：: a timestamp in brackets after the name
      std::size_t j = k;
      while (j < k + 2 && (h[j] == ' ' || h[j] == U'　')) ++j;
      int fam = text::opens(h[j]);
      if (fam == 1 || fam == 2)
        if (auto t = parse_time(h, j); t && t->bracketed) {
          std::size_t e = t->end;
          while (e > j && text::is_space(h[e - 1])) --e;
          l.time = std::string(h.slice(j, e));
          b.end = e;
          time_after = true;
        }
    }
    c.family += "N";
    l.shape += "名前";
    if (time_after) {  // (the time after the name: a shape of its own)
      c.family += "[T]";
      l.shape += " [時刻]";
    }
  }
  l.name = std::string(trim_space(h.slice(b.name_b, b.name_e)));
  return b;
}

// 「 at j opens a quote that closes at the end of the paragraph (ケン「…」).
bool quote_to_the_end(const Head& h, std::string_view text, std::size_t j) {
  if (text.size() > kLabelScan) return false;
  int depth = 0;
  for (std::size_t b = h.byte(j); b < text.size(); b = text::next(text, b)) {
    char32_t q = text::at(text, b);
    if (q == U'「') ++depth;
    else if (q == U'」' && --depth == 0) return trim_space(text.substr(text::next(text, b))).empty();
  }
  return false;
}

// The terminator after the body (： ＞ 「…」 a full-width space, a bracket's end, the line's end):
// the label's style, and the code point where the label ends.
std::optional<std::size_t> parse_terminator(const Head& h, std::string_view text, const Body& b, bool alone_ok,
                                            const SpeakerModel::Compiled& cues, LabelCandidate& c) {
  SpeakerLabel& l = c.label;
  std::size_t j = b.end, spaces = 0;
  // After a timestamp (10:02 ゆうき 明日は…, as a chat export writes it) a tab or a space of either
  // width separates the name from the message.
  const bool timed = !l.time.empty();
  while (h[j] == ' ' || (timed && text::is_space(h[j]))) ++j, ++spaces;
  char32_t t = h[j];
  if (is_colon(t)) {
    l.style = SpeakerLabel::Style::colon;
    c.family += ":";
    l.shape += "：";
    if (text::is_digit(h[j - 1]) && text::is_digit(h[j + 1])) return std::nullopt;  // 朝10:30
    if (h[j + 1] == '/' && h[j + 2] == '/') return std::nullopt;                    // http://
    if (date_only(text.substr(h.byte(j + 1)))) return std::nullopt;                 // 更新日：2026年9月12日
    return j + 1;
  }
  if (is_angle(t)) {
    l.style = SpeakerLabel::Style::angle;
    c.family += ">";
    l.shape += "＞";
    return j + 1;
  }
  // 三浦｜… 司会｜…: a vertical bar after the name, as a colon (a row of a table, 価格｜1,200円, is
  // no style: its names do not recur over speech)
  if ((t == U'｜' || t == '|') && !h.rest_empty(j + 1)) {
    l.style = SpeakerLabel::Style::colon;
    c.family += "I";
    l.shape += "｜";
    return j + 1;
  }
  if (b.bracketed && !b.bold) {
    l.style = SpeakerLabel::Style::bracket;
    return b.end;
  }
  if (!b.bracketed && t == U'「' && spaces == 0 && b.end == b.name_e && b.name_e - b.name_b <= 8) {
    l.style = SpeakerLabel::Style::quote;
    c.family += "「";
    l.shape += "「…」";
    if (!quote_to_the_end(h, text, j)) return std::nullopt;
    return b.end;
  }
  if (!b.bracketed && (t == U'　' || (spaces > 0 && (t > 0x7F || timed) && t != 0 && !text::is_space(t)))) {
    l.style = SpeakerLabel::Style::space;
    c.family += "_";
    l.shape += "　";
    return b.end;
  }
  // ○議長（森田和夫君）これより…, ○議長（森田和夫）これより…, ○12番（北村里美）…: after a mark,
  // an office or a seat and its holder in brackets (or a name with an honorific and a note),
  // minutes may start the speech with no space; the bracket ends the label, as a space after it
  // would.
  if (!b.bracketed && spaces == 0 && b.end > b.name_e && !c.family.empty() && c.family.front() == 'M' &&
      !h.rest_empty(b.end) &&
      (cues["strip-honorific"].suffix(l.note) > 0 || cues["strip-honorific"].suffix(l.name) > 0 ||
       cues["role-word"].suffix(l.name) > 0 || seat_number(l.name))) {
    l.style = SpeakerLabel::Style::space;
    c.family += "_";
    l.shape += "　";
    return b.end;
  }
  if (!b.bracketed && alone_ok && h.rest_empty(b.end)) {
    l.style = SpeakerLabel::Style::line;  // 小野寺 / 菅原（准教授） on a line of its own
    return b.end;
  }
  return std::nullopt;
}

// Whether the name slot holds a name: letters, not too long, no character a name has not, not
// a word that ends in a particle, and a number first only for a seat in front of the person in
// brackets (◆１２番（村上由紀子議員）).
bool name_shaped(const SpeakerLabel& l, const std::u32string& u, std::size_t max_name) {
  if (u.empty() || u.size() > max_name) return false;
  bool letter = false;
  for (char32_t ch : u) {
    letter = letter || text::is_kanji(ch) || text::katakana_word(ch) || text::is_hiragana(ch) || text::is_latin(ch);
    if (!slot_char(ch) && ch != ' ' && ch != U'　' && ch != '*' && ch != U'＊') return false;
  }
  return letter && !(text::is_digit(u.front()) && l.note.empty()) && !ends_with_particle(u.back());
}

// A question or answer mark and the title or name of who speaks (答　市民課長　… 答（市長）　…
// 回答：建設課長　…): the label runs over both, the person is the title.
void take_title_after_mark(const Head& h, std::size_t body_end, std::size_t label_end, std::size_t max_name,
                           const SpeakerModel::Compiled& cues, LabelCandidate& c) {
  SpeakerLabel& l = c.label;
  if (c.qa == 0 || l.alone || l.style == SpeakerLabel::Style::quote || l.style == SpeakerLabel::Style::line) return;
  if (!l.note.empty() && l.style != SpeakerLabel::Style::bracket && speaker_title(l.note, cues)) {
    l.mark = l.name;
    l.name = l.note;
    l.note.clear();
    l.shape += "（名前）";
  } else if (l.style == SpeakerLabel::Style::space || l.style == SpeakerLabel::Style::colon) {
    extend_mark(h, l.style == SpeakerLabel::Style::colon ? label_end : body_end, max_name, cues, c);
  }
}

// A name made only of credit words ([credit-word]), alone or joined by ・ ／ / (取材・撮影, 写真／文).
bool credit_name(std::string_view name, const SpeakerModel::Compiled& cues) {
  std::string part;
  bool any = false;
  auto done = [&] {
    if (part.empty() || !cues["credit-word"].whole(part)) return false;
    part.clear();
    any = true;
    return true;
  };
  for (text::CodePoint cp : text::code_points(name)) {
    if (cp.c == U'・' || cp.c == U'／' || cp.c == '/') {
      if (!done()) return false;
      continue;
    }
    utf8::append(part, cp.c);
  }
  return done() && any;
}

// Whether what follows の in a label names a person ([person-word], [role-word]: 乗客の女性,
// 町の担当者, 地元の漁師), as a broadcast transcript labels those it does not name.
bool person_after_no(std::u32string_view tail, const SpeakerModel::Compiled& cues) {
  std::string t;
  for (char32_t ch : tail) {
    if (text::is_hiragana(ch)) return false;
    utf8::append(t, ch);
  }
  return cues["person-word"].suffix(t) > 0 || cues["role-word"].suffix(t) > 0;
}

// A start shaped like a label that is something else: a phrase with a particle inside (IC
// カード利用時は１４７円), a stop word (注: 座談会:…, 【訂正・6月20日】), a byline or a caption key
// (著者: 写真:; 聞き手：佐藤あかね is a credit, 聞き手：売れる本は変わりましたか。 a question), a credit
// (取材・撮影：山田一郎).
bool look_alike(const LabelCandidate& c, const std::u32string& u, bool bold, std::string_view text,
                const SpeakerModel& model) {
  const auto& cues = model.compiled();
  const SpeakerLabel& l = c.label;
  for (std::size_t k = 1; k + 1 < u.size() && c.qa == 0; ++k)
    if (ends_with_particle(u[k]) && !text::is_hiragana(u[k - 1]) && !text::is_hiragana(u[k + 1]) &&
        !(u[k] == U'の' && person_after_no(u.substr(k + 1), cues)))
      return true;
  bool latin = false, hiragana_only = true;
  for (char32_t ch : u) {
    latin = latin || text::is_latin(ch);
    hiragana_only = hiragana_only && (text::is_hiragana(ch) || text::is_prolonged(ch));
  }
  // (after a timestamp the shape is a chat log's: handles in kana or Latin letters are names; so
  // is a broadcast's narrator, Ｎ　…)
  if (l.style == SpeakerLabel::Style::space && l.time.empty() && (latin || hiragana_only) &&
      cues.role_for(l.name) != "narrator")
    return true;
  if (l.style == SpeakerLabel::Style::quote && hiragana_only) return true;
  // (参加者：山田、田中 lists who came; 参加者：子どもの安全はどう守るのですか。 is one of the
  // audience asking: an [audience-role] before a sentence is a label, as a credit's key is)
  if (c.qa == 0 && cues["label-stop"].whole(l.name) && cues["audience-role"].whole(l.name) &&
      sentence_after(text.substr(std::min(l.length, text.size()))))
    return false;
  if (c.qa == 0 && (cues["label-stop"].whole(l.name) || cues["tag-stop"].whole(l.name))) return true;
  if (c.qa == 0 && l.style == SpeakerLabel::Style::bracket &&
      (cues["label-stop"].prefix(l.name) || cues["tag-stop"].prefix(l.name)) &&
      // （編集部） names a role, not a tag; so does an office a credit's word opens (（企画課長）)
      !(cues["role-word"].whole(l.name) || !cues.role_for(l.name).empty() ||
        (cues["role-word"].suffix(l.name) > 0 && cues["role-word"].suffix(l.name) < l.name.size())))
    return true;
  if (c.qa == 0 && credit_name(l.name, cues) && !sentence_after(text.substr(std::min(l.length, text.size()))))
    return true;
  if (l.style != SpeakerLabel::Style::bracket && !bold) {
    const Rules& seg = model.segment_rules();
    std::size_t by = seg.matches_prefix("byline", text);
    if ((by > 0 && !sentence_after(text.substr(by))) || seg.matches_prefix("caption", text) > 0) return true;
  }
  return false;
}

}  // namespace

std::optional<LabelCandidate> parse_label(std::string_view text, const SpeakerModel& model, bool alone_ok) {
  const auto& cues = model.compiled();
  const std::size_t max_name = static_cast<std::size_t>(model.weight("label.max_name_chars"));
  Head h(text);
  if (h.size() == 0) return std::nullopt;
  if (auto d = parse_dash(h)) return d;
  if (is_dash(h[0])) return std::nullopt;  // ―まず一つだけ。 ――――
  if (auto q = parse_qa(h, text, max_name, cues)) return q;
  LabelCandidate c;
  SpeakerLabel& l = c.label;
  auto body = parse_body(h, parse_prefix(h, c), max_name, cues, c);
  if (!body) return std::nullopt;
  auto label_end = parse_terminator(h, text, *body, alone_ok, cues, c);
  if (!label_end) return std::nullopt;
  // ○議長　森田　和夫君, alone on its line or before the speech after a space: the office (or the
  // seat, ○12番　北村里美君), and its holder as a bracket would give it (○議長（森田和夫君）).
  if (l.style == SpeakerLabel::Style::space && !body->bracketed &&
      (cues["role-word"].suffix(l.name) > 0 || seat_number(l.name)))
    if (std::size_t e = holder_after_office(h, *label_end, cues); e && (alone_ok || !h.rest_empty(e))) {
      l.note = std::string(trim_space(h.slice(*label_end + 1, e)));
      if (h.rest_empty(e)) {
        l.style = SpeakerLabel::Style::line;
        c.family.pop_back();  // not the space style: a line of its own
        l.shape.resize(l.shape.size() - std::string_view("　").size());
      }
      label_end = e;
    }
  l.length = h.byte(*label_end);
  l.alone = h.rest_empty(*label_end);
  if (l.alone && (!alone_ok || l.style == SpeakerLabel::Style::quote || l.style == SpeakerLabel::Style::space))
    return std::nullopt;
  // A label alone on its line is a shape of its own: the line stands over what the person says.
  if (l.alone) {
    c.family += "|";
    l.shape += "（行のみ）";
  }
  std::u32string u;
  for (text::CodePoint cp : text::code_points(l.name)) u.push_back(cp.c);
  if (!name_shaped(l, u, max_name)) return std::nullopt;
  // A word of a question-and-answer pairing ([qa-ask], [qa-answer]: 相談 回答 質問者 弁護士の回答):
  // a label candidate even where [label-stop] lists it; induce.cpp accepts it only in a pair.
  c.qa = qa_word(l.name, cues);
  // ■相談 ■回答 alone on a line: a section's heading mark before a word of a question-and-answer
  // pairing heads a part of a column (the reader's question, the writer's answer), it names no
  // one who speaks.
  if (l.alone && c.qa != 0 && !c.family.empty() && c.family.front() == 'M') return std::nullopt;
  take_title_after_mark(h, body->end, *label_end, max_name, cues, c);
  if (look_alike(c, u, body->bold, text, model)) return std::nullopt;
  l.role = role_for(cues, l.name);
  if (l.role.empty() && c.qa != 0) l.role = c.qa > 0 ? "asker" : "explainer";
  return c;
}

bool office_and_holder(const LabelCandidate& c, const SpeakerModel::Compiled& cues) {
  const SpeakerLabel& l = c.label;
  if (c.family.empty() || c.family.front() != 'M' || l.note.empty()) return false;
  return (cues["role-word"].suffix(l.name) > 0 || seat_number(l.name)) && cues["strip-honorific"].suffix(l.note) > 0;
}

// ------------------------------------------------------------------------------------------
// Post headers
// ------------------------------------------------------------------------------------------

namespace {

enum class Part { number, date, time, id, key, handle, bracket, other };

bool digits_only(std::u32string_view u) {
  return !u.empty() && std::all_of(u.begin(), u.end(), [](char32_t c) { return text::is_digit(c); });
}

// 2024/01/05 2024-03-03 2024.05.23 2024年08月05日 2024/08/05(月) 1/5 (a weekday in brackets may follow)
bool is_date(std::u32string_view u) {
  if (std::size_t open = u.find_first_of(U"(（"); open != std::u32string_view::npos && open > 0) u = u.substr(0, open);
  int digits = 0, groups = 0, seps = 0;
  bool in = false;
  for (char32_t c : u) {
    if (text::is_digit(c)) {
      ++digits;
      if (!in) ++groups;
      in = true;
    } else if (c == '/' || c == '-' || c == '.' || c == U'／' || c == U'年' || c == U'月') {
      ++seps;
      in = false;
    } else if (c == U'日') {
      in = false;
    } else {
      return false;
    }
  }
  return groups >= 2 && seps >= 1 && digits >= 3;
}

// A time relative to now, as comment boards show it: 3時間前 約1時間前 25分前 2日前 たった今.
bool is_relative_time(std::u32string_view u) {
  if (u == U"たった今" || u == U"今") return true;
  if (u.starts_with(U"約")) u.remove_prefix(1);
  std::size_t d = 0;
  while (d < u.size() && text::is_digit(u[d])) ++d;
  if (d == 0) return false;
  u.remove_prefix(d);
  for (std::u32string_view unit : {U"秒前", U"分前", U"時間前", U"日前", U"週間前", U"か月前", U"ヶ月前", U"ヵ月前", U"年前"})
    if (u == unit) return true;
  return false;
}

bool is_time(std::u32string_view u) {
  if (is_relative_time(u)) return true;
  int colons = 0, digits = 0;
  for (char32_t c : u) {
    if (is_colon(c)) ++colons;
    else if (text::is_digit(c)) ++digits;
    else if (c != '.') return false;
  }
  return colons >= 1 && digits >= 3;
}

// 1: 12 1. No.2 #12 >>3
bool is_number(std::u32string_view u) {
  while (!u.empty() && (u.back() == ':' || u.back() == U'：' || u.back() == '.')) u.remove_suffix(1);
  if (u.starts_with(U"No.") || u.starts_with(U"No．")) u.remove_prefix(3);
  if (!u.empty() && (u.front() == '#' || u.front() == U'＃')) u.remove_prefix(1);
  return digits_only(u);
}

bool handle_like(std::u32string_view u) {
  bool letter = false;
  for (char32_t c : u) {
    if (text::is_kanji(c) || text::is_kana(c) || text::is_latin(c)) letter = true;
    else if (!(text::is_digit(c) || c == '_' || c == '-' || c == '.' || c == '*' || c == U'＊' || c == U'＠' ||
               c == '@' || c == U'・' || c == U'。' || c == U'＿' || c == U'◆' || c == U'◇' || c == U'★' ||
               c == U'☆'))
      return false;
  }
  return letter;
}

std::string to_utf8(std::u32string_view u) {
  std::string s;
  for (char32_t c : u) utf8::append(s, c);
  return s;
}

// A handle without @ before it, its bracket and its honorific after it: @kuroneko_ops（作成者） ->
// kuroneko_ops (note 作成者), kei_0921さん -> kei_0921.
std::string clean_handle(std::u32string u, std::string* note) {
  if (!u.empty() && (u.front() == '@' || u.front() == U'＠')) u.erase(0, 1);
  if (std::size_t open = u.find_first_of(U"(（"); open != std::u32string::npos && open > 0 &&
                                                   (u.back() == ')' || u.back() == U'）')) {
    if (note) *note = to_utf8(u.substr(open + 1, u.size() - open - 2));
    u.erase(open);
  }
  if (u.size() > 2 && u.ends_with(U"さん")) u.erase(u.size() - 2);
  return to_utf8(u);
}

// An age in brackets after a name, as the writer of a letter or a comment signs: ３４, 45歳.
bool is_age(std::u32string_view inner) {
  if (inner.ends_with(U"歳") || inner.ends_with(U"才")) inner.remove_suffix(1);
  return !inner.empty() && inner.size() <= 3 && digits_only(inner);
}

}  // namespace

std::optional<PostHeader> parse_post_header(std::string_view line) {
  line = trim_space(line);
  if (line.empty() || text::length(line) > 120) return std::nullopt;
  // A mark before the post's number (■12 名無しさん …, ◆3：…): the page's bullet, no part of it.
  if (std::size_t len = 0; is_mark(text::at(line, 0, len)) && line.size() > len && text::is_digit(text::at(line, len)))
    line.remove_prefix(len);
  // Parts between spaces (of either width) and vertical bars.
  std::vector<std::u32string> parts(1);
  for (text::CodePoint cp : text::code_points(line)) {
    if (text::is_space(cp.c) || cp.c == '|' || cp.c == U'｜') {
      if (!parts.back().empty()) parts.emplace_back();
    } else {
      parts.back().push_back(cp.c);
    }
  }
  if (parts.back().empty()) parts.pop_back();
  // Colons as separators: 1：名無しさん：2026/08/01(土) is a number, a handle and a date, as
  // 1 名無しさん 2026/08/01(土) is (a time 20:11:05 and a key ID:… or 名前：… stay whole).
  {
    std::vector<std::u32string> split;
    for (auto& raw : parts) {
      std::u32string u = raw;
      for (;;) {
        std::size_t colon = u.find_first_of(U":：");
        if (colon == std::u32string::npos || colon == 0 || colon + 1 >= u.size()) break;
        std::u32string_view left = std::u32string_view(u).substr(0, colon), right = std::u32string_view(u).substr(colon + 1);
        bool number = digits_only(left) && !text::is_digit(right.front());
        bool dated = !digits_only(left) && text::is_digit(right.front()) && is_date(right.substr(0, right.find_first_of(U":：")));
        if (!number && !dated) break;
        split.emplace_back(left);
        u = std::u32string(right);
      }
      split.push_back(std::move(u));
    }
    parts = std::move(split);
  }
  if (parts.size() < 2 || parts.size() > 9) return std::nullopt;
  PostHeader ph;
  bool dated = false;
  Part first = Part::other, last = Part::other;
  bool seen_first = false, aged = false;
  for (auto& raw : parts) {
    std::u32string_view u = raw;
    Part kind = Part::other;
    std::size_t colon = u.find_first_of(U":：");
    if (is_number(u) && !ph.handle.size()) kind = Part::number;
    else if (is_date(u)) kind = Part::date;
    else if (is_time(u)) {
      kind = Part::time;
      ph.relative = ph.relative || is_relative_time(u);
    } else if (colon != std::u32string_view::npos && colon > 0) {
      std::u32string_view key = u.substr(0, colon), value = u.substr(colon + 1);
      if (key == U"ID" || key == U"ＩＤ") {
        kind = Part::id;
        ph.id = to_utf8(value);
      } else if (value.empty() || is_date(value) || is_time(value)) {
        kind = is_date(value) ? Part::date : is_time(value) ? Part::time : Part::key;
      } else if (handle_like(key) && !value.empty()) {
        kind = Part::handle;
        if (ph.handle.empty()) {
          ph.handle = clean_handle(std::u32string(value), &ph.note);
          if (key != U"名前") ph.role = to_utf8(key);
        }
      }
    } else if (u.front() == '(' || u.front() == U'（') {
      kind = Part::bracket;
    } else if (u.starts_with(U"さん") && ph.handle.size()) {
      kind = Part::bracket;  // ゆずぽん さん（40代・女性）
    } else if (handle_like(u) || ((u.front() == '@' || u.front() == U'＠') && u.size() > 1)) {
      kind = Part::handle;
      if (ph.handle.empty()) ph.handle = clean_handle(std::u32string(u), &ph.note);
    } else if (std::size_t open = u.find_first_of(U"(（"); open != std::u32string_view::npos && open > 0 &&
                                                            handle_like(u.substr(0, open))) {
      kind = Part::handle;  // @kuroneko_ops（作成者）
      // A name signed with an age (会社員　大森由香（３４）　静岡県): the name is the poster's,
      // the word before it says what the poster is.
      if (!aged && (u.back() == ')' || u.back() == U'）') && is_age(u.substr(open + 1, u.size() - open - 2))) {
        aged = true;
        if (!ph.handle.empty() && ph.role.empty() && ph.note.empty()) {
          ph.role = ph.handle;
          ph.handle.clear();
        }
      }
      if (ph.handle.empty()) ph.handle = clean_handle(std::u32string(u), &ph.note);
    }
    if (kind == Part::other) {
      for (char32_t c : u)
        if (c == U'！' || c == U'？' || c == '!' || c == '?') return std::nullopt;  // a sentence, not a header
    }
    dated = dated || kind == Part::date || kind == Part::time;
    if (!seen_first && kind != Part::number) {
      first = kind;
      seen_first = true;
    }
    last = kind;
  }
  // A date, a time or an ID after the handle says the line is about a post (12 名無しさん ID:Kx9mP2qL).
  if (!(dated || !ph.id.empty() || aged) || first != Part::handle || ph.handle.empty()) return std::nullopt;
  // 発売日　2023年10月 購入日 2024/02/11: a word that names the date before it is no handle.
  for (const char* key : {"日", "日時", "時刻", "年月", "年月日"})
    if (ends_with(ph.handle, key) && ph.role.empty()) return std::nullopt;
  ph.aged = aged;
  ph.family = std::string(aged ? "HA." : "H..") + (last == Part::id ? "I" : last == Part::date ? "D" : last == Part::time ? "T" : "X");
  return ph;
}

bool stamp_line(std::string_view line) {
  line = trim_space(line);
  if (line.empty() || text::length(line) > 40) return false;
  std::vector<std::u32string> parts(1);
  for (text::CodePoint cp : text::code_points(line)) {
    if (text::is_space(cp.c)) {
      if (!parts.back().empty()) parts.emplace_back();
    } else {
      parts.back().push_back(cp.c);
    }
  }
  if (parts.back().empty()) parts.pop_back();
  if (parts.empty() || parts.size() > 3) return false;
  for (const auto& u : parts) {
    std::u32string_view v = u;
    // 5月2日 2026年5月2日(土): a date in words, as is_date reads it
    if (!(is_date(v) || is_time(v))) return false;
  }
  return true;
}

}  // namespace jatei::speakers

namespace jatei {

std::optional<SpeakerLabel> find_speaker_label(std::string_view paragraph, const SpeakerModel& model) {
  auto c = speakers::parse_label(paragraph, model, false);
  if (!c) return std::nullopt;
  return c->label;
}

}  // namespace jatei
