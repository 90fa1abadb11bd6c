// The cue lexicon and the gazetteer: tab-separated files a user reads and extends.
// Both are indexed in a byte trie over their NFKC forms, so finding every entry that starts at
// a position costs one walk, whatever the size of the file.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "claims/entity_words.hpp"
#include "core/data_files.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"
#include "jatei/error.hpp"

namespace jatei {
// Generated at build time from lib/data/claims/*.tsv (see lib/CMakeLists.txt).
extern const char kBuiltinCues[];
extern const std::size_t kBuiltinCuesSize;
extern const char kBuiltinCategories[];
extern const std::size_t kBuiltinCategoriesSize;
extern const char kBuiltinNames[];
extern const std::size_t kBuiltinNamesSize;
extern const char kBuiltinEntities[];
extern const std::size_t kBuiltinEntitiesSize;
}  // namespace jatei

namespace jatei::claims {
bool is_category(std::string_view kind) {
  static const std::string_view kinds[] = {"speech", "hearing", "thinking", "estimate", "judging", "denial", "manner", "stance",
                                           "showverb", "rumour", "spread", "epistemic", "likely", "feeling",
                                           "evaluation", "telling", "ask", "answer", "evidence", "discourse",
                                           "rumoured", "voice", "pointer", "finding", "source", "agent", "suggestion", "exclaim",
                                           "admission", "measure", "universal", "forecast", "assertion", "recognition", "receive", "relation",
                                           "connective", "aboutness", "person", "arrive"};
  return std::find(std::begin(kinds), std::end(kinds), kind) != std::end(kinds);
}

namespace {

// A byte trie; each node lists the entries (by index) that end there.
// The first two levels (most walks end there) are direct tables; deeper edges are hashed.
struct ByteTrie {
  std::vector<std::uint32_t> root = std::vector<std::uint32_t>(256, 0);  // 0 = no edge
  std::unordered_map<std::uint64_t, std::uint32_t> edges;
  std::vector<std::vector<std::uint32_t>> terminal{{}};

  std::uint32_t child(std::uint32_t node, unsigned char b) const {
    if (node == 0) return root[b];
    auto it = edges.find((static_cast<std::uint64_t>(node) << 8) | b);
    return it == edges.end() ? 0 : it->second;
  }

  void add(std::string_view key, std::uint32_t value) {
    std::uint32_t node = 0;
    for (unsigned char b : key) {
      std::uint32_t c = child(node, b);
      if (!c) {
        c = static_cast<std::uint32_t>(terminal.size());
        terminal.emplace_back();
        if (node == 0) root[b] = c;
        else edges.emplace((static_cast<std::uint64_t>(node) << 8) | b, c);
      }
      node = c;
    }
    terminal[node].push_back(value);
  }

  // Calls f(value, length) for every key that is a prefix of text[i..], shortest first.
  template <class F>
  void walk(std::string_view text, std::size_t i, F&& f) const {
    std::uint32_t node = 0;
    for (std::size_t k = i; k < text.size(); ++k) {
      node = child(node, static_cast<unsigned char>(text[k]));
      if (!node) return;
      for (auto v : terminal[node]) f(v, k + 1 - i);
    }
  }
};

// Entries end up in TEI attributes and text: a row must be UTF-8 without characters XML
// cannot hold (controls other than the tab, U+FFFE, U+FFFF), or the output would be unreadable.
void check_row_characters(std::string_view line, std::size_t line_no, const std::string& origin) {
  for (std::size_t i = 0; i < line.size();) {
    std::size_t n = utf8::valid_prefix(line.substr(i));
    if (n == 0) throw DataError(origin + ": invalid UTF-8; a data file is UTF-8", line_no, i + 1);
    std::size_t len = 0;
    char32_t c = utf8::decode(line, i, len);
    if ((c < 0x20 && c != '\t') || c == 0xFFFE || c == 0xFFFF)
      throw DataError(origin + ": a character XML cannot hold (U+" + [&] {
                        char buf[8];
                        std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
                        return std::string(buf);
                      }() + ")",
                      line_no, i + 1);
    i += n;
  }
}

// Splits tab-separated lines; calls f(fields, line_no) for each non-comment, non-blank line.
template <class F>
void for_each_row(std::string_view text, const std::string& origin, F&& f) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  data::for_each_line(text, [&](std::string_view line, std::size_t line_no) {
    line = data::trim_end(line, " \r");
    std::size_t first = line.find_first_not_of(" ");
    if (first == std::string_view::npos || line[first] == '#') return;
    check_row_characters(line, line_no, origin);
    std::vector<std::string_view> fields;
    std::size_t a = 0;
    while (true) {
      std::size_t t = line.find('\t', a);
      fields.push_back(line.substr(a, t == std::string_view::npos ? std::string_view::npos : t - a));
      if (t == std::string_view::npos) break;
      a = t + 1;
    }
    for (auto& fld : fields) fld = data::trim(fld, " ");
    f(fields, line_no);
  });
}

const char* const kClasses[] = {"fact", "speculation", "reported", "question", "opinion", "other", "none"};

// The kinds a cue may name after its class (claims.hpp, Cue): the uses the rules read, the
// word lists and the categories of categories.tsv. Any other is a typo that would make the
// entry a plain ending silently.
bool is_known_kind(std::string_view kind) {
  static const std::string_view uses[] = {
      "adverb",     "np",        "think",         "plain",      "quote",     "agreement", "intention",
      "request",    "greeting",  "rule",          "evaluative", "interjection", "hearsay", "paren",
      "retrospective", "qword",  "hedgenoun",     "speechverb", "rulenoun",  "prefix",    "asker",
      "quotenoun",  "textdeixis", "procedure",    "sourcemarker", "notqword", "ruletext", "timenoun"};
  return std::find(std::begin(uses), std::end(uses), kind) != std::end(uses) || is_category(kind);
}

// Word lists the rules read; they are not matched as cues by themselves.
bool is_word_list(const Cue& c) {
  return c.kind == "qword" || c.kind == "hedgenoun" || c.kind == "speechverb" || c.kind == "rulenoun" || c.kind == "ruletext" || c.kind == "timenoun" ||
         c.kind == "prefix" || c.kind == "quote" || c.kind == "asker" || c.kind == "quotenoun" || c.kind == "textdeixis" || c.kind == "procedure" ||
         c.kind == "sourcemarker" || c.kind == "notqword" || is_category(c.kind);
}

}  // namespace

// ------------------------------------------------------------------------------------------
// Lexicon
// ------------------------------------------------------------------------------------------

struct Lexicon::Trie {
  ByteTrie trie;
  std::map<std::string, std::vector<const Cue*>, std::less<>> kinds;
  std::unordered_map<std::string, const Cue*> words;  // kind TAB expression -> entry (categories)
};

Lexicon::Lexicon() : trie_(std::make_shared<Trie>()) {}

Lexicon::Lexicon(const Lexicon& other) : cues_(other.cues_), removals_(other.removals_) { index(); }

Lexicon& Lexicon::operator=(const Lexicon& other) {
  if (this != &other) {
    cues_ = other.cues_;
    removals_ = other.removals_;
    index();
  }
  return *this;
}

Lexicon Lexicon::parse(std::string_view text, const std::string& origin) {
  Lexicon lex;
  for_each_row(text, origin, [&](const std::vector<std::string_view>& f, std::size_t line) {
    std::string_view expr = f[0];
    bool remove = false;
    if (expr.size() > 1 && expr[0] == '-') {
      remove = true;
      expr.remove_prefix(1);
    } else if (expr.size() > 1 && expr[0] == '\\') {
      expr.remove_prefix(1);
    }
    Cue c;
    c.origin = origin;
    c.line = line;
    if (expr.size() > 1 && expr.front() == '^') {
      c.at_start = true;
      expr.remove_prefix(1);
    }
    if (expr.size() > 1 && expr.back() == '$') {
      c.at_end = true;
      expr.remove_suffix(1);
    }
    if (expr.empty()) throw DataError(origin + ": empty expression", line, 1);
    c.expression = normalise(expr).text;
    if (remove) {
      lex.removals_.push_back(c.expression);
      std::erase_if(lex.cues_, [&](const Cue& x) { return x.expression == c.expression; });
      return;
    }
    if (f.size() < 3)
      throw DataError(origin + ": expected expression, class and strength separated by tabs", line, 1);
    std::string_view cls = f[1];
    std::size_t slash = cls.find('/');
    if (slash != std::string_view::npos) {
      c.kind = std::string(cls.substr(slash + 1));
      cls = cls.substr(0, slash);
    }
    c.cls = std::string(cls);
    if (!c.kind.empty() && !is_known_kind(c.kind))
      throw DataError(origin + ": unknown kind '" + c.kind + "' after the class (see the kinds in the header of cues.tsv)",
                      line, 1);
    if (std::find(std::begin(kClasses), std::end(kClasses), c.cls) == std::end(kClasses))
      throw DataError(origin + ": unknown class '" + c.cls +
                          "' (fact, speculation, reported, question, opinion, other or none)",
                      line, 1);
    std::string_view st = f[2];
    double v = -1;
    auto [p, ec] = std::from_chars(st.data(), st.data() + st.size(), v);
    // Written so that NaN (which from_chars reads from "nan") fails too: every comparison with it is false.
    if (ec != std::errc() || p != st.data() + st.size() || !(v >= 0 && v <= 1))
      throw DataError(origin + ": strength must be a number from 0 to 1, got '" + std::string(st) + "'", line, 1);
    c.strength = v;
    if (f.size() > 3) c.notes = std::string(f[3]);
    lex.cues_.push_back(std::move(c));
  });
  lex.index();
  return lex;
}

void Lexicon::merge(const Lexicon& other) {
  for (auto& r : other.removals_)
    std::erase_if(cues_, [&](const Cue& x) { return x.expression == r; });
  for (auto& c : other.cues_) {
    // A user entry with the same expression and anchors replaces the shipped one.
    std::erase_if(cues_, [&](const Cue& x) {
      if (x.expression != c.expression || x.at_start != c.at_start || x.at_end != c.at_end) return false;
      if (is_word_list(x) != is_word_list(c)) return false;
      return !is_word_list(x) || x.kind == c.kind;
    });
    cues_.push_back(c);
  }
  index();
}

void Lexicon::merge_file(const std::string& path) { merge(parse(data::read_file(path, "lexicon"), path)); }

const Lexicon& Lexicon::builtin() {
  static const Lexicon lex = [] {
    Lexicon out;
    if (auto path = data::override_file("claims/cues.tsv"))
      out = data::parse_located(*path, "lexicon", [&](const std::string& text) { return parse(text, *path); });
    else
      out = parse(std::string_view(kBuiltinCues, kBuiltinCuesSize), "cues.tsv");
    if (auto path = data::override_file("claims/categories.tsv"))
      out.merge(data::parse_located(*path, "lexicon", [&](const std::string& text) { return parse(text, *path); }));
    else
      out.merge(parse(std::string_view(kBuiltinCategories, kBuiltinCategoriesSize), "categories.tsv"));
    return out;
  }();
  return lex;
}

void Lexicon::index() {
  auto t = std::make_shared<Trie>();
  for (std::size_t k = 0; k < cues_.size(); ++k) {
    if (!is_word_list(cues_[k])) t->trie.add(cues_[k].expression, static_cast<std::uint32_t>(k));
    t->kinds[cues_[k].kind].push_back(&cues_[k]);
    if (is_category(cues_[k].kind)) t->words[cues_[k].kind + "\t" + cues_[k].expression] = &cues_[k];
  }
  trie_ = std::move(t);
}

const Cue* Lexicon::word(std::string_view kind, std::string_view lemma) const {
  std::string key;
  key.reserve(kind.size() + 1 + lemma.size());
  key += kind;
  key += '\t';
  key += lemma;
  auto it = trie_->words.find(key);
  return it == trie_->words.end() ? nullptr : it->second;
}

const std::vector<const Cue*>& Lexicon::of_kind(std::string_view kind) const {
  static const std::vector<const Cue*> none;
  auto it = trie_->kinds.find(kind);
  return it == trie_->kinds.end() ? none : it->second;
}

void Lexicon::match_at(std::string_view text, std::size_t i, std::vector<const Cue*>& out) const {
  out.clear();
  trie_->trie.walk(text, i, [&](std::uint32_t v, std::size_t) { out.push_back(&cues_[v]); });
  std::reverse(out.begin(), out.end());
}

std::vector<const Cue*> Lexicon::match_at(std::string_view text, std::size_t i) const {
  std::vector<const Cue*> out;
  match_at(text, i, out);
  return out;
}

// ------------------------------------------------------------------------------------------
// Gazetteer
// ------------------------------------------------------------------------------------------

struct Gazetteer::Trie {
  ByteTrie trie;
};

Gazetteer::Gazetteer() : trie_(std::make_shared<Trie>()) {}

Gazetteer Gazetteer::parse(std::string_view text, const std::string& origin) {
  Gazetteer g;
  for_each_row(text, origin, [&](const std::vector<std::string_view>& f, std::size_t line) {
    std::string_view surface = f[0];
    if (surface.size() > 1 && surface[0] == '-') {
      std::string s = normalise(surface.substr(1)).text;
      g.removals_.push_back(s);
      std::erase_if(g.entries_, [&](const NameEntry& x) { return x.surface == s; });
      return;
    }
    if (surface.size() > 1 && surface[0] == '\\') surface.remove_prefix(1);
    if (f.size() < 2) throw DataError(origin + ": expected surface and element separated by a tab", line, 1);
    NameEntry e;
    e.surface = normalise(surface).text;
    std::string_view el = f[1];
    std::size_t slash = el.find('/');
    if (slash != std::string_view::npos) {
      e.type = std::string(el.substr(slash + 1));
      el = el.substr(0, slash);
    }
    e.element = std::string(el);
    if (e.element != "persName" && e.element != "orgName" && e.element != "placeName" && e.element != "name")
      throw DataError(origin + ": unknown element '" + e.element + "' (persName, orgName, placeName or name)", line, 1);
    if (f.size() > 2) e.notes = std::string(f[2]);
    g.entries_.push_back(std::move(e));
  });
  g.index();
  return g;
}

void Gazetteer::merge(const Gazetteer& other) {
  for (auto& r : other.removals_)
    std::erase_if(entries_, [&](const NameEntry& x) { return x.surface == r; });
  for (auto& e : other.entries_) {
    std::erase_if(entries_, [&](const NameEntry& x) { return x.surface == e.surface; });
    entries_.push_back(e);
  }
  index();
}

void Gazetteer::merge_file(const std::string& path) { merge(parse(data::read_file(path, "gazetteer"), path)); }

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer g = [] {
    if (auto path = data::override_file("claims/names.tsv"))
      return data::parse_located(*path, "gazetteer", [&](const std::string& text) { return parse(text, *path); });
    return parse(std::string_view(kBuiltinNames, kBuiltinNamesSize), "names.tsv");
  }();
  return g;
}

void Gazetteer::index() {
  auto t = std::make_shared<Trie>();
  for (std::size_t k = 0; k < entries_.size(); ++k) t->trie.add(entries_[k].surface, static_cast<std::uint32_t>(k));
  trie_ = std::move(t);
}

const NameEntry* Gazetteer::match_at(std::string_view text, std::size_t i, std::size_t& len) const {
  const NameEntry* best = nullptr;
  len = 0;
  trie_->trie.walk(text, i, [&](std::uint32_t v, std::size_t n) {
    if (n >= len) {
      best = &entries_[v];
      len = n;
    }
  });
  return best;
}

}  // namespace jatei::claims

// ------------------------------------------------------------------------------------------
// The word lists of the name finder
// ------------------------------------------------------------------------------------------

namespace jatei::claims {

EntityWords EntityWords::parse(std::string_view text, const std::string& origin) {
  EntityWords w;
  for_each_row(text, origin, [&](const std::vector<std::string_view>& f, std::size_t line) {
    if (f.size() < 2 || f[1].empty()) throw DataError(origin + ": expected a list and a word separated by a tab", line, 1);
    std::string_view list = f[0], detail = f.size() > 2 ? f[2] : std::string_view();
    std::string word = normalise(f[1]).text;
    auto bad_detail = [&](std::string_view allowed) {
      return DataError(origin + ": unknown detail '" + std::string(detail) + "' for " + std::string(list) + " (" +
                           std::string(allowed) + ")",
                       line, 1);
    };
    auto plain = [&](std::vector<std::string>& v) {
      if (!detail.empty()) throw bad_detail("none");
      v.push_back(std::move(word));
    };
    if (list == "title") {
      if (detail != "role" && detail != "honorific") throw bad_detail("role or honorific");
      w.titles.push_back({std::move(word), detail == "honorific"});
    } else if (list == "org-suffix") {
      if (!detail.empty() && detail != "foreign" && detail != "either") throw bad_detail("foreign, either, or none");
      w.org_suffixes.push_back({std::move(word), detail == "foreign", detail == "either"});
    } else if (list == "not-person") {
      if (detail == "anywhere") w.not_person_anywhere.push_back(std::move(word));
      else if (detail == "last") w.not_person_last.push_back(std::move(word));
      else if (detail == "last-long") w.not_person_last_long.push_back(std::move(word));
      else if (detail == "alone") w.not_person_alone.push_back(std::move(word));
      else if (detail == "first") w.not_person_first.push_back(std::move(word));
      else throw bad_detail("anywhere, last, last-long, alone or first");
    } else if (list == "relative-date") {
      if (detail.empty()) throw bad_detail("a subtype such as previous-year");
      RelativeDate r{std::move(word), std::string(detail)};
      // An offset from the page's date: -1y, +2y, 0m.
      if (f.size() > 3 && !f[3].empty()) {
        std::string_view o = f[3];
        char unit = o.back();
        o.remove_suffix(1);
        if (!o.empty() && o.front() == '+') o.remove_prefix(1);
        auto r2 = std::from_chars(o.data(), o.data() + o.size(), r.offset);
        if ((unit != 'y' && unit != 'm') || o.empty() || r2.ec != std::errc() || r2.ptr != o.data() + o.size())
          throw DataError(origin + ": the offset of relative date '" + r.text +
                              "' is not a number of years or months from the page's date (-1y, +1m)",
                          line, 1);
        r.page = unit;
      }
      w.relative_dates.push_back(std::move(r));
    } else if (list == "era") {
      int base = 0;
      auto r = std::from_chars(detail.data(), detail.data() + detail.size(), base);
      if (r.ec != std::errc() || r.ptr != detail.data() + detail.size() || base < 1)
        throw bad_detail("the Western year before the era's first");
      w.eras.push_back({std::move(word), base});
    } else if (list == "unit") {
      if (detail.empty()) throw bad_detail("a type such as currency, percent, duration or count");
      Unit u{std::move(word), std::string(detail), f.size() > 3 ? std::string(f[3]) : std::string(), 1};
      if (f.size() > 4 && !f[4].empty()) {
        auto r = std::from_chars(f[4].data(), f[4].data() + f[4].size(), u.factor);
        if (r.ec != std::errc() || r.ptr != f[4].data() + f[4].size() || !(u.factor > 0))
          throw DataError(origin + ": the factor of unit '" + u.text + "' is not a positive number", line, 1);
      }
      w.units.push_back(std::move(u));
    } else if (list == "date-part") {
      plain(w.date_parts);
    } else if (list == "day-after") {
      plain(w.day_after);
    } else if (list == "place-suffix") {
      plain(w.place_suffixes);
    } else if (list == "place-after") {
      plain(w.place_after);
    } else if (list == "not-place") {
      plain(w.not_places);
    } else if (list == "link-label") {
      plain(w.link_labels);
    } else if (list == "title-before") {
      plain(w.titles_before);
    } else if (list == "credit") {
      plain(w.credits);
    } else if (list == "desk") {
      plain(w.desks);
    } else if (list == "role-in-parens") {
      plain(w.roles_in_parens);
    } else if (list == "org-part") {
      plain(w.org_parts);
    } else if (list == "generic-start") {
      plain(w.generic_starts);
    } else if (list == "company-kind") {
      plain(w.company_kinds);
    } else if (list == "seat-suffix") {
      plain(w.seat_suffixes);
    } else if (list == "product-noun") {
      plain(w.product_nouns);
    } else if (list == "common-noun") {
      if (detail == "last-long") w.common_suffixes.push_back(std::move(word));
      else if (!detail.empty()) throw bad_detail("last-long or none");
      else plain(w.common_nouns);
    } else {
      throw DataError(origin + ": unknown list '" + std::string(list) +
                          "' (title, title-before, credit, desk, role-in-parens, org-suffix, org-part, generic-start, "
                          "company-kind, seat-suffix, product-noun, common-noun, not-person, place-suffix, place-after, not-place, "
                          "link-label, relative-date, date-part, day-after, era or unit)",
                      line, 1);
    }
  });
  for (auto& t : w.titles) w.title_first.push_back(text::at(t.text, 0));
  for (auto& s : w.org_suffixes) w.org_suffix_first.push_back(text::at(s.text, 0));
  for (auto& r : w.relative_dates) w.relative_first.push_back(text::at(r.text, 0));
  for (auto& e : w.eras) w.era_first.push_back(text::at(e.text, 0));
  return w;
}

const EntityWords& EntityWords::builtin() {
  static const EntityWords w = [] {
    if (auto path = data::override_file("claims/entities.tsv"))
      return data::parse_located(*path, "entity word list", [&](const std::string& text) { return parse(text, *path); });
    return parse(std::string_view(kBuiltinEntities, kBuiltinEntitiesSize), "entities.tsv");
  }();
  return w;
}

bool EntityWords::common_noun(std::string_view run) const {
  // A word of one character only as the whole run (お子さん, not 花子さん); a longer one also
  // at the end of a compound (新人店員さん).
  for (auto& c : common_nouns)
    if (run == c || (text::length(c) >= 2 && run.ends_with(c))) return true;
  // 古着屋さん, 不動産屋さん: a trade by its shape (土屋さん, 古屋さん, two characters, are names).
  if (text::length(run) >= 3)
    for (auto& c : common_suffixes)
      if (run.ends_with(c)) return true;
  return false;
}

bool EntityWords::not_person(std::string_view run) const {
  for (auto& b : not_person_anywhere)
    if (run.find(b) != std::string_view::npos) return true;
  for (auto& b : not_person_last)
    if (run.ends_with(b)) return true;
  if (text::length(run) >= 3)
    for (auto& b : not_person_last_long)
      if (run.ends_with(b)) return true;
  for (auto& c : not_person_alone)
    if (run == c) return true;
  for (auto& st : not_person_first)
    if (run.starts_with(st)) return true;
  return false;
}

bool EntityWords::generic(std::string_view run) const {
  for (auto& g : generic_starts)
    if (run.starts_with(g)) return true;
  return false;
}

}  // namespace jatei::claims
