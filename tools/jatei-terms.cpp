// jatei-terms: TEI in, TEI out with <term> (pointing at a termbase entry) and <gloss> on the
// glosses the article gives itself; optionally a glossary (--list) and a TBX of new pairs
// (--candidates).
#include <iostream>
#include <memory>
#include <optional>

#include "cli.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/tbx.hpp"
#include "jatei/tei.hpp"
#include "jatei/terms.hpp"

namespace po = boost::program_options;
using namespace jatei;

int main(int argc, char** argv) {
  cli::init("jatei-terms");
  return cli::run([&] {
    std::string input = "-", output = "-", candidates;
    std::vector<std::string> termbase_files;
    std::size_t max_size = cli::kDefaultMaxBytes;
    po::options_description opts(cli::tr("Options"));
    cli::add_help_and_version(opts);
    opts.add_options()
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write to OUT (default: standard output)").c_str())
      ("termbase,t", po::value(&termbase_files)->value_name("FILE")->composing(),
       cli::tr("add a termbase (TBX 2019 or TBX 2008); repeatable; a later termbase's entry replaces an earlier one's for the same Japanese term").c_str())
      ("no-default-termbase", cli::tr("do not load the team's termbase (use only --termbase files)").c_str())
      ("every-term", cli::tr("mark every termbase match, also a short everyday word (学習, 訓練) in a document with no other term of its termbase").c_str())
      ("list", cli::tr("write the document's glossary as TSV (japanese, english, count, first sentence, source) instead of the TEI").c_str())
      ("candidates", po::value(&candidates)->value_name("FILE"),
       cli::tr("write the pairs the termbases lack (glosses, acronyms, loanwords) to FILE as TBX for review").c_str())
      ("explain", cli::tr("say on standard error why each term and gloss was marked or skipped").c_str());
    cli::add_max_size(opts, max_size);
    po::variables_map vm = cli::parse_with_input(argc, argv, opts, input);
    if (cli::handle_common(vm, "jatei-terms [OPTIONS] [FILE|-]",
                           cli::tr("Marks the terms of a jatei TEI document (<term ref> to its termbase entry) and the "
                                   "glosses the article gives itself (<gloss target>). Reads FILE or standard input. "
                                   "Terms glossed or translated two ways are reported on standard error and noted in "
                                   "the TEI header."),
                           opts))
      return 0;
    // Termbases first: a bad one stops the run before any output.
    std::vector<std::shared_ptr<const tbx::Termbase>> tbs;
    if (!vm.count("no-default-termbase")) {
      std::string def = terms::default_termbase_path();
      if (def.empty()) {
        cli::error("", 0, 0, cli::tr("warning: the default termbase (termbase/ja-en-ai.tbx) was not found; marking glosses only"));
      } else {
        int rc = cli::guard(def, [&] {
          tbs.push_back(std::make_shared<const tbx::Termbase>(tbx::read_file(def)));
          return 0;
        });
        if (rc) return rc;
      }
    }
    if (int rc = cli::load_each(termbase_files, [&](const std::string& f) {
          tbs.push_back(std::make_shared<const tbx::Termbase>(tbx::read_file(f)));
        }))
      return rc;
    terms::Annotator annotator(std::move(tbs));
    return cli::guard(input, [&] {
      std::string where = input == "-" ? "<stdin>" : input;
      terms::Options o;
      o.explain = vm.count("explain") > 0;
      o.candidates = !candidates.empty();
      o.domain_gate = !vm.count("every-term");
      // Read twice, a few divisions at a time (memory: the input, one part, and the sentences
      // with terms), the input's errors before any output.
      std::string xml = cli::read_input(input, max_size);
      // (a new one each time it is asked for: after a first read of a document the stream does
      // not take, the document is read whole)
      std::shared_ptr<terms::Annotator::Parts> parts;
      std::string doc_name;
      auto maker = [&](std::ostream*) {
        auto p = std::make_shared<terms::Annotator::Parts>(annotator, o);
        parts = p;
        StageParts stage;
        stage.survey = [p](Document& part) { p->survey(part); };
        stage.header = [p, &doc_name, &where](Document& doc) {
          p->header(doc);
          doc_name = doc.header.source_name.empty() ? where : doc.header.source_name;
        };
        stage.cut_before = [](const Division&) { return true; };
        stage.annotate = [p](Document& part) { p->annotate(part); };
        stage.finish = [] {};
        return stage;
      };
      bool list = vm.count("list") > 0;
      std::optional<cli::OutputFile> out;
      if (!list) out.emplace(output);
      annotate_parts(std::move(xml), where, maker,
                     [&](std::string_view piece) {
                       if (out) out->write(piece);
                     },
                     nullptr);
      terms::Report rep = parts->finish();
      for (auto& line : rep.explanations) cli::error(where, 0, 0, "explain: " + line);
      for (auto& inc : rep.inconsistencies)
        cli::error(where, 0, 0, cli::tr("inconsistent terminology: {1}", {inc.message()}));
      // The candidates' file is put in place only once the main output is: a run that fails
      // leaves neither.
      std::optional<cli::OutputFile> candidates_out;
      if (!candidates.empty()) {
        candidates_out.emplace(candidates);
        candidates_out->write(tbx::write(terms::candidates_termbase(rep.candidates, doc_name)));
      }
      if (list) cli::write_output(output, terms::glossary_tsv(rep.glossary));
      else out->commit();
      if (candidates_out) candidates_out->commit();
      return 0;
    });
  });
}
