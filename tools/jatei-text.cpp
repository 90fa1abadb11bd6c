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
    opts.add_options()
      ("help,h", cli::tr("show this help and exit").c_str())
      ("version", cli::tr("show the version and exit").c_str())
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write the text to OUT (default: standard output)").c_str())
      ("max-size", po::value(&max_size)->value_name("BYTES"), cli::tr("refuse inputs larger than this").c_str());
    po::options_description hidden;
    hidden.add_options()("input", po::value(&input));
    po::positional_options_description pos;
    pos.add("input", 1);
    po::options_description all;
    all.add(opts).add(hidden);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
    if (cli::handle_common(vm, "jatei-text [OPTIONS] [FILE|-]",
                           cli::tr("Prints the text of a jatei TEI document: every character of the source, in order."),
                           opts))
      return 0;
    return cli::guard(input, [&] {
      Document doc = tei::read(cli::read_input(input, max_size), input);
      cli::write_output(output, doc.text());
      return 0;
    });
  });
}
