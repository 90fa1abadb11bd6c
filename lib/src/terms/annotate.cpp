// The terms stage: termbase terms and in-text glosses on the document model.
//
// Per sentence: remove this stage's earlier <term>/<gloss>, find the glosses (terms_gloss),
// match every termbase term on the normalised view (terms_normalize, terms_match), drop what
// would cross another stage's markup, choose longest-leftmost, resolve a term with several
// senses (推論: reasoning or inference), then write spans. Ids are given in document order,
// reusing the id a term had at the same place before, so a second run gives the same bytes.
#include "core/data_files.hpp"
#include "jatei/terms.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "jatei/error.hpp"
#include "jatei/segment.hpp"
#include "jatei/text.hpp"
#include "jatei/utf8.hpp"

namespace jatei::terms {
namespace {

using data::exe_dir;
using data::file_exists;

std::string basename_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

char32_t first_cp(std::string_view s) {
  std::size_t len = 0;
  return s.empty() ? 0 : utf8::decode(s, 0, len);
}
char32_t last_cp(std::string_view s) {
  std::size_t len = 0;
  return s.empty() ? 0 : utf8::decode_before(s, s.size(), len);
}

bool is_small_or_long(char32_t c) {
  switch (c) {
    case 0x30FC: case 0x30A1: case 0x30A3: case 0x30A5: case 0x30A7: case 0x30A9: case 0x30C3:
    case 0x30E3: case 0x30E5: case 0x30E7: case 0x30EE: case 0x30F5: case 0x30F6:
      return true;
    default:
      return false;
  }
}

bool is_owned_term(const Span& sp) {
  if (sp.element != "term") return false;
  const std::string* id = sp.attrs.get("xml:id");
  return id && id->size() > 1 && (*id)[0] == 't' &&
         std::all_of(id->begin() + 1, id->end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool is_owned_gloss(const Span& sp) {
  if (sp.element != "gloss") return false;
  const std::string* t = sp.attrs.get("target");
  return t && t->size() > 2 && (*t)[0] == '#' && (*t)[1] == 't' &&
         std::all_of(t->begin() + 2, t->end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether [b, e) and a span cross (overlap without one containing the other).
bool crosses(std::size_t b, std::size_t e, const Span& sp) {
  if (sp.begin == sp.end) return false;  // milestones never cross
  bool overlap = b < sp.end && sp.begin < e;
  bool inside = sp.begin <= b && e <= sp.end;
  bool outside = b <= sp.begin && sp.end <= e;
  return overlap && !inside && !outside;
}

// A loanword proposal needs this similarity (translit.cpp); below it, unrelated words
// with the same consonants (コスト / ecosystem) come through.
constexpr double kLoanwordThreshold = 0.85;

struct Sense {
  std::uint32_t tb, cid;
};

struct KeyEntry {
  std::string key;
  std::vector<Sense> senses;
  std::uint32_t owner = 0;  // the termbase the senses come from (a later one replaces them)
};

// Cues for telling senses apart: the two characters before and after the term in the
// termbase's context sentences.
struct Cues {
  std::vector<std::string> before, after;
};

std::string chars_after(std::string_view s, std::size_t at, std::size_t n) {
  std::size_t e = at;
  for (std::size_t k = 0; k < n && e < s.size(); ++k) e += utf8::sequence_length(static_cast<unsigned char>(s[e]));
  return std::string(s.substr(at, std::min(e, s.size()) - at));
}
std::string chars_before(std::string_view s, std::size_t at, std::size_t n) {
  std::size_t b = at;
  for (std::size_t k = 0; k < n && b > 0; ++k) {
    std::size_t len = 0;
    utf8::decode_before(s, b, len);
    b -= len;
  }
  return std::string(s.substr(b, at - b));
}

}  // namespace

// ------------------------------------------------------------------------------------------

struct Annotator::Impl {
  std::vector<std::shared_ptr<const tbx::Termbase>> tbs;
  std::vector<std::string> names;  // file names used in @ref
  std::vector<KeyEntry> entries;
  std::unordered_map<std::string, std::uint32_t> by_key;
  Matcher matcher;
  // Normalised English terms per concept (index: base[tb] + concept) for "is this pair known".
  std::vector<std::uint32_t> base;
  std::vector<std::vector<std::string>> english;
  std::map<std::pair<std::uint32_t, std::uint32_t>, Cues> cues;
  // English terms by skeleton (first character) for loanword proposals, built on first use.
  struct EnglishWord {
    std::string text, skeleton;
  };
  mutable std::once_flag english_once;
  mutable std::unordered_map<char, std::vector<EnglishWord>> english_by_first;
  const std::unordered_map<char, std::vector<EnglishWord>>& english_words() const {
    std::call_once(english_once, [&] {
      for (auto& tb : tbs)
        for (auto& con : tb->concepts)
          if (const tbx::LangSection* en = con.lang("en"))
            for (auto& term : en->terms) {
              std::string sk = english_skeleton(term.text);
              if (!sk.empty()) english_by_first[sk[0]].push_back({term.text, sk});
            }
    });
    return english_by_first;
  }

  const tbx::Concept& concept_of(const Sense& s) const { return tbs[s.tb]->concepts[s.cid]; }
  std::string ref(const Sense& s) const { return names[s.tb] + "#" + concept_of(s).id; }
  std::string preferred_english(const Sense& s) const {
    const tbx::LangSection* en = concept_of(s).lang("en");
    if (!en || en->terms.empty()) return {};
    for (auto& t : en->terms)
      if (t.status == "preferredTerm-admn-sts") return t.text;
    return en->terms.front().text;
  }
  const KeyEntry* lookup(std::string_view text) const {
    auto it = by_key.find(normalize_key(text));
    return it == by_key.end() ? nullptr : &entries[it->second];
  }
  // Whether a sense's concept has this English (normalised) term.
  bool has_english(const Sense& s, const std::string& english_key) const {
    auto& v = english[base[s.tb] + s.cid];
    return std::find(v.begin(), v.end(), english_key) != v.end();
  }
};

Annotator::Annotator(std::vector<std::shared_ptr<const tbx::Termbase>> termbases) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.tbs = std::move(termbases);
  // Later termbases replace earlier ones key by key.
  std::size_t total = 0, terms = 0;
  for (auto& tb : m.tbs) {
    m.base.push_back(static_cast<std::uint32_t>(total));
    total += tb->concepts.size();
    for (auto& c : tb->concepts)
      for (auto& ls : c.langs) terms += ls.terms.size();
  }
  m.english.resize(total);
  m.by_key.reserve(terms);
  m.entries.reserve(terms);
  for (std::uint32_t t = 0; t < m.tbs.size(); ++t) {
    m.names.push_back(basename_of(m.tbs[t]->origin.empty() ? "termbase.tbx" : m.tbs[t]->origin));
    for (std::uint32_t c = 0; c < m.tbs[t]->concepts.size(); ++c) {
      const tbx::Concept& con = m.tbs[t]->concepts[c];
      for (auto& ls : con.langs) {
        std::string primary = ls.lang.substr(0, ls.lang.find_first_of("-_"));
        if (primary == "en") {
          auto& keys = m.english[m.base[t] + c];
          for (auto& term : ls.terms) keys.push_back(lower_ascii(normalize_key(term.text)));
          continue;
        }
        if (primary != "ja") continue;
        for (auto& term : ls.terms) {
          std::string key = normalize_key(term.text);
          if (key.empty()) continue;
          auto [it, fresh] = m.by_key.try_emplace(key, static_cast<std::uint32_t>(m.entries.size()));
          if (fresh) m.entries.push_back({key, {}, t});
          KeyEntry& e = m.entries[it->second];
          if (e.owner != t) e.senses.clear();
          e.owner = t;
          bool dup = std::any_of(e.senses.begin(), e.senses.end(), [&](const Sense& s) { return s.tb == t && s.cid == c; });
          if (!dup) e.senses.push_back({t, c});
          // Sense cues from the context sentence.
          if (!term.context.empty()) {
            Cues& cu = m.cues[{t, c}];
            for (std::size_t p = term.context.find(term.text); p != std::string::npos;
                 p = term.context.find(term.text, p + 1)) {
              std::string a = chars_after(term.context, p + term.text.size(), 2);
              std::string b = chars_before(term.context, p, 2);
              if (!a.empty()) cu.after.push_back(a);
              if (!b.empty()) cu.before.push_back(b);
            }
          }
        }
      }
    }
  }
  for (std::uint32_t k = 0; k < m.entries.size(); ++k) m.matcher.add(m.entries[k].key, k);
  m.matcher.build();
}

Annotator::~Annotator() = default;

bool Annotator::is_term(std::string_view text) const { return impl_->lookup(text) != nullptr; }
std::size_t Annotator::term_count() const { return impl_->entries.size(); }
const std::vector<std::shared_ptr<const tbx::Termbase>>& Annotator::termbases() const { return impl_->tbs; }

std::string default_termbase_path() {
  const std::string rel = "termbase/ja-en-ai.tbx";
  if (auto p = data::override_file(rel)) return *p;
  std::string here = exe_dir();
  if (!here.empty() && file_exists(here + "/../share/jatei/" + rel)) return here + "/../share/jatei/" + rel;
  if (file_exists(JATEI_TERMBASE_BUILD_PATH)) return JATEI_TERMBASE_BUILD_PATH;
  if (file_exists(JATEI_TERMBASE_INSTALL_PATH)) return JATEI_TERMBASE_INSTALL_PATH;
  return {};
}

const Annotator& Annotator::default_instance() {
  static const Annotator a = [] {
    std::vector<std::shared_ptr<const tbx::Termbase>> tbs;
    std::string p = default_termbase_path();
    if (!p.empty()) tbs.push_back(std::make_shared<const tbx::Termbase>(tbx::read_file(p)));
    return Annotator(std::move(tbs));
  }();
  return a;
}

// ------------------------------------------------------------------------------------------

namespace {

// One term this run marks.
struct NewTerm {
  std::size_t begin, end;
  std::vector<Sense> senses;  // chosen senses (empty: a glossed phrase the termbase lacks)
  int gloss = -1;             // index into the sentence's glosses, when glossed
  std::string sense_how;      // how the sense was chosen (--explain)
  std::string id;
  std::string key;            // normalised text
};

// Indexes of terms in text order, an outer term before the ones inside it.
std::vector<std::size_t> text_order(const std::vector<NewTerm>& terms) {
  std::vector<std::size_t> order(terms.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (terms[x].begin != terms[y].begin) return terms[x].begin < terms[y].begin;
    return terms[x].end > terms[y].end;
  });
  return order;
}

struct SentenceWork {
  Sentence* s = nullptr;
  std::vector<FoundGloss> glosses;
  std::vector<NewTerm> terms;
  std::vector<int> gloss_term;  // per gloss: index into terms
  std::size_t ordinal = 0;      // the sentence's place among the work's, in document order
  std::size_t leaf = 0;         // its paragraph (the TEI leaf block: <p>, <head>, <item>…), in document order
  bool furniture = false;       // in a page's furniture (<div type="boilerplate">: menus, related links)
  // Once its part is let go: the sentence's id and text (what the later steps read), `s` points
  // here until the second pass points it at the sentence again.
  std::unique_ptr<Sentence> kept;
};

std::string fmt2(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

bool japanese_division(const Division& d) {
  if (d.type == "translation") return false;
  const std::string* lang = d.attrs.get("xml:lang");
  return !lang || lang->rfind("ja", 0) == 0;
}

// t1, t2… as fresh_id() writes them (no leading zero).
bool term_number(std::string_view id) {
  return id.size() >= 2 && id[0] == 't' && id[1] >= '1' && id[1] <= '9' &&
         std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The ids of the document that the stage may ask about: those of its own shape (t1, t2…) and
// those in `wanted` (the ids earlier terms had, which reuse_ids() gives back). The stage only
// asks whether such an id is taken, so the others (every sentence, leaf and block: a hash set
// of all of them was 4 % of the stage's time and a string per id) are not kept.
void collect_ids(const Document& doc, const std::unordered_set<std::string_view>& wanted,
                 std::unordered_set<std::string>& ids) {
  auto add = [&](const std::string& id) {
    if (term_number(id) || (!wanted.empty() && wanted.count(id))) ids.insert(id);
  };
  for (auto& p : doc.header.persons) add(p.id);
  for (auto& t : doc.header.taxonomies) {
    add(t.id);
    for (auto& c : t.categories) add(c.id);
  }
  for (auto& d : doc.divisions) {
    add(d.id);
    for (auto& t : d.turns) {
      add(t.id);
      for (auto& b : t.blocks) {
        add(b.id);
        for (auto& l : b.leaves) {
          add(l.id);
          for (auto& p : l.pieces) {
            if (p.kind != Piece::Kind::sentence) continue;
            add(p.sentence.id);
            for (auto& sp : p.sentence.spans)
              if (!is_owned_term(sp))
                if (const std::string* id = sp.attrs.get("xml:id")) add(*id);
          }
        }
      }
    }
  }
  ids.erase("");
}

}  // namespace

std::string Inconsistency::message() const {
  std::string m = japanese + " is rendered ";
  for (std::size_t k = 0; k < renderings.size(); ++k) {
    const Rendering& r = renderings[k];
    if (k) m += k + 1 == renderings.size() ? " and " : ", ";
    m += "\"" + r.english + "\" (" + r.how;
    for (std::size_t k2 = 0; k2 < r.where.size() && k2 < 5; ++k2) m += " #" + r.where[k2];
    if (r.where.size() > 5) m += " and " + std::to_string(r.where.size() - 5) + " more";
    m += ")";
  }
  return m + " in this document";
}

// One document through the terms stage. The steps run in order and share what they find:
// earlier markup removed (its ids kept by place), glosses and termbase terms per sentence,
// senses of ambiguous terms, ids and spans, renderings checked for consistency, the glossary,
// and the candidates for the termbase.
class Annotator::Run {
 public:
  Run(const Impl& m, const Options& opt) : m_(m), opt_(opt) {
    lookup_ = [this](std::string_view x) { return m_.lookup(x) != nullptr; };
  }

  // The first pass, a part at a time (the whole document is one part or many, cut anywhere
  // between divisions): earlier markup removed with its ids kept by place, the ids taken,
  // the translations, each sentence's glosses and terms; of a sentence, only what the later
  // steps read is kept once its part is let go (its id and text, when it has terms or glosses).
  void survey(Document& part);
  // Between the passes: senses, ids, renderings, glossary, candidates.
  void settle();
  // The header of the second pass: the terminology notes and <application>.
  void header(Document& doc);
  // The second pass, a part at a time in the same order: earlier markup removed, the spans written.
  void write(Document& part);
  Report finish() { return std::move(rep_); }

 private:
  class Step;
  class Finding;
  class Domain;
  class Senses;
  class Spans;
  class Renderings;
  class Glossary;
  class Candidates;

  const Impl& m_;
  const Options& opt_;
  Report rep_;
  TermLookup lookup_;
  std::map<std::tuple<std::string, std::size_t, std::size_t>, std::string> old_ids_;  // by sentence and place
  std::vector<SentenceWork> work_;
  std::size_t surveyed_ = 0;  // sentences of the work met by survey()
  std::size_t written_ = 0;   // … and by write()
  std::size_t next_work_ = 0;  // the first of work_ write() has not met
  std::size_t leaves_ = 0;     // leaf blocks met by survey()
  std::map<std::string, std::string> translation_;  // source sentence id -> English text
  std::unordered_set<std::string> used_;  // ids taken that the stage may ask about (collect_ids)
  // Senses the document's own glosses give (one sense per discourse), by key.
  std::map<std::string, std::vector<Sense>> doc_sense_;

  // 1. Remove this stage's earlier markup (remembering term ids by place when `record`), and
  // hand each sentence of the Japanese divisions, the work, to `each`.
  template <typename Each>
  void remove_earlier_markup(Document& doc, bool record, Each&& each) {
    for (auto& d : doc.divisions) {
      bool ja = japanese_division(d);
      for (auto& t : d.turns)
        for (auto& b : t.blocks)
          for (auto& l : b.leaves) {
            if (record) ++leaves_;
            for (auto& p : l.pieces) {
              if (p.kind != Piece::Kind::sentence) continue;
              Sentence& s = p.sentence;
              std::erase_if(s.spans, [&](const Span& sp) {
                if (is_owned_term(sp)) {
                  if (record) old_ids_[{s.id, sp.begin, sp.end}] = sp.attrs.value("xml:id");
                  return true;
                }
                return is_owned_gloss(sp);
              });
              const std::string* sl = s.attrs.get("xml:lang");
              if (ja && (!sl || sl->rfind("ja", 0) == 0)) each(s, d);
            }
          }
    }
  }

  // The English of each source sentence, from the translated divisions' @corresp.
  void collect_translations(const Document& part) {
    for (auto& d : part.divisions) {
      if (japanese_division(d)) continue;
      for (auto& t : d.turns)
        for (auto& b : t.blocks)
          for (auto& l : b.leaves)
            for (auto& p : l.pieces) {
              if (p.kind != Piece::Kind::sentence) continue;
              std::string corresp = p.sentence.attrs.value("corresp");
              std::istringstream ss(corresp);
              for (std::string tok; ss >> tok;)
                if (tok.size() > 1 && tok[0] == '#') translation_[tok.substr(1)] += " " + p.sentence.text;
            }
    }
  }

  void record_application(Document& doc) {
    doc.add_application(kApplication, kVersion);
    for (auto& a : doc.header.applications) {
      if (a.ident != kApplication) continue;
      a.description = m_.names.empty() ? "no termbase: glosses found in the text only"
                                       : "termbases the terms' @ref point into";
      a.pointers = m_.names;
    }
  }
};

// What the steps of a run share: the termbases, the options, the report (and its --explain lines).
class Annotator::Run::Step {
 protected:
  explicit Step(Run& r) : m_(r.m_), opt_(r.opt_), rep_(r.rep_) {}

  void explain(const std::string& line) {
    if (opt_.explain) rep_.explanations.push_back(line);
  }

  const Impl& m_;
  const Options& opt_;
  Report& rep_;
};

// 2. The terms of a sentence: its glosses and their terms, then the termbase's terms.
class Annotator::Run::Finding : Step {
 public:
  explicit Finding(Run& r) : Step(r), lookup_(r.lookup_), doc_sense_(r.doc_sense_) {}

  void find(SentenceWork& w) {
    find_glosses_in(w);
    add_glossed_terms(w);
    add_termbase_terms(w);
  }

 private:
  const TermLookup& lookup_;
  std::map<std::string, std::vector<Sense>>& doc_sense_;
  NormalView view_;
  std::vector<Matcher::Match> raw_;

  static const Span* crossed(const Sentence& s, std::size_t b, std::size_t e) {
    for (auto& sp : s.spans)
      if (crosses(b, e, sp)) return &sp;
    return nullptr;
  }

  // The sentence's glosses, unless one would cross another stage's markup or is too unsure.
  void find_glosses_in(SentenceWork& w) {
    Sentence& s = *w.s;
    const std::string sid = s.id.empty() ? "?" : s.id;
    for (auto& g : find_glosses(s.text, lookup_)) {
      const Span* x = crossed(s, g.term_begin, g.term_end);
      if (!x) x = crossed(s, g.gloss_begin, g.gloss_end);
      std::string label = s.text.substr(g.term_begin, g.term_end - g.term_begin) + " / " +
                          s.text.substr(g.gloss_begin, g.gloss_end - g.gloss_begin);
      if (x) {
        explain(sid + ": skipped gloss " + label + ": it would cross <" + x->element + "> (" +
                s.text.substr(x->begin, x->end - x->begin) + ")");
        continue;
      }
      if (!g.synonym && g.confidence < kMinGlossConfidence) {
        explain(sid + ": skipped gloss " + label + ": confidence " + fmt2(g.confidence) + " below " +
                fmt2(kMinGlossConfidence) + " (" + g.reason + ")");
        continue;
      }
      explain(sid + ": gloss " + label + " (" +
              (g.form == FoundGloss::Form::parenthetical ? "parenthetical"
               : g.form == FoundGloss::Form::reverse      ? "reverse"
                                                          : "apposition") +
              (g.synonym ? ", Japanese synonym" : "") + (g.acronym ? ", acronym" : "") + ", confidence " +
              fmt2(g.confidence) + "; " + g.reason + ")");
      w.glosses.push_back(std::move(g));
    }
  }

  // Glossed terms first (one term for the glosses of one parenthesis); an English gloss picks
  // the senses of an ambiguous term that have it.
  void add_glossed_terms(SentenceWork& w) {
    Sentence& s = *w.s;
    for (std::size_t gi = 0; gi < w.glosses.size(); ++gi) {
      const FoundGloss& g = w.glosses[gi];
      auto same = std::find_if(w.terms.begin(), w.terms.end(),
                               [&](const NewTerm& t) { return t.begin == g.term_begin && t.end == g.term_end; });
      if (same != w.terms.end()) {
        w.gloss_term.push_back(static_cast<int>(same - w.terms.begin()));
        continue;
      }
      NewTerm t{g.term_begin, g.term_end, {}, static_cast<int>(gi), {}, {}, normalize_key(s.text.substr(g.term_begin, g.term_end - g.term_begin))};
      auto found = m_.by_key.find(t.key);
      if (const KeyEntry* e = found == m_.by_key.end() ? nullptr : &m_.entries[found->second]) {
        t.senses = e->senses;
        if (!g.synonym && t.senses.size() > 1) {
          std::string ek = lower_ascii(normalize_key(s.text.substr(g.gloss_begin, g.gloss_end - g.gloss_begin)));
          std::vector<Sense> fit;
          for (auto& sn : t.senses)
            if (m_.has_english(sn, ek)) fit.push_back(sn);
          if (!fit.empty()) {
            t.senses = fit;
            t.sense_how = "the gloss";
            doc_sense_[e->key] = fit;
          }
        }
      }
      w.gloss_term.push_back(static_cast<int>(w.terms.size()));
      w.terms.push_back(std::move(t));
    }
  }

  // Whether a termbase match [b, e) of the view's key stands as a word: Latin terms on word
  // boundaries (no AI inside OpenAI); katakana never starting on ー or a small kana, never
  // ending before one, and a short katakana term not inside a longer katakana word (ロス in
  // クロス).
  bool stands_as_word(const Matcher::Match& x) const {
    std::string_view text(view_.text);
    std::string_view key = text.substr(x.begin, x.end - x.begin);
    char32_t kf = first_cp(key), kl = last_cp(key);
    char32_t pv = x.begin > 0 ? last_cp(text.substr(0, x.begin)) : 0;
    char32_t nx = x.end < text.size() ? first_cp(text.substr(x.end)) : 0;
    if (is_word_char(kf) && pv && is_word_char(pv)) return false;
    if (is_word_char(kl) && nx && is_word_char(nx)) return false;
    if (is_small_or_long(kf) || (nx && is_small_or_long(nx))) return false;
    bool kata_in = (classify(kf) == CharClass::katakana && pv && classify(pv) == CharClass::katakana) ||
                   (classify(kl) == CharClass::katakana && nx && classify(nx) == CharClass::katakana);
    return !(kata_in && utf8::count(key) < 3);
  }

  // Whether a term at [b, e) clashes with a gloss: nothing across a gloss, nor inside an English
  // one (a Japanese synonym may hold a term: AIモデル(ベースモデル)), nor across a glossed term.
  static bool clashes_with_gloss(const SentenceWork& w, std::size_t b, std::size_t e) {
    bool clash = false;
    for (auto& g : w.glosses) {
      if (b < g.gloss_end && g.gloss_begin < e && !(g.synonym && g.gloss_begin <= b && e <= g.gloss_end)) clash = true;
      bool overlap = b < g.term_end && g.term_begin < e;
      bool inside = g.term_begin <= b && e <= g.term_end;
      bool around = b <= g.term_begin && g.term_end <= e;
      if (overlap && !inside && !around) clash = true;
    }
    return clash;
  }

  // Termbase matches on the normalised view, longest-leftmost among those that stand as words
  // and split no markup.
  void add_termbase_terms(SentenceWork& w) {
    Sentence& s = *w.s;
    const std::string sid = s.id.empty() ? "?" : s.id;
    normalize(s.text, view_);
    raw_.clear();
    m_.matcher.scan(view_.text, raw_);
    std::vector<Matcher::Match> ok;
    std::set<std::pair<std::size_t, std::size_t>> explained;
    for (auto& x : raw_) {
      std::size_t b = 0, e = 0;
      if (!view_.map(x.begin, x.end, b, e)) continue;
      if (!stands_as_word(x)) continue;
      if (const Span* f = crossed(s, b, e)) {
        if (explained.insert({b, e}).second)
          explain(sid + ": skipped term " + s.text.substr(b, e - b) + ": it would cross <" + f->element + "> (" +
                  s.text.substr(f->begin, f->end - f->begin) + ")");
        continue;
      }
      if (clashes_with_gloss(w, b, e)) continue;
      ok.push_back({b, e, x.value});
    }
    for (auto& x : longest_leftmost(std::move(ok))) {
      // A match that is a glossed term is that term (marked already); it still took part in
      // the choice, so the shorter terms inside it are not marked on their own.
      bool glossed = std::any_of(w.glosses.begin(), w.glosses.end(),
                                 [&](const FoundGloss& g) { return g.term_begin == x.begin && g.term_end == x.end; });
      if (glossed) continue;
      NewTerm t{x.begin, x.end, m_.entries[x.value].senses, -1, {}, {}, m_.entries[x.value].key};
      w.terms.push_back(std::move(t));
    }
  }
};

// 3. Senses of ambiguous terms: context cues, else the document's gloss, else the document's
// other evidence, else the paragraph's field, else all.
// 3. Whether the document is of the termbases' field. A term written in three kanji or kana or
// fewer (学習, 推論, 蒸留, モデル) is an everyday word as well as the field's term; it is the
// field's only where the document shows the field: another term written longer or in Latin
// letters (事前学習, 大規模言語モデル, GPU), or a gloss in the text on one, or three different
// everyday words of the termbases (精度, 自動化, スマホ in a blog on reading receipts), outside
// the page's furniture. Elsewhere (the 学習期間 of a job posting, the 蒸留水 of a recipe, the 訓練
// of a disaster drill) it is not marked.
class Annotator::Run::Domain : Step {
 public:
  static constexpr std::size_t kFieldWords = 3;

  explicit Domain(Run& r) : Step(r), work_(r.work_) {}

  void gate() {
    // Whether the document shows the termbases' field (one of them: a client's termbase beside
    // the team's, a term of either), and the everyday words of the termbases it holds.
    // (A page's furniture shows nothing of the article's field: a related-links line on AI
    // beside a report of a railway drill.)
    bool shown = false;
    std::set<std::string> words;
    for (auto& w : work_)
      for (auto& t : w.terms) {
        if (w.furniture) continue;
        if (t.senses.empty()) continue;
        if (t.gloss >= 0 || !everyday(*w.s, t)) shown = true;
        else words.insert(t.key);
      }
    if (shown || words.size() >= kFieldWords) return;
    // The document does not show the field: every termbase term in it is an everyday word, and
    // none is marked (a glossed phrase the termbases lack stays).
    for (auto& w : work_) {
      std::vector<NewTerm> kept;
      std::vector<int> place(w.terms.size(), -1);
      for (std::size_t k = 0; k < w.terms.size(); ++k) {
        NewTerm& t = w.terms[k];
        if (!t.senses.empty() && (everyday(*w.s, t) || !w.furniture)) {
          explain(w.s->id + ": " + w.s->text.substr(t.begin, t.end - t.begin) +
                  " not marked: an everyday word, and the document has no other term of the termbases");
          continue;
        }
        place[k] = static_cast<int>(kept.size());
        kept.push_back(std::move(t));
      }
      w.terms = std::move(kept);
      for (int& g : w.gloss_term)
        if (g >= 0) g = place[static_cast<std::size_t>(g)];
    }
  }

 private:
  std::vector<SentenceWork>& work_;

  // Three characters or fewer, each a kanji or a kana (or the prolonged sound mark).
  static bool everyday(const Sentence& s, const NewTerm& t) {
    std::string_view form = std::string_view(s.text).substr(t.begin, t.end - t.begin);
    std::size_t n = 0;
    for (text::CodePoint cp : text::code_points(form)) {
      if (++n > 3 || !(text::is_kanji(cp.c) || text::is_kana(cp.c))) return false;
    }
    return n > 0;
  }
};

class Annotator::Run::Senses : Step {
 public:
  explicit Senses(Run& r) : Step(r), work_(r.work_), doc_sense_(r.doc_sense_) {}

  // Each occurrence by its own context cues, else the document's gloss, else the sense the
  // document's other evidence agrees on (one sense per discourse: the occurrences the context
  // decided, and the longer terms of the termbases that hold the term and name one sense in
  // their English, 推論モデル "reasoning model"), else the sense whose subject field the other
  // terms of its paragraph show (報酬 beside 強化学習 is the reward of machine learning, not
  // the pay of 翻訳者の報酬; a field shown elsewhere in the document does not decide: a
  // related-links line of an article on LLMs may be about pay), else all of them (said
  // "ambiguous": the exports give every sense).
  void choose() {
    std::vector<NewTerm*> open;
    for (auto& w : work_) {
      Sentence& s = *w.s;
      for (auto& t : w.terms) {
        if (t.senses.size() < 2 || !t.sense_how.empty()) continue;
        std::vector<Sense> best = senses_by_context(s, t);
        if (best.size() == 1) {
          t.senses = best;
          t.sense_how = "context";
          continue;
        }
        auto ds = doc_sense_.find(t.key);
        if (ds != doc_sense_.end()) {
          t.senses = ds->second;
          t.sense_how = "the document's gloss";
        } else {
          open.push_back(&t);
        }
      }
    }
    if (open.empty()) return;
    std::map<std::string, std::set<std::pair<std::uint32_t, std::uint32_t>>> votes;  // key -> senses
    for (NewTerm* t : open) votes.try_emplace(t->key);
    for (auto& w : work_)
      for (auto& t : w.terms) {
        if (t.senses.size() != 1) continue;
        auto v = votes.find(t.key);
        if (v != votes.end()) {
          if (t.sense_how == "context") v->second.insert({t.senses[0].tb, t.senses[0].cid});
          continue;
        }
        for (auto& [key, voted] : votes)
          if (auto sn = sense_named_in(key, t)) voted.insert({sn->tb, sn->cid});
      }
    std::vector<std::pair<NewTerm*, std::size_t>> still;  // and its paragraph
    for (auto& w : work_)
      for (auto& t : w.terms) {
        if (std::find(open.begin(), open.end(), &t) == open.end()) continue;
        auto& voted = votes[t.key];
        if (voted.size() == 1) {
          auto [tb, cid] = *voted.begin();
          t.senses = {Sense{tb, cid}};
          t.sense_how = "the document's other occurrences and terms";
        } else if (voted.size() > 1) {
          t.sense_how = "ambiguous (the document has both)";
        } else {
          still.push_back({&t, w.leaf});
        }
      }
    if (still.empty()) return;
    // The subject fields each paragraph's other terms show (terms of one field only, decided).
    std::map<std::size_t, std::set<std::pair<std::string, std::string>>> fields;  // leaf -> (field, key)
    for (auto& w : work_)
      for (auto& t : w.terms) {
        if (t.senses.empty()) continue;
        const std::string& f = m_.concept_of(t.senses[0]).subject_field;
        bool one = !f.empty() && std::all_of(t.senses.begin(), t.senses.end(),
                                             [&](const Sense& sn) { return m_.concept_of(sn).subject_field == f; });
        if (one) fields[w.leaf].insert({f, t.key});
      }
    for (auto [t, leaf] : still) {
      std::vector<Sense> shown;
      std::string field;
      for (auto& sn : t->senses) {
        const std::string& f = m_.concept_of(sn).subject_field;
        auto& here = fields[leaf];
        // (t's key named before the lambda: Clang 14 cannot capture a structured binding)
        const auto& key = t->key;
        bool evidenced = std::any_of(here.begin(), here.end(), [&](auto& fk) { return fk.first == f && fk.second != key; });
        if (!f.empty() && evidenced) {
          shown.push_back(sn);
          field = f;
        }
      }
      if (shown.size() == 1) {
        t->senses = shown;
        t->sense_how = "the paragraph's field (" + field + ")";
      } else {
        t->sense_how = "ambiguous";
      }
    }
  }

 private:
  std::vector<SentenceWork>& work_;
  const std::map<std::string, std::vector<Sense>>& doc_sense_;

  // The sense of the ambiguous term `key` that a longer term `t` holding it names in its English
  // (推論モデル, "reasoning model": reasoning), when it names exactly one.
  std::optional<Sense> sense_named_in(const std::string& key, const NewTerm& t) const {
    if (t.key.size() <= key.size() || t.key.find(key) == std::string::npos) return std::nullopt;
    const KeyEntry* e = m_.lookup(key);
    if (!e) return std::nullopt;
    std::string hay = " " + lower_ascii(m_.preferred_english(t.senses[0])) + " ";
    std::optional<Sense> found;
    for (auto& sn : e->senses) {
      std::string en = lower_ascii(m_.preferred_english(sn));
      if (en.empty() || hay.find(" " + en + " ") == std::string::npos) continue;
      if (found) return std::nullopt;
      found = sn;
    }
    return found;
  }

  // The senses whose context cues (the characters before and after) score best.
  std::vector<Sense> senses_by_context(const Sentence& s, const NewTerm& t) const {
    std::string a = chars_after(s.text, t.end, 2), b = chars_before(s.text, t.begin, 2);
    std::vector<Sense> best;
    int best_score = 0;
    for (auto& sn : t.senses) {
      auto it = m_.cues.find({sn.tb, sn.cid});
      if (it == m_.cues.end()) continue;
      int score = 0;
      for (auto& c : it->second.after)
        if (!a.empty() && c == a) score += 2;
        else if (!a.empty() && first_cp(c) == first_cp(a) && classify(first_cp(a)) == CharClass::kanji) score += 1;
      for (auto& c : it->second.before)
        if (!b.empty() && c == b) score += 2;
      if (score > best_score) {
        best = {sn};
        best_score = score;
      } else if (score == best_score && score > 0) {
        best.push_back(sn);
      }
    }
    return best;
  }
};

// 4. Ids in document order, then each sentence's <term> and <gloss> spans.
class Annotator::Run::Spans : Step {
 public:
  explicit Spans(Run& r) : Step(r), work_(r.work_), old_ids_(r.old_ids_), used_(r.used_) {}

  // Ids in document order, before any span is written (the renderings name them).
  void ids() {
    reuse_ids();
    for (auto& w : work_)
      for (std::size_t k : text_order(w.terms))
        if (w.terms[k].id.empty()) w.terms[k].id = fresh_id();
  }

  // The sentence's <term> and <gloss> spans (its terms have their ids), in text order (outer
  // before inner) so nesting is written the same every run.
  void write_spans(SentenceWork& w) {
    std::vector<std::size_t> order = text_order(w.terms);
    w.s->spans.reserve(w.s->spans.size() + w.terms.size() + w.glosses.size());
    std::vector<Span> add;
    for (std::size_t k : order) {
      NewTerm& t = w.terms[k];
      Span sp{t.begin, t.end, "term", {}};
      sp.attrs.set("xml:id", t.id);
      std::string ref;
      for (auto& sn : t.senses) ref += (ref.empty() ? "" : " ") + m_.ref(sn);
      if (!ref.empty()) sp.attrs.set("ref", ref);
      add.push_back(std::move(sp));
      ++rep_.terms;
    }
    for (std::size_t gi = 0; gi < w.glosses.size(); ++gi) {
      const FoundGloss& g = w.glosses[gi];
      Span sp{g.gloss_begin, g.gloss_end, "gloss", {}};
      sp.attrs.set("target", "#" + w.terms[static_cast<std::size_t>(w.gloss_term[gi])].id);
      sp.attrs.set("xml:lang", g.synonym ? "ja" : "en");
      if (g.synonym) sp.attrs.set("type", "synonym");
      add.push_back(std::move(sp));
      ++rep_.glosses;
    }
    // A Japanese synonym that is itself a term: <gloss><term>事前学習</term></gloss> (the
    // gloss is the outer element).
    std::stable_sort(add.begin(), add.end(), [](const Span& a, const Span& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end > b.end;
      return a.element == "gloss" && b.element != "gloss";
    });
    for (auto& sp : add) w.s->spans.push_back(std::move(sp));
    if (opt_.explain) explain_terms(w, order);
  }

 private:
  std::vector<SentenceWork>& work_;
  const std::map<std::tuple<std::string, std::size_t, std::size_t>, std::string>& old_ids_;
  std::unordered_set<std::string>& used_;
  std::size_t next_id_ = 1;

  // Ids in document order: a term keeps the id it had at the same place, the others get the
  // first free t1, t2…
  void reuse_ids() {
    for (auto& w : work_) {
      std::vector<std::size_t> order = text_order(w.terms);
      for (std::size_t k : order) {
        auto it = old_ids_.find({w.s->id, w.terms[k].begin, w.terms[k].end});
        if (it != old_ids_.end() && !used_.count(it->second)) {
          w.terms[k].id = it->second;
          used_.insert(it->second);
        }
      }
    }
  }

  std::string fresh_id() {
    while (used_.count("t" + std::to_string(next_id_))) ++next_id_;
    std::string id = "t" + std::to_string(next_id_++);
    used_.insert(id);
    return id;
  }

  void explain_terms(const SentenceWork& w, const std::vector<std::size_t>& order) {
    for (std::size_t k : order) {
      const NewTerm& t = w.terms[k];
      std::string line = (w.s->id.empty() ? "?" : w.s->id) + ": term " + t.id + " " +
                         w.s->text.substr(t.begin, t.end - t.begin);
      if (!t.senses.empty()) {
        line += " ->";
        for (auto& sn : t.senses) line += " " + m_.ref(sn) + " (" + m_.preferred_english(sn) + ")";
        if (!t.sense_how.empty()) line += ", sense from " + t.sense_how;
      } else {
        line += " (glossed, not in the termbase)";
      }
      explain(line);
    }
  }
};

// 5. Renderings: glosses, and the translation (jatei-merge's <div type="translation">).
class Annotator::Run::Renderings {
 public:
  Renderings(const Impl& m, const std::map<std::string, std::string>& translation, std::vector<SentenceWork>& work,
             Report& rep)
      : m_(m), translation_(translation), work_(work), rep_(rep) {}
  void check() { check_renderings(); }

 private:
  const Impl& m_;
  const std::map<std::string, std::string>& translation_;  // source sentence id -> English text
  std::vector<SentenceWork>& work_;
  Report& rep_;

  struct Seen {
    std::string surface;
    std::map<std::string, Inconsistency::Rendering> renderings;  // by normalised English
    std::vector<Sense> senses;
  };

  static bool word_in(const std::string& hay, const std::string& needle) {
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) {
      bool lb = p == 0 || !std::isalnum(static_cast<unsigned char>(hay[p - 1]));
      std::size_t e = p + needle.size();
      bool rb = e >= hay.size() || !std::isalnum(static_cast<unsigned char>(hay[e]));
      if (lb && rb) return true;
    }
    return false;
  }

  // Which English of the term's senses (all of them, not only the chosen one) the translation
  // of its sentence uses: the one, or empty when none or several.
  std::string translated_as(const NewTerm& t, const std::string& surface, const std::string& translation) const {
    std::string hay = lower_ascii(translation);
    const KeyEntry* e = m_.lookup(surface);
    std::vector<std::string> found;
    for (auto& sense : e ? e->senses : t.senses) {
      const tbx::LangSection* en = m_.concept_of(sense).lang("en");
      if (!en) continue;
      for (auto& et : en->terms)
        if (word_in(hay, lower_ascii(et.text))) {
          found.push_back(m_.preferred_english(sense));
          break;
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found.size() == 1 ? found[0] : std::string();
  }

  // Every term's renderings (its English gloss, its translation); a term rendered two ways
  // that are not terms of one concept is an inconsistency, noted in the header (Run::header).
  void check_renderings() {
    const std::map<std::string, std::string>& translation = translation_;
    std::unordered_map<std::string, Seen> seen;  // by normalised Japanese
    std::vector<std::string> seen_order;
    for (auto& w : work_) {
      Sentence& s = *w.s;
      for (auto& t : w.terms) {
        std::string surface = s.text.substr(t.begin, t.end - t.begin);
        auto [it, fresh] = seen.try_emplace(t.key);
        if (fresh) {
          it->second.surface = surface;
          seen_order.push_back(t.key);
        }
        Seen& sn = it->second;
        if (sn.senses.empty()) sn.senses = t.senses;
        if (t.gloss >= 0 && !w.glosses[static_cast<std::size_t>(t.gloss)].synonym) {
          const FoundGloss& g = w.glosses[static_cast<std::size_t>(t.gloss)];
          std::string en = s.text.substr(g.gloss_begin, g.gloss_end - g.gloss_begin);
          add_rendering(sn, en, "glossed", t.id);
        }
        auto tr = translation.find(s.id);
        if (tr != translation.end() && !t.senses.empty()) {
          std::string en = translated_as(t, surface, tr->second);
          if (!en.empty()) add_rendering(sn, en, "translated", t.id);
        }
      }
    }
    for (auto& key : seen_order) report_if_inconsistent(seen[key]);
  }

  static void add_rendering(Seen& sn, const std::string& english, const char* how, const std::string& where) {
    auto& r = sn.renderings[lower_ascii(normalize_key(english))];
    if (r.english.empty()) {
      r.english = english;
      r.how = how;
    }
    r.where.push_back(where);
  }

  void report_if_inconsistent(Seen& sn) {
    if (sn.renderings.size() < 2) return;
    // Renderings that are terms of one concept (LLM and large language model) agree.
    bool one_concept = false;
    if (const KeyEntry* e = m_.lookup(sn.surface)) {
      for (auto& sense : e->senses) {
        bool all = true;
        for (auto& [ek, r] : sn.renderings) all = all && m_.has_english(sense, ek);
        one_concept = one_concept || all;
      }
    }
    if (one_concept) return;
    Inconsistency inc;
    inc.japanese = sn.surface;
    for (auto& [ek, r] : sn.renderings) inc.renderings.push_back(r);
    std::sort(inc.renderings.begin(), inc.renderings.end(), [](auto& a, auto& b) { return a.where < b.where; });
    rep_.inconsistencies.push_back(std::move(inc));
  }
};

// 6. Glossary rows, in order of first occurrence.
class Annotator::Run::Glossary {
 public:
  Glossary(const Impl& m, std::vector<SentenceWork>& work, Report& rep) : m_(m), work_(work), rep_(rep) {}

  void build() {
    std::unordered_map<std::string, std::size_t> row_of;  // normalised Japanese \t English
    std::unordered_map<std::string, std::string> english_keys;
    auto english_key = [&](const std::string& english) -> const std::string& {
      auto [it, fresh] = english_keys.try_emplace(english);
      if (fresh) it->second = lower_ascii(normalize_key(english));
      return it->second;
    };
    for (auto& w : work_) {
      Sentence& s = *w.s;
      std::vector<std::size_t> order(w.terms.size());
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
      std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return w.terms[x].begin < w.terms[y].begin; });
      for (std::size_t k : order) {
        const NewTerm& t = w.terms[k];
        std::string surface = s.text.substr(t.begin, t.end - t.begin);
        std::string english, ref;
        bool from_text = false, from_tb = !t.senses.empty();
        if (t.gloss >= 0) {
          const FoundGloss& g = w.glosses[static_cast<std::size_t>(t.gloss)];
          if (!g.synonym) {
            english = s.text.substr(g.gloss_begin, g.gloss_end - g.gloss_begin);
            from_text = true;
            std::string ek = lower_ascii(normalize_key(english));
            from_tb = std::any_of(t.senses.begin(), t.senses.end(), [&](const Sense& sn) { return m_.has_english(sn, ek); });
          }
        }
        if (english.empty()) {
          for (auto& sn : t.senses) {
            std::string e = m_.preferred_english(sn);
            if (!e.empty() && english.find(e) == std::string::npos) english += (english.empty() ? "" : " / ") + e;
          }
        }
        if (english.empty()) continue;  // a Japanese synonym of a phrase the termbase lacks
        for (auto& sn : t.senses) ref += (ref.empty() ? "" : " ") + m_.ref(sn);
        std::string source = from_tb && from_text ? "termbase+text" : from_text ? "text" : "termbase";
        std::string rk = t.key + '\t' + english_key(english);
        auto it = row_of.find(rk);
        if (it == row_of.end()) {
          row_of[rk] = rep_.glossary.size();
          rep_.glossary.push_back({surface, english, 1, s.id, source, ref});
        } else {
          GlossaryRow& r = rep_.glossary[it->second];
          ++r.count;
          if (r.source != source) r.source = "termbase+text";
          if (r.ref.empty()) r.ref = ref;
        }
      }
    }
  }

 private:
  const Impl& m_;
  std::vector<SentenceWork>& work_;
  Report& rep_;
};

// 7. Candidates for the termbase: pairs the text gives that it lacks, and loanwords.
class Annotator::Run::Candidates {
 public:
  Candidates(const Impl& m, std::vector<SentenceWork>& work, Report& rep) : m_(m), work_(work), rep_(rep) {}
  void find() {
    std::set<std::pair<std::string, std::string>> have;
    gloss_candidates(have);
    loanword_candidates(have);
  }

 private:
  const Impl& m_;
  std::vector<SentenceWork>& work_;
  Report& rep_;

  // Pairs the text gives that the termbase lacks…
  void gloss_candidates(std::set<std::pair<std::string, std::string>>& have) {
    for (auto& w : work_) {
      Sentence& s = *w.s;
      for (std::size_t gi = 0; gi < w.glosses.size(); ++gi) {
        const FoundGloss& g = w.glosses[gi];
        if (g.synonym) continue;
        const NewTerm& t = w.terms[static_cast<std::size_t>(w.gloss_term[gi])];
        std::string ja = s.text.substr(t.begin, t.end - t.begin);
        std::string en = s.text.substr(g.gloss_begin, g.gloss_end - g.gloss_begin);
        std::string ek = lower_ascii(normalize_key(en));
        if (std::any_of(t.senses.begin(), t.senses.end(), [&](const Sense& sn) { return m_.has_english(sn, ek); })) continue;
        if (!have.insert({normalize_key(ja), ek}).second) continue;
        Candidate c;
        c.japanese = ja;
        c.english = en;
        c.kind = g.acronym ? "acronym"
                 : g.form == FoundGloss::Form::reverse ? "reverse"
                 : g.form == FoundGloss::Form::apposition ? "apposition"
                 : g.transliteration >= 0.75 ? "transliteration"
                                             : "gloss";
        c.sentence_id = s.id;
        c.sentence = s.text;
        c.confidence = g.confidence;
        rep_.candidates.push_back(std::move(c));
      }
    }
  }

  // The document's Latin words (3+ letters) and pairs of them separated by one space, each once.
  std::vector<Impl::EnglishWord> document_english_words() const {
    std::vector<Impl::EnglishWord> doc_words;
    std::set<std::string> doc_seen;
    for (auto& w : work_) {
      const std::string& t = w.s->text;
      std::vector<std::pair<std::size_t, std::size_t>> words;
      for (std::size_t i = 0; i < t.size();) {
        auto letter = [&](std::size_t k) { return (t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z'); };
        if (!letter(i)) {
          ++i;
          continue;
        }
        std::size_t b = i;
        while (i < t.size() && letter(i)) ++i;
        if (i - b >= 3) words.push_back({b, i});
      }
      for (std::size_t k = 0; k < words.size(); ++k) {
        std::string one = t.substr(words[k].first, words[k].second - words[k].first);
        if (doc_seen.insert(lower_ascii(one)).second) doc_words.push_back({one, english_skeleton(one)});
        if (k + 1 < words.size() && words[k + 1].first == words[k].second + 1 && t[words[k].second] == ' ') {
          std::string two = t.substr(words[k].first, words[k + 1].second - words[k].first);
          if (doc_seen.insert(lower_ascii(two)).second) doc_words.push_back({two, english_skeleton(two)});
        }
      }
    }
    return doc_words;
  }

  // The English word (of the document, then of the termbases) a katakana word sounds most like,
  // and how much.
  std::pair<double, std::string> closest_english(const std::string& ks, const std::vector<Impl::EnglishWord>& doc_words) const {
    double best = 0;
    std::string best_en;
    auto consider = [&](const Impl::EnglishWord& ew) {
      if (ew.skeleton.empty() || ew.skeleton[0] != ks[0]) return;
      // Acronyms are read letter by letter (ML is エムエル), never as a loanword.
      if (std::none_of(ew.text.begin(), ew.text.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) return;
      if (ew.skeleton.size() + 2 < ks.size() || ks.size() + 2 < ew.skeleton.size()) return;
      double sim = skeleton_similarity(ks, ew.skeleton);
      if (sim > best) {
        best = sim;
        best_en = ew.text;
      }
    };
    for (auto& ew : doc_words) consider(ew);
    auto& by_first = m_.english_words();
    auto bucket = by_first.find(ks[0]);
    if (bucket != by_first.end())
      for (auto& ew : bucket->second) consider(ew);
    return {best, best_en};
  }

  // … and loanwords: katakana words of the document against English words of the document and
  // the termbase.
  void loanword_candidates(std::set<std::pair<std::string, std::string>>& have) {
    std::vector<Impl::EnglishWord> doc_words = document_english_words();
    std::set<std::string> kata_seen;
    for (auto& w : work_) {
      const std::string& t = w.s->text;
      std::size_t i = 0;
      while (i < t.size()) {
        std::size_t len = 0;
        char32_t c = utf8::decode(t, i, len);
        if (classify(c) != CharClass::katakana) {
          i += len;
          continue;
        }
        std::size_t b = i;
        while (i < t.size()) {
          char32_t d = utf8::decode(t, i, len);
          if (classify(d) != CharClass::katakana && d != 0x30FB) break;
          i += len;
        }
        std::string word = t.substr(b, i - b);
        if (utf8::count(word) < 3 || !kata_seen.insert(normalize_key(word)).second) continue;
        bool known = false;  // glossed, or part of a term already
        for (auto& g : w.glosses)
          if (b < g.gloss_end && g.gloss_begin < i) known = true;
        for (auto& nt : w.terms)
          if (nt.begin <= b && i <= nt.end) known = true;
        if (known || m_.lookup(word)) continue;
        std::string ks = katakana_skeleton(word);
        if (ks.size() < 2) continue;
        auto [best, best_en] = closest_english(ks, doc_words);
        if (best < kLoanwordThreshold) continue;
        if (!have.insert({normalize_key(word), lower_ascii(normalize_key(best_en))}).second) continue;
        Candidate cand;
        cand.japanese = word;
        cand.english = best_en;
        cand.kind = "loanword";
        cand.sentence_id = w.s->id;
        cand.sentence = t;
        cand.confidence = best;
        cand.romanized = romanize(word);
        rep_.candidates.push_back(std::move(cand));
      }
    }
  }
};

void Annotator::Run::survey(Document& part) {
  std::size_t first = work_.size();
  remove_earlier_markup(part, true, [&](Sentence& s, const Division& d) {
    work_.push_back({&s, {}, {}, {}, surveyed_++, leaves_, d.type == "boilerplate", nullptr});
  });
  {
    // Only ids the stage may ask about (collect_ids); xml:ids are unique in a document the
    // reader takes, so an id of a later part is never one of an earlier part's terms.
    std::unordered_set<std::string_view> wanted;  // views of old_ids_, which outlives this
    for (auto& [where, id] : old_ids_) wanted.insert(id);
    collect_ids(part, wanted, used_);
  }
  collect_translations(part);
  {
    Finding finding(*this);
    for (std::size_t k = first; k < work_.size(); ++k) finding.find(work_[k]);
  }
  // What the later steps read of a sentence, kept as the part is let go: the sentences with
  // terms or glosses (all of them for the candidates, whose loanwords come from any sentence).
  std::size_t to = first;
  for (std::size_t k = first; k < work_.size(); ++k) {
    SentenceWork& w = work_[k];
    if (w.terms.empty() && w.glosses.empty() && !opt_.candidates) continue;
    w.kept = std::make_unique<Sentence>();
    w.kept->id = w.s->id;
    w.kept->text = w.s->text;
    w.s = w.kept.get();
    if (to != k) work_[to] = std::move(w);
    ++to;
  }
  work_.erase(work_.begin() + static_cast<std::ptrdiff_t>(to), work_.end());
}

void Annotator::Run::settle() {
  if (opt_.domain_gate) Domain(*this).gate();
  Senses(*this).choose();
  Spans(*this).ids();
  Renderings(m_, translation_, work_, rep_).check();
  Glossary(m_, work_, rep_).build();
  if (opt_.candidates) Candidates(m_, work_, rep_).find();
}

void Annotator::Run::header(Document& doc) {
  std::erase_if(doc.header.notes, [](const HeaderNote& n) { return n.type == "terminology"; });
  for (auto& inc : rep_.inconsistencies) doc.header.notes.push_back({"terminology", "jatei-terms: " + inc.message()});
  record_application(doc);
}

void Annotator::Run::write(Document& part) {
  Spans spans(*this);
  remove_earlier_markup(part, false, [&](Sentence& s, const Division&) {
    std::size_t n = written_++;
    if (next_work_ < work_.size() && work_[next_work_].ordinal == n) {
      SentenceWork& w = work_[next_work_++];
      w.s = &s;
      spans.write_spans(w);
      w.s = w.kept.get();
    }
  });
}

Annotator::Parts::Parts(const Annotator& annotator, const Options& options)
    : options_(options), run_(std::make_unique<Run>(*annotator.impl_, options_)) {}
Annotator::Parts::~Parts() = default;
void Annotator::Parts::survey(Document& part) { run_->survey(part); }
void Annotator::Parts::header(Document& doc) {
  if (!settled_) run_->settle();
  settled_ = true;
  run_->header(doc);
}
void Annotator::Parts::annotate(Document& part) { run_->write(part); }
Report Annotator::Parts::finish() { return run_->finish(); }

Report Annotator::annotate(Document& doc, const Options& opt) const {
  Run run(*impl_, opt);
  run.survey(doc);
  run.settle();
  run.header(doc);
  run.write(doc);
  return run.finish();
}


tbx::Termbase candidates_termbase(const std::vector<Candidate>& cands, const std::string& document) {
  tbx::Termbase tb;
  tb.title = "jatei-terms candidates from " + document;
  tb.description = "Term pairs found in " + document +
                   " that the termbases lack, for a terminologist to review. Written by jatei-terms.";
  std::size_t n = 0;
  for (auto& c : cands) {
    tbx::Concept con;
    con.id = "cand" + std::to_string(++n);
    std::string note = "found as: " + c.kind + "; confidence " + fmt2(c.confidence);
    if (!c.romanized.empty()) note += "; romanised \"" + c.romanized + "\"";
    con.notes.push_back(note);
    tbx::Term ja;
    ja.text = c.japanese;
    ja.part_of_speech = "noun";
    ja.context = c.sentence;
    ja.source = document + "#" + c.sentence_id;
    con.lang_add("ja").terms.push_back(std::move(ja));
    tbx::Term en;
    en.text = c.english;
    en.part_of_speech = "noun";
    if (c.kind == "acronym") en.term_type = "acronym";
    con.lang_add("en").terms.push_back(std::move(en));
    tb.concepts.push_back(std::move(con));
  }
  return tb;
}

std::string glossary_tsv(const std::vector<GlossaryRow>& rows) {
  auto clean = [](std::string s) {
    for (char& c : s)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
  };
  std::string out = "japanese\tenglish\tcount\tfirst_sentence\tsource\n";
  for (auto& r : rows)
    out += clean(r.japanese) + "\t" + clean(r.english) + "\t" + std::to_string(r.count) + "\t" + r.first_sentence + "\t" +
           r.source + "\n";
  return out;
}

}  // namespace jatei::terms
