// jatei-export: TEI -> what translators, fact-checkers and editors open in their own tools.
#include <memory>
#include <optional>

#include "cli.hpp"
#include "jatei/export.hpp"
#include "jatei/tbx.hpp"
#include "jatei/tei.hpp"
#include "jatei/terms.hpp"

namespace po = boost::program_options;
using namespace jatei;

namespace {

bool is_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return d.substr(5, 2) >= "01" && d.substr(5, 2) <= "12" && d.substr(8, 2) >= "01" && d.substr(8, 2) <= "31";
}

}  // namespace

int main(int argc, char** argv) {
  cli::init("jatei-export");
  return cli::run([&] {
    std::string format, input = "-", output = "-", xliff = "2.1", tbx_v = "2019", claims = "jsonl", lang = "en", date,
        publisher, publisher_url, source_url, scale;
    std::vector<std::string> termbase_files, acronym_files;
    std::size_t max_size = cli::kDefaultMaxBytes * 4;
    po::options_description opts(cli::tr("Options"));
    opts.add_options()
      ("help,h", cli::tr("show this help and exit").c_str())
      ("version", cli::tr("show the version and exit").c_str())
      ("output,o", po::value(&output)->value_name("OUT"), cli::tr("write to OUT (default: standard output)").c_str())
      ("target-lang", po::value(&lang)->value_name("LANG"), cli::tr("the language translated into (default: en)").c_str())
      ("xliff", po::value(&xliff)->value_name("VERSION"),
       cli::tr("xliff: 2.1 (default; units, notes, glossary module) or 1.2 (OmegaT, translate-toolkit)").c_str())
      ("prefill-target", cli::tr("xliff: copy each source into its <target> (OmegaT translates the target)").c_str())
      ("lock-boilerplate", cli::tr("xliff: mark the page's furniture (<div type=\"boilerplate\">) translate=\"no\": CAT tools lock it and leave it out of the word count; jatei-merge does not count it as untranslated").c_str())
      ("tbx", po::value(&tbx_v)->value_name("VERSION"), cli::tr("tbx: 2019 (default, TBX-Basic) or 2008 (martif, for OmegaT and translate-toolkit; a document without terms is refused with 65, since TBX 2008 has no empty form)").c_str())
      ("format", po::value(&claims)->value_name("FORMAT"),
       cli::tr("claims: jsonl (default), csv (UTF-8 with BOM, for spreadsheets) or claimreview (schema.org JSON-LD)").c_str())
      ("all", cli::tr("claims: every sentence, not only the ones to check").c_str())
      ("date", po::value(&date)->value_name("YYYY-MM-DD"), cli::tr("claims: ClaimReview datePublished of verdicts without a date (default: today)").c_str())
      ("publisher", po::value(&publisher)->value_name("NAME"), cli::tr("claims: the fact-checking organisation, author of the ClaimReviews").c_str())
      ("publisher-url", po::value(&publisher_url)->value_name("URL"), cli::tr("claims: the fact-checking organisation's site").c_str())
      ("source-url", po::value(&source_url)->value_name("URL"), cli::tr("claims: the article's URL, where the claims appear (default: the TEI header's)").c_str())
      ("rating-scale", po::value(&scale)->value_name("LIST"),
       cli::tr("claims: the verdicts' numeric scale, worst first, comma-separated (\"False,Mostly false,Half true,Mostly true,True\" counts from 1; \"0=False,...\" gives the values): ratingValue, bestRating, worstRating").c_str())
      ("termbase", po::value(&termbase_files)->value_name("FILE")->composing(),
       cli::tr("a TBX termbase the document's <term ref> point into (repeatable; default: the team's termbase)").c_str())
      ("no-termbase", cli::tr("use no termbase: English only from the glosses in the text").c_str())
      ("acronyms", po::value(&acronym_files)->value_name("FILE")->composing(),
       cli::tr("add the acronyms' full names of FILE (ACRONYM<TAB>name a line) to the built-in list, for glosses that give only an acronym (repeatable)").c_str());
    cli::add_max_size(opts, max_size);
    po::options_description hidden;
    hidden.add_options()("format-name", po::value(&format))("input", po::value(&input));
    po::positional_options_description pos;
    pos.add("format-name", 1).add("input", 1);
    po::options_description all;
    all.add(opts).add(hidden);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
    std::string about = cli::tr("Writes what translators, fact-checkers and editors read, from a jatei TEI document "
                                "(FILE or standard input). FORMAT is one of:");
    for (auto& e : exporters()) about += "\n  " + e.name + std::string(8 - std::min<std::size_t>(7, e.name.size()), ' ') + cli::tr(e.description.c_str());
    if (cli::handle_common(vm, "jatei-export FORMAT [OPTIONS] [FILE|-]", about, opts)) return 0;
    if (format.empty()) throw po::error(cli::tr("no format given (xliff, tbx, tmx, claims or html)"));
    const Exporter* exporter = find_exporter(format);
    if (!exporter) throw po::error(cli::tr("unknown format: {1} (xliff, tbx, tmx, claims or html)", {format}));
    auto only = [&](const char* option, const char* fmt) {
      if (vm.count(option) && !vm[option].defaulted() && format != fmt)
        throw po::error(cli::tr("--{1} applies to {2} only", {option, fmt}));
    };
    only("xliff", "xliff");
    only("prefill-target", "xliff");
    only("lock-boilerplate", "xliff");
    only("tbx", "tbx");
    only("format", "claims");
    only("all", "claims");
    only("date", "claims");
    for (const char* opt : {"publisher", "publisher-url", "source-url", "rating-scale"}) only(opt, "claims");
    ExportOptions o;
    o.target_lang = lang;
    if (xliff == "2.1" || xliff == "2") o.xliff_version = XliffVersion::v21;
    else if (xliff == "1.2") o.xliff_version = XliffVersion::v12;
    else throw po::error(cli::tr("--xliff must be 2.1 or 1.2, not {1}", {xliff}));
    o.prefill_target = vm.count("prefill-target") > 0;
    o.lock_boilerplate = vm.count("lock-boilerplate") > 0;
    if (tbx_v == "2019") o.tbx_version = TbxVersion::v2019;
    else if (tbx_v == "2008") o.tbx_version = TbxVersion::v2008;
    else throw po::error(cli::tr("--tbx must be 2019 or 2008, not {1}", {tbx_v}));
    if (claims == "jsonl") o.claims_format = ClaimsFormat::jsonl;
    else if (claims == "csv") o.claims_format = ClaimsFormat::csv;
    else if (claims == "claimreview") o.claims_format = ClaimsFormat::claimreview;
    else throw po::error(cli::tr("--format must be jsonl, csv or claimreview, not {1}", {claims}));
    o.all_sentences = vm.count("all") > 0;
    if (!date.empty() && !is_date(date)) throw po::error(cli::tr("--date must be YYYY-MM-DD, not {1}", {date}));
    o.date = date;
    auto url_ok = [](const std::string& u) { return u.find_first_of(" \t\r\n") == std::string::npos; };
    if (!url_ok(publisher_url)) throw po::error(cli::tr("--publisher-url must be a URL without spaces"));
    if (!url_ok(source_url)) throw po::error(cli::tr("--source-url must be a URL without spaces"));
    o.publisher = publisher;
    o.publisher_url = publisher_url;
    o.source_url = source_url;
    for (std::size_t b = 0; !scale.empty() && b <= scale.size();) {
      std::size_t e = std::min(scale.find(',', b), scale.size());
      std::string item = scale.substr(b, e - b);
      while (!item.empty() && item.front() == ' ') item.erase(0, 1);
      while (!item.empty() && item.back() == ' ') item.pop_back();
      o.rating_scale.push_back(item);
      b = e + 1;
    }
    if (!o.rating_scale.empty() && o.claims_format == ClaimsFormat::claimreview) {
      try {
        check_rating_scale(o.rating_scale);  // before any input is read
      } catch (const DataError& e) {
        throw po::error(std::string("--rating-scale: ") + e.what());
      }
    }
    if (lang.empty() || lang.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != std::string::npos)
      throw po::error(cli::tr("--target-lang must be a language tag such as en or en-GB, not {1}", {lang}));
    if (vm.count("no-termbase") && !termbase_files.empty()) throw po::error(cli::tr("--termbase and --no-termbase exclude each other"));
    if (termbase_files.empty() && !vm.count("no-termbase")) {
      std::string def = terms::default_termbase_path();
      if (!def.empty()) termbase_files.push_back(def);
    }
    if (int rc = cli::load_each(termbase_files, [&](const std::string& f) {
          o.termbases.push_back(std::make_shared<const tbx::Termbase>(tbx::read_file(f)));
        }))
      return rc;
    if (!acronym_files.empty()) {
      auto names = std::make_shared<AcronymNames>(AcronymNames::builtin());
      if (int rc = cli::load_each(acronym_files, [&](const std::string& f) { names->merge_file(f); })) return rc;
      o.acronyms = names;
    }
    cli::check_not_input(input, output);  // an export would replace the TEI it was made from
    return cli::guard(input, [&] {
      if (format == "xliff") {
        // A block at a time (memory: the input and one batch of units): the input's errors come
        // before the output file is made, as when the document is read whole.
        cli::InputBytes bytes(input, max_size);
        std::optional<cli::OutputFile> out;
        write_xliff(bytes.view(), input, o, [&](std::string_view piece) {
          if (!out) out.emplace(output);
          out->write(piece);
        });
        if (!out) out.emplace(output);
        out->commit();
        return 0;
      }
      if (format == "claims") {
        // A few sentences at a time (write_claims): every error before the output file is made.
        cli::InputBytes bytes(input, max_size);
        std::optional<cli::OutputFile> out;
        write_claims(bytes.view(), input, o, [&](std::string_view piece) {
          if (!out) out.emplace(output);
          out->write(piece);
        });
        if (!out) out.emplace(output);
        out->commit();
        return 0;
      }
      if (format == "html") {
        // A few turns at a time (write_html): every error before the output file is made.
        cli::InputBytes bytes(input, max_size);
        std::optional<cli::OutputFile> out;
        write_html(bytes.view(), input, o, [&](std::string_view piece) {
          if (!out) out.emplace(output);
          out->write(piece);
        });
        if (!out) out.emplace(output);
        out->commit();
        return 0;
      }
      if (format == "tbx") {
        // The glossary from a read a block at a time, never the document (write_tbx).
        cli::InputBytes bytes(input, max_size);
        std::string tbx = write_tbx(bytes.view(), input, o);
        bytes.release();
        cli::write_output(output, tbx);
        return 0;
      }
      Document doc = cli::read_tei(input, max_size, input);
      cli::write_output(output, exporter->write(doc, o));
      return 0;
    });
  });
}
