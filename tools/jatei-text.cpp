// jatei-text: TEI -> the source text back, every character in order, one block a line.
#include "cli.hpp"
#include "jatei/decode.hpp"
#include "jatei/error.hpp"
#include "jatei/tei.hpp"

namespace po = boost::program_options;
using namespace jatei;

namespace {

// The source's bytes rebuilt from its text and what the header records of them, or a DataError
// saying why they cannot be.
std::string source_bytes(const std::string& text, const Header& h) {
  if (!h.decoding_note.empty())
    throw DataError(cli::tr("the source had bytes replaced when it was read ({1}); its bytes cannot be rebuilt",
                            {h.decoding_note}));
  std::string bytes = encode_source(text, h.encoding, h.bom, h.line_ends);
  if (!h.sha256.empty() && sha256_hex(bytes) != h.sha256)
    throw DataError(cli::tr("the rebuilt bytes do not match the source's SHA-256 in the header ({1})", {h.sha256}));
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  cli::init("jatei-text");
  return cli::run([&] {
    std::string input = "-", output = "-";
    std::size_t max_size = cli::kDefaultMaxBytes * 4;
    po::options_description opts(cli::tr("Options"));
    cli::add_help_and_version(opts);
    opts.add_options()
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write the text to OUT (default: standard output)").c_str())
      ("source", cli::tr("write the source file's bytes as they were: its encoding, byte order mark and line ends as the header records them, checked against the header's SHA-256").c_str());
    cli::add_max_size(opts, max_size);
    po::variables_map vm = cli::parse_with_input(argc, argv, opts, input);
    if (cli::handle_common(vm, "jatei-text [OPTIONS] [FILE|-]",
                           cli::tr("Prints the text of a jatei TEI document: every character of the source, in order."),
                           opts))
      return 0;
    cli::check_not_input(input, output);  // the text (or source bytes) would replace the TEI
    return cli::guard(input, [&] {
      // A block at a time (tei::text_of): the document is never held as a tree or a model; the
      // text is written once the whole input has been read without error.
      Header header;
      std::string text = tei::text_of(cli::read_input(input, max_size), input, &header);
      if (vm.count("source")) text = source_bytes(text, header);
      cli::write_output(output, text);
      return 0;
    });
  });
}
