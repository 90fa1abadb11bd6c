// Conformance: the tier-core cases of ../shared/external/ja-sentence-cases whose newline policy
// fits a splitter that treats line ends as boundaries. Skips (exit 77) without ../shared.
#define BOOST_TEST_MODULE conformance
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iostream>

#include "jatei/segment.hpp"

namespace pt = boost::property_tree;

namespace {

std::string strip(const std::string& s) {
  // The suite's comparison policy: strip whitespace (U+3000, CR, LF included) at both ends.
  std::string_view v = s;
  auto drop_front = [&]() {
    if (!v.empty() && (v[0] == ' ' || v[0] == '\t' || v[0] == '\n' || v[0] == '\r')) { v.remove_prefix(1); return true; }
    if (v.substr(0, 3) == "\xE3\x80\x80") { v.remove_prefix(3); return true; }
    return false;
  };
  auto drop_back = [&]() {
    if (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\n' || v.back() == '\r')) { v.remove_suffix(1); return true; }
    if (v.size() >= 3 && v.substr(v.size() - 3) == "\xE3\x80\x80") { v.remove_suffix(3); return true; }
    return false;
  };
  while (drop_front()) {}
  while (drop_back()) {}
  return std::string(v);
}

// Sentences of a whole input as the tools see it: CR and CRLF are line ends, each line split.
std::vector<std::string> split_text(const std::string& input) {
  std::string text;
  for (std::size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '\r') {
      text.push_back('\n');
      if (i + 1 < input.size() && input[i + 1] == '\n') ++i;
    } else {
      text.push_back(input[i]);
    }
  }
  jatei::Document doc = jatei::segment_text(text, {});
  std::vector<std::string> out;
  for (auto* s : doc.sentences()) {
    std::string t = strip(s->text);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(core_cases_pass_at_95_percent) {
  std::string path = std::string(JATEI_SHARED_DIR) + "/external/ja-sentence-cases/cases.json";
  std::ifstream in(path);
  if (!in) {
    std::cerr << "skipped: " << path << " not found\n";
    std::exit(77);
  }
  pt::ptree root;
  pt::read_json(in, root);
  int total = 0, passed = 0;
  for (auto& [_, c] : root.get_child("cases")) {
    std::string policy = c.get<std::string>("newline_policy");
    if (c.get<std::string>("tier") != "core" || (policy != "no_internal_newline" && policy != "newline_is_boundary"))
      continue;
    ++total;
    std::vector<std::string> expected;
    for (auto& [__, e] : c.get_child("expected")) {
      std::string t = strip(e.get_value<std::string>());
      if (!t.empty()) expected.push_back(t);
    }
    auto got = split_text(c.get<std::string>("input"));
    if (got == expected) {
      ++passed;
    } else {
      std::string msg = c.get<std::string>("id") + ": expected";
      for (auto& e : expected) msg += " [" + e + "]";
      msg += "\n   got";
      for (auto& g : got) msg += " [" + g + "]";
      BOOST_TEST_MESSAGE(msg);
      std::cerr << msg << "\n";
    }
  }
  double rate = total ? 100.0 * passed / total : 0;
  std::cerr << "conformance: " << passed << "/" << total << " core cases pass (" << rate << " %)\n";
  BOOST_TEST(total == 122);
  BOOST_TEST(rate >= 95.0);
}
