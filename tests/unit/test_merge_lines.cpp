// mergeutil::LineIndex (lib/src/merge/util.hpp), the line lookup jatei-merge xliff makes for
// every segment: the same line and column as the plain scan from the start, at every offset.
#define BOOST_TEST_MODULE merge_lines
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

#include "merge/util.hpp"

using jatei::mergeutil::line_col;
using jatei::mergeutil::LineIndex;

namespace {
void same_everywhere(const std::string& text) {
  LineIndex index(text);
  for (std::size_t off = 0; off <= text.size() + 2; ++off) {
    auto want = line_col(text, off);
    auto got = index.line_col(off);
    BOOST_TEST_CONTEXT("offset " << off << " of " << text.size()) {
      BOOST_TEST(got.first == want.first);
      BOOST_TEST(got.second == want.second);
    }
  }
}
}  // namespace

BOOST_AUTO_TEST_CASE(edges) {
  for (const char* t : {"", "\n", "\n\n", "a", "a\n", "\na", "ab\ncd\n\nef", "日本語\n文\n"}) same_everywhere(t);
}

BOOST_AUTO_TEST_CASE(random_texts) {
  std::mt19937 rng(15);
  for (int k = 0; k < 200; ++k) {
    std::string t;
    std::size_t n = rng() % 80;
    for (std::size_t i = 0; i < n; ++i) t += "ab\n\n<x"[rng() % 6];
    same_everywhere(t);
  }
}
