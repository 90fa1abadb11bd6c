// jatei-claims: TEI in, TEI out with the factuality of every sentence, its cue, and the dates,
// numbers and names a fact-checker needs.
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "jatei/claims.hpp"
#include "jatei/tei.hpp"

namespace po = boost::program_options;
using namespace jatei;

int main(int argc, char** argv) {
  cli::init("jatei-claims");
  return cli::run([&] {
    std::string input = "-", output = "-";
    std::vector<std::string> lexicons, gazetteers;
    std::size_t max_size = cli::kDefaultMaxBytes * 4;
    po::options_description opts(cli::tr("Options"));
    cli::add_help_and_version(opts);
    opts.add_options()
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write the TEI to OUT (default: standard output)").c_str())
      ("explain", cli::tr("print each sentence's predicate analysis, cues, decision and source on standard error").c_str())
      ("lexicon", po::value(&lexicons)->value_name("FILE")->composing(),
       cli::tr("add the cues and words of FILE (cues.tsv or categories.tsv format) to the built-in lexicon (repeatable)")
           .c_str())
      ("gazetteer", po::value(&gazetteers)->value_name("FILE")->composing(),
       cli::tr("add the names of FILE (names.tsv format) to the built-in gazetteer (repeatable)").c_str());
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
    claims::Lexicon lexicon = claims::Lexicon::builtin();
    if (int rc = cli::load_each(lexicons, [&](const std::string& f) { lexicon.merge_file(f); })) return rc;
    claims::Gazetteer gazetteer = claims::Gazetteer::builtin();
    if (int rc = cli::load_each(gazetteers, [&](const std::string& f) { gazetteer.merge_file(f); })) return rc;
    return cli::guard(input, [&] {
      Document doc = tei::read(cli::read_input(input, max_size), input);
      claims::Options o;
      o.lexicon = &lexicon;
      o.gazetteer = &gazetteer;
      std::ostringstream explain;
      if (vm.count("explain")) o.explain = &explain;
      claims::annotate(doc, o);
      std::string xml = tei::write(doc);
      if (o.explain) std::cerr << explain.str() << std::flush;
      cli::write_output(output, xml);
      return 0;
    });
  });
}
