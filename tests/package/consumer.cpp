// A program using the installed library: decodes the file given as its argument, segments it,
// writes its TEI on stdout (as jatei-segment FILE does), reads that TEI back and checks that the
// document gives back the decoded text, byte for byte. Exit 0 when it does, 1 when it does not,
// 2 on an error. Built by tests/cli/package.sh both with find_package(jatei) (CMakeLists.txt
// here) and with pkg-config.
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "jatei/decode.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer FILE\n";
    return 2;
  }
  try {
    const std::string path = argv[1];
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "consumer: cannot read " << path << '\n';
      return 2;
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const jatei::Decoded decoded = jatei::decode(bytes);
    jatei::SegmentOptions options;
    options.source_name = path.substr(path.rfind('/') + 1);
    const std::string xml = jatei::tei::write(jatei::segment(decoded, options));
    std::cout << xml;
    if (jatei::tei::read(xml).text() != decoded.text) {
      std::cerr << "consumer: the TEI does not give the text back\n";
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "consumer: " << e.what() << '\n';
    return 2;
  }
}
