// The number finder's reading decisions (claims/numbers.hpp): where a numeral stands, whether
// it is a number at all, what follows it.
#include "claims/numbers.hpp"
#include "jatei/text.hpp"

namespace jatei::claims::numbers {

using namespace text;
using namespace detail;

const Unit* unit_at(std::string_view n, std::size_t i, std::size_t& len) {
  const Unit* best = nullptr;
  len = 0;
  for (auto& u : EntityWords::builtin().units) {
    if (u.text.size() > len && starts_with(n, i, u.text)) {
      best = &u;
      len = u.text.size();
    }
  }
  if (best) {
    // Latin units must end there: "GB" not in "GBP"; "ha" not in "have".
    char32_t after = at(n, i + len);
    if (is_ascii_alpha(best->text[0]) && (is_ascii_alpha(after) || is_ascii_digit(after))) return nullptr;
  }
  return best;
}

// Whether the source character behind normalised byte i is an enclosed numeral (①, ⑴, ㉑).
bool enclosed(std::string_view source, const Normalised& norm, std::size_t i) {
  char32_t c = at(source, norm.begin_of(i));
  return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) || (c >= 0x3251 && c <= 0x32BF) ||
         (c >= 0x2160 && c <= 0x217F);
}

// $500Billion, US$5, ¥100, €3: a currency sign before the digits.
Place NumberReader::place(std::size_t i) const {
  std::string_view n = n_;
  Place k;
  k.i = k.start = i;
  k.c = at(n, i);
  char32_t c = k.c;
  if (c == '$' || c == 0xA5 || c == 0x20AC || c == 0xA3) {
    std::size_t j = next(n, i);
    if (is_ascii_digit(at(n, j))) {
      k.currency_prefix = true;
      k.prefix_unit = c == '$' ? "USD" : c == 0xA5 ? "JPY" : c == 0x20AC ? "EUR" : "GBP";
      if (k.start >= 2 && n.substr(k.start - 2, 2) == "US") k.start -= 2;
      k.i = j;
      k.c = at(n, j);
    }
  }
  k.p = before(n, k.start);
  return k;
}

// Where to go on when no number starts at the place: not a numeral, an era year (a date),
// inside a URL, an enclosed numeral (①), the middle of a number or a Latin token (o1, V3,
// 2FA, MS-1, No.1).
std::optional<std::size_t> NumberReader::not_a_number(const Place& k) const {
  std::string_view n = n_;
  char32_t c = k.c, p = k.p;
  std::size_t i = k.i;
  bool numeral_start = is_ascii_digit(c) || kanji_digit(c) >= 0 || kanji_unit(c) || c == U'数';
  if (numeral_start && (ends_with_at(n, i, "令和") || ends_with_at(n, i, "平成") || ends_with_at(n, i, "昭和"))) {
    while (i < n.size() && (is_ascii_digit(at(n, i)) || kanji_digit(at(n, i)) >= 0 || kanji_unit(at(n, i)))) i = next(n, i);
    return i;
  }
  if (!numeral_start || inside(tech_, i) || enclosed(source_, norm_, i)) return next(n, i);
  if (is_ascii_digit(c) && !k.currency_prefix) {
    // A phone number, a postal code or a date written with hyphens (0123-45-6789,
    // 〒123-4567, 2024-06-01): a code, not a quantity. Three groups or more, or the postal
    // shape (3 and 4 digits) after 〒 or with no unit after it (10-20人 is a range).
    std::size_t j = i;
    std::vector<std::size_t> groups;
    while (true) {
      std::size_t g = j;
      while (j < n.size() && is_ascii_digit(at(n, j))) ++j;
      groups.push_back(j - g);
      if (j + 1 < n.size() && n[j] == '-' && is_ascii_digit(at(n, j + 1))) {
        ++j;
        continue;
      }
      break;
    }
    std::size_t ulen = 0;
    bool postal = groups.size() == 2 && groups[0] == 3 && groups[1] == 4 && (p == U'〒' || !unit_at(n, j, ulen));
    if (groups.size() >= 3 || postal) return j;
  }
  bool after_word = p == ' ' && k.start >= 2 && is_ascii_alpha(before(n, k.start - 1));
  // A colon after a word in Japanese is a label's (価格：12,800円, NFKC's ':'), not a part of a
  // time or a token (10:30, v2:3).
  bool label_colon = p == ':' && k.start >= 2 && !is_ascii_digit(before(n, k.start - 1)) &&
                     !is_ascii_alpha(before(n, k.start - 1));
  if (is_ascii_digit(c) && (after_word || is_ascii_digit(p) || is_ascii_alpha(p) || p == '-' || p == '.' || p == '_' ||
                            p == '/' || (p == ':' && !label_colon) || p == '#')) {
    while (i < n.size() && (is_ascii_digit(at(n, i)) || at(n, i) == '.' || at(n, i) == ',')) ++i;
    return i;
  }
  return {};
}

// Dates and times are found by find_dates: where to go on past what they cover (N年前, 2024年,
// 3月, 10:30, the day of 3月1日).
std::optional<std::size_t> NumberReader::covered_by_date(const Place& k) const {
  std::string_view n = n_;
  std::size_t e = k.num.e;
  std::size_t ulen0 = 0;
  const Unit* u0 = unit_at(n, e, ulen0);
  if (u0 && u0->type == "duration" && u0->text != "分" && u0->text != "秒" && u0->text != "時間") {
    std::string_view rest = n.substr(e + ulen0);
    if (rest.starts_with("前") || rest.starts_with("後")) return e + ulen0 + 3;
  }
  if (k.num.several || k.num.kanji) return {};
  if (starts_with(n, e, "年") && k.num.value >= 1000 && k.num.value < 2200) {
    std::string_view rest = n.substr(e + 3);
    bool duration = rest.starts_with("間") || rest.starts_with("以上") || rest.starts_with("ぶり") ||
                    rest.starts_with("余") || rest.starts_with("近");
    if (!duration) return e;
  }
  if (starts_with(n, e, "月") || (starts_with(n, e, ":") && is_ascii_digit(at(n, e + 1)))) {
    std::size_t i = next(n, e);
    while (i < n.size() && is_ascii_digit(at(n, i))) ++i;
    return i;
  }
  if (starts_with(n, e, "日") && k.p == U'月') return e;
  return {};
}

// The range (3〜4割, 30〜40%), the Latin scale word ($500Billion, 1.5 million), the unit and
// a half (1年半) after the numeral.
Extent NumberReader::extent(const Place& k) const {
  std::string_view n = n_;
  Extent x;
  std::size_t e = k.num.e, ue = e;
  if ((starts_with(n, e, "~") || starts_with(n, e, "〜") || (starts_with(n, e, "-") && is_ascii_digit(k.c))) &&
      !k.num.several) {
    auto second = number_at(n, next(n, e));
    std::size_t l2 = 0;
    if (second && !second->several && unit_at(n, second->e, l2)) {
      x.lo = k.num.value;
      x.hi = second->value;
      x.ranged = true;
      ue = second->e;
    }
  }
  {
    std::size_t j = ue;
    if (at(n, j) == ' ') ++j;
    static const std::pair<std::string_view, double> words[] = {
        {"Trillion", 1e12}, {"trillion", 1e12}, {"Billion", 1e9}, {"billion", 1e9}, {"Million", 1e6},
        {"million", 1e6},   {"bn", 1e9},        {"tn", 1e12},     {"mn", 1e6},      {"B", 1e9},
        {"M", 1e6},         {"T", 1e12},        {"K", 1e3}};
    for (auto& [w, f] : words) {
      if (starts_with(n, j, w) && !is_ascii_alpha(at(n, j + w.size()))) {
        if (w.size() == 1 && !k.currency_prefix) continue;
        x.scale = f;
        ue = j + w.size();
        break;
      }
    }
  }
  std::size_t ulen = 0;
  if (!k.currency_prefix) x.unit = unit_at(n, ue, ulen);
  // 1,200 円, 600　円: a table's column or a spaced layout puts one space between the figure and
  // its currency (NFKC makes the full-width space ' '); 元 stays out, a word on its own too often.
  if (!k.currency_prefix && !x.unit && is_ascii_digit(k.c) && at(n, ue) == ' ') {
    std::size_t l = 0;
    const Unit* u = unit_at(n, ue + 1, l);
    if (u && u->type == "currency" && u->text != "元") {
      x.unit = u;
      ulen = 1 + l;
    }
  }
  // Half: 1年半, 2時間半; 半年 alone is handled by halves().
  if (x.unit && x.unit->type == "duration" && starts_with(n, ue + ulen, "半")) {
    x.half = 0.5;
    ulen += std::string_view("半").size();
  }
  x.before_unit = ue;
  x.end = ue + ulen;
  return x;
}

// Where to go on when what was read is not a figure: digits run into Latin letters that are
// not a unit (2FA, 4K); a kanji numeral without a unit or a counter (一夜, 一言, 十分な are
// words, and a lone kanji numeral with 分 or 日 is more often a word than a duration); 数
// without a counter; a day count without a duration marker after it (わずか10日で).
std::optional<std::size_t> NumberReader::not_a_figure(const Place& k, const Extent& x) const {
  std::string_view n = n_;
  const Unit* u = x.unit;
  if (!u && x.scale == 1 && !k.currency_prefix && is_ascii_digit(k.c) && is_ascii_alpha(at(n, x.before_unit))) {
    std::size_t i = x.before_unit;
    while (i < n.size() && (is_ascii_alpha(at(n, i)) || is_ascii_digit(at(n, i)))) ++i;
    return i;
  }
  const detail::Numeral& num = k.num;
  if (num.kanji && !k.currency_prefix) {
    bool ok = u != nullptr || x.scale != 1;
    if (u && (u->text == "分" || u->text == "日" || u->text == "位" || u->text == "口" || u->text == "元" ||
              u->text == "名" || u->text == "機" || u->text == "基" || u->text == "店" || u->text == "校" ||
              u->text == "回" || u->text == "年" || u->text == "台") &&
        num.kanji_chars == 1 && !num.several)
      ok = u->text == "回" || u->text == "台" ? (num.value > 1) : false;
    if (u && u->text == "年" && num.several) ok = true;
    if (!ok) return num.e;
  }
  if (num.several && !u) return num.e;
  if (u && u->text == "日") {
    std::string_view rest = n.substr(x.end);
    bool dur = rest.starts_with("で") || rest.starts_with("以内") || rest.starts_with("以上") || rest.starts_with("ほど") ||
               rest.starts_with("程度") || rest.starts_with("ぶり") || rest.starts_with("連続") || rest.starts_with("分");
    if (!dur) return x.end;
  }
  return {};
}

}  // namespace jatei::claims::numbers
