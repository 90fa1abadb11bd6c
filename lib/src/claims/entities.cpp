// Dates, numbers, money and names: what a fact-checker compares and looks up.
//
// Everything is found on the NFKC copy of the sentence (full-width digits are ASCII there) and
// mapped back to source bytes. Values are normalised the TEI way: dates as W3C dates
// (2024-08, --01-20), quantities as plain decimals (5000億ドル → 500000000000 USD), fractions as
// "1/10", approximations as atLeast/atMost. A relative date (昨年, 前回) keeps its relation in
// @subtype rather than a guessed year.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "claims/spans.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;

std::string format_number(double v) {
  if (std::isnan(v) || std::isinf(v)) return "0";
  char buf[40];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e18) {
    std::snprintf(buf, sizeof buf, "%.0f", std::round(v));
    return buf;
  }
  // Plain decimals while they are short; otherwise the shortest exact form, in exponent
  // notation when that is shorter (1e+70): xsd:double, which teidata.numeric allows. Every
  // double's shortest form fits in 40 bytes, so to_chars cannot fail here.
  auto r = std::fabs(v) < 1e18 ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                               : std::to_chars(buf, buf + sizeof buf, v);
  if (r.ec != std::errc()) r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

bool is_plain_decimal(std::string_view s) {
  return !s.empty() && s.find_first_not_of("-0123456789.") == std::string_view::npos;
}

namespace detail {

std::vector<Range> technical_spans(std::string_view n) {
  std::vector<Range> out;
  for (std::size_t i = 0; i < n.size();) {
    if ((n[i] == 'h' || n[i] == 'w') &&
        (n.substr(i).starts_with("http://") || n.substr(i).starts_with("https://") || n.substr(i).starts_with("www."))) {
      std::size_t j = i;
      while (j < n.size() && static_cast<unsigned char>(n[j]) > 0x20 && static_cast<unsigned char>(n[j]) < 0x80) ++j;
      out.push_back({i, j});
      i = j;
      continue;
    }
    ++i;
  }
  return out;
}

bool inside(const std::vector<Range>& rs, std::size_t i) {
  for (auto& r : rs)
    if (r.b <= i && i < r.e) return true;
  return false;
}

Mention make(const Normalised& norm, std::size_t b, std::size_t e, std::string element) {
  Mention m;
  auto [sb, se] = norm.source(b, e);
  m.begin = sb;
  m.end = se;
  m.element = std::move(element);
  return m;
}

}  // namespace detail

using detail::inside;
using detail::make;
using detail::Range;
using detail::technical_spans;

namespace {

// ------------------------------------------------------------------------------------------
// Numerals
// ------------------------------------------------------------------------------------------

int kanji_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}
int kanji_unit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}
double big_unit(char32_t c) {
  switch (c) {
    case U'万': return 1e4;
    case U'億': return 1e8;
    case U'兆': return 1e12;
    default: return 0;
  }
}

struct Numeral {
  std::size_t b = 0, e = 0;
  double value = 0;
  bool kanji = false;        // written with kanji numerals only
  bool several = false;      // 数 (数か月, 数十): a range rather than a value
  double lo = 0, hi = 0;     // for several
  int kanji_chars = 0;       // numeral characters in kanji
};

// A number below 10000 in Arabic or kanji at i (no 万/億/兆).
std::optional<Numeral> small_number(std::string_view n, std::size_t i) {
  Numeral r;
  r.b = i;
  char32_t c = at(n, i);
  if (is_ascii_digit(c)) {
    std::size_t j = i;
    std::string digits;
    while (j < n.size() && is_ascii_digit(at(n, j))) digits.push_back(n[j++]);
    // Thousands separators: 1,121 (groups of three only).
    while (j + 3 < n.size() && n[j] == ',' && is_ascii_digit(at(n, j + 1)) && is_ascii_digit(at(n, j + 2)) && is_ascii_digit(at(n, j + 3)) &&
           !is_ascii_digit(at(n, j + 4))) {
      digits.append(n.substr(j + 1, 3));
      j += 4;
    }
    if (j + 1 < n.size() && n[j] == '.' && is_ascii_digit(at(n, j + 1))) {
      digits.push_back('.');
      ++j;
      while (j < n.size() && is_ascii_digit(at(n, j))) digits.push_back(n[j++]);
    }
    double v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    // 3千, 2百 after Arabic digits.
    if (int u = kanji_unit(at(n, j)); u) {
      v *= u;
      j = next(n, j);
    }
    r.value = v;
    r.e = j;
    return r;
  }
  if (c == U'数') {
    std::size_t j = next(n, i);
    int u = kanji_unit(at(n, j));
    r.several = true;
    if (u) {
      r.lo = 2.0 * u;
      r.hi = 9.0 * u;
      j = next(n, j);
    } else {
      r.lo = 2;
      r.hi = 9;
    }
    r.e = j;
    r.kanji = true;
    r.kanji_chars = 1;
    return r;
  }
  if (kanji_digit(c) < 0 && !kanji_unit(c)) return std::nullopt;
  // Kanji: positional (二〇二四) or with units (二千二十四).
  std::size_t j = i;
  double total = 0, cur = -1;
  bool positional = true;
  std::string pos_digits;
  int count = 0;
  while (j < n.size()) {
    char32_t d = at(n, j);
    int dv = kanji_digit(d);
    int u = kanji_unit(d);
    if (dv >= 0) {
      if (cur >= 0 && !positional) break;
      pos_digits.push_back(static_cast<char>('0' + dv));
      cur = cur < 0 ? dv : cur * 10 + dv;
    } else if (u) {
      positional = false;
      total += (cur < 0 ? 1 : cur) * u;
      cur = -1;
    } else {
      break;
    }
    ++count;
    j = next(n, j);
  }
  if (count == 0) return std::nullopt;
  r.value = total + (cur < 0 ? 0 : cur);
  r.e = j;
  r.kanji = true;
  r.kanji_chars = count;
  return r;
}

// A full number at i: terms with 兆/億/万 (1兆2000億, 5000億, 三千万).
std::optional<Numeral> number_at(std::string_view n, std::size_t i) {
  auto first = small_number(n, i);
  if (!first) return std::nullopt;
  Numeral r = *first;
  if (r.several) {
    // 数万, 数億
    if (double m = big_unit(at(n, r.e)); m) {
      r.lo *= m;
      r.hi *= m;
      r.e = next(n, r.e);
    }
    return r;
  }
  double total = 0, last = 1e300;
  std::size_t j = i;
  Numeral cur = r;
  bool kanji = true;
  int kc = 0;
  while (true) {
    kanji = kanji && cur.kanji;
    kc += cur.kanji_chars;
    double m = big_unit(at(n, cur.e));
    if (m && m < last) {
      total += cur.value * m;
      last = m;
      j = next(n, cur.e);
      kc += 1;
      auto more = small_number(n, j);
      if (!more || more->several) break;
      // The next term must be smaller than the unit just used (1兆2000億, not 1兆2000兆).
      double m2 = big_unit(at(n, more->e));
      if (m2 && m2 >= m) break;
      cur = *more;
      continue;
    }
    total += cur.value;
    j = cur.e;
    break;
  }
  r.value = total;
  r.e = j;
  r.kanji = kanji;
  r.kanji_chars = kc;
  return r;
}

// ------------------------------------------------------------------------------------------
// Units
// ------------------------------------------------------------------------------------------

struct Unit {
  std::string_view text;
  std::string_view type;  // currency, percent, duration, count, energy, …, cardinal
  std::string_view unit;  // JPY, year, kWh, 人, …
  double factor = 1;      // 割 → 10 percent
};

// Longest first within a shared prefix is handled by trying every entry and keeping the longest.
const Unit kUnits[] = {
    {"円", "currency", "JPY"},         {"ドル", "currency", "USD"},        {"米ドル", "currency", "USD"},
    {"ユーロ", "currency", "EUR"},     {"人民元", "currency", "CNY"},      {"元", "currency", "CNY"},
    {"ウォン", "currency", "KRW"},     {"ポンド", "currency", "GBP"},      {"ルピー", "currency", "INR"},
    {"香港ドル", "currency", "HKD"},   {"台湾ドル", "currency", "TWD"},    {"豪ドル", "currency", "AUD"},
    {"%", "percent", ""},              {"パーセント", "percent", ""},      {"割", "percent", "", 10},
    {"年間", "duration", "year"},      {"年", "duration", "year"},         {"か月", "duration", "month"},
    {"カ月", "duration", "month"},     {"ヶ月", "duration", "month"},      {"ヵ月", "duration", "month"},
    {"ケ月", "duration", "month"},     {"箇月", "duration", "month"},      {"か月間", "duration", "month"},
    {"カ月間", "duration", "month"},   {"ヶ月間", "duration", "month"},    {"週間", "duration", "week"},
    {"日間", "duration", "day"},       {"時間", "duration", "hour"},       {"分間", "duration", "minute"},
    {"分", "duration", "minute"},      {"秒", "duration", "second"},       {"日", "duration", "day"},
    {"人", "count", "人"},             {"名", "count", "名"},              {"件", "count", "件"},
    {"台", "count", "台"},             {"社", "count", "社"},              {"個", "count", "個"},
    {"回", "count", "回"},             {"口", "count", "口"},              {"筆", "count", "筆"},
    {"機", "count", "機"},             {"基", "count", "基"},              {"枚", "count", "枚"},
    {"店", "count", "店"},             {"校", "count", "校"},              {"冊", "count", "冊"},
    {"か所", "count", "か所"},         {"カ所", "count", "か所"},          {"ヶ所", "count", "か所"},
    {"箇所", "count", "か所"},         {"種類", "count", "種類"},          {"世帯", "count", "世帯"},
    {"カ国", "count", "か国"},         {"か国", "count", "か国"},          {"ヶ国", "count", "か国"},
    {"量子ビット", "count", "qubit"},  {"ビット", "count", "bit"},         {"つ", "count", "つ"},
    {"歳", "age", "year"},             {"倍", "ratio", ""},                {"位", "ordinal", ""},
    {"キロワット時", "energy", "kWh"}, {"kWh", "energy", "kWh"},           {"メガワット時", "energy", "MWh"},
    {"MWh", "energy", "MWh"},          {"ギガワット時", "energy", "GWh"},  {"GWh", "energy", "GWh"},
    {"テラワット時", "energy", "TWh"}, {"TWh", "energy", "TWh"},           {"キロワット", "power", "kW"},
    {"kW", "power", "kW"},             {"メガワット", "power", "MW"},      {"MW", "power", "MW"},
    {"ギガワット", "power", "GW"},     {"GW", "power", "GW"},              {"ヘクタール", "area", "ha"},
    {"ha", "area", "ha"},              {"平方キロメートル", "area", "km2"}, {"km2", "area", "km2"},
    {"キロメートル", "length", "km"},  {"km", "length", "km"},             {"メートル", "length", "m"},
    {"キログラム", "mass", "kg"},      {"kg", "mass", "kg"},               {"トン", "mass", "t"},
    {"ギガバイト", "data", "GB"},      {"GB", "data", "GB"},               {"テラバイト", "data", "TB"},
    {"TB", "data", "TB"},              {"MB", "data", "MB"},               {"nm", "length", "nm"},
    {"ナノメートル", "length", "nm"},
};

const Unit* unit_at(std::string_view n, std::size_t i, std::size_t& len) {
  const Unit* best = nullptr;
  len = 0;
  for (auto& u : kUnits) {
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

// Kanji that start a word containing a numeral (唯一, 統一, 同一, 万一 …) when they stand before it.
bool numeral_word_before(char32_t p) {
  static const char32_t allowed[] = {U'約', U'第', U'計', U'全', U'総', U'最', U'大', U'低', U'超', U'年', U'月', U'日', U'毎'};
  return is_kanji(p) && std::find(std::begin(allowed), std::end(allowed), p) == std::end(allowed);
}

// Whether the source character behind normalised byte i is an enclosed numeral (①, ⑴, ㉑).
bool enclosed(std::string_view source, const Normalised& norm, std::size_t i) {
  char32_t c = at(source, norm.begin[i]);
  return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) || (c >= 0x3251 && c <= 0x32BF) ||
         (c >= 0x2160 && c <= 0x217F);
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

// Digits as an int (ASCII), -1 if none.
int int_at(std::string_view n, std::size_t i, std::size_t& e, int max_digits = 4) {
  std::size_t j = i;
  int v = 0, k = 0;
  while (j < n.size() && is_ascii_digit(at(n, j)) && k < max_digits + 1) {
    v = v * 10 + (n[j] - '0');
    ++j;
    ++k;
  }
  if (k == 0 || k > max_digits) return -1;
  e = j;
  return v;
}

// A small number in Arabic or kanji at i, as an int (for months, days, durations in dates).
int small_int_at(std::string_view n, std::size_t i, std::size_t& e) {
  auto r = small_number(n, i);
  if (!r || r->several || r->value != std::floor(r->value) || r->value > 100000) return -1;
  e = r->e;
  return static_cast<int>(r->value);
}

}  // namespace

std::optional<double> parse_number(std::string_view expression) {
  Normalised norm = normalise(expression);
  std::string_view n = norm.text;
  // Fractions: 十分の一, 3分の1.
  std::size_t bun = n.find("分の");
  if (bun != std::string_view::npos) {
    auto d = number_at(n, 0);
    auto u = number_at(n, bun + std::string_view("分の").size());
    if (d && u && d->e == bun && u->e == n.size() && d->value != 0) return u->value / d->value;
    return std::nullopt;
  }
  auto r = number_at(n, 0);
  if (!r || r->e != n.size() || r->several) return std::nullopt;
  return r->value;
}

// ------------------------------------------------------------------------------------------
// Numbers and measures
// ------------------------------------------------------------------------------------------

std::vector<Mention> find_numbers(std::string_view sentence) { return find_numbers(sentence, normalise(sentence)); }

std::vector<Mention> find_numbers(std::string_view sentence, const Normalised& norm) {
  std::string_view n = norm.text;
  std::vector<Mention> out;
  auto tech = technical_spans(n);
  std::size_t i = 0;
  while (i < n.size()) {
    char32_t c = at(n, i);
    bool currency_prefix = false;
    std::string_view prefix_unit;
    std::size_t start = i;
    // $500Billion, US$5, ¥100, €3
    if (c == '$' || c == 0xA5 || c == 0x20AC || c == 0xA3) {
      std::size_t j = next(n, i);
      if (is_ascii_digit(at(n, j))) {
        currency_prefix = true;
        prefix_unit = c == '$' ? "USD" : c == 0xA5 ? "JPY" : c == 0x20AC ? "EUR" : "GBP";
        if (start >= 2 && n.substr(start - 2, 2) == "US") start -= 2;
        i = j;
        c = at(n, i);
      }
    }
    bool numeral_start = is_ascii_digit(c) || kanji_digit(c) >= 0 || kanji_unit(c) || c == U'数';
    // An era year (令和6年) is a date.
    if (numeral_start && (ends_with_at(n, i, "令和") || ends_with_at(n, i, "平成") || ends_with_at(n, i, "昭和"))) {
      while (i < n.size() && (is_ascii_digit(at(n, i)) || kanji_digit(at(n, i)) >= 0 || kanji_unit(at(n, i)))) i = next(n, i);
      continue;
    }
    if (!numeral_start || inside(tech, i) || enclosed(sentence, norm, i)) {
      i = next(n, i);
      continue;
    }
    // Not in the middle of a number or a Latin token (o1, V3, 2FA, MS-1, No.1).
    char32_t p = before(n, start);
    bool after_word = p == ' ' && start >= 2 && is_ascii_alpha(before(n, start - 1));
    if (is_ascii_digit(c) && (after_word || is_ascii_digit(p) || is_ascii_alpha(p) || p == '-' || p == '.' || p == '_' || p == '/' || p == ':' ||
                        p == '#')) {
      while (i < n.size() && (is_ascii_digit(at(n, i)) || at(n, i) == '.' || at(n, i) == ',')) ++i;
      continue;
    }
    // Fractions: 十分の一, 3分の1, 10分の1以下
    auto num = number_at(n, i);
    if (!num) {
      i = next(n, i);
      continue;
    }
    if (!is_ascii_digit(c) && numeral_word_before(p) && !currency_prefix) {
      i = num->e;
      continue;
    }
    std::size_t e = num->e;
    Mention m;
    // Fraction.
    if (starts_with(n, e, "分の") && !num->several) {
      auto den = num;
      auto numer = number_at(n, e + std::string_view("分の").size());
      // teidata.numeric writes a fraction as whole numbers only (3/4, not 1e+70/3).
      auto whole = [](const std::string& v) { return is_plain_decimal(v) && v.find('.') == std::string::npos; };
      std::string top = numer ? format_number(numer->value) : "", bottom = format_number(den->value);
      if (numer && !numer->several && den->value != 0 && whole(top) && whole(bottom)) {
        std::size_t fe = numer->e;
        m = make(norm, start, fe, "num");
        m.attrs.set("type", "fraction");
        std::string frac = top + "/" + bottom;
        m.attrs.set("value", frac);
        if (starts_with(n, fe, "以下") || starts_with(n, fe, "未満")) {
          fe += std::string_view("以下").size();
          m = make(norm, start, fe, "num");
          m.attrs.set("type", "fraction");
          m.attrs.set("value", frac);
          m.attrs.set("atMost", frac);
        } else if (starts_with(n, fe, "以上")) {
          fe += std::string_view("以上").size();
          m = make(norm, start, fe, "num");
          m.attrs.set("type", "fraction");
          m.attrs.set("value", frac);
          m.attrs.set("atLeast", frac);
        }
        out.push_back(m);
        i = fe;
        continue;
      }
    }
    // Dates and times are found by find_dates: skip what they cover.
    {
      std::size_t ulen0 = 0;
      const Unit* u0 = unit_at(n, e, ulen0);
      if (u0 && u0->type == "duration" && u0->text != "分" && u0->text != "秒" && u0->text != "時間") {
        // N年前 / 数年後 / 1週間後: relative dates (find_dates).
        std::string_view rest = n.substr(e + ulen0);
        if (rest.starts_with("前") || rest.starts_with("後")) {
          i = e + ulen0 + 3;
          continue;
        }
      }
    }
    if (!num->several && !num->kanji) {
      if (starts_with(n, e, "年") && num->value >= 1000 && num->value < 2200) {
        std::string_view rest = n.substr(e + 3);
        bool duration = rest.starts_with("間") || rest.starts_with("以上") || rest.starts_with("ぶり") ||
                        rest.starts_with("余") || rest.starts_with("近");
        if (!duration) {
          i = e;
          continue;
        }
      }
      if (starts_with(n, e, "月") || (starts_with(n, e, ":") && is_ascii_digit(at(n, e + 1)))) {
        i = next(n, e);
        while (i < n.size() && is_ascii_digit(at(n, i))) ++i;
        continue;
      }
      if (starts_with(n, e, "日") && p == U'月') {
        i = e;
        continue;
      }
    }
    // Ranges: 3〜4割, 30〜40%
    double lo = 0, hi = 0;
    bool ranged = false;
    std::size_t ue = e;
    if ((starts_with(n, e, "~") || starts_with(n, e, "〜") || (starts_with(n, e, "-") && is_ascii_digit(c))) && !num->several) {
      std::size_t j = next(n, e);
      auto second = number_at(n, j);
      if (second && !second->several) {
        std::size_t l2 = 0;
        if (unit_at(n, second->e, l2)) {
          lo = num->value;
          hi = second->value;
          ranged = true;
          ue = second->e;
        }
      }
    }
    // Latin scale words: $500Billion, 1.5 million
    double scale = 1;
    {
      std::size_t j = ue;
      if (at(n, j) == ' ') ++j;
      static const std::pair<std::string_view, double> words[] = {
          {"Trillion", 1e12}, {"trillion", 1e12}, {"Billion", 1e9}, {"billion", 1e9}, {"Million", 1e6},
          {"million", 1e6},   {"bn", 1e9},        {"tn", 1e12},     {"mn", 1e6},      {"B", 1e9},
          {"M", 1e6},         {"T", 1e12},        {"K", 1e3}};
      for (auto& [w, f] : words) {
        if (starts_with(n, j, w) && !is_ascii_alpha(at(n, j + w.size()))) {
          bool single = w.size() == 1;
          if (single && !currency_prefix) continue;
          scale = f;
          ue = j + w.size();
          break;
        }
      }
    }
    // The unit.
    std::size_t ulen = 0;
    const Unit* u = nullptr;
    if (!currency_prefix) u = unit_at(n, ue, ulen);
    // Half: 1年半, 2時間半; 半年 alone is handled below.
    double half = 0;
    if (u && u->type == "duration" && starts_with(n, ue + ulen, "半")) {
      half = 0.5;
      ulen += std::string_view("半").size();
    }
    std::size_t end = ue + ulen;
    // Digits run into Latin letters that are not a unit: a token (2FA, 4K).
    if (!u && scale == 1 && !currency_prefix && is_ascii_digit(c) && is_ascii_alpha(at(n, ue))) {
      i = ue;
      while (i < n.size() && (is_ascii_alpha(at(n, i)) || is_ascii_digit(at(n, i)))) ++i;
      continue;
    }
    // Kanji numerals need a unit or a counter (一夜, 一言, 十分な are words, not numbers); a
    // lone kanji numeral with 分 or 日 is more often a word than a duration.
    if (num->kanji && !currency_prefix) {
      bool ok = u != nullptr || scale != 1;
      if (u && (u->text == "分" || u->text == "日" || u->text == "位" || u->text == "口" || u->text == "元" ||
                u->text == "名" || u->text == "機" || u->text == "基" || u->text == "店" || u->text == "校" ||
                u->text == "回" || u->text == "年" || u->text == "台") &&
          num->kanji_chars == 1 && !num->several)
        ok = u->text == "回" || u->text == "台" ? (num->value > 1) : false;
      if (u && u->text == "年" && num->several) ok = true;
      if (!ok) {
        i = num->e;
        continue;
      }
    }
    // 数 needs a counter.
    if (num->several && !u) {
      i = num->e;
      continue;
    }
    // Day counts without 間: only with a following duration marker (わずか10日で).
    if (u && u->text == "日") {
      std::string_view rest = n.substr(end);
      bool dur = rest.starts_with("で") || rest.starts_with("以内") || rest.starts_with("以上") || rest.starts_with("ほど") ||
                 rest.starts_with("程度") || rest.starts_with("ぶり") || rest.starts_with("連続") || rest.starts_with("分");
      if (!dur) {
        i = end;
        continue;
      }
    }
    // 分 followed by の is a fraction handled above; 10分台 is an approximation.
    double value = num->value * scale + (half ? half : 0);
    if (half && u) value = num->value + half;
    double factor = u ? u->factor : 1;
    // Bounds after the number.
    std::string at_least, at_most;
    std::size_t tail = end;
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
    if (currency_prefix || (u && u->type == "currency")) {
      m = make(norm, start, tail, "measure");
      m.attrs.set("type", "currency");
      if (!num->several) m.attrs.set("quantity", q);
      m.attrs.set("unit", currency_prefix ? prefix_unit : u->unit);
    } else if (u && u->type == "percent") {
      m = make(norm, start, tail, "num");
      m.attrs.set("type", "percent");
      if (!num->several && !ranged) m.attrs.set("value", q);
    } else if (u && u->type == "ordinal") {
      m = make(norm, start, tail, "num");
      m.attrs.set("type", "ordinal");
      m.attrs.set("value", q);
    } else if (u && u->type == "ratio") {
      m = make(norm, start, tail, "num");
      m.attrs.set("type", "ratio");
      if (!num->several) m.attrs.set("value", q);
    } else if (u) {
      m = make(norm, start, tail, "measure");
      m.attrs.set("type", u->type);
      if (!num->several && !ranged) m.attrs.set("quantity", q);
      m.attrs.set("unit", u->unit);
    } else {
      // A bare number: ordinal after 第, otherwise cardinal.
      bool ordinal = before(n, start) == U'第';
      std::size_t b0 = ordinal ? prev(n, start) : start;
      m = make(norm, b0, tail, "num");
      m.attrs.set("type", ordinal ? "ordinal" : "cardinal");
      m.attrs.set("value", q);
      // A bare single digit is a label or an id more often than a figure.
      if (scale == 1 && !ordinal && num->value < 10 && bound == 2) {
        i = tail;
        continue;
      }
    }
    if (num->several) {
      m.attrs.set("atLeast", fmt(num->lo));
      m.attrs.set("atMost", fmt(num->hi));
    } else if (ranged) {
      m.attrs.set("atLeast", fmt(lo * scale));
      m.attrs.set("atMost", fmt(hi * scale));
    } else if (bound == 1) {
      m.attrs.set("atLeast", q);
    } else if (bound == -1) {
      m.attrs.set("atMost", q);
    } else if (bound == 0) {
      // 10分台: from 10 up to the next ten.
      m.attrs.set("atLeast", q);
      m.attrs.set("atMost", fmt(value + 9));
    }
    out.push_back(std::move(m));
    i = tail;
  }
  // 半年, 半日: a half unit without a number.
  for (std::size_t k = 0; (k = n.find("半", k)) != std::string_view::npos; k += 3) {
    char32_t p = before(n, k);
    if (is_ascii_digit(p) || kanji_digit(p) >= 0 || kanji_unit(p) || p == U'前' || p == U'後' || p == U'大' || p == U'上') continue;
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
    Mention m = make(norm, k, k + 3 + len, "measure");
    m.attrs.set("type", "duration");
    m.attrs.set("quantity", format_number(q));
    m.attrs.set("unit", unit);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return out;
}

// ------------------------------------------------------------------------------------------
// Dates
// ------------------------------------------------------------------------------------------

std::vector<Mention> find_dates(std::string_view sentence, DateContext& ctx) {
  return find_dates(sentence, normalise(sentence), ctx);
}

std::vector<Mention> find_dates(std::string_view, const Normalised& norm, DateContext& ctx) {
  std::string_view n = norm.text;
  std::vector<Mention> out;
  auto tech = technical_spans(n);
  static const std::pair<std::string_view, std::string_view> relative[] = {
      {"一昨年", "year-before-last"}, {"昨年度", "previous-year"}, {"今年度", "this-year"}, {"来年度", "next-year"},
      {"昨年", "previous-year"},       {"去年", "previous-year"},   {"今年", "this-year"},   {"来年", "next-year"},
      {"再来年", "year-after-next"},   {"前年", "previous-year"},   {"翌年", "next-year"},   {"先月", "previous-month"},
      {"今月", "this-month"},          {"来月", "next-month"},      {"先週", "previous-week"}, {"今週", "this-week"},
      {"来週", "next-week"},           {"昨日", "previous-day"},    {"今日", "today"},       {"明日", "next-day"},
      {"前回", "previous-occasion"},   {"次回", "next-occasion"},   {"先日", "recent-day"},  {"翌日", "next-day"},
      {"前日", "previous-day"},        {"翌月", "next-month"}};
  static const std::pair<std::string_view, std::string_view> seasons[] = {
      {"春", ""}, {"夏", ""}, {"秋", ""}, {"冬", ""}, {"末", ""}, {"初め", ""}, {"上旬", ""}, {"中旬", ""}, {"下旬", ""}, {"半ば", ""}};
  std::size_t i = 0;
  while (i < n.size()) {
    if (inside(tech, i)) {
      i = next(n, i);
      continue;
    }
    char32_t c = at(n, i);
    char32_t p = before(n, i);
    // Relative dates.
    bool matched = false;
    static const char32_t rel_first[] = {U'一', U'昨', U'今', U'来', U'去', U'再', U'前', U'翌', U'先', U'明', U'次'};
    bool maybe_relative = std::find(std::begin(rel_first), std::end(rel_first), c) != std::end(rel_first);
    for (auto& [w, sub] : relative) {
      if (!maybe_relative) break;
      if (!starts_with(n, i, w)) continue;
      std::size_t e = i + w.size();
      Mention m;
      std::string when;
      // 昨年2月, 昨年秋
      std::size_t me = 0;
      int month = small_int_at(n, e, me);
      if (month >= 1 && month <= 12 && starts_with(n, me, "月") && !starts_with(n, me, "月間")) {
        e = me + 3;
        when = "--" + two(month);
        std::size_t de = 0;
        int day = small_int_at(n, e, de);
        if (day >= 1 && day <= 31 && starts_with(n, de, "日")) {
          e = de + 3;
          when += "-" + two(day);
        }
      } else {
        for (auto& [s2, unused] : seasons) {
          (void)unused;
          if (starts_with(n, e, s2)) {
            e += s2.size();
            break;
          }
        }
      }
      m = make(norm, i, e, "date");
      m.attrs.set("type", "relative");
      m.attrs.set("subtype", sub);
      if (!when.empty()) m.attrs.set("when", when);
      out.push_back(std::move(m));
      i = e;
      matched = true;
      break;
    }
    if (matched) continue;
    // Era years: 令和6年 → 2024.
    static const std::pair<std::string_view, int> eras[] = {{"令和", 2018}, {"平成", 1988}, {"昭和", 1925}};
    int year = -1;
    std::size_t ye = 0, yb = i;
    for (auto& [era, base] : eras) {
      if ((c != U'令' && c != U'平' && c != U'昭') || !starts_with(n, i, era)) continue;
      std::size_t j = i + era.size();
      if (starts_with(n, j, "元")) {
        year = base + 1;
        ye = j + 3;
      } else {
        std::size_t je = 0;
        int v = small_int_at(n, j, je);
        if (v >= 1 && v <= 99) {
          year = base + v;
          ye = je;
        }
      }
      if (year > 0 && starts_with(n, ye, "年")) ye += 3;
      else year = -1;
      break;
    }
    // Western years: 2024年, and 2024/8/1, 2024-08-01, 2025.03.14 (a web article's dateline).
    if (year < 0 && is_ascii_digit(c) && !is_ascii_digit(p) && !is_ascii_alpha(p) && p != '-' && p != '.' && p != '/') {
      std::size_t je = 0;
      int v = int_at(n, i, je, 4);
      if (v >= 1000 && v < 2200 && je - i == 4) {
        if (starts_with(n, je, "年")) {
          std::string_view rest = n.substr(je + 3);
          bool duration = rest.starts_with("間") || rest.starts_with("以上") || rest.starts_with("ぶり") ||
                          rest.starts_with("余") || rest.starts_with("近");
          if (!duration) {
            year = v;
            ye = je + 3;
          }
        } else if ((n[je] == '/' || n[je] == '-' || n[je] == '.') && je + 1 < n.size() && is_ascii_digit(at(n, je + 1))) {
          std::size_t me = 0;
          int mo = int_at(n, je + 1, me, 2);
          if (mo >= 1 && mo <= 12 && me < n.size() && n[me] == n[je] && is_ascii_digit(at(n, me + 1))) {
            std::size_t de = 0;
            int day = int_at(n, me + 1, de, 2);
            // Not a version number: 2023.10.1.2 goes on.
            bool more = de + 1 < n.size() && (n[de] == '.' || n[de] == '-' || n[de] == '/') && is_ascii_digit(at(n, de + 1));
            if (day >= 1 && day <= 31 && !is_ascii_digit(at(n, de)) && !more) {
              Mention m = make(norm, i, de, "date");
              m.attrs.set("when", std::to_string(v) + "-" + two(mo) + "-" + two(day));
              out.push_back(std::move(m));
              ctx.year = v;
              i = de;
              continue;
            }
          }
        }
      }
    }
    if (year > 0) {
      std::size_t e = ye;
      std::string when = std::to_string(year);
      Mention m;
      // 2030年代: a decade.
      if (starts_with(n, e, "代")) {
        e += 3;
        m = make(norm, yb, e, "date");
        m.attrs.set("notBefore", when);
        m.attrs.set("notAfter", std::to_string(year + 9));
        out.push_back(std::move(m));
        ctx.year = year;
        i = e;
        continue;
      }
      std::size_t me = 0;
      int month = small_int_at(n, e, me);
      if (month >= 1 && month <= 12 && starts_with(n, me, "月") && !starts_with(n, me, "月間")) {
        e = me + 3;
        when += "-" + two(month);
        std::size_t de = 0;
        int day = small_int_at(n, e, de);
        if (day >= 1 && day <= 31 && starts_with(n, de, "日") && !starts_with(n, de, "日間")) {
          e = de + 3;
          when += "-" + two(day);
        }
      }
      m = make(norm, yb, e, "date");
      if (starts_with(n, e, "以降")) {
        e += std::string_view("以降").size();
        m = make(norm, yb, e, "date");
        m.attrs.set("notBefore", when);
      } else if (starts_with(n, e, "以前")) {
        e += std::string_view("以前").size();
        m = make(norm, yb, e, "date");
        m.attrs.set("notAfter", when);
      } else {
        m.attrs.set("when", when);
      }
      out.push_back(std::move(m));
      ctx.year = year;
      i = e;
      continue;
    }
    // Month and day without a year: 1月20日, 1月.
    if ((is_ascii_digit(c) || kanji_digit(c) > 0 || kanji_unit(c) == 10 || c == U'数') && !is_ascii_digit(p) && kanji_digit(p) < 0 &&
        !is_ascii_alpha(p) && p != '-' && p != '.' && !kanji_unit(p) && !(c == U'数' && is_kanji(p))) {
      std::size_t me = 0;
      int month = small_int_at(n, i, me);
      if (month >= 1 && month <= 12 && starts_with(n, me, "月") && !starts_with(n, me, "月間") &&
          !starts_with(n, me, "月曜") && (is_ascii_digit(c) || !numeral_word_before(p))) {
        std::size_t e = me + 3;
        std::size_t de = 0;
        int day = small_int_at(n, e, de);
        std::string when;
        if (day >= 1 && day <= 31 && starts_with(n, de, "日") && !starts_with(n, de, "日間")) {
          e = de + 3;
          when = ctx.year ? std::to_string(ctx.year) + "-" + two(month) + "-" + two(day) : "--" + two(month) + "-" + two(day);
        } else {
          when = ctx.year ? std::to_string(ctx.year) + "-" + two(month) : "--" + two(month);
        }
        Mention m = make(norm, i, e, "date");
        m.attrs.set("when", when);
        out.push_back(std::move(m));
        i = e;
        continue;
      }
      // N年前, 10年後, 3か月後, 数年前: relative with a duration.
      std::size_t ne = 0;
      auto num = small_number(n, i);
      if (num) {
        ne = num->e;
        static const std::pair<std::string_view, char> units[] = {{"年", 'Y'}, {"か月", 'M'}, {"カ月", 'M'}, {"ヶ月", 'M'},
                                                                  {"週間", 'W'}, {"日", 'D'}};
        for (auto& [uw, code] : units) {
          if (!starts_with(n, ne, uw)) continue;
          std::size_t e = ne + uw.size();
          std::string sub;
          if (starts_with(n, e, "前")) sub = "before";
          else if (starts_with(n, e, "後")) sub = "after";
          if (sub.empty()) break;
          if (num->kanji && num->kanji_chars == 1 && !num->several && numeral_word_before(p)) break;
          e += 3;
          Mention m = make(norm, i, e, "date");
          m.attrs.set("type", "relative");
          m.attrs.set("subtype", sub);
          if (!num->several) {
            // xsd:duration has no weeks: 1週間後 is P7D; and no exponent: a figure too large
            // for plain digits gets no @dur.
            std::string figure = format_number(code == 'W' ? num->value * 7 : num->value);
            if (is_plain_decimal(figure))
              m.attrs.set("dur", "P" + figure + (code == 'W' ? std::string("D") : std::string(1, code)));
          }
          out.push_back(std::move(m));
          i = e;
          matched = true;
          break;
        }
        if (matched) continue;
      }
    }
    // Times: 10:30
    if (is_ascii_digit(c) && !is_ascii_digit(p) && p != ':' && p != '/' && !is_ascii_alpha(p)) {
      std::size_t he = 0;
      int h = int_at(n, i, he, 2);
      if (h >= 0 && h <= 24 && he < n.size() && n[he] == ':') {
        std::size_t me = 0;
        int mi = int_at(n, he + 1, me, 2);
        if (mi >= 0 && mi < 60 && me - he - 1 == 2 && !is_ascii_digit(at(n, me)) && at(n, me) != ':') {
          Mention m = make(norm, i, me, "time");
          m.attrs.set("when", two(h) + ":" + two(mi) + ":00");
          out.push_back(std::move(m));
          i = me;
          continue;
        }
      }
    }
    i = next(n, i);
  }
  return out;
}

}  // namespace jatei::claims
