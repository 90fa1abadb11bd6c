// The stage contract, and the stages jatei-annotate runs in one process, in order, on the
// document model (no XML between them). Segmentation (text -> Document) always comes first;
// the document stages (speakers, claims, terms) follow, each registered once in
// lib/src/core/pipeline.cpp.
//
// A stage declares the options it takes (data files and switches); a user's values for them
// make one StageConfig; `configure` reads the stage's data files once (DataError or IoError
// naming the file and line) and gives back what annotates documents, from any number of
// threads at once, with one --explain channel:
//
//   jatei::StageConfig config;
//   config.values["weights"] = {"my.weights"};            // as --weights my.weights
//   jatei::Pipeline p(config, {});                        // every stage; throws on bad data
//   jatei::Document doc = p.segment(decoded, so);         // so.rules is set from the config
//   p.annotate(doc, &std::cerr);                          // explain on std::cerr (or nullptr)
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/decode.hpp"
#include "jatei/document.hpp"
#include "jatei/rules.hpp"
#include "jatei/segment.hpp"

namespace jatei {

// An option a stage takes: `--name VALUE` (repeatable, values kept in order) or a switch
// (`value_name` empty). Two stages may take the same option (--rules): each reads its part.
struct StageOption {
  std::string name;        // without "--"
  std::string value_name;  // "FILE", "LIST"; empty for a switch
  std::string help;        // English; tools translate it
};

// What a user gave the stages: every option's values by name (a switch given has one empty
// value), whichever stage declared it.
struct StageConfig {
  std::map<std::string, std::vector<std::string>, std::less<>> values;
  const std::vector<std::string>& get(std::string_view option) const;
  bool has(std::string_view option) const { return values.count(option) > 0; }
};

// A configured stage: annotates in place and adds its <application>; when `explain` is set,
// writes there, one line per decision, why. Safe to call from several threads at once.
using StageRun = std::function<void(Document& doc, std::ostream* explain)>;

// A stage run over one document a few whole divisions at a time (issue 15: its memory is that of
// the part it holds, not of the document), giving the bytes its StageRun gives on the whole.
// One per document: it carries what a part leaves to the next.
struct StageParts {
  // The header, before any division: what the stage declares there (taxonomies, <application>).
  std::function<void(Document& doc)> header;
  // Whether the divisions held so far can be annotated without `next` and what follows it.
  std::function<bool(const Division& next)> cut_before;
  // Annotates the divisions of `part` (a Document with the header header() was given).
  std::function<void(Document& part)> annotate;
  // After the last part.
  std::function<void()> finish;
  // A stage that needs the whole document before it writes anything (terms: a gloss decides the
  // sense of a term met before it, the ids, the header's notes) is handed here every part of a
  // first read, before header() of the second; parts of the first read may be cut between any
  // two divisions. Empty: one read.
  std::function<void(Document& part)> survey{};
};
// What makes a StageParts for a document, --explain going to `explain` (or nowhere).
using StagePartsMaker = std::function<StageParts(std::ostream* explain)>;

struct Stage {
  std::string name;         // as given to --stages
  std::string description;
  std::vector<StageOption> options;
  // Reads the data files `config` names for this stage over the built-in ones.
  std::function<StageRun(const StageConfig& config)> configure;
  // The same for a stage that can run a few divisions at a time (empty: it cannot).
  std::function<StagePartsMaker(const StageConfig& config)> configure_parts{};
};

// Annotates the TEI document `xml` with `parts` and writes the result through `sink`: a few whole
// divisions at a time (read with tei::read_blocks, written with tei::StreamWriter, a part cut
// where the stage allows once it holds `part_bytes` of text; read twice for a stage with a
// survey), or, when the block reader does not
// take the document as a stream (tei::streams), read whole. Errors in the input come before
// anything is written. `xml` is left unspecified.
void annotate_parts(std::string&& xml, const std::string& origin, const StagePartsMaker& parts,
                    const std::function<void(std::string_view)>& sink, std::ostream* explain,
                    std::size_t part_bytes = std::size_t(256) << 10);

// The same over a document in memory (jatei-annotate's stages after the first): its divisions
// handed to the stage in the same parts, so that the stage holds what it makes of one part at a
// time, not of the whole; the same bytes as the StageRun.
void annotate_parts(Document& doc, const StagePartsMaker& parts, std::ostream* explain,
                    std::size_t part_bytes = std::size_t(256) << 10);

// A LIST option's value ("先生,サルくん"): the names separated by ',' 、 or ，, each trimmed of
// ASCII blanks; empty names are kept, so "a,,b" gives three and ",," three empty ones.
std::vector<std::string> split_names(std::string_view list);

// The registered document stages, in pipeline order.
const std::vector<Stage>& document_stages();

// The options of segmentation (--rules), which every pipeline runs first.
const std::vector<StageOption>& segment_options();

// Names accepted by jatei-annotate --stages: "segment" followed by the registered stages.
std::vector<std::string> stage_names();

// The cue lists of the --rules files of `config` that the rules `shape` has sections for, over
// `base`. Every section of every file must be one segment.rules or speakers.rules has
// (DataError naming the file and the section's line otherwise).
Rules rules_from(const StageConfig& config, const Rules& base);

// Segmentation and the wanted document stages (empty: all), configured once.
class Pipeline {
 public:
  Pipeline(const StageConfig& config, const std::vector<std::string>& wanted);
  // Segments with the configured rules (`options.rules` is set here).
  Document segment(const Decoded& text, SegmentOptions options) const;
  // Runs the configured document stages in order.
  void annotate(Document& doc, std::ostream* explain) const;

 private:
  std::shared_ptr<const Rules> rules_;
  std::vector<StageRun> runs_;
  std::vector<StagePartsMaker> parts_;  // by stage: a few divisions at a time when it can
};

}  // namespace jatei
