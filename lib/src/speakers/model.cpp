// The speaker model: weights (speakers.weights) and cue lists (speakers.rules), read, merged
// and prepared for matching.
#include "speakers/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "core/data_files.hpp"
#include "jatei/error.hpp"
#include "jatei/text.hpp"

namespace jatei {

// Generated at build time from lib/data/speakers.{rules,weights} (see lib/CMakeLists.txt).
extern const char kSpeakersRules[];
extern const std::size_t kSpeakersRulesSize;
extern const char kSpeakersWeights[];
extern const std::size_t kSpeakersWeightsSize;

namespace speakers {

CueList::CueList(const std::vector<RuleEntry>& entries) {
  for (auto& e : entries) {
    if (e.pattern.find_first_of("*#") != std::string::npos) patterns_.push_back(e);
    else literal_.push_back({e.pattern, e.weak});
  }
  std::stable_sort(literal_.begin(), literal_.end(),
                   [](const Entry& a, const Entry& b) { return a.text.size() > b.text.size(); });
  first_bmp_.assign(0x10000, false);
  last_bmp_.assign(0x10000, false);
  for (std::size_t k = 0; k < literal_.size(); ++k) {
    const std::string& t = literal_[k].text;
    if (t.empty()) continue;
    char32_t f = text::at(t, 0), l = text::before(t, t.size());
    by_first_[f].push_back(k);
    by_last_[l].push_back(k);
    if (f < 0x10000) first_bmp_[f] = true;
    if (l < 0x10000) last_bmp_[l] = true;
  }
}

const std::vector<std::size_t>* CueList::starting(char32_t c) const {
  if (c < 0x10000 && (first_bmp_.empty() || !first_bmp_[c])) return nullptr;
  auto it = by_first_.find(c);
  return it == by_first_.end() ? nullptr : &it->second;
}

std::size_t CueList::prefix(std::string_view t, bool* weak) const {
  std::size_t best = 0;
  if (!t.empty())
    if (auto* ks = starting(text::at(t, 0)))
      for (std::size_t k : *ks)
        if (t.substr(0, literal_[k].text.size()) == literal_[k].text) {
          if (weak) *weak = literal_[k].weak;
          best = literal_[k].text.size();
          break;
        }
  for (auto& p : patterns_) {
    std::size_t n = glob_prefix(p.pattern, t);
    if (n != std::string_view::npos && n > best) {
      best = n;
      if (weak) *weak = p.weak;
    }
  }
  return best;
}

std::size_t CueList::suffix(std::string_view t, bool* weak) const {
  if (t.empty()) return 0;
  char32_t c = text::before(t, t.size());
  if (c < 0x10000 && (last_bmp_.empty() || !last_bmp_[c])) return 0;
  auto it = by_last_.find(c);
  if (it == by_last_.end()) return 0;
  for (std::size_t k : it->second) {
    const Entry& e = literal_[k];
    if (t.size() >= e.text.size() && t.substr(t.size() - e.text.size()) == e.text) {
      if (weak) *weak = e.weak;
      return e.text.size();
    }
  }
  return 0;
}

bool CueList::whole(std::string_view t) const {
  for (auto& e : literal_)
    if (t == e.text) return true;
  for (auto& p : patterns_)
    if (glob_match(p.pattern, t)) return true;
  return false;
}

bool CueList::contains(std::string_view t, std::size_t* at) const {
  for (std::size_t i = 0; i < t.size(); i = text::next(t, i))
    if (auto* ks = starting(text::at(t, i)))
      for (std::size_t k : *ks)
        if (t.substr(i, literal_[k].text.size()) == literal_[k].text) {
          if (at) *at = i;
          return true;
        }
  return false;
}

}  // namespace speakers

const speakers::CueList& SpeakerModel::Compiled::operator[](std::string_view name) const {
  static const speakers::CueList empty;
  auto it = lists.find(name);
  return it == lists.end() ? empty : it->second;
}

std::string SpeakerModel::Compiled::role_for(std::string_view name) const {
  auto it = roles.find(name);
  return it == roles.end() ? std::string() : it->second;
}

namespace {

// `[section]` headers and `name value` lines; with `define` every name is new, otherwise each
// must be one the compiled-in file defines (a typo is an error, not a silent no-op).
void parse_weights(std::string_view text, const std::string& origin, std::map<std::string, double, std::less<>>& w,
                   bool define) {
  std::string section;
  data::for_each_line(text, [&](std::string_view line, std::size_t line_no) {
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = data::trim(line);
    if (!line.empty()) {
      if (line.front() == '[') {
        if (line.back() != ']' || line.size() < 3)
          throw DataError(origin + ": malformed section header '" + std::string(line) + "'", line_no, 1);
        section = std::string(line.substr(1, line.size() - 2));
      } else {
        std::size_t sp = line.find_first_of(" \t");
        if (sp == std::string_view::npos)
          throw DataError(origin + ": expected 'name value', got '" + std::string(line) + "'", line_no, 1);
        std::string name(line.substr(0, sp));
        std::string value(data::trim(line.substr(sp)));
        if (section.empty()) throw DataError(origin + ": weight '" + name + "' before any [section]", line_no, 1);
        char* end = nullptr;
        double v = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(v))
          throw DataError(origin + ": '" + value + "' is not a number", line_no, sp + 2);
        std::string key = section + "." + name;
        if (!define && w.find(key) == w.end()) throw DataError(origin + ": unknown weight '" + key + "'", line_no, 1);
        w[key] = v;
      }
    }
  });
}

}  // namespace

void SpeakerModel::compile() {
  auto c = std::make_shared<Compiled>();
  // Every section of speakers.rules the stage reads (see the file for what each one holds).
  static const char* const kSections[] = {
      "label-stop", "tag-stop", "roles", "role-word", "same-voice", "interviewer-byline", "interviewer-cue",
      "interviewee-cue", "note", "reaction", "greeting", "answer", "objection", "continuation", "vocative-skip", "honorific",
      "title-name", "lead-title", "moderator-title", "hiragana-honorific", "strip-honorific", "not-name", "addressee-particle", "move", "refer-back",
      "figure-ref", "first-person", "final-particle", "polite-end", "casual-end", "request-end", "intro", "written-end", "self-intro",
      "button-end", "quote-lead", "quote-tail", "qa-ask", "qa-answer", "follow-up",
      "question-end", "question-word", "voice-end", "interview-lead", "credit-word",
      "attendee-key", "group-address", "crowd-role", "audience-role", "self-noun", "same-asker",
      "speech-event", "speech-act", "prompt-end", "presents-end", "closing", "own-mark", "own-stance", "own-side-case", "about-case",
      "person-word", "reply-head", "teacher-word"};
  for (const char* name : kSections) c->lists.emplace(name, speakers::CueList(cues_.section(name)));
  for (auto& e : cues_.section("roles")) {
    std::size_t eq = e.pattern.find('=');
    if (eq != std::string::npos && eq > 0) c->roles[e.pattern.substr(0, eq)] = e.pattern.substr(eq + 1);
  }
  compiled_ = std::move(c);
}

const SpeakerModel& SpeakerModel::builtin() {
  static const SpeakerModel model = [] {
    SpeakerModel m;
    auto [weights, weights_origin] = data::override_or_builtin(
        "speakers.weights", std::string_view(kSpeakersWeights, kSpeakersWeightsSize), "weights file");
    // The compiled-in weights define the names; a replacement file must use the same ones.
    parse_weights(std::string_view(kSpeakersWeights, kSpeakersWeightsSize), "speakers.weights", m.weights_, true);
    if (weights_origin != "speakers.weights") {
      try {
        parse_weights(weights, weights_origin, m.weights_, false);
      } catch (const DataError& e) {
        throw data::located(e, weights_origin);  // "PATH:LINE:COL: …": no tool names this file
      }
    }
    m.cues_ = Rules::compiled_or_override("speakers.rules", std::string_view(kSpeakersRules, kSpeakersRulesSize));
    m.compile();
    return m;
  }();
  return model;
}

void SpeakerModel::merge_weights(std::string_view text, const std::string& origin) {
  parse_weights(text, origin, weights_, false);
}

void SpeakerModel::merge_weights_file(const std::string& path) {
  merge_weights(data::read_file(path, "weights file"), path);
}

void SpeakerModel::merge_cues_file(const std::string& path) {
  cues_.merge_file(path);  // a section speakers.rules does not have is refused
  compile();
}

void SpeakerModel::merge_cues(const Rules& extra) {
  extra.check_sections(cues_);
  cues_.merge(extra);
  compile();
}

double SpeakerModel::weight(std::string_view name) const {
  auto it = weights_.find(name);
  if (it == weights_.end()) throw std::out_of_range("unknown speaker weight " + std::string(name));
  return it->second;
}

}  // namespace jatei
