// What the TEI tests share (test_tei, test_tei_stream, test_validate): a file's bytes, the
// articles of corpora/, and a minimal TEI document around a body, with the parts each test
// varies (the header, the root's attributes, what stands around <text> and after the root).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tei_fixture {

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The articles of corpora/ (*.txt), in name order.
inline std::vector<std::filesystem::path> corpus_files() {
  std::vector<std::filesystem::path> out;
  std::filesystem::path dir = std::filesystem::path(JATEI_SOURCE_DIR) / "corpora";
  for (auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// What a test puts around the body of a minimal document; empty parts are left out.
struct Parts {
  std::string header_extra;  // inside <teiHeader>, after <fileDesc>
  std::string root_attrs;    // more attributes of <TEI>
  std::string before_root;   // between the XML declaration and <TEI>
  std::string header_attrs;  // attributes of <teiHeader>
  std::string around_text;   // between </teiHeader> and <text>
  std::string after_root;    // after </TEI>
};

// A minimal TEI document around `body` (the inside of <body>). Without parts its lines are:
// 1 the declaration, 2 <TEI>, 3 <teiHeader>, 4 <fileDesc>, 5 the title, 6 publicationStmt,
// 7 sourceDesc, 8 </fileDesc>, then header_extra, </teiHeader>, <text>, </TEI>.
inline std::string document(const std::string& body, const Parts& parts = {}) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + parts.before_root +
         "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ja\"" + parts.root_attrs + ">\n"
         "  <teiHeader" + parts.header_attrs + ">\n"
         "    <fileDesc>\n"
         "      <titleStmt><title>題</title></titleStmt>\n"
         "      <publicationStmt><p>p</p></publicationStmt>\n"
         "      <sourceDesc><bibl><idno type=\"filename\">x.txt</idno></bibl></sourceDesc>\n"
         "    </fileDesc>\n" + parts.header_extra +
         "  </teiHeader>\n" + parts.around_text +
         "  <text><body>" + body + "</body></text>\n"
         "</TEI>\n" + parts.after_root;
}

}  // namespace tei_fixture
