// jatei-annotate: every stage in one process over files or folders, one .tei.xml per input.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <charconv>
#include <filesystem>
#include <map>
#include <memory>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "cli.hpp"
#include "manifest.hpp"
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

// The worst of two exit statuses: an internal error (70) before an I/O error (74), before an
// input that cannot be opened (66), before bad data (65).
int worse(int a, int b) {
  auto rank = [](int rc) {
    switch (rc) {
      case 0: return 0;
      case exit_data: return 1;
      case exit_noinput: return 2;
      case exit_io: return 3;
      default: return 4;
    }
  };
  return rank(b) > rank(a) ? b : a;
}

// What a folder's files are taken as text by: .txt or .text, in any case (Windows writes .TXT).
// Not .md: an archive's README.md is about the folder, not an article (name one to annotate it).
bool text_file_name(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return ext == ".txt" || ext == ".text";
}

// The text files under `dir` (text_file_name), sorted, each with its path relative to `dir`;
// `others` holds the other files left out. A folder that cannot be read is reported (exit 66)
// and left out, and the walk goes on with the rest. Links to folders are not followed (no
// cycles); links to files are.
void walk(const fs::path& dir, std::vector<fs::path>& files, std::vector<fs::path>& others, int& status) {
  std::vector<fs::path> pending{dir};
  while (!pending.empty()) {
    fs::path d = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(d, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code kind_ec;
      if (it->is_directory(kind_ec) && !it->is_symlink(kind_ec)) {
        pending.push_back(it->path());
      } else if (it->is_regular_file(kind_ec)) {
        if (text_file_name(it->path())) files.push_back(it->path());
        else others.push_back(it->path());
      }
    }
    if (ec) {
      cli::error(d.string(), 0, 0, cli::tr("cannot open folder: {1}", {ec.message()}));
      status = worse(status, exit_noinput);
    }
  }
  std::sort(files.begin(), files.end());
}

void collect(const fs::path& p, const fs::path& out_dir, bool quiet, std::vector<Job>& jobs, int& status) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> files, others;
    walk(p, files, others, status);
    // The files left out, named (the first three, sorted, under the folder given).
    std::sort(others.begin(), others.end());
    std::string named;
    for (std::size_t k = 0; k < others.size() && k < 3; ++k)
      named += (k ? ", " : "") + others[k].lexically_relative(p).string();
    if (others.size() > 3) named += ", …";
    // A folder with nothing to annotate is an input missing, not a run that did nothing.
    if (files.empty()) {
      cli::error(p.string(), 0, 0,
                 cli::tr("no text file in this folder (*.txt, *.text); {1} other file(s) left out",
                         {std::to_string(others.size())}));
      status = worse(status, exit_noinput);
    } else if (!others.empty() && !quiet) {
      cli::error(p.string(), 0, 0,
                 cli::tr("{1} file(s) left out, not text (*.txt, *.text): {2}", {std::to_string(others.size()), named}));
    }
    for (auto& f : files) {
      fs::path rel = f.lexically_relative(p);
      jobs.push_back({f, out_dir / rel.replace_extension(".tei.xml")});
    }
  } else {
    fs::path name = p.filename();
    jobs.push_back({p, out_dir / name.replace_extension(".tei.xml")});
  }
}

// Two different inputs that would write the same output: said before any work is done (the
// second would silently replace the first). The same file named twice is done once.
bool refuse_collisions(std::vector<Job>& jobs) {
  std::map<std::string, std::size_t> by_output;
  std::vector<Job> kept;
  bool clash = false;
  for (auto& job : jobs) {
    std::string key = job.output.lexically_normal().string();
    auto [it, inserted] = by_output.emplace(key, kept.size());
    if (inserted) {
      kept.push_back(job);
      continue;
    }
    const Job& first = kept[it->second];
    std::error_code ec;
    if (first.input == job.input || fs::equivalent(first.input, job.input, ec)) continue;
    cli::error(job.input.string(), 0, 0,
               cli::tr("would write {1}, as {2} does: give the folder above both (its tree is mirrored under -o) or "
                       "annotate them in separate runs",
                       {job.output.string(), first.input.string()}));
    clash = true;
  }
  jobs = std::move(kept);
  return !clash;
}

// -j N: a whole number; 0 means every core.
unsigned parse_jobs(const std::string& s) {
  unsigned n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || s[0] < '0' || s[0] > '9' || ec != std::errc() || end != s.data() + s.size())
    throw po::invalid_option_value(s);
  return n ? n : std::max(1u, std::thread::hardware_concurrency());
}

// --shard K/N: the K-th of N shares (1 <= K <= N) of the sorted input list.
std::pair<std::size_t, std::size_t> parse_shard(const std::string& s) {
  std::size_t slash = s.find('/');
  auto num = [&](std::string_view t) {
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (t.empty() || t[0] < '0' || t[0] > '9' || ec != std::errc() || end != t.data() + t.size())
      throw po::invalid_option_value(s);
    return n;
  };
  if (slash == std::string::npos) throw po::invalid_option_value(s);
  std::size_t k = num(std::string_view(s).substr(0, slash)), n = num(std::string_view(s).substr(slash + 1));
  if (n == 0 || k == 0 || k > n) throw po::invalid_option_value(s);
  return {k, n};
}

// --merge-manifests OUT M...: the last record of each input over all manifests (a later
// manifest wins), written sorted by input; the summary of the merged records.
int merge_manifests(const std::string& out, const std::vector<std::string>& manifests, const std::string& summary_path,
                    bool quiet) {
  std::map<std::string, manifest::Record> merged;
  int status = 0;
  for (auto& m : manifests) {
    std::error_code ec;
    if (!fs::exists(m, ec)) throw IoError(m + ": " + cli::tr("cannot open: no such file or directory"), exit_noinput);
    for (auto& r : manifest::read(m)) merged[r.input] = std::move(r);
  }
  std::string text;
  manifest::Summary summary;
  for (auto& [input, r] : merged) {
    text += manifest::to_json(r) + "\n";
    summary.add(r);
    if (r.status == "failed") status = worse(status, r.exit ? r.exit : static_cast<int>(exit_software));
  }
  cli::write_output(out, text);
  if (!summary_path.empty()) cli::write_output(summary_path, summary.to_json());
  if (!quiet) std::fputs(summary.to_text().c_str(), stderr);
  return status;
}

// What the command line asked for, beyond each stage's own options.
struct Settings {
  std::vector<std::string> inputs;
  std::string out_dir = ".", encoding, stages_arg, export_arg, jobs_arg = "0";
  std::string manifest_path, summary_path, shard_arg, merge_out;
  std::size_t max_size = cli::kDefaultMaxBytes;
  std::vector<StageOption> stage_options;  // segmentation's first, then each stage's
  bool quiet = false, explain = false, skip_existing = false, replace_invalid = false;
  bool names_given = false;  // --names: a document without dialogue is said
};

po::options_description describe_options(Settings& s) {
  po::options_description opts(cli::tr("Options"));
  opts.add_options()
    ("help,h", cli::tr("show this help and exit").c_str())
    ("version", cli::tr("show the version and exit").c_str())
    ("output-dir,o", po::value(&s.out_dir)->value_name("DIR"), cli::tr("write one .tei.xml per input into DIR (default: .)").c_str())
    ("stages", po::value(&s.stages_arg)->value_name("LIST"), cli::tr("comma-separated stages to run (default: all; available: see --list-stages)").c_str())
    ("list-stages", cli::tr("list the stages and exit").c_str())
    ("export", po::value(&s.export_arg)->value_name("LIST"),
     cli::tr("also write hand-offs beside each .tei.xml (comma-separated: xliff, tbx, claims, html; see jatei-export)").c_str())
    ("jobs,j", po::value(&s.jobs_arg)->value_name("N"), cli::tr("files processed at once (default, and 0: every core)").c_str())
    ("skip-existing", cli::tr("leave inputs whose output already exists (resume a batch); with --manifest, "
                              "an input whose SHA-256 differs from its record is done again").c_str())
    ("manifest", po::value(&s.manifest_path)->value_name("FILE"),
     cli::tr("append one JSON line per input to FILE as each ends (input, output, sha256, status, exit, error, "
             "seconds, bytes, counts per stage); a rerun with the same FILE leaves the inputs recorded done "
             "whose output is there and whose SHA-256 is unchanged").c_str())
    ("summary", po::value(&s.summary_path)->value_name("FILE"),
     cli::tr("write the corpus summary (documents, sentences, claims by class, participants, terms) as JSON "
             "to FILE; without -q it is also printed on standard error").c_str())
    ("shard", po::value(&s.shard_arg)->value_name("K/N"),
     cli::tr("do only the K-th of N shares of the sorted input list (inputs number i = K, K+N, K+2N...; "
             "1 <= K <= N): N runs anywhere, one per K, do every input once").c_str())
    ("merge-manifests", po::value(&s.merge_out)->value_name("OUT"),
     cli::tr("merge the manifests given as arguments (e.g. one per shard; a later one wins for the same "
             "input) into OUT, sorted by input, and give their summary (--summary); no annotation is done; "
             "exits with the most severe status recorded").c_str())
    ("encoding,e", po::value(&s.encoding)->value_name("NAME"), cli::tr("source encoding (default: detect per file)").c_str())
    ("replace-invalid", cli::tr("replace invalid bytes with U+FFFD instead of failing").c_str())
    ("quiet,q", cli::tr("no progress on standard error").c_str())
    ("explain", cli::tr("say on standard error, each line after the input's name, why every stage decided as it did").c_str());
  s.stage_options = segment_options();
  for (auto& stage : document_stages())
    s.stage_options.insert(s.stage_options.end(), stage.options.begin(), stage.options.end());
  po::options_description data_opts(cli::tr("Stage options"));
  cli::add_stage_options(data_opts, s.stage_options);
  opts.add(data_opts);
  cli::add_max_size(opts, s.max_size);
  return opts;
}

// An option's value parsed by `parse`; a bad value is a usage error naming the option.
template <class F>
auto parse_option(const char* name, F&& parse) -> decltype(parse()) {
  try {
    return parse();
  } catch (po::error_with_option_name& e) {
    e.set_option_name(name);
    throw;
  }
}

// --stages a,b: the stages to run, each one known (empty: all).
std::vector<std::string> parse_stages(const std::string& arg) {
  std::vector<std::string> wanted;
  if (arg.empty()) return wanted;
  std::stringstream ss(arg);
  std::string s;
  auto names = stage_names();
  while (std::getline(ss, s, ',')) {
    if (std::find(names.begin(), names.end(), s) == names.end()) throw po::error(cli::tr("unknown stage: {1}", {s}));
    wanted.push_back(s);
  }
  return wanted;
}

// --export xliff,html: the exporters, each one known.
std::vector<const Exporter*> parse_exports(const std::string& arg) {
  std::vector<const Exporter*> exports;
  if (arg.empty()) return exports;
  std::stringstream ss(arg);
  for (std::string e; std::getline(ss, e, ',');) {
    const Exporter* x = find_exporter(e);
    if (!x) throw po::error(cli::tr("unknown exporter: {1} (xliff, tbx, claims or html)", {e}));
    exports.push_back(x);
  }
  return exports;
}

// Every input looked at, and every output named, before any work: an input that is not there
// or a folder that cannot be read is reported (status, unreadable) and the rest go on; two
// inputs that would write one output stop the run (nullopt) before anything is written. With
// --shard, only this shard's share of the sorted list.
std::optional<std::vector<Job>> gather_jobs(const Settings& s, std::pair<std::size_t, std::size_t> shard, int& status,
                                            std::size_t& unreadable) {
  std::vector<Job> jobs;
  for (auto& in : s.inputs) {
    std::error_code ec;
    if (!fs::exists(in, ec)) {
      cli::error(in, 0, 0, cli::tr("cannot open: no such file or directory"));
      status = worse(status, exit_noinput);
      ++unreadable;
      continue;
    }
    int before = status;
    collect(in, s.out_dir, s.quiet, jobs, status);
    if (status != before) ++unreadable;
  }
  if (!refuse_collisions(jobs)) return std::nullopt;
  if (!s.shard_arg.empty()) {  // every shard sees the same sorted list and keeps its own share
    std::stable_sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.input < b.input; });
    std::vector<Job> mine;
    for (std::size_t i = shard.first - 1; i < jobs.size(); i += shard.second) mine.push_back(jobs[i]);
    jobs = std::move(mine);
  }
  return jobs;
}

// One run over the jobs: the workers take the next job from a shared counter; each job's
// failure is reported with its own exit status and recorded, and the rest go on.
class Batch {
 public:
  Batch(const Settings& s, const Pipeline& pipeline, std::vector<std::string> stages_run,
        std::vector<const Exporter*> exports)
      : s_(s), pipeline_(pipeline), stages_run_(std::move(stages_run)), exports_(std::move(exports)) {
    if (!exports_.empty()) export_options_.termbases = terms::Annotator::default_instance().termbases();
    progress_ = !s_.quiet && isatty(2);
  }

  // What an earlier run with the manifest did, by input, and the manifest opened to append.
  void open_manifest() {
    for (auto& r : manifest::read(s_.manifest_path)) before_[r.input] = std::move(r);
    record_ = std::make_unique<manifest::Writer>(s_.manifest_path);
  }

  // Runs every job on `threads` workers; the most severe exit status of the jobs.
  int run(const std::vector<Job>& jobs, unsigned threads) {
    jobs_ = &jobs;
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < std::min<std::size_t>(threads, jobs.size()); ++t) pool.emplace_back([this] { work(); });
    for (auto& t : pool) t.join();
    if (progress_) std::fprintf(stderr, "\n");
    return status_;
  }

  // The summary to --summary, the counts and the summary on standard error (without -q).
  int report(std::size_t unreadable) const {
    int status = 0;
    if (!s_.summary_path.empty()) {
      status = cli::guard(s_.summary_path, [&] {
        cli::write_output(s_.summary_path, summary_.to_json());
        return 0;
      });
    }
    if (!s_.quiet) {
      const std::string written = std::to_string(jobs_->size() - failed_.load() - kept_.load());
      const std::string failures = std::to_string(failed_.load() + unreadable);
      const std::string line = kept_ ? cli::tr("{1} written, {2} failed, {3} kept (done before, unchanged)",
                                               {written, failures, std::to_string(kept_.load())})
                                     : cli::tr("{1} written, {2} failed", {written, failures});
      std::fprintf(stderr, "%s: %s\n", cli::program().c_str(), line.c_str());
    }
    if (!s_.quiet && (record_ || !s_.summary_path.empty())) std::fputs(summary_.to_text().c_str(), stderr);
    return status;
  }

 private:
  const Settings& s_;
  const Pipeline& pipeline_;
  std::vector<std::string> stages_run_;
  std::vector<const Exporter*> exports_;
  ExportOptions export_options_;  // the exporters' defaults, with the team's termbase for term English
  std::map<std::string, manifest::Record> before_;
  std::unique_ptr<manifest::Writer> record_;
  const std::vector<Job>* jobs_ = nullptr;
  manifest::Summary summary_;
  std::mutex summary_mutex_, io_;
  std::atomic<std::size_t> next_{0}, done_{0}, failed_{0}, kept_{0};
  int status_ = 0;
  bool progress_ = false;

  void work() {
    for (std::size_t k; (k = next_++) < jobs_->size();) process((*jobs_)[k]);
  }

  // One input through every stage, its outputs written only when all are made.
  int annotate_one(const Job& job, std::string bytes, manifest::Record& rec) {
    DecodeOptions d;
    d.encoding = s_.encoding;
    d.replace_invalid = s_.replace_invalid;
    Document doc;
    {
      Decoded decoded = decode(bytes, d);
      SegmentOptions so;
      so.source_name = job.input.filename().string();
      doc = pipeline_.segment(decoded, so);
    }
    std::string().swap(bytes);  // the input and its decoded text let go once segmented
    std::ostringstream why;
    pipeline_.annotate(doc, s_.explain ? &why : nullptr);
    if (s_.names_given) {
      std::lock_guard<std::mutex> lock(io_);
      cli::say_if_no_dialogue(doc, job.input.string());
    }
    if (s_.explain) {  // one input's lines together, each after its name
      std::string lines, prefix = job.input.string() + ": ";
      std::istringstream in(why.str());
      for (std::string line; std::getline(in, line);) lines += prefix + line + "\n";
      std::lock_guard<std::mutex> lock(io_);
      std::fputs(lines.c_str(), stderr);
    }
    rec.counts = manifest::count(doc, stages_run_);
    std::error_code ec;
    fs::create_directories(job.output.parent_path(), ec);
    if (ec)  // e.g. a file where a folder should be: report it, go on with the rest
      throw IoError(cli::tr("cannot create {1}: {2}", {job.output.parent_path().string(), ec.message()}), exit_io);
    // Every export is made before any output is written: a failing exporter leaves nothing
    // behind. The TEI is written a piece at a time (never the whole serialisation in memory).
    std::vector<std::pair<std::string, std::string>> files;
    std::string base = job.output.string();
    if (base.size() > 8 && base.compare(base.size() - 8, 8, ".tei.xml") == 0) base.resize(base.size() - 8);
    for (const Exporter* x : exports_) files.emplace_back(base + x->extension(export_options_), x->write(doc, export_options_));
    cli::write_tei(job.output.string(), doc);
    for (auto& [path, data] : files) cli::write_output(path, data);
    return 0;
  }

  // The job read, compared with its record, and annotated unless it was done before and is
  // unchanged (kept); the exit status, 0 when kept.
  int read_and_annotate(const Job& job, manifest::Record& rec, bool exists, bool& kept) {
    auto prev = before_.find(rec.input);
    bool known = prev != before_.end() && prev->second.output == rec.output &&
                 (prev->second.status == "ok" || prev->second.status == "skipped");
    std::string bytes = cli::read_input(job.input.string(), s_.max_size);
    rec.bytes = bytes.size();
    cli::refuse_empty_text(bytes);
    if (record_) rec.sha256 = sha256_hex(bytes);
    if (exists && known && prev->second.sha256 == rec.sha256) {
      kept = true;  // done before and unchanged
      return 0;
    }
    if (exists && s_.skip_existing && prev == before_.end()) {
      kept = true;  // an output from a run without the manifest: kept, now recorded
      rec.status = "skipped";
      record_->append(rec);
      return 0;
    }
    return annotate_one(job, std::move(bytes), rec);
  }

  void process(const Job& job) {
    auto start = std::chrono::steady_clock::now();
    manifest::Record rec;
    rec.input = job.input.string();
    rec.output = job.output.string();
    auto fail = [&](int code, const std::string& where, std::size_t line, std::size_t col, const std::string& msg) {
      cli::error(where, line, col, msg);
      rec.exit = code;
      rec.error = msg;
      if (line) rec.error = std::to_string(line) + (col ? ":" + std::to_string(col) : "") + ": " + msg;
      return code;
    };
    std::error_code exists_ec;
    bool exists = fs::exists(job.output, exists_ec);
    // Without a manifest --skip-existing trusts the output; with one, the input is read (its
    // SHA-256 against its record) unless nothing was recorded for it.
    if (exists && s_.skip_existing && !record_) {
      ++done_;
      return;
    }
    int rc = 0;
    bool kept = false;
    try {
      rc = read_and_annotate(job, rec, exists, kept);
    } catch (const DataError& e) {
      rc = fail(exit_data, job.input.string(), e.line(), e.column(), cli::message_of(e));
    } catch (const IoError& e) {
      rc = fail(e.exit_code(), job.input.string(), 0, 0, e.what());
    } catch (const std::bad_alloc&) {
      rc = fail(exit_software, job.input.string(), 0, 0, cli::tr("out of memory"));
    } catch (const std::exception& e) {  // a bug: said, and the other files go on
      rc = fail(exit_software, job.input.string(), 0, 0, cli::tr("internal error: {1}", {e.what()}));
    }
    if (kept) {
      ++kept_;
      manifest::Record old = rec.status == "skipped" ? rec : before_.find(rec.input)->second;
      old.status = "skipped";
      std::lock_guard<std::mutex> lock(summary_mutex_);
      summary_.add(old);
    } else {
      rc = finish(rec, rc, start);
    }
    if (rc) {
      ++failed_;
      std::lock_guard<std::mutex> lock(io_);
      status_ = worse(status_, rc);
    }
    std::size_t d = ++done_;
    if (progress_) {
      std::lock_guard<std::mutex> lock(io_);
      std::fprintf(stderr, "\r%zu/%zu", d, jobs_->size());
    }
  }

  // A job done or failed: its record appended to the manifest and added to the summary; the
  // exit status, worse when the manifest cannot be written.
  int finish(manifest::Record& rec, int rc, std::chrono::steady_clock::time_point start) {
    rec.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rec.status = rc ? "failed" : "ok";
    if (rc) {
      rec.exit = rc;
      rec.counts.clear();
    }
    if (record_) {
      try {
        record_->append(rec);
      } catch (const IoError& e) {
        cli::error(s_.manifest_path, 0, 0, e.what());
        rc = worse(rc, exit_io);
      }
    }
    std::lock_guard<std::mutex> lock(summary_mutex_);
    summary_.add(rec);
    return rc;
  }
};

// `-`: standard input annotated alone, its TEI on standard output, as the one-stage tools do
// (`cat a.txt | jatei-annotate - | jatei-export html`); nothing is written when it fails.
int annotate_stdin(const Settings& s, const Pipeline& pipeline) {
  return cli::guard("-", [&] {
    std::string bytes = cli::read_input("-", s.max_size);
    cli::refuse_empty_text(bytes);
    DecodeOptions d;
    d.encoding = s.encoding;
    d.replace_invalid = s.replace_invalid;
    Decoded decoded = decode(bytes, d);
    if (decoded.replaced)
      cli::error("<stdin>", 0, 0,
                 cli::tr("warning: replaced {1} invalid sequences with U+FFFD", {std::to_string(decoded.replaced)}));
    SegmentOptions so;
    so.source_name = "-";
    Document doc = pipeline.segment(decoded, so);
    std::ostringstream why;
    pipeline.annotate(doc, s.explain ? &why : nullptr);
    if (s.explain) std::fputs(why.str().c_str(), stderr);
    if (s.names_given) cli::say_if_no_dialogue(doc, "<stdin>");
    cli::write_tei("-", doc);
    return 0;
  });
}

}  // namespace

int main(int argc, char** argv) {
  cli::init("jatei-annotate");
  return cli::run([&] {
    Settings s;
    po::options_description opts = describe_options(s);
    po::options_description hidden;
    hidden.add_options()("input", po::value(&s.inputs));
    po::positional_options_description pos;
    pos.add("input", -1);
    po::options_description all;
    all.add(opts).add(hidden);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
    if (cli::handle_common(vm, "jatei-annotate [OPTIONS] FILE|DIR...|-",
                           cli::tr("Runs the jatei stages in one process over files and folders (a folder's *.txt and "
                                   "*.text, in any case), writing one .tei.xml per input; a folder's tree is mirrored under DIR, "
                                   "and a folder with no text file is exit 66. Two inputs that would write the same output are refused before any work (exit 64). A file "
                                   "that fails, or a folder that cannot be read, is reported with its own exit status "
                                   "and the rest go on; the run exits with the most severe (70, then 74, 66, 65). - alone reads "
                                   "standard input and writes its TEI to standard output."),
                           opts))
      return 0;
    if (vm.count("list-stages")) {
      std::string out;
      for (auto& n : stage_names()) out += n + "\n";
      cli::write_output("-", out);
      return 0;
    }
    s.quiet = vm.count("quiet") > 0;
    s.explain = vm.count("explain") > 0;
    s.skip_existing = vm.count("skip-existing") > 0;
    s.replace_invalid = vm.count("replace-invalid") > 0;
    if (s.inputs.empty()) throw po::error(cli::tr("no input files or folders given"));
    cli::check_encoding(s.encoding);
    if (!s.merge_out.empty()) {
      if (!s.shard_arg.empty() || !s.manifest_path.empty())
        throw po::error(cli::tr("--merge-manifests takes manifests as arguments, not --shard or --manifest"));
      return merge_manifests(s.merge_out, s.inputs, s.summary_path, s.quiet);
    }
    bool from_stdin = std::find(s.inputs.begin(), s.inputs.end(), "-") != s.inputs.end();
    if (from_stdin && (s.inputs.size() > 1 || vm.count("output-dir") > 0 || !s.manifest_path.empty() ||
                       !s.summary_path.empty() || !s.shard_arg.empty() || !s.export_arg.empty() || s.skip_existing))
      throw po::error(cli::tr("- (standard input) is annotated alone, its TEI on standard output: not with other "
                              "inputs, -o, --manifest, --summary, --shard, --export or --skip-existing"));
    std::pair<std::size_t, std::size_t> shard{1, 1};
    if (!s.shard_arg.empty()) shard = parse_option("--shard", [&] { return parse_shard(s.shard_arg); });
    unsigned jobs_n = parse_option("--jobs", [&] { return parse_jobs(s.jobs_arg); });
    std::vector<std::string> wanted = parse_stages(s.stages_arg);
    std::vector<const Exporter*> exports = parse_exports(s.export_arg);
    // Every stage configured once, its data files read before any input (a bad one: exit 65
    // naming the file and line, a missing one: 66).
    std::unique_ptr<Pipeline> pipeline;
    if (int rc = cli::guard("", [&] {
          pipeline = std::make_unique<Pipeline>(cli::stage_config(vm, s.stage_options), wanted);
          s.names_given = vm.count("names") > 0 &&
                          (wanted.empty() || std::find(wanted.begin(), wanted.end(), "speakers") != wanted.end());
          return 0;
        }))
      return rc;
    if (from_stdin) return annotate_stdin(s, *pipeline);
    int status = 0;
    std::size_t unreadable = 0;
    auto jobs = gather_jobs(s, shard, status, unreadable);
    if (!jobs) return static_cast<int>(exit_usage);
    std::vector<std::string> stages_run{"segment"};
    for (auto& stage : document_stages())
      if (wanted.empty() || std::find(wanted.begin(), wanted.end(), stage.name) != wanted.end())
        stages_run.push_back(stage.name);
    Batch batch(s, *pipeline, std::move(stages_run), std::move(exports));
    if (!s.manifest_path.empty()) {
      if (int rc = cli::guard(s.manifest_path, [&] {
            batch.open_manifest();
            return 0;
          }))
        return rc;
    }
    status = worse(status, batch.run(*jobs, jobs_n));
    status = worse(status, batch.report(unreadable));
    return status;
  });
}
