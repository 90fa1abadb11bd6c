// Katakana loanwords against English: ICU's Katakana-Latin romanisation, then both sides
// reduced to a consonant skeleton that survives the sound changes of borrowing.
//
// Japanese adds vowels after consonants (model -> moderu), drops a post-vocalic r (computer ->
// konpyūtā), has no l/r or b/v contrast, and writes English digraphs by sound (ph -> f,
// -tion -> shon). So vowels, y and w are dropped on both sides, l becomes r, v becomes b, m
// becomes n, z becomes s, doubled consonants collapse, and English spelling is first read the
// way a loanword would hear it (c before e/i/y is s, silent gn/kn/wr/mb/gh, a final r or one
// before a consonant is dropped). The similarity is one minus the edit distance of the two
// skeletons over the longer one; short skeletons say less, so they are scaled down.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

#include "jatei/terms.hpp"

namespace jatei::terms {
namespace {

icu::Transliterator& katakana_latin() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode e = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(
        icu::Transliterator::createInstance("Katakana-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, e));
    if (U_FAILURE(e) || !tr) throw std::runtime_error("ICU transliterator Katakana-Latin is not available");
    return tr;
  }();
  return *t;
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string collapse(const std::string& s) {
  std::string out;
  for (char c : s)
    if (out.empty() || out.back() != c) out.push_back(c);
  return out;
}

// The skeleton of a romanised Japanese word.
std::string japanese_skeleton(const std::string& romaji) {
  std::string s;
  // A word that begins with a vowel (or y, w) is marked: アライメント and ポイント must not
  // look alike to alignment and open-weight only because vowels are dropped.
  if (!romaji.empty() && (vowel(romaji[0]) || romaji[0] == 'y' || romaji[0] == 'w')) s.push_back('_');
  for (std::size_t i = 0; i < romaji.size(); ++i) {
    char c = romaji[i];
    if (c < 'a' || c > 'z') continue;
    auto next = [&](std::size_t k) { return i + k < romaji.size() ? romaji[i + k] : '\0'; };
    if (c == 't' && next(1) == 's') {  // tsu
      s.push_back('t');
      ++i;
      continue;
    }
    if ((c == 's' || c == 'c') && next(1) == 'h') {  // shi, chi
      s.push_back(c == 's' ? 's' : 'c');
      ++i;
      continue;
    }
    if (vowel(c) || c == 'y' || c == 'w') continue;
    switch (c) {
      case 'l': c = 'r'; break;
      case 'v': c = 'b'; break;
      case 'm': c = 'n'; break;
      case 'z': c = 's'; break;
      default: break;
    }
    s.push_back(c);
  }
  return collapse(s);
}

// The skeleton of English spelling, read as a loanword would hear it.
std::string english_skeleton_impl(std::string_view word) {
  std::string w;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c >= 'a' && c <= 'z') w.push_back(c);
  }
  std::string s;
  const std::size_t n = w.size();
  auto at = [&](std::size_t k) { return k < n ? w[k] : '\0'; };
  // The vowel-onset mark (see japanese_skeleton). A first letter that cannot begin an English
  // syllable before the next consonant is read by its name: NVIDIA is エヌビディア (en-bidia).
  if (n > 0) {
    char a = w[0], b = at(1);
    bool consonant_b = b && !vowel(b) && b != 'y';
    static const std::string_view onsets[] = {"sc", "sk", "sl", "sm", "sn", "sp", "st", "sw", "sh", "sq", "fl", "fr"};
    bool onset = std::any_of(std::begin(onsets), std::end(onsets),
                             [&](std::string_view o) { return o[0] == a && o[1] == b; });
    if (vowel(a) || a == 'y' || a == 'w') s.push_back('_');
    else if (std::string_view("flmnsx").find(a) != std::string_view::npos && consonant_b && !onset) s.push_back('_');
  }
  for (std::size_t i = 0; i < n; ++i) {
    char c = w[i], d = at(i + 1);
    if (c == 't' && d == 'i' && at(i + 2) == 'o' && at(i + 3) == 'n') {  // -tion
      s += "sn";
      i += 3;
      continue;
    }
    if (c == 's' && d == 'i' && at(i + 2) == 'o' && at(i + 3) == 'n') {  // -sion
      s += "sn";
      i += 3;
      continue;
    }
    if (c == 'p' && d == 'h') { s.push_back('f'); ++i; continue; }
    if (c == 's' && d == 'h') { s.push_back('s'); ++i; continue; }
    if (c == 't' && d == 'h') { s.push_back('s'); ++i; continue; }
    if (c == 'c' && d == 'h') { s.push_back(at(i + 2) == 'n' || at(i + 2) == 'r' || at(i + 2) == 'o' ? 'k' : 'c'); ++i; continue; }
    if (c == 'c' && d == 'k') { s.push_back('k'); ++i; continue; }
    if (c == 'g' && d == 'h') { ++i; continue; }
    if ((c == 'g' || c == 'k') && d == 'n' && (i + 2 >= n || !vowel(at(i + 2)) || i == 0)) continue;  // align, know
    if (c == 'w' && d == 'r') continue;
    if (c == 'm' && d == 'b' && i + 2 == n) { s.push_back('n'); ++i; continue; }
    if (c == 'q' && d == 'u') { s.push_back('k'); ++i; continue; }
    if (c == 'd' && d == 'g') { s.push_back('j'); ++i; continue; }
    if (vowel(c) || c == 'y' || c == 'w') continue;
    if (c == 'h') {
      if (i == 0 || vowel(at(i - 1))) s.push_back('h');
      continue;
    }
    if (c == 'r') {  // non-rhotic: r before a consonant or at the end is not heard
      if (i + 1 == n || (!vowel(d) && d != 'y' && d != 'r')) continue;
    }
    switch (c) {
      case 'c': s.push_back(d == 'e' || d == 'i' || d == 'y' ? 's' : 'k'); continue;
      case 'x': s += "ks"; continue;
      case 'g': s.push_back(d == 'e' || d == 'i' || d == 'y' ? 'j' : 'g'); continue;
      case 'l': s.push_back('r'); continue;
      case 'v': s.push_back('b'); continue;
      case 'm': s.push_back('n'); continue;
      case 'z': s.push_back('s'); continue;
      case 'q': s.push_back('k'); continue;
      default: s.push_back(c);
    }
  }
  return collapse(s);
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string romanize(std::string_view katakana) {
  // ICU's transliterator is the costly part of comparing a katakana word with an English one,
  // and a document's loanwords recur: each word is transliterated once a thread (a table
  // emptied when it grows large; the answer depends on the word alone).
  thread_local std::unordered_map<std::string, std::string> memo;
  if (auto it = memo.find(std::string(katakana)); it != memo.end()) return it->second;
  if (memo.size() >= 8192) memo.clear();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(katakana.data(), static_cast<int32_t>(katakana.size())));
  katakana_latin().transliterate(s);
  std::string out;
  s.toUTF8String(out);
  // ICU marks what it cannot map (ヴァ -> "vu~a"); keep the letters.
  std::string clean;
  for (char c : out)
    if ((c >= 'a' && c <= 'z') || c == ' ' || (c >= '0' && c <= '9')) clean.push_back(c);
  memo.emplace(std::string(katakana), clean);
  return clean;
}

std::string katakana_skeleton(std::string_view katakana) { return japanese_skeleton(romanize(katakana)); }

std::string english_skeleton(std::string_view english) { return english_skeleton_impl(english); }

double skeleton_similarity(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t longer = std::max(a.size(), b.size());
  double sim = 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longer);
  if (a[0] != b[0]) sim -= 0.15;  // a different first consonant is a strong sign against
  std::size_t shorter = std::min(a.size(), b.size());
  if (shorter < 3) sim *= shorter == 2 ? 0.8 : 0.5;  // two consonants say little (メール / malware)
  return std::clamp(sim, 0.0, 1.0);
}

double loanword_similarity(std::string_view katakana, std::string_view english) {
  return skeleton_similarity(katakana_skeleton(katakana), english_skeleton(english));
}

}  // namespace jatei::terms
