// The stage registry: one entry per document stage, each declaring its options and reading its
// data files from one StageConfig. A new stage is a folder under lib/src/ and one entry here.
#include "jatei/pipeline.hpp"

#include <algorithm>
#include <memory>
#include <sstream>

#include "core/data_files.hpp"
#include "jatei/claims.hpp"
#include "jatei/error.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tbx.hpp"
#include "jatei/terms.hpp"

// Marks the options' help for the message catalogue (po/ja.po); the tools translate it.
#define N_(english) english

namespace jatei {

std::vector<std::string> split_names(std::string_view list) {
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

namespace {

// load() on a data file; its DataError comes out with "PATH:LINE:COL: " in the message (the
// tools report configuration errors before any input, with no input name to put to them).
template <class F>
void located(const std::string& path, F&& load) {
  try {
    load();
  } catch (const DataError& e) {
    throw data::located(e, path);
  }
}

// The user's --rules files, parsed, each with its path.
std::vector<std::pair<std::string, Rules>> rules_files(const StageConfig& config) {
  std::vector<std::pair<std::string, Rules>> out;
  // Every section a --rules file may have: the segmentation's and the speaker stage's.
  Rules known = Rules::builtin();
  known.merge(SpeakerModel::builtin().cues());
  for (auto& path : config.get("rules"))
    located(path, [&] {
      Rules r = Rules::parse(data::read_file(path, "rules file"), path);
      r.check_sections(known);
      out.emplace_back(path, std::move(r));
    });
  return out;
}

StageRun configure_speakers(const StageConfig& config) {
  auto model = std::make_shared<SpeakerModel>(SpeakerModel::builtin());
  for (auto& path : config.get("weights"))
    located(path, [&] { model->merge_weights_file(path); });
  auto files = rules_files(config);
  auto segment_rules = std::make_shared<Rules>(Rules::builtin());
  for (auto& [path, r] : files) {
    model->merge_cues(r.select(model->cues()));
    segment_rules->merge(r.select(*segment_rules));
  }
  if (!files.empty()) model->set_segment_rules(segment_rules);
  SpeakerOptions base;
  if (config.has("names")) {
    for (auto& list : config.get("names")) {
      std::vector<std::string> names = split_names(list);
      base.names.insert(base.names.end(), names.begin(), names.end());
    }
  }
  return [model, base](Document& doc, std::ostream* explain) {
    SpeakerOptions o = base;
    o.model = model.get();
    o.explain = explain;
    annotate_speakers(doc, o);
  };
}

// The claims stage's lexicon and gazetteer: the built-in ones and the files `config` names.
struct ClaimsData {
  std::shared_ptr<claims::Lexicon> lexicon;
  std::shared_ptr<claims::Gazetteer> gazetteer;
  explicit ClaimsData(const StageConfig& config)
      : lexicon(std::make_shared<claims::Lexicon>(claims::Lexicon::builtin())),
        gazetteer(std::make_shared<claims::Gazetteer>(claims::Gazetteer::builtin())) {
    for (auto& path : config.get("lexicon"))
      located(path, [&] { lexicon->merge_file(path); });
    for (auto& path : config.get("gazetteer"))
      located(path, [&] { gazetteer->merge_file(path); });
  }
  claims::Options options(std::ostream* explain) const {
    claims::Options o;
    o.lexicon = lexicon.get();
    o.gazetteer = gazetteer.get();
    o.explain = explain;
    return o;
  }
};

StageRun configure_claims(const StageConfig& config) {
  return [data = ClaimsData(config)](Document& doc, std::ostream* explain) {
    claims::annotate(doc, data.options(explain));
  };
}

StagePartsMaker configure_claims_parts(const StageConfig& config) {
  return [data = ClaimsData(config)](std::ostream* explain) {
    // (the lexicon and gazetteer outlive the parts: each closure holds the data)
    auto p = std::make_shared<claims::Parts>(data.options(explain));
    StageParts s;
    s.header = [p, data](Document& doc) { p->header(doc); };
    s.cut_before = [p](const Division& d) { return p->cut_before(d); };
    s.annotate = [p](Document& part) { p->annotate(part); };
    s.finish = [p] { p->finish(); };
    return s;
  };
}

// The terms stage's annotator: the default termbase's, or one over the termbases `config` names.
std::shared_ptr<const terms::Annotator> terms_annotator(const StageConfig& config) {
  std::shared_ptr<const terms::Annotator> annotator;
  if (!config.has("termbase") && !config.has("no-default-termbase")) {
    // The team's termbase alone: the one loaded once for the process.
    annotator = std::shared_ptr<const terms::Annotator>(&terms::Annotator::default_instance(),
                                                        [](const terms::Annotator*) {});
  } else {
    std::vector<std::shared_ptr<const tbx::Termbase>> tbs;
    if (!config.has("no-default-termbase")) tbs = terms::Annotator::default_instance().termbases();
    for (auto& path : config.get("termbase"))
      located(path, [&] { tbs.push_back(std::make_shared<const tbx::Termbase>(tbx::read_file(path))); });
    annotator = std::make_shared<const terms::Annotator>(std::move(tbs));
  }
  return annotator;
}

void explain_terms(const terms::Report& r, std::ostream* explain) {
  if (!explain) return;
  for (auto& line : r.explanations) *explain << line << '\n';
  for (auto& inc : r.inconsistencies) *explain << "inconsistent terminology: " << inc.message() << '\n';
}

StageRun configure_terms(const StageConfig& config) {
  return [annotator = terms_annotator(config), gate = !config.has("every-term")](Document& doc, std::ostream* explain) {
    terms::Options o;
    o.explain = explain != nullptr;
    o.domain_gate = gate;
    explain_terms(annotator->annotate(doc, o), explain);
  };
}

// Read twice (a gloss decides the sense of a term met before it; the ids and the header's notes
// are the whole document's): terms::Annotator::Parts.
StagePartsMaker configure_terms_parts(const StageConfig& config) {
  return [annotator = terms_annotator(config), gate = !config.has("every-term")](std::ostream* explain) {
    terms::Options o;
    o.explain = explain != nullptr;
    o.domain_gate = gate;
    auto p = std::make_shared<terms::Annotator::Parts>(*annotator, o);
    StageParts s;
    s.survey = [p, annotator](Document& part) { p->survey(part); };
    s.header = [p](Document& doc) { p->header(doc); };
    s.cut_before = [](const Division&) { return true; };
    s.annotate = [p](Document& part) { p->annotate(part); };
    s.finish = [p, explain] { explain_terms(p->finish(), explain); };
    return s;
  };
}

}  // namespace

const std::vector<std::string>& StageConfig::get(std::string_view option) const {
  static const std::vector<std::string> none;
  auto it = values.find(option);
  return it == values.end() ? none : it->second;
}

const std::vector<StageOption>& segment_options() {
  static const std::vector<StageOption> options = {
      {"rules", "FILE",
       N_("add the cue lists of a rules file to the built-in ones; its sections go to the stages whose rules have "
       "them (segment.rules: segmentation, and the credits the speaker stage tells from labels; speakers.rules: the "
       "speaker stage); repeatable")},
  };
  return options;
}

const std::vector<Stage>& document_stages() {
  static const std::vector<Stage> stages = {
      // pipeline order: speakers, claims, terms
      {"speakers",
       "speaker turns: labels kept in <speaker>, unlabelled dialogue inferred, participants declared",
       {{"rules", "FILE",
         N_("add the cue lists of FILE to the built-in ones (the sections of speakers.rules, and [byline] and [caption] "
         "of segment.rules, the credits that are no speaker labels; repeatable)")},
        {"weights", "FILE", N_("read weights from FILE over the built-in ones (format of speakers.weights)")},
        {"names", "LIST",
         N_("comma-separated names for the participants in order of first speaking (e.g. 先生,サルくん); a short unlabelled text that reads like a dialogue is then taken as one")}},
       configure_speakers},
      {"claims", "factuality of every sentence, its cue, dates, numbers and names",
       {{"lexicon", "FILE",
         N_("add the cues and words of FILE (cues.tsv or categories.tsv format) to the built-in lexicon (repeatable)")},
        {"gazetteer", "FILE", N_("add the names of FILE (names.tsv format) to the built-in gazetteer (repeatable)")}},
       configure_claims, configure_claims_parts},
      {"terms", "termbase terms (<term ref>) and the glosses the article gives itself (<gloss target>)",
       {{"termbase", "FILE",
         N_("add a termbase (TBX 2019 or TBX 2008); repeatable; a later termbase's entry replaces an earlier one's for "
         "the same Japanese term")},
        {"no-default-termbase", "", N_("do not load the team's termbase (use only --termbase files)")},
        {"every-term", "",
         N_("mark every termbase match, also a short everyday word (学習, 訓練) in a document with no other term of its termbase")}},
       configure_terms, configure_terms_parts},
  };
  return stages;
}

std::vector<std::string> stage_names() {
  std::vector<std::string> names{"segment"};
  for (auto& s : document_stages()) names.push_back(s.name);
  return names;
}

Rules rules_from(const StageConfig& config, const Rules& base) {
  Rules out = base;
  for (auto& [path, r] : rules_files(config)) out.merge(r.select(base));
  return out;
}

Pipeline::Pipeline(const StageConfig& config, const std::vector<std::string>& wanted)
    : rules_(std::make_shared<const Rules>(rules_from(config, Rules::builtin()))) {
  for (auto& stage : document_stages())
    if (wanted.empty() || std::find(wanted.begin(), wanted.end(), stage.name) != wanted.end()) {
      // Claims runs a few divisions at a time (the same bytes; what it makes of the sentences
      // held for one part, not the whole: jatei-annotate's peak on 10 MB of text 289 -> 243 MB,
      // processor time 5.2 -> 5.8 s). Terms stays whole: in memory its first read would survey a
      // copy of every part, and the pipeline took 7.0 s with both.
      const bool in_parts = stage.configure_parts && stage.name == "claims";
      parts_.push_back(in_parts ? stage.configure_parts(config) : StagePartsMaker{});
      runs_.push_back(parts_.back() ? StageRun{} : stage.configure(config));
    }
}

Document Pipeline::segment(const Decoded& text, SegmentOptions options) const {
  options.rules = rules_.get();
  return jatei::segment(text, options);
}

void Pipeline::annotate(Document& doc, std::ostream* explain) const {
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    if (parts_[i]) annotate_parts(doc, parts_[i], explain);
    else runs_[i](doc, explain);
  }
}

}  // namespace jatei
