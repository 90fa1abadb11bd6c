// jatei-bench-corpus: builds the inputs of `make bench`, deterministically (same bytes on
// every machine and every run).
//
//   jatei-bench-corpus corpus BYTES OUT FILE...   articles concatenated until OUT holds at
//       least BYTES bytes; each round takes every article once, in an order shuffled by a
//       fixed-seed generator; articles are separated by a blank line.
//   jatei-bench-corpus long-line CHARS OUT        one line of CHARS characters with no
//       sentence terminator (kana, kanji, commas, Latin, digits), then LF.
//   jatei-bench-corpus short-lines LINES OUT      LINES short lines, each a sentence or two.
//   jatei-bench-corpus open-brackets COUNT OUT    one line with COUNT unmatched 「 between
//       short sentences.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// splitmix64: small, fast, and the same everywhere.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

int usage() {
  std::fprintf(stderr,
               "usage: jatei-bench-corpus corpus BYTES OUT FILE...\n"
               "       jatei-bench-corpus long-line CHARS OUT\n"
               "       jatei-bench-corpus short-lines LINES OUT\n"
               "       jatei-bench-corpus open-brackets COUNT OUT\n");
  return 64;
}

bool write_file(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "jatei-bench-corpus: cannot write %s\n", path.c_str());
    return false;
  }
  return true;
}

// Splits UTF-8 text into its characters (enough for the fixed ASCII/Japanese pieces below).
std::vector<std::string> chars_of(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return usage();
  std::string mode = argv[1];
  std::uint64_t amount = std::strtoull(argv[2], nullptr, 10);
  std::string out_path = argv[3];
  std::string out;

  if (mode == "corpus") {
    std::vector<std::string> articles;
    for (int k = 4; k < argc; ++k) {
      std::ifstream in(argv[k], std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "jatei-bench-corpus: cannot open %s\n", argv[k]);
        return 66;
      }
      std::stringstream ss;
      ss << in.rdbuf();
      std::string a = ss.str();
      if (!a.empty() && a.back() != '\n') a.push_back('\n');
      if (!a.empty()) articles.push_back(std::move(a));
    }
    if (articles.empty()) return usage();
    out.reserve(amount + 65536);
    Rng rng{20240601};
    std::vector<std::size_t> order(articles.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    while (out.size() < amount) {
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
      for (std::size_t idx : order) {
        if (!out.empty()) out.push_back('\n');  // a blank line between articles
        out += articles[idx];
        if (out.size() >= amount) break;
      }
    }
  } else if (mode == "long-line") {
    // No terminator anywhere: 。．！？!?… and the informal endings are all absent.
    std::vector<std::string> cs = chars_of(
        "これは終わりのない長い行で、句点がないまま続いていく文章の一部として書かれたもの"
        "であり、日本語のかなと漢字とカタカナ、そしてLatin textや数字12345を含んで");
    out.reserve(amount * 3 + 1);
    for (std::uint64_t i = 0; i < amount; ++i) out += cs[i % cs.size()];
    out.push_back('\n');
  } else if (mode == "short-lines") {
    const char* lines[] = {"はい。", "そうですね。", "本当に？", "ありがとうございました！", "次へ進みます。"};
    for (std::uint64_t i = 0; i < amount; ++i) {
      out += lines[i % 5];
      out.push_back('\n');
    }
  } else if (mode == "open-brackets") {
    for (std::uint64_t i = 0; i < amount; ++i) out += "「これは閉じない括弧です。";
    out.push_back('\n');
  } else {
    return usage();
  }
  return write_file(out_path, out) ? 0 : 74;
}
