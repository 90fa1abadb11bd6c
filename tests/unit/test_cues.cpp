// Unit tests for the cue index of the text layer (jatei/cues.hpp): every answer equals what a
// plain loop over the entries answers, on random lists and texts and on the shipped rules and
// word lists against the lines of the tuning articles.
#define BOOST_TEST_MODULE cues
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "jatei/claims.hpp"
#include "jatei/cues.hpp"
#include "jatei/rules.hpp"

namespace text = jatei::text;
using jatei::RuleEntry;
using text::CueIndex;
using text::CueMatch;
using text::CueSyntax;

namespace {

constexpr std::size_t npos = std::string_view::npos;

// The plain answers, one loop over the entries each.
struct Plain {
  const std::vector<RuleEntry>& es;
  CueSyntax syntax;
  bool wild(std::size_t k) const {
    return syntax == CueSyntax::glob && es[k].pattern.find_first_of("*#") != std::string::npos;
  }
  std::size_t length(std::size_t k, std::string_view s) const {
    if (wild(k)) return jatei::glob_prefix(es[k].pattern, s);
    return s.starts_with(es[k].pattern) ? es[k].pattern.size() : npos;
  }
  bool whole(std::string_view s) const {
    for (std::size_t k = 0; k < es.size(); ++k)
      if (wild(k) ? jatei::glob_match(es[k].pattern, s) : s == es[k].pattern) return true;
    return false;
  }
  std::size_t prefix(std::string_view s, bool* weak) const {
    std::size_t best = 0;
    for (std::size_t k = 0; k < es.size(); ++k)
      if (std::size_t n = length(k, s); n != npos && n > best) best = n, *weak = es[k].weak;
    return best;
  }
  std::size_t suffix(std::string_view s, bool* weak) const {
    std::size_t best = 0;
    for (std::size_t k = 0; k < es.size(); ++k)
      if (!wild(k) && es[k].pattern.size() > best && s.ends_with(es[k].pattern)) best = es[k].pattern.size(), *weak = es[k].weak;
    return best;
  }
  std::size_t find(std::string_view s) const {
    std::size_t best = npos;
    for (std::size_t k = 0; k < es.size(); ++k)
      if (!wild(k)) best = std::min(best, s.find(es[k].pattern));
    return best;
  }
  std::vector<std::pair<std::uint32_t, std::size_t>> at(std::string_view s, std::size_t i) const {
    std::vector<std::pair<std::uint32_t, std::size_t>> out;
    for (std::uint32_t k = 0; k < es.size(); ++k)
      if (!wild(k) && !es[k].pattern.empty() && s.substr(i).starts_with(es[k].pattern)) out.push_back({k, es[k].pattern.size()});
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.second < b.second; });
    return out;
  }
  std::vector<CueMatch> scan(std::string_view s) const {
    std::vector<CueMatch> out;
    for (std::uint32_t k = 0; k < es.size(); ++k)
      if (!wild(k) && !es[k].pattern.empty())
        for (std::size_t b = s.find(es[k].pattern); b != npos; b = s.find(es[k].pattern, b + 1))
          out.push_back({b, b + es[k].pattern.size(), k});
    std::sort(out.begin(), out.end(), [](const CueMatch& a, const CueMatch& b) {
      if (a.end != b.end) return a.end < b.end;
      if (a.begin != b.begin) return a.begin < b.begin;
      return a.entry < b.entry;
    });
    return out;
  }
};

// Checks every answer of the index on s against the plain loops.
void check(const CueIndex& ix, const Plain& plain, std::string_view s, bool occurrences = true) {
  BOOST_TEST_CONTEXT("text '" << s << "'") {
    BOOST_TEST(ix.whole(s) == plain.whole(s));
    bool w1 = false, w2 = false;
    BOOST_TEST(ix.prefix(s, &w1) == plain.prefix(s, &w2));
    BOOST_TEST(w1 == w2);
    w1 = w2 = false;
    BOOST_TEST(ix.suffix(s, &w1) == plain.suffix(s, &w2));
    BOOST_TEST(w1 == w2);
    std::size_t f = plain.find(s);
    BOOST_TEST(ix.find(s) == f);
    BOOST_TEST(ix.contains(s) == (f != npos));
    // each_candidate: in the list's order, and every entry that matches a prefix among them.
    std::vector<std::uint32_t> cands;
    ix.each_candidate(s, [&](std::uint32_t k) { return cands.push_back(k), false; });
    BOOST_TEST(std::is_sorted(cands.begin(), cands.end()));
    for (std::uint32_t k = 0; k < plain.es.size(); ++k)
      if (plain.length(k, s) != npos) BOOST_TEST(std::binary_search(cands.begin(), cands.end(), k));
    if (!occurrences) return;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      std::vector<std::pair<std::uint32_t, std::size_t>> got;
      ix.each_at(s, i, [&](std::uint32_t k, std::size_t n) { got.push_back({k, n}); });
      BOOST_TEST((got == plain.at(s, i)));
    }
    std::vector<CueMatch> got;
    ix.scan(s, got);
    auto want = plain.scan(s);
    BOOST_TEST_REQUIRE(got.size() == want.size());
    for (std::size_t k = 0; k < got.size(); ++k)
      BOOST_TEST((got[k].begin == want[k].begin && got[k].end == want[k].end && got[k].entry == want[k].entry));
  }
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream o;
  o << f.rdbuf();
  return o.str();
}

// The lines of the tuning articles (corpora/*.txt; never the held-out set).
std::vector<std::string> article_lines() {
  std::vector<std::string> lines;
  std::vector<std::filesystem::path> files;
  for (auto& e : std::filesystem::directory_iterator(std::string(JATEI_SOURCE_DIR) + "/corpora"))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (auto& p : files) {
    std::istringstream in(slurp(p.string()));
    for (std::string l; std::getline(in, l);)
      if (!l.empty()) lines.push_back(l);
  }
  return lines;
}

// Every section of a rules file, by the names of its headers.
std::vector<std::string> section_names(const std::string& path) {
  std::vector<std::string> names;
  std::istringstream in(slurp(path));
  for (std::string l; std::getline(in, l);)
    if (l.size() > 2 && l[0] == '[' && l.back() == ']') names.push_back(l.substr(1, l.size() - 2));
  return names;
}

}  // namespace

BOOST_AUTO_TEST_CASE(answers_as_the_plain_loops_on_random_lists_and_texts) {
  // Few characters, so that entries overlap, share beginnings and ends, and recur in the texts:
  // ASCII and full-width digits for '#', kana and kanji of three bytes, a four-byte kanji.
  const std::vector<std::string> alphabet = {"a", "b", "1", "２", "あ", "い", "ア", "字", "𠀋", "ー", "*", "#"};
  std::mt19937 rng(33);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  auto word = [&](std::size_t max_chars, bool wild) {
    std::string w;
    for (std::size_t n = pick(max_chars + 1); n > 0; --n) {
      std::size_t c = pick(alphabet.size() - (wild ? 0 : 2));
      w += alphabet[c];
    }
    return w;
  };
  for (int round = 0; round < 400; ++round) {
    CueSyntax syntax = round % 3 == 2 ? CueSyntax::literal : CueSyntax::glob;
    std::vector<RuleEntry> es;
    for (std::size_t n = pick(12); n > 0; --n) es.push_back({word(4, pick(3) == 0), pick(4) == 0});
    if (round % 7 == 0 && !es.empty()) es.push_back(es[pick(es.size())]);  // a duplicate
    if (round % 50 == 0) es.push_back({"", false});
    CueIndex ix = CueIndex::owning(es, syntax);
    Plain plain{es, syntax};
    for (int t = 0; t < 30; ++t) check(ix, plain, word(10, true));
    for (auto& e : es) check(ix, plain, e.pattern);  // each entry as a text
  }
}

BOOST_AUTO_TEST_CASE(answers_as_the_plain_loops_on_the_rules_and_the_articles) {
  std::vector<std::string> lines = article_lines();
  BOOST_TEST_REQUIRE(lines.size() > 1000u);
  for (std::string file : {"segment.rules", "speakers.rules"}) {
    std::string path = std::string(JATEI_SOURCE_DIR) + "/lib/data/" + file;
    jatei::Rules rules = jatei::Rules::parse(slurp(path), path);
    for (const std::string& name : section_names(path)) {
      BOOST_TEST_CONTEXT(file << " [" << name << "]") {
        const auto& es = rules.section(name);
        CueIndex ix(es);
        Plain plain{es, CueSyntax::glob};
        for (std::size_t k = 0; k < lines.size(); k += 7) check(ix, plain, lines[k], false);
        for (auto& e : es) check(ix, plain, e.pattern, false);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(finds_the_lexicon_in_the_articles_as_the_plain_loops) {
  // The claims lexicon's expressions, literal text: every entry at every place, and every
  // occurrence, on a sample of lines (the plain loops are slow).
  std::vector<RuleEntry> es;
  for (auto& c : jatei::claims::Lexicon::builtin().cues()) es.push_back({c.expression, false});
  BOOST_TEST_REQUIRE(es.size() > 100u);
  CueIndex ix = CueIndex::owning(es, CueSyntax::literal);
  Plain plain{es, CueSyntax::literal};
  std::vector<std::string> lines = article_lines();
  for (std::size_t k = 0; k < lines.size(); k += 97)
    if (lines[k].size() < 400) check(ix, plain, lines[k]);
}

BOOST_AUTO_TEST_CASE(longest_leftmost_takes_the_longest_at_the_first_start) {
  std::vector<RuleEntry> es = {{"量子", false}, {"量子計算", false}, {"計算機", false}, {"機械", false}};
  CueIndex ix = CueIndex::owning(es, CueSyntax::literal);
  std::vector<CueMatch> m;
  ix.scan("量子計算機械", m);
  auto ll = text::longest_leftmost(m);
  BOOST_TEST_REQUIRE(ll.size() == 2u);
  BOOST_TEST(ll[0].entry == 1u);  // 量子計算, not 量子
  BOOST_TEST(ll[1].entry == 3u);  // 機械 after it; 計算機 crosses it
  BOOST_TEST(ll[1].begin == std::string("量子計算").size());
}

BOOST_AUTO_TEST_CASE(a_pattern_is_no_text_to_find_and_the_first_entry_wins_a_tie) {
  std::vector<RuleEntry> es = {{"写真*", true}, {"写真", false}, {"真", false}, {"写真", true}};
  CueIndex ix(es);
  bool weak = false;
  BOOST_TEST(ix.prefix("写真：共同", &weak) == std::string("写真：共同").size());
  BOOST_TEST(weak);
  BOOST_TEST(ix.prefix("写真", &weak) == std::string("写真").size());
  BOOST_TEST(weak);  // 写真* matches all of it too, and comes first
  BOOST_TEST(ix.suffix("青写真", &weak) == std::string("写真").size());
  BOOST_TEST(!weak);  // the literal 写真, not the pattern nor the later weak one
  BOOST_TEST(ix.find("青写真*") == std::string("青").size());
  BOOST_TEST(!CueIndex::owning({{"a*b", false}}).contains("xa*by"));
  BOOST_TEST(CueIndex::owning({{"a*b", false}}, CueSyntax::literal).contains("xa*by"));
  BOOST_TEST(!CueIndex().whole(""));
  BOOST_TEST(CueIndex().find("x") == npos);
}

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(scan)  // the terms stage's Aho–Corasick tests, on the index

BOOST_AUTO_TEST_CASE(classic_aho_corasick) {
  std::vector<RuleEntry> m_keys;
  m_keys.push_back({"he", false});
  m_keys.push_back({"she", false});
  m_keys.push_back({"his", false});
  m_keys.push_back({"hers", false});
  CueIndex m = CueIndex::owning(m_keys, CueSyntax::literal);
  std::vector<CueMatch> out;
  m.scan("ushers", out);
  std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> got;
  for (auto& x : out) got.emplace_back(x.begin, x.end, x.entry);
  std::sort(got.begin(), got.end());
  std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> want{{1, 4, 1}, {2, 4, 0}, {2, 6, 3}};
  BOOST_TEST((got == want));
  auto ll = text::longest_leftmost(out);
  BOOST_TEST(ll.size() == 1u);
  BOOST_TEST(ll[0].entry == 1u);  // "she" starts first
}

BOOST_AUTO_TEST_CASE(longest_at_the_same_start) {
  std::vector<RuleEntry> m_keys;
  m_keys.push_back({"言語モデル", false});
  m_keys.push_back({"大規模言語モデル", false});
  m_keys.push_back({"モデル", false});
  CueIndex m = CueIndex::owning(m_keys, CueSyntax::literal);
  std::vector<CueMatch> out;
  m.scan("大規模言語モデルと言語モデル", out);
  auto ll = text::longest_leftmost(out);
  BOOST_TEST(ll.size() == 2u);
  BOOST_TEST(ll[0].entry == 1u);
  BOOST_TEST(ll[1].entry == 0u);
}

BOOST_AUTO_TEST_CASE(agrees_with_naive_search) {
  std::mt19937 rng(7);
  std::string alphabet[] = {"a", "b", "ab", "推", "論", "モ", "デ", "ル"};
  std::vector<std::string> keys;
  std::vector<RuleEntry> entries;
  for (std::uint32_t k = 0; k < 400; ++k) {
    std::string key;
    int len = 1 + static_cast<int>(rng() % 5);
    for (int i = 0; i < len; ++i) key += alphabet[rng() % 8];
    keys.push_back(key);
    entries.push_back({key, false});
  }
  CueIndex m = CueIndex::owning(entries, CueSyntax::literal);
  std::string s;
  for (int i = 0; i < 3000; ++i) s += alphabet[rng() % 8];
  std::vector<CueMatch> out;
  m.scan(s, out);
  std::set<std::pair<std::size_t, std::string>> got, want;
  for (auto& x : out) got.insert({x.begin, s.substr(x.begin, x.end - x.begin)});
  for (auto& k : keys)
    for (std::size_t p = s.find(k); p != std::string::npos; p = s.find(k, p + 1)) want.insert({p, k});
  BOOST_TEST(got.size() == want.size());
  BOOST_TEST((got == want));
}

BOOST_AUTO_TEST_CASE(empty_automaton_and_empty_text) {
  std::vector<RuleEntry> m_keys;
  CueIndex m = CueIndex::owning(m_keys, CueSyntax::literal);
  std::vector<CueMatch> out;
  m.scan("anything", out);
  BOOST_TEST(out.empty());
  std::vector<RuleEntry> n_keys;
  n_keys.push_back({"x", false});
  CueIndex n = CueIndex::owning(n_keys, CueSyntax::literal);
  n.scan("", out);
  BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_SUITE_END()
