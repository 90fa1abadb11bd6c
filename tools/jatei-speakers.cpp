// jatei-speakers: TEI -> TEI with speaker turns (<sp who cert>) and the participants declared.
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/tei.hpp"

namespace po = boost::program_options;
using namespace jatei;

int main(int argc, char** argv) {
  cli::init("jatei-speakers");
  return cli::run([&] {
    std::string input = "-", output = "-";
    std::size_t max_size = cli::kDefaultMaxBytes * 4;
    const Stage& stage = cli::stage("speakers");
    po::options_description opts(cli::tr("Options"));
    cli::add_help_and_version(opts);
    opts.add_options()
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write the TEI to OUT (default: standard output)").c_str())
      ("explain", cli::tr("print on standard error, per division and block, the features and the decision").c_str());
    cli::add_stage_options(opts, stage.options);
    cli::add_max_size(opts, max_size);
    po::variables_map vm = cli::parse_with_input(argc, argv, opts, input);
    if (cli::handle_common(
            vm, "jatei-speakers [OPTIONS] [FILE|-]",
            cli::tr("Puts the spoken blocks of a jatei TEI document into speaker turns (<sp who cert>) and declares "
                    "the participants. Labels (名前: 【名前】 名前「…」 Q. A. ――) are kept verbatim in <speaker>; "
                    "an unlabelled dialogue is attributed by a sequence model (Viterbi) whose @cert says how sure "
                    "each turn is. Prose nobody speaks is left alone. Reads FILE or standard input.") +
                "\n\n" +
                cli::tr("Tuning: the weights and cue lists are the files speakers.weights and speakers.rules "
                        "(installed with jatei, e.g. /usr/local/share/jatei; each explains its format in its "
                        "header). Run with --explain to see the features and decisions per block, copy the "
                        "lines you want to change into a file and pass it with --weights, add cues with "
                        "--rules, or point JATEI_DATA_DIR at a folder with your own copies."),
            opts))
      return 0;
    StageRun run;  // the weights and rules files read once, before any input
    if (int rc = cli::guard("", [&] { run = stage.configure(cli::stage_config(vm, stage.options)); return 0; })) return rc;
    std::ostringstream explain;
    std::ostream* explain_to = vm.count("explain") ? &explain : nullptr;
    return cli::guard(input, [&] {
      Document doc = cli::read_tei(input, max_size, input);
      run(doc, explain_to);
      if (explain_to) std::cerr << explain.str() << std::flush;
      if (vm.count("names")) cli::say_if_no_dialogue(doc, input == "-" ? "<stdin>" : input);
      cli::write_tei(output, doc);
      return 0;
    });
  });
}
