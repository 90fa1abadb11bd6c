// Glosses an article gives its own terms: X(Y), X（Y）, the reverse Y(X), XつまりY.
//
// The hard part is where X begins. Japanese writes no spaces, so the term before a
// parenthesis is found by walking back over ICU's dictionary words: words with kanji,
// katakana or Latin letters belong to the noun phrase, a word of hiragana (a particle, an
// inflection) or punctuation ends it. A kanji word with a one- or two-kana tail in the i/e
// rows (誤り, 済み, 重ね) is a noun made from a verb and stays; any other tail (続ける, 弱く,
// 新しい) is an inflected word and stops the walk; okurigana that ICU cuts out between two
// kanji (埋|め|込み) stay in the compound, and a ・ next to kanji separates the items of a list.
// Where the walk stops at a word with hiragana, MeCab's analysis says whether the noun compound
// goes on (取り扱い説明書: 取り扱い is a noun; 1秒あたり: a number, its counter and a suffix).
// A term quoted as 「X(Y)」 is the whole quote.
// When the phrase ends in katakana that reads as the Latin gloss (米エヌビディア(NVIDIA)),
// the term is that katakana alone.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/data_files.hpp"
#include "jatei/rules.hpp"
#include "jatei/terms.hpp"
#include "jatei/text.hpp"
#include "jatei/utf8.hpp"
#include "text/morph.hpp"

namespace jatei {
// Generated at build time from lib/data/terms/gloss.rules (see lib/CMakeLists.txt).
extern const char kTermsGlossRules[];
extern const std::size_t kTermsGlossRulesSize;
}  // namespace jatei

namespace jatei::terms {
namespace {

const Rules& rules() {
  static const Rules r =
      Rules::compiled_or_override("terms/gloss.rules", std::string_view(kTermsGlossRules, kTermsGlossRulesSize));
  return r;
}

// The text layer's code points (jatei/text.hpp); kind() is the class the gloss finder groups by.
using Cp = text::CodePoint;
CharClass kind(Cp cp) { return classify(cp.c); }

std::vector<Cp> decode(std::string_view s) {
  std::vector<Cp> out;
  text::decode_all(s, out);
  return out;
}

// Index of the code point that starts at byte b (or the one containing it).
std::size_t index_at(const std::vector<Cp>& cps, std::size_t b) {
  auto it = std::lower_bound(cps.begin(), cps.end(), b, [](const Cp& c, std::size_t x) { return text::end(c) <= x; });
  return static_cast<std::size_t>(it - cps.begin());
}

bool is_open_paren(char32_t c) { return c == '(' || c == 0xFF08; }
bool is_close_paren(char32_t c) { return c == ')' || c == 0xFF09; }
bool is_long_or_dot(char32_t c) { return c == 0x30FC || c == 0x30FB || c == 0xFF70 || c == 0xFF65; }
bool kana_or_kanji(CharClass k) { return k == CharClass::kanji || k == CharClass::katakana; }

char32_t closer_of(char32_t open) {
  switch (open) {
    case 0x300C: return 0x300D;  // 「」
    case 0x300E: return 0x300F;  // 『』
    case 0x201C: return 0x201D;  // “”
    case 0x3010: return 0x3011;  // 【】
    case 0x3008: return 0x3009;  // 〈〉
    case 0x300A: return 0x300B;  // 《》
    default: return 0;
  }
}
bool is_quote_close(char32_t c) { return c == 0x300D || c == 0x300F || c == 0x201D || c == 0x3011 || c == 0x3009 || c == 0x300B; }

// Okurigana that leave a word a noun: one or two kana ending in the i or e row (誤り, 済み, 合わせ).
bool noun_tail(std::u32string_view tail) {
  if (tail.empty()) return true;
  if (tail.size() > 2) return false;
  // 暑さ, 重さ, 高さ: さ makes a noun of an adjective stem (one kana after the kanji).
  if (tail == U"さ") return true;
  static const std::u32string_view ok = U"りきしちみびひぎじにけせてねべめれえげぜでへ";
  return ok.find(tail.back()) != std::u32string_view::npos;
}

enum class WordKind { content, stop, digits };

bool is_middle_dot_word(std::string_view w) { return w == "\xE3\x83\xBB" || w == "\xEF\xBD\xA5"; }


// Whether the character before byte b (before = true) or at byte b is kanji or hiragana.
bool list_side(const std::vector<Cp>& cps, std::size_t b, bool before) {
  std::size_t i = index_at(cps, b);
  if (before) {
    if (i == 0) return false;
    --i;
  }
  if (i >= cps.size()) return false;
  return kind(cps[i]) == CharClass::kanji || kind(cps[i]) == CharClass::hiragana;
}

// A word of one or two hiragana in the i or e row, not a particle, with kanji on both sides.
bool okurigana_inside(const std::vector<Cp>& cps, std::string_view w, std::size_t b, std::size_t e) {
  std::u32string tail;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(w, i, len);
    i += len;
    if (classify(c) != CharClass::hiragana) return false;
    tail.push_back(c);
  }
  if (tail.empty() || tail.size() > 2 || !noun_tail(tail)) return false;
  if (std::u32string_view(U"にでへてねし").find(tail.back()) != std::u32string_view::npos) return false;
  std::size_t bi = index_at(cps, b), ei = index_at(cps, e);
  return bi > 0 && ei < cps.size() && kind(cps[bi - 1]) == CharClass::kanji && kind(cps[ei]) == CharClass::kanji;
}

// What an ICU word contributes to a noun phrase.
WordKind word_kind(std::string_view w, std::string* why) {
  std::u32string tail;
  bool content = false, digits_only = true;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(w, i, len);
    i += len;
    CharClass k = classify(c);
    if (k == CharClass::kanji || k == CharClass::katakana || k == CharClass::latin || is_long_or_dot(c)) {
      content = true;
      digits_only = false;
      tail.clear();
    } else if (k == CharClass::hiragana) {
      tail.push_back(c);
      digits_only = false;
    } else if (k == CharClass::digit) {
      tail.clear();
    } else {
      if (why) *why = "punctuation '" + std::string(w) + "'";
      return WordKind::stop;
    }
  }
  if (digits_only) return WordKind::digits;
  if (!content) {
    if (why) *why = "particle or ending '" + std::string(w) + "'";
    return WordKind::stop;
  }
  if (!noun_tail(tail)) {
    if (why) *why = "inflected word '" + std::string(w) + "'";
    return WordKind::stop;
  }
  return WordKind::content;
}

icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> bi = [] {
    UErrorCode e = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getJapanese(), e));
    if (U_FAILURE(e) || !b) throw std::runtime_error("ICU word break iterator is not available");
    return b;
  }();
  return *bi;
}

// ICU word boundaries of s[from, to) (byte offsets into s), ascending, from and to included.
std::vector<std::size_t> word_bounds(std::string_view s, std::size_t from, std::size_t to) {
  std::vector<std::size_t> out;
  std::string_view part = s.substr(from, to - from);
  // The bounds depend on the stretch's bytes alone, and gloss finding asks for the same stretch
  // again and again (each candidate edge before a parenthesis, in a sentence and in sentences
  // a document repeats): ICU's dictionary breaker, the largest part of finding glosses, runs
  // once a stretch. A thread's own table, emptied when it grows large.
  thread_local std::unordered_map<std::string, std::vector<std::uint32_t>> memo;
  if (auto it = memo.find(std::string(part)); it != memo.end()) {
    out.reserve(it->second.size());
    for (std::uint32_t p : it->second) out.push_back(from + p);
    return out;
  }
  auto remember = [&](const std::vector<std::size_t>& bounds) {
    if (memo.size() >= 4096) memo.clear();
    std::vector<std::uint32_t> rel;
    rel.reserve(bounds.size());
    for (std::size_t b : bounds) rel.push_back(static_cast<std::uint32_t>(b - from));
    memo.emplace(std::string(part), std::move(rel));
  };
  UErrorCode e = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, part.data(), static_cast<int64_t>(part.size()), &e);
  if (U_FAILURE(e)) return {from, to};
  icu::BreakIterator& bi = word_breaker();
  bi.setText(ut, e);
  if (U_SUCCESS(e)) {
    for (int32_t p = bi.first(); p != icu::BreakIterator::DONE; p = bi.next())
      out.push_back(from + static_cast<std::size_t>(p));
  }
  utext_close(ut);
  if (out.empty() || out.front() != from) out.insert(out.begin(), from);
  if (out.back() != to) out.push_back(to);
  remember(out);
  return out;
}

// The stretch around a phrase edge that word segmentation needs to see: back (or on) to the
// nearest punctuation or space, at most 64 characters away. A noun phrase never crosses
// either, and dictionary segmentation of a whole long sentence costs more than it tells.
std::size_t window_start(std::string_view s, std::size_t at) {
  std::size_t b = at;
  for (int n = 0; b > 0 && n < 64; ++n) {
    std::size_t len = 0;
    char32_t c = utf8::decode_before(s, b, len);
    CharClass k = classify(c);
    // アンナ・ベルク: a middle dot is inside a name or between list items; left_by_words decides.
    if ((k == CharClass::punct && !is_long_or_dot(c)) || k == CharClass::space) break;
    b -= len;
  }
  return b;
}
std::size_t window_end(std::string_view s, std::size_t at) {
  std::size_t e = at;
  for (int n = 0; e < s.size() && n < 64; ++n) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, e, len);
    CharClass k = classify(c);
    if (k == CharClass::punct || k == CharClass::space) break;
    e += len;
  }
  return e;
}

constexpr std::size_t kMaxTermChars = 24;

std::size_t chars_between(const std::vector<Cp>& cps, std::size_t b, std::size_t e) {
  return index_at(cps, e) - index_at(cps, b);
}

// A morpheme that can be part of a noun compound: a noun (general, verbal, adjectival, proper,
// a number, a suffix of a counter or a general one), not a dependent noun (こと, ため), a
// pronoun or an adverbial noun, written in letters only (MeCab calls a bracket a noun too).
bool compound_part(const text::Morph& m) {
  if (m.pos != text::Pos::noun) return false;
  static constexpr std::string_view kParts[] = {"一般", "サ変接続", "形容動詞語幹", "固有名詞", "数"};
  bool part = std::find(std::begin(kParts), std::end(kParts), m.pos1) != std::end(kParts) ||
              (m.pos1 == "接尾" && (m.pos2 == "一般" || m.pos2 == "助数詞" || m.pos2 == "サ変接続"));
  if (!part || rules().matches_whole("stop-word", m.surface)) return false;
  for (std::size_t i = 0; i < m.surface.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(m.surface, i, len);
    i += len;
    CharClass k = classify(c);
    if (k != CharClass::kanji && k != CharClass::hiragana && k != CharClass::katakana && k != CharClass::latin &&
        k != CharClass::digit && !is_long_or_dot(c))
      return false;
  }
  return true;
}

// The start of the noun compound that ends at byte `at` of s, by MeCab's analysis of s[from,
// end): the morphemes before `at` that compound_part() takes; `at` when no morpheme ends there.
// `rate`: the compound opens with a number, its counter and a suffix (1秒あたり, 1人当たり), so
// the number belongs to it.
std::size_t noun_compound_start(std::string_view s, std::size_t from, std::size_t end, std::size_t at, bool& rate) {
  thread_local std::vector<text::Morph> morphs;
  text::analyse_morphs(s.substr(from, end - from), morphs);
  std::size_t k = 0;
  while (k < morphs.size() && from + morphs[k].end < at) ++k;
  if (k == morphs.size() || from + morphs[k].end != at) return at;
  std::size_t first = k + 1;
  while (first > 0 && compound_part(morphs[first - 1])) --first;
  if (first > k) return at;
  std::size_t j = first;
  while (j <= k && morphs[j].pos1 == "数") ++j;
  rate = j > first && j + 1 <= k && morphs[j].pos1 == "接尾" && morphs[j].pos2 == "助数詞" && morphs[j + 1].pos1 == "接尾" &&
         morphs[j + 1].pos2 == "一般";
  return from + morphs[first].begin;
}

// Left edge by words, given the boundaries.
std::size_t left_by_words(std::string_view s, const std::vector<Cp>& cps, const std::vector<std::size_t>& bounds,
                          std::size_t end, std::string* reason) {
  const Rules& r = rules();
  std::size_t start = end;
  std::string why;
  bool have_content = false, stopped_at_kana = false;
  auto it = std::lower_bound(bounds.begin(), bounds.end(), end);
  std::size_t pos = end;
  while (it != bounds.begin()) {
    --it;
    std::size_t b = *it;
    if (b >= pos) continue;
    std::string_view w = s.substr(b, pos - b);
    // 睡眠・レム睡眠: a middle dot next to kanji or hiragana separates the items of a list;
    // only between katakana (or Latin) does it join the parts of one name.
    if (is_middle_dot_word(w) && (list_side(cps, b, true) || list_side(cps, pos, false))) {
      why = "list separator '" + std::string(w) + "'";
      break;
    }
    WordKind k = word_kind(w, &why);
    // 埋め込みモデル: ICU may cut the okurigana out of a compound (埋|め|込み); between two
    // kanji it belongs to the compound (a particle there would be に, で, へ or と).
    if (k == WordKind::stop && have_content && okurigana_inside(cps, w, b, pos)) {
      k = WordKind::content;
      why.clear();
    }
    if (k == WordKind::stop) {
      stopped_at_kana = true;
      break;
    }
    if (k == WordKind::digits && !have_content) {
      why = "number '" + std::string(w) + "'";
      break;
    }
    if (r.matches_whole("stop-word", w)) {
      why = "function word '" + std::string(w) + "'";
      break;
    }
    if (chars_between(cps, b, end) > kMaxTermChars) {
      why = "length limit";
      break;
    }
    if (k == WordKind::content) have_content = true;
    start = b;
    pos = b;
  }
  if (why.empty()) {  // the walk reached the start of the window
    std::size_t i = index_at(cps, start);
    if (start == 0) why = "start of sentence";
    else if (i > 0) why = "punctuation '" + std::string(s.substr(cps[i - 1].at, text::end(cps[i - 1]) - cps[i - 1].at)) + "'";
  }
  // A word with hiragana that MeCab reads as part of the noun compound (取り扱い説明書).
  bool rate = false;
  if (stopped_at_kana && start > 0) {
    std::size_t g = noun_compound_start(s, window_start(s, end), end, start, rate);
    if (g < start && chars_between(cps, g, end) <= kMaxTermChars) {
      why = "noun compound '" + std::string(s.substr(g, start - g)) + "'";
      start = g;
    } else {
      rate = false;
    }
  }
  // A leading number is not part of the term (2024年の… stops earlier; 3つの量子ビット), unless
  // it is the number of a rate (1秒あたり).
  while (start < end && !rate) {
    std::size_t i = index_at(cps, start);
    if (kind(cps[i]) != CharClass::digit) break;
    start = text::end(cps[i]);
  }
  if (reason) *reason = why.empty() ? "start of sentence" : why;
  return start;
}

std::string_view trim_spaces(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  if (v.size() >= 3 && v.substr(0, 3) == "\xE3\x80\x80") return trim_spaces(v.substr(3));
  if (v.size() >= 3 && v.substr(v.size() - 3) == "\xE3\x80\x80") return trim_spaces(v.substr(0, v.size() - 3));
  return v;
}

enum class PhraseKind { latin, japanese, other };

// Latin: ASCII letters (after NFKC) with digits, spaces and - ' . , & / + between; at most
// eight words; letters at least half of it. Japanese: kanji, kana, ー, ・, digits; mostly not
// hiragana; no predicate ending.
PhraseKind phrase_kind(std::string_view y) {
  std::string n = normalize_key(y);
  if (n.empty()) return PhraseKind::other;
  bool ascii = std::all_of(n.begin(), n.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::size_t letters = 0, other = 0, words = 1;
    for (char c : n) {
      if (c >= 'a' && c <= 'z') ++letters;
      else if (c >= '0' && c <= '9') ++other;
      else if (c == ' ') ++words;
      else if (std::string_view("-'.,&/+").find(c) != std::string_view::npos) ++other;
      else return PhraseKind::other;
    }
    if (letters < 2 || letters < other || words > 8 || n.size() > 60) return PhraseKind::other;
    return PhraseKind::latin;
  }
  std::size_t chars = 0, hira = 0;
  for (std::size_t i = 0; i < y.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(y, i, len);
    i += len;
    CharClass k = classify(c);
    ++chars;
    if (k == CharClass::hiragana) ++hira;
    else if (k == CharClass::kanji || k == CharClass::katakana || k == CharClass::digit || is_long_or_dot(c)) continue;
    else return PhraseKind::other;
  }
  if (chars > 20 || hira * 2 > chars) return PhraseKind::other;
  static const char* endings[] = {"です", "ます", "でした", "ました", "だ", "た", "る", "が", "けど", "ね", "よ", "か"};
  for (const char* e : endings) {
    std::string_view ev(e);
    if (y.size() > ev.size() && y.substr(y.size() - ev.size()) == ev) {
      // Predicates end in these; nouns do not (except a rare katakana word, which is not hiragana).
      return PhraseKind::other;
    }
  }
  return PhraseKind::japanese;
}

bool starts_with_digit(std::string_view s) {
  if (s.empty()) return false;
  std::size_t len = 0;
  return classify(utf8::decode(s, 0, len)) == CharClass::digit;
}

// Full-width ASCII (ＤＸ, ＯＥＣＤ: minutes and official documents write Latin letters wide)
// as ASCII, so that the letter checks below see the letters.
std::string narrow(std::string_view y) {
  std::string out;
  out.reserve(y.size());
  for (std::size_t i = 0; i < y.size();) {
    std::size_t len = 0;
    char32_t c = utf8::decode(y, i, len);
    if (c >= 0xFF01 && c <= 0xFF5E) out.push_back(static_cast<char>(c - 0xFF01 + 0x21));
    else out.append(y.substr(i, len));
    i += len;
  }
  return out;
}

bool is_acronym(std::string_view wide) {
  std::string n = narrow(wide);
  std::string_view y = n;
  std::size_t upper = 0;
  for (char c : y) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (!(c >= '0' && c <= '9') && c != '-' && c != '&') return false;
  }
  return upper >= 2 && y.size() <= 10;
}

// The ASCII digits of a text after NFKC (a number the term and its gloss may share).
std::string digits_of(std::string_view v) {
  std::string out;
  for (char c : normalize_key(v))
    if (c >= '0' && c <= '9') out.push_back(c);
  return out;
}

// Whether the Latin gloss writes the number n, in digits or as an English word (2段階認証(two-step
// verification), 16ビット浮動小数点(FP16)).
bool gloss_has_number(std::string_view gloss, std::string_view n) {
  std::string g = normalize_key(gloss);
  if (!n.empty() && g.find(n) != std::string::npos) return true;
  static const char* words[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  if (n.size() == 1 || n == "10") {
    int v = n == "10" ? 10 : n[0] - '0';
    std::string_view w = words[v];
    for (std::size_t p = g.find(w); p != std::string::npos; p = g.find(w, p + 1)) {
      bool lb = p == 0 || !(g[p - 1] >= 'a' && g[p - 1] <= 'z');
      bool rb = p + w.size() >= g.size() || !(g[p + w.size()] >= 'a' && g[p + w.size()] <= 'z');
      if (lb && rb) return true;
    }
  }
  return false;
}

// A version or model number among the words of a Latin name: Llama 3.1 Community License,
// Qwen2.5, iPhone 16. (CO2, SpO2, FP16: digits inside an acronym are not one.)
bool has_version_number(std::string_view gloss) {
  std::string g = normalize_key(gloss);
  std::size_t i = 0;
  while (i < g.size()) {
    while (i < g.size() && g[i] == ' ') ++i;
    std::size_t j = i;
    while (j < g.size() && g[j] != ' ') ++j;
    std::string_view tok(g.data() + i, j - i);
    bool all_num = !tok.empty(), dotted = false;
    for (std::size_t k = 0; k < tok.size(); ++k) {
      char c = tok[k];
      if (!((c >= '0' && c <= '9') || c == '.')) all_num = false;
      if (c == '.' && k > 0 && k + 1 < tok.size() && tok[k - 1] >= '0' && tok[k - 1] <= '9' && tok[k + 1] >= '0' &&
          tok[k + 1] <= '9')
        dotted = true;
    }
    if ((all_num && tok.find_first_of("0123456789") != std::string_view::npos && i > 0) || dotted) return true;
    i = j;
  }
  return false;
}

// A number with a unit in lower case: 46mm, 32g, 1.5kg, 100ml (a measurement, not a term).
bool is_measurement(std::string_view latin) {
  std::string g = normalize_key(latin);
  std::size_t i = 0;
  while (i < g.size() && ((g[i] >= '0' && g[i] <= '9') || g[i] == '.' || g[i] == ',')) ++i;
  if (i == 0 || i == g.size() || g.size() - i > 4) return false;
  for (std::size_t k = i; k < g.size(); ++k)
    if (!(g[k] >= 'a' && g[k] <= 'z')) return false;
  // normalize_key lower-cases: look at the source for a capital (5G, 3D are names, not units)
  for (char c : latin)
    if (c >= 'A' && c <= 'Z') return false;
  return true;
}

// Whether the letters of an acronym are the initials of the words of a Latin phrase, in order,
// function words allowed to be skipped (LLM / Large Language Model, OECD / Organisation for
// Economic Co-operation and Development).
bool acronym_of(std::string_view acronym, std::string_view phrase) {
  std::string initials;
  bool start = true;
  for (char c : phrase) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && start) initials.push_back(static_cast<char>(c | 0x20));
    start = !letter && !(c >= '0' && c <= '9');
  }
  std::size_t k = 0;
  for (char c : acronym) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) continue;
    char l = static_cast<char>(c | 0x20);
    while (k < initials.size() && initials[k] != l) ++k;
    if (k == initials.size()) return false;
    ++k;
  }
  return true;
}

// A Latin run ending at byte `end`: words of letters and digits (with - . & ' inside), single
// spaces between words, up to six words. Returns its start, or `end` when there is none.
std::size_t latin_run_left(const std::vector<Cp>& cps, std::size_t end) {
  std::size_t i = index_at(cps, end);
  std::size_t start = end, words = 0;
  bool in_word = false;
  while (i > 0) {
    const Cp& c = cps[i - 1];
    bool word = kind(c) == CharClass::latin || kind(c) == CharClass::digit;
    bool inner = c.c == '-' || c.c == '.' || c.c == '&' || c.c == '\'';
    if (word) {
      if (!in_word) ++words;
      in_word = true;
      start = c.at;
      --i;
      continue;
    }
    if (inner && in_word && i >= 2 && (kind(cps[i - 2]) == CharClass::latin || kind(cps[i - 2]) == CharClass::digit)) {
      --i;
      continue;
    }
    if (c.c == ' ' && in_word && words < 6 && i >= 2 && kind(cps[i - 2]) == CharClass::latin) {
      in_word = false;
      --i;
      continue;
    }
    break;
  }
  return start;
}

// A Latin run starting at byte `begin`; returns its end (== begin when none).
std::size_t latin_run_right(const std::vector<Cp>& cps, std::size_t begin) {
  std::size_t i = index_at(cps, begin), end = begin, words = 0;
  bool in_word = false;
  while (i < cps.size()) {
    const Cp& c = cps[i];
    bool word = kind(c) == CharClass::latin || kind(c) == CharClass::digit;
    bool inner = c.c == '-' || c.c == '.' || c.c == '&' || c.c == '\'';
    if (word) {
      if (!in_word) ++words;
      in_word = true;
      end = text::end(c);
      ++i;
      continue;
    }
    bool next_word = i + 1 < cps.size() && (kind(cps[i + 1]) == CharClass::latin || kind(cps[i + 1]) == CharClass::digit);
    if (inner && in_word && next_word) {
      ++i;
      continue;
    }
    if (c.c == ' ' && in_word && words < 6 && i + 1 < cps.size() && kind(cps[i + 1]) == CharClass::latin) {
      in_word = false;
      ++i;
      continue;
    }
    break;
  }
  return end;
}

// The noun phrase that starts at byte `begin`, going right by ICU words.
std::size_t right_by_words(std::string_view s, const std::vector<Cp>& cps, const std::vector<std::size_t>& bounds,
                           std::size_t begin) {
  const Rules& r = rules();
  auto it = std::upper_bound(bounds.begin(), bounds.end(), begin);
  std::size_t end = begin, pos = begin;
  for (; it != bounds.end(); ++it) {
    std::size_t e = *it;
    std::string_view w = s.substr(pos, e - pos);
    WordKind k = word_kind(w, nullptr);
    if (k == WordKind::stop || r.matches_whole("stop-word", w)) break;
    if (chars_between(cps, begin, e) > kMaxTermChars) break;
    end = e;
    pos = e;
  }
  return end;
}

// The maximal katakana run (with ー and ・) that ends at byte `end`.
std::size_t katakana_run_left(const std::vector<Cp>& cps, std::size_t end) {
  std::size_t i = index_at(cps, end), start = end;
  while (i > 0 && (kind(cps[i - 1]) == CharClass::katakana || is_long_or_dot(cps[i - 1].c))) {
    start = cps[i - 1].at;
    --i;
  }
  return start;
}

// Whether an acronym's letter (lower case) can spell the sound a romanised katakana word
// starts with: C for カ or サ (Customer, Cyber), L for ラ, V for バ, X for エ (eXtended)…
bool initial_fits(char letter, std::string_view romaji) {
  if (romaji.empty()) return false;
  static const char* const sounds[26] = {"ae", "bv", "ksc", "dj", "eia", "fh", "gj", "hf", "iae", "jz", "kc", "rl", "m",
                                         "n", "oa", "p", "k", "rl", "szc", "tc", "yau", "bv", "wuo", "es", "yi", "zj"};
  if (letter < 'a' || letter > 'z') return false;
  return std::string_view(sounds[letter - 'a']).find(romaji[0]) != std::string_view::npos;
}

// A person's name in Latin letters: two or three words, each a capital followed by lower-case
// letters (Mio Saeki, Anna Berg), not an acronym or a product (CEO, Lumen One is two words too,
// so callers use it only where the Japanese side ends in an honorific or a title).
bool name_shaped(std::string_view y) {
  std::size_t words = 0, i = 0;
  while (i < y.size()) {
    if (!(y[i] >= 'A' && y[i] <= 'Z')) return false;
    std::size_t j = i + 1;
    while (j < y.size() && ((y[j] >= 'a' && y[j] <= 'z') || y[j] == '-' || y[j] == '\'')) ++j;
    if (j - i < 2) return false;
    ++words;
    if (j == y.size()) break;
    if (y[j] != ' ') return false;
    i = j + 1;
  }
  return words >= 2 && words <= 3;
}

// GK, Cap, FW, C: one capitalised word of at most four letters, as positions and roles are
// abbreviated after a name.
bool short_capitalised(std::string_view wide) {
  std::string n = narrow(wide);
  if (n.empty() || n.size() > 4 || !(n[0] >= 'A' && n[0] <= 'Z')) return false;
  return std::all_of(n.begin(), n.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// A scientific name of a species (Bryum argenteum, Escherichia coli, Canis lupus familiaris):
// the genus capitalised, then one or two epithets in lower case. It names what the Japanese
// name names, whatever its reading, where a capitalised word after a katakana kind names one
// instance of it (新しいカメラ(Lumen)).
bool binomial_shaped(std::string_view y) {
  std::size_t words = 0, i = 0;
  while (i < y.size()) {
    bool genus = words == 0;
    if (genus ? !(y[i] >= 'A' && y[i] <= 'Z') : !(y[i] >= 'a' && y[i] <= 'z')) return false;
    std::size_t j = i + 1;
    while (j < y.size() && y[j] >= 'a' && y[j] <= 'z') ++j;
    if (j - i < 3) return false;
    ++words;
    if (j == y.size()) break;
    if (y[j] != ' ') return false;
    i = j + 1;
  }
  return words >= 2 && words <= 3;
}

// Capital letters of an acronym: the words its Japanese name should have (SDGs: 3, IoT: 2).
std::size_t capitals(std::string_view wide) {
  std::string n = narrow(wide);
  std::string_view y = n;
  return static_cast<std::size_t>(std::count_if(y.begin(), y.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
}

// An acronym with lower-case letters among its capitals (IoT, SDGs): one word of letters, at
// least two capitals and two thirds of the letters capitals (not OpenAI).
bool acronym_like(std::string_view wide) {
  std::string n = narrow(wide);
  std::string_view y = n;
  if (y.size() > 10 || is_acronym(y)) return is_acronym(y);
  std::size_t letters = 0;
  for (char c : y) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
    else if (!(c >= '0' && c <= '9')) return false;
  }
  std::size_t caps = capitals(y);
  return caps >= 2 && caps * 3 >= letters * 2;
}

// The words of an English phrase that carry meaning (of, the, and… left out): the words its
// Japanese name should have.
std::size_t content_words(std::string_view y) {
  static const std::string_view function_words[] = {"of", "the", "a", "an", "and", "or", "for", "in", "on", "to", "by", "with", "at"};
  std::size_t n = 0;
  for (std::size_t i = 0; i < y.size();) {
    while (i < y.size() && y[i] == ' ') ++i;
    std::size_t b = i;
    while (i < y.size() && y[i] != ' ') ++i;
    if (b == i) break;
    std::string w(y.substr(b, i - b));
    for (auto& c : w)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (std::find(std::begin(function_words), std::end(function_words), w) == std::end(function_words)) ++n;
  }
  return n;
}

// An English name with a possessive ('s, ’s, or s' before a word): Shor's algorithm,
// Newton’s method, Fermat's last theorem.
bool possessive(std::string_view y) {
  for (std::string_view mark : {"'s ", "\u2019s ", "s' ", "s\u2019 "})
    if (std::size_t at = y.find(mark); at != std::string_view::npos && at > 0) return true;
  return false;
}

bool numeral(const Cp& c) {
  return kind(c) == CharClass::digit || c.c == '.' || c.c == 0xFF0E || c.c == ',' ||
         text::is_kanji_numeral(c.c);
}

// The sentence around a gloss and what reads as what in it: a term, a name, a clause, how
// many words a phrase counts as, the parts of a gloss, and how sure a gloss found there is
// (rate).
struct Reading {
  std::string_view s;
  const TermLookup& is_term;
  std::vector<Cp> cps;

  bool lookup(std::string_view x) const { return is_term && is_term(x); }

  // Apposition is looser evidence than a parenthesis, so its Japanese side must look like a
  // term: a known one, or a compound without hiragana (not 使い方 in …つなぐ使い方、すなわちV2G).
  bool termlike(std::size_t b, std::size_t e) const {
    if (lookup(s.substr(b, e - b))) return true;
    std::size_t n = 0;
    std::size_t first = index_at(cps, b);
    for (std::size_t i = first; i < cps.size() && cps[i].at < e; ++i, ++n) {
      if (kind(cps[i]) != CharClass::hiragana) continue;
      // 書き込み: okurigana of the i or e row inside a compound, kanji before it and kanji or
      // katakana after it, keep it a noun (先行書き込みログ); any other hiragana does not.
      bool inside = i > first && kind(cps[i - 1]) == CharClass::kanji && i + 1 < cps.size() && cps[i + 1].at < e &&
                    (kind(cps[i + 1]) == CharClass::kanji || kind(cps[i + 1]) == CharClass::katakana) &&
                    noun_tail(std::u32string(1, cps[i].c)) &&
                    std::u32string_view(U"にでへてねしさ").find(cps[i].c) == std::u32string_view::npos;
      if (!inside) return false;
    }
    return n >= 2;
  }

  // A person, a role or a description, not a term: 中村健太氏(CEO), 孫会長(CEO), 新モデル(GPT-5).
  bool not_a_term(std::size_t b, std::size_t e) const {
    std::string_view x = s.substr(b, e - b);
    for (auto& suffix : rules().section("not-term-suffix")) {
      const std::string& p = suffix.pattern;
      if (x.size() >= p.size() && x.substr(x.size() - p.size()) == p) return true;
    }
    return rules().matches_whole("not-term", x);
  }

  // The end of a name before a [not-term-suffix] honorific or title (三宅俊介教授 -> 三宅俊介);
  // e when there is none or nothing would remain.
  std::size_t name_end(std::size_t b, std::size_t e) const {
    std::string_view x = s.substr(b, e - b);
    std::size_t best = 0;
    for (auto& suffix : rules().section("not-term-suffix")) {
      const std::string& p = suffix.pattern;
      if (x.size() > p.size() && x.substr(x.size() - p.size()) == p) best = std::max(best, p.size());
    }
    return e - best;
  }

  // The parts of a parenthesis that holds two glosses: split at 、，；／ always, at , ; / : ： when
  // a part is an acronym ((Large Language Model, LLM), but (Harvest Now, Decrypt Later) is
  // one gloss). One part when it does not split into Latin phrases. None when the parts list
  // several things rather than name one twice: three or more parts, an acronym that is not
  // the other part's initials (Google、IBM), two capitalised names (Google、Apple).
  std::vector<std::pair<std::size_t, std::size_t>> split_gloss(std::size_t yb, std::size_t ye) const {
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    bool wide = false;
    std::size_t start = yb;
    for (std::size_t i = index_at(cps, yb); i < cps.size() && cps[i].at < ye; ++i) {
      char32_t c = cps[i].c;
      bool w = c == 0x3001 || c == 0xFF0C || c == 0xFF1B || c == 0xFF0F;
      // (LLM: Large Language Model): a colon after an acronym spells it out; it splits only
      // where a part is an acronym (never a label: (Note: …) stays one part).
      if (w || c == ',' || c == ';' || c == '/' || c == ':' || c == 0xFF1A) {
        wide = wide || w;
        parts.push_back({start, cps[i].at});
        start = text::end(cps[i]);
      }
    }
    parts.push_back({start, ye});
    if (parts.size() < 2) return {{yb, ye}};
    bool acronym = false;
    for (auto& [b, e] : parts) {
      std::string_view v = trim_spaces(s.substr(b, e - b));
      if (v.empty() || phrase_kind(v) != PhraseKind::latin) return {{yb, ye}};
      b = static_cast<std::size_t>(v.data() - s.data());
      e = b + v.size();
      acronym = acronym || is_acronym(v);
    }
    auto capital = [](std::string_view v) {
      return v.size() >= 2 && ((v[0] >= 'A' && v[0] <= 'Z') || (v[1] >= 'A' && v[1] <= 'Z'));
    };
    // (iOS/Android), (Google, Apple): single capitalised words in a row name several things.
    bool names = std::all_of(parts.begin(), parts.end(), [&](auto& pr) {
      std::string_view v = s.substr(pr.first, pr.second - pr.first);
      return capital(v) && v.find(' ') == std::string_view::npos && !is_acronym(v);
    });
    if (names) return {};
    if (!wide && !acronym) return {{yb, ye}};
    if (parts.size() > 2) return {};
    std::string_view a = s.substr(parts[0].first, parts[0].second - parts[0].first);
    std::string_view b = s.substr(parts[1].first, parts[1].second - parts[1].first);
    if (acronym) {
      if ((is_acronym(b) && acronym_of(b, a)) || (is_acronym(a) && acronym_of(a, b))) return parts;
      return {};
    }
    if (capital(a) && capital(b)) return {};
    return parts;
  }

  // 松永 健(GK)　セーブ率38%, ・田中 優斗(CAP) 2トライ: a given name after a family name and
  // one space, the pair at the start of the sentence or after a space or a mark, the
  // parenthesis followed by a space, a mark or the end, as rosters and credits write a person.
  // What the parenthesis holds then is the person's position or role. (速報 国連(UN)が…: the
  // sentence goes on after the parenthesis, and it stays a gloss.)
  bool spaced_given_name(std::size_t b, std::size_t e, std::size_t close) const {
    if (close + 1 < cps.size()) {
      CharClass after = kind(cps[close + 1]);
      if (after != CharClass::space && after != CharClass::punct) return false;
    }
    auto kanji_run = [&](std::size_t from, std::size_t to) {  // [from, to) as indices
      if (to <= from || to - from > 3) return false;
      for (std::size_t k = from; k < to; ++k)
        if (kind(cps[k]) != CharClass::kanji) return false;
      return true;
    };
    std::size_t bi = index_at(cps, b), ei = index_at(cps, e);
    if (!kanji_run(bi, ei) || bi < 2 || kind(cps[bi - 1]) != CharClass::space) return false;
    std::size_t fi = bi - 1;
    while (fi > 0 && kind(cps[fi - 1]) == CharClass::kanji) --fi;
    if (!kanji_run(fi, bi - 1)) return false;
    if (fi == 0) return true;
    CharClass k = kind(cps[fi - 1]);
    return k == CharClass::space || k == CharClass::punct || k == CharClass::other;
  }

  bool has_kana_or_kanji(std::size_t b, std::size_t e) const {
    for (std::size_t i = index_at(cps, b); i < cps.size() && cps[i].at < e; ++i)
      if (kana_or_kanji(kind(cps[i]))) return true;
    return false;
  }

  // Words a phrase counts as for an acronym's letters: a katakana or Latin word is one, a kanji
  // word of n characters (n + 1) / 2 (強化学習 is two, 経済産業省 three), hiragana none.
  std::size_t units(std::size_t b, std::size_t e) const {
    std::vector<std::size_t> wb = word_bounds(s, b, e);
    std::size_t n = 0;
    for (std::size_t k = 0; k + 1 < wb.size(); ++k) {
      std::size_t kanji = 0;
      bool other = false;
      for (std::size_t i = index_at(cps, wb[k]); i < cps.size() && cps[i].at < wb[k + 1]; ++i) {
        if (kind(cps[i]) == CharClass::kanji) ++kanji;
        else if (kind(cps[i]) == CharClass::katakana || kind(cps[i]) == CharClass::latin) other = true;
      }
      n += other ? 1 : (kanji + 1) / 2;
    }
    return n;
  }

  // 学習データ、つまりAIが読み込む大量の記録: the right side of an apposition followed by a
  // particle and then a verb or adjective that modifies a noun is the subject of a clause
  // inside a longer phrase, not a restatement.
  bool clause_after(std::size_t e) const {
    std::size_t i = index_at(cps, e);
    if (i >= cps.size() || std::u32string_view(U"がをにはもで").find(cps[i].c) == std::u32string_view::npos) return false;
    for (std::size_t j = i + 1; j + 1 < cps.size(); ++j) {
      if (kind(cps[j]) == CharClass::punct || kind(cps[j]) == CharClass::space) return false;
      if (kind(cps[j]) == CharClass::hiragana && std::u32string_view(U"うくすつぬむぶるいただ").find(cps[j].c) != std::u32string_view::npos &&
          kana_or_kanji(kind(cps[j + 1])) && cps[j + 1].c != 0x3002)
        return true;
    }
    return false;
  }

  // FoundGloss::confidence (see terms.hpp).
  void rate(FoundGloss& g) const {
    if (g.synonym) {
      g.confidence = 0.8;
      return;
    }
    std::string_view latin = s.substr(g.gloss_begin, g.gloss_end - g.gloss_begin);
    std::size_t tb = g.term_begin, te = g.term_end;
    bool katakana = katakana_run_left(cps, te) == tb;
    // How many words the Japanese side lacks for the English one (a left edge cut short
    // leaves words out; a Japanese name spelled out in more words than the letters is usual).
    auto by_words = [&](std::size_t want) {
      std::size_t have = units(tb, te);
      std::size_t missing = want > have ? want - have : 0;
      return missing == 0 ? 0.9 : missing == 1 ? 0.85 : missing == 2 ? 0.7 : 0.55;
    };
    bool capitalised = !latin.empty() && latin.front() >= 'A' && latin.front() <= 'Z';
    double c;
    if (g.reason.rfind("unit symbol", 0) == 0) {
      c = 0.95;  // a unit the rules know, spelled out in katakana
    } else if (katakana && g.transliteration >= 0.75) {
      c = g.transliteration;  // the katakana reads as the gloss
    } else if (katakana && acronym_like(latin)) {
      // デジタルトランスフォーメーション（DX): word segmentation cannot count the words of a
      // katakana compound, its length can: an English word is two to ten kana.
      std::size_t per = chars_between(cps, tb, te) / std::max<std::size_t>(1, capitals(latin));
      c = per >= 2 && per <= 10 ? 0.85 : 0.6;
    } else if (binomial_shaped(latin)) {
      c = 0.85;  // ギンゴケ(Bryum argenteum), 大腸菌(Escherichia coli): a species' scientific name
    } else if (katakana && name_shaped(latin)) {
      c = g.transliteration >= 0.5 ? 0.8 : 0.5;  // アンナ・ベルク(Anna Berg): a name romanised
    } else if (katakana && capitalised) {
      // 新しいカメラ(Lumen): a katakana word that does not read as the capitalised name after
      // it names the kind of thing, the name one instance.
      c = g.transliteration >= 0.5 ? 0.7 : 0.5;
    } else if (acronym_like(latin)) {
      c = by_words(capitals(latin));
    } else if (std::size_t words = content_words(latin); words >= 2) {
      c = by_words(words);
    } else {
      c = 0.85;  // one English word the text gives for the term (ハダニ(spider mite) too)
    }
    if (g.form == FoundGloss::Form::reverse) c *= 0.95;
    if (g.form == FoundGloss::Form::apposition) c *= 0.9;
    g.confidence = std::min(1.0, std::max(0.0, c));
  }
};

// Where the term before a gloss starts: the left edge (left_edge) and its refinements (a
// katakana compound trimmed to what reads as the gloss, a prefix dropped, a title after a name,
// a number the gloss shares, the longer name an acronym spells).
struct Edges : Reading {
  // The term's left edge before `end`, given that its gloss closes at code point `close`
  // (for the 「X(Y)」 rule; npos when not parenthetical).
  std::size_t left_edge(std::size_t end, std::size_t close, std::string& reason) {
    std::size_t ei = index_at(cps, end);
    // 「X」(Y): the quoted phrase.
    if (ei > 0 && is_quote_close(cps[ei - 1].c)) {
      std::size_t j = ei - 1;
      while (j > 0 && closer_of(cps[j - 1].c) != cps[ei - 1].c) --j;
      if (j > 0 && ei - 1 - j <= 20 && ei - 1 > j) {
        reason = "quoted term";
        return cps[j].at;  // the term is the quote's content; callers trim the closer
      }
    }
    // 「X(Y)」: the quote that encloses the term and closes right after the gloss.
    if (close != std::string::npos && close + 1 < cps.size() && is_quote_close(cps[close + 1].c)) {
      std::size_t j = ei;
      while (j > 0 && !is_quote_close(cps[j - 1].c) && closer_of(cps[j - 1].c) == 0) --j;
      if (j > 0 && closer_of(cps[j - 1].c) == cps[close + 1].c && ei - j <= 20 && ei > j) {
        bool clean = true;
        for (std::size_t k = j; k < ei; ++k)
          if (cps[k].c == 0x3001 || cps[k].c == 0x3002 || kind(cps[k]) == CharClass::space) clean = false;
        if (clean) {
          reason = "start of the quote";
          return cps[j].at;
        }
      }
    }
    std::vector<std::size_t> bounds = word_bounds(s, window_start(s, end), end);
    return left_by_words(s, cps, bounds, end, &reason);
  }

  // A katakana compound whose first words are not part of the term its Latin gloss names
  // (a word that qualifies the name written before it): the term starts at the first word
  // (by word segmentation) from which on the katakana reads as the gloss, or, for an
  // acronym, whose sound its first letter can spell when the compound's first word cannot
  // (ビジネスカスタマーリレーションシップマネジメント(CRM) starts at カスタマー). Two characters
  // a letter at least remain. Returns b when no word fits. `whole`: b..e is the whole term (a
  // katakana run after kanji is trimmed only to what reads as the gloss).
  std::size_t katakana_head(std::size_t b, std::size_t e, std::string_view latin, FoundGloss& g, std::string& reason, bool whole = true) {
    std::vector<std::size_t> wb = word_bounds(s, b, e);
    if (wb.size() < 3) return b;
    auto starts_word = [&](std::size_t p) {
      std::size_t i = index_at(cps, p);
      return kind(cps[i]) == CharClass::katakana && !is_long_or_dot(cps[i].c) &&
             std::u32string_view(U"ァィゥェォッャュョヮンヵヶ").find(cps[i].c) == std::u32string_view::npos;
    };
    std::string n = narrow(latin);
    if (acronym_like(latin)) {
      if (!whole) return b;
      std::size_t letters = capitals(latin);
      char first = static_cast<char>(n[0] | 0x20);
      // The words (ICU's, a piece opening with ー or a small kana joined to the one before).
      std::vector<std::size_t> words;
      for (std::size_t k = 0; k + 1 < wb.size(); ++k)
        if (k == 0 || starts_word(wb[k])) words.push_back(wb[k]);
      // スマートホームハブコネクト(HC)...: more words than letters, and the last words, one a
      // letter, spell the acronym's initials: the term is those words.
      auto spells = [&](std::size_t j) {
        if (words.size() - j != letters) return false;
        std::size_t li = 0;
        for (std::size_t w = j; w < words.size(); ++w) {
          while (li < n.size() && !(n[li] >= 'A' && n[li] <= 'Z')) ++li;
          if (li >= n.size()) return false;
          std::size_t we = w + 1 < words.size() ? words[w + 1] : e;
          if (!initial_fits(static_cast<char>(n[li] | 0x20), romanize(s.substr(words[w], we - words[w])))) return false;
          ++li;
        }
        return true;
      };
      if (words.size() > letters && !spells(0)) {
        std::size_t j = words.size() - letters;
        if (j > 0 && spells(j) && chars_between(cps, words[j], e) >= 2 * letters) {
          reason += ", acronym's initials from '" + std::string(s.substr(words[j], e - words[j])) + "'";
          return words[j];
        }
      }
      if (initial_fits(first, romanize(s.substr(b, wb[1] - b)))) return b;
      for (std::size_t k = 1; k + 1 < wb.size(); ++k) {
        std::size_t p = wb[k];
        if (!starts_word(p) || chars_between(cps, p, e) < 2 * letters) break;
        if (initial_fits(first, romanize(s.substr(p, e - p)))) {
          reason += ", acronym's first letter at '" + std::string(s.substr(p, e - p)) + "'";
          return p;
        }
      }
      return b;
    }
    for (std::size_t k = 1; k + 1 < wb.size(); ++k) {
      std::size_t p = wb[k];
      if (!starts_word(p) || chars_between(cps, p, e) < 2) continue;
      double sim = loanword_similarity(s.substr(p, e - p), latin);
      if (sim >= 0.75) {
        g.transliteration = sim;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.2f", sim);
        reason += ", transliteration " + std::string(s.substr(p, e - p)) + " ~ " + std::string(latin) + " (" + buf + ")";
        return p;
      }
    }
    return b;
  }

  // Drops a one-kanji prefix (米エヌビディア) and trims to a katakana run that reads as the
  // Latin gloss. Returns the new start.
  std::size_t refine_left(std::size_t b, std::size_t e, std::string_view latin, FoundGloss& g, std::string& reason) {
    std::size_t k = katakana_run_left(cps, e);
    if (k < e) {
      double sim = loanword_similarity(s.substr(k, e - k), latin);
      if (k == b) {
        g.transliteration = sim;
        if (sim < 0.75) {
          std::size_t t = katakana_head(b, e, latin, g, reason);
          if (t != b) return t;
        }
      } else if (sim < 0.75) {
        // 社内データナレッジグラフ(knowledge graph): the part of the katakana that reads as it.
        std::size_t t = katakana_head(k, e, latin, g, reason, false);
        if (t != k) return t;
      } else if (sim >= 0.75) {
        g.transliteration = sim;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.2f", sim);
        reason = "transliteration " + std::string(s.substr(k, e - k)) + " ~ " + std::string(latin) + " (" + buf + ")";
        return k;
      }
    }
    std::size_t bi = index_at(cps, b);
    if (bi + 1 < cps.size() && text::end(cps[bi]) < e && kind(cps[bi]) == CharClass::kanji &&
        rules().matches_whole("strip-prefix", s.substr(cps[bi].at, text::end(cps[bi]) - cps[bi].at))) {
      bool strip = kind(cps[bi + 1]) == CharClass::katakana || kind(cps[bi + 1]) == CharClass::latin;
      // 米連邦準備制度理事会(FRB): before kanji only when the word segmentation makes the prefix
      // a word of its own (米|連邦, not 米国, 中国, 台湾) and two characters at least remain.
      if (!strip && kind(cps[bi + 1]) == CharClass::kanji && chars_between(cps, text::end(cps[bi]), e) >= 2) {
        std::vector<std::size_t> wb = word_bounds(s, b, e);
        strip = std::binary_search(wb.begin(), wb.end(), text::end(cps[bi]));
      }
      if (strip) {
        reason += ", prefix " + std::string(s.substr(cps[bi].at, text::end(cps[bi]) - cps[bi].at)) + " dropped";
        return text::end(cps[bi]);
      }
    }
    return b;
  }

  // 岡田真理子最高財務責任者(CFO): the term is the title ([title-term] in gloss.rules), not the
  // name written before it.
  std::size_t title_start(std::size_t b, std::size_t e, std::string& reason) const {
    for (std::size_t i = index_at(cps, b) + 1; i < cps.size() && cps[i].at < e; ++i) {
      if (rules().matches_whole("title-term", s.substr(cps[i].at, e - cps[i].at))) {
        reason += ", title after a name";
        return cps[i].at;
      }
    }
    return b;
  }

  // 16ビット浮動小数点(FP16), 4ビット量子化(4-bit quantization): the number before the term
  // (which the left edge leaves out) is part of it when the gloss writes it too.
  std::size_t with_number(std::size_t b, std::string_view gloss, std::string& reason) const {
    std::size_t i = index_at(cps, b), j = i;
    while (j > 0 && kind(cps[j - 1]) == CharClass::digit) --j;
    if (j == i) return b;
    std::string n = digits_of(s.substr(cps[j].at, b - cps[j].at));
    if (!gloss_has_number(gloss, n)) return b;
    if (j > 0 && (cps[j - 1].c == '.' || cps[j - 1].c == 0xFF0E || cps[j - 1].c == ',')) return b;
    reason += ", number shared with the gloss";
    return cps[j].at;
  }

  // 人間のフィードバックによる強化学習(RLHF), 持続可能な開発目標(SDGs): an acronym with more
  // capitals than the phrase before it has words names a longer phrase, joined by a link of
  // [acronym-link] (の, による, な…). Goes left over at most two links, only while words are
  // missing, never into a place, a country or a function word (日本の大規模言語モデル(LLM)
  // stays), within the length limit.
  std::size_t acronym_start(std::size_t b, std::size_t e, std::size_t want, std::string& reason) {
    // 全固体電池(ASSB): a one-kanji prefix the walk stopped at ([acronym-prefix]).
    if (std::size_t bi = index_at(cps, b); bi > 0 && units(b, e) < want && kind(cps[bi - 1]) == CharClass::kanji &&
                                           (bi == 1 || kind(cps[bi - 2]) != CharClass::kanji) &&
                                           rules().matches_whole("acronym-prefix", s.substr(cps[bi - 1].at, b - cps[bi - 1].at))) {
      b = cps[bi - 1].at;
      reason += ", prefix '" + std::string(s.substr(b, text::end(cps[bi - 1]) - b)) + "' of the acronym's name";
    }
    for (int step = 0; step < 2 && units(b, e) < want; ++step) {
      std::size_t link = 0;
      for (auto& l : rules().section("acronym-link")) {
        const std::string& p = l.pattern;
        if (p.size() > link && b >= p.size() && s.substr(b - p.size(), p.size()) == p) link = p.size();
      }
      if (!link) break;
      std::size_t lb = b - link, li = index_at(cps, lb);
      // Before the link a word: kanji, katakana, Latin, or hiragana that ends a noun compound
      // (1秒あたりの与ダメージ(DPS); left_edge decides whether it does).
      if (li == 0 || !(kana_or_kanji(kind(cps[li - 1])) || kind(cps[li - 1]) == CharClass::latin ||
                       kind(cps[li - 1]) == CharClass::hiragana))
        break;
      std::string why;
      std::size_t nb = left_edge(lb, std::string::npos, why);
      std::string_view left = s.substr(nb, lb - nb);
      if (nb >= lb || rules().matches_whole("not-gloss", left) || rules().matches_whole("stop-word", left) ||
          rules().matches_whole("acronym-stop", left) ||
          not_a_term(nb, lb) || chars_between(cps, nb, e) > kMaxTermChars)
        break;
      b = nb;
      reason += ", acronym name across '" + std::string(s.substr(lb, link)) + "'";
    }
    return b;
  }
};

// The glosses of one sentence: each form (a unit, a parenthesis, an apposition) tried where it
// can stand, a found gloss rated, none overlapping another.
struct Finder : Edges {
  std::vector<FoundGloss> out;

  bool free(std::size_t b, std::size_t e) const {
    for (auto& g : out) {
      if (b < g.term_end && g.term_begin < e) return false;
      if (b < g.gloss_end && g.gloss_begin < e) return false;
    }
    return true;
  }

  // 約1.8ギガワット(GW), ケルビン(K): a unit spelled out and glossed with its symbol ([unit] in
  // gloss.rules). The term is the unit after the figure; it must hold katakana.
  void unit_gloss(std::size_t xend, std::size_t close, std::size_t yb, std::size_t ye) {
    std::string reason;
    std::size_t xb = left_edge(xend, close, reason);
    std::size_t i = index_at(cps, xend);
    while (i > index_at(cps, xb) && !numeral(cps[i - 1])) --i;
    xb = cps[i].at;
    bool kana = false;
    for (std::size_t k = i; k < cps.size() && cps[k].at < xend; ++k) kana = kana || kind(cps[k]) == CharClass::katakana;
    if (xb >= xend || !kana || !free(xb, ye)) return;
    FoundGloss g;
    g.form = FoundGloss::Form::parenthetical;
    g.term_begin = xb;
    g.term_end = xend;
    g.gloss_begin = yb;
    g.gloss_end = ye;
    g.reason = "unit symbol, left edge: after the figure";
    out.push_back(std::move(g));
  }

  void parenthetical(std::size_t open) {
    std::size_t close = open + 1;
    while (close < cps.size() && !is_close_paren(cps[close].c)) {
      if (is_open_paren(cps[close].c)) return;  // nested: the inner one is looked at on its own
      ++close;
    }
    if (close >= cps.size() || close - open > 61) return;
    std::string_view inner = s.substr(text::end(cps[open]), cps[close].at - text::end(cps[open]));
    std::size_t inner_b = text::end(cps[open]);
    // (英: reasoning): the label is not part of the gloss.
    if (std::size_t n = rules().matches_prefix("gloss-prefix", inner); n && n < inner.size()) {
      inner_b += n;
      inner = inner.substr(n);
    }
    std::string_view y = trim_spaces(inner);
    if (y.empty()) return;
    std::size_t yb = inner_b + static_cast<std::size_t>(y.data() - inner.data()), ye = yb + y.size();
    if (rules().matches_whole("not-gloss", y)) return;
    if (rules().matches_whole("unit", y)) {
      std::size_t oi = open;
      if (oi > 0 && kana_or_kanji(kind(cps[oi - 1]))) unit_gloss(text::end(cps[oi - 1]), close, yb, ye);
      return;
    }
    // (Large Language Model、LLM): two glosses of one term.
    std::vector<std::pair<std::size_t, std::size_t>> parts = split_gloss(yb, ye);
    if (parts.empty()) return;  // (iOS、Android): a list of instances
    if (parts.size() > 1) y = s.substr(parts[0].first, parts[0].second - parts[0].first);
    PhraseKind yk = parts.size() > 1 ? PhraseKind::latin : phrase_kind(y);
    if (yk == PhraseKind::other) return;
    // The text before the parenthesis, spaces skipped.
    std::size_t oi = open;
    while (oi > 0 && kind(cps[oi - 1]) == CharClass::space) --oi;
    if (oi == 0) return;
    std::size_t xend = text::end(cps[oi - 1]);
    CharClass before = kind(cps[oi - 1]);
    FoundGloss g;
    g.form = FoundGloss::Form::parenthetical;
    if (yk == PhraseKind::latin) {
      std::string reason;
      std::size_t xb = 0, xe = xend;
      if (before == CharClass::latin || before == CharClass::digit) {
        // English glossing English, unless a Japanese term of the termbase ends in Latin
        // letters right there: 生成AI(Generative AI). The longest such term is the one glossed.
        xb = xend;
        for (std::size_t i = oi, n = 0; i-- > 0 && n < 16; ++n) {
          std::size_t b = cps[i].at;
          if (has_kana_or_kanji(b, xend) && lookup(s.substr(b, xend - b))) xb = b;
        }
        if (xb >= xend) return;
        reason = "termbase term ending in Latin letters";
      } else {
        xb = left_edge(xend, close, reason);
        if (xb < xe && is_quote_close(cps[index_at(cps, xe) - 1].c) && reason == "quoted term") xe = cps[index_at(cps, xe) - 1].at;
      }
      // 三宅俊介教授(Shunsuke Miyake): a romanised name glosses the name, not its honorific.
      if (xb < xe && parts.size() == 1 && name_shaped(y)) {
        std::size_t ne = name_end(xb, xe);
        if (ne != xe) {
          xe = ne;
          reason += ", honorific or title after the name dropped";
        }
      }
      if (xb >= xe || !has_kana_or_kanji(xb, xe) || not_a_term(xb, xe)) return;
      if (parts.size() == 1 && short_capitalised(y) && spaced_given_name(xb, xe, close) && !lookup(s.substr(xb, xe - xb))) return;
      if (before != CharClass::latin && before != CharClass::digit) {
        xb = refine_left(xb, xe, y, g, reason);
        xb = title_start(xb, xe, reason);
        xb = with_number(xb, y, reason);
        if (parts.size() == 1 && acronym_like(y) && g.transliteration < 0.75) xb = acronym_start(xb, xe, capitals(y), reason);
        // 遺伝子の水平伝播(horizontal gene transfer): an English name of more words than the
        // phrase before it has names a longer phrase, as an acronym does.
        else if (parts.size() == 1 && g.transliteration < 0.75 && content_words(y) >= 3)
          xb = acronym_start(xb, xe, content_words(y), reason);
        // ショアのアルゴリズム(Shor's algorithm): a possessive English name names its owner
        // too, so its Japanese name is the phrase across の, however few its words.
        else if (parts.size() == 1 && content_words(y) >= 2 && possessive(y))
          xb = acronym_start(xb, xe, content_words(y), reason);
        // 独自のコミュニティライセンス(Llama 3.1 Community License): a name with a version
        // number after a phrase without one names an instance, not a translation.
        if (has_version_number(y) && digits_of(s.substr(xb, xe - xb)).empty()) return;
      }
      g.term_begin = xb;
      g.term_end = xe;
      g.reason = "left edge: " + reason;
      if (!free(std::min(xb, parts.front().first), std::max(xe, parts.back().second))) return;
      for (auto [pb, pe] : parts) {
        FoundGloss part = g;
        part.gloss_begin = pb;
        part.gloss_end = pe;
        // エヌビディア(NVIDIA) is a transliteration, not an acronym.
        part.acronym = is_acronym(s.substr(pb, pe - pb)) && g.transliteration < 0.75;
        out.push_back(std::move(part));
      }
      return;
    } else {  // Japanese gloss
      if (starts_with_digit(y)) return;  // (80兆円): a number, not a gloss
      if (before == CharClass::latin || before == CharClass::digit) {
        // EV(電気自動車): the reverse; the term is the Japanese, the gloss the Latin before it.
        std::size_t lb = latin_run_left(cps, xend);
        if (lb >= xend || xend - lb < 2 || !has_kana_or_kanji(yb, ye)) return;
        std::size_t li = index_at(cps, lb);
        if (li > 0 && (kind(cps[li - 1]) == CharClass::latin || kind(cps[li - 1]) == CharClass::digit)) return;
        // @kuroneko_ops(黒猫インフラ), user_name(…), example.com/path(…): the end of a handle,
        // an identifier or an address, not a name.
        if (li > 0 && std::u32string_view(U"_@#./:\\-~=").find(cps[li - 1].c) != std::u32string_view::npos) return;
        if (phrase_kind(s.substr(lb, xend - lb)) != PhraseKind::latin) return;
        if (is_measurement(s.substr(lb, xend - lb))) return;  // 46mm(いずれもアルミ製)
        // Satya Nadella(最高経営責任者), NVIDIA(米半導体大手), OpenAI(米): a role, a description
        // or a one-character place says who or where, it does not translate.
        if (chars_between(cps, yb, ye) < 2 || not_a_term(yb, ye)) return;
        if (!is_acronym(s.substr(lb, xend - lb)) && rules().matches_whole("title-term", s.substr(yb, ye - yb))) return;
        g.form = FoundGloss::Form::reverse;
        g.term_begin = yb;
        g.term_end = ye;
        g.gloss_begin = lb;
        g.gloss_end = xend;
        g.acronym = is_acronym(s.substr(lb, xend - lb));
        std::size_t k = katakana_run_left(cps, ye);
        if (k == yb) g.transliteration = loanword_similarity(y, s.substr(lb, xend - lb));
        // A name or phrase in Latin letters followed by Japanese that is not its reading:
        // Adobe Acrobat Reader（無料）says something about it; only an acronym's Japanese name
        // (EV(電気自動車), LoRA(低ランク適応)) translates it.
        if (k != yb && !acronym_like(s.substr(lb, xend - lb))) return;
        g.reason = "reverse gloss: Latin before the parenthesis";
      } else {
        std::string reason;
        std::size_t xb = left_edge(xend, close, reason);
        std::size_t xe = xend;
        if (xb < xe && reason == "quoted term") xe = cps[index_at(cps, xe) - 1].at;
        if (xb >= xe || not_a_term(xb, xe)) return;
        std::string_view x = s.substr(xb, xe - xb);
        if (!lookup(x) && !lookup(y)) return;  // two Japanese phrases: only when one is a known term
        g.term_begin = xb;
        g.term_end = xe;
        g.gloss_begin = yb;
        g.gloss_end = ye;
        g.synonym = true;
        g.reason = "synonym, left edge: " + reason;
      }
    }
    if (!free(std::min(g.term_begin, g.gloss_begin), std::max(g.term_end, g.gloss_end))) return;
    out.push_back(std::move(g));
  }

  void apposition(std::size_t at, std::size_t cue_len) {
    std::size_t ai = index_at(cps, at);
    std::size_t li = ai;
    while (li > 0 && (cps[li - 1].c == 0x3001 || cps[li - 1].c == ',' || cps[li - 1].c == 0xFF0C || kind(cps[li - 1]) == CharClass::space)) --li;
    if (li == 0) return;
    std::size_t ri = index_at(cps, at + cue_len);
    while (ri < cps.size() && (cps[ri].c == 0x3001 || cps[ri].c == ',' || cps[ri].c == 0xFF0C || kind(cps[ri]) == CharClass::space)) ++ri;
    if (ri >= cps.size()) return;
    std::size_t xend = text::end(cps[li - 1]), yb = cps[ri].at;
    bool left_latin = kind(cps[li - 1]) == CharClass::latin || kind(cps[li - 1]) == CharClass::digit;
    bool right_latin = kind(cps[ri]) == CharClass::latin;
    auto boundary_after = [&](std::size_t e) {
      std::size_t i = index_at(cps, e);
      return i >= cps.size() || !(kana_or_kanji(kind(cps[i])) || kind(cps[i]) == CharClass::latin || kind(cps[i]) == CharClass::digit);
    };
    FoundGloss g;
    g.form = FoundGloss::Form::apposition;
    std::string reason;
    if (right_latin && !left_latin) {
      std::size_t ye = latin_run_right(cps, yb);
      if (ye <= yb || !boundary_after(ye) || phrase_kind(s.substr(yb, ye - yb)) != PhraseKind::latin) return;
      if (clause_after(ye)) return;
      std::size_t xb = left_edge(xend, std::string::npos, reason);
      if (xb >= xend || !has_kana_or_kanji(xb, xend) || !termlike(xb, xend)) return;
      xb = refine_left(xb, xend, s.substr(yb, ye - yb), g, reason);
      g.term_begin = xb;
      g.term_end = xend;
      g.gloss_begin = yb;
      g.gloss_end = ye;
      g.acronym = is_acronym(s.substr(yb, ye - yb));
      g.reason = "apposition, left edge: " + reason;
    } else if (left_latin && !right_latin) {
      // An equals sign reads one way only, the Japanese term before its English: reasoning＝推論
      // in a run of text joins the English to a phrase whose end the sign does not mark.
      if (s.substr(at, cue_len) == "\xEF\xBC\x9D") return;
      std::size_t lb = latin_run_left(cps, xend);
      if (lb >= xend || phrase_kind(s.substr(lb, xend - lb)) != PhraseKind::latin) return;
      std::size_t lbi = index_at(cps, lb);
      if (lbi > 0 && kind(cps[lbi - 1]) != CharClass::space && kind(cps[lbi - 1]) != CharClass::hiragana &&
          kind(cps[lbi - 1]) != CharClass::punct && kind(cps[lbi - 1]) != CharClass::other)
        return;
      if (lbi > 0 && (cps[lbi - 1].c == '$' || cps[lbi - 1].c == 0xFFE5 || cps[lbi - 1].c == 0xA5)) return;  // money
      if (starts_with_digit(s.substr(lb, xend - lb)) || starts_with_digit(s.substr(yb))) return;
      std::size_t ye = right_by_words(s, cps, word_bounds(s, yb, window_end(s, yb)), yb);
      if (ye <= yb || phrase_kind(s.substr(yb, ye - yb)) != PhraseKind::japanese || !has_kana_or_kanji(yb, ye) ||
          !termlike(yb, ye))
        return;
      g.term_begin = yb;
      g.term_end = ye;
      g.gloss_begin = lb;
      g.gloss_end = xend;
      g.acronym = is_acronym(s.substr(lb, xend - lb));
      g.reason = "apposition, reversed";
    } else if (!left_latin && !right_latin) {
      std::size_t xb = left_edge(xend, std::string::npos, reason);
      std::size_t ye = right_by_words(s, cps, word_bounds(s, yb, window_end(s, yb)), yb);
      if (xb >= xend || ye <= yb || !boundary_after(ye) || clause_after(ye)) return;
      std::string_view x = s.substr(xb, xend - xb), y = s.substr(yb, ye - yb);
      if (starts_with_digit(y) || phrase_kind(y) != PhraseKind::japanese) return;
      if (!lookup(x) && !lookup(y)) return;
      g.term_begin = xb;
      g.term_end = xend;
      g.gloss_begin = yb;
      g.gloss_end = ye;
      g.synonym = true;
      g.reason = "apposition synonym, left edge: " + reason;
    } else {
      return;
    }
    if (!free(std::min(g.term_begin, g.gloss_begin), std::max(g.term_end, g.gloss_end))) return;
    out.push_back(std::move(g));
  }

  void run() {
    cps = decode(s);
    for (std::size_t i = 0; i < cps.size(); ++i)
      if (is_open_paren(cps[i].c)) parenthetical(i);
    for (auto& cue : rules().section("apposition")) {
      for (std::size_t p = s.find(cue.pattern); p != std::string_view::npos; p = s.find(cue.pattern, p + 1))
        apposition(p, cue.pattern.size());
    }
    for (auto& g : out) rate(g);
    std::sort(out.begin(), out.end(), [](const FoundGloss& a, const FoundGloss& b) {
      return std::min(a.term_begin, a.gloss_begin) < std::min(b.term_begin, b.gloss_begin);
    });
  }
};

}  // namespace

std::vector<FoundGloss> find_glosses(std::string_view sentence, const TermLookup& is_term) {
  // Most sentences have neither a parenthesis nor an apposition cue: say so cheaply.
  bool any = sentence.find('(') != std::string_view::npos || sentence.find("\xEF\xBC\x88") != std::string_view::npos;
  for (auto& cue : rules().section("apposition"))
    any = any || sentence.find(cue.pattern) != std::string_view::npos;
  if (!any) return {};
  Finder f{{{sentence, is_term, {}}}, {}};
  f.run();
  return std::move(f.out);
}

std::size_t term_left_edge(std::string_view sentence, std::size_t end, std::string* reason) {
  Edges f{{sentence, TermLookup{}, decode(sentence)}};
  std::string why;
  std::size_t b = f.left_edge(end, std::string::npos, why);
  if (reason) *reason = why;
  return b;
}

}  // namespace jatei::terms
