// Speaker turns (see speakers.hpp for the contract, lib/data/speakers.weights for the model).
//
// Layout of this file: the model's data (weights, compiled cue lists); text helpers; labels;
// per-paragraph features; the analysis of a run of divisions (labelled, dash interview,
// unlabelled dialogue or prose); the sequence model (Viterbi with max-marginals, profiles
// re-estimated by hard EM across the document); names; and the rebuilding of the turns.
#include "core/data_files.hpp"
#include "jatei/speakers.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "jatei/error.hpp"
#include "jatei/segment.hpp"
#include "jatei/text.hpp"
#include "jatei/utf8.hpp"

namespace jatei {

// Generated at build time from lib/data/speakers.{rules,weights} (see lib/CMakeLists.txt).
extern const char kSpeakersRules[];
extern const std::size_t kSpeakersRulesSize;
extern const char kSpeakersWeights[];
extern const std::size_t kSpeakersWeightsSize;

// ------------------------------------------------------------------------------------------
// Cue lists prepared for matching: literal entries are compared directly (no glob, no
// allocation); entries with '*' or '#' go through the glob matcher of rules.hpp.
// ------------------------------------------------------------------------------------------

namespace {

struct CueList {
  struct Entry {
    std::string text;
    bool weak = false;
  };
  std::vector<Entry> literal;  // longest first
  std::vector<RuleEntry> patterns;

  // Literal entries by their first and by their last character (indexes into `literal`,
  // longest first), with a bitmap of the characters of the Basic Multilingual Plane that start
  // or end one: most characters of a text start no cue, and are passed over at once.
  std::unordered_map<char32_t, std::vector<std::size_t>> by_first, by_last;
  std::vector<bool> first_bmp, last_bmp;

  void index() {
    by_first.clear();
    by_last.clear();
    first_bmp.assign(0x10000, false);
    last_bmp.assign(0x10000, false);
    for (std::size_t k = 0; k < literal.size(); ++k) {
      const std::string& t = literal[k].text;
      if (t.empty()) continue;
      std::size_t len = 1;
      char32_t f = utf8::decode(t, 0, len);
      char32_t l = utf8::decode_before(t, t.size(), len);
      by_first[f].push_back(k);
      by_last[l].push_back(k);
      if (f < 0x10000) first_bmp[f] = true;
      if (l < 0x10000) last_bmp[l] = true;
    }
  }
  const std::vector<std::size_t>* starting(char32_t c) const {
    if (c < 0x10000 && (first_bmp.empty() || !first_bmp[c])) return nullptr;
    auto it = by_first.find(c);
    return it == by_first.end() ? nullptr : &it->second;
  }

  // Length of the longest entry `t` starts with (0 = none).
  std::size_t prefix(std::string_view t, bool* weak = nullptr) const {
    std::size_t best = 0;
    if (!t.empty()) {
      std::size_t len = 1;
      if (auto* ks = starting(utf8::decode(t, 0, len))) {
        for (std::size_t k : *ks) {
          const Entry& e = literal[k];
          if (t.substr(0, e.text.size()) == e.text) {
            if (weak) *weak = e.weak;
            best = e.text.size();
            break;
          }
        }
      }
    }
    for (auto& p : patterns) {
      std::size_t n = glob_prefix(p.pattern, t);
      if (n != std::string_view::npos && n > best) {
        best = n;
        if (weak) *weak = p.weak;
      }
    }
    return best;
  }
  // Length of the longest literal entry `t` ends with (0 = none).
  std::size_t suffix(std::string_view t, bool* weak = nullptr) const {
    if (t.empty()) return 0;
    std::size_t len = 1;
    char32_t c = utf8::decode_before(t, t.size(), len);
    if (c < 0x10000 && (last_bmp.empty() || !last_bmp[c])) return 0;
    auto it = by_last.find(c);
    if (it == by_last.end()) return 0;
    for (std::size_t k : it->second) {
      const Entry& e = literal[k];
      if (t.size() >= e.text.size() && t.substr(t.size() - e.text.size()) == e.text) {
        if (weak) *weak = e.weak;
        return e.text.size();
      }
    }
    return 0;
  }
  bool whole(std::string_view t) const {
    for (auto& e : literal)
      if (t == e.text) return true;
    for (auto& p : patterns)
      if (glob_match(p.pattern, t)) return true;
    return false;
  }
  // Whether a literal entry occurs anywhere in `t` (one pass over its characters).
  bool contains(std::string_view t) const {
    for (std::size_t i = 0; i < t.size();) {
      std::size_t len = 1;
      char32_t c = utf8::decode(t, i, len);
      if (auto* ks = starting(c))
        for (std::size_t k : *ks)
          if (t.substr(i, literal[k].text.size()) == literal[k].text) return true;
      i += len;
    }
    return false;
  }
};

}  // namespace

struct SpeakerModel::Compiled {
  std::map<std::string, CueList, std::less<>> lists;
  std::map<std::string, std::string, std::less<>> roles;  // [roles] name=role
  const CueList& operator[](std::string_view name) const {
    static const CueList empty;
    auto it = lists.find(name);
    return it == lists.end() ? empty : it->second;
  }
};

namespace {

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void parse_weights(std::string_view text, const std::string& origin, std::map<std::string, double, std::less<>>& w,
                   bool define) {
  std::string section;
  std::size_t pos = 0, line_no = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim_ascii(line);
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
        std::string value(trim_ascii(line.substr(sp)));
        if (section.empty())
          throw DataError(origin + ": weight '" + name + "' before any [section]", line_no, 1);
        char* end = nullptr;
        double v = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(v))
          throw DataError(origin + ": '" + value + "' is not a number", line_no, sp + 2);
        std::string key = section + "." + name;
        if (!define && w.find(key) == w.end())
          throw DataError(origin + ": unknown weight '" + key + "'", line_no, 1);
        w[key] = v;
      }
    }
    if (nl == text.size()) break;
  }
}


}  // namespace

void SpeakerModel::compile() {
  auto c = std::make_shared<Compiled>();
  static const char* const kSections[] = {
      "label-stop", "tag-stop", "roles", "interviewer-byline", "interviewee-cue", "note", "reaction", "answer",
      "objection", "continuation", "vocative-skip", "honorific", "title-name", "strip-honorific", "not-name",
      "addressee-particle", "move", "refer-back", "figure-ref", "first-person", "final-particle", "polite-end",
      "casual-end", "request-end", "intro"};
  for (const char* name : kSections) {
    CueList list;
    for (auto& e : cues_.section(name)) {
      if (e.pattern.find_first_of("*#") != std::string::npos) list.patterns.push_back(e);
      else list.literal.push_back({e.pattern, e.weak});
    }
    std::stable_sort(list.literal.begin(), list.literal.end(),
                     [](const CueList::Entry& a, const CueList::Entry& b) { return a.text.size() > b.text.size(); });
    list.index();
    c->lists[name] = std::move(list);
  }
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

void SpeakerModel::merge_weights_file(const std::string& path) { merge_weights(data::read_file(path, "weights file"), path); }

void SpeakerModel::merge_cues_file(const std::string& path) {
  cues_.merge_file(path);  // a section speakers.rules does not have is refused
  compile();
}

double SpeakerModel::weight(std::string_view name) const {
  auto it = weights_.find(name);
  if (it == weights_.end()) throw std::out_of_range("unknown speaker weight " + std::string(name));
  return it->second;
}

// ------------------------------------------------------------------------------------------
// Text helpers
// ------------------------------------------------------------------------------------------

namespace {

using text::is_digit;
using text::is_hiragana;
using text::is_kanji;
using text::is_latin;
// Katakana as names are written: the letters, ー and the voicing marks (ルーシー, ｼﾞｮﾝ).
bool is_katakana(char32_t c) { return text::katakana_word(c); }
// Characters of a name called or addressed (ハルカ, 中村, Mio): no hiragana, so a name run
// stops at particles.
bool is_name_char(char32_t c) { return is_kanji(c) || is_katakana(c) || is_latin(c); }
bool is_emoji(char32_t c) {
  return c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) || c == 0xFE0F ||
         c == 0x200D || (c >= 0x2190 && c <= 0x21FF) || c == 0x2606 || c == 0x2605 || c == 0x266A ||
         c == 0x266B || c == 0x266C || c == 0x2661 || c == 0x2665;
}
bool is_dash(char32_t c) { return c == 0x2015 || c == 0x2014 || c == 0x30FC || c == 0x2500 || c == 0x2013 || c == 0x2501; }

using Cp = text::CodePoint;

std::vector<Cp> code_points(std::string_view s) {
  std::vector<Cp> out;
  out.reserve(s.size() / 2 + 1);
  text::decode_all(s, out);
  return out;
}

std::size_t cp_count(std::string_view s) { return text::length(s); }

std::string_view trim_space(std::string_view s) {
  while (!s.empty()) {
    std::size_t len = 1;
    char32_t c = utf8::decode(s, 0, len);
    if (!is_space(c) && c != '\n') break;
    s.remove_prefix(len);
  }
  while (!s.empty()) {
    std::size_t len = 1;
    char32_t c = utf8::decode_before(s, s.size(), len);
    if (!is_space(c) && c != '\n') break;
    s.remove_suffix(len);
  }
  return s;
}

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// Text outside 「…」『…』 (quoted speech inside narration is not the narrator's register).
std::string outside_quotes(std::string_view s) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    char32_t c = utf8::decode(s, i, len);
    if (c == 0x300C || c == 0x300E) ++depth;
    else if ((c == 0x300D || c == 0x300F) && depth > 0) --depth;
    else if (depth == 0) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Sentence endings: question, request, register
// ------------------------------------------------------------------------------------------

struct Ending {
  bool question = false, exclaim = false, request = false;
  bool polite = false, casual = false, marker = false;
};

const std::u32string kEmoticonWords[] = {U"笑", U"爆笑", U"苦笑", U"失笑", U"汗", U"泣", U"涙", U"怒", U"照", U"驚", U"謎", U"嘘"};

Ending analyse_ending(std::string_view sentence, const SpeakerModel::Compiled& cues) {
  Ending e;
  std::string_view s = trim_space(sentence);
  // Strip what follows the last word: terminators, closing brackets, emoji, kaomoji, (笑), w.
  for (int guard = 0; guard < 64 && !s.empty(); ++guard) {
    std::size_t len = 1;
    char32_t c = utf8::decode_before(s, s.size(), len);
    if (c == '?' || c == 0xFF1F) {
      e.question = true;
    } else if (c == '!' || c == 0xFF01) {
      e.exclaim = true;
    } else if (c == 0x3002 || c == 0xFF0E || c == '.' || c == 0x2026 || c == 0x2025 || c == 0x3001 || c == ',' ||
               c == 0x301C || c == 0xFF5E || c == 0x30FC || c == 0xFF70 || c == 0x30FB || c == '~' || is_space(c)) {
      // 。．.…‥、,〜～ーｰ・~
    } else if (c == 0x300D || c == 0x300F || c == 0x3011 || c == 0xFF3D || c == ']' || c == 0x3015 || c == 0x3009 ||
               c == 0x300B) {
      // 」』】］]〕〉》: look at what was said inside
    } else if (c == ')' || c == 0xFF09) {
      // A short bracket group at the end: (笑), (´・ω・`), (苦笑)
      std::string_view body = s.substr(0, s.size() - len);
      std::size_t open = std::string_view::npos;
      std::size_t k = body.size();
      for (int n = 0; n < 16 && k > 0; ++n) {
        std::size_t l2 = 1;
        char32_t d = utf8::decode_before(body, k, l2);
        k -= l2;
        if (d == '(' || d == 0xFF08) {
          open = k;
          break;
        }
      }
      if (open == std::string_view::npos) {
        s = body;
        continue;
      }
      std::string_view inner = body.substr(open + (body[open] == '(' ? 1 : 3));
      bool word = false;
      std::u32string u;
      for (auto& cp : code_points(inner)) u.push_back(cp.c);
      for (auto& w : kEmoticonWords) word = word || u == w;
      bool symbols = std::any_of(u.begin(), u.end(), [](char32_t d) {
        return !(is_kanji(d) || is_katakana(d) || is_hiragana(d) || is_latin(d) || is_digit(d));
      });
      if (word || symbols) e.marker = true;
      s = body.substr(0, open);
      continue;
    } else if (is_emoji(c)) {
      e.marker = true;
    } else if ((c == 'w' || c == 0xFF57) && s.size() > len) {
      std::size_t l2 = 1;
      char32_t d = utf8::decode_before(s, s.size() - len, l2);
      if (is_latin(d)) break;  // a Latin word that ends in w
      e.marker = true;
    } else if (c >= 0xFF66 && c <= 0xFF9F) {
      // half-width katakana after a kaomoji: (｀・ω・´)ｷﾘｯ
      std::size_t k = s.size();
      while (k > 0) {
        std::size_t l2 = 1;
        char32_t d = utf8::decode_before(s, k, l2);
        if (!(d >= 0xFF66 && d <= 0xFF9F)) break;
        k -= l2;
      }
      std::size_t l3 = 1;
      char32_t before = k > 0 ? utf8::decode_before(s, k, l3) : 0;
      if (before != ')' && before != 0xFF09) break;
      e.marker = true;
      s = s.substr(0, k);
      continue;
    } else {
      break;
    }
    s.remove_suffix(len);
  }
  std::string_view core = s;
  if (cues["request-end"].suffix(core)) e.request = true;
  if (ends_with(core, "か") || ends_with(core, "かな") || ends_with(core, "かね") || ends_with(core, "っけ"))
    e.question = true;
  bool casual_particle = false;
  for (int k = 0; k < 3; ++k) {
    bool weak = false;
    std::size_t n = cues["final-particle"].suffix(core, &weak);
    if (n == 0 || n >= core.size()) break;
    casual_particle = casual_particle || weak;
    core.remove_suffix(n);
    if (cues["polite-end"].suffix(core)) break;
  }
  e.polite = cues["polite-end"].suffix(core) > 0;
  e.casual = !e.polite && (casual_particle || cues["casual-end"].suffix(core) > 0 || e.marker);
  return e;
}

// ------------------------------------------------------------------------------------------
// Labels
// ------------------------------------------------------------------------------------------

bool ends_with_particle(std::u32string_view name) {
  if (name.empty()) return false;
  char32_t c = name.back();
  return c == U'は' || c == U'が' || c == U'を' || c == U'に' || c == U'で' || c == U'と' || c == U'の' ||
         c == U'も' || c == U'へ' || c == U'や' || c == U'か';
}

// Bytes at the start of a paragraph looked at for a label, and the longest paragraph that may
// be a 名前「…」 turn (its quote must close at the end of the paragraph).
constexpr std::size_t kLabelHead = 256;
constexpr std::size_t kLabelScan = 8192;

std::string role_for(const SpeakerModel::Compiled& cues, const std::string& name) {
  auto it = cues.roles.find(name);
  return it == cues.roles.end() ? std::string() : it->second;
}

}  // namespace

std::optional<SpeakerLabel> find_speaker_label(std::string_view text, const SpeakerModel& model) {
  const auto& cues = model.compiled();
  std::size_t max_name = static_cast<std::size_t>(model.weight("label.max_name_chars"));
  // A label is short: the characters of the first kLabelHead bytes are enough to see it.
  std::size_t cut = std::min(text.size(), kLabelHead);
  while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::vector<Cp> cps = code_points(text.substr(0, cut));
  if (cps.empty()) return std::nullopt;
  auto at = [&](std::size_t i) -> char32_t { return i < cps.size() ? cps[i].c : 0; };
  auto byte = [&](std::size_t i) { return i < cps.size() ? cps[i].at : cut; };
  // Text must follow the label (a label alone is no turn).
  auto has_text_after = [&](std::size_t i) {
    for (; i < cps.size(); ++i)
      if (!is_space(cps[i].c)) return true;
    return cut < text.size() && !trim_space(text.substr(cut)).empty();
  };

  // The interviewer's dash: ―― —— ーー ── ––
  std::size_t i = 0;
  while (i < cps.size() && is_dash(cps[i].c)) ++i;
  if (i >= 2) {
    std::size_t j = i;
    while (j < cps.size() && is_space(cps[j].c)) ++j;
    if (j < cps.size() && !is_dash(cps[j].c)) {
      SpeakerLabel l;
      l.style = SpeakerLabel::Style::dash;
      l.length = byte(i);
      l.role = "interviewer";
      return l;
    }
    return std::nullopt;
  }
  if (i == 1) return std::nullopt;

  // Q. A. Q: A： Q1. A(名前):
  char32_t c0 = at(0);
  if (c0 == 'Q' || c0 == 'A' || c0 == 0xFF31 || c0 == 0xFF21) {
    bool q = c0 == 'Q' || c0 == 0xFF31;
    std::size_t k = 1;
    while (is_digit(at(k))) ++k;
    char32_t p = at(k);
    SpeakerLabel l;
    l.style = SpeakerLabel::Style::qa;
    l.role = q ? "interviewer" : "interviewee";
    l.name = q ? "Q" : "A";
    if (p == '.' || p == 0xFF0E || p == ':' || p == 0xFF1A) {
      char32_t n1 = at(k + 1), n2 = at(k + 2);
      // A.I., Q.E.D.: dotted initials; Q.iPhoneで… and Q.AIは… are labels with their question.
      bool abbreviation = p == '.' && is_latin(n1) && n2 == '.';
      // Digits right after the mark: a section number when they are followed by a dot, a space
      // or nothing (Q.1. Q.1 概要 Q.1.2 概要), the answer's own text otherwise (A.2023年の春です。
      // A:3.5倍です。).
      bool section_number = false;
      if (is_digit(n1)) {
        std::size_t m = k + 1;
        while (is_digit(at(m))) ++m;
        while ((at(m) == '.' || at(m) == 0xFF0E) && is_digit(at(m + 1))) {  // 1.2: a decimal or a subsection
          m += 2;
          while (is_digit(at(m))) ++m;
        }
        char32_t after_digits = at(m);
        section_number = m >= cps.size() || after_digits == '.' || after_digits == 0xFF0E || is_space(after_digits);
      }
      if (!abbreviation && !section_number && has_text_after(k + 1)) {
        l.length = byte(k + 1);
        return l;
      }
    } else if (p == '(' || p == 0xFF08) {
      std::size_t close = k + 1;
      while (close < cps.size() && close < k + 2 + max_name && at(close) != ')' && at(close) != 0xFF09) ++close;
      char32_t colon = at(close + 1);
      if ((at(close) == ')' || at(close) == 0xFF09) && close > k + 1 && (colon == ':' || colon == 0xFF1A) &&
          has_text_after(close + 2)) {
        l.name = std::string(trim_space(text.substr(byte(k + 1), byte(close) - byte(k + 1))));
        l.length = byte(close + 2);
        return l;
      }
    }
  }

  // 【名前】
  if (c0 == 0x3010) {
    std::size_t close = 1;
    while (close < cps.size() && close <= max_name + 1 && at(close) != 0x3011) ++close;
    if (at(close) != 0x3011 || close == 1 || !has_text_after(close + 1)) return std::nullopt;
    std::string name(text.substr(byte(1), byte(close) - byte(1)));
    for (std::size_t k = 1; k < close; ++k) {
      char32_t c = at(k);
      if (!(is_name_char(c) || is_hiragana(c) || is_digit(c) || c == 0x30FB || c == ' ' || c == 0x3000))
        return std::nullopt;  // punctuation inside: a tag or a title (【後編に続く】, 【PR】…)
    }
    if (cues["tag-stop"].whole(name) || cues["label-stop"].whole(name)) return std::nullopt;
    SpeakerLabel l;
    l.style = SpeakerLabel::Style::bracket;
    l.length = byte(close + 1);
    l.name = name;
    l.role = role_for(cues, name);
    return l;
  }

  // 名前: 名前： 名前(肩書き): and 名前「…」
  std::size_t k = 0;
  while (k < cps.size() && k < max_name &&
         (is_name_char(at(k)) || is_hiragana(at(k)) || is_digit(at(k)) || at(k) == 0x30FB || at(k) == '.' ||
          (k > 0 && (at(k) == ' ' || at(k) == 0x3000) && is_latin(at(k - 1)))))
    ++k;
  if (k == 0 || is_digit(at(0))) return std::nullopt;
  std::u32string uname;
  for (std::size_t n = 0; n < k; ++n) uname.push_back(at(n));
  std::string name(text.substr(0, byte(k)));
  if (ends_with_particle(uname)) return std::nullopt;
  // The stop lists only once the shape is a label's (they are the costly part).
  auto refused = [&] {
    if (cues["label-stop"].whole(name) || cues["tag-stop"].whole(name)) return true;  // 注: 座談会:…
    const Rules& seg = Rules::builtin();
    return seg.matches_prefix("byline", text) > 0 || seg.matches_prefix("caption", text) > 0;
  };
  std::size_t after = k;
  if (at(after) == '(' || at(after) == 0xFF08) {  // 山田(アナリスト):
    std::size_t close = after + 1;
    while (close < cps.size() && close < after + 24 && at(close) != ')' && at(close) != 0xFF09) ++close;
    if (at(close) == ')' || at(close) == 0xFF09) after = close + 1;
  }
  char32_t p = at(after);
  if (p == ':' || p == 0xFF1A) {
    if (is_digit(at(k - 1)) && is_digit(at(after + 1))) return std::nullopt;  // 朝10:30
    if (at(after + 1) == '/' && at(after + 2) == '/') return std::nullopt;    // http://
    if (!has_text_after(after + 1) || refused()) return std::nullopt;
    SpeakerLabel l;
    l.style = SpeakerLabel::Style::colon;
    l.length = byte(after + 1);
    l.name = name;
    l.role = role_for(cues, name);
    return l;
  }
  if (p == 0x300C && after == k && k <= 8 && text.size() <= kLabelScan) {
    // 名前「…」: the quote that opens here must close at the end of the paragraph.
    int depth = 0;
    std::size_t close_end = std::string_view::npos;
    for (std::size_t b = byte(after); b < text.size();) {
      std::size_t len = 1;
      char32_t c = utf8::decode(text, b, len);
      b += len;
      if (c == 0x300C) ++depth;
      else if (c == 0x300D && --depth == 0) {
        close_end = b;
        break;
      }
    }
    if (close_end == std::string_view::npos) return std::nullopt;
    if (!trim_space(text.substr(close_end)).empty() || refused()) return std::nullopt;
    SpeakerLabel l;
    l.style = SpeakerLabel::Style::quote;
    l.length = byte(k);
    l.name = name;
    l.role = role_for(cues, name);
    return l;
  }
  return std::nullopt;
}

// ------------------------------------------------------------------------------------------
// Paragraph features
// ------------------------------------------------------------------------------------------

namespace {

struct Features {
  std::size_t chars = 0;
  int sentences = 0;
  double polite = 0, casual = 0;  // shares of the sentences
  bool question = false;          // the last sentence asks
  bool request = false;           // the last sentence requests
  bool any_question = false, exclaim = false, marker = false, first_person = false;
  bool react = false, answer = false, objection = false, continuation = false;
  bool move = false, refer_back = false, figure_ref = false, note = false, narrative = false;
  bool intro = false;  // introduces the conversation (…先生に教えてもらいます): narration before it
  int numbers = 0;
  std::string vocative;   // name called at the start (ミオ先輩)
  std::string addressed;  // name addressed in a question (サルくん)
  double role = 0;        // [role] score: explaining (+) or asking (-)
};

// A name called at `pos` of `s`: a [title-name], or a name run followed by an [honorific].
// Returns the name with its honorific and sets `end` to the byte after it.
std::string name_at(std::string_view s, const SpeakerModel::Compiled& cues, std::size_t& end) {
  if (std::size_t n = cues["title-name"].prefix(s)) {
    end = n;
    return std::string(s.substr(0, n));
  }
  std::vector<Cp> cps = code_points(s.substr(0, std::min<std::size_t>(s.size(), 64)));
  std::size_t run = 0;
  while (run < cps.size() && run < 10 && is_name_char(cps[run].c)) ++run;
  for (std::size_t j = 1; j < run || (j == run && j < cps.size()); ++j) {
    std::size_t at = cps[j].at;
    if (std::size_t h = cues["honorific"].prefix(s.substr(at))) {
      std::string name(s.substr(0, at));
      if (cues["not-name"].whole(name)) return {};
      end = at + h;
      return std::string(s.substr(0, at + h));
    }
  }
  return {};
}

bool vocative_delimiter(std::string_view rest) {
  if (rest.empty()) return true;
  std::size_t len = 1;
  char32_t c = utf8::decode(rest, 0, len);
  return c == 0x3001 || c == 0xFF0C || c == ',' || c == '!' || c == 0xFF01 || c == '?' || c == 0xFF1F ||
         c == 0x3002 || c == 0x2026 || c == 0x301C || c == 0xFF5E || c == 0x30FC || is_space(c);
}

std::string find_vocative(std::string_view text, const SpeakerModel::Compiled& cues) {
  std::string_view s = trim_space(text);
  if (std::size_t n = cues["vocative-skip"].prefix(s)) {
    std::string_view rest = s.substr(n);
    // skip the punctuation after the opening word
    while (!rest.empty()) {
      std::size_t len = 1;
      char32_t c = utf8::decode(rest, 0, len);
      if (c == 0x3001 || c == 0xFF0C || c == ',' || c == '!' || c == 0xFF01 || c == 0x30FC || c == 0x301C ||
          c == 0x3002 || is_space(c))
        rest.remove_prefix(len);
      else
        break;
    }
    std::size_t end = 0;
    std::string name = name_at(rest, cues, end);
    if (!name.empty() && vocative_delimiter(rest.substr(end))) return name;
  }
  std::size_t end = 0;
  std::string name = name_at(s, cues, end);
  if (!name.empty() && vocative_delimiter(s.substr(end))) return name;
  return {};
}

// A name addressed inside a question or request: サルくんは知っていますか?
std::string find_addressed(std::string_view sentence, const SpeakerModel::Compiled& cues) {
  if (!cues["honorific"].contains(sentence) && !cues["title-name"].contains(sentence)) return {};
  std::vector<Cp> cps = code_points(sentence);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (!is_name_char(cps[i].c) || (i > 0 && is_name_char(cps[i - 1].c))) continue;
    std::size_t end = 0;
    std::string name = name_at(sentence.substr(cps[i].at), cues, end);
    if (name.empty()) continue;
    std::string_view rest = sentence.substr(cps[i].at + end);
    if (cues["addressee-particle"].prefix(rest)) return name;
  }
  return {};
}

// The [role] weights, read once.
struct RoleWeights {
  double length, pivot, move, numbers, answer, question, react, request;
  explicit RoleWeights(const SpeakerModel& m)
      : length(m.weight("role.length")), pivot(m.weight("role.length_pivot")), move(m.weight("role.move")),
        numbers(m.weight("role.numbers")), answer(m.weight("role.answer")), question(m.weight("role.question")),
        react(m.weight("role.react")), request(m.weight("role.request")) {}
};

Features paragraph_features(const Leaf& leaf, const SpeakerModel& model, const RoleWeights& rw) {
  const auto& cues = model.compiled();
  Features f;
  std::string text = leaf_text(leaf);
  std::string_view t = trim_space(text);
  f.chars = 0;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t len = 1;
    if (!is_space(utf8::decode(t, i, len))) ++f.chars;
    i += len;
  }
  std::vector<std::string_view> sentences;
  for (auto& p : leaf.pieces)
    if (p.kind == Piece::Kind::sentence && !trim_space(p.sentence.text).empty()) sentences.push_back(p.sentence.text);
  f.sentences = static_cast<int>(sentences.size());
  int polite = 0, casual = 0;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    Ending e = analyse_ending(sentences[k], cues);
    polite += e.polite;
    casual += e.casual;
    f.any_question = f.any_question || e.question;
    f.exclaim = f.exclaim || e.exclaim;
    f.marker = f.marker || e.marker;
    if (k + 1 == sentences.size()) {
      f.question = e.question;
      f.request = e.request;
    }
    if ((e.question || e.request) && f.addressed.empty()) f.addressed = find_addressed(sentences[k], cues);
  }
  if (!sentences.empty()) {
    f.polite = static_cast<double>(polite) / static_cast<double>(sentences.size());
    f.casual = static_cast<double>(casual) / static_cast<double>(sentences.size());
  }
  std::string outside = outside_quotes(t);
  f.first_person = cues["first-person"].contains(outside);
  f.react = cues["reaction"].prefix(t) > 0;
  f.answer = cues["answer"].prefix(t) > 0;
  f.objection = cues["objection"].prefix(t) > 0;
  f.continuation = cues["continuation"].prefix(t) > 0;
  f.note = cues["note"].prefix(t) > 0;
  f.move = cues["move"].contains(t);
  std::string_view first = sentences.empty() ? t : sentences.front();
  std::string_view head = t.substr(0, std::min<std::size_t>(t.size(), first.size() + (sentences.size() > 1 ? sentences[1].size() + 8 : 0)));
  f.refer_back = cues["refer-back"].contains(first);
  f.figure_ref = cues["figure-ref"].contains(head);
  for (std::size_t i = 0; i < t.size();) {
    std::size_t len = 1;
    char32_t c = utf8::decode(t, i, len);
    if (is_digit(c)) {
      ++f.numbers;
      while (i < t.size()) {
        c = utf8::decode(t, i, len);
        if (!is_digit(c) && c != '.' && c != ',') break;
        i += len;
      }
      continue;
    }
    i += len;
  }
  f.vocative = find_vocative(t, cues);
  f.narrative = f.sentences > 0 && polite == 0 && casual == 0 && !f.any_question && !f.exclaim && !f.marker &&
                !f.first_person && !f.react && !f.answer && f.vocative.empty();
  f.intro = f.sentences > 0 && !f.any_question && !f.react && !f.answer && f.vocative.empty() &&
            cues["intro"].contains(t);
  f.role = rw.length * (std::log2(static_cast<double>(std::max<std::size_t>(f.chars, 1))) - rw.pivot) +
           rw.move * f.move + rw.numbers * std::min(f.numbers, 3) + rw.answer * f.answer +
           rw.question * f.question + rw.react * f.react + rw.request * f.request;
  return f;
}

// ------------------------------------------------------------------------------------------
// Runs of divisions and their blocks
// ------------------------------------------------------------------------------------------

enum class Part { outside, unit, attached };

struct Item {
  std::size_t div = 0;
  Block block;
  std::string old_turn;                   // id of the turn this block opened
  std::optional<std::string> old_label;   // its Turn::speaker
  bool paragraph = false;
  Features f;
  std::optional<SpeakerLabel> label;      // accepted label
  bool label_is_new = false;              // still in the first sentence
  std::string label_text;                 // the label's characters
  Part part = Part::outside;
  std::string person;                     // person key
  int state = -1;                         // unlabelled: 0 = A, 1 = B
  double margin = 0;
  std::string cert;                       // fixed cert for labelled dialogues ("" = none)
  // transition context to the previous unit (unlabelled runs)
  bool figure_between = false, head_between = false, quote_between = false, division_break = false;
  double switch_score = 0;
  double emit[2] = {0, 0};
};

struct Run {
  std::vector<std::size_t> divs;
  std::vector<Item> items;
  enum class Mode { prose, labelled, unlabelled } mode = Mode::prose;
  enum class Verdict { no, piece, yes } verdict = Verdict::no;  // as an unlabelled dialogue
  int paragraphs = 0, cues = 0, strong = 0;                     // its evidence
  std::string why;  // for --explain
};

// The first sentence of a paragraph when it opens the leaf (a label can only sit there).
Sentence* opening_sentence(Block& b) {
  if ((b.kind != BlockKind::paragraph && b.kind != BlockKind::head) || b.leaves.empty() || b.leaves[0].pieces.empty())
    return nullptr;
  Piece& p = b.leaves[0].pieces[0];
  return p.kind == Piece::Kind::sentence ? &p.sentence : nullptr;
}

// Moves the first `len` bytes of the opening sentence out of the text (they become the turn's
// <speaker>). Whitespace after the label stays in the leaf as text; a sentence left empty is
// dropped.
void cut_label(Block& b, std::size_t len) {
  Leaf& leaf = b.leaves[0];
  Sentence& s = leaf.pieces[0].sentence;
  if (len >= s.text.size()) {
    leaf.pieces.erase(leaf.pieces.begin());
    return;
  }
  std::string_view rest = std::string_view(s.text).substr(len);
  std::size_t ws = 0;
  while (ws < rest.size()) {
    std::size_t l = 1;
    char32_t c = utf8::decode(rest, ws, l);
    if (!is_space(c)) break;
    ws += l;
  }
  std::size_t cut = len + ws;
  std::string space(rest.substr(0, ws));
  std::vector<Span> spans;
  for (auto& sp : s.spans) {
    if (sp.end <= cut && !(sp.begin == sp.end && sp.begin == cut)) continue;  // inside the label
    Span moved = sp;
    moved.begin = sp.begin > cut ? sp.begin - cut : 0;
    moved.end = sp.end > cut ? sp.end - cut : 0;
    spans.push_back(std::move(moved));
  }
  s.text.erase(0, cut);
  s.spans = std::move(spans);
  if (!space.empty()) {
    Piece p;
    p.kind = Piece::Kind::text;
    p.text = std::move(space);
    leaf.pieces.insert(leaf.pieces.begin(), std::move(p));
  }
}

// The person key of a label (persons are shared across divisions by key).
std::string label_key(const SpeakerLabel& l) {
  if (l.style == SpeakerLabel::Style::dash) return "D:interviewer";
  return "L:" + l.name;
}

struct Participant {
  std::string key, name, role;
};

constexpr int kTransitions = 14;
constexpr int kProfile = 8;

class Annotator {
 public:
  Annotator(Document& doc, const SpeakerOptions& opts)
      : doc_(doc),
        opts_(opts),
        model_(opts.model ? *opts.model : SpeakerModel::builtin()),
        cues_(model_.compiled()),
        role_w_(model_) {
    static const char* const kTransition[kTransitions] = {
        "switch", "prev_question", "prev_request", "react", "answer", "objection", "vocative",
        "continuation", "figure_between", "figure_ref", "quote_between", "refer_back", "head_between",
        "division_break"};
    for (int k = 0; k < kTransitions; ++k) tw_[k] = w(std::string("transition.") + kTransition[k]);
    static const char* const kNames[kProfile] = {"length", "polite", "casual", "question", "react", "move", "marker",
                                                 "first_person"};
    for (int k = 0; k < kProfile; ++k) pw_[k] = w(std::string("profile.") + kNames[k]);
  }

  void run() {
    collect_runs();
    for (auto& r : runs_) classify(r);
    // A dialogue scraped in pieces: once one run is surely a dialogue (or the runs that reach
    // the score have the cues of one between them), those other runs are pieces of it.
    bool sure = false;
    int n = 0, cues = 0, strong = 0;
    for (auto& r : runs_) {
      sure = sure || r.verdict == Run::Verdict::yes;
      if (r.verdict == Run::Verdict::no) continue;
      n += r.paragraphs;
      cues += r.cues;
      strong += r.strong;
    }
    sure = sure || (n >= w("dialogue.min_paragraphs") && cues >= w("dialogue.min_cues") &&
                    strong >= w("dialogue.min_strong"));
    for (auto& r : runs_)
      if (r.verdict == Run::Verdict::yes || (sure && r.verdict == Run::Verdict::piece)) make_unlabelled(r);
    decode_unlabelled();
    name_people();
    rebuild();
    doc_.add_application("jatei-speakers", kVersion);
  }

 private:
  double w(const std::string& name) const { return model_.weight(name); }

  // ---- runs -------------------------------------------------------------------------------
  void collect_runs() {
    for (std::size_t d = 0; d < doc_.divisions.size(); ++d) {
      auto& div = doc_.divisions[d];
      bool candidate = div.type == "article" || div.type == "dialogue";
      if (!candidate) continue;
      if (runs_.empty() || runs_.back().divs.back() + 1 != d) runs_.emplace_back();
      runs_.back().divs.push_back(d);
      for (auto& t : div.turns) {
        for (std::size_t k = 0; k < t.blocks.size(); ++k) {
          Item it;
          it.div = d;
          it.block = std::move(t.blocks[k]);
          if (k == 0 && t.spoken()) it.old_turn = t.id;
          if (k == 0 && t.speaker) it.old_label = t.speaker;
          it.paragraph = it.block.kind == BlockKind::paragraph && !it.block.leaves.empty();
          if (it.paragraph) it.f = paragraph_features(it.block.leaves[0], model_, role_w_);
          runs_.back().items.push_back(std::move(it));
        }
      }
      div.turns.clear();
    }
    // Turn ids already in use (new ones continue the numbering).
    for (auto& r : runs_)
      for (auto& it : r.items) note_turn_id(it.old_turn);
    for (auto& d : doc_.divisions)
      for (auto& t : d.turns) note_turn_id(t.id);
  }

  void note_turn_id(const std::string& id) {
    if (id.size() > 2 && id.compare(0, 2, "sp") == 0 &&
        std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; }) && id.size() < 12)
      max_turn_id_ = std::max(max_turn_id_, std::stoul(id.substr(2)));
  }

  // ---- classification ---------------------------------------------------------------------
  void classify(Run& r) {
    // Labels: those already in Turn::speaker, and candidates at the start of paragraphs.
    std::vector<std::optional<SpeakerLabel>> cand(r.items.size());
    std::map<std::string, int> count;
    int dash = 0, qa = 0;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      Item& it = r.items[i];
      if (it.old_label) {
        std::string probe = *it.old_label + "x";
        auto l = find_speaker_label(probe, model_);
        if (!l || l->length != it.old_label->size()) {  // a label written by hand (二人:)
          l = SpeakerLabel{};
          l->length = it.old_label->size();
          std::string name;
          for (auto& cp : code_points(*it.old_label))
            if (is_name_char(cp.c) || is_hiragana(cp.c) || is_digit(cp.c) || cp.c == 0x30FB)
              utf8::append(name, cp.c);
          l->name = name;
        }
        it.label = l;
        it.label_text = *it.old_label;
        continue;
      }
      Sentence* s = opening_sentence(it.block);
      if (!s || (it.block.kind == BlockKind::head && it.block.leaves.size() != 1)) continue;
      auto l = find_speaker_label(leaf_text(it.block.leaves[0]), model_);
      if (!l || l->length > s->text.size()) continue;
      cand[i] = l;
      if (l->style == SpeakerLabel::Style::dash) ++dash;
      else if (l->style == SpeakerLabel::Style::qa) ++qa;
      else ++count[l->name];
    }
    int recurring = 0;
    for (auto& [name, n] : count) recurring += n >= w("label.min_repeats");
    bool any = std::any_of(r.items.begin(), r.items.end(), [](const Item& it) { return it.label.has_value(); });
    // What follows labels must read like speech (a spec sheet's サイズ: 重さ: lines do not).
    int candidates = 0, spoken = 0;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      if (!cand[i]) continue;
      const Item& it = r.items[i];
      Features f = it.paragraph ? it.f : paragraph_features(it.block.leaves[0], model_, role_w_);
      ++candidates;
      spoken += f.polite > 0 || f.casual > 0 || f.any_question || f.exclaim || f.marker;
    }
    if (candidates && spoken < w("label.min_spoken") * candidates) cand.assign(cand.size(), std::nullopt);
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      if (!cand[i]) continue;
      const SpeakerLabel& l = *cand[i];
      bool ok = false;
      if (l.style == SpeakerLabel::Style::dash) ok = dash >= w("label.min_dash");
      else if (l.style == SpeakerLabel::Style::qa) ok = qa >= 2;
      else
        ok = count[l.name] >= w("label.min_repeats") ||
             (recurring >= w("label.min_speakers") && cp_count(l.name) <= w("label.max_single_chars") &&
              r.items[i].block.kind != BlockKind::head);
      if (!ok) continue;
      Item& it = r.items[i];
      // Segmentation takes a short labelled line that ends without 。 (【聞き手】…？, a first line
      // 田中「…」) for a heading; with the label recognised it is a turn again.
      if (it.block.kind == BlockKind::head) to_paragraph(it);
      it.label = l;
      it.label_is_new = true;
      it.label_text = opening_sentence(it.block)->text.substr(0, l.length);
      any = true;
    }
    if (any) {
      r.mode = Run::Mode::labelled;
      assign_labelled(r);
      return;
    }
    r.verdict = dialogue_verdict(r);
  }

  void make_unlabelled(Run& r) {
    r.mode = Run::Mode::unlabelled;
    if (r.verdict == Run::Verdict::piece) r.why += ": a piece of the dialogue found elsewhere in the document";
    // A heading that opens by calling someone, or with a reaction or an answer in a spoken
    // register, is a line of the dialogue that segmentation took for a title (博士、…ですか？).
    for (auto& it : r.items) {
      if (it.block.kind != BlockKind::head || it.block.leaves.size() != 1) continue;
      Features f = paragraph_features(it.block.leaves[0], model_, role_w_);
      bool spoken_register = f.polite > 0 || f.casual > 0 || f.question;
      if (!f.vocative.empty() || ((f.react || f.answer) && spoken_register)) to_paragraph(it);
    }
    mark_units(r);
  }

  void to_paragraph(Item& it) {
    it.block.kind = BlockKind::paragraph;
    it.block.leaves[0].element = "p";
    it.paragraph = true;
    it.f = paragraph_features(it.block.leaves[0], model_, role_w_);
  }

  void assign_labelled(Run& r) {
    // Interviewer-only labels (―― or Q.): the unlabelled paragraphs are the interviewee's.
    bool interview = true;
    for (auto& it : r.items)
      if (it.label && it.label->role != "interviewer") interview = false;
    r.why = interview ? "interview: questions labelled, answers are the interviewee's" : "labelled dialogue";
    std::string current;
    bool seen = false, last_spoken = false;
    for (auto& it : r.items) {
      if (it.block.kind == BlockKind::opaque) continue;
      if (it.label) {
        it.part = Part::unit;
        it.person = label_key(*it.label);
        current = it.person;
        seen = last_spoken = true;
        continue;
      }
      if (it.paragraph) {
        if (!seen || it.f.note || it.f.narrative) {
          it.part = Part::outside;
          if (!interview) current.clear();
          last_spoken = false;
          continue;
        }
        if (interview) {
          it.part = Part::unit;
          it.person = "D:interviewee";
          it.cert = "high";
        } else if (!current.empty()) {
          it.part = Part::unit;
          it.person = current;
          it.cert = "medium";
        } else {
          it.part = Part::outside;
          last_spoken = false;
          continue;
        }
        current = it.person;
        last_spoken = true;
        continue;
      }
      if ((it.block.kind == BlockKind::list || it.block.kind == BlockKind::quote) && last_spoken && !current.empty()) {
        it.part = Part::attached;
        it.person = current;
        continue;
      }
      it.part = Part::outside;
      last_spoken = false;
    }
  }

  Run::Verdict dialogue_verdict(Run& r) {
    int n = 0, react = 0, answer = 0, voc = 0, question = 0, shortp = 0, spoken = 0, narrative = 0;
    for (auto& it : r.items) {
      if (!it.paragraph || it.f.note) continue;
      ++n;
      react += it.f.react;
      answer += it.f.answer;
      voc += !it.f.vocative.empty() || !it.f.addressed.empty();
      question += it.f.question || it.f.any_question;
      shortp += it.f.chars < w("dialogue.short_chars");
      spoken += it.f.polite > 0 || it.f.casual > 0;
      narrative += it.f.narrative;
    }
    int cues = 0, strong = 0;
    for (auto& it : r.items) {
      if (!it.paragraph || it.f.note) continue;
      bool s = it.f.react || it.f.answer || !it.f.vocative.empty() || !it.f.addressed.empty();
      strong += s;
      cues += s || it.f.question || it.f.any_question;
    }
    double dn = std::max(n, 1);
    double score = w("dialogue.react") * react / dn + w("dialogue.answer") * answer / dn +
                   w("dialogue.vocative") * voc / dn + w("dialogue.question") * question / dn +
                   w("dialogue.short") * shortp / dn + w("dialogue.spoken") * spoken / dn +
                   w("dialogue.narrative") * narrative / dn;
    bool scored = score >= w("dialogue.threshold");
    bool yes = scored && n >= w("dialogue.min_paragraphs") && cues >= w("dialogue.min_cues") &&
               strong >= w("dialogue.min_strong");
    bool piece = !yes && scored && n >= w("dialogue.piece_min_paragraphs") && strong >= w("dialogue.piece_min_strong");
    std::ostringstream why;
    why << std::fixed << std::setprecision(2) << (yes ? "unlabelled dialogue" : piece ? "dialogue-like" : "prose")
        << " (score " << score
        << " vs " << w("dialogue.threshold") << "; paragraphs " << n << ", cues " << cues << " (strong " << strong << "), react " << react
        << ", answer " << answer << ", vocative " << voc << ", question " << question << ", short " << shortp
        << ", spoken " << spoken << ", narrative " << narrative << ")";
    r.why = why.str();
    r.paragraphs = n;
    r.cues = cues;
    r.strong = strong;
    return yes ? Run::Verdict::yes : piece ? Run::Verdict::piece : Run::Verdict::no;
  }

  // Units of an unlabelled dialogue: its paragraphs but notes and the narration at its edges.
  void mark_units(Run& r) {
    std::vector<std::size_t> paras;
    for (std::size_t i = 0; i < r.items.size(); ++i)
      if (r.items[i].paragraph && !r.items[i].f.note) paras.push_back(i);
    std::size_t lo = 0, hi = paras.size();
    while (lo < hi && (r.items[paras[lo]].f.narrative || r.items[paras[lo]].f.intro)) ++lo;
    while (hi > lo && r.items[paras[hi - 1]].f.narrative) --hi;
    for (std::size_t k = lo; k < hi; ++k) r.items[paras[k]].part = Part::unit;
    // Lists and quotes join the unit before them (nothing but captions between), or else the
    // one after them.
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      Item& it = r.items[i];
      if (it.block.kind != BlockKind::list && it.block.kind != BlockKind::quote) continue;
      bool done = false;
      for (std::size_t j = i; j-- > 0;) {
        Item& p = r.items[j];
        if (p.part == Part::unit || p.part == Part::attached) {
          it.part = Part::attached;
          done = true;
          break;
        }
        if (p.block.kind == BlockKind::opaque) continue;
        if (p.block.kind == BlockKind::list || p.block.kind == BlockKind::quote) continue;
        break;
      }
      if (done) continue;
      for (std::size_t j = i + 1; j < r.items.size(); ++j) {
        Item& p = r.items[j];
        if (p.part == Part::unit) {
          it.part = Part::attached;
          break;
        }
        if (p.block.kind == BlockKind::opaque || p.block.kind == BlockKind::list || p.block.kind == BlockKind::quote)
          continue;
        break;
      }
    }
  }

  // ---- the sequence model -------------------------------------------------------------------
  struct Seq {
    Run* run;
    std::vector<Item*> units;
  };

  std::vector<Seq> sequences() {
    std::vector<Seq> out;
    for (auto& r : runs_) {
      if (r.mode != Run::Mode::unlabelled) continue;
      Seq s{&r, {}};
      bool fig = false, head = false, quote = false;
      std::size_t last_div = 0;
      for (auto& it : r.items) {
        if (it.part == Part::unit) {
          if (!s.units.empty()) {
            it.figure_between = fig;
            it.head_between = head;
            it.quote_between = quote;
            it.division_break = it.div != last_div;
          }
          s.units.push_back(&it);
          fig = head = quote = false;
          last_div = it.div;
        } else if (it.block.kind == BlockKind::figure) {
          fig = true;
        } else if (it.block.kind == BlockKind::head) {
          head = true;
        } else if (it.block.kind == BlockKind::quote && it.part == Part::attached) {
          quote = true;
        }
      }
      for (std::size_t k = 1; k < s.units.size(); ++k) s.units[k]->switch_score = switch_score(*s.units[k - 1], *s.units[k]);
      if (!s.units.empty()) out.push_back(std::move(s));
    }
    return out;
  }

  double switch_score(const Item& prev, const Item& cur) const {
    const Features& p = prev.f;
    const Features& c = cur.f;
    // In the order of kTransition (the [transition] section of speakers.weights).
    bool on[kTransitions] = {true,
                             p.question,
                             p.request && !p.question,
                             c.react,
                             c.answer && !c.react,
                             c.objection && !c.react && !c.answer,
                             !c.vocative.empty(),
                             c.continuation,
                             cur.figure_between,
                             cur.figure_between && c.figure_ref,
                             cur.quote_between,
                             cur.quote_between && c.refer_back,
                             cur.head_between,
                             cur.division_break};
    double s = 0;
    for (int k = 0; k < kTransitions; ++k) s += on[k] ? tw_[k] : 0.0;
    return s;
  }

  // Viterbi over two speakers; also the max-marginals, for the margin of every step.
  static void viterbi(Seq& s) {
    std::size_t n = s.units.size();
    std::vector<std::array<double, 2>> a(n), b(n);
    std::vector<std::array<int, 2>> back(n);
    for (int k = 0; k < 2; ++k) a[0][k] = s.units[0]->emit[k];
    for (std::size_t t = 1; t < n; ++t) {
      double sw = s.units[t]->switch_score;
      for (int k = 0; k < 2; ++k) {
        double stay = a[t - 1][k], change = a[t - 1][1 - k] + sw;
        back[t][k] = stay >= change ? k : 1 - k;
        a[t][k] = std::max(stay, change) + s.units[t]->emit[k];
      }
    }
    b[n - 1] = {0, 0};
    for (std::size_t t = n - 1; t-- > 0;) {
      double sw = s.units[t + 1]->switch_score;
      for (int k = 0; k < 2; ++k) {
        double stay = s.units[t + 1]->emit[k] + b[t + 1][k];
        double change = s.units[t + 1]->emit[1 - k] + b[t + 1][1 - k] + sw;
        b[t][k] = std::max(stay, change);
      }
    }
    int k = a[n - 1][0] >= a[n - 1][1] ? 0 : 1;
    for (std::size_t t = n; t-- > 0;) {
      s.units[t]->state = k;
      s.units[t]->margin = (a[t][k] + b[t][k]) - (a[t][1 - k] + b[t][1 - k]);
      if (t > 0) k = back[t][k];
    }
  }

  std::array<double, kProfile> profile_features(const Features& f) const {
    return {std::log2(static_cast<double>(std::max<std::size_t>(f.chars, 1))),
            f.polite,
            f.casual,
            static_cast<double>(f.question || f.any_question),
            static_cast<double>(f.react || f.answer),
            static_cast<double>(f.move),
            static_cast<double>(f.marker),
            static_cast<double>(f.first_person)};
  }

  void decode_unlabelled() {
    seqs_ = sequences();
    if (seqs_.empty()) return;
    double scale = w("role.scale");
    for (auto& s : seqs_)
      for (Item* u : s.units) {
        u->emit[0] = scale * u->f.role;
        u->emit[1] = -scale * u->f.role;
      }
    for (auto& s : seqs_) viterbi(s);
    int iterations = static_cast<int>(w("profile.iterations"));
    for (int round = 0; round < iterations; ++round) {
      std::array<double, kProfile> sum[2] = {}, mean[2] = {}, var = {};
      int count[2] = {0, 0};
      for (auto& s : seqs_)
        for (Item* u : s.units) {
          auto x = profile_features(u->f);
          for (int k = 0; k < kProfile; ++k) sum[u->state][k] += x[k];
          ++count[u->state];
        }
      if (count[0] == 0 || count[1] == 0) break;
      for (int st = 0; st < 2; ++st)
        for (int k = 0; k < kProfile; ++k) mean[st][k] = sum[st][k] / count[st];
      for (auto& s : seqs_)
        for (Item* u : s.units) {
          auto x = profile_features(u->f);
          for (int k = 0; k < kProfile; ++k) var[k] += (x[k] - mean[u->state][k]) * (x[k] - mean[u->state][k]);
        }
      for (int k = 0; k < kProfile; ++k) var[k] /= static_cast<double>(count[0] + count[1]);
      double pscale = w("profile.scale"), cap = w("profile.cap"), min_var = w("profile.min_var");
      std::vector<int> before;
      for (auto& s : seqs_)
        for (Item* u : s.units) {
          before.push_back(u->state);
          auto x = profile_features(u->f);
          double e = 0;
          for (int k = 0; k < kProfile; ++k) {
            double mid = (mean[0][k] + mean[1][k]) / 2;
            e += pw_[k] * (x[k] - mid) * (mean[0][k] - mean[1][k]) / (var[k] + min_var);
          }
          e = std::clamp(pscale * e, -cap, cap);
          u->emit[0] = e;
          u->emit[1] = -e;
        }
      for (auto& s : seqs_) viterbi(s);
      std::size_t i = 0;
      bool changed = false;
      for (auto& s : seqs_)
        for (Item* u : s.units) changed = changed || before[i++] != u->state;
      if (!changed) break;
    }
    // Speaker A (state 0) and B as people; lists and quotes follow their paragraph.
    for (auto& s : seqs_)
      for (Item* u : s.units) u->person = u->state == 0 ? "U:A" : "U:B";
    for (auto& r : runs_) {
      if (r.mode != Run::Mode::unlabelled) continue;
      for (std::size_t i = 0; i < r.items.size(); ++i) {
        Item& it = r.items[i];
        if (it.part != Part::attached) continue;
        std::string who;
        for (std::size_t j = i; j-- > 0 && who.empty();)
          if (r.items[j].part == Part::unit || r.items[j].part == Part::attached) who = r.items[j].person;
          else if (r.items[j].block.kind != BlockKind::opaque && r.items[j].block.kind != BlockKind::list &&
                   r.items[j].block.kind != BlockKind::quote)
            break;
        for (std::size_t j = i + 1; j < r.items.size() && who.empty(); ++j)
          if (r.items[j].part == Part::unit) who = r.items[j].person;
        it.person = who;
        if (who.empty()) it.part = Part::outside;
      }
    }
  }

  std::string cert_of(double margin) const {
    if (margin >= w("cert.high")) return "high";
    if (margin >= w("cert.medium")) return "medium";
    return "low";
  }

  // ---- names --------------------------------------------------------------------------------
  std::string normalise_name(const std::string& raw) const {
    if (cues_["title-name"].whole(raw)) return raw;
    std::string_view v = raw;
    if (std::size_t n = cues_["strip-honorific"].suffix(v); n && n < v.size()) v.remove_suffix(n);
    return std::string(v);
  }

  void name_people() {
    // Order of first speaking, over the whole document.
    std::vector<std::string> order;
    for (auto& r : runs_)
      for (auto& it : r.items)
        if ((it.part == Part::unit || it.part == Part::attached) && !it.person.empty() &&
            std::find(order.begin(), order.end(), it.person) == order.end())
          order.push_back(it.person);
    // Names of the unlabelled speakers: vocatives name the other one.
    std::map<std::string, std::map<std::string, int>> votes;
    for (auto& s : seqs_)
      for (Item* u : s.units) {
        std::string other = u->person == "U:A" ? "U:B" : "U:A";
        if (!u->f.vocative.empty()) votes[other][normalise_name(u->f.vocative)] += 2;
        if (!u->f.addressed.empty()) votes[other][normalise_name(u->f.addressed)] += 1;
      }
    auto best_name = [&](const std::string& key, const std::string& taken) {
      std::string best;
      int best_n = 0;
      bool best_personal = false;
      for (auto& [name, n] : votes[key]) {
        if (name == taken) continue;
        bool personal = !cues_["title-name"].whole(name);
        if (best.empty() || (personal && !best_personal) || (personal == best_personal && n > best_n)) {
          best = name;
          best_n = n;
          best_personal = personal;
        }
      }
      return best;
    };
    std::string name_a = best_name("U:A", ""), name_b = best_name("U:B", name_a);
    if (!name_b.empty() && name_b == name_a) name_b.clear();
    // Roles of the unlabelled speakers: who explains more.
    double role[2] = {0, 0};
    int cnt[2] = {0, 0};
    for (auto& s : seqs_)
      for (Item* u : s.units) {
        role[u->state] += u->f.role;
        ++cnt[u->state];
      }
    bool a_explains = (cnt[0] ? role[0] / cnt[0] : 0) >= (cnt[1] ? role[1] / cnt[1] : 0);
    // The interviewer of a dash interview: named by a 聞き手: byline. The interviewee: by the lead.
    std::string interviewer, interviewee;
    for (auto& d : doc_.divisions)
      for (auto& t : d.turns)
        for (auto& b : t.blocks)
          if (b.kind == BlockKind::byline && interviewer.empty()) interviewer = name_after_cue(b);
    for (auto& r : runs_)
      for (auto& it : r.items)
        if (it.block.kind == BlockKind::byline && interviewer.empty()) interviewer = name_after_cue(it.block);
    for (auto& r : runs_) {
      if (r.mode != Run::Mode::labelled) continue;
      for (auto& it : r.items) {
        if (it.part == Part::unit) break;
        if ((it.paragraph || it.block.kind == BlockKind::head) && interviewee.empty())
          interviewee = interviewee_in(leaf_text(it.block.leaves[0]));
      }
    }
    if (interviewee.empty()) interviewee = interviewee_in(doc_.header.title);
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::string& key = order[k];
      Participant p{key, "", ""};
      if (key == "U:A" || key == "U:B") {
        bool a = key == "U:A";
        p.name = a ? name_a : name_b;
        p.role = (a == a_explains) ? "explainer" : "asker";
      } else if (key == "D:interviewer") {
        p.name = interviewer;
        p.role = "interviewer";
      } else if (key == "D:interviewee") {
        p.name = interviewee;
        p.role = "interviewee";
      } else {
        p.name = key.substr(2);
        p.role = role_for(cues_, p.name);
        for (auto& r : runs_)
          for (auto& it : r.items)
            if (it.label && label_key(*it.label) == key && !it.label->role.empty() && p.role.empty()) p.role = it.label->role;
      }
      if (k < opts_.names.size() && !opts_.names[k].empty()) p.name = opts_.names[k];
      people_.push_back(p);
    }
  }

  std::string name_after_cue(const Block& b) const {
    if (b.leaves.empty()) return {};
    std::string text = leaf_text(b.leaves[0]);
    std::string_view t = trim_space(text);
    for (std::size_t i = 0; i < t.size();) {
      std::size_t n = cues_["interviewer-byline"].prefix(t.substr(i));
      if (n) {
        std::string_view rest = t.substr(i + n);
        std::size_t end = 0;
        while (end < rest.size()) {
          std::size_t len = 1;
          char32_t c = utf8::decode(rest, end, len);
          if (is_space(c) || c == ')' || c == 0xFF09 || c == 0x3001 || c == ',' || c == '/' || c == 0xFF0F ||
              c == 0x3002)
            break;
          end += len;
        }
        return std::string(rest.substr(0, end));
      }
      i += utf8::sequence_length(static_cast<unsigned char>(t[i]));
    }
    return {};
  }

  std::string interviewee_in(std::string_view text) const {
    for (auto& e : cues_["interviewee-cue"].literal) {
      std::size_t at = text.find(e.text);
      if (at == std::string_view::npos) continue;
      // The name run right before the honorific (さん/氏) that the cue starts with.
      std::size_t end = at, start = at;
      while (start > 0) {
        std::size_t len = 1;
        char32_t c = utf8::decode_before(text, start, len);
        if (!is_name_char(c)) break;
        start -= len;
      }
      if (start < end) return std::string(text.substr(start, end - start));
    }
    return {};
  }

  std::string who_of(const std::string& key) const {
    for (std::size_t k = 0; k < people_.size(); ++k)
      if (people_[k].key == key) return "#spk" + std::to_string(k + 1);
    return {};
  }

  // ---- rebuilding ---------------------------------------------------------------------------
  void rebuild() {
    std::set<std::string> used;
    std::vector<Turn*> fresh;  // turns that need a new id
    std::vector<std::string> explain;
    for (auto& r : runs_) {
      if (opts_.explain) explain_run(r);
      for (std::size_t d : r.divs) {
        Division& div = doc_.divisions[d];
        std::vector<Turn>& turns = div.turns;
        std::vector<Block> pending;  // opaque blocks waiting to know which side they are on
        std::vector<double> margins;
        std::vector<const Item*> members;
        auto close = [&]() {
          if (!turns.empty() && turns.back().spoken()) finish_turn(turns.back(), members);
          members.clear();
        };
        auto outside = [&](Block&& b) {
          if (turns.empty() || turns.back().spoken()) {
            close();
            turns.emplace_back();
          }
          turns.back().blocks.push_back(std::move(b));
        };
        for (auto& it : r.items) {
          if (it.div != d) continue;
          if (it.block.kind == BlockKind::opaque) {
            pending.push_back(std::move(it.block));
            continue;
          }
          bool spoken = (it.part == Part::unit || it.part == Part::attached) && !it.person.empty();
          if (!spoken) {
            for (auto& b : pending) outside(std::move(b));
            pending.clear();
            outside(std::move(it.block));
            continue;
          }
          std::string who = who_of(it.person);
          bool start = turns.empty() || !turns.back().spoken() || turns.back().who != who || it.label.has_value();
          if (start) {
            for (auto& b : pending) outside(std::move(b));
            pending.clear();
            close();
            Turn t;
            t.who = who;
            if (!it.old_turn.empty() && used.insert(it.old_turn).second) t.id = it.old_turn;
            if (it.label) t.speaker = it.label_text;
            turns.push_back(std::move(t));
          } else {
            for (auto& b : pending) turns.back().blocks.push_back(std::move(b));
            pending.clear();
          }
          if (it.label && it.label_is_new) cut_label(it.block, it.label->length);
          turns.back().blocks.push_back(std::move(it.block));
          members.push_back(&it);
        }
        for (auto& b : pending) outside(std::move(b));
        close();
        bool any = std::any_of(turns.begin(), turns.end(), [](const Turn& t) { return t.spoken(); });
        if (any) div.type = "dialogue";
        else if (div.type == "dialogue") div.type = "article";
        for (auto& t : turns)
          if (t.spoken() && t.id.empty()) fresh.push_back(&t);
      }
    }
    for (Turn* t : fresh) {
      std::string id;
      do id = "sp" + std::to_string(++max_turn_id_);
      while (used.count(id));
      used.insert(id);
      t->id = id;
    }
    doc_.header.persons.clear();
    for (std::size_t k = 0; k < people_.size(); ++k)
      doc_.header.persons.push_back({"spk" + std::to_string(k + 1), people_[k].role, people_[k].name});
  }

  void finish_turn(Turn& t, const std::vector<const Item*>& members) {
    bool inferred = false, labelled = false;
    double margin = 1e9;
    std::string fixed;
    for (const Item* it : members) {
      if (it->part != Part::unit) continue;
      if (it->label) labelled = true;
      if (it->state >= 0) {
        inferred = true;
        margin = std::min(margin, it->margin);
      } else if (!it->cert.empty()) {
        if (fixed.empty() || fixed == "high") fixed = it->cert;
      }
    }
    if (inferred) t.cert = cert_of(margin);
    else if (!fixed.empty()) t.cert = fixed;
    else if (labelled) t.cert.clear();
  }

  // ---- --explain ----------------------------------------------------------------------------
  void explain_run(const Run& r) {
    std::ostream& os = *opts_.explain;
    os << "jatei-speakers: divisions";
    for (std::size_t d : r.divs) os << ' ' << (d + 1);
    os << ": " << r.why << '\n';
    if (r.mode == Run::Mode::prose) return;
    os << std::fixed << std::setprecision(2);
    for (auto& it : r.items) {
      std::string id = it.block.id;
      if (id.empty() && !it.block.leaves.empty()) id = it.block.leaves[0].id;
      os << "  " << std::left << std::setw(6) << id << ' ' << std::setw(9) << to_string(it.block.kind) << std::right;
      if (it.paragraph) {
        const Features& f = it.f;
        os << " chars=" << f.chars << " polite=" << f.polite << " casual=" << f.casual << " q=" << f.question
           << " req=" << f.request << " react=" << f.react << " answer=" << f.answer << " objection=" << f.objection
           << " cont=" << f.continuation << " move=" << f.move << " marker=" << f.marker
           << " narrative=" << f.narrative << " intro=" << f.intro << " note=" << f.note;
        if (!f.vocative.empty()) os << " vocative=" << f.vocative;
        if (!f.addressed.empty()) os << " addressed=" << f.addressed;
        os << " role=" << f.role;
      }
      if (it.label) os << " label=\"" << it.label_text << "\"";
      if (it.part == Part::unit && it.state >= 0)
        os << " | switch=" << it.switch_score << " emit=" << it.emit[0] << " margin=" << it.margin << " ("
           << cert_of(it.margin) << ")";
      std::string who = it.part == Part::outside ? std::string("-") : who_of(it.person);
      os << " -> " << (it.part == Part::outside ? "outside" : it.part == Part::attached ? "attached " + who : who)
         << '\n';
    }
    for (std::size_t k = 0; k < people_.size(); ++k)
      if (std::any_of(r.items.begin(), r.items.end(), [&](const Item& it) { return it.person == people_[k].key; }))
        os << "  spk" << (k + 1) << ": name=\"" << people_[k].name << "\" role=" << people_[k].role << '\n';
  }

  Document& doc_;
  const SpeakerOptions& opts_;
  const SpeakerModel& model_;
  const SpeakerModel::Compiled& cues_;
  std::vector<Run> runs_;
  std::vector<Seq> seqs_;
  std::vector<Participant> people_;
  unsigned long max_turn_id_ = 0;
  RoleWeights role_w_;
  double tw_[kTransitions];
  double pw_[kProfile];
};

}  // namespace

void annotate_speakers(Document& doc, const SpeakerOptions& options) { Annotator(doc, options).run(); }

}  // namespace jatei
