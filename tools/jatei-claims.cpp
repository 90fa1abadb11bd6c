// jatei-claims: TEI in, TEI out with the factuality of every sentence, its cue, and the dates,
// numbers and names a fact-checker needs.
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/tei.hpp"

namespace po = boost::program_options;
using namespace jatei;

int main(int argc, char** argv) {
  cli::init("jatei-claims");
  return cli::run([&] {
    std::string input = "-", output = "-";
    std::size_t max_size = cli::kDefaultMaxBytes * 4;
    const Stage& stage = cli::stage("claims");
    po::options_description opts(cli::tr("Options"));
    cli::add_help_and_version(opts);
    opts.add_options()
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write the TEI to OUT (default: standard output)").c_str())
      ("explain", cli::tr("print each sentence's predicate analysis, cues, decision and source on standard error").c_str());
    cli::add_stage_options(opts, stage.options);
    cli::add_max_size(opts, max_size);
    po::variables_map vm = cli::parse_with_input(argc, argv, opts, input);
    if (cli::handle_common(vm, "jatei-claims [OPTIONS] [FILE|-]",
                           cli::tr("Marks the factuality of every sentence of a jatei TEI document (fact, speculation, "
                                   "reported, question, opinion, other) with the cue that decided it, the source a "
                                   "reported sentence names (@source), and the dates, numbers, money and names in it. "
                                   "Each sentence's final predicate is analysed with MeCab (IPA dictionary; "
                                   "$JATEI_MECAB_DICDIR overrides where it is). Reads FILE or standard input. Data: "
                                   "$JATEI_DATA_DIR/claims/{cues,categories,names}.tsv replace the built-in lexicon "
                                   "and gazetteer."),
                           opts))
      return 0;
    StagePartsMaker parts;  // the lexicon and gazetteer files read once, before any input
    if (int rc = cli::guard("", [&] { parts = stage.configure_parts(cli::stage_config(vm, stage.options)); return 0; }))
      return rc;
    return cli::guard(input, [&] {
      // A few divisions at a time (memory: the input and one part), the input's errors before any output.
      std::string xml = cli::read_input(input, max_size);
      std::ostringstream explain;
      std::ostream* explain_to = vm.count("explain") ? &explain : nullptr;
      cli::OutputFile out(output);
      annotate_parts(std::move(xml), input, parts, [&](std::string_view piece) { out.write(piece); }, explain_to);
      out.commit();
      if (explain_to) std::cerr << explain.str() << std::flush;
      return 0;
    });
  });
}
