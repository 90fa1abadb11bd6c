// jatei-claims-cases: runs a conformance table of single sentences (tests/data/claims/cases.tsv
// and its held-out twin) through segmentation, speaker attribution and the claims stage, in
// process, and prints the pass rate overall and per phenomenon.
//
// usage: jatei-claims-cases TABLE [--min RATE] [--rate-only] [--failures] [--explain]
//                                 [--no-speakers]
//   --min RATE     exit 1 when the overall pass rate is below RATE
//   --rate-only    print only the overall rate (for the held-out table: nothing of its text)
//   --failures     print each failing row: id, expected, got, text
//   --explain      with --failures: the claims stage's explanation of each failing sentence
//   --no-speakers  segmentation and claims only (as `jatei-segment | jatei-claims`)
//
// A row: id, text, context, expected, phenomenon (tests/data/claims/README.md). The context's
// `{}` is replaced by the text and `\n` by a line break; the sentence is found in the output by
// its text (the whole sentence, or the sentence that holds it after a speaker label).
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "jatei/claims.hpp"
#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t a = 0;
  while (true) {
    std::size_t t = line.find('\t', a);
    out.push_back(line.substr(a, t == std::string::npos ? std::string::npos : t - a));
    if (t == std::string::npos) break;
    a = t + 1;
  }
  return out;
}

std::string expand(const std::string& context, const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < context.size(); ++i) {
    if (context.compare(i, 2, "{}") == 0) {
      out += text;
      ++i;
    } else if (context.compare(i, 2, "\\n") == 0) {
      out += '\n';
      ++i;
    } else {
      out += context[i];
    }
  }
  if (out.empty() || out.back() != '\n') out += '\n';
  return out;
}

std::string category_of(const jatei::Sentence& s) {
  const std::string* ana = s.attrs.get("ana");
  if (!ana) return "(none)";
  std::string first = ana->substr(0, ana->find(' '));
  return first.empty() ? "(none)" : first.substr(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::string table;
  double min = -1;
  bool rate_only = false, failures = false, explain = false, speakers = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--min" && i + 1 < argc) min = std::stod(argv[++i]);
    else if (a == "--rate-only") rate_only = true;
    else if (a == "--failures") failures = true;
    else if (a == "--explain") explain = true;
    else if (a == "--no-speakers") speakers = false;
    else if (!a.empty() && a[0] != '-' && table.empty()) table = a;
    else {
      std::cerr << "usage: jatei-claims-cases TABLE [--min RATE] [--rate-only] [--failures] [--explain] [--no-speakers]\n";
      return 64;
    }
  }
  if (table.empty()) {
    std::cerr << "usage: jatei-claims-cases TABLE [--min RATE] [--rate-only] [--failures] [--explain] [--no-speakers]\n";
    return 64;
  }
  std::ifstream in(table);
  if (!in) {
    std::cerr << "jatei-claims-cases: cannot open " << table << "\n";
    return 66;
  }
  struct Tally {
    int pass = 0, total = 0;
  };
  std::map<std::string, Tally> by_phenomenon, by_expected;
  Tally all;
  std::string line;
  bool header = true;
  std::size_t line_no = 0;
  jatei::SegmentOptions seg_options;
  while (std::getline(in, line)) {
    ++line_no;
    if (header) {
      header = false;
      continue;
    }
    if (line.empty()) continue;
    auto f = split_tabs(line);
    if (f.size() < 5) {
      std::cerr << "jatei-claims-cases: " << table << ":" << line_no << ": expected 5 tab-separated fields\n";
      return 65;
    }
    const std::string &id = f[0], &text = f[1], &context = f[2], &expected = f[3], &phenomenon = f[4];
    jatei::Document doc = jatei::segment_text(expand(context, text), seg_options);
    if (speakers) jatei::annotate_speakers(doc);
    std::ostringstream why;
    jatei::claims::Options options;
    if (explain) options.explain = &why;
    jatei::claims::annotate(doc, options);
    const jatei::Sentence* found = nullptr;
    for (const jatei::Sentence* s : doc.sentences())
      if (s->text == text) found = s;
    if (!found)
      for (const jatei::Sentence* s : doc.sentences())
        if (s->text.size() > text.size() && s->text.compare(s->text.size() - text.size(), text.size(), text) == 0)
          found = s;
    std::string got = found ? category_of(*found) : "(not found)";
    bool ok = false;
    std::size_t a = 0;
    while (true) {
      std::size_t bar = expected.find('|', a);
      if (expected.substr(a, bar == std::string::npos ? std::string::npos : bar - a) == got) ok = true;
      if (bar == std::string::npos) break;
      a = bar + 1;
    }
    all.total++;
    all.pass += ok;
    by_phenomenon[phenomenon].total++;
    by_phenomenon[phenomenon].pass += ok;
    by_expected[expected].total++;
    by_expected[expected].pass += ok;
    if (!ok && failures && !rate_only) {
      std::cout << "FAIL\t" << id << "\t" << phenomenon << "\texpected " << expected << "\tgot " << got << "\t" << text
                << "\n";
      if (explain && found) {
        std::istringstream lines(why.str());
        std::string l;
        bool mine = false;
        while (std::getline(lines, l)) {
          if (!l.empty() && l[0] != ' ') mine = l.rfind(found->id + "\t", 0) == 0;
          if (mine) std::cout << "    " << l << "\n";
        }
      }
    }
  }
  double rate = all.total ? static_cast<double>(all.pass) / all.total : 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", rate);
  if (rate_only) {
    std::cout << "pass rate " << buf << " (" << all.pass << "/" << all.total << ")\n";
  } else {
    std::cout << "pass rate " << buf << " (" << all.pass << "/" << all.total << ") on " << table << "\n";
    std::cout << "by expected class:\n";
    for (auto& [k, t] : by_expected) {
      std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(t.pass) / t.total);
      std::cout << "  " << buf << "  " << t.pass << "/" << t.total << "\t" << k << "\n";
    }
    std::cout << "by phenomenon:\n";
    for (auto& [k, t] : by_phenomenon) {
      std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(t.pass) / t.total);
      std::cout << "  " << buf << "  " << t.pass << "/" << t.total << "\t" << k << "\n";
    }
  }
  if (min >= 0 && rate < min) {
    std::cerr << "jatei-claims-cases: pass rate " << rate << " is below " << min << "\n";
    return 1;
  }
  return 0;
}
