// jatei-merge: a translated XLIFF or a checker's verdicts back into the TEI.
#include <optional>

#include "cli.hpp"
#include "jatei/decode.hpp"
#include "jatei/merge.hpp"
#include "jatei/tei.hpp"

namespace po = boost::program_options;
using namespace jatei;

int main(int argc, char** argv) {
  cli::init("jatei-merge");
  return cli::run([&] {
    std::string what, tei_path, file, output = "-", lang, translator, reviewer;
    std::size_t max_size = cli::kDefaultMaxBytes * 4;
    po::options_description opts(cli::tr("Options"));
    opts.add_options()
      ("help,h", cli::tr("show this help and exit").c_str())
      ("version", cli::tr("show the version and exit").c_str())
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write the TEI to OUT (default: standard output; may be TEI itself)").c_str())
      ("lang", po::value(&lang)->value_name("LANG"), cli::tr("xliff: the translation's language (default: the XLIFF's target language)").c_str())
      ("translator", po::value(&translator)->value_name("NAME"), cli::tr("xliff: who translated it (declared in the header, pointed at by @resp)").c_str())
      ("require-complete", cli::tr("xliff: fail (exit 65) when a segment is untranslated").c_str())
      ("reviewer", po::value(&reviewer)->value_name("NAME"), cli::tr("verdicts: the reviewer of rows that name none").c_str())
      ("skip-unknown", cli::tr("verdicts: leave out rows on ids that are no sentence of the document (listed on standard error) and merge the rest").c_str())
      ("quiet,q", cli::tr("no summary on standard error").c_str());
    cli::add_max_size(opts, max_size);
    po::options_description hidden;
    hidden.add_options()("what", po::value(&what))("tei", po::value(&tei_path))("file", po::value(&file));
    po::positional_options_description pos;
    pos.add("what", 1).add("tei", 1).add("file", 1);
    po::options_description all;
    all.add(opts).add(hidden);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
    if (cli::handle_common(
            vm, "jatei-merge xliff TEI XLIFF [OPTIONS]\n       jatei-merge verdicts TEI FILE [OPTIONS]",
            cli::tr("Brings work done elsewhere back into a jatei TEI document.\n"
                    "  xliff     a translated XLIFF (2.x or 1.2) becomes <div type=\"translation\" xml:lang>, one <s corresp>\n"
                    "            per translated sentence; untranslated segments are listed, never invented\n"
                    "            (jatei-text skips the translation: it still prints the source only)\n"
                    "  verdicts  a checker's CSV or JSON Lines (id, rating, note, reviewer, url, date) becomes\n"
                    "            <note type=\"factcheck\"> in <standOff>; the same file again changes nothing.\n"
                    "            Every row that cannot be merged is listed (line and id) and nothing is merged\n"
                    "            until the file is clean; --skip-unknown merges the rest past unknown ids"),
            opts))
      return 0;
    if (what != "xliff" && what != "verdicts") throw po::error(cli::tr("say what to merge: xliff or verdicts"));
    if (tei_path.empty() || file.empty()) throw po::error(cli::tr("give the TEI document and the file to merge into it"));
    if (tei_path == "-" && file == "-") throw po::error(cli::tr("only one of the inputs can be standard input"));
    auto only = [&](const char* option, const char* kind) {
      if (vm.count(option) && what != kind) throw po::error(cli::tr("--{1} applies to {2} only", {option, kind}));
    };
    only("lang", "xliff");
    only("translator", "xliff");
    only("require-complete", "xliff");
    only("reviewer", "verdicts");
    only("skip-unknown", "verdicts");
    bool quiet = vm.count("quiet") > 0;
    Document doc;
    // xliff: the TEI read a block at a time (XliffMerge), the XLIFF a segment at a time; the
    // document is read whole (`doc`) only when the stream leaves the answer to merge_xliff.
    std::optional<cli::InputBytes> tei_bytes;
    std::optional<XliffMerge> streamed;
    // verdicts: the TEI read a division at a time, twice (VerdictMerge).
    std::optional<VerdictMerge> verdicts;
    XliffMergeOptions xo;
    xo.lang = lang;
    xo.translator = translator;
    if (int rc = cli::guard(tei_path, [&] {
          if (what == "xliff") {
            tei_bytes.emplace(tei_path, max_size);
            streamed.emplace(tei_bytes->view(), tei_path, xo);
          } else {
            tei_bytes.emplace(tei_path, max_size);
            verdicts.emplace(tei_bytes->view(), tei_path);
          }
          return 0;
        }))
      return rc;
    std::string where = file == "-" ? "<stdin>" : file;
    if (int rc = cli::guard(file, [&] {
          if (what == "xliff") {
            cli::InputBytes data(file, max_size);
            XliffMergeReport r;
            if (!streamed->read(data.view(), r)) {
              streamed.reset();
              doc = tei::read(tei_bytes->view(), tei_path);
              r = merge_xliff(doc, data.view(), file, xo);
            }
            if (!r.untranslated.empty()) {
              std::string list;
              for (std::size_t i = 0; i < r.untranslated.size() && i < 20; ++i) list += (i ? ", " : "") + r.untranslated[i];
              if (r.untranslated.size() > 20) list += ", …";
              if (vm.count("require-complete"))
                throw DataError(cli::tr("{1} segment(s) untranslated: {2}", {std::to_string(r.untranslated.size()), list}));
              cli::error(where, 0, 0, cli::tr("{1} segment(s) untranslated (left out): {2}", {std::to_string(r.untranslated.size()), list}));
            }
            if (!quiet && !r.locked.empty())
              cli::error(where, 0, 0, cli::tr("{1} segment(s) marked translate=\"no\" left untranslated, as marked (left out)",
                                          {std::to_string(r.locked.size())}));
            if (!quiet && !r.repeated.empty())
              cli::error(where, 0, 0, cli::tr("{1} repeated sentence(s) given the translation of the same text elsewhere",
                                          {std::to_string(r.repeated.size())}));
            if (!quiet)
              cli::error(where, 0, 0, cli::tr("XLIFF {1}: {2} sentence(s) translated into {3}",
                                          {r.version, std::to_string(r.translated), r.lang}));
          } else {
            std::string data = cli::read_input(file, max_size);
            // A spreadsheet saves CSV in the system's encoding (CP932 on Japanese Windows): a file
            // that is not UTF-8 is read in the Japanese encoding it is detected as, and said so.
            if (utf8_invalid_offset(data) != std::string::npos) {
              std::string enc = detect_encoding(data);
              if (enc != "UTF-8") {
                DecodeOptions dop;
                dop.encoding = enc;
                data = decode(data, dop).text;
                if (!quiet) cli::error(where, 0, 0, cli::tr("not UTF-8: read as {1}", {enc}));
              }
            }
            VerdictMergeOptions mo;
            mo.reviewer = reviewer;
            mo.skip_unknown = vm.count("skip-unknown") > 0;
            VerdictMergeReport r;
            try {
              r = verdicts->merge(data, file, mo);
            } catch (const VerdictErrors& e) {
              bool unknown = false;
              for (auto& p : e.problems()) {
                cli::error(where, p.line, 0, p.message);
                unknown = unknown || (!p.id.empty() && p.message.find("unknown id") != std::string::npos);
              }
              const std::string n = std::to_string(e.problems().size());
              throw DataError(unknown ? cli::tr("{1} row(s) cannot be merged; nothing was merged (--skip-unknown merges the "
                                                "rest past unknown ids)",
                                                {n})
                                      : cli::tr("{1} row(s) cannot be merged; nothing was merged", {n}));
            }
            for (auto& p : r.left) cli::error(where, p.line, 0, cli::tr("left out: {1}", {p.message}));
            // A file with no row at all is more likely the wrong file than a checker's work.
            if (r.added + r.updated + r.unchanged + r.skipped + r.left.size() == 0)
              cli::error(where, 0, 0, cli::tr("no verdict in this file (empty, or a header only): the TEI is written unchanged"));
            if (!quiet)
              cli::error(where, 0, 0,
                         mo.skip_unknown
                             ? cli::tr("{1} added, {2} updated, {3} unchanged, {4} without a rating, {5} left out (unknown id)",
                                       {std::to_string(r.added), std::to_string(r.updated), std::to_string(r.unchanged),
                                        std::to_string(r.skipped), std::to_string(r.left.size())})
                             : cli::tr("{1} added, {2} updated, {3} unchanged, {4} without a rating",
                                       {std::to_string(r.added), std::to_string(r.updated), std::to_string(r.unchanged),
                                        std::to_string(r.skipped)}));
          }
          return 0;
        }))
      return rc;
    return cli::guard(output, [&] {
      if (!streamed && !verdicts) {
        cli::write_tei(output, doc);
        return 0;
      }
      cli::OutputFile out(output);
      auto sink = [&](std::string_view piece) { out.write(piece); };
      if (streamed) streamed->write(sink);
      else verdicts->write(sink);
      out.commit();
      return 0;
    });
  });
}
