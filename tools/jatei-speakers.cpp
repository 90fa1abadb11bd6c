// jatei-speakers: TEI -> TEI with speaker turns (<sp who cert>) and the participants declared.
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"

namespace po = boost::program_options;
using namespace jatei;

namespace {

std::vector<std::string> split_names(const std::string& list) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i <= list.size(); ++i) {
    // ',' or the Japanese comma 、 (E3 80 81) or the full-width comma ， (EF BC 8C)
    bool end = i == list.size();
    std::size_t skip = 0;
    if (!end && list[i] == ',') skip = 1;
    else if (!end && list.compare(i, 3, "\xE3\x80\x81") == 0) skip = 3;
    else if (!end && list.compare(i, 3, "\xEF\xBC\x8C") == 0) skip = 3;
    if (end || skip) {
      std::size_t a = cur.find_first_not_of(" \t"), b = cur.find_last_not_of(" \t");
      out.push_back(a == std::string::npos ? std::string() : cur.substr(a, b - a + 1));
      cur.clear();
      if (skip) i += skip - 1;
      continue;
    }
    cur.push_back(list[i]);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  cli::init("jatei-speakers");
  return cli::run([&] {
    std::string input = "-", output = "-", names, weights;
    std::vector<std::string> rules_files;
    std::size_t max_size = cli::kDefaultMaxBytes * 4;
    po::options_description opts(cli::tr("Options"));
    cli::add_help_and_version(opts);
    opts.add_options()
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write the TEI to OUT (default: standard output)").c_str())
      ("names", po::value(&names)->value_name("LIST"),
       cli::tr("comma-separated names for the participants in order of first speaking (e.g. 先生,サルくん)").c_str())
      ("explain", cli::tr("print on standard error, per division and block, the features and the decision").c_str())
      ("weights", po::value(&weights)->value_name("FILE"),
       cli::tr("read weights from FILE over the built-in ones (format of speakers.weights)").c_str())
      ("rules", po::value(&rules_files)->value_name("FILE")->composing(),
       cli::tr("add the cue lists of FILE to the built-in ones (format of speakers.rules; repeatable)").c_str());
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
    SpeakerModel model = SpeakerModel::builtin();
    if (!weights.empty()) {
      int rc = cli::guard(weights, [&] { model.merge_weights_file(weights); return 0; });
      if (rc) return rc;
    }
    if (int rc = cli::load_each(rules_files, [&](const std::string& f) { model.merge_cues_file(f); })) return rc;
    SpeakerOptions so;
    so.model = &model;
    if (vm.count("names")) so.names = split_names(names);
    std::ostringstream explain;
    if (vm.count("explain")) so.explain = &explain;
    return cli::guard(input, [&] {
      Document doc = tei::read(cli::read_input(input, max_size), input);
      annotate_speakers(doc, so);
      std::string out = tei::write(doc);
      if (so.explain) std::cerr << explain.str() << std::flush;
      cli::write_output(output, out);
      return 0;
    });
  });
}
