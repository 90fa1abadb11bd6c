// Numbers, measures and money: what a fact-checker compares.
//
// Found on the NFKC copy of the sentence (full-width digits are ASCII there) and mapped back to
// source bytes. Values are normalised the TEI way: quantities as plain decimals (5000億ドル →
// 500000000000 USD), fractions as "1/10", approximations as atLeast/atMost.
#include <algorithm>
#include <cmath>
#include <optional>

#include "claims/numbers.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;
using namespace detail;  // the numerals and spans the finders share
using namespace numbers;

namespace {

// The numbers and measures of one sentence, found left to right.
class NumberFinder : NumberReader {
 public:
  using NumberReader::NumberReader;

  std::vector<Mention> run() {
    std::size_t i = 0;
    while (i < n_.size()) i = at_place(i);
    halves();
    std::sort(out_.begin(), out_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    return std::move(out_);
  }

 private:
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
    } else if (age_in_brackets(k, tail)) {
      m = make(norm_, k.start, tail, "measure");
      m.attrs.set("type", "age");
      m.attrs.set("quantity", q);
      m.attrs.set("unit", "year");
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

  // 山田太郎さん（45）は, 千種陽介七段（32）が: a whole number up to 120 alone in brackets right
  // after a word written in Japanese (a name, a title), and the brackets followed by a particle
  // or a comma, is the news style's age.
  bool age_in_brackets(const Place& k, std::size_t tail) const {
    std::string_view n = n_;
    const detail::Numeral& num = k.num;
    if (k.p != '(' || at(n, tail) != ')' || num.several || num.kanji || num.value != std::floor(num.value) ||
        num.value < 1 || num.value > 120)
      return false;
    char32_t word = before(n, prev(n, k.start));
    if (!(is_kanji(word) || text::hiragana_word(word) || katakana_word(word))) return false;
    static constexpr std::u32string_view after = U"はがもにのらと、=";
    return after.find(at(n, tail + 1)) != std::u32string_view::npos;
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
