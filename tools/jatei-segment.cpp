// jatei-segment: text in any common Japanese encoding -> TEI with blocks and sentences.
#include <iostream>

#include "cli.hpp"
#include "jatei/decode.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"

namespace po = boost::program_options;
using namespace jatei;

namespace {
// "html" when the text opens (after a BOM and blanks) with <!DOCTYPE html or <html, "xml" when
// with <?xml or <TEI, else empty: ASCII case folded, the first bytes only.
std::string markup_kind(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  std::size_t i = b.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return {};
  std::string head(b.substr(i, 16));
  for (char& c : head) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (head.starts_with("<!doctype html") || head.starts_with("<html")) return "html";
  if (head.starts_with("<?xml") || head.starts_with("<tei")) return "xml";
  return {};
}
}  // namespace

int main(int argc, char** argv) {
  cli::init("jatei-segment");
  return cli::run([&] {
    std::string input = "-", output = "-", encoding, title;
    std::vector<std::string> rules_files;
    std::size_t max_size = cli::kDefaultMaxBytes;
    po::options_description opts(cli::tr("Options"));
    cli::add_help_and_version(opts);
    opts.add_options()
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write the TEI to OUT (default: standard output)").c_str())
      ("encoding,e", po::value(&encoding)->value_name("NAME"),
       cli::tr("source encoding (UTF-8, UTF-16LE, UTF-16BE, Shift_JIS, CP932, EUC-JP, ISO-2022-JP); default: detect").c_str())
      ("replace-invalid", cli::tr("replace invalid bytes and characters XML cannot carry with U+FFFD instead of failing").c_str())
      ("title", po::value(&title)->value_name("TEXT"), cli::tr("title for the header (default: the title line, else the file name)").c_str())
      ("rules", po::value(&rules_files)->value_name("FILE")->composing(),
       cli::tr("add the cues of a rules file to the built-in ones (repeatable)").c_str());
    cli::add_max_size(opts, max_size);
    po::variables_map vm = cli::parse_with_input(argc, argv, opts, input);
    if (cli::handle_common(vm, "jatei-segment [OPTIONS] [FILE|-]",
                           cli::tr("Segments a Japanese article into TEI blocks and sentences. Reads FILE or standard input."),
                           opts))
      return 0;
    cli::check_encoding(encoding);
    cli::check_not_input(input, output);
    Rules rules = Rules::builtin();
    if (int rc = cli::load_each(rules_files, [&](const std::string& f) { rules.merge_file(f); })) return rc;
    return cli::guard(input, [&] {
      cli::InputBytes bytes(input, max_size);  // a file is mapped, not copied
      cli::refuse_empty_text(bytes.view());
      DecodeOptions d;
      d.encoding = encoding;
      d.replace_invalid = vm.count("replace-invalid") > 0;
      d.may_borrow = true;  // UTF-8 that needs no change is segmented where it is mapped
      SegmentOptions so;
      so.source_name = input == "-" ? "-" : input.substr(input.rfind('/') + 1);
      so.title = title;
      so.rules = &rules;
      // Decoding checks all of the input before the first byte of TEI is written; then the TEI
      // is streamed out as it is made, so memory stays near the size of the text. On an error
      // the temporary output file is removed.
      // A page saved from the browser, or a TEI given by mistake, is still segmented as text (all
      // of it is kept), with a word on what the tool reads.
      if (auto kind = markup_kind(bytes.view()); !kind.empty())
        cli::error(input == "-" ? "<stdin>" : input, 1, 1,
                   kind == "html"
                       ? cli::tr("warning: this looks like an HTML page; jatei-segment reads the article's text (save "
                                 "the page as text, or copy it from the browser's reader view): its tags are kept as text")
                       : cli::tr("warning: this looks like XML; jatei-segment reads plain text (a jatei TEI goes to "
                                 "jatei-speakers, jatei-claims, jatei-terms or jatei-text): its tags are kept as text"));
      cli::OutputFile out(output);
      tei::StreamWriter writer([&](std::string_view chunk) { out.write(chunk); });
      Decoded decoded = segment_bytes_to(bytes.view(), d, so, writer);
      if (decoded.replaced)
        cli::error(input == "-" ? "<stdin>" : input, 0, 0,
                   cli::tr("warning: replaced {1} invalid sequences with U+FFFD", {std::to_string(decoded.replaced)}));
      out.commit();
      return 0;
    });
  });
}
