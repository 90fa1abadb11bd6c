// Unit tests for jatei/rules.hpp: glob patterns, the rules file format, merging, builtin rules.
#define BOOST_TEST_MODULE rules
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

#include "jatei/error.hpp"
#include "jatei/rules.hpp"

using jatei::DataError;
using jatei::glob_match;
using jatei::glob_prefix;
using jatei::Rules;

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::vector<std::string> patterns(const Rules& r, std::string_view section) {
  std::vector<std::string> out;
  for (auto& e : r.section(section)) out.push_back(e.pattern);
  return out;
}

bool has(const Rules& r, std::string_view section, std::string_view pattern, bool* weak = nullptr) {
  for (auto& e : r.section(section)) {
    if (e.pattern == pattern) {
      if (weak) *weak = e.weak;
      return true;
    }
  }
  return false;
}

// Line of the DataError that parsing `text` throws (0 when none).
std::size_t error_line(std::string_view text) {
  try {
    Rules::parse(text, "test.rules");
  } catch (const DataError& e) {
    return e.line();
  }
  return 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// glob_match / glob_prefix
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(glob_literal) {
  BOOST_TEST(glob_match("著者:", "著者:"));
  BOOST_TEST(!glob_match("著者:", "著者:山田"));
  BOOST_TEST(!glob_match("著者:", "著者"));
  BOOST_TEST(!glob_match("abc", "abd"));
  BOOST_TEST(glob_match("", ""));
  BOOST_TEST(!glob_match("", "a"));
}

BOOST_AUTO_TEST_CASE(glob_star_matches_any_run) {
  BOOST_TEST(glob_match("*", ""));
  BOOST_TEST(glob_match("*", "何でも"));
  BOOST_TEST(glob_match("a*", "a"));
  BOOST_TEST(glob_match("a*c", "ac"));
  BOOST_TEST(glob_match("a*c", "abbbc"));
  BOOST_TEST(!glob_match("a*c", "abbbd"));
  BOOST_TEST(glob_match("【*続く*】", "【後編に続く】"));
  BOOST_TEST(glob_match("【*続く*】", "【続く】"));
  BOOST_TEST(!glob_match("【*続く*】", "【後編に続く】。"));
  BOOST_TEST(glob_match("*のように語った。", "彼は次のように語った。"));
  BOOST_TEST(!glob_match("*のように語った。", "彼は次のように語った"));
  BOOST_TEST(glob_match("(*:*)", "(TEXT:谷田部卓 編集:藤冨啓之)"));
  BOOST_TEST(glob_match("*い", "あい"));
  BOOST_TEST(glob_match("あ*", "あ"));
  BOOST_TEST(glob_match("*a*b*c*", "xxaxxbxxcxx"));
  BOOST_TEST(!glob_match("*a*b*c*", "xxcxxbxxaxx"));
}

BOOST_AUTO_TEST_CASE(glob_hash_matches_one_digit_ascii_or_full_width) {
  BOOST_TEST(glob_match("図#", "図1"));
  BOOST_TEST(glob_match("図#", "図０"));
  BOOST_TEST(glob_match("図#", "図９"));
  BOOST_TEST(!glob_match("図#", "図12"));
  BOOST_TEST(glob_match("図##", "図12"));
  BOOST_TEST(glob_match("図##", "図１２"));
  BOOST_TEST(glob_match("図##", "図1２"));
  BOOST_TEST(!glob_match("図#", "図"));
  BOOST_TEST(!glob_match("図#", "図a"));
  BOOST_TEST(!glob_match("図#", "図Ａ"));   // full-width letter is not a digit
  BOOST_TEST(!glob_match("図#", "図一"));   // nor is a kanji numeral
  BOOST_TEST(!glob_match("図#", "図①"));   // nor a circled number
  BOOST_TEST(glob_match("(#)", "(7)"));
  BOOST_TEST(glob_match("Q#.", "Q3."));
  BOOST_TEST(glob_match("#", "5"));
  BOOST_TEST(!glob_match("#", "#"));
  // '#' and '*' together.
  BOOST_TEST(glob_match("Step#*", "Step2 準備"));
  BOOST_TEST(glob_match("*#年", "西暦2年"));
}

BOOST_AUTO_TEST_CASE(glob_prefix_longest_match) {
  BOOST_TEST(glob_prefix("図#", "図1 売上の推移") == std::string("図1").size());
  BOOST_TEST(glob_prefix("図#", "図１売上") == std::string("図１").size());
  BOOST_TEST(glob_prefix("図#", "表1") == npos);
  BOOST_TEST(glob_prefix("(#)", "(1) 項目") == 3u);
  BOOST_TEST(glob_prefix("(##)", "(1) 項目") == npos);
  BOOST_TEST(glob_prefix("著者:", "著者:谷田部卓") == std::string("著者:").size());
  BOOST_TEST(glob_prefix("", "abc") == 0u);
  BOOST_TEST(glob_prefix("abc", "ab") == npos);
  // A star takes the longest run that lets the rest match.
  BOOST_TEST(glob_prefix("a*c", "abcabcx") == 6u);
  BOOST_TEST(glob_prefix("a*c", "abx") == npos);
  // A trailing star takes everything.
  BOOST_TEST(glob_prefix("【*】*", "【速報】本文です") == std::string("【速報】本文です").size());
  // Stars split on character boundaries: never half a UTF-8 sequence.
  std::string t = "あいう";
  std::size_t n = glob_prefix("*い", t);
  BOOST_TEST(n == std::string("あい").size());
}

BOOST_AUTO_TEST_CASE(glob_many_stars_terminates) {
  // Cue lines are at most 200 characters; several stars on such a line stay fast.
  std::string text(2000, 'a');
  BOOST_TEST(!glob_match("*b*b*b*b*b*", text));
  std::string line(200, 'a');
  BOOST_TEST(glob_match("*a*a*a*", line));
  BOOST_TEST(!glob_match("*a*a*a*b", line));
  BOOST_TEST(glob_prefix("a*a*a", line) == line.size());
}

// The matcher against a plain recursive one that tries every split, on every pattern and text
// over a small alphabet (ASCII and full-width digits, kana, letters) up to a few characters:
// the same answer for glob_match and glob_prefix (issue 11, row 10: the matcher is no longer
// recursive, and must still mean the same).
namespace {

std::size_t ref_char_len(std::string_view t, std::size_t j) {
  unsigned char b = static_cast<unsigned char>(t[j]);
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

bool ref_is_digit(std::string_view c) { return (c.size() == 1 && c[0] >= '0' && c[0] <= '9') || (c >= "０" && c <= "９" && c.size() == 3); }

// Every end (byte offset) of text at which pattern[i..] can finish matching text[j..].
void ref_ends(const std::vector<std::string>& p, std::size_t i, std::string_view t, std::size_t j, std::vector<std::size_t>& out) {
  if (i == p.size()) {
    out.push_back(j);
    return;
  }
  if (p[i] == "*") {
    for (std::size_t k = j;; k += ref_char_len(t, k)) {
      ref_ends(p, i + 1, t, k, out);
      if (k >= t.size()) break;
    }
    return;
  }
  if (j >= t.size()) return;
  std::string_view c = t.substr(j, ref_char_len(t, j));
  if (p[i] == "#" ? ref_is_digit(c) : c == p[i]) ref_ends(p, i + 1, t, j + c.size(), out);
}

std::vector<std::string> chars_of(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t j = 0; j < s.size(); j += ref_char_len(s, j)) out.emplace_back(s.substr(j, ref_char_len(s, j)));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(glob_agrees_with_a_matcher_that_tries_every_split) {
  const std::vector<std::string> text_chars{"a", "b", "1", "２", "あ", "*", "#"};
  const std::vector<std::string> pattern_chars{"a", "b", "1", "あ", "*", "#"};
  std::uint32_t seed = 12345;
  auto rnd = [&](std::size_t n) {
    seed = seed * 1103515245u + 12345u;
    return static_cast<std::size_t>((seed >> 16) % n);
  };
  int checked = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string p, t;
    for (std::size_t k = rnd(7); k > 0; --k) p += pattern_chars[rnd(pattern_chars.size())];
    for (std::size_t k = rnd(9); k > 0; --k) t += text_chars[rnd(text_chars.size())];
    std::vector<std::size_t> ends;
    ref_ends(chars_of(p), 0, t, 0, ends);
    bool whole = std::find(ends.begin(), ends.end(), t.size()) != ends.end();
    std::size_t longest = ends.empty() ? npos : *std::max_element(ends.begin(), ends.end());
    BOOST_TEST(glob_match(p, t) == whole, "glob_match(\"" << p << "\", \"" << t << "\")");
    BOOST_TEST(glob_prefix(p, t) == longest, "glob_prefix(\"" << p << "\", \"" << t << "\")");
    ++checked;
  }
  BOOST_TEST(checked == 20000);
}

BOOST_AUTO_TEST_CASE(glob_with_many_stars_is_linear) {
  // The recursive matcher tried every way to split the text between the stars: C(200, 12)
  // ways here, which never ended (29 s on one line of a longer pattern); the matcher now
  // moves through the text once per piece of the pattern.
  std::string line(200, 'a');
  std::string many;
  for (int k = 0; k < 12; ++k) many += "*a";
  BOOST_TEST(!glob_match(many + "*b", line));
  BOOST_TEST(glob_prefix(many + "b", line) == npos);
  BOOST_TEST(glob_prefix(many + "*b", line + "b") == line.size() + 1);
  std::string stars(5000, '*');
  BOOST_TEST(glob_match(stars + "b", std::string(5000, 'a') + "b"));
  BOOST_TEST(!glob_match(stars + "b", std::string(5000, 'a')));
  // It also gave up past 16 stars (a bound on its recursion): such patterns never matched.
  std::string twenty;
  for (int k = 0; k < 20; ++k) twenty += "a*";
  twenty += "a";
  BOOST_TEST(glob_match(twenty, std::string(21, 'a')));
  BOOST_TEST(glob_prefix(twenty, std::string(30, 'a')) == 30u);
}

// ---------------------------------------------------------------------------------------------
// Rules::parse
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(parse_sections_entries_and_comments) {
  Rules r = Rules::parse(
      "# a comment before any section\n"
      "\n"
      "[byline]\n"
      "著者:\n"
      "  文:  \n"          // surrounding whitespace is trimmed
      "# comment inside\n"
      "\t\n"
      "[caption]\n"
      "※図版\n"
      "[empty]\n",
      "t.rules");
  BOOST_TEST((patterns(r, "byline") == std::vector<std::string>{"著者:", "文:"}));
  BOOST_TEST((patterns(r, "caption") == std::vector<std::string>{"※図版"}));
  BOOST_TEST(r.section("empty").empty());
  BOOST_TEST(r.section("no-such-section").empty());
}

BOOST_AUTO_TEST_CASE(parse_weak_entries) {
  Rules r = Rules::parse("[caption]\n?図#\n写真:\n?Fig.\n", "t");
  bool weak = false;
  BOOST_TEST(has(r, "caption", "図#", &weak));
  BOOST_TEST(weak);
  BOOST_TEST(has(r, "caption", "写真:", &weak));
  BOOST_TEST(!weak);
  BOOST_TEST(has(r, "caption", "Fig.", &weak));
  BOOST_TEST(weak);
  BOOST_TEST(!has(r, "caption", "?図#"));
  // A lone '?' is a literal entry.
  Rules q = Rules::parse("[s]\n?\n", "t");
  BOOST_TEST(has(q, "s", "?", &weak));
  BOOST_TEST(!weak);
}

BOOST_AUTO_TEST_CASE(parse_backslash_escapes) {
  Rules r = Rules::parse("[x]\n\\[写真]\n\\#.\n\\-了-\n\\?疑問\n", "t");
  BOOST_TEST((patterns(r, "x") == std::vector<std::string>{"[写真]", "#.", "-了-", "?疑問"}));
  for (auto& e : r.section("x")) BOOST_TEST(!e.weak);
  // An escaped '#' is still a digit wildcard inside the pattern.
  BOOST_TEST(r.matches_prefix("x", "1. 項目") == 2u);
  BOOST_TEST(r.matches_whole("x", "[写真]"));
}

BOOST_AUTO_TEST_CASE(parse_crlf_rules_file) {
  Rules r = Rules::parse("[a]\r\nx\r\ny\r\n", "t");
  BOOST_TEST((patterns(r, "a") == std::vector<std::string>{"x", "y"}));
}

BOOST_AUTO_TEST_CASE(parse_no_final_newline) {
  Rules r = Rules::parse("[a]\nlast", "t");
  BOOST_TEST((patterns(r, "a") == std::vector<std::string>{"last"}));
}

BOOST_AUTO_TEST_CASE(parse_removal_within_one_file) {
  Rules r = Rules::parse("[a]\nx\ny\n-x\n", "t");
  BOOST_TEST((patterns(r, "a") == std::vector<std::string>{"y"}));
}

BOOST_AUTO_TEST_CASE(parse_malformed_header_names_line) {
  BOOST_TEST(error_line("[ok]\nentry\n\n[broken\nx\n") == 4u);
  BOOST_TEST(error_line("[]\n") == 1u);
  BOOST_TEST(error_line("# c\n# c\n[a\n") == 3u);
  try {
    Rules::parse("[a]\n[b\n", "my.rules");
    BOOST_FAIL("no error");
  } catch (const DataError& e) {
    BOOST_TEST(std::string(e.what()).find("my.rules") != std::string::npos, e.what());
    BOOST_TEST(e.line() == 2u);
  }
}

BOOST_AUTO_TEST_CASE(parse_refuses_invalid_utf8_naming_line_and_column) {
  // A byte that starts no character (here the first byte of あ alone, before a star) would let
  // the byte-wise and the character-wise matchers disagree; the file is refused instead.
  const std::string text = "[byline]\n\xE6\x96\x87:*\n\xE3*\n";
  try {
    Rules::parse(text, "bad.rules");
    BOOST_FAIL("invalid UTF-8 accepted");
  } catch (const DataError& e) {
    BOOST_TEST(e.line() == 3u);
    BOOST_TEST(e.column() == 1u);
    BOOST_TEST(std::string(e.what()).find("UTF-8") != std::string::npos);
  }
  BOOST_TEST(error_line("[byline]\nok*\n\x81\n") == 3u);
  BOOST_TEST(error_line("[byline]\n\xE3\x81\x82*\n") == 0u);
}

BOOST_AUTO_TEST_CASE(parse_entry_before_section_names_line) {
  BOOST_TEST(error_line("著者:\n[byline]\n") == 1u);
  BOOST_TEST(error_line("# header comment\n\n  orphan\n[a]\n") == 3u);
  BOOST_TEST(error_line("[a]\nx\n") == 0u);
}

// ---------------------------------------------------------------------------------------------
// merge
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(merge_adds_and_removes) {
  Rules base = Rules::parse("[byline]\n著者:\n文:\n[caption]\n写真:\n", "base");
  Rules extra = Rules::parse("[byline]\n-文:\nWriter:\n[newsection]\nfoo\n", "extra");
  base.merge(extra);
  BOOST_TEST((patterns(base, "byline") == std::vector<std::string>{"著者:", "Writer:"}));
  BOOST_TEST((patterns(base, "caption") == std::vector<std::string>{"写真:"}));
  BOOST_TEST((patterns(base, "newsection") == std::vector<std::string>{"foo"}));
  BOOST_TEST(!base.matches_prefix("byline", "文:山田"));
  BOOST_TEST(base.matches_prefix("byline", "Writer: Smith") > 0u);
}

BOOST_AUTO_TEST_CASE(merge_removal_of_a_weak_entry_and_of_a_missing_one) {
  Rules base = Rules::parse("[caption]\n?図#\n写真:\n", "base");
  base.merge(Rules::parse("[caption]\n-図#\n-存在しない\n", "extra"));
  BOOST_TEST((patterns(base, "caption") == std::vector<std::string>{"写真:"}));
  BOOST_TEST(!base.matches_prefix("caption", "図1 グラフ"));
}

BOOST_AUTO_TEST_CASE(merge_builtin_copy_keeps_builtin_untouched) {
  Rules r = Rules::builtin();
  std::size_t before = Rules::builtin().section("byline").size();
  r.merge(Rules::parse("[byline]\n-著者:\n", "x"));
  BOOST_TEST(!has(r, "byline", "著者:"));
  BOOST_TEST(has(Rules::builtin(), "byline", "著者:"));
  BOOST_TEST(Rules::builtin().section("byline").size() == before);
}

BOOST_AUTO_TEST_CASE(merge_file_reads_a_file) {
  char path[] = "/tmp/jatei-rules-XXXXXX";
  int fd = mkstemp(path);
  BOOST_REQUIRE(fd >= 0);
  close(fd);
  {
    std::ofstream out(path);
    out << "[byline]\n取材協力:\n-著者:\n";
  }
  Rules r = Rules::parse("[byline]\n著者:\n", "base");
  r.merge_file(path);
  std::remove(path);
  BOOST_TEST((patterns(r, "byline") == std::vector<std::string>{"取材協力:"}));
  BOOST_CHECK_THROW(r.merge_file("/nonexistent/dir/none.rules"), jatei::IoError);
}

BOOST_AUTO_TEST_CASE(merge_file_refuses_an_unknown_section_naming_file_and_line) {
  // A misspelt section was merged silently and did nothing (issue 11, row 10).
  char path[] = "/tmp/jatei-rules-XXXXXX";
  int fd = mkstemp(path);
  BOOST_REQUIRE(fd >= 0);
  close(fd);
  {
    std::ofstream out(path);
    out << "[byline]\n取材協力:\n\n[bylines]\n編集部:\n";
  }
  Rules r = Rules::parse("[byline]\n著者:\n[caption]\n写真:\n", "base");
  try {
    r.merge_file(path);
    BOOST_FAIL("no error");
  } catch (const DataError& e) {
    BOOST_TEST(e.line() == 4u);
    std::string what = e.what();
    BOOST_TEST(what.find(path) != std::string::npos, what);
    BOOST_TEST(what.find("unknown section [bylines]") != std::string::npos, what);
    BOOST_TEST(what.find("byline, caption") != std::string::npos, what);
  }
  BOOST_TEST((patterns(r, "byline") == std::vector<std::string>{"著者:"}));  // nothing merged
  std::remove(path);
  // The shipped rules' own sections are all known to the shipped rules.
  BOOST_CHECK_NO_THROW(Rules::builtin().check_sections(Rules::builtin()));
}

BOOST_AUTO_TEST_CASE(merge_file_refuses_a_folder) {
  char dir[] = "/tmp/jatei-rules-dir-XXXXXX";
  BOOST_REQUIRE(mkdtemp(dir));
  Rules r = Rules::builtin();
  try {
    r.merge_file(dir);
    BOOST_FAIL("a folder was read as a rules file");
  } catch (const jatei::IoError& e) {
    BOOST_TEST(e.exit_code() == 66);
    BOOST_TEST(std::string(e.what()).find("directory") != std::string::npos, e.what());
  }
  rmdir(dir);
}

BOOST_AUTO_TEST_CASE(merge_file_malformed_is_data_error) {
  char path[] = "/tmp/jatei-rules-XXXXXX";
  int fd = mkstemp(path);
  BOOST_REQUIRE(fd >= 0);
  close(fd);
  {
    std::ofstream out(path);
    out << "[ok]\nx\n[bad\n";
  }
  Rules r;
  try {
    r.merge_file(path);
    BOOST_FAIL("no error");
  } catch (const DataError& e) {
    BOOST_TEST(e.line() == 3u);
    BOOST_TEST(std::string(e.what()).find(path) != std::string::npos, e.what());
  }
  std::remove(path);
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(matches_whole_prefix_contains) {
  Rules r = Rules::parse("[t]\n(続く)\n【*続く*】\n[b]\n著者:\n?文:\n[bp]\nメルマガ\n[n]\n(#)\n(##)\n", "t");
  bool weak = true;
  BOOST_TEST(r.matches_whole("t", "(続く)", &weak));
  BOOST_TEST(!weak);
  BOOST_TEST(r.matches_whole("t", "【後編に続く】"));
  BOOST_TEST(!r.matches_whole("t", "(続く)。"));
  BOOST_TEST(!r.matches_whole("nope", "(続く)"));
  BOOST_TEST(r.matches_prefix("b", "著者:山田") == std::string("著者:").size());
  BOOST_TEST(r.matches_prefix("b", "文:山田", &weak) == std::string("文:").size());
  BOOST_TEST(weak);
  BOOST_TEST(r.matches_prefix("b", "山田") == 0u);
  BOOST_TEST(r.matches_prefix("n", "(12) 項目") == 4u);  // the longest entry wins
  BOOST_TEST(r.contains("bp", "今すぐメルマガに登録"));
  BOOST_TEST(!r.contains("bp", "メール"));
}

// ---------------------------------------------------------------------------------------------
// The shipped rules
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(builtin_has_expected_sections) {
  const Rules& r = Rules::builtin();
  for (const char* s : {"sentence-continuation", "sentence-start", "abbreviation", "protected", "emoticon-word",
                        "symbol-terminator", "emoji-particle", "emoji-predicate", "list-bullet", "list-number", "title", "trailer",
                        "byline", "credit", "caption", "boilerplate", "summary-head", "quote-intro"})
    BOOST_TEST(!r.section(s).empty(), "section [" << s << "] is empty or missing");
}

BOOST_AUTO_TEST_CASE(builtin_entries_the_spec_names) {
  const Rules& r = Rules::builtin();
  for (const char* b : {"著者:", "文:", "TEXT:", "編集:", "構成:", "聞き手:", "取材:"})
    BOOST_TEST(r.matches_prefix("byline", std::string(b) + "山田太郎") > 0u, b);
  for (const char* c : {"※図版", "写真:", "出典:"})
    BOOST_TEST(r.matches_prefix("caption", std::string(c) + "説明") > 0u, c);
  bool weak = false;
  BOOST_TEST(r.matches_prefix("caption", "図1 売上", &weak) > 0u);
  BOOST_TEST(weak);
  for (const char* t : {"【後編に続く】", "(続く)", "（続く）", "(了)", "（了）"})
    BOOST_TEST(r.matches_whole("trailer", t), t);
  BOOST_TEST(r.matches_whole("quote-intro", "社長は以下のように語っています。"));
  BOOST_TEST(r.matches_whole("quote-intro", "社長は次のように述べています。"));
  BOOST_TEST(r.matches_whole("summary-head", "まとめ"));
  BOOST_TEST(r.contains("boilerplate", "この記事をシェアする"));
  BOOST_TEST(r.contains("sentence-continuation", "と"));
  BOOST_TEST(r.contains("sentence-start", "ところが"));
  BOOST_TEST(has(r, "abbreviation", "Dr"));
  BOOST_TEST(has(r, "emoticon-word", "笑"));
  BOOST_TEST(has(r, "symbol-terminator", "☆"));
  BOOST_TEST(has(r, "symbol-terminator", "♪"));
  for (const char* m : {"・", "•", "●", "■", "◆"}) BOOST_TEST(r.matches_prefix("list-bullet", m) > 0u, m);
}

BOOST_AUTO_TEST_CASE(builtin_list_numbers_include_1_dot_and_1_paren) {
  // "1." "12." "1)" "1．" enumerators: in the rules file these must be written "\#." because a
  // line starting with '#' is a comment.
  const Rules& r = Rules::builtin();
  BOOST_TEST(r.matches_prefix("list-number", "1. 項目") == 2u);
  BOOST_TEST(r.matches_prefix("list-number", "12. 項目") == 3u);
  BOOST_TEST(r.matches_prefix("list-number", "3) 項目") == 2u);
  BOOST_TEST(r.matches_prefix("list-number", "１．項目") == std::string("１．").size());
  BOOST_TEST(r.matches_prefix("list-number", "(1) 項目") == 3u);
  BOOST_TEST(r.matches_prefix("list-number", "（１）項目") == std::string("（１）").size());
}
