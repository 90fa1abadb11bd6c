// Numbers, measures and money: what a fact-checker compares.
//
// Found on the NFKC copy of the sentence (full-width digits are ASCII there) and mapped back to
// source bytes. Values are normalised the TEI way: quantities as plain decimals (5000億ドル →
// 500000000000 USD), fractions as "1/10", approximations as atLeast/atMost.
#include <algorithm>
#include <cmath>
#include <optional>

#include "claims/entity_words.hpp"
#include "claims/numerals.hpp"
#include "claims/spans.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;
using namespace detail;  // the numerals and spans the finders share

namespace {

// ------------------------------------------------------------------------------------------
// Units
// ------------------------------------------------------------------------------------------

using Unit = EntityWords::Unit;

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

// ------------------------------------------------------------------------------------------
// Numbers and measures
// ------------------------------------------------------------------------------------------

// A numeral where a number may start, and what stands before it.
struct Place {
  std::size_t start = 0;  // where the mention starts (at a currency sign: US$5)
  std::size_t i = 0;      // where the numeral starts
  char32_t c = 0;         // the numeral's first character
  char32_t p = 0;         // the character before the mention
  bool currency_prefix = false;
  std::string_view prefix_unit;  // USD for $5
  detail::Numeral num;
};

// What follows the numeral: a range, a scale word, a unit, a half.
struct Extent {
  double lo = 0, hi = 0;
  bool ranged = false;
  double scale = 1;
  const Unit* unit = nullptr;
  double half = 0;
  std::size_t before_unit = 0;  // after the number, its range and scale word
  std::size_t end = 0;          // after the unit and the half
};

// The numbers and measures of one sentence, found left to right.
class NumberFinder {
 public:
  NumberFinder(std::string_view source, const Normalised& norm)
      : source_(source), norm_(norm), n_(norm.text), tech_(detail::technical_spans(n_)) {}

  std::vector<Mention> run() {
    std::size_t i = 0;
    while (i < n_.size()) i = at_place(i);
    halves();
    std::sort(out_.begin(), out_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    return std::move(out_);
  }

 private:
  std::string_view source_;
  const Normalised& norm_;
  std::string_view n_;
  std::vector<detail::Range> tech_;
  std::vector<Mention> out_;

  // Reads what starts at i and returns where to go on.
  std::size_t at_place(std::size_t i) {
    Place k = place(i);
    if (auto skip = not_a_number(k)) return *skip;
    auto num = number_at(n_, k.i);
    if (!num) return next(n_, k.i);
    if (!is_ascii_digit(k.c) && numeral_word_before(k.p) && !k.currency_prefix) return num->e;
    k.num = *num;
    if (auto e = fraction(k)) return *e;
    if (auto e = covered_by_date(k)) return *e;
    return measure(k);
  }

  // $500Billion, US$5, ¥100, €3: a currency sign before the digits.
  Place place(std::size_t i) const {
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
  std::optional<std::size_t> not_a_number(const Place& k) const {
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
    if (is_ascii_digit(c) && (after_word || is_ascii_digit(p) || is_ascii_alpha(p) || p == '-' || p == '.' || p == '_' ||
                              p == '/' || p == ':' || p == '#')) {
      while (i < n.size() && (is_ascii_digit(at(n, i)) || at(n, i) == '.' || at(n, i) == ',')) ++i;
      return i;
    }
    return {};
  }

  // Fractions: 十分の一, 3分の1, 10分の1以下
  std::optional<std::size_t> fraction(const Place& k) {
    std::string_view n = n_;
    std::size_t e = k.num.e;
    if (!starts_with(n, e, "分の") || k.num.several) return {};
    const detail::Numeral& den = k.num;
    auto numer = number_at(n, e + std::string_view("分の").size());
    // teidata.numeric writes a fraction as whole numbers only (3/4, not 1e+70/3).
    auto whole = [](const std::string& v) { return is_plain_decimal(v) && v.find('.') == std::string::npos; };
    std::string top = numer ? format_number(numer->value) : "", bottom = format_number(den.value);
    if (!(numer && !numer->several && den.value != 0 && whole(top) && whole(bottom))) return {};
    std::size_t fe = numer->e;
    std::string frac = top + "/" + bottom;
    const char* bound = nullptr;
    if (starts_with(n, fe, "以下") || starts_with(n, fe, "未満")) {
      fe += std::string_view("以下").size();
      bound = "atMost";
    } else if (starts_with(n, fe, "以上")) {
      fe += std::string_view("以上").size();
      bound = "atLeast";
    }
    Mention m = make(norm_, k.start, fe, "num");
    m.attrs.set("type", "fraction");
    m.attrs.set("value", frac);
    if (bound) m.attrs.set(bound, frac);
    out_.push_back(std::move(m));
    return fe;
  }

  // Dates and times are found by find_dates: where to go on past what they cover (N年前, 2024年,
  // 3月, 10:30, the day of 3月1日).
  std::optional<std::size_t> covered_by_date(const Place& k) const {
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
  Extent extent(const Place& k) const {
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
  std::optional<std::size_t> not_a_figure(const Place& k, const Extent& x) const {
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

  // A number with its unit and bounds as a <num> or <measure>; returns where to go on.
  std::size_t measure(const Place& k) {
    std::string_view n = n_;
    Extent x = extent(k);
    if (auto skip = not_a_figure(k, x)) return *skip;
    const detail::Numeral& num = k.num;
    const Unit* u = x.unit;
    double value = num.value * x.scale + (x.half ? x.half : 0);
    if (x.half && u) value = num.value + x.half;
    double factor = u ? u->factor : 1;
    // Bounds after the number: 1 at least, -1 at most, 0 a decade of it (10分台), 2 none.
    std::size_t tail = x.end;
    static const std::pair<std::string_view, int> bounds[] = {
        {"以上", 1}, {"超え", 1}, {"超", 1}, {"強", 1}, {"余り", 1}, {"あまり", 1}, {"余", 1}, {"以下", -1},
        {"以内", -1}, {"未満", -1}, {"弱", -1}, {"近く", -1}, {"足らず", -1}, {"台", 0}};
    int bound = 2;
    for (auto& [w, dir] : bounds) {
      if (starts_with(n, tail, w)) {
        if (w == "台" && !(u && (u->type == "duration" || u->type == "percent"))) continue;
        bound = dir;
        tail += w.size();
        break;
      }
    }
    auto fmt = [&](double v) { return format_number(v * factor); };
    std::string q = fmt(value);
    Mention m;
    if (k.currency_prefix || (u && u->type == "currency")) {
      m = make(norm_, k.start, tail, "measure");
      m.attrs.set("type", "currency");
      if (!num.several) m.attrs.set("quantity", q);
      m.attrs.set("unit", k.currency_prefix ? k.prefix_unit : std::string_view(u->unit));
    } else if (u && u->type == "percent") {
      m = make(norm_, k.start, tail, "num");
      m.attrs.set("type", "percent");
      if (!num.several && !x.ranged) m.attrs.set("value", q);
    } else if (u && (u->type == "ordinal" || u->type == "ratio")) {
      m = make(norm_, k.start, tail, "num");
      m.attrs.set("type", u->type);
      if (u->type == "ordinal" || !num.several) m.attrs.set("value", q);
    } else if (u) {
      m = make(norm_, k.start, tail, "measure");
      m.attrs.set("type", u->type);
      if (!num.several && !x.ranged) m.attrs.set("quantity", q);
      m.attrs.set("unit", u->unit);
    } else {
      // A bare number: ordinal after 第, otherwise cardinal.
      bool ordinal = before(n, k.start) == U'第';
      std::size_t b0 = ordinal ? prev(n, k.start) : k.start;
      m = make(norm_, b0, tail, "num");
      m.attrs.set("type", ordinal ? "ordinal" : "cardinal");
      m.attrs.set("value", q);
      // A bare single digit is a label or an id more often than a figure.
      if (x.scale == 1 && !ordinal && num.value < 10 && bound == 2) return tail;
    }
    if (num.several) {
      m.attrs.set("atLeast", fmt(num.lo));
      m.attrs.set("atMost", fmt(num.hi));
    } else if (x.ranged) {
      m.attrs.set("atLeast", fmt(x.lo * x.scale));
      m.attrs.set("atMost", fmt(x.hi * x.scale));
    } else if (bound == 1) {
      m.attrs.set("atLeast", q);
    } else if (bound == -1) {
      m.attrs.set("atMost", q);
    } else if (bound == 0) {
      // 10分台: from 10 up to the next ten.
      m.attrs.set("atLeast", q);
      m.attrs.set("atMost", fmt(value + 9));
    }
    out_.push_back(std::move(m));
    return tail;
  }

  // 半年, 半日, 半世紀: a half unit without a number.
  void halves() {
    std::string_view n = n_;
    for (std::size_t k = 0; (k = n.find("半", k)) != std::string_view::npos; k += 3) {
      char32_t p = before(n, k);
      if (is_ascii_digit(p) || kanji_digit(p) >= 0 || kanji_unit(p) || p == U'前' || p == U'後' || p == U'大' || p == U'上')
        continue;
      std::string_view rest = n.substr(k + 3);
      const char* unit = nullptr;
      double q = 0;
      std::size_t len = 0;
      if (rest.starts_with("年")) {
        unit = "month";
        q = 6;
        len = 3;
      } else if (rest.starts_with("日")) {
        unit = "hour";
        q = 12;
        len = 3;
      } else if (rest.starts_with("世紀")) {
        unit = "year";
        q = 50;
        len = 6;
      }
      if (!unit) continue;
      if (rest.substr(len).starts_with("前") || rest.substr(len).starts_with("後")) continue;
      Mention m = make(norm_, k, k + 3 + len, "measure");
      m.attrs.set("type", "duration");
      m.attrs.set("quantity", format_number(q));
      m.attrs.set("unit", unit);
      out_.push_back(std::move(m));
    }
  }
};

}  // namespace

std::vector<Mention> find_numbers(std::string_view sentence) { return find_numbers(sentence, normalise(sentence)); }

std::vector<Mention> find_numbers(std::string_view sentence, const Normalised& norm) {
  return NumberFinder(sentence, norm).run();
}

}  // namespace jatei::claims
