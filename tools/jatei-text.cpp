// jatei-text: TEI -> the source text back, every character in order, one block a line.
#include "cli.hpp"
#include "jatei/tei.hpp"

namespace po = boost::program_options;
using namespace jatei;

int main(int argc, char** argv) {
  cli::init("jatei-text");
  return cli::run([&] {
    std::string input = "-", output = "-";
    std::size_t max_size = cli::kDefaultMaxBytes * 4;
    po::options_description opts(cli::tr("Options"));
    cli::add_help_and_version(opts);
    opts.add_options()
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write the text to OUT (default: standard output)").c_str());
    cli::add_max_size(opts, max_size);
    po::variables_map vm = cli::parse_with_input(argc, argv, opts, input);
    if (cli::handle_common(vm, "jatei-text [OPTIONS] [FILE|-]",
                           cli::tr("Prints the text of a jatei TEI document: every character of the source, in order."),
                           opts))
      return 0;
    return cli::guard(input, [&] {
      // A block at a time (tei::text_of): the document is never held as a tree or a model; the
      // text is written once the whole input has been read without error.
      std::string text = tei::text_of(cli::read_input(input, max_size), input);
      cli::write_output(output, text);
      return 0;
    });
  });
}
