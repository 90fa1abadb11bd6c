// jatei-annotate: every stage in one process over files or folders, one .tei.xml per input.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "cli.hpp"
#include "jatei/decode.hpp"
#include "jatei/export.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"
#include "jatei/terms.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace jatei;

namespace {

struct Job {
  fs::path input;
  fs::path output;
};

void collect(const fs::path& p, const fs::path& out_dir, std::vector<Job>& jobs) {
  if (fs::is_directory(p)) {
    std::vector<fs::path> files;
    for (auto& e : fs::recursive_directory_iterator(p))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
      fs::path rel = fs::relative(f, p);
      jobs.push_back({f, out_dir / rel.replace_extension(".tei.xml")});
    }
  } else {
    fs::path name = p.filename();
    jobs.push_back({p, out_dir / name.replace_extension(".tei.xml")});
  }
}

}  // namespace

int main(int argc, char** argv) {
  cli::init("jatei-annotate");
  return cli::run([&] {
    std::vector<std::string> inputs;
    std::string out_dir = ".", encoding, stages_arg, export_arg;
    unsigned jobs_n = std::max(1u, std::thread::hardware_concurrency());
    std::size_t max_size = cli::kDefaultMaxBytes;
    po::options_description opts(cli::tr("Options"));
    opts.add_options()
      ("help,h", cli::tr("show this help and exit").c_str())
      ("version", cli::tr("show the version and exit").c_str())
      ("output-dir,o", po::value(&out_dir)->value_name("DIR"), cli::tr("write one .tei.xml per input into DIR (default: .)").c_str())
      ("stages", po::value(&stages_arg)->value_name("LIST"), cli::tr("comma-separated stages to run (default: all; available: see --list-stages)").c_str())
      ("list-stages", cli::tr("list the stages and exit").c_str())
      ("export", po::value(&export_arg)->value_name("LIST"),
       cli::tr("also write hand-offs beside each .tei.xml (comma-separated: xliff, tbx, claims, html; see jatei-export)").c_str())
      ("jobs,j", po::value(&jobs_n)->value_name("N"), cli::tr("files processed at once (default: every core)").c_str())
      ("skip-existing", cli::tr("leave inputs whose output already exists (resume a batch)").c_str())
      ("encoding,e", po::value(&encoding)->value_name("NAME"), cli::tr("source encoding (default: detect per file)").c_str())
      ("replace-invalid", cli::tr("replace invalid bytes with U+FFFD instead of failing").c_str())
      ("quiet,q", cli::tr("no progress on standard error").c_str())
      ("max-size", po::value(&max_size)->value_name("BYTES"), cli::tr("refuse inputs larger than this").c_str());
    po::options_description hidden;
    hidden.add_options()("input", po::value(&inputs));
    po::positional_options_description pos;
    pos.add("input", -1);
    po::options_description all;
    all.add(opts).add(hidden);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
    if (cli::handle_common(vm, "jatei-annotate [OPTIONS] FILE|DIR...",
                           cli::tr("Runs the jatei stages in one process over files and folders (*.txt), "
                                   "writing one .tei.xml per input. A bad file is reported and the rest go on."),
                           opts))
      return 0;
    if (vm.count("list-stages")) {
      std::string out;
      for (auto& n : stage_names()) out += n + "\n";
      cli::write_output("-", out);
      return 0;
    }
    if (inputs.empty()) throw po::error(cli::tr("no input files or folders given"));
    std::vector<std::string> wanted;
    if (!stages_arg.empty()) {
      std::stringstream ss(stages_arg);
      std::string s;
      auto names = stage_names();
      while (std::getline(ss, s, ',')) {
        if (std::find(names.begin(), names.end(), s) == names.end())
          throw po::error(cli::tr("unknown stage: ") + s);
        wanted.push_back(s);
      }
    }
    std::vector<const Exporter*> exports;
    if (!export_arg.empty()) {
      std::stringstream ss(export_arg);
      for (std::string e; std::getline(ss, e, ',');) {
        const Exporter* x = find_exporter(e);
        if (!x) throw po::error(cli::tr("unknown exporter: ") + e + cli::tr(" (xliff, tbx, claims or html)"));
        exports.push_back(x);
      }
    }
    ExportOptions export_options;  // the exporters' defaults, with the team's termbase for term English
    if (!exports.empty()) export_options.termbases = terms::Annotator::default_instance().termbases();
    std::vector<Job> jobs;
    for (auto& in : inputs) {
      if (!fs::exists(in)) {
        cli::error(in, 0, 0, cli::tr("cannot open: no such file or directory"));
        return static_cast<int>(exit_noinput);
      }
      collect(in, out_dir, jobs);
    }
    std::atomic<std::size_t> next{0}, done{0}, failed{0};
    std::mutex io;
    bool progress = !vm.count("quiet") && isatty(2);
    auto worker = [&] {
      for (std::size_t k; (k = next++) < jobs.size();) {
        const Job& job = jobs[k];
        std::error_code exists_ec;
        if (vm.count("skip-existing") && fs::exists(job.output, exists_ec)) {
          ++done;
          continue;
        }
        std::ostringstream errs;
        int rc = cli::guard(job.input.string(), [&] {
          std::string bytes = cli::read_input(job.input.string(), max_size);
          DecodeOptions d;
          d.encoding = encoding;
          d.replace_invalid = vm.count("replace-invalid") > 0;
          Decoded decoded = decode(bytes, d);
          SegmentOptions so;
          so.source_name = job.input.filename().string();
          Document doc = segment(decoded, so);
          for (auto& stage : document_stages())
            if (wanted.empty() || std::find(wanted.begin(), wanted.end(), stage.name) != wanted.end()) stage.apply(doc);
          std::error_code ec;
          fs::create_directories(job.output.parent_path(), ec);
          if (ec)  // e.g. a file where a folder should be: report it, go on with the rest
            throw IoError(cli::tr("cannot create ") + job.output.parent_path().string() + ": " + ec.message(), exit_io);
          // Every output is made before any is written: a failing exporter leaves nothing behind.
          std::vector<std::pair<std::string, std::string>> files{{job.output.string(), tei::write(doc)}};
          std::string base = job.output.string();
          if (base.size() > 8 && base.compare(base.size() - 8, 8, ".tei.xml") == 0) base.resize(base.size() - 8);
          for (const Exporter* x : exports) files.emplace_back(base + x->extension(export_options), x->write(doc, export_options));
          for (auto& [path, data] : files) cli::write_output(path, data);
          return 0;
        });
        if (rc) ++failed;
        std::size_t d = ++done;
        if (progress) {
          std::lock_guard<std::mutex> lock(io);
          std::fprintf(stderr, "\r%zu/%zu", d, jobs.size());
        }
      }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < std::min<std::size_t>(jobs_n, jobs.size()); ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
    if (progress) std::fprintf(stderr, "\n");
    if (!vm.count("quiet"))
      std::fprintf(stderr, "%s: %zu %s, %zu %s\n", cli::program().c_str(), jobs.size() - failed.load(),
                   cli::tr("written").c_str(), failed.load(), cli::tr("failed").c_str());
    return failed ? static_cast<int>(exit_data) : 0;
  });
}
